from django.conf import settings

from fabrique.core.accessibility import platform_audit


def network(request):
    return {
        "NETWORK_NAME": settings.NETWORK_NAME,
        "DEMO_MODE": settings.DEMO_MODE,
        "ACCESSIBILITY_STATE": platform_audit().state.label,  # the footer's « Accessibilité : … »
    }
