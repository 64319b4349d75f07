"""A static picture of the graph (PNG or SVG) for reports: matplotlib + a networkx layout.

Big graphs are cut to their most connected entities, so the picture stays readable; the
colours are the viewer's (``kgbuild.view.style``).
"""

from __future__ import annotations

import heapq
import io
import math
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display needed; must precede pyplot
import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
import rdflib  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

from kgbuild.atomic import atomic_write  # noqa: E402
from kgbuild.errors import KgbuildError  # noqa: E402
from kgbuild.view.model import ranked_nodes, read_model  # noqa: E402
from kgbuild.view.style import EDGE_COLOR, HEDGED_COLOR, NEGATED_COLOR, type_color, type_label  # noqa: E402

FORMATS = ("png", "svg")
#: Above this many edges the picture drops edge labels (they would pile up).
EDGE_LABEL_LIMIT = 45


def _short(text: str, n: int = 28) -> str:
    text = text if len(text) <= n else text[: n - 1] + "…"
    return text.replace("$", r"\$")  # "$5 million" must not switch matplotlib to math mode


def _connected_top(model, k: int) -> list[int]:
    """Up to k entities grown from the biggest hubs outwards, most connected neighbour first.

    Taking the plain top k by degree leaves many nodes with no drawn edge; growing from
    hubs keeps the picture connected and about what the graph is mostly about.
    """
    neighbours: dict[int, set[int]] = {i: set() for i in range(len(model.nodes))}
    for e in model.edges:
        if e.source != e.target:
            neighbours[e.source].add(e.target)
            neighbours[e.target].add(e.source)
    rank = {node: r for r, node in enumerate(ranked_nodes(model))}
    kept: list[int] = []
    seen: set[int] = set()
    for seed in ranked_nodes(model):
        if len(kept) >= k or (model.edges and not neighbours[seed]):
            break  # ranked: the rest have no relation; a relation graph leaves them out
        if seed in seen:
            continue
        heap = [(rank[seed], seed)]
        seen.add(seed)
        while heap and len(kept) < k:
            _, node = heapq.heappop(heap)
            kept.append(node)
            for other in neighbours[node] - seen:
                seen.add(other)
                heapq.heappush(heap, (rank[other], other))
    return kept


def _layout(g: nx.DiGraph) -> dict:
    """ForceAtlas2 (networkx >= 3.4) spreads hub-and-spoke news graphs better than spring."""
    if len(g) < 3 or not hasattr(nx, "forceatlas2_layout"):
        return nx.spring_layout(g, seed=7)
    size = {n: 1.0 + 0.3 * len(g) ** 0.5 for n in g}  # a halo that keeps labels apart
    # Strong gravity keeps small components close; distributed action stops hubs hogging the middle.
    pos = nx.forceatlas2_layout(g.to_undirected(), seed=7, max_iter=300, node_size=size, scaling_ratio=8.0,
                                gravity=1.0, strong_gravity=True, distributed_action=True)
    if not all(math.isfinite(c) for xy in pos.values() for c in xy):
        return nx.spring_layout(g, seed=7)
    return pos


def write_picture(graph: rdflib.Graph, path: str | Path, format: str = "png",
                  top: int = 60, title: str | None = None) -> Path:
    """Draw the graph's most connected entities to a PNG or SVG file.

    Parameters
    ----------
    graph : rdflib.Graph
        A graph following docs/output-contract.md.
    path : str or Path
        The picture to write (atomically).
    format : {"png", "svg"}
        Picture format.
    top : int
        How many entities, most connected first, to draw.
    title : str, optional
        Drawn above the graph.

    Returns
    -------
    Path
        ``path``.

    Example
    -------
    >>> import tempfile, pathlib
    >>> from kgbuild.view.synthetic import synthetic_graph
    >>> out = write_picture(synthetic_graph(30), pathlib.Path(tempfile.mkdtemp()) / "g.svg", format="svg")
    >>> out.read_text()[:5]
    '<?xml'
    """
    if format not in FORMATS:
        raise KgbuildError(f"unknown picture format {format!r} (choose from {', '.join(FORMATS)})", path=path)
    model = read_model(graph)
    keep = _connected_top(model, max(1, top))
    kept = set(keep)
    g = nx.DiGraph()
    g.add_nodes_from(keep)
    styles: dict[tuple[int, int], tuple[str, str, str]] = {}
    for e in model.edges:
        if e.source in kept and e.target in kept and e.source != e.target:
            # One drawn edge per pair; its label lists the relations (first three).
            old = styles.get((e.source, e.target))
            label = ("not " if e.negated else f"{e.modality} " if e.modality else "") + e.label
            color = NEGATED_COLOR if e.negated else HEDGED_COLOR if e.modality else EDGE_COLOR
            style = "--" if e.negated else ":" if e.modality else "-"
            if old:
                labels = old[0].split(" / ")
                label = " / ".join(labels + [label]) if len(labels) < 3 else old[0]
                color, style = old[1], old[2]
            styles[(e.source, e.target)] = (label, color, style)
            g.add_edge(e.source, e.target)

    # SVG keeps labels as text (searchable, selectable) instead of drawing each glyph as a path.
    with plt.rc_context({"svg.fonttype": "none"}):
        return _draw(model, keep, g, styles, path, format, title)


