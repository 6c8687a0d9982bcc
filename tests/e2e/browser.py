"""Browser helpers: Debian's chromium driven by Playwright, and axe-core checks."""

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


AXE_URL = "/static/vendor/axe-core/axe.min.js"
# Injected by Playwright before any script of the page (not part of the page, so the CSP allows it): reports each
# violation to the console, where the listener below collects it with Chromium's own "Refused to…" messages.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`Content Security Policy violation: ${event.violatedDirective} refused ${event.blockedURI || "inline"}`
    + ` in ${event.documentURI} (${event.sourceFile || "?"}:${event.lineNumber || "?"}) ${event.sample || ""}`);
}, true);
"""
csp_violations: list[str] = []


def _record_csp_violation(message) -> None:
    if "Content Security Policy" in message.text:
        csp_violations.append(f"{message.location.get('url', '?')}: {message.text}")


def watch_csp(context) -> None:
    """Every page of `context`, present and future, reports CSP violations into `csp_violations`."""
    context.add_init_script(CSP_LISTENER)
    context.on("console", _record_csp_violation)


class CspWatchedBrowser:
    """The session's browser, whose new contexts and pages are all watched for CSP violations."""

    def __init__(self, browser):
        self._browser = browser

    def new_context(self, **options):
        context = self._browser.new_context(**options)
        watch_csp(context)
        return context

    def new_page(self, **options):
        page = self._browser.new_page(**options)  # its own context, closed with it
        watch_csp(page.context)  # applies from the first navigation on
        return page

    def __getattr__(self, name):
        return getattr(self._browser, name)


def axe_violations(page) -> list[dict]:
    """Run axe-core on the current page; return the serious and critical violations.

    The pointer is moved away first: a button left under it after a click is measured in its hover colours.
    axe-core is loaded from the site's static files: a script written into the page would break the CSP.
    """
    page.mouse.move(0, 0)
    origin = page.evaluate("location.origin")
    page.add_script_tag(url=origin + AXE_URL)
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


def signed_in_page(browser, base_url: str, email: str, password: str):
    """A tab in a context of its own (its own cookies), logged in as `email` through the login form; returns once
    the site shows the logged-in menu, so the next navigation cannot cut the login short."""
    from playwright.sync_api import expect

    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    login(tab, base_url, email, password)
    expect(account_menu(tab)).to_be_visible()
    return tab


def account_menu(page):
    """The header's account menu (« Compte »): shown once logged in; « Se déconnecter » is inside it."""
    return page.locator("header summary", has_text="Compte")


def open_menu(page, group: str) -> None:
    """Open a group of the main menu (« Le réseau », « Vie du réseau »…), as a person clicks its name."""
    page.locator("header summary", has_text=group).click()


def flash(page):
    """The messages the last page shows (« Vote enregistré… »), as a locator to wait on."""
    return page.locator(".messages")
