"""Random graphs that follow the output contract, for demos, tests and benchmarks.

Names and sentences are made up from small word lists; the degree distribution is
heavy-tailed (preferential attachment) like a real news corpus graph, so the viewer's
"top N by degree" and layout are exercised the way real data would exercise them.
"""

from __future__ import annotations

import hashlib
import random
from urllib.parse import quote

import rdflib
from rdflib import OWL, RDF, RDFS, XSD, Literal
from rdflib.namespace import DCTERMS, PROV, SKOS

from kgbuild.rdf.vocab import DOC, ENTITY, KG, PREFIXES, REL, STATEMENT

_FIRST = ["Amira", "Boris", "Chen", "Dana", "Emeka", "Farah", "Goran", "Hana", "Ivan", "Jalal",
          "Kofi", "Lena", "Marco", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Sami", "Tariq"]
_LAST = ["Haddad", "Petrov", "Wei", "Okafor", "Rahimi", "Novak", "Sato", "Mendes", "Kaya",
         "Lindqvist", "Bakr", "Osei", "Moreau", "Singh", "Adeyemi", "Costa", "Yilmaz", "Ito"]
_ORG_A = ["National", "United", "Northern", "Federal", "Central", "Global", "Eastern", "Royal"]
_ORG_B = ["Bank", "Ministry of Water", "Relief Agency", "Labour Party", "Mining Company",
          "Press Union", "Security Council", "Rail Authority", "Health Service", "Army"]
_PLACES = ["Kandor", "Belmarsh", "Ostrava", "Tamsin", "Veloria", "Quarrytown", "Lake Ardell",
           "Port Harlan", "Misra Valley", "Jebel Sarif", "Nova Brava", "Redcliff"]
_CONCEPTS = ["the talks", "the ceasefire", "new tariffs", "the election", "the flood", "aid convoys",
             "the budget", "local journalists", "the protesters", "the pipeline", "the treaty"]
_GROUPS = ["Kandorians", "Veloreans", "Sunni", "Shia", "Catholics", "Socialists"]
_EVENTS = ["the Harvest Summit", "the Spring Offensive", "the Ostrava Accord Talks"]
_RELATIONS = [("meet_with", "meet with", "met with"), ("criticize", "criticize", "criticised"),
              ("fund", "fund", "funded"), ("attack", "attack", "attacked"),
              ("support", "support", "backed"), ("visit", "visit", "visited"),
              ("lead", "lead", "leads"), ("sign", "sign", "signed"),
              ("accuse", "accuse", "accused"), ("work_for", "work for", "works for")]


def _slug(name: str) -> str:
    return quote(name.replace(" ", "_"), safe="_-.~")


def _name(kind: str, rng: random.Random, i: int) -> str:
    if kind == "Person":
        return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
    if kind == "Organization":
        return f"{rng.choice(_ORG_A)} {rng.choice(_ORG_B)}"
    pool = {"Place": _PLACES, "Concept": _CONCEPTS, "Group": _GROUPS, "Event": _EVENTS}[kind]
    return rng.choice(pool) + ("" if i < len(pool) else f" {i}")


def synthetic_graph(n_entities: int, n_documents: int = 5, seed: int = 0,
                    edges_per_node: float = 1.6) -> rdflib.Graph:
    """Make a random graph with entities, relations, statements and documents per the contract.

    Parameters
    ----------
    n_entities : int
        How many entities (nodes).
    n_documents : int
        How many source documents the statements are spread over.
    seed : int
        Random seed; the same arguments give the same graph.
    edges_per_node : float
        Average relation edges per entity.

    Returns
    -------
    rdflib.Graph

    Example
    -------
    >>> g = synthetic_graph(10, n_documents=2, seed=3)
    >>> len(set(g.subjects(RDF.type, KG.Document)))
    2
    """
    rng = random.Random(seed)
    graph = rdflib.Graph()
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns)
    docs = []
    for d in range(n_documents):
        doc = DOC[f"synthetic-{d:04d}"]
        docs.append(doc)
        graph.add((doc, RDF.type, KG.Document))
        graph.add((doc, KG.documentId, Literal(f"synthetic-{d:04d}")))
        graph.add((doc, DCTERMS.title, Literal(f"Synthetic report no. {d + 1}")))
    for key, label, _ in _RELATIONS:
        graph.add((REL[key], RDF.type, OWL.ObjectProperty))
        graph.add((REL[key], RDF.type, KG.RelationPredicate))
        graph.add((REL[key], RDFS.subPropertyOf, KG.relatedTo))
        graph.add((REL[key], RDFS.label, Literal(label)))

    kinds = ["Person"] * 4 + ["Organization"] * 3 + ["Place"] * 2 + ["Concept"] * 2 + ["Group", "Event"]
    entities, names, seen = [], [], set()
    for i in range(n_entities):
        kind = rng.choice(kinds)
        name = _name(kind, rng, i)
        while (kind, name) in seen:  # keep IRIs distinct: suffix a number
            name = f"{name} {i}"
        seen.add((kind, name))
        iri = ENTITY[f"{kind.lower()}/{_slug(name)}"]
        entities.append(iri)
        names.append(name)
        graph.add((iri, RDF.type, KG[kind]))
        graph.add((iri, RDFS.label, Literal(name)))
        if kind == "Person":
            graph.add((iri, SKOS.altLabel, Literal(name.split()[-1])))
        graph.add((iri, KG.mentionCount, Literal(1 + int(rng.paretovariate(1.5)))))
        for doc in rng.sample(docs, k=min(len(docs), 1 + rng.randrange(2))):
            graph.add((iri, KG.mentionedIn, doc))

    # Preferential attachment: each new edge picks a target seen in earlier edges more often.
    targets: list[int] = []
    for n in range(int(n_entities * edges_per_node)):
        if n < n_entities:  # everyone gets one edge, then hubs attract more at both ends
            s = n
        else:
            s = rng.choice(targets) if rng.random() < 0.5 else rng.randrange(n_entities)
        o = rng.choice(targets) if targets and rng.random() < 0.8 else rng.randrange(n_entities)
        if o == s:
            continue
        targets += [s, o]
        key, _, verb = rng.choice(_RELATIONS)
        doc = rng.choice(docs)
        negated, modality = rng.random() < 0.06, "may" if rng.random() < 0.08 else ""
        rel_text = ("did not " + key.split("_")[0]) if negated else (f"may {key.split('_')[0]}" if modality else verb)
        sentence = f"{names[s]} {rel_text} {names[o]} on {rng.choice(['Monday', 'Friday', 'Sunday'])}, officials said."
        graph.add((entities[s], REL[key], entities[o]))
        st = STATEMENT[hashlib.sha1(f"{doc}|{n}|{s}|{key}|{o}".encode()).hexdigest()[:20]]
        for p, v in ((RDF.type, KG.Statement), (RDF.subject, entities[s]), (RDF.predicate, REL[key]),
                     (RDF.object, entities[o]), (PROV.wasDerivedFrom, doc)):
            graph.add((st, p, v))
        for p, v in ((KG.sentence, sentence), (KG.relationText, rel_text), (KG.subjectText, names[s]),
                     (KG.objectText, names[o]), (KG.pattern, "verb")):
            graph.add((st, p, Literal(v)))
        graph.add((st, KG.negated, Literal(negated)))
        graph.add((st, KG.confidence, Literal(round(rng.uniform(0.4, 0.95), 2), datatype=XSD.decimal)))
        if modality:
            graph.add((st, KG.modality, Literal(modality)))
    return graph
