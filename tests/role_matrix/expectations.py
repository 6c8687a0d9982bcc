"""The role matrix of the whole platform: what each persona gets from each route, in one table.

Columns, in order: the coordinator; the admin and the staff member of the owning structure; an admin of another
structure; the committee voter (admin of a labelled structure sitting on the open session); a partner user
following the owning structure's département; a logged-in person without any role; the anonymous visitor; then
the project's people, on the owning structure's project (the `project` target) and nowhere else: its carrier, an
outside expert, an expert observer. Everywhere but that project's workspace they are logged-in people without a
role (the nobody column).
The world behind the targets is described in world.py.

A cell is an exact status, `login` (sent to the login page) or, for a write, `ok` (allowed: 2xx, or a
redirection elsewhere than the login page — a form answered with its errors counts). For a write whose cell is a
refusal (`login`, 4xx), the test also checks that nothing was written. A new route or API operation fails the
suite until it has a row here: run it, check each cell against the app's perms.py, then add the row.
"""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from .table import parse
from .world import NARRATIVES, PDF

# Every route of fabrique.urls (the Django admin aside: one rule in test_role_matrix.py), by URL name.
PAGES = parse("""
# route                            method target            coord admin staff other voter partn nobody anon  carr  exp   obs
home                               GET    -                 200   200   200   200   200   200   200   200   200   200   200
accessibility                      GET    -                 200   200   200   200   200   200   200   200   200   200   200
dashboard                          GET    -                 200   200   200   200   200   200   200   login   200   200   200
accounts:login                     GET    -                 302   302   302   302   302   302   302   200   302   302   302
accounts:login                     POST   -                 ok    ok    ok    ok    ok    ok    ok    ok   ok    ok    ok
accounts:logout                    GET    -                 405   405   405   405   405   405   405   405   405   405   405
accounts:logout                    POST   -                 ok    ok    ok    ok    ok    ok    ok    ok   ok    ok    ok
accounts:profile                   GET    -                 200   200   200   200   200   200   200   login   200   200   200
accounts:profile                   POST   -                 ok    ok    ok    ok    ok    ok    ok    login   ok    ok    ok
accounts:password_change           GET    -                 200   200   200   200   200   200   200   login   200   200   200
accounts:password_change           POST   -                 ok    ok    ok    ok    ok    ok    ok    login   ok    ok    ok
accounts:password_reset            GET    -                 200   200   200   200   200   200   200   200   200   200   200
accounts:password_reset            POST   -                 ok    ok    ok    ok    ok    ok    ok    ok   ok    ok    ok
accounts:password_reset_done       GET    -                 200   200   200   200   200   200   200   200   200   200   200
accounts:password_reset_confirm    GET    reset             200   200   200   200   200   200   200   200   200   200   200
accounts:password_reset_confirm    POST   reset             ok    ok    ok    ok    ok    ok    ok    ok   ok    ok    ok
accounts:password_reset_complete   GET    -                 200   200   200   200   200   200   200   200   200   200   200
accounts:tokens                    GET    -                 200   200   200   200   200   200   200   login   200   200   200
accounts:tokens                    POST   -                 ok    ok    ok    ok    ok    ok    ok    login   ok    ok    ok
accounts:token_revoke              GET    token             405   405   405   405   405   405   405   login   405   405   405
accounts:token_revoke              POST   token             404   ok    404   404   404   404   404   login   404   404   404
network:invitations                GET    -                 200   200   200   200   200   200   200   login   200   200   200
network:invite                     GET    -                 200   200   403   200   200   403   403   login   403   403   403
network:invite                     POST   -                 ok    ok    403   ok    ok    403   403   login   403   403   403
network:invitation_revoke          GET    invitation        405   405   405   405   405   405   405   login   405   405   405
network:invitation_revoke          POST   invitation        ok    ok    404   404   404   404   404   login   404   404   404
# The invitation is for someone else:
network:accept_invitation          GET    invitation_token  403   403   403   403   403   403   403   200   403   403   403
network:accept_invitation          POST   invitation_token  403   403   403   403   403   403   403   ok   403   403   403
network:members                    GET    structure         200   200   200   403   403   403   403   login   403   403   403
network:member_role                GET    membership        405   405   405   405   405   405   405   login   405   405   405
network:member_role                POST   membership        ok    ok    403   403   403   403   403   login   403   403   403
network:member_remove              GET    membership        405   405   405   405   405   405   405   login   405   405   405
network:member_remove              POST   membership        ok    ok    403   403   403   403   403   login   403   403   403

network:structure_list             GET    -                 200   200   200   200   200   200   200   200   200   200   200
network:structure_detail           GET    structure         200   200   200   200   200   200   200   200   200   200   200
network:structure_detail           GET    candidate         200   404   404   404   404   404   404   404   404   404   404
network:structure_edit             GET    structure         200   200   200   403   403   403   403   login   403   403   403
network:structure_edit             POST   structure         ok    ok    ok    403   403   403   403   login   403   403   403
network:structure_history          GET    structure         200   200   200   403   403   403   403   login   403   403   403
network:partner_list               GET    structure         200   200   200   403   403   403   403   login   403   403   403
network:partnership_add            GET    structure         200   200   200   403   403   403   403   login   403   403   403
network:partnership_add            POST   structure         ok    ok    ok    403   403   403   403   login   403   403   403
network:partnership_edit           GET    partnership       200   200   200   403   403   403   403   login   403   403   403
network:partnership_edit           POST   partnership       ok    ok    ok    403   403   403   403   login   403   403   403
network:partner_edit               GET    partner_org       302   302   302   403   403   403   403   login   403   403   403
network:partner_edit               POST   partner_org       ok    ok    ok    403   403   403   403   login   403   403   403
network:partnership_end            GET    partnership       405   405   405   405   405   405   405   login   405   405   405
network:partnership_end            POST   partnership       ok    ok    ok    403   403   403   403   login   403   403   403
network:coordination               GET    -                 200   403   403   403   403   403   403   login   403   403   403
network:structure_create           GET    -                 200   403   403   403   403   403   403   login   403   403   403
network:structure_create           POST   -                 ok    403   403   403   403   403   403   login   403   403   403
network:structure_status           GET    structure         200   403   403   403   403   403   403   login   403   403   403
network:structure_transition       GET    structure         405   405   405   405   405   405   405   login   405   405   405
network:structure_transition       POST   structure         ok    403   403   403   403   403   403   login   403   403   403
network:collective_create          GET    -                 200   403   403   403   403   403   403   login   403   403   403
network:collective_create          POST   -                 ok    403   403   403   403   403   403   login   403   403   403
network:collective_list            GET    -                 200   200   200   200   200   200   200   200   200   200   200
network:collective_detail          GET    collective        200   200   200   200   200   200   200   200   200   200   200
network:collective_edit            GET    collective        200   403   403   403   403   403   403   login   403   403   403
network:collective_edit            POST   collective        ok    403   403   403   403   403   403   login   403   403   403

network:map                        GET    -                 200   200   200   200   200   200   200   200   200   200   200

audit:journal                      GET    -                 200   403   403   403   403   403   403   login   403   403   403
audit:project_activity             GET    project           200   200   200   404   404   404   404   login   200   200   200
audit:structure_activity           GET    structure         200   200   200   403   403   403   403   login   403   403   403
privacy:people                     GET    -                 200   403   403   403   403   403   403   login   403   403   403
privacy:person_export              GET    person            200   403   403   403   403   403   403   login   403   403   403
privacy:person_erase               GET    person            200   403   403   403   403   403   403   login   403   403   403
privacy:person_erase               POST   person            ok    403   403   403   403   403   403   login   403   403   403

# A member goes to its board:
method:home                        GET    -                 200   200   200   302   302   200   200   login   200   200   200
method:board                       GET    structure         200   200   200   403   403   403   403   login   403   403   403
method:need_list                   GET    structure         200   200   200   403   403   403   403   login   403   403   403
method:need_create                 GET    structure         403   200   200   403   403   403   403   login   403   403   403
method:need_create                 POST   structure         403   ok    ok    403   403   403   403   login   403   403   403
method:session_list                GET    structure         200   200   200   403   403   403   403   login   403   403   403
method:session_create              GET    structure         403   200   200   403   403   403   403   login   403   403   403
method:session_create              POST   structure         403   ok    ok    403   403   403   403   login   403   403   403
method:project_create              GET    structure         403   200   200   403   403   403   403   login   403   403   403
method:project_create              POST   structure         403   ok    ok    403   403   403   403   login   403   403   403
method:need_detail                 GET    need              200   200   200   404   404   404   404   login   404   404   404
method:need_edit                   GET    need              403   200   200   404   404   404   404   login   404   404   404
method:need_edit                   POST   need              403   ok    ok    404   404   404   404   login   404   404   404
method:session_detail              GET    session           200   200   200   404   404   404   404   login   404   404   404
method:session_edit                GET    session           403   200   200   404   404   404   404   login   404   404   404
method:session_edit                POST   session           403   ok    ok    404   404   404   404   login   404   404   404
method:project_list                GET    -                 200   200   200   200   200   200   200   login   200   200   200
method:project_detail              GET    project           200   200   200   404   404   404   404   login   404   404   404
workspace:overview                 GET    project           200   200   200   404   404   404   404   login   200   200   200
workspace:steps                    GET    project           200   200   200   404   404   404   404   login   200   200   200
workspace:steps                    POST   project           403   ok    ok    404   404   404   404   login   ok    ok    403
workspace:step_edit                GET    next_step         403   200   200   404   404   404   404   login   403   403   403
workspace:step_edit                POST   next_step         403   ok    ok    404   404   404   404   login   403   403   403
workspace:step_status              GET    next_step         405   405   405   405   405   405   405   login   405   405   405
workspace:step_status              POST   next_step         403   ok    ok    404   404   404   404   login   403   403   403
workspace:structure_steps          GET    structure         200   200   200   403   403   403   403   login   403   403   403
workspace:conversation             GET    project           200   200   200   404   404   404   404   login   200   200   200
workspace:conversation             POST   project           403   ok    ok    404   404   404   404   login   ok    ok    403
workspace:message_edit             GET    message           403   200   403   404   404   404   404   login   403   403   403
workspace:message_edit             POST   message           403   ok    403   404   404   404   404   login   403   403   403
workspace:message_delete           GET    message           405   405   405   405   405   405   405   login   405   405   405
workspace:message_delete           POST   message           403   ok    403   404   404   404   404   login   403   403   403
workspace:message_attachment       GET    message_attachment 200  200   200   404   404   404   404   login   200   200   200
workspace:people                   GET    project           200   200   200   404   404   404   404   login   200   200   200
workspace:people                   POST   project           403   ok    ok    404   404   404   404   login   403   403   403
workspace:invitation_revoke        GET    project_invitation 405  405   405   405   405   405   405   login   405   405   405
workspace:invitation_revoke        POST   project_invitation 403  ok    ok    404   404   404   404   login   404   404   404
workspace:person_remove            GET    project_person    403   200   200   404   404   404   404   login   403   403   403
workspace:person_remove            POST   project_person    403   ok    ok    404   404   404   404   login   403   403   403
workspace:person_observer          GET    project_person    405   405   405   405   405   405   405   login   405   405   405
workspace:person_observer          POST   project_person    403   ok    ok    404   404   404   404   login   403   403   403
workspace:leave                    GET    project           403   403   403   404   404   404   404   login   200   200   200
workspace:leave                    POST   project           403   403   403   404   404   404   404   login   ok    ok    ok
# The invitation is for someone else (the anonymous visitor is offered the sign-up form):
workspace:accept_invitation        GET    project_invitation_token 403 403 403 403 403 403 403 200   403   403   403
workspace:accept_invitation        POST   project_invitation_token 403 403 403 403 403 403 403 ok   403   403   403
workspace:documents                GET    documents         200   200   200   404   404   404   404   login   404   404   404
workspace:documents                POST   documents         403   ok    ok    404   404   404   404   login   404   404   404
workspace:document                 GET    document          200   200   200   404   404   404   404   login   404   404   404
workspace:document_version_add     GET    document          405   405   405   405   405   405   405   405   405   405   405
workspace:document_version_add     POST   document          403   ok    ok    404   404   404   404   login   404   404   404
workspace:document_visibility      GET    document          405   405   405   405   405   405   405   405   405   405   405
workspace:document_visibility      POST   document          403   ok    ok    404   404   404   404   login   404   404   404
workspace:document_delete          GET    document          405   405   405   405   405   405   405   405   405   405   405
workspace:document_delete          POST   document          403   ok    ok    404   404   404   404   login   404   404   404
workspace:document_publish         GET    document          405   405   405   405   405   405   405   405   405   405   405
workspace:document_publish         POST   document          403   ok    ok    404   404   404   404   login   404   404   404
workspace:document_download        GET    document_version  200   200   200   404   404   404   404   login   404   404   404
method:project_edit                GET    project           403   200   200   404   404   404   404   login   404   404   404
method:project_edit                POST   project           403   ok    ok    404   404   404   404   login   404   404   404
method:project_move                GET    project           403   200   200   404   404   404   404   login   404   404   404
method:project_move                POST   project           403   ok    ok    404   404   404   404   login   404   404   404
method:note_add                    GET    project           405   405   405   405   405   405   405   login   405   405   405
method:note_add                    POST   project           403   ok    ok    404   404   404   404   login   404   404   404
method:project_partners            GET    project           200   200   200   404   404   404   404   login   404   404   404
method:project_partners            POST   project           403   ok    ok    404   404   404   404   login   404   404   404
method:project_partner_remove      GET    project_partner   405   405   405   405   405   405   405   login   405   405   405
method:project_partner_remove      POST   project_partner   403   ok    ok    404   404   404   404   login   404   404   404
method:decision_create             GET    project           403   200   200   404   404   404   404   login   404   404   404
method:decision_create             POST   project           403   ok    ok    404   404   404   404   login   404   404   404
method:economic_model_edit         GET    project           403   200   200   404   404   404   404   login   404   404   404
method:economic_model_edit         POST   project           403   ok    ok    404   404   404   404   login   404   404   404
method:outcome_edit                GET    project           403   200   200   404   404   404   404   login   404   404   404
method:outcome_edit                POST   project           403   ok    ok    404   404   404   404   login   404   404   404
# Counts of the followed départements:
method:territories                 GET    -                 200   200   200   200   200   200   403   login   403   403   403
method:activity_list               GET    -                 200   200   200   200   200   200   200   200   200   200   200
method:activity_detail             GET    activity          200   200   200   200   200   200   200   200   200   200   200

appellation:home                   GET    -                 200   200   200   200   200   200   200   login   200   200   200
appellation:request_list           GET    -                 200   200   200   200   200   200   200   login   200   200   200
# A structure has one request in progress:
appellation:request_new            GET    -                 403   403   403   200   403   403   403   login   403   403   403
appellation:request_new            POST   -                 403   403   403   ok    403   403   403   login   403   403   403
appellation:request_detail         GET    request           200   200   200   404   200   404   404   login   404   404   404
appellation:request_detail         GET    draft             200   200   200   404   404   404   404   login   404   404   404
appellation:request_edit           GET    draft             403   200   403   404   404   404   404   login   404   404   404
appellation:request_edit           POST   draft             403   ok    403   404   404   404   404   login   404   404   404
appellation:request_submit         GET    draft             403   200   403   404   404   404   404   login   404   404   404
appellation:request_submit         POST   draft             403   ok    403   404   404   404   404   login   404   404   404
appellation:request_withdraw       GET    request           403   200   403   404   403   404   404   login   404   404   404
appellation:request_withdraw       POST   request           403   ok    403   404   403   404   404   login   404   404   404
appellation:attachment_add         GET    draft             405   405   405   405   405   405   405   login   405   405   405
appellation:attachment_add         POST   draft             403   ok    403   404   404   404   404   login   404   404   404
appellation:attachment_download    GET    attachment        200   200   200   404   200   404   404   login   404   404   404
appellation:attachment_delete      GET    draft_attachment  405   405   405   405   405   405   405   login   405   405   405
appellation:attachment_delete      POST   draft_attachment  403   ok    403   404   404   404   404   login   404   404   404
appellation:vote                   GET    request           405   405   405   405   405   405   405   login   405   405   405
appellation:vote                   POST   request           403   403   403   404   ok    404   404   login   404   404   404
appellation:declare_conflict       GET    request           405   405   405   405   405   405   405   login   405   405   405
appellation:declare_conflict       POST   request           403   403   403   404   ok    404   404   login   404   404   404
appellation:record_conflict        GET    request           405   405   405   405   405   405   405   login   405   405   405
appellation:record_conflict        POST   request           ok    403   403   404   403   404   404   login   404   404   404
appellation:ballot                 GET    -                 200   200   200   200   200   200   200   login   200   200   200
appellation:session_list           GET    -                 200   200   200   200   200   200   200   login   200   200   200
appellation:session_new            GET    -                 200   403   403   403   403   403   403   login   403   403   403
appellation:session_new            POST   -                 ok    403   403   403   403   403   403   login   403   403   403
appellation:session_detail         GET    committee         200   404   404   404   200   404   404   login   404   404   404
appellation:session_detail         GET    closed_committee  200   404   404   404   200   404   404   login   404   404   404
appellation:session_close          GET    committee         200   404   404   404   403   404   404   login   404   404   404
appellation:session_close          POST   committee         ok    404   404   404   403   404   404   login   404   404   404
appellation:results                GET    -                 200   200   200   200   200   200   200   login   200   200   200
appellation:charter                GET    -                 200   200   200   200   200   200   200   200   200   200   200
appellation:charter_edit           GET    -                 200   403   403   403   403   403   403   login   403   403   403
appellation:charter_edit           POST   -                 ok    403   403   403   403   403   403   login   403   403   403
appellation:charter_accept         GET    -                 405   405   405   405   405   405   405   login   405   405   405
appellation:charter_accept         POST   -                 403   403   403   403   ok    403   403   login   403   403   403
appellation:notifications          GET    -                 200   200   200   200   200   200   200   login   200   200   200
appellation:notifications_read     GET    -                 405   405   405   405   405   405   405   login   405   405   405
appellation:notifications_read     POST   -                 ok    ok    ok    ok    ok    ok    ok    login   ok    ok    ok
notifications:list                 GET    -                 200   200   200   200   200   200   200   login   200   200   200
notifications:read                 GET    notification      405   405   405   405   405   405   405   login   405   405   405
notifications:read                 POST   notification      404   ok    404   404   404   404   404   login   404   404   404
notifications:read_all             GET    -                 405   405   405   405   405   405   405   login   405   405   405
notifications:read_all             POST   -                 ok    ok    ok    ok    ok    ok    ok    login   ok    ok    ok
notifications:preferences          GET    -                 200   200   200   200   200   200   200   login   200   200   200
notifications:preferences          POST   -                 ok    ok    ok    ok    ok    ok    ok    login   ok    ok    ok
notifications:unsubscribe          GET    unsubscribe       200   200   200   200   200   200   200   200   200   200   200
notifications:unsubscribe          POST   unsubscribe       200   200   200   200   200   200   200   200   200   200   200
appellation:announcement_list      GET    -                 200   403   403   403   403   403   403   login   403   403   403
appellation:announcement_edit      GET    announcement      200   403   403   403   403   403   403   login   403   403   403
appellation:announcement_edit      POST   announcement      ok    403   403   403   403   403   403   login   403   403   403
appellation:announcement_publish   GET    announcement      200   403   403   403   403   403   403   login   403   403   403
appellation:announcement_publish   POST   announcement      ok    403   403   403   403   403   403   login   403   403   403

library:resource_list              GET    -                 200   200   200   200   200   200   200   200   200   200   200
library:resource_create            GET    -                 200   200   200   200   200   403   403   login   403   403   403
library:resource_create            POST   -                 ok    ok    ok    ok    ok    403   403   login   403   403   403
library:resource_detail            GET    resource          200   200   200   404   404   404   404   login   404   404   404
library:resource_detail            GET    network_resource  200   200   200   200   200   404   404   login   404   404   404
library:resource_edit              GET    resource          200   200   200   404   404   404   404   login   404   404   404
library:resource_edit              POST   resource          ok    ok    ok    404   404   404   404   login   404   404   404
library:file_download              GET    resource_file     200   200   200   404   404   404   404   login   404   404   404

search:results                     GET    -                 200   200   200   200   200   200   200   200   200   200   200

community:event_list               GET    -                 200   200   200   200   200   200   200   200   200   200   200
community:event_calendar           GET    -                 200   200   200   200   200   200   200   200   200   200   200
community:events_feed              GET    -                 200   200   200   200   200   200   200   200   200   200   200
community:event_create             GET    -                 200   200   200   200   200   403   403   login   403   403   403
community:event_create             POST   -                 ok    ok    ok    ok    ok    403   403   login   403   403   403
community:participation            GET    structure         200   200   200   200   200   403   403   login   403   403   403
community:event_detail             GET    event             200   200   200   200   200   404   404   login   404   404   404
community:event_ics                GET    event             200   200   200   200   200   404   404   404   404   404   404
community:event_edit               GET    event             200   200   200   403   403   404   404   login   404   404   404
community:event_edit               POST   event             ok    ok    ok    403   403   404   404   login   404   404   404
community:event_register           GET    event             405   405   405   405   405   405   405   login   405   405   405
community:event_register           POST   event             ok    ok    ok    ok    ok    404   404   login   404   404   404
community:event_cancel             GET    event             405   405   405   405   405   405   405   login   405   405   405
community:event_cancel             POST   event             ok    ok    ok    ok    ok    404   404   login   404   404   404
community:event_attendance         GET    past_event        200   200   200   403   403   404   404   login   404   404   404
community:event_attendance         POST   past_event        ok    ok    ok    403   403   404   404   login   404   404   404
community:event_cancellation       GET    event             200   200   200   403   403   404   404   login   404   404   404
community:event_cancellation       POST   event             ok    ok    ok    403   403   404   404   login   404   404   404
community:group_list               GET    -                 200   200   200   200   200   200   200   200   200   200   200
community:group_create             GET    -                 200   403   403   403   403   403   403   login   403   403   403
community:group_create             POST   -                 ok    403   403   403   403   403   403   login   403   403   403
community:group_detail             GET    group             200   200   200   200   200   404   404   login   404   404   404
community:group_edit               GET    group             200   403   403   403   403   404   404   login   404   404   404
community:group_edit               POST   group             ok    403   403   403   403   404   404   login   404   404   404
community:group_members            GET    group             200   200   403   403   403   404   404   login   404   404   404
community:group_members            POST   group             ok    ok    403   403   403   404   404   login   404   404   404
community:group_member_role        GET    group_member      405   405   405   405   405   405   405   login   405   405   405
community:group_member_role        POST   group_member      ok    ok    403   403   403   404   404   login   404   404   404
community:group_member_remove      GET    group_member      405   405   405   405   405   405   405   login   405   405   405
community:group_member_remove      POST   group_member      ok    ok    403   403   403   404   404   login   404   404   404
community:group_join               GET    group             405   405   405   405   405   405   405   login   405   405   405
community:group_join               POST   group             ok    ok    ok    ok    ok    404   404   login   404   404   404
community:group_leave              GET    group             405   405   405   405   405   405   405   login   405   405   405
community:group_leave              POST   group             ok    ok    ok    ok    ok    404   404   login   404   404   404
community:news_list                GET    -                 200   200   200   200   200   200   200   200   200   200   200
community:news_feed                GET    -                 200   200   200   200   200   200   200   200   200   200   200
community:news_create              GET    -                 200   403   403   403   403   403   403   login   403   403   403
community:news_create              POST   -                 ok    403   403   403   403   403   403   login   403   403   403
community:news_detail              GET    news              200   200   200   200   200   200   200   200   200   200   200
community:news_detail              GET    news_draft        200   404   404   404   404   404   404   404   404   404   404
community:news_edit                GET    news              200   403   403   403   403   403   403   login   403   403   403
community:news_edit                POST   news              ok    403   403   403   403   403   403   login   403   403   403
community:news_unpublish           GET    news              200   403   403   403   403   403   403   login   403   403   403
community:news_unpublish           POST   news              ok    403   403   403   403   403   403   login   403   403   403
community:testimonial_list         GET    -                 200   200   200   200   200   200   200   200   200   200   200

reporting:public                   GET    -                 200   200   200   200   200   200   200   200   200   200   200
reporting:network                  GET    -                 200   403   403   403   403   403   403   login   403   403   403
# A member goes to its structure's figures:
reporting:my_structure             GET    -                 200   200   200   302   302   403   403   login   403   403   403
reporting:structure                GET    structure         200   200   200   403   403   403   403   login   403   403   403
# The coordinator names a département:
reporting:territory                GET    -                 403   200   200   200   200   200   403   login   403   403   403
reporting:report                   GET    -                 200   403   403   403   403   403   403   login   403   403   403
reporting:import_home              GET    -                 200   200   403   200   200   403   403   login   403   403   403
reporting:import_home              POST   -                 ok    ok    403   ok    ok    403   403   login   403   403   403
reporting:import_template          GET    import_template   200   200   404   200   200   404   404   login   404   404   404
reporting:opendata                 GET    -                 200   200   200   200   200   200   200   200   200   200   200
reporting:datapackage              GET    -                 200   200   200   200   200   200   200   200   200   200   200
reporting:opendata_file            GET    opendata_file     200   200   200   200   200   200   200   200   200   200   200
reporting:export_list              GET    -                 200   200   200   200   200   200   200   login   200   200   200
reporting:export_indicators        GET    export_indicators 200   200   200   200   200   200   200   200   200   200   200
reporting:export_kind              GET    export            200   200   200   200   200   200   200   login   200   200   200

api:openapi-json                   GET    -                 200   200   200   200   200   200   200   200   200   200   200
api:openapi-view                   GET    -                 200   200   200   200   200   200   200   200   200   200   200
# Nothing is served at /api/v1/ itself:
api:api-root                       GET    -                 404   404   404   404   404   404   404   404   404   404   404
""")

