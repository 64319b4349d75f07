"""Shared input for the viewer and stats tests: a small hand-made contract graph, and a browser.

Imported by the tests in tests/view/.
The graph follows docs/output-contract.md and holds what the viewer must handle: alternate
names, several documents, a denied relation, a hedged one, and text that tries to break
out of the page (``</script>``, ``<!--``, ``&``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import rdflib
from rdflib import OWL, RDF, RDFS, XSD, Literal
from rdflib.namespace import DCTERMS, PROV, SKOS

from kgbuild.rdf.vocab import DOC, ENTITY, KG, PREFIXES, REL, STATEMENT

HOSTILE = 'Evil </script><script>window.pwned=1</script> & <!-- "x"'
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# (subject, predicate, object, sentence, relation words, subject words, object words, doc, negated, modality)
EDGES = [
    ("haddad", "meet_with", "board", "Minister Amira Haddad met with the Ostrava Water Board on Monday.",
     "met with", "Minister Amira Haddad", "the Ostrava Water Board", "d1", False, ""),
    ("haddad", "meet_with", "board", "Haddad met with the board again in Ostrava.",
     "met with", "Haddad", "the board", "d2", False, ""),
    ("board", "fund", "repairs", "The Ostrava Water Board did not fund the dam repairs, officials said.",
     "did not fund", "The Ostrava Water Board", "the dam repairs", "d1", True, ""),
    ("haddad", "visit", "ostrava", "Haddad may visit Ostrava next week.",
     "may visit", "Haddad", "Ostrava", "d2", False, "may"),
    ("evil", "attack", "haddad", "<b>Evil</b> attacked Haddad & co </script> at night.",
     "attacked", "<b>Evil</b>", "Haddad", "d2", False, ""),
]
ENTITIES = {  # key: (type, label, alt labels, mentions, docs)
    "haddad": ("Person", "Amira Haddad", ["Haddad", "Minister Haddad"], 5, ["d1", "d2"]),
    "board": ("Organization", "Ostrava Water Board", ["the board"], 3, ["d1", "d2"]),
    "ostrava": ("Place", "Ostrava", [], 4, ["d2"]),
    "repairs": ("Concept", "the dam repairs", [], 1, ["d1"]),
    "evil": ("Person", HOSTILE, [], 1, ["d2"]),
}
DOCUMENTS = {"d1": "Floods in Ostrava", "d2": "Talks resume & <continue>"}
RELATION_LABELS = {"meet_with": "meet with", "fund": "fund", "visit": "visit", "attack": "attack"}


def entity_iri(key: str) -> rdflib.URIRef:
    return ENTITY[f"{ENTITIES[key][0].lower()}/{key}"]


def contract_graph() -> rdflib.Graph:
    """The hand-made graph described in the module docstring (built fresh each call)."""
    g = rdflib.Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for doc_id, title in DOCUMENTS.items():
        g.add((DOC[doc_id], RDF.type, KG.Document))
        g.add((DOC[doc_id], KG.documentId, Literal(doc_id)))
        g.add((DOC[doc_id], DCTERMS.title, Literal(title)))
    for key, label in RELATION_LABELS.items():
        g.add((REL[key], RDF.type, OWL.ObjectProperty))
        g.add((REL[key], RDF.type, KG.RelationPredicate))
        g.add((REL[key], RDFS.subPropertyOf, KG.relatedTo))
        g.add((REL[key], RDFS.label, Literal(label)))
    for key, (kind, label, alts, mentions, docs) in ENTITIES.items():
        iri = entity_iri(key)
        g.add((iri, RDF.type, KG[kind]))
        g.add((iri, RDFS.label, Literal(label)))
        for alt in alts:
            g.add((iri, SKOS.altLabel, Literal(alt)))
        g.add((iri, KG.mentionCount, Literal(mentions)))
        for d in docs:
            g.add((iri, KG.mentionedIn, DOC[d]))
    for n, (s, p, o, sentence, rt, st, ot, d, negated, modality) in enumerate(EDGES):
        g.add((entity_iri(s), REL[p], entity_iri(o)))
        stmt = STATEMENT[f"s{n}"]
        g.add((stmt, RDF.type, KG.Statement))
        g.add((stmt, RDF.subject, entity_iri(s)))
        g.add((stmt, RDF.predicate, REL[p]))
        g.add((stmt, RDF.object, entity_iri(o)))
        g.add((stmt, PROV.wasDerivedFrom, DOC[d]))
        for prop, value in ((KG.sentence, sentence), (KG.relationText, rt), (KG.subjectText, st), (KG.objectText, ot)):
            g.add((stmt, prop, Literal(value)))
        g.add((stmt, KG.negated, Literal(negated)))
        g.add((stmt, KG.confidence, Literal("0.75", datatype=XSD.decimal)))
        if modality:
            g.add((stmt, KG.modality, Literal(modality)))
    return g


@pytest.fixture(scope="module")
def browser():
    """Headless Debian Chromium driven by playwright; skips when either is missing."""
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        pytest.skip("no browser: /usr/bin/chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="no browser driver: playwright is not installed")
    executable = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    with sync_api.sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


class OpenedPage:
    """A page opened from a file:// URL, with every request and console error it made."""

    def __init__(self, browser, path: Path, width: int = 1300, height: int = 800) -> None:
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.url = path.resolve().as_uri()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(self.url)
        self.wait_ready()

    def wait_ready(self, timeout_ms: int = 60_000) -> None:
        # A selector, not wait_for_function: the page's CSP forbids the eval that would need.
        self.page.wait_for_selector("html[data-ready=true]", state="attached", timeout=timeout_ms)

    def close(self) -> None:
        self.page.close()
