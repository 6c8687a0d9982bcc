"""User text in Markdown, rendered to HTML that is safe to show: no stored HTML from users is trusted."""

import xml.etree.ElementTree as etree

import markdown as md
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "strong",
    "em",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "abbr",
}
# "*": on every allowed tag (nh3 adds these two by default; written here so the whole allow-list is in one place).
ALLOWED_ATTRIBUTES = {"*": {"title", "lang"}, "a": {"href", "title"}, "abbr": {"title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}


class _ShiftHeadings(md.treeprocessors.Treeprocessor):
    """Move user headings below the page's own (a "# Titre" in a description must not become a second h1)."""

    def __init__(self, md_instance, offset: int):
        super().__init__(md_instance)
        self.offset = offset

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if len(element.tag) == 2 and element.tag[0] == "h" and element.tag[1].isdigit():
                element.tag = f"h{min(int(element.tag[1]) + self.offset, 6)}"


class _HeadingOffset(md.extensions.Extension):
    def __init__(self, offset: int):
        super().__init__()
        self.offset = offset

    def extendMarkdown(self, md_instance):  # noqa: N802 (Markdown's API name)
        md_instance.treeprocessors.register(_ShiftHeadings(md_instance, self.offset), "fabrique_headings", 5)


def render_markdown(text: str | None, heading_offset: int = 2) -> SafeString:
    """Markdown → sanitised HTML. Raw HTML, scripts, styles, event handlers and odd URL schemes are removed."""
    if not text:
        return mark_safe("")  # noqa: S308 (constant)
    html = md.markdown(text, extensions=["sane_lists", _HeadingOffset(heading_offset)], output_format="html")
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(cleaned)  # noqa: S308 (sanitised by nh3 just above)
