"""Fact recall: how many of the facts an analyst wants from an article does the graph link?

    .venv/bin/python bench/facts.py                       # build the annotated articles, print figures
    .venv/bin/python bench/facts.py --kgbuild /old/checkout/.venv/bin/kgbuild   # the same for another version
    .venv/bin/python bench/facts.py --build-arg=--min-confidence=0 -v            # every statement; list misses

The gold is ``bench/gold/facts/*.json``: for each article of ``../shared/corpus`` (corpus file and id;
the text is read from there at run time, never stored here), the facts an annotator who saw no output
of kgbuild listed as an analyst's key facts, each with the names the article uses for its two things,
its words ("met", "chairman of") and its kind: action, role, affiliation or place. None of these
articles is in ``bench/precision`` or ``bench/gold/entities``, and no rule was written for them: the
whole set is held out.

All the articles are built together with the ``kgbuild build`` command line (as ``bench/precision.py``
does; this script imports nothing from the package). A fact is **linked** when some statement of its
article joins a node carrying one of the subject's names to a node carrying one of the object's
names, in either direction (names are ``rdfs:label`` and ``skos:altLabel``, compared without case
and a leading "the"; a name also matches a node name that contains it as whole words, such as "Joint
Chiefs of Staff" in "U.S. Joint Chiefs of Staff"). It is **typed** when that statement's predicate is
a typed property (``kg:TypedProperty``, Wikidata-aligned). Whether the predicate says the same thing
is not checked: this measures whether the graph connects what the article connects, the recall side
of ``bench/precision.py``.

``bench/gold/facts_dev/`` (``--gold bench/gold/facts_dev``) holds 153 facts of 12 of the DEV articles of
``bench/precision`` (3 per corpus file), annotated the same way by another helper who saw no output of
kgbuild: rules may be developed on its misses (``-v``); the 12 articles of ``bench/gold/facts`` stay held out.

Measured (linked share, default threshold):

| version | held-out (133 facts): all / action / role / affiliation / place | dev (153 facts): all / role / affiliation / place |
| --- | --- | --- | --- |
| seventh session (578d2d7) | 0.316 / 0.377 / 0.433 / 0.208 / 0.056 | 0.288 / 0.240 / 0.167 / 0.368 |
| eighth session (nationalities, "in" phrases, leaders, players, possessive appositions) | 0.323 / 0.377 / 0.433 / 0.208 / 0.111 | 0.314 / 0.360 / 0.222 / 0.368 |
| eleventh session (coreference of issue 17, trust model retrained) | 0.361 / 0.410 / 0.467 / 0.250 / 0.167 | 0.327 / 0.440 / 0.167 / 0.368 |
| twelfth session (titles NER took for names, "<organisation>'s <person>" from the surface) | 0.361 / 0.410 / 0.467 / 0.250 / 0.167 | 0.333 / 0.440 / 0.222 / 0.368 |

(Eleventh session, dev: one affiliation fact, "The exercise is part of Operation Atlantic Resolve", fell
under the default threshold with the retrained trust model; one "acquisition from ITT Corp" fact came in.)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import rdflib
from rdflib import RDF, RDFS
from rdflib.namespace import PROV, SKOS

sys.path.insert(0, str(Path(__file__).resolve().parent))
from precision import KG, build_graph, one, read_articles  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "bench" / "gold" / "facts"
CORPUS = ROOT.parent / "shared" / "corpus"
KINDS = ("action", "role", "affiliation", "place")


def normal(name: str) -> str:
    """A name compared without case, quotes, a leading article and a trailing possessive."""
    name = re.sub(r"[\"\u201c\u201d]", "", name.lower().replace("\u2019", "'")).strip()
    name = re.sub(r"^(the|a|an)\s+", "", name)
    return " ".join(re.sub(r"'s$", "", name).split())


def matches(gold: set[str], names: set[str]) -> bool:
    """Whether a node with ``names`` carries one of the ``gold`` names (or a name containing one as words)."""
    for g in gold:
        for n in names:
            if g == n or (len(g) >= 4 and re.search(rf"(^|\s){re.escape(g)}(\s|$)", n)):
                return True
    return False


def read_links(path: Path) -> dict[str, list[tuple[set[str], set[str], bool]]]:
    """Per document id: (subject names, object names, typed) of every statement of the graph."""
    g = rdflib.Graph()
    g.parse(str(path), format="turtle")
    typed = set(g.subjects(RDF.type, KG.TypedProperty))
    names: dict = {}

    def names_of(node) -> set[str]:
        if node not in names:
            found = {str(x) for p in (RDFS.label, SKOS.altLabel) for x in g.objects(node, p)}
            names[node] = {normal(n) for n in found} or {normal(str(node))}
        return names[node]

    out: dict[str, list] = defaultdict(list)
    for st in g.subjects(RDF.type, KG.Statement):
        subj, pred, obj = one(g, st, RDF.subject), one(g, st, RDF.predicate), one(g, st, RDF.object)
        doc = one(g, st, PROV.wasDerivedFrom)
        doc_id = one(g, doc, KG.documentId) if doc is not None else None
        if subj is None or obj is None or doc_id is None:
            continue
        out[str(doc_id)].append((names_of(subj), names_of(obj), pred in typed))
    return out


def score(gold: list[dict], links: dict[str, list]) -> tuple[dict, list[tuple[str, dict]]]:
    """Linked and typed counts by kind, and the facts not linked."""
    counts: dict[str, Counter] = defaultdict(Counter)
    missed = []
    for article in gold:
        edges = links.get(article["id"], [])
        for fact in article["facts"]:
            kind = fact.get("kind", "action")
            subject = {normal(n) for n in fact["subject"]}
            object_ = {normal(n) for n in fact["object"]}
            hits = [typed for s, o, typed in edges
                    if (matches(subject, s) and matches(object_, o)) or (matches(subject, o) and matches(object_, s))]
            for key in (kind, "all"):
                counts[key]["facts"] += 1
                counts[key]["linked"] += bool(hits)
                counts[key]["typed"] += any(hits)
            if not hits:
                missed.append((article["id"], fact))
    return counts, missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kgbuild", default=str(Path(sys.executable).with_name("kgbuild")))
    parser.add_argument("--graph", type=Path, help="score this graph.ttl instead of building")
    parser.add_argument("--keep-build", help="build into this folder and keep it")
    parser.add_argument("--build-arg", action="append", default=[], help="extra argument for kgbuild build")
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--corpus-dir", type=Path, default=CORPUS)
    parser.add_argument("-v", "--verbose", action="store_true", help="list the facts not linked")
    args = parser.parse_args(argv)
    files = sorted(args.gold.glob("*.json"))
    if not files:
        print(f"{args.gold}: no gold fact files", file=sys.stderr)
        return 2
    gold = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    if args.graph is None:
        if not args.corpus_dir.is_dir():
            print(f"{args.corpus_dir}: no corpus (../shared/corpus)", file=sys.stderr)
            return 2
        texts = read_articles(args.corpus_dir, {(a["corpus"], a["id"]) for a in gold})
        records = [texts[(a["corpus"], a["id"])] for a in gold]
        with tempfile.TemporaryDirectory(prefix="kgfacts-") as tmp:
            graph = build_graph(args.kgbuild, records, Path(tmp), args.keep_build, args.build_arg)
            links = read_links(graph)
    else:
        links = read_links(args.graph)
    counts, missed = score(gold, links)
    print(f"{len(gold)} articles, {counts['all']['facts']} facts")
    for kind in (*KINDS, "all"):
        c = counts.get(kind)
        if c and c["facts"]:
            print(f"  {kind:12} {c['facts']:4} facts  linked {c['linked'] / c['facts']:.3f}  "
                  f"by a typed property {c['typed'] / c['facts']:.3f}")
    if args.verbose:
        for doc_id, fact in missed:
            print(f"  missed {doc_id}: {fact['subject'][0]} | {fact['relation']} | {fact['object'][0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
