"""Checks and clean-up for input text: binary sniffing, HTML to text, language, long-text splitting.

All standard library (plus spaCy's English stop-word list), cheap enough to run
on every document before it reaches the parser.
"""

from __future__ import annotations

import email.utils
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime
from html.parser import HTMLParser

from spacy.lang.en.stop_words import STOP_WORDS

#: Documents longer than this are split (spaCy's parser needs about 1 GB per 100,000 characters,
#: and refuses texts beyond ``nlp.max_length``, 1,000,000 by default).
MAX_CHARS = 100_000

#: Magic numbers of common non-text files, to name what the user gave us.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx/.odt)"),
    (b"\x1f\x8b", "gzip-compressed"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an MS Office document"),
    (b"BZh", "bzip2-compressed"),
    (b"\xfd7zXZ", "xz-compressed"),
    (b"SQLite format 3", "an SQLite database"),
)
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
# Control bytes that never occur in text (tab, newlines, form feed and escape do).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def text_encoding(head: bytes) -> str:
    """The encoding to decode a file with, from its first bytes: a BOM's, else UTF-8.

    Example
    -------
    >>> text_encoding(b"\\xff\\xfeH\\x00"), text_encoding(b"Hello")
    ('utf-16', 'utf-8')
    """
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    return "utf-8"


def binary_kind(head: bytes) -> str | None:
    """Why the first bytes of a file say it is not text, or None when they look like text.

    Parameters
    ----------
    head : bytes
        The first few kilobytes of the file.

    Returns
    -------
    str or None
        For example ``"binary file (a PDF document), not text"``.

    Example
    -------
    >>> binary_kind(b"%PDF-1.7 ...")
    'binary file (a PDF document), not text'
    >>> binary_kind("Plain text, café.".encode()) is None
    True
    """
    if text_encoding(head) == "utf-16":
        return None
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return f"binary file ({kind}), not text"
    if b"\x00" in head:
        return "binary file (contains NUL bytes), not text"
    if head and sum(head.count(bytes([b])) for b in _CONTROL) > len(head) * 0.1:
        return "binary file (mostly control bytes), not text"
    return None


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


# ------------------------------------------------------------------ language

_WORD = re.compile(r"[^\W\d_]+")
_NON_LATIN = re.compile("[\u0250-\U0010ffff]")  # beyond Latin Extended-B


def language_problem(text: str, sample: int = 5_000) -> str | None:
    """Why a text does not look like English, or None when it does (or is too short to tell).

    Cheap signals on the first ``sample`` characters: the share of letters outside
    the Latin script; and, when English stop words are rare (about 45% of the words
    in English news, under 15% here), the share of the commonest function words of
    French, German, Spanish, Italian, Portuguese or Dutch. Tables and lists of
    figures have few stop words in any language and are not reported.

    Example
    -------
    >>> language_problem("The minister said on Monday that the talks would go on in the capital.") is None
    True
    >>> language_problem("Le ministre a déclaré lundi que les négociations se poursuivraient dans la capitale.")
    'looks like French, not English (6 of 13 words are French function words, 1 English)'
    """
    head = text[:sample]
    words = _WORD.findall(head.lower())
    letters = sum(map(len, words))
    if letters < 40:
        return None
    if not head.isascii():
        scripts = Counter(_script(ch) for ch in _NON_LATIN.findall(head) if ch.isalpha())
        if sum(scripts.values()) > letters * 0.3:
            return f"does not look like English (mostly {scripts.most_common(1)[0][0]} script)"
    english = sum(1 for w in words if w in STOP_WORDS)
    if len(words) < 8 or english >= 0.15 * len(words):
        return None
    counts = {lang: sum(1 for w in words if w in stops) for lang, stops in _FUNCTION_WORDS.items()}
    lang, count = max(counts.items(), key=lambda kv: kv[1])
    if count >= 0.2 * len(words) and count > english:
        return (f"looks like {lang}, not English ({count} of {len(words)} words are {lang} function words, "
                f"{english} English)")
    return None


#: The commonest function words of a few languages, minus any that are English stop words.
_FUNCTION_WORDS = {lang: set(words.split()) - STOP_WORDS for lang, words in {
    "French": "le la les des du un une et est que qui dans pour pas sur au aux avec ce ces il elle ils sont été "
              "par plus ne se son sa ses leur nous vous mais ou où être avoir fait comme été très aussi",
    "German": "der die das und ist nicht ein eine einen dem den des zu mit sich auf für von im auch es sind wird "
              "wurde werden dass aber oder nach bei aus wie noch nur hat haben sie er wir ich",
    "Spanish": "el la los las de del y que en un una es por con para se su sus al lo como más pero fue ha este "
               "esta son está muy también hay",
    "Italian": "il la le di che è e un una per con non sono del della dei nel gli da si al anche come più ma ha "
               "questo questa lo alla",
    "Portuguese": "o a os as de do da dos das e que em um uma para com não se por no na é mais como mas foi ao ele "
                  "ela são também",
    "Dutch": "de het een en van is dat die in op te zijn niet met voor er maar ook als aan bij door naar wordt werd "
             "hij zij wij",
}.items()}


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "UNKNOWN")
    return "CJK" if name.startswith("CJK") else name.split()[0].title()


