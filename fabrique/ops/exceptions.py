"""The refusal of a backup or a restore; its French message is shown to the operator as is."""


class BackupError(Exception):
    pass
