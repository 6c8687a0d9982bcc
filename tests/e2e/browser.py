"""Browser helpers: Debian's chromium driven by Playwright, and axe-core checks."""

from pathlib import Path

AXE = Path(__file__).resolve().parents[2] / "fabrique" / "static" / "vendor" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BLOCKING_IMPACTS = {"serious", "critical"}


def axe_violations(page) -> list[dict]:
    """Run axe-core on the current page; return the serious and critical violations.

    The pointer is moved away first: a button left under it after a click is measured in its hover colours.
    """
    page.mouse.move(0, 0)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v.get("impact") in BLOCKING_IMPACTS]


def assert_accessible(page) -> None:
    violations = axe_violations(page)
    summary = [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}" for v in violations]
    assert not violations, f"{page.url}: " + "; ".join(summary)


def login(page, base_url: str, email: str, password: str) -> None:
    """Log in through the menu's link, as a visitor would; returns on the page the form redirects to."""
    page.goto(f"{base_url}/")
    page.get_by_role("link", name="Se connecter").click()
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()
