"""HTML input: telling an HTML page from text, and stripping it to its text (standard library only)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# ------------------------------------------------------------------ HTML

_HTML_START = re.compile(r"\A\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.I | re.S)
_TAG = re.compile(r"</?(p|div|br|span|a|table|td|li|ul|h[1-6]|script|style|article|section|b|i|em|strong)\b[^>]*>", re.I)
_BREAK = "\x00"  # a block boundary, until pull() turns it into a paragraph break
_SPACES = re.compile(r"[^\S\x00]+")
_PARAGRAPH = re.compile(r" ?\x00[\x00 ]*")
_SKIP = {"script", "style", "noscript", "template", "svg", "head"}
_BLOCK = {"p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "article",
          "section", "header", "footer", "blockquote", "pre", "hr", "title", "dd", "dt", "figcaption", "main", "nav"}


def looks_like_html(text: str) -> bool:
    """Whether a text is an HTML page (or fragment) rather than plain text.

    Example
    -------
    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("Use a <b> sparingly, said the editor.")
    False
    """
    head = text[:20_000]
    if "<" not in head:
        return False
    if _HTML_START.match(head):
        return True
    tags = len(_TAG.findall(head))
    return tags >= 5 and tags * 40 > len(head.split())


class HTMLText(HTMLParser):
    """An incremental HTML → text converter: ``feed`` markup, ``pull`` the text so far.

    Script, style and head content is dropped; block elements become paragraph
    breaks so sentences from different blocks do not run together. The page
    title is kept in ``title``.

    Example
    -------
    >>> h = HTMLText()
    >>> h.feed("<html><head><title>T</title><style>p{}</style></head><body><p>One.</p><p>Two &amp; three.</p>")
    >>> h.close(); h.title, h.pull()
    ('T', '\\n\\nOne.\\n\\nTwo & three.\\n\\n')
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title: str | None = None
        self._parts: list[str] = []
        self._skip: list[str] = []
        self._in_title = False
        self._last = ""  # the text of the previous pull

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "title":
            self._in_title = True
        if tag in _SKIP and tag != "head":
            self._skip.append(tag)
        elif tag in _BLOCK:
            self._parts.append(_BREAK)

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in _BLOCK:
            self._parts.append(_BREAK)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if self._skip and self._skip[-1] == tag:
            self._skip.pop()
        elif tag in _BLOCK:
            self._parts.append(_BREAK)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title = ((self.title or "") + " " + " ".join(data.split())).strip() or None
        elif not self._skip:
            self._parts.append(data)

    def pull(self) -> str:
        """The text found since the last pull: runs of spaces collapsed, blocks as paragraph breaks."""
        raw = "".join(self._parts)
        self._parts = []
        text = _PARAGRAPH.sub("\n\n", _SPACES.sub(" ", raw))
        if self._last.endswith("\n\n"):  # no double breaks or spaces across pulls
            text = text.lstrip(" \n")
        elif self._last.endswith(" ") and text.startswith(" "):
            text = text[1:]
        self._last = text or self._last
        return text


def html_to_text(html: str) -> tuple[str, str | None]:
    """The readable text of an HTML page and its title.

    Example
    -------
    >>> html_to_text("<p>Clinton met <b>journalists</b>.</p><script>x()</script>")
    ('Clinton met journalists.', None)
    """
    parser = HTMLText()
    parser.feed(html)
    parser.close()
    return parser.pull().strip(), parser.title
