"""Look at a kgbuild graph: an interactive offline page, a static picture.

``write_html`` makes one self-contained graph.html (vis-network inlined, no network
access); ``write_picture`` draws a PNG or SVG with matplotlib; ``load_graph`` reads any
RDF file kgbuild writes.
"""

from kgbuild.rdf.load import load_graph
from kgbuild.view.html import render_html, write_html
from kgbuild.view.model import read_model

__all__ = ["load_graph", "read_model", "render_html", "write_html", "write_picture"]


def __getattr__(name: str):
    # matplotlib is slow to import: load the static renderer only when asked for.
    if name == "write_picture":
        from kgbuild.view.static import write_picture

        return write_picture
    raise AttributeError(name)