# ------------------------------------------------------------------ splitting

_BREAKS = (re.compile(r"\n[^\S\n]*\n\s*"), re.compile(r"(?<=[.!?。])[\"'”’)\]]*\s+"), re.compile(r"\n"), re.compile(r"\s+"))


def split_point(text: str, limit: int) -> int:
    """Where to cut ``text`` so the first piece has at most ``limit`` characters.

    The last paragraph break before ``limit`` if there is one in its second half,
    else the last sentence end, else a line break, else any whitespace, else ``limit``.

    Example
    -------
    >>> t = "One. Two three. Four five six"
    >>> t[:split_point(t, 18)]
    'One. Two three. '
    """
    if len(text) <= limit:
        return len(text)
    window = text[:limit + 1]
    for pattern in _BREAKS:
        ends = [m.end() for m in pattern.finditer(window, limit // 2) if m.end() <= limit]
        if ends:
            return ends[-1]
    return limit


def split_text(text: str, limit: int = MAX_CHARS) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` characters at paragraph, sentence or word breaks.

    Example
    -------
    >>> split_text("Alpha beta. Gamma delta. Epsilon.", 14)
    ['Alpha beta. ', 'Gamma delta. ', 'Epsilon.']
    """
    chunker = Chunker(limit)
    return [*chunker.feed(text), *chunker.finish()]


class Chunker:
    """Split a stream of text into pieces of at most ``limit`` characters, holding one piece in memory.

    Example
    -------
    >>> c = Chunker(10)
    >>> list(c.feed("aaa bbb. ")) + list(c.feed("ccc ddd eee")) + list(c.finish())
    ['aaa bbb. ', 'ccc ddd ', 'eee']
    """

    def __init__(self, limit: int = MAX_CHARS) -> None:
        self.limit = limit
        self._buffer: list[str] = []
        self._size = 0

    def feed(self, text: str) -> Iterator[str]:
        """Add text; yields the pieces that are complete."""
        if not text:
            return
        self._buffer.append(text)
        self._size += len(text)
        if self._size <= self.limit:
            return
        pending = "".join(self._buffer)
        while len(pending) > self.limit:
            cut = split_point(pending, self.limit)
            yield pending[:cut]
            pending = pending[cut:]
        self._buffer, self._size = [pending], len(pending)

    def finish(self) -> Iterator[str]:
        """Yields what is left (if anything)."""
        rest = "".join(self._buffer)
        self._buffer, self._size = [], 0
        if rest:
            yield rest


# ------------------------------------------------------------------ dates

_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)")
_DAY_MON_YEAR = re.compile(r"(?P<d>\d{1,2})-(?P<m>[A-Za-z]{3})-(?P<y>\d{4})(?!\d)")
_MONTHS = {m: str(i) for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_DATE_FORMATS = ("%Y-%m-%d", "%d-%b-%Y", "%d %b %Y", "%d %B %Y", "%B %d, %Y", "%b %d, %Y", "%Y/%m/%d", "%Y%m%d")


def iso_date(value: object) -> str | None:
    """An ISO ``YYYY-MM-DD`` date from a date string in a common format, or None.

    Example
    -------
    >>> iso_date("26-FEB-1987 15:01:01.79"), iso_date("2015-04-01T10:00:00Z"), iso_date("yesterday")
    ('1987-02-26', '2015-04-01', None)
    """
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()[:100]
    match = _ISO.match(text) or _DAY_MON_YEAR.match(text)
    if match:  # the common cases, without trying every format
        day, month, year = (match["d"], match["m"], match["y"])
        month = _MONTHS.get(month.lower()[:3], month)
        try:
            return date(int(year), int(month), int(day)).isoformat()
        except ValueError:
            return None
    candidates = (text[:10], text.split()[0], text.split(" ", 1)[0].rstrip(","), " ".join(text.split()[:3]), text)
    for fmt in _DATE_FORMATS:
        for candidate in candidates:
            try:
                return datetime.strptime(candidate, fmt).date().isoformat()
            except ValueError:
                continue
    try:
        return email.utils.parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None
