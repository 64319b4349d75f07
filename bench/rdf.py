"""RDF at scale: pyoxigraph vs rdflib on a synthetic graph of our shape.

Builds N triples shaped like docs/output-contract.md (entities with labels
and mention counts; relation statements with provenance; documents; direct
relation triples), then times, for each library in the same run:
Turtle serialisation and a 2-hop SPARQL join (statements whose subject is a
person, with the sentence and the object's label).

Targets with pyoxigraph at 1M triples: serialisation <= 3 s, join <= 0.5 s.

    .venv/bin/python bench/rdf.py                 # 1M triples (rdflib side takes minutes)
    .venv/bin/python bench/rdf.py --triples 100000
    .venv/bin/python bench/rdf.py --skip-rdflib
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib import Literal
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

import kgbuild.rdf as rdfio
from kgbuild.rdf.vocab import DOC, ENTITY, KG, NIF, REL, STATEMENT
from kgbuild.sparql.query import execute

TYPES = ["Person", "Organization", "Place", "Group", "Date", "Concept"]
VERBS = ["meet", "say", "attack", "visit", "support", "accuse", "lead", "kill", "join", "warn"]
JOIN = """
SELECT ?name ?sentence ?other WHERE {
  ?st rdf:subject ?s ; rdf:object ?o ; kg:sentence ?sentence .
  ?s a kg:Person ; rdfs:label ?name .
  ?o rdfs:label ?other .
}"""


def synthetic_quads(target: int, seed: int = 7) -> list[tuple]:
    """About ``target`` quads: 1 entity per 12 statements, 1 document per 10 statements."""
    rng = random.Random(seed)
    n_statements = max(10, target // 20)
    n_entities = max(5, n_statements // 4)
    n_docs = max(1, n_statements // 10)
    quads: list[tuple] = []
    for v in VERBS:
        p = REL[v]
        quads += [(p, RDF.type, OWL.ObjectProperty, None), (p, RDF.type, KG.RelationPredicate, None),
                  (p, RDFS.subPropertyOf, KG.relatedTo, None), (p, RDFS.label, Literal(v), None)]
    entities = []
    for i in range(n_entities):
        t = TYPES[i % len(TYPES)]
        e = ENTITY[f"{t.lower()}/entity_{i}"]
        entities.append(e)
        quads += [(e, RDF.type, KG[t], None), (e, RDFS.label, Literal(f"Entity {i}"), None),
                  (e, SKOS.altLabel, Literal(f"E{i}"), None), (e, KG.nerLabel, Literal(t.upper()), None),
                  (e, KG.mentionCount, Literal(rng.randint(1, 50)), None), (e, KG.mentionedIn, DOC[f"d{i % n_docs}"], None)]
    for d in range(n_docs):
        g = DOC[f"d{d}"]
        quads += [(g, RDF.type, KG.Document, g), (g, KG.documentId, Literal(f"d{d}"), g),
                  (g, KG.contentHash, Literal(hashlib.sha256(str(d).encode()).hexdigest()), g)]
    for k in range(n_statements):
        g = DOC[f"d{k % n_docs}"]
        s = entities[min(int(rng.paretovariate(1.2)) - 1, n_entities - 1) if k % 3 == 0 else rng.randrange(n_entities)]
        o = entities[rng.randrange(n_entities)]
        p = REL[VERBS[k % len(VERBS)]]
        st = STATEMENT[f"s{k}"]
        begin = rng.randrange(10_000)
        quads += [(s, p, o, g), (st, RDF.type, KG.Statement, g), (st, RDF.subject, s, g), (st, RDF.predicate, p, g),
                  (st, RDF.object, o, g), (st, PROV.wasDerivedFrom, g, g),
                  (st, KG.sentence, Literal(f"Sentence {k} says that entity {s[-6:]} did something to {o[-6:]}."), g),
                  (st, NIF.beginIndex, Literal(begin, datatype=XSD.nonNegativeInteger), g),
                  (st, NIF.endIndex, Literal(begin + 80, datatype=XSD.nonNegativeInteger), g),
                  (st, KG.relationText, Literal(VERBS[k % len(VERBS)]), g), (st, KG.subjectText, Literal("someone"), g),
                  (st, KG.objectText, Literal("something"), g), (st, KG.confidence, Literal(rng.random()), g),
                  (st, KG.negated, Literal(k % 17 == 0), g), (st, KG.pattern, Literal("verb_object"), g),
                  (st, KG.time, Literal("Thursday"), g), (st, KG.place, entities[rng.randrange(n_entities)], g),
                  (st, KG.modality, Literal("may"), g)]
    return quads


CPU: dict[float, float] = {}


def timed(fn):
    """Wall seconds and result; CPU seconds are kept in CPU[wall] (fairer on a shared machine)."""
    t, c = time.perf_counter(), time.process_time()
    out = fn()
    wall = time.perf_counter() - t
    CPU[wall] = time.process_time() - c
    return wall, out


def fmt(seconds: float) -> str:
    return f"{seconds:.2f} s (cpu {CPU.get(seconds, float('nan')):.2f})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=1_000_000, help="graph size (default 1,000,000)")
    ap.add_argument("--skip-rdflib", action="store_true", help="time pyoxigraph only")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="kgbench-"))

    t_gen, quads = timed(lambda: synthetic_quads(args.triples))
    load = os.getloadavg()[0]
    print(f"graph: {len(quads):,} quads of our shape, generated in {t_gen:.1f} s (cpus: {os.cpu_count()}, load {load:.1f})")

    # pyoxigraph: end to end through rdfio (rdflib terms in, Turtle file out), then from a loaded store
    t_write, n = timed(lambda: rdfio.write_quads(quads, tmp / "g.ttl"))
    t_load, store = timed(lambda: rdfio.load(tmp / "g.ttl"))
    t_dump, _ = timed(lambda: store.dump(tmp / "g2.ttl", ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=rdfio.ALL_PREFIXES))
    t_join_ox, result = timed(lambda: execute(store, JOIN))
    print(f"pyoxigraph: write_quads -> Turtle {fmt(t_write)} ({n:,} triples); store dump Turtle {fmt(t_dump)}; "
          f"parse Turtle {fmt(t_load)}; 2-hop join {fmt(t_join_ox)} ({len(result.rows):,} rows)")

    if args.skip_rdflib:
        return
    graph = rdflib.Graph()
    for prefix, ns in rdfio.ALL_PREFIXES.items():
        graph.bind(prefix, ns)
    t_build, _ = timed(lambda: [graph.add((s, p, o)) for s, p, o, _ in quads])
    t_ser, _ = timed(lambda: graph.serialize(tmp / "g3.ttl", format="turtle"))
    t_join_rdflib, rows = timed(lambda: list(graph.query(JOIN, initNs=rdfio.ALL_PREFIXES)))
    print(f"rdflib:     Graph.add {fmt(t_build)}; serialize Turtle {fmt(t_ser)}; 2-hop join {fmt(t_join_rdflib)} ({len(rows):,} rows)")
    print(f"ratio rdflib/pyoxigraph: Turtle {t_ser / t_write:.0f}x (vs write_quads), {t_ser / t_dump:.0f}x (vs store dump); "
          f"join {t_join_rdflib / t_join_ox:.0f}x")
    assert len(rows) == len(result.rows), "the two engines disagree on the join"


if __name__ == "__main__":
    main()
