"""graph.html: self-contained, safe against hostile text, and working in a real browser."""

from __future__ import annotations

import io
import json
import re

import pytest

from kgbuild.cli import main
from kgbuild.view.html import render_html, write_html
from kgbuild.view.synthetic import synthetic_graph
from tests.view.contract_graph import DOCUMENTS, EDGES, ENTITIES, HOSTILE, OpenedPage, browser, contract_graph  # noqa: F401


def _data_block(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert match, "no data block"
    return json.loads(match.group(1))


def _distinct_edges() -> set[tuple[str, str, str]]:
    return {(s, p, o) for s, p, o, *_ in EDGES}


# ---------------------------------------------------------------- without a browser

def test_page_loads_nothing_from_outside():
    page = render_html(contract_graph(), title="t")
    assert not re.search(r"<(script|img|iframe|link)\b[^>]*\b(src|href)\s*=", page, re.I)
    assert "default-src 'none'" in page  # the browser itself refuses any request
    assert "vis-network" in page and "@@" not in page.split("<script")[0]


def test_hostile_text_stays_inside_the_data_block():
    page = render_html(contract_graph(), title=HOSTILE)
    # Three script elements (data, vis-network, viewer): no text from the graph closed one early.
    assert page.lower().count("</script") == 3
    assert "<!--" not in page.split('id="kg-data">', 1)[1].split("</script>", 1)[0]
    data = _data_block(page)
    assert HOSTILE in [n["l"] for n in data["nodes"]]
    assert data["title"] == HOSTILE
    assert "<title>Evil &lt;/script&gt;" in page


def test_data_block_matches_the_graph():
    data = _data_block(render_html(contract_graph()))
    assert sorted(n["l"] for n in data["nodes"]) == sorted(e[1] for e in ENTITIES.values())
    assert len(data["edges"]) == len(_distinct_edges())
    assert sorted(d["title"] for d in data["documents"]) == sorted(DOCUMENTS.values())
    labels = [n["l"] for n in data["nodes"]]
    rels = [r["label"] for r in data["relations"]]
    by_key = {(labels[e["s"]], rels[e["r"]], labels[e["o"]]): e for e in data["edges"]}
    meet = by_key[("Amira Haddad", "meet with", "Ostrava Water Board")]
    assert len(meet["ev"]) == sum(1 for e in EDGES if e[:3] == ("haddad", "meet_with", "board"))
    assert by_key[("Ostrava Water Board", "fund", "the dam repairs")]["neg"] is True
    assert by_key[("Amira Haddad", "visit", "Ostrava")]["mod"] == "may"
    haddad = data["nodes"][labels.index("Amira Haddad")]
    assert sorted(haddad["a"]) == sorted(ENTITIES["haddad"][2])
    # nodes come most connected first: the "top N" the page shows is a prefix
    degrees = [n["d"] for n in data["nodes"]]
    assert degrees == sorted(degrees, reverse=True)


def test_max_entities_keeps_the_most_connected():
    graph = synthetic_graph(300, seed=4)
    full, cut = _data_block(render_html(graph)), _data_block(render_html(graph, max_entities=50))
    assert len(cut["nodes"]) == 50 and cut["totalEntities"] == len(full["nodes"]) == 300
    assert [n["iri"] for n in cut["nodes"]] == [n["iri"] for n in full["nodes"][:50]]
    kept = {n["iri"] for n in cut["nodes"]}
    both_kept = [e for e in full["edges"] if full["nodes"][e["s"]]["iri"] in kept and full["nodes"][e["o"]]["iri"] in kept]
    assert len(cut["edges"]) == len(both_kept)


def test_write_html_leaves_the_old_file_when_rendering_fails(tmp_path):
    out = tmp_path / "graph.html"
    out.write_text("old page")
    with pytest.raises(Exception):  # noqa: B017  (any failure: the point is the old page survives)
        write_html("not a graph", out)  # type: ignore[arg-type]
    assert out.read_text() == "old page"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]


