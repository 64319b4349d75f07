"""``kgbuild view GRAPH -o graph.html``: draw a graph file as an offline page or a picture."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kgbuild.errors import KgbuildError

_FORMATS = {".html": "html", ".htm": "html", ".png": "png", ".svg": "svg"}


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "view",
        help="draw a graph as an interactive offline HTML page (or a PNG/SVG picture)",
        description="Draw a graph file (.ttl .nt .nq .trig .jsonld) as one self-contained HTML page that works "
        "offline (search, filters, click a node or an edge for its names and source sentences), or as a static "
        "PNG/SVG picture of its most connected entities.",
    )
    p.add_argument("graph", help="graph file written by kgbuild build, or a store directory (build --store)")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="where to write (default: GRAPH with its extension changed to .html, .png or .svg)")
    p.add_argument("--format", choices=["html", "png", "svg"],
                   help="output format (default: from the extension of -o, else html)")
    p.add_argument("--title", help="title shown on the page or picture (default: the graph file name)")
    p.add_argument("--top", type=int, default=None, metavar="N",
                   help="entities drawn at first, most connected first (html default 300, picture default 60)")
    p.add_argument("--max-entities", type=int, default=None, metavar="N",
                   help="html: entities the page holds at most, most connected first (default 20000)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    graph_path = Path(args.graph)
    fmt = args.format
    if fmt is None:
        suffix = Path(args.output).suffix.lower() if args.output else ".html"
        if suffix not in _FORMATS:
            raise KgbuildError(f"cannot tell the picture format from {suffix or 'no extension'!r} "
                               "(use .html, .png or .svg, or --format)", path=args.output)
        fmt = _FORMATS[suffix]
    output = Path(args.output) if args.output else graph_path.with_suffix("." + fmt)
    if output.resolve() == graph_path.resolve():
        raise KgbuildError("output would overwrite the graph itself; choose another -o", path=output)
    for name in ("top", "max_entities"):
        value = getattr(args, name)
        if value is not None and value < 1:
            raise KgbuildError(f"--{name.replace('_', '-')} must be at least 1, not {value}")

    from kgbuild.view import load_graph  # imported late: keeps `kgbuild --help` fast

    graph = load_graph(graph_path)
    title = args.title or graph_path.name
    if fmt == "html":
        from kgbuild.view.html import DEFAULT_INITIAL_NODES, DEFAULT_MAX_ENTITIES, write_html

        write_html(graph, output, title=title, initial_nodes=args.top or DEFAULT_INITIAL_NODES,
                   max_entities=args.max_entities or DEFAULT_MAX_ENTITIES)
    else:
        from kgbuild.view.static import write_picture

        write_picture(graph, output, format=fmt, top=args.top or 60, title=title)
    print(f"wrote {output}", file=sys.stderr)
    return 0
