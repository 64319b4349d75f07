"""What a request to the SPARQL endpoint may do: the screening before a query or update runs.

SERVICE (outgoing HTTP requests from the server) and LOAD are refused, and so
is an update sent where a query is expected. They are found by parsing the
request with rdflib's SPARQL grammar, not by pattern matching. Separate from
``kgbuild.sparql.server`` because it is policy on SPARQL text alone (no HTTP, no
store), and it runs inside the query worker processes.
"""

from __future__ import annotations


def forbidden(text: str, update: bool) -> tuple[int, str, bytes] | None:
    """(status, type, message) if ``text`` must not run (SERVICE, LOAD, an update sent as a query), else None.

    The cheap keyword check only decides whether to parse: SPARQL keywords are
    ASCII, so a request without "service"/"load" (or \\u escapes) cannot hold them.

    Parameters
    ----------
    text : str
        The SPARQL request as received.
    update : bool
        True for the update operation (``/update``), False for a query.

    Returns
    -------
    tuple[int, str, bytes] or None
        The refusal to send, or None when the request may run (a request
        rdflib cannot parse but that cannot hide the keywords is left for
        oxigraph to report).

    Example
    -------
    >>> forbidden("SELECT * WHERE { ?s ?p ?o }", update=False) is None
    True
    >>> forbidden("SELECT * WHERE { SERVICE <http://x/sparql> { ?s ?p ?o } }", update=False)
    (403, 'text/plain', b'SERVICE (federated query) is not allowed')
    >>> forbidden("LOAD <http://x/g.ttl>", update=True)
    (403, 'text/plain', b'LOAD is not allowed')
    """
    lowered = text.lower()
    risky = "service" in lowered or "load" in lowered or "\\u" in lowered
    if not risky and not update:
        return None
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        tree = parseUpdate(text) if update else parseQuery(text)
    except Exception:
        if not update and is_update(text):
            return refusal(403, "SPARQL updates are not allowed here (read-only endpoint; updates go to /update)")
        # unparseable by rdflib: refuse if it may hide the keywords, else let oxigraph report the error
        return refusal(400, "cannot parse the request, and SERVICE and LOAD are not allowed") if risky else None
    names = _node_names(tree, set())
    if "ServiceGraphPattern" in names:
        return refusal(403, "SERVICE (federated query) is not allowed")
    if "Load" in names:
        return refusal(403, "LOAD is not allowed")
    return None


def refusal(status: int, message: str) -> tuple[int, str, bytes]:
    """The plain-text answer (status, content type, body) refusing a request with ``message``."""
    return status, "text/plain", message.encode()


def is_update(text: str) -> bool:
    """Whether ``text`` parses as a SPARQL update (rdflib's grammar)."""
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parseUpdate(text)
    except Exception:
        return False
    return True


def _node_names(node, acc: set) -> set:
    """Add to ``acc`` the names of all rdflib parse-tree nodes under ``node``; returns ``acc``."""
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        acc.add(node.name)
        for value in node.values():
            _node_names(value, acc)
    elif isinstance(node, (list, tuple)) or hasattr(node, "asList"):
        for value in node:
            _node_names(value, acc)
    return acc
