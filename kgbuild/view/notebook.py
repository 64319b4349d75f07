"""The graph in a Jupyter notebook: ``KnowledgeGraph._repr_html_`` shows the interactive view.

The cell gets the very page ``kgbuild build`` writes as graph.html, in an ``<iframe srcdoc>``: it
is self-contained (vis-network inlined, no network request, the same Content-Security-Policy),
and the frame keeps the notebook's styles and scripts and the page's apart.
"""

from __future__ import annotations

import html

#: The frame's height in a notebook cell, in CSS pixels.
HEIGHT = 640


def notebook_html(kg, title: str = "Knowledge graph", height: int = HEIGHT) -> str:
    """The interactive view of ``kg`` as one ``<iframe>`` for a notebook cell.

    Example
    -------
    >>> from kgbuild import build_graph
    >>> cell = notebook_html(build_graph(["Hillary Clinton met Pakistani journalists."]))
    >>> cell.startswith('<iframe srcdoc="&lt;!DOCTYPE html&gt;') and "vis-network" in cell
    True
    """
    from kgbuild.view.from_kg import model_from_kg
    from kgbuild.view.html import render_html

    page = render_html(model_from_kg(kg), title=title)
    return (f'<iframe srcdoc="{html.escape(page, quote=True)}" title="{html.escape(title, quote=True)}" '
            f'style="width: 100%; height: {int(height)}px; border: 1px solid #ddd;"></iframe>')
