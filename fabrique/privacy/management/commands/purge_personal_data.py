from django.core.management.base import BaseCommand

from fabrique.privacy.retention import purge


class Command(BaseCommand):
    help = (
        "Applique les durées de conservation des données personnelles : coordonnées des personnes qui ont apporté "
        "un besoin, comptes inactifs (avertis puis désactivés), tentatives de connexion, sessions expirées. "
        "À lancer chaque jour."
    )

    def handle(self, *args, **options):
        report = purge()
        lines = [
            f"Besoins dont les coordonnées ont été vidées : {report.need_contacts} "
            f"(copies dans l'historique : {report.need_history_copies})",
            f"Comptes inactifs avertis : {report.accounts_warned}",
            f"Comptes inactifs désactivés : {report.accounts_deactivated}",
            f"Tentatives de connexion supprimées : {report.login_records}",
            f"Sessions expirées supprimées : {report.sessions}",
        ]
        self.stdout.write("\n".join(lines))