def test_cli_view_writes_html_and_reports_bad_input(tmp_path, capsys):
    graph = tmp_path / "g.trig"
    contract_graph().serialize(graph, format="trig")
    assert main(["view", str(graph), "-o", str(tmp_path / "out.html")]) == 0
    assert _data_block((tmp_path / "out.html").read_text())["nodes"]
    capsys.readouterr()
    bad = tmp_path / "bad.ttl"
    bad.write_text("<urn:a> <urn:b> .\n")
    assert main(["view", str(bad), "-o", str(tmp_path / "bad.html")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("kgbuild: error:") and "bad.ttl" in err and "\n" not in err
    assert not (tmp_path / "bad.html").exists()
    assert main(["view", str(tmp_path / "missing.ttl"), "-o", str(tmp_path / "m.html")]) == 2
    assert "missing.ttl" in capsys.readouterr().err


# ---------------------------------------------------------------- in Chromium

EDGE_POINT_JS = """([s, o]) => {
  const v = window.kgView, net = v.network;
  const id = v.data.edges.findIndex((e) => e.s === s && e.o === o);
  const pos = net.getPositions([s, o]), a = pos[s], b = pos[o];
  for (const t of [0.5, 0.42, 0.58, 0.35, 0.65, 0.3, 0.7]) {
    const p = net.canvasToDOM({x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t});
    if (net.getEdgeAt(p) === id && net.getNodeAt(p) === undefined) return p;
  }
  return null;
}"""


def _index(page, label: str) -> int:
    return page.evaluate("(l) => window.kgView.data.nodes.findIndex((n) => n.l === l)", label)


def _click_canvas(opened: OpenedPage, point: dict) -> None:
    box = opened.page.locator("#graph").bounding_box()
    opened.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


@pytest.fixture()
def contract_page(browser, tmp_path):  # noqa: F811
    path = write_html(contract_graph(), tmp_path / "graph.html", title=HOSTILE)
    opened = OpenedPage(browser, path)
    yield opened
    opened.close()


@pytest.mark.browser
def test_page_draws_offline_without_errors(contract_page):
    import numpy as np
    from PIL import Image

    shot = np.asarray(Image.open(io.BytesIO(contract_page.page.locator("#graph").screenshot())).convert("RGB"))
    drawn = int((shot.min(axis=2) < 200).sum())  # the background is near-white
    assert drawn > 1500, f"canvas looks blank ({drawn} drawn pixels)"
    assert contract_page.requests == [contract_page.url], contract_page.requests
    assert contract_page.errors == []
    # the hostile title is text, and its script never ran
    assert contract_page.page.locator("#title").text_content() == HOSTILE
    assert contract_page.page.evaluate("window.pwned") is None


@pytest.mark.browser
def test_clicking_an_edge_shows_its_sentence(contract_page):
    page = contract_page.page
    s, o = _index(page, "Ostrava Water Board"), _index(page, "the dam repairs")
    point = page.evaluate(EDGE_POINT_JS, [s, o])
    assert point is not None, "could not find a clickable point on the edge"
    _click_canvas(contract_page, point)
    panel = page.locator("#details")
    sentence = next(e for e in EDGES if e[1] == "fund")
    assert panel.locator("blockquote").first.text_content() == sentence[3]
    assert panel.locator("mark.rel").first.text_content() == sentence[4]
    assert panel.locator("mark.subj").first.text_content() == sentence[5]
    assert panel.locator("mark.obj").first.text_content() == sentence[6]
    assert DOCUMENTS[sentence[7]] in panel.text_content()
    assert panel.locator(".chip.neg").count() == 1
    assert contract_page.errors == []


@pytest.mark.browser
def test_clicking_a_node_shows_names_and_documents(contract_page):
    page = contract_page.page
    i = _index(page, "Amira Haddad")
    point = page.evaluate("(i) => window.kgView.network.canvasToDOM(window.kgView.network.getPositions([i])[i])", i)
    _click_canvas(contract_page, point)
    panel = page.locator("#details")
    assert panel.locator("h3").text_content() == "Amira Haddad"
    text = panel.text_content()
    for alt in ENTITIES["haddad"][2]:
        assert alt in text
    for doc in ENTITIES["haddad"][4]:
        assert DOCUMENTS[doc] in text


@pytest.mark.browser
def test_filters_and_search(contract_page):
    page = contract_page.page
    shown = "() => window.kgView.nodes.getIds().map((i) => window.kgView.data.nodes[i].l).sort()"
    page.locator('input[data-type="Person"]').uncheck()
    contract_page.wait_ready()
    assert page.evaluate(shown) == sorted(v[1] for v in ENTITIES.values() if v[0] != "Person")
    page.locator('input[data-type="Person"]').check()
    contract_page.wait_ready()
    assert len(page.evaluate(shown)) == len(ENTITIES)

    fund = page.evaluate("() => window.kgView.data.relations.findIndex((r) => r.label === 'fund')")
    page.select_option("#relation", str(fund))
    contract_page.wait_ready()
    ends = {k for s, p, o, *_ in EDGES if p == "fund" for k in (s, o)}
    assert page.evaluate(shown) == sorted(ENTITIES[k][1] for k in ends)
    assert page.evaluate("() => window.kgView.edges.length") == 1
    page.select_option("#relation", "-1")
    contract_page.wait_ready()

    degree = {k: sum(1 for s, _, o in _distinct_edges() if k in (s, o)) for k in ENTITIES}
    page.fill("#min-degree", "2")
    page.dispatch_event("#min-degree", "change")
    contract_page.wait_ready()
    assert page.evaluate(shown) == sorted(ENTITIES[k][1] for k, d in degree.items() if d >= 2)
    page.fill("#min-degree", "0")
    page.dispatch_event("#min-degree", "change")
    contract_page.wait_ready()

    page.fill("#search", "minister")  # an alternative name, any case
    page.press("#search", "Enter")
    contract_page.wait_ready()
    assert page.locator("#details h3").text_content() == "Amira Haddad"
    assert contract_page.errors == []


@pytest.mark.browser
def test_big_graph_draws_top_entities_then_more(browser, tmp_path):  # noqa: F811
    path = write_html(synthetic_graph(1000, n_documents=20, seed=3), tmp_path / "big.html", initial_nodes=120)
    opened = OpenedPage(browser, path)
    page = opened.page
    try:
        count = "() => window.kgView.nodes.length"
        assert page.evaluate(count) == 120
        first = set(page.evaluate("() => window.kgView.nodes.getIds()"))
        assert 0 in first  # the most connected entity is drawn (node index = rank)
        # hubs come with neighbours: nearly every drawn entity has a drawn relation
        lonely = page.evaluate("""() => { const v = window.kgView, linked = new Set();
            v.edges.get().forEach((e) => { linked.add(e.from); linked.add(e.to); });
            return v.nodes.getIds().filter((i) => !linked.has(i)).length; }""")
        assert lonely <= 120 * 0.05
        page.click("#more")
        opened.wait_ready()
        assert page.evaluate(count) == 240
        assert first <= set(page.evaluate("() => window.kgView.nodes.getIds()"))  # more only adds
        assert opened.requests == [opened.url]
        assert opened.errors == []
    finally:
        opened.close()


@pytest.mark.browser
def test_clicking_a_node_highlights_every_mention_of_it(browser, tmp_path, nlp):  # noqa: F811
    from kgbuild import BuildConfig, Document, build_graph

    text = ("Hillary Clinton met Pakistani journalists in Islamabad. Clinton said she was happy with the talks. "
            "The journalists thanked her.")
    # every statement kept, so the page holds all three sentences whatever their confidence
    kg = build_graph([Document("talks", text)], nlp=nlp, config=BuildConfig(min_confidence=0.0))
    opened = OpenedPage(browser, write_html(kg.to_rdflib(), tmp_path / "graph.html", title="mentions"))
    try:
        page = opened.page
        i = _index(page, "Hillary Clinton")
        point = page.evaluate("(i) => window.kgView.network.canvasToDOM(window.kgView.network.getPositions([i])[i])", i)
        _click_canvas(opened, point)
        panel = page.locator("#details")
        assert panel.locator("h3").text_content() == "Hillary Clinton"
        marks = panel.locator("blockquote.mentions mark.ment").all_text_contents()
        # her names and her resolved pronouns in the sentences the page holds, each highlighted
        assert "Hillary Clinton" in marks and "Clinton" in marks and {"she", "her"} & set(marks), marks
        assert opened.errors == []
    finally:
        opened.close()
