from ninja import Router

# One router for the registry: ninja serves one path (GET and PATCH /structures/{slug}) from one router.
router = Router(tags=["Annuaire"])
