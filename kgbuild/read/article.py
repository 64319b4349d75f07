"""Web pages: the article's main text and its metadata, by trafilatura (dates by htmldate, inside it).

Separate from ``kgbuild.read.html`` (our own stripper, still used for HTML inside JSONL records and
feed entries, which are fragments with no page around them): a saved news page has menus, cookie
banners, related links and comments around the article, and trafilatura, made for news extraction,
leaves them out (``bench/html_extraction.py`` compares the two) and reads the title, date, author,
site name and canonical URL from the page's metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kgbuild.dates import iso_date

_LINE = re.compile(r"\n+")


@dataclass(frozen=True)
class Article:
    """What a web page holds: its main text, and its metadata when the page gives it."""

    text: str
    title: str | None = None
    date: str | None = None  # ISO date of publication
    author: str | None = None
    site: str | None = None
    url: str | None = None


def extract_article(page: bytes | str, url: str | None = None) -> Article | None:
    """The main text and metadata of a web page, or None when it has no article text.

    Parameters
    ----------
    page : bytes or str
        The page's HTML; bytes are decoded by the page's own charset.
    url : str, optional
        Where the page came from (a WARC record's target, a feed link); the page's canonical URL wins.

    Returns
    -------
    Article or None
        Paragraphs are separated by blank lines.

    Example
    -------
    >>> page = ('<html><head><title>Talks | Daily Planet</title><meta name="author" content="Lois Lane">'
    ...         '<meta property="article:published_time" content="2015-03-05T10:00:00Z"></head><body>'
    ...         '<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>'
    ...         '<article><h1>Talks</h1><p>Clara Vance met Jonas Hale in Port Alden on Thursday. The two '
    ...         'ministers talked for three hours about fishing rights.</p><p>Hale said the talks would go on.</p>'
    ...         '</article><footer>Copyright Daily Planet. All rights reserved.</footer></body></html>')
    >>> a = extract_article(page)
    >>> print(a.text)
    Talks
    <BLANKLINE>
    Clara Vance met Jonas Hale in Port Alden on Thursday. The two ministers talked for three hours about fishing rights.
    <BLANKLINE>
    Hale said the talks would go on.
    >>> a.title, a.date, a.author
    ('Talks', '2015-03-05', 'Lois Lane')
    >>> extract_article("<html><body><script>track()</script><img src=logo.png></body></html>") is None
    True
    """
    import trafilatura

    # deduplicate would drop paragraphs seen in earlier pages of the process (a cache across calls);
    # the date is the one the page states, not a guess from its text ("Copyright 2015")
    found = trafilatura.bare_extraction(page, url=url, with_metadata=True, include_comments=False,
                                        include_tables=False, deduplicate=False,
                                        date_extraction_params={"extensive_search": False, "original_date": True})
    field = found.as_dict() if found is not None and hasattr(found, "as_dict") else (found or {})
    text = (field.get("text") or "").strip()
    if not text:
        return None
    return Article(text=_LINE.sub("\n\n", text), title=_value(field.get("title")), date=iso_date(field.get("date")),
                   author=_value(field.get("author")), site=_value(field.get("sitename")),
                   url=_value(field.get("url")) or url)


def _value(text: str | None) -> str | None:
    text = " ".join(text.split()) if text else ""
    return text or None
