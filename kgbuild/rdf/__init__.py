"""Stage 6, the graph as RDF: reading and writing it in every format we support, the one package to import.

Reading gives a pyoxigraph ``Store`` (for SPARQL at scale) or, for small graphs, an rdflib
``Dataset``; parsing always goes through oxigraph, whose errors name the line. ``vocab`` holds the
namespaces, ``iris`` mints our IRIs, ``export`` turns a ``KnowledgeGraph`` into quads, ``write`` and
``turtle`` print them, ``terms`` and ``ntriples`` convert terms, ``formats`` names the formats,
``load`` reads files and ``store`` keeps an on-disk Oxigraph store.
"""

from kgbuild.rdf.formats import DEFAULT_FORMAT, FORMATS, RdfFormatInfo, format_for
from kgbuild.rdf.load import load, load_graph, load_rdflib, open_source, parse_error
from kgbuild.rdf.terms import Quad, from_rdflib, ntriples_to_rdflib, to_rdflib
from kgbuild.rdf.vocab import ALL_PREFIXES
from kgbuild.rdf.write import RdfWriter, to_oxigraph, write_ntriples, write_quads

__all__ = [
    "ALL_PREFIXES", "DEFAULT_FORMAT", "FORMATS", "Quad", "RdfFormatInfo", "RdfWriter", "format_for", "from_rdflib",
    "load", "load_graph", "load_rdflib", "ntriples_to_rdflib", "open_source", "parse_error", "to_oxigraph",
    "to_rdflib", "write_ntriples", "write_quads",
]
