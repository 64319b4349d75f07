"""In a notebook: a KnowledgeGraph shows as the interactive view, a query result as a table."""

from __future__ import annotations

import html
import re

import pytest

from kgbuild import build_graph
from tests.view.contract_graph import browser  # noqa: F401

TEXTS = ["Foreign Minister Clara Vance met Jonas Hale in Port Alden on Thursday.",
         "Hale said the talks with <b>Estria</b> would go on, Vance said."]


@pytest.fixture(scope="module")
def kg():
    return build_graph(TEXTS)


def test_the_graph_shows_as_one_self_contained_frame(kg):
    cell = kg._repr_html_()
    assert cell.startswith("<iframe srcdoc=") and cell.endswith("></iframe>")
    page = html.unescape(re.match(r'<iframe srcdoc="([^"]*)"', cell).group(1))
    assert page.startswith("<!DOCTYPE html>") and "default-src 'none'" in page
    assert "Clara Vance" in page


def test_a_query_result_shows_as_a_table(kg):
    result = kg.query("SELECT ?name ?n WHERE { ?e a kg:Person ; rdfs:label ?name ; kg:mentionCount ?n } ORDER BY ?name")
    table = result._repr_html_()
    assert table.startswith('<table class="kgbuild-result"><thead><tr><th>name</th><th>n</th></tr></thead>')
    assert "<td>Clara Vance</td>" in table and f"<p>{len(result.rows)} rows</p>" in table
    assert kg.query("ASK { ?s ?p ?o }")._repr_html_() == "<p><strong>true</strong></p>"


@pytest.mark.browser
def test_the_frame_draws_the_graph_offline_in_chromium(browser, kg):  # noqa: F811
    page = browser.new_page(viewport={"width": 1100, "height": 800})
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_content(f"<html><body><h1>Notebook</h1>{kg._repr_html_()}</body></html>")
    frame = page.frame_locator("iframe")
    frame.locator("html[data-ready=true]").wait_for(state="attached", timeout=60_000)
    nodes = page.frames[1].evaluate("window.kgView.nodes.get().map(n => n.label)")
    assert "Clara Vance" in nodes and "Jonas Hale" in nodes
    assert errors == []
    assert all(u in ("about:blank", "about:srcdoc") for u in requests), requests
    page.close()