def _draw(model, keep: list[int], g: nx.DiGraph, styles: dict, path: str | Path, format: str,
          title: str | None) -> Path:
    fig, ax = plt.subplots(figsize=(14, 10), dpi=110)
    ax.set_axis_off()
    if keep and model.nodes:
        pos = _layout(g)
        shrink = min(1.0, math.sqrt(40 / max(len(g), 1)))  # crowded pictures get smaller dots
        sizes = [shrink * (80 + 40 * math.log2(1 + model.nodes[i].mentions + 2 * model.nodes[i].degree) ** 1.6)
                 for i in g]
        for style in ("-", "--", ":"):
            edges = [uv for uv, s in styles.items() if s[2] == style]
            if edges:
                nx.draw_networkx_edges(g, pos, edgelist=edges, ax=ax, style=style, width=1.2, alpha=0.75,
                                       edge_color=[styles[uv][1] for uv in edges], arrows=True, arrowsize=10,
                                       node_size=sizes, connectionstyle="arc3,rad=0.06")
        nx.draw_networkx_nodes(g, pos, ax=ax, node_size=sizes, linewidths=1.0, edgecolors="#33333355",
                               node_color=[type_color(model.nodes[i].type) for i in g])
        # Labels sit under their dot in a translucent box (a stroke path effect would turn SVG
        # text into outlines).
        for node, size in zip(g, sizes):
            ax.annotate(_short(model.nodes[node].label), xy=pos[node], xytext=(0, -(math.sqrt(size) / 2 + 2)),
                        textcoords="offset points", ha="center", va="top", fontsize=9, color="#1f2430",
                        bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.65}, zorder=3)
        if len(styles) <= EDGE_LABEL_LIMIT:
            nx.draw_networkx_edge_labels(g, pos, ax=ax, edge_labels={uv: _short(s[0], 30) for uv, s in styles.items()},
                                         font_size=7, font_color="#4a5263", rotate=False,
                                         bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8})
    else:
        ax.text(0.5, 0.5, "This graph has no entities.", ha="center", va="center", fontsize=14, color="#6b7385")

    types = sorted({model.nodes[i].type for i in keep}, key=lambda t: type_label(t))
    handles = [Line2D([], [], marker="o", linestyle="", markersize=9, markerfacecolor=type_color(t),
                      markeredgecolor="#33333355", label=type_label(t)) for t in types]
    handles += [Line2D([], [], color=EDGE_COLOR, label="relation"),
                Line2D([], [], color=NEGATED_COLOR, linestyle="--", label="denied"),
                Line2D([], [], color=HEDGED_COLOR, linestyle=":", label="hedged")]
    ax.legend(handles=handles, loc="lower left", frameon=True, framealpha=0.9, fontsize=9, ncol=2)
    shown = f"{len(keep)} of {len(model.nodes)} entities" if len(keep) < len(model.nodes) else f"{len(model.nodes)} entities"
    ax.set_title((_short(title, 80) + " — " if title else "") + f"{shown}, most connected first", fontsize=13, loc="left")
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format=format, facecolor="white")
    plt.close(fig)
    with atomic_write(path, mode="wb") as handle:
        handle.write(buffer.getvalue())
    return Path(path)