# Every operation of /api/v1/openapi.json, by path after /api/v1.
API = parse("""
# path                                 method target            coord admin staff other voter partn nobody anon  carr  exp   obs
/structures                            GET    -                 200   200   200   200   200   200   200   200   200   200   200
/structures                            POST   -                 ok    403   403   403   403   403   403   401   403   403   403
/structures/{slug}                     GET    structure         200   200   200   200   200   200   200   200   200   200   200
/structures/{slug}                     PATCH  structure         ok    ok    ok    403   403   403   403   401   403   403   403

/collectives                           GET    -                 200   200   200   200   200   200   200   200   200   200   200
/collectives/{slug}                    GET    collective        200   200   200   200   200   200   200   200   200   200   200

/map                                   GET    -                 200   200   200   200   200   200   200   200   200   200   200

/structures/{slug}/transitions         POST   structure         ok    403   403   403   403   403   403   401   403   403   403
/structures/{slug}/partnerships        GET    structure         200   200   200   200   200   200   200   200   200   200   200
/structures/{slug}/partnerships        POST   structure         ok    ok    ok    403   403   403   403   401   403   403   403

/partnerships/{partnership_id}         GET    api_partnership   200   200   200   200   200   200   200   200   200   200   200
/partnerships/{partnership_id}         PATCH  api_partnership   ok    ok    ok    403   403   403   403   401   403   403   403
/partnerships/{partnership_id}/end     POST   api_partnership   ok    ok    ok    403   403   403   403   401   403   403   403

/partners                              GET    -                 200   200   200   200   200   200   200   200   200   200   200
/partners/{partner_id}                 PATCH  partner           ok    ok    ok    403   403   403   403   401   403   403   403

/territories/departements              GET    -                 200   200   200   200   200   200   200   200   200   200   200
/territories/regions                   GET    -                 200   200   200   200   200   200   200   200   200   200   200

/accounts/me                           GET    -                 200   200   200   200   200   200   200   401   200   200   200
/accounts/tokens                       GET    -                 200   200   200   200   200   200   200   401   200   200   200
/notifications                         GET    -                 200   200   200   200   200   200   200   401   200   200   200
/projects/{project_id}/messages        GET    api_project       200   200   200   404   404   404   404   401   200   200   200
/projects/{project_id}/messages        POST   api_project       403   ok    ok    404   404   404   404   401   ok    ok    403
/projects/{project_id}/messages/{message_id} PATCH  api_message  403   ok    403   404   404   404   404   401   403   403   403
/projects/{project_id}/messages/{message_id} DELETE api_message  403   ok    403   404   404   404   404   401   403   403   403
/notifications/read                    POST   -                 ok    ok    ok    ok    ok    ok    ok    401   ok    ok    ok
/notifications/{notification_id}/read  POST   api_notification  404   ok    404   404   404   404   404   401   404   404   404
/notifications/preferences             GET    -                 200   200   200   200   200   200   200   401   200   200   200
/notifications/preferences             PATCH  -                 ok    ok    ok    ok    ok    ok    ok    401   ok    ok    ok
/accounts/tokens                       POST   -                 ok    ok    ok    ok    ok    ok    ok    401   ok    ok    ok
/accounts/tokens/{token_id}/revoke     POST   api_token         404   ok    404   404   404   404   404   401   404   404   404
/accounts/structures/{slug}/members    GET    structure         200   200   200   403   403   403   403   401   403   403   403
/accounts/memberships/{membership_id}  PATCH  api_membership    ok    ok    403   403   403   403   403   401   403   403   403
/accounts/memberships/{membership_id}  DELETE api_membership    ok    ok    403   403   403   403   403   401   403   403   403
/accounts/invitations                  GET    -                 200   200   200   200   200   200   200   401   200   200   200
/accounts/invitations                  POST   -                 ok    ok    403   403   403   403   403   401   403   403   403
/accounts/invitations/{invitation_id}/revoke POST   api_invitation    ok    ok    404   404   404   404   404   401   404   404   404

/needs                                 GET    -                 200   200   200   200   200   200   200   401   200   200   200
/needs                                 POST   -                 403   ok    ok    403   403   403   403   401   403   403   403
/needs/{need_id}                       GET    api_need          200   200   200   404   404   404   404   401   404   404   404

/creativity-sessions                   GET    -                 200   200   200   200   200   200   200   401   200   200   200
/creativity-sessions                   POST   -                 403   ok    ok    403   403   403   403   401   403   403   403
/creativity-sessions/{session_id}      GET    api_session       200   200   200   404   404   404   404   401   404   404   404

/projects                              GET    -                 200   200   200   200   200   200   200   200   200   200   200
/projects                              POST   -                 403   ok    ok    403   403   403   403   401   403   403   403
/projects/{project_id}                 GET    api_project       200   200   200   404   404   404   404   404   404   404   404
/projects/{project_id}                 GET    api_activity      200   200   200   200   200   200   200   200   200   200   200
/projects/{project_id}                 PATCH  api_project       403   ok    ok    404   404   404   404   401   404   404   404
/projects/{project_id}/stage           POST   api_project       403   ok    ok    404   404   404   404   401   404   404   404
/projects/{project_id}/decisions       GET    api_project       200   200   200   404   404   404   404   401   404   404   404
/projects/{project_id}/activity        GET    api_project       200   200   200   404   404   404   404   401   200   200   200
/structures/{slug}/activity            GET    structure         200   200   200   403   403   403   403   401   403   403   403
/projects/{project_id}/decisions       POST   api_project       403   ok    ok    404   404   404   404   401   404   404   404
/projects/{project_id}/economic-model  PUT    api_project       403   ok    ok    404   404   404   404   401   404   404   404
/projects/{project_id}/outcome         PUT    api_project       403   ok    ok    404   404   404   404   401   404   404   404
/projects/{project_id}/people          GET    api_project       200   200   200   404   404   404   404   401   200   200   200
/projects/{project_id}/invitations     POST   api_project       403   ok    ok    404   404   404   404   401   403   403   403
/projects/{project_id}/invitations/{invitation_id}/revoke POST api_project_invitation 403 ok ok 404 404 404 404 401   404   404   404
/projects/{project_id}/people/{member_id} PATCH api_project_person 403 ok ok 404  404   404   404   401   403   403   403
/projects/{project_id}/people/{member_id} DELETE api_project_person 403 ok ok 404 404   404   404   401   403   403   403
/projects/{project_id}/leave           POST   api_project       403   403   403   404   404   404   404   401   ok    ok    ok
/projects/{project_id}/next-steps      GET    api_project       200   200   200   404   404   404   404   401   200   200   200
/projects/{project_id}/next-steps      POST   api_project       403   ok    ok    404   404   404   404   401   ok    ok    403
/next-steps/{step_id}                  PATCH  api_next_step     403   ok    ok    404   404   404   404   401   403   403   403
/next-steps/{step_id}/status           POST   api_next_step     403   ok    ok    404   404   404   404   401   403   403   403

/appellation/requests                  GET    -                 200   200   200   200   200   200   200   401   200   200   200
/appellation/requests                  POST   -                 403   403   403   ok    403   403   403   401   403   403   403
/appellation/requests/{pk}             GET    request           200   200   200   404   200   404   404   401   404   404   404
/appellation/requests/{pk}             GET    draft             200   200   200   404   404   404   404   401   404   404   404
/appellation/requests/{pk}             PATCH  draft             403   ok    403   404   404   404   404   401   404   404   404
/appellation/requests/{pk}/submit      POST   draft             403   ok    403   404   404   404   404   401   404   404   404
/appellation/requests/{pk}/withdraw    POST   request           403   ok    403   404   403   404   404   401   404   404   404
/appellation/requests/{pk}/votes       POST   request           403   403   403   404   ok    404   404   401   404   404   404
/appellation/requests/{pk}/conflicts   POST   request           ok    403   403   404   403   404   404   401   404   404   404
/appellation/sessions                  GET    -                 200   200   200   200   200   200   200   401   200   200   200
# The one submitted request is already on the agenda:
/appellation/sessions                  POST   -                 422   403   403   403   403   403   403   401   403   403   403
/appellation/sessions/{pk}             GET    committee         200   404   404   404   200   404   404   401   404   404   404
/appellation/sessions/{pk}/close       POST   committee         ok    404   404   404   403   404   404   401   404   404   404

/resources                             GET    -                 200   200   200   200   200   200   200   200   200   200   200
/resources/{slug}                      GET    resource          200   200   200   404   404   404   404   404   404   404   404
/resources/{slug}                      GET    network_resource  200   200   200   200   200   404   404   404   404   404   404

/search                                GET    -                 200   200   200   200   200   200   200   200   200   200   200

/projects/{project_id}/similar         GET    api_project       200   200   200   404   404   404   404   404   404   404   404

/needs/{need_id}/similar               GET    api_need          200   200   200   404   404   404   404   404   404   404   404

/events                                GET    -                 200   200   200   200   200   200   200   200   200   200   200
/events/{slug}                         GET    event             200   200   200   200   200   404   404   404   404   404   404
/events/{slug}/cancel                  POST   event             ok    ok    ok    403   403   404   404   404   404   404   404
/events/{slug}/registration            POST   event             ok    ok    ok    ok    ok    404   404   401   404   404   404
# None of them is registered:
/events/{slug}/registration            DELETE event             404   404   404   404   404   404   404   401   404   404   404
/events/{slug}/registrations           GET    event             200   200   200   403   403   404   404   404   404   404   404

/structures/{slug}/participation       GET    structure         200   200   200   200   200   403   403   401   403   403   403

/working-groups                        GET    -                 200   200   200   200   200   200   200   200   200   200   200
/working-groups/{slug}                 GET    group             200   200   200   200   200   404   404   404   404   404   404

/news                                  GET    -                 200   200   200   200   200   200   200   200   200   200   200
/news                                  POST   -                 ok    403   403   403   403   403   403   401   403   403   403
/news/{slug}                           GET    news              200   200   200   200   200   200   200   200   200   200   200
/news/{slug}                           GET    news_draft        200   404   404   404   404   404   404   404   404   404   404
/news/{slug}                           PATCH  news              ok    403   403   403   403   403   403   401   403   403   403

/testimonials                          GET    -                 200   200   200   200   200   200   200   200   200   200   200
/testimonials/{testimonial_id}         GET    testimonial       200   200   200   200   200   200   200   200   200   200   200

/indicators                            GET    -                 200   200   200   200   200   200   200   200   200   200   200
/projects/{project_id}/documents       GET    api_documents     200   200   200   404   404   404   404   401   404   404   404
/projects/{project_id}/documents       POST   api_documents     403   ok    ok    404   404   404   404   401   404   404   404
/documents/{document_id}/versions      POST   api_document      403   ok    ok    404   404   404   404   401   404   404   404
/documents/{document_id}/versions/{version_id} GET    api_doc_version   200   200   200   404   404   404   404   401   404   404   404
""")


