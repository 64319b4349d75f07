"""One self-contained, offline graph.html: vis-network, our viewer script and the graph as JSON.

Everything the page needs is inlined: no CDN, no font, no request of any kind (the page's
Content-Security-Policy forbids them). The graph goes in as JSON inside a
``<script type="application/json">`` block with ``<``, ``>`` and ``&`` escaped, so no text
from the input can end the block or be read as markup; the viewer script only ever puts
text into the page with ``textContent``.
"""

from __future__ import annotations

import html
import json
import re
from functools import cache
from importlib import resources
from pathlib import Path

import rdflib

from kgbuild.atomic import atomic_write
from kgbuild.view.model import GraphModel, ranked_nodes, read_model
from kgbuild.view.style import EDGE_COLOR, HEDGED_COLOR, NEGATED_COLOR, type_color, type_label

#: How many entities (most connected first) the page draws before "Show more".
DEFAULT_INITIAL_NODES = 300
#: How many entities a page holds at most (about 1 kB each with their sentences).
DEFAULT_MAX_ENTITIES = 20_000
_MARKER = re.compile(r"@@(TITLE|DATA|VIS|APP)@@")


@cache
def _asset(name: str) -> str:
    return resources.files("kgbuild.view").joinpath("assets", name).read_text(encoding="utf-8")


def _darker(hex_color: str, factor: float = 0.72) -> str:
    r, g, b = (int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * factor) for c in (r, g, b)))


def _payload(model: GraphModel, title: str, initial_nodes: int, max_entities: int) -> dict:
    """The JSON the viewer reads: nodes in rank order, edges and names as list indices."""
    order = ranked_nodes(model)[:max_entities]
    new_index = {old: new for new, old in enumerate(order)}
    edges = [e for e in model.edges if e.source in new_index and e.target in new_index]
    type_counts: dict[str, int] = {}
    for node in model.nodes:
        type_counts[node.type] = type_counts.get(node.type, 0) + 1
    type_names = sorted(type_counts, key=lambda t: (-type_counts[t], t))
    type_index = {t: i for i, t in enumerate(type_names)}
    rel_counts: dict[str, int] = {}
    rel_labels: dict[str, str] = {}
    for edge in model.edges:
        rel_counts[edge.predicate] = rel_counts.get(edge.predicate, 0) + 1
        rel_labels[edge.predicate] = edge.label
    rel_names = sorted(rel_counts, key=lambda p: (-rel_counts[p], rel_labels[p]))
    rel_index = {p: i for i, p in enumerate(rel_names)}
    return {
        "title": title,
        "initial": initial_nodes,
        "totalEntities": len(model.nodes),
        "totalRelations": len(model.edges),
        "colors": {"edge": EDGE_COLOR, "negated": NEGATED_COLOR, "hedged": HEDGED_COLOR},
        "types": [{"key": t, "label": type_label(t), "color": type_color(t), "border": _darker(type_color(t)),
                   "count": type_counts[t]} for t in type_names],
        "relations": [{"iri": p, "label": rel_labels[p], "count": rel_counts[p]} for p in rel_names],
        "documents": [{"id": d.doc_id, "title": d.title, "iri": d.iri} for d in model.documents],
        "nodes": [{"l": n.label, "t": type_index[n.type], "m": n.mentions, "d": n.degree, "a": n.alt_labels,
                   "docs": n.documents, "iri": n.iri} for n in (model.nodes[i] for i in order)],
        "edges": [{"s": new_index[e.source], "o": new_index[e.target], "r": rel_index[e.predicate],
                   "neg": e.negated, "mod": e.modality,
                   "ev": [{"x": v.sentence, "rt": v.relation_text, "st": v.subject_text, "ot": v.object_text,
                           "neg": v.negated, "mod": v.modality, "c": v.confidence, "doc": v.document,
                           # every mention in the sentence of a node the page holds: [start, end, node]
                           "mk": [[a, b, new_index[n]] for a, b, n in v.marks if n in new_index]}
                          for v in e.evidence]}
                  for e in edges],
    }


def _script_json(data: dict) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' appears literally."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_html(graph: rdflib.Graph | GraphModel, title: str = "Knowledge graph",
                initial_nodes: int = DEFAULT_INITIAL_NODES, max_entities: int = DEFAULT_MAX_ENTITIES) -> str:
    """Render a kgbuild graph as one self-contained interactive HTML page.

    Parameters
    ----------
    graph : rdflib.Graph or GraphModel
        A graph following docs/output-contract.md, or its model (``kgbuild.view.from_kg``).
    title : str
        Shown in the page header and the browser tab.
    initial_nodes : int
        How many entities, most connected first, are drawn at first; "Show more" doubles it.
    max_entities : int
        How many entities, most connected first, the page holds at all (search and filters
        reach these); the rest and their relations are left out to keep the file small.

    Returns
    -------
    str
        The HTML document; it loads nothing from the network.

    Example
    -------
    >>> from kgbuild.view.synthetic import synthetic_graph
    >>> page = render_html(synthetic_graph(30, seed=2), title="Demo")
    >>> page.startswith("<!DOCTYPE html>") and "vis-network" in page
    True
    """
    model = graph if isinstance(graph, GraphModel) else read_model(graph)
    parts = {
        "TITLE": html.escape(title),
        "DATA": _script_json(_payload(model, title, max(1, initial_nodes), max(1, max_entities))),
        "VIS": _asset("vis-network.min.js"),
        "APP": _asset("viewer.js"),
    }
    # One pass over the template's markers, so text inside the data can never be substituted.
    return _MARKER.sub(lambda m: parts[m.group(1)], _asset("template.html"))


def write_html(graph: rdflib.Graph | GraphModel, path: str | Path, title: str = "Knowledge graph",
               initial_nodes: int = DEFAULT_INITIAL_NODES, max_entities: int = DEFAULT_MAX_ENTITIES) -> Path:
    """Write :func:`render_html` to ``path`` atomically (no half-written page on failure).

    Parameters
    ----------
    graph : rdflib.Graph or GraphModel
        A graph following docs/output-contract.md, or its model.
    path : str or Path
        The ``.html`` file to write; its folder is created if missing.
    title : str
        Page title.
    initial_nodes : int
        Entities drawn at first.
    max_entities : int
        Entities the page holds at most (see :func:`render_html`).

    Returns
    -------
    Path
        ``path``.

    Example
    -------
    >>> import tempfile, pathlib
    >>> from kgbuild.view.synthetic import synthetic_graph
    >>> out = write_html(synthetic_graph(10), pathlib.Path(tempfile.mkdtemp()) / "graph.html")
    >>> out.stat().st_size > 100_000
    True
    """
    page = render_html(graph, title=title, initial_nodes=initial_nodes, max_entities=max_entities)
    with atomic_write(path) as handle:
        handle.write(page)
    return Path(path)
