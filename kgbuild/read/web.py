"""Pages on the web: fetching a feed entry's link (only with ``--fetch``), and document ids from URLs.

Separate from the feed reader because fetching is the one place kgbuild goes to the network, and
only when asked: every failure (no answer in time, an HTTP error, a page that is not HTML, one too
big) is a ``FetchError`` that the caller turns into a one-line warning naming the URL.
"""

from __future__ import annotations

import hashlib
import re
import urllib.error
import urllib.parse
import urllib.request

#: A fetched page is read whole, as a saved page is; a bigger answer is not a news page.
MAX_PAGE = 64 << 20
USER_AGENT = "kgbuild (knowledge-graph builder; reads the pages a feed links to)"

_NOT_WORD = re.compile(r"[^0-9A-Za-z]+")


class FetchError(Exception):
    """A page could not be fetched; the message says why, in a few words."""


class Fetcher:
    """Downloads web pages over HTTP(S), one at a time, with a timeout.

    Parameters
    ----------
    timeout : float
        Seconds to wait for an answer (connecting, and each read).

    Example
    -------
    >>> Fetcher(timeout=1).get("ftp://example.org/a")
    Traceback (most recent call last):
    ...
    kgbuild.read.web.FetchError: not an http(s) URL
    """

    def __init__(self, timeout: float = 10.0) -> None:
        self.timeout = timeout
        self.fetched = 0

    def get(self, url: str) -> bytes:
        """The HTML of the page at ``url``, or FetchError."""
        if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
            raise FetchError("not an http(s) URL")
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:  # noqa: S310 (scheme checked)
                kind = answer.headers.get_content_type()
                if kind not in ("text/html", "application/xhtml+xml"):
                    raise FetchError(f"not HTML ({kind})")
                body = answer.read(MAX_PAGE + 1)
        except urllib.error.HTTPError as exc:
            raise FetchError(f"HTTP {exc.code} {exc.reason}") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            raise FetchError("timed out" if isinstance(reason, TimeoutError) or "timed out" in str(reason)
                             else f"cannot connect: {getattr(reason, 'strerror', None) or reason}") from None
        except TimeoutError:
            raise FetchError("timed out") from None
        except OSError as exc:
            raise FetchError(f"cannot read: {exc.strerror or exc}") from None
        if len(body) > MAX_PAGE:
            raise FetchError(f"page over {MAX_PAGE >> 20} MB")
        self.fetched += 1
        return body


def url_id(url: str) -> str:
    """A readable document id for a URL: host and path in words, a hash when cut or with a query.

    Example
    -------
    >>> url_id("https://www.example.org/world/2015/03/05/talks-in-port-alden.html")
    'example-org-world-2015-03-05-talks-in-port-alden'
    >>> url_id("https://example.org/story?id=7")
    'example-org-story-4bd9c8ea'
    """
    parts = urllib.parse.urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    path = re.sub(r"\.(s?html?|php|aspx?)$", "", parts.path, flags=re.I)
    words = _NOT_WORD.sub("-", f"{host}/{path}").strip("-").lower() or "page"
    if parts.query or len(words) > 100:
        words = f"{words[:90].rstrip('-')}-{hashlib.sha1(url.encode('utf-8')).hexdigest()[:8]}"
    return words
