"""What axe-core cannot see, measured in the rendered page: the focus indicator of each focusable element and its
contrast with the colours around it (RGAA 10.7, WCAG 2.4.7 and 1.4.11), horizontal scrolling (RGAA 10.11)."""

# Returns how the focused element shows its focus: the indicator's colour (outline, else the outermost box shadow),
# its thickness, and the colours it touches: the background behind the element (its ancestors' backgrounds
# composited over white) and, inside, the ring filling the outline's offset or the element's own background.
FOCUS_INDICATOR = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  // A département of the map shows its focus on an overlay drawn over the map (tests/e2e/test_a11y_map.py).
  const mapLink = el.closest("svg") !== null;
  const parse = (text) => {
    const m = /rgba?\\(([^)]+)\\)/.exec(text || "");
    if (!m) return null;
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a), a: 1,
  });
  const backgroundOf = (node) => {
    const layers = [];
    for (let n = node; n && n.nodeType === 1; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
    }
    return layers.reverse().reduce((below, layer) => over(layer, below), {r: 255, g: 255, b: 255, a: 1});
  };
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  const outside = backgroundOf(el.parentElement);
  const shadows = (style.boxShadow === "none" ? [] : style.boxShadow.split(/,(?![^(]*\\))/)).map((s) => ({
    colour: parse(s), inset: s.includes("inset"),
    spread: parseFloat((s.replace(/rgba?\\([^)]*\\)/, "").trim().split(/\\s+/).filter((v) => v !== "inset")[3]) || "0"),
  })).filter((s) => s.colour && s.colour.a > 0 && !s.inset && s.spread > 0);
  const own = backgroundOf(el);
  let colour = null, width = 0, inside = own;
  const outlineWidth = parseFloat(style.outlineWidth) || 0;
  if (style.outlineStyle !== "none" && outlineWidth > 0) {
    colour = over(parse(style.outlineColor) || {r: 0, g: 0, b: 0, a: 1}, outside);
    width = outlineWidth;
    const offset = parseFloat(style.outlineOffset) || 0;
    if (offset > 0) {
      const gap = shadows.find((s) => s.spread >= offset);
      inside = gap ? over(gap.colour, outside) : outside;
    }
  } else if (shadows.length) {
    const ring = shadows.reduce((a, b) => (b.spread > a.spread ? b : a));
    colour = over(ring.colour, outside);
    width = ring.spread;
    const inner = shadows.filter((s) => s !== ring).reduce((a, b) => (b.spread > a.spread ? b : a), null);
    inside = inner ? over(inner.colour, outside) : own;
  }
  const name = (el.getAttribute("aria-label") || el.innerText || el.value || el.name || el.id || "").trim();
  return {
    element: `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}.${[...el.classList].join(".")}`
      + ` « ${name.slice(0, 40)} »`,
    key: el.outerHTML.slice(0, 300) + "@" + Math.round(box.left) + "," + Math.round(box.top + scrollY),
    colour, width, outside, inside, visible: box.width > 0 && box.height > 0, mapLink,
  };
}
"""


def luminance(colour: dict) -> float:
    def linear(channel: float) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour["r"]) + 0.7152 * linear(colour["g"]) + 0.0722 * linear(colour["b"])


def contrast(first: dict, second: dict) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def focus_problems(page, limit: int = 400) -> tuple[int, list[str]]:
    """Tab through the page from its top; returns how many elements took the focus and, for each whose focus
    indicator is missing, thinner than 2 px or under 3:1 against a colour it touches, what is wrong."""
    page.mouse.move(0, 0)
    # Tabbing starts at the top of the document, even where a field has the focus on load (autofocus).
    page.evaluate(
        """() => { const root = document.documentElement; root.tabIndex = -1; root.focus();
                   root.removeAttribute("tabindex"); window.scrollTo(0, 0); }"""
    )
    seen: set[str] = set()
    problems: list[str] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        found = page.evaluate(FOCUS_INDICATOR)
        if found is None or found["key"] in seen:
            break
        seen.add(found["key"])
        if found["mapLink"]:
            continue
        if not found["visible"]:
            problems.append(f"{found['element']} : focalisé mais invisible")
        elif found["colour"] is None or found["width"] < 2:
            problems.append(f"{found['element']} : aucun indicateur de focus d'au moins 2 px")
        else:
            worst = min(contrast(found["colour"], found["outside"]), contrast(found["colour"], found["inside"]))
            if worst < 3:
                problems.append(f"{found['element']} : indicateur à {worst:.2f}:1")
    return len(seen), problems


# The border colour of every visible field, radio and checkbox of the main content, and the background around it.
CONTROL_EDGES = """
() => {
  const parse = (text) => {
    const m = /rgba?\\(([^)]+)\\)/.exec(text || "");
    const p = m ? m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number) : [255, 255, 255, 0];
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
  };
  const behind = (node) => {
    for (let n = node; n && n.nodeType === 1; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c.a >= 1) return c;
    }
    return {r: 255, g: 255, b: 255, a: 1};
  };
  return [...document.querySelectorAll("main .form-control, main .form-select, main .form-check-input")]
    .filter((el) => el.getClientRects().length && getComputedStyle(el).borderTopStyle !== "none")
    .map((el) => ({
      element: `${el.tagName.toLowerCase()}#${el.id}`, border: parse(getComputedStyle(el).borderTopColor),
      around: behind(el.parentElement),
    }));
}
"""


def control_edge_problems(page) -> tuple[int, list[str]]:
    """How many fields, radios and checkboxes the page shows, and those whose border is under 3:1 on the page."""
    controls = page.evaluate(CONTROL_EDGES)
    problems = [
        f"{c['element']} : bordure à {contrast(c['border'], c['around']):.2f}:1"
        for c in controls
        if contrast(c["border"], c["around"]) < 3
    ]
    return len(controls), problems


def horizontal_overflow(page) -> int:
    """How many CSS pixels the page is wider than the window (0 when nothing scrolls sideways)."""
    return page.evaluate("Math.max(0, document.documentElement.scrollWidth - window.innerWidth)")


def widest_elements(page) -> list[str]:
    """The elements that stick out on the right, to say why a page scrolls sideways."""
    return page.evaluate(
        """() => {
          const clipped = (el) => { for (let n = el.parentElement; n; n = n.parentElement) {
            if (n !== document.body && getComputedStyle(n).overflowX !== "visible") return true; } return false; };
          return [...document.querySelectorAll("body *")]
            .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && el.getClientRects().length)
            .filter((el) => !clipped(el)).slice(0, 4)
            .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`
              + ` (${Math.round(el.getBoundingClientRect().right)} px)`);
        }"""
    )


def zoom_text(page, percent: int = 200) -> None:
    """Text zoom: the root font size, which every rem of Bootstrap and the site's CSS follows (the window's width
    stays; `device_scale_factor` would zoom everything, not the text). Set through the CSSOM, which the CSP allows."""
    page.evaluate(f"document.documentElement.style.fontSize = '{percent}%'")
