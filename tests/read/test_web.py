"""Web pages, feeds and WARC crawls: files written here, read in-process (no model needed)."""

from __future__ import annotations

import contextlib
import gzip
import http.server
import io
import threading

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from kgbuild.errors import InputError
from kgbuild.read.inputs import read_inputs
from kgbuild.read.language import language_problem
from kgbuild.read.report import ReadReport
from kgbuild.read.web import Fetcher

ARTICLE = [
    "Foreign Minister Clara Vance met Jonas Hale in Port Alden on Thursday to discuss the fishing dispute.",
    "The two ministers talked for three hours, and aides said the meeting had been frank but friendly.",
    "Hale told reporters that the talks would go on next month in the capital of Estria.",
]
BOILERPLATE = ["Subscribe to our newsletter", "Accept all cookies", "Most read this week", "Leave a comment",
               "All rights reserved"]


def page(body: list[str] = ARTICLE, title: str = "Vance meets Hale") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body)
    return f"""<!DOCTYPE html><html lang="en"><head><title>{title} | Daily Planet</title>
<meta name="author" content="Lois Lane"><meta property="og:site_name" content="Daily Planet">
<meta property="article:published_time" content="2015-03-05T10:00:00Z">
<link rel="canonical" href="https://planet.example/world/vance-meets-hale"></head><body>
<div id="cookie-banner" class="cookie consent"><p>We use cookies. Accept all cookies or manage your choices.</p></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/newsletter">Subscribe to our newsletter</a></li></ul></nav></header>
<main><article><h1>{title}</h1>{paragraphs}</article>
<aside class="related"><h2>Most read this week</h2><ul><li><a href="/a">Storm hits the coast</a></li>
<li><a href="/b">Markets fall again</a></li></ul></aside>
<section id="comments" class="comments"><h3>Leave a comment</h3><div class="comment"><p>First! Great article.</p></div></section>
</main><footer><p>Copyright 2015 Daily Planet. All rights reserved.</p></footer></body></html>"""


def read(paths, **kwargs):
    report = ReadReport(echo=False)
    return list(read_inputs(paths, report=report, **kwargs)), report


def test_a_web_page_gives_its_article_and_metadata_without_the_boilerplate(tmp_path):
    path = tmp_path / "vance.html"
    path.write_text(page())
    [doc], report = read([path])
    for sentence in ARTICLE:
        assert sentence in doc.text
    for words in BOILERPLATE + ["Storm hits the coast", "Great article"]:
        assert words not in doc.text, words
    assert (doc.id, doc.title, doc.date, doc.author, doc.site, doc.url) == (
        "vance", "Vance meets Hale", "2015-03-05", "Lois Lane", "Daily Planet", "https://planet.example/world/vance-meets-hale")
    assert report.warnings == []


def test_a_page_with_no_article_text_is_skipped_with_one_line(tmp_path):
    (tmp_path / "empty.html").write_text("<html><head><script>track()</script></head><body><img src=a.png></body></html>")
    (tmp_path / "good.html").write_text(page())
    docs, report = read([tmp_path])
    assert [d.id for d in docs] == ["good"]
    assert report.skipped == [(str(tmp_path / "empty.html"), "no article text in the web page (only menus, links or boilerplate)")]


RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Daily Planet</title><link>https://planet.example/</link>
<item><title>Vance meets Hale</title><link>{base}/world/vance-meets-hale</link><author>lois@planet.example (Lois Lane)</author>
<pubDate>Thu, 05 Mar 2015 10:00:00 GMT</pubDate><description>Clara Vance met Jonas Hale in Port Alden.</description>
<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[<p>{first}</p><p>{second}</p>]]></content:encoded></item>
<item><title>Storm</title><link>{base}/missing</link><pubDate>Fri, 06 Mar 2015 08:00:00 GMT</pubDate>
<description>A storm hit the coast of Estria on Friday, and thousands of homes lost power.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Planet Atom</title>
<id>urn:planet</id><updated>2015-03-05T10:00:00Z</updated>
<entry><title>Talks go on</title><id>urn:planet:1</id><link href="https://planet.example/talks-go-on"/>
<published>2015-03-04T09:00:00Z</published><updated>2015-03-05T09:00:00Z</updated><author><name>Clark Kent</name></author>
<summary type="html">&lt;p&gt;Jonas Hale said the talks with Estria would go on next month.&lt;/p&gt;</summary></entry></feed>"""


def rss(base="https://planet.example"):
    return RSS.format(base=base, first=ARTICLE[0], second=ARTICLE[1])


def test_rss_entries_are_documents_with_full_content_else_summary(tmp_path):
    path = tmp_path / "planet.rss"
    path.write_text(rss())
    docs, report = read([path])
    assert [(d.id, d.title, d.date, d.url) for d in docs] == [
        ("planet-example-world-vance-meets-hale", "Vance meets Hale", "2015-03-05", "https://planet.example/world/vance-meets-hale"),
        ("planet-example-missing", "Storm", "2015-03-06", "https://planet.example/missing")]
    assert docs[0].text == f"{ARTICLE[0]}\n\n{ARTICLE[1]}"  # content:encoded, not the shorter description
    assert docs[1].text.startswith("A storm hit the coast")  # no content: the summary
    assert docs[0].site == "Daily Planet" and "Lois Lane" in docs[0].author
    assert report.warnings == []


def test_atom_entries_are_documents(tmp_path):
    path = tmp_path / "planet.atom"
    path.write_text(ATOM)
    [doc], _ = read([path])
    assert (doc.title, doc.date, doc.author, doc.text) == (
        "Talks go on", "2015-03-04", "Clark Kent", "Jonas Hale said the talks with Estria would go on next month.")


@pytest.mark.parametrize("content, problem", [
    ("Clara Vance met Jonas Hale in Port Alden.", "not an RSS or Atom feed: not well-formed XML"),
    ("<rss version='2.0'><channel><title>T</title>", "not an RSS or Atom feed: not well-formed XML"),
    ("<?xml version='1.0'?><catalog><book>Dune</book></catalog>", "not an RSS or Atom feed"),
])
def test_a_feed_that_is_not_a_feed_is_one_line_and_the_build_goes_on(tmp_path, content, problem):
    (tmp_path / "bad.xml").write_text(content)
    (tmp_path / "good.rss").write_text(rss())
    docs, report = read([tmp_path])
    assert len(docs) == 2
    [(path, message)] = report.skipped
    assert path == str(tmp_path / "bad.xml") and message.startswith(problem), message


def write_warc(path, gz=True, last=True):
    """A small crawl: a request, an article page, an image, a redirect and a metadata record."""
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gz)

        def record(uri, kind, body=b"", status="200 OK", content_type="text/html; charset=utf-8"):
            if kind == "request":
                headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "planet.example")], is_http_request=True)
            else:
                headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                uri, kind, payload=io.BytesIO(body), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2015-03-06T12:00:00Z"}))

        record("https://planet.example/world/vance-meets-hale", "request")
        record("https://planet.example/world/vance-meets-hale", "response", page().encode())
        record("https://planet.example/logo.png", "response", b"\x89PNG....", content_type="image/png")
        record("https://planet.example/old", "response", status="301 Moved Permanently")
        if last:
            record("https://planet.example/talks", "response", page(ARTICLE[2:], "Talks go on").replace(
                '<meta property="article:published_time" content="2015-03-05T10:00:00Z">', "").encode())


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_html_responses_are_documents_and_other_records_counted(tmp_path, name):
    path = tmp_path / name
    write_warc(path, gz=name.endswith(".gz"))
    docs, report = read([path])
    assert [(d.id, d.url, d.date) for d in docs] == [
        ("planet-example-world-vance-meets-hale", "https://planet.example/world/vance-meets-hale", "2015-03-05"),
        ("planet-example-talks", "https://planet.example/world/vance-meets-hale", "2015-03-06")]  # canonical URL; crawl date
    assert ARTICLE[0] in docs[0].text and "cookies" not in docs[0].text
    assert report.warnings == [f"{path}: 3 records skipped: 1 request, 1 not HTML, 1 HTTP 301"]


def test_a_truncated_warc_keeps_the_pages_before_the_break(tmp_path):
    whole = tmp_path / "whole.warc.gz"
    write_warc(whole)
    write_warc(tmp_path / "head.warc.gz", last=False)
    start = (tmp_path / "head.warc.gz").stat().st_size  # where the last record begins
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole.read_bytes()[:start + 60])
    docs, report = read([cut])
    assert [d.id for d in docs] == ["planet-example-world-vance-meets-hale"]
    assert any("ends early" in w for w in report.warnings), report.warnings
    (tmp_path / "junk.warc.gz").write_bytes(gzip.compress(b"not a warc at all\n"))
    with pytest.raises(InputError, match="not a WARC file"):
        list(read_inputs([tmp_path / "junk.warc.gz"], report=ReadReport(echo=False)))


class _Site(http.server.BaseHTTPRequestHandler):
    """A news site on 127.0.0.1: one article, a 404, a JSON answer and a page too slow to wait for."""

    requests: list[str] = []

    def do_GET(self):  # noqa: N802 (the http.server API)
        type(self).requests.append(self.path)
        if self.path == "/world/vance-meets-hale":
            self._answer(200, "text/html; charset=utf-8", page().encode())
        elif self.path == "/data":
            self._answer(200, "application/json", b"{}")
        elif self.path == "/slow":
            threading.Event().wait(3)
            self._answer(200, "text/html", page().encode())
        else:
            self._answer(404, "text/html", b"<html><body>Not found</body></html>")

    def _answer(self, status, kind, body):
        try:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve_site():
    """The site on 127.0.0.1 (a free port); yields its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    _Site.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def site():
    with serve_site() as url:
        yield url


