"""RSS and Atom feeds (``.rss``, ``.atom``, ``.xml``): each entry a document, by feedparser.

feedparser reads RSS 0.9x, 1.0 and 2.0 and Atom, and the broken feeds found on the web. Each
entry becomes a document with its title, link, date and author; its text is the entry's full
content when the feed has it, else its summary (markup stripped: feed HTML is a fragment, with
no page around it). With a ``Fetcher`` (``kgbuild build --fetch``) the page an entry links to is
downloaded and read as a web page instead; a failure is a warning naming the URL, and the entry's
own text is used. Nothing is fetched otherwise.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from kgbuild.errors import InputError
from kgbuild.read.article import extract_article
from kgbuild.read.files import open_input, printable
from kgbuild.read.html import html_to_text, looks_like_html
from kgbuild.read.ids import split_document
from kgbuild.read.web import MAX_PAGE, FetchError, url_id
from kgbuild.records import Document

if TYPE_CHECKING:
    from kgbuild.read.report import ReadReport
    from kgbuild.read.web import Fetcher


def read_feed_file(path: Path, report: ReadReport, max_chars: int, fetcher: Fetcher | None = None) -> Iterator[Document]:
    """The entries of an RSS or Atom feed file as documents.

    Parameters
    ----------
    path : Path
        The feed file.
    report : ReadReport
        Gets the warnings: entries with no text, pages that could not be fetched.
    max_chars : int
        A longer text becomes documents ``ID#part1``, ``ID#part2``...
    fetcher : Fetcher, optional
        Download each entry's link and read the page (``--fetch``); None reads the feed only.

    Returns
    -------
    Iterator of Document
        Raises ``InputError`` when the file is not a feed, or has no entry with text.

    Example
    -------
    >>> import tempfile, pathlib
    >>> from kgbuild.read.report import ReadReport
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "news.rss"
    >>> _ = p.write_text('<rss version="2.0"><channel><title>Planet</title><item><title>Talks</title>'
    ...                  '<link>https://example.org/talks</link><pubDate>Thu, 05 Mar 2015 10:00:00 GMT</pubDate>'
    ...                  '<description>Clara Vance met &lt;b&gt;Jonas Hale&lt;/b&gt;.</description></item></channel></rss>')
    >>> [(d.id, d.title, d.date, d.text) for d in read_feed_file(p, ReadReport(echo=False), 1000)]
    [('example-org-talks', 'Talks', '2015-03-05', 'Clara Vance met Jonas Hale.')]
    """
    import feedparser

    with open_input(path) as handle:
        data = handle.read(MAX_PAGE + 1)
    if not data.strip():
        raise InputError("file has only whitespace" if data else "file is empty", path=path)
    if len(data) > MAX_PAGE:
        raise InputError(f"feed over {MAX_PAGE >> 20} MB", path=path)
    feed = feedparser.parse(data)  # bytes are parsed, never fetched: feedparser gets no URL from us
    if not feed.entries:
        if feed.bozo:
            raise InputError(f"not an RSS or Atom feed: not well-formed XML ({_reason(feed.bozo_exception)})", path=path)
        raise InputError("not an RSS or Atom feed" if not feed.version else "feed has no entries", path=path)
    site = feed.feed.get("title") or None
    stem = printable(path.name).split(".")[0]
    empty = 0
    yielded = 0
    for number, entry in enumerate(feed.entries, 1):
        document = _entry(entry, f"{stem}-{number}", printable(path), site, report, fetcher)
        if document is None:
            empty += 1
            continue
        for part in split_document(document, max_chars):
            yielded += 1
            yield part
    if empty and yielded:
        report.warn(path, f"{empty} of {len(feed.entries)} entries have no text, skipped")
    if not yielded:
        raise InputError(f"none of the {len(feed.entries)} entries has any text", path=path)


def _entry(entry, fallback_id: str, source: str, site: str | None, report: ReadReport,
           fetcher: Fetcher | None) -> Document | None:
    link = entry.get("link") or None
    title = " ".join((entry.get("title") or "").split()) or None
    date = _date(entry.get("published_parsed") or entry.get("updated_parsed"))
    author = entry.get("author") or None
    doc_id = url_id(link) if link else fallback_id
    text = _entry_text(entry)
    if fetcher is not None and link:
        try:
            article = extract_article(fetcher.get(link), url=link)
            if article is None:
                raise FetchError("no article text in the page")
        except FetchError as exc:
            report.warn(link, f"{exc}; {'using the feed entry' if text else 'entry skipped'}")
        else:
            return Document(id=doc_id, text=article.text, title=article.title or title, source=source,
                            date=article.date or date, author=article.author or author, url=article.url or link,
                            site=article.site or site)
    if not text:
        return None
    return Document(id=doc_id, text=text, title=title, source=source, date=date, author=author, url=link, site=site)


def _entry_text(entry) -> str:
    """The entry's full content if the feed has it, else its summary, as text."""
    contents = [c.get("value", "") for c in entry.get("content", ()) if c.get("value", "").strip()]
    text = "\n\n".join(contents) if contents else entry.get("summary", "")
    if "<" in text and (looks_like_html(text) or "</" in text or "<br" in text.lower()):
        text = html_to_text(text)[0]
    return text.strip()


def _date(parsed: time.struct_time | None) -> str | None:
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def _reason(exc: Exception | None) -> str:
    text = str(getattr(exc, "getMessage", lambda: exc)()) if exc is not None else "unknown error"
    return " ".join(text.split())[:120]
