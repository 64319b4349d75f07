"""A folder that mixes web pages, a feed, a crawl, text and JSONL builds one graph with each document's metadata."""

from __future__ import annotations

import json

import pytest
import rdflib
import rdflib.namespace as ns

from kgbuild.rdf.iris import document_iri
from kgbuild.rdf.vocab import KG
from tests.read.test_web import ARTICLE, _Site, page, rss, serve_site, write_warc
from tests.system.test_bad_input import kgbuild_all
from tests.system.test_shapes import union, validate


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("mixed")
    folder = root / "news"
    folder.mkdir()
    (folder / "vance.html").write_text(page())
    (folder / "planet.rss").write_text(rss())
    write_warc(folder / "crawl.warc.gz")
    (folder / "note.txt").write_text("Jonas Hale flew to Estria on Friday.")
    (folder / "wire.jsonl").write_text(json.dumps({"id": "w1", "text": ARTICLE[2], "date": "2015-03-07"}) + "\n")
    (folder / "fr.html").write_text(page(["Le ministre a rencontré ses homologues européens lundi à Bruxelles pour "
                                          "discuter des sanctions et de la guerre."], "Le ministre"))
    (folder / "empty.html").write_text("<html><body><script>x()</script></body></html>")
    with serve_site() as site:  # the --fetch build runs beside the other (each loads spaCy)
        (root / "linked.rss").write_text(rss(site))
        run, fetched = kgbuild_all([("build", "news", "-o", "out", "--no-html"),
                                    ("build", "linked.rss", "--fetch", "-o", "out-fetched", "--no-html")], cwd=root)
        requests = list(_Site.requests)
    graph = rdflib.Graph().parse(root / "out" / "graph.ttl", format="turtle")
    return run, graph, (site, fetched, requests, root / "out-fetched" / "graph.ttl")


def test_every_kind_of_input_is_built_and_bad_ones_are_one_line_each(built):
    run, graph, _ = built
    assert run.returncode == 0, run.stderr
    documents = {str(d) for d in graph.subjects(rdflib.RDF.type, KG.Document)}
    expected = ["vance", "planet-example-world-vance-meets-hale", "planet-example-missing",
                "planet-example-talks", "note", "w1"]
    assert {str(document_iri(d)) for d in expected} <= documents, documents
    assert str(document_iri("fr")) not in documents and str(document_iri("empty")) not in documents
    assert "news/fr.html: looks like French (fr), not English; skipped" in run.stderr
    assert "news/empty.html: no article text in the web page" in run.stderr
    assert "news/crawl.warc.gz: 3 records skipped: 1 request, 1 not HTML, 1 HTTP 301" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_page_s_metadata_is_on_its_document(built):
    _, graph, _ = built
    doc = document_iri("vance")
    assert graph.value(doc, ns.DCTERMS.title) == rdflib.Literal("Vance meets Hale")
    assert graph.value(doc, ns.SDO.datePublished) == rdflib.Literal("2015-03-05", datatype=ns.XSD.date)
    assert graph.value(doc, ns.DCTERMS.date) == rdflib.Literal("2015-03-05", datatype=ns.XSD.date)
    assert graph.value(doc, ns.SDO.author) == rdflib.Literal("Lois Lane")
    assert graph.value(doc, ns.SDO.url) == rdflib.Literal("https://planet.example/world/vance-meets-hale", datatype=ns.XSD.anyURI)
    assert graph.value(doc, KG.siteName) == rdflib.Literal("Daily Planet")
    crawled = document_iri("planet-example-talks")
    assert graph.value(crawled, ns.SDO.datePublished) == rdflib.Literal("2015-03-06", datatype=ns.XSD.date)  # the crawl's date


def test_the_article_date_is_the_reference_for_relative_dates(built):
    _, graph, _ = built
    # "on Thursday" in an article of Thursday 5 March 2015 is that day
    assert (None, KG.normalizedDate, rdflib.Literal("2015-03-05", datatype=ns.XSD.date)) in graph


def test_the_mixed_graph_conforms_to_the_shapes(built):
    _, graph, _ = built
    conforms, text = validate(union((s, p, o, None) for s, p, o in graph))
    assert conforms, text


def test_fetch_on_the_command_line_reads_the_linked_page(built):
    site, run, requests, path = built[2]
    assert run.returncode == 0, run.stderr
    assert f"{site}/missing: HTTP 404 Not Found; using the feed entry" in run.stderr
    assert requests == ["/world/vance-meets-hale", "/missing"]
    graph = rdflib.Graph().parse(path, format="turtle")
    fetched = next(d for d in graph.subjects(rdflib.RDF.type, KG.Document) if "vance-meets-hale" in str(d))
    assert graph.value(fetched, ns.SDO.author) == rdflib.Literal("Lois Lane")  # the page's, not the feed's