def _pdf(name: str = "annexe.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def _csv(name: str = "besoins.csv"):
    return SimpleUploadedFile(name, b"titre\nUn besoin\n", content_type="text/csv")


# The body of each write, by "METHOD route": valid where it is short to write, so that a persona refused only
# by a form's validation would show (a refusal must come from the permission, before anything is parsed).
# A callable receives the world (versions and ids read at request time).
DATA = {
    # pages
    "POST accounts:login": {"username": "admin@example.org", "password": "mauvais mot de passe"},
    "POST accounts:profile": lambda w: {"first_name": "Anne", "last_name": "Le Gall", "version": 1},
    "POST accounts:password_reset": {"email": "admin@example.org"},
    "POST accounts:tokens": {"name": "Script de test"},
    "POST notifications:preferences": {"decision": "daily"},
    "POST workspace:conversation": {"body": "Bonjour à toutes et tous", "audience": "all"},
    "POST workspace:message_edit": lambda w: {"body": "Devis revu", "version": w.version("message")},
    "POST workspace:message_delete": lambda w: {"version": w.version("message")},
    "POST network:invite": {"email": "invitee@example.org", "structure": "", "role": "staff"},
    "POST network:accept_invitation": {"first_name": "Nina", "last_name": "Ker", "password1": "x", "password2": "x"},
    "POST workspace:people": {"email": "nouvel-expert@example.org", "role": "expert"},
    "POST workspace:person_observer": lambda w: {"observer": "on", "version": w.version("project_person")},
    "POST workspace:accept_invitation": {"first_name": "Nina", "last_name": "Ker", "password1": "x", "password2": "x"},
    "POST network:member_role": lambda w: {"role": "admin", "version": w.version("membership")},
    "POST network:structure_edit": lambda w: {
        "name": "Fabrique du Léon",
        "city": "Brest",
        "departements": ["29"],
        "version": w.version("owning"),
    },
    "POST network:partnership_add": {"partner": "", "new_name": "Mairie de Brest", "new_kind": "local_authority"},
    "POST network:partnership_edit": lambda w: {"role": "Financeur", "version": w.version("partnership")},
    "POST network:partner_edit": lambda w: {
        "organisation-name": "CD29",
        "organisation-kind": "local_authority",
        "organisation-version": w.version("partner"),
    },
    "POST network:partnership_end": {"until": "2025-12-31"},
    "POST network:structure_create": {"name": "Nouvelle Fabrique", "slug": "nouvelle", "departements": ["22"]},
    "POST network:structure_transition": {"transition": "withdraw", "reason": "Départ"},
    "POST network:collective_create": {"name": "Collectif", "slug": "collectif"},
    "POST network:collective_edit": lambda w: {"name": "Le Générateur", "version": w.version("collective")},
    "POST method:need_create": {
        "title": "Besoin",
        "theme": "food",
        "departement": "29",
        "source": "elected",
        "detected_on": "2024-01-02",
    },
    "POST method:need_edit": lambda w: {
        "title": "Besoin revu",
        "theme": "food",
        "departement": "29",
        "source": "elected",
        "detected_on": "2024-01-02",
        "status": "open",
        "version": w.version("need"),
    },
    "POST method:session_create": {
        "title": "Séance",
        "held_on": "2024-03-02",
        "place": "Brest",
        "departement": "29",
        "participants_count": 12,
    },
    "POST method:session_edit": lambda w: {
        "title": "Séance revue",
        "held_on": "2024-03-02",
        "place": "Brest",
        "departement": "29",
        "participants_count": 12,
        "version": w.version("session"),
    },
    "POST method:project_create": {"title": "Projet", "theme": "food", "departements": ["29"]},
    "POST method:project_edit": lambda w: {
        "title": "Garage solidaire",
        "theme": "mobility",
        "departements": ["29"],
        "detected_on": "2024-03-01",
        "version": w.version("project"),
    },
    "POST method:project_move": lambda w: {"to": "opportunity", "version": w.version("project")},
    "POST method:note_add": {"text": "Appel du maire"},
    "POST workspace:steps": lambda w: {
        "title": "Appeler la banque",
        "owner": w.pk("step_owner"),
        "due_on": (timezone.localdate() + datetime.timedelta(days=5)).isoformat(),
        "stage": "detection",
    },
    "POST workspace:step_edit": lambda w: {
        "title": "Rappeler Yann demain",
        "owner": w.pk("step_owner"),
        "due_on": (timezone.localdate() + datetime.timedelta(days=9)).isoformat(),
        "stage": "detection",
        "version": w.version("next_step"),
    },
    "POST workspace:step_status": lambda w: {"status": "in_progress", "version": w.version("next_step")},
    "POST method:project_partners": lambda w: {"partner": w.pk("partner"), "role": "Financeur"},
    "POST method:decision_create": {"decided_on": "2024-05-02", "subject": "handover", "choice": "go"},
    "POST method:economic_model_edit": {
        "total_budget": "1000",
        "share_sales": "100",
        "share_public_subsidies": "0",
        "share_private_funding": "0",
        "share_other": "0",
        "jobs_planned_fte": "1",
    },
    "POST method:outcome_edit": {"created_on": "2025-01-02", "legal_form": "scop", "jobs_fte": "2"},
    "POST appellation:request_new": lambda w: {"structure": w.pk("other"), **NARRATIVES},
    "POST appellation:request_edit": lambda w: {**NARRATIVES, "usefulness": "Revu", "version": w.version("draft")},
    "POST appellation:request_submit": lambda w: {"version": w.version("draft")},
    "POST appellation:request_withdraw": {"reason": "Nous reviendrons"},
    "POST appellation:attachment_add": lambda w: {"title": "Annexe", "file": _pdf()},
    "POST appellation:vote": lambda w: {"structure": w.pk("voter_structure"), "choice": "for", "comment": "Solide"},
    "POST appellation:declare_conflict": lambda w: {"structure": w.pk("voter_structure"), "reason": "Salariée commune"},
    "POST appellation:record_conflict": lambda w: {"structure": w.pk("second_voter"), "reason": "Salarié commun"},
    "POST appellation:session_new": lambda w: {
        "held_on": "2030-01-10",
        "deadline": "2030-01-09T18:00",
        "requests": [w.pk("request")],
    },
    "POST appellation:charter_edit": lambda w: {"title": "Charte", "text": "Texte", "version": w.version("charter")},
    "POST appellation:charter_accept": lambda w: {"structure": w.pk("voter_structure"), "confirm": "on"},
    "POST appellation:announcement_edit": lambda w: {
        "title": "Titre revu",
        "body": "Texte revu",
        "version": w.version("announcement"),
    },
    "POST appellation:announcement_publish": lambda w: {"version": w.version("announcement")},
    "POST library:resource_create": lambda w: {
        "title": "Fiche",
        "kind": "method_sheet",
        "summary": "Résumé",
        "themes": ["food"],
        "author_structure": w.pk("owning"),
        "visibility": "network",
    },
    "POST library:resource_edit": lambda w: {
        "title": "Note interne",
        "kind": "method_sheet",
        "summary": "Résumé",
        "themes": ["food"],
        "author_structure": w.pk("owning"),
        "visibility": "structure",
        "version": w.version("resource"),
    },
    "POST community:event_create": lambda w: {
        "title": "Webinaire",
        "kind": "webinar",
        "starts_at": "2030-01-10T10:00",
        "ends_at": "2030-01-10T12:00",
        "organiser": w.pk("owning"),
        "visibility": "network",
    },
    "POST community:event_edit": lambda w: {
        "title": "Rencontre",
        "kind": "practice_exchange",
        "starts_at": "2030-01-10T10:00",
        "ends_at": "2030-01-10T12:00",
        "organiser": w.pk("owning"),
        "visibility": "network",
        "version": w.version("event"),
    },
    "POST community:event_cancellation": lambda w: {"reason": "Intempéries", "version": w.version("event")},
    "POST community:group_create": {"name": "Mobilité", "theme": "mobility", "visibility": "network"},
    "POST community:group_edit": lambda w: {
        "name": "Alimentation",
        "theme": "food",
        "visibility": "network",
        "version": w.version("group"),
    },
    "POST community:group_members": lambda w: {"user": w.users["other_member"].pk},
    "POST community:group_member_role": lambda w: {"role": "lead", "version": w.version("group_member")},
    "POST community:news_create": {"title": "Rencontre nationale", "body": "Inscriptions", "visibility": "public"},
    "POST community:news_edit": lambda w: {
        "title": "Rencontre nationale",
        "body": "Inscriptions ouvertes",
        "visibility": "public",
        "version": w.version("news"),
    },
    "POST community:news_unpublish": lambda w: {"version": w.version("news")},
    "POST reporting:import_home": lambda w: {"kind": "needs", "structure": w.pk("owning"), "file": _csv()},
    "POST workspace:documents": lambda w: {
        "title": "Budget",
        "kind": "business_plan",
        "visibility": "team",
        "file": _pdf("budget.pdf"),
    },
    "POST workspace:document_version_add": lambda w: {"file": _pdf("etude-v2.pdf"), "note": "Chiffres revus"},
    "POST workspace:document_visibility": lambda w: {"visibility": "project", "version": w.version("document")},
    "POST workspace:document_delete": lambda w: {"version": w.version("document")},
    "POST workspace:document_publish": {"summary": "Ce que le projet a appris.", "visibility": "network"},
    # API
    "POST /structures": {"name": "Nouvelle Fabrique", "departements": ["22"]},
    "PATCH /structures/{slug}": lambda w: {"city": "Brest", "version": w.version("owning")},
    "POST /structures/{slug}/transitions": {"transition": "withdraw", "reason": "Départ"},
    "POST /structures/{slug}/partnerships": {"partner": {"name": "Mairie de Brest", "kind": "local_authority"}},
    "PATCH /partnerships/{partnership_id}": lambda w: {"role": "Financeur", "version": w.version("partnership")},
    "POST /partnerships/{partnership_id}/end": {},
    "PATCH /partners/{partner_id}": lambda w: {"name": "CD29", "version": w.version("partner")},
    "POST /accounts/tokens": {"name": "Script"},
    "POST /notifications/read": {},
    "POST /notifications/{notification_id}/read": {},
    "PATCH /notifications/preferences": {"preferences": {"decision": "daily"}},
    "POST /projects/{project_id}/messages": {"body": "Bonjour à toutes et tous"},
    "PATCH /projects/{project_id}/messages/{message_id}": lambda w: {
        "body": "Devis revu",
        "version": w.version("message"),
    },
    "DELETE /projects/{project_id}/messages/{message_id}": {},
    "POST /accounts/tokens/{token_id}/revoke": {},
    "PATCH /accounts/memberships/{membership_id}": lambda w: {"role": "admin", "version": w.version("membership")},
    "POST /accounts/invitations": lambda w: {"email": "invitee@example.org", "structure": "fabrique-du-leon"},
    "POST /accounts/invitations/{invitation_id}/revoke": {},
    "POST /needs": {
        "structure": "fabrique-du-leon",
        "title": "Idée",
        "theme": "food",
        "departement": "29",
        "source": "elected",
    },
    "POST /creativity-sessions": {
        "structure": "fabrique-du-leon",
        "title": "Séance",
        "held_on": "2024-03-02",
        "place": "Brest",
        "departement": "29",
        "participants_count": 12,
    },
    "POST /projects": {"structure": "fabrique-du-leon", "title": "Projet", "theme": "food", "departements": ["29"]},
    "PATCH /projects/{project_id}": lambda w: {"summary": "Résumé", "version": w.version("project")},
    "POST /projects/{project_id}/stage": {"to": "opportunity"},
    "POST /projects/{project_id}/decisions": {"decided_on": "2024-06-01", "subject": "handover", "choice": "go"},
    "PUT /projects/{project_id}/economic-model": {
        "total_budget": 1000,
        "revenue_mix": {"sales": 100, "public_subsidies": 0, "private_funding": 0, "other": 0},
        "jobs_planned_fte": 1,
    },
    "PUT /projects/{project_id}/outcome": {"created_on": "2025-01-02", "legal_form": "scop", "jobs_fte": 2},
    "POST /projects/{project_id}/invitations": {"email": "nouvel-expert@example.org", "role": "expert"},
    "PATCH /projects/{project_id}/people/{member_id}": lambda w: {
        "observer": True,
        "version": w.version("project_person"),
    },
    "POST /projects/{project_id}/next-steps": lambda w: {
        "title": "Appeler la banque",
        "due_on": (timezone.localdate() + datetime.timedelta(days=5)).isoformat(),
    },
    "PATCH /next-steps/{step_id}": lambda w: {"title": "Rappeler Yann lundi", "version": w.version("next_step")},
    "POST /next-steps/{step_id}/status": lambda w: {"status": "in_progress", "version": w.version("next_step")},
    "POST /appellation/requests": {"structure": "autre-fabrique", **NARRATIVES},
    "PATCH /appellation/requests/{pk}": lambda w: {"usefulness": "Revu", "version": w.version("draft")},
    "POST /appellation/requests/{pk}/submit": {},
    "POST /appellation/requests/{pk}/withdraw": {"reason": "Nous reviendrons"},
    "POST /appellation/requests/{pk}/votes": {"choice": "for", "comment": "Solide"},
    "POST /appellation/requests/{pk}/conflicts": {"reason": "Salarié commun", "structure": "labellisee-b"},
    "POST /appellation/sessions": lambda w: {
        "held_on": "2030-01-10",
        "deadline": "2030-01-09T18:00:00+01:00",
        "requests": [w.pk("request")],
    },
    "POST /appellation/sessions/{pk}/close": {},
    "POST /events/{slug}/cancel": lambda w: {"reason": "Intempéries", "version": w.version("event")},
    "POST /events/{slug}/registration": {},
    "POST /news": {"title": "Rencontre", "body": "Inscriptions", "published_on": None},
    "PATCH /news/{slug}": lambda w: {"title": "Rencontre revue", "version": w.version("news")},
    # multipart: a body with a file is sent as a form
    "POST /projects/{project_id}/documents": lambda w: {"title": "Budget", "kind": "business_plan", "file": _pdf()},
    "POST /documents/{document_id}/versions": lambda w: {"file": _pdf(), "note": "v2"},
}