def test_fetch_reads_the_linked_pages_and_warns_per_failing_url(tmp_path, site):
    path = tmp_path / "planet.rss"
    path.write_text(rss(site).replace("</channel>", f"<item><title>Data</title><link>{site}/data</link></item>"
                                                   f"<item><title>Slow</title><link>{site}/slow</link></item></channel>"))
    docs, report = read([path], fetch=Fetcher(timeout=1))
    assert _Site.requests == ["/world/vance-meets-hale", "/missing", "/data", "/slow"]
    first = docs[0]
    assert ARTICLE[2] in first.text and first.author == "Lois Lane"  # the page, not the feed's two paragraphs
    assert docs[1].text.startswith("A storm hit the coast")  # the 404: the feed's own text
    assert [d.title for d in docs] == ["Vance meets Hale", "Storm"]  # Data and Slow have no text of their own
    assert f"{site}/missing: HTTP 404 Not Found; using the feed entry" in report.warnings
    assert f"{site}/data: not HTML (application/json); entry skipped" in report.warnings
    assert f"{site}/slow: timed out; entry skipped" in report.warnings


def test_nothing_is_fetched_without_fetch(tmp_path, site):
    (tmp_path / "planet.rss").write_text(rss(site))
    docs, _ = read([tmp_path])
    assert len(docs) == 2 and _Site.requests == []


def test_a_crawl_is_streamed_one_record_at_a_time(tmp_path):
    """Peak memory (tracemalloc: every Python allocation) stays far below the crawl's size: one page at a time."""
    import tracemalloc

    body = page(ARTICLE * 40).encode()  # ~13 kB a page, 100 pages
    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for i in range(100):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://planet.example/story/{i}", "response",
                                                          payload=io.BytesIO(body), http_headers=headers))
    read_inputs([tmp_path / "crawl.warc.gz"], report=ReadReport(echo=False))  # imports, before measuring
    language_problem(" ".join(ARTICLE))  # the identifier's model (some 70 MB) loads once, on first use
    tracemalloc.start()
    try:
        pages = sum(1 for _ in read_inputs([path], report=ReadReport(echo=False)))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    crawl = 100 * len(body)
    assert pages == 100
    assert peak < crawl / 2, f"reading a {crawl >> 10} kB crawl peaked at {peak >> 10} kB"
