"""The queue holds an e-mail's address and text in a job's arguments only until it is sent: a job done keeps no
arguments (queue.run_job), and done jobs are deleted after JOB_RETENTION_DAYS (queue.prune, a periodic job)."""

from django.utils.translation import gettext_lazy as _

PERSONAL_FIELDS = []

NOT_PERSONAL = {
    "jobs.PeriodicRun.name": _("nom d'une tâche périodique (rappels, résumés)"),
    "django_tasks_database.DBTaskResult.backend_name": _("nom du moteur de la file des tâches"),
    "django_tasks_database.DBTaskResult.queue_name": _("nom d'une file de tâches"),
}
