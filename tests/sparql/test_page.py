"""The query page of ``kgbuild serve`` (GET /) and the neighbourhood view (GET /view), in Chromium."""

from __future__ import annotations

import re
import urllib.parse
from pathlib import Path

import pytest

from kgbuild.sparql.page import examples
from tests.sparql.test_server import Server
from tests.view.contract_graph import ENTITIES, browser, contract_graph, entity_iri  # noqa: F401

REPO = Path(__file__).resolve().parents[2]
QUERY = "SELECT ?person ?name ?n WHERE { ?person a kg:Person ; rdfs:label ?name ; kg:mentionCount ?n } ORDER BY ?name"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = tmp_path_factory.mktemp("page") / "graph.ttl"
    contract_graph().serialize(path, format="turtle")
    srv = Server(str(path), "--workers", "1")
    yield srv
    srv.stop()


def test_the_page_is_self_contained(server):
    status, headers, body = server.request("GET", "/")
    page = body.decode()
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "default-src 'none'" in page and "connect-src 'self'" in page  # the browser refuses any other request
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # nothing loaded from elsewhere
    assert "CodeMirror" in page and "who met whom" in page


def test_the_page_offers_the_example_queries_of_the_repository():
    shipped = {e["name"]: e["query"] for e in examples()}
    in_repo = {p.stem.replace("_", " "): p.read_text() for p in (REPO / "examples" / "queries").glob("*.rq")}
    assert shipped == in_repo


def test_view_needs_an_entity_iri(server):
    status, _, body = server.request("GET", "/view?entity=" + urllib.parse.quote("http://evil.example/x"))
    assert status == 400 and b"entity IRI" in body


@pytest.mark.browser
def test_type_a_query_run_it_sort_the_rows_and_open_the_graph_view(browser, server):  # noqa: F811
    origin = f"http://{server.host}:{server.port}"
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(origin + "/")
    page.wait_for_selector(".CodeMirror")

    page.click(".CodeMirror-code")  # type the query as a person would
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.type(QUERY)
    page.click("#run")
    page.wait_for_selector("#table tbody tr")
    names = page.locator("#table tbody tr td:nth-child(2)").all_text_contents()
    persons = sorted(label for kind, label, *_ in ENTITIES.values() if kind == "Person")
    assert names == persons
    assert "row" in page.locator("#status").text_content()

    page.click("#table th:nth-child(3)")  # sort by mention count, then the other way
    page.click("#table th:nth-child(3)")
    counts = [int(c) for c in page.locator("#table tbody tr td:nth-child(3)").all_text_contents()]
    assert counts == sorted(counts, reverse=True) and page.locator("#table th:nth-child(3)").get_attribute("aria-sort") == "descending"

    with page.context.expect_page() as opened:  # each entity links to its neighbourhood in the graph view
        page.locator("#table td a.view").first.click()
    view = opened.value
    view.on("request", lambda r: requests.append(r.url))
    view.wait_for_selector("html[data-ready=true]", state="attached", timeout=60_000)
    assert view.url.startswith(origin + "/view?entity=")
    assert view.title().startswith("Neighbourhood of")
    assert view.evaluate("window.kgView.nodes.length") >= 2  # the entity and its neighbours

    page.click("#examples button:has-text('relation counts')")  # an example, one click away
    page.wait_for_function("document.querySelector('#table th') && document.querySelector('#table th').textContent !== 'person'")
    assert page.locator("#table tbody tr").count() > 0

    page.click(".CodeMirror-code")
    page.keyboard.press("Control+A")
    page.keyboard.type("SELECT ?x WHERE { ?x ?y }")  # a syntax error: shown, not thrown
    page.click("#run")
    page.wait_for_selector("#status.error")
    assert page.locator("#table").count() == 0

    assert errors == [] or all("400" in e for e in errors), errors  # the bad query's 400 is logged by the browser
    outside = [u for u in requests if not u.startswith(origin + "/")]
    assert outside == [], outside
    page.close()
    view.close()
