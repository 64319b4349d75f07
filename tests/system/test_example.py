"""The project's founding example: the two facts must come out of the CNN article."""

from rdflib.namespace import RDFS, SKOS

from kgbuild import build_graph, read_inputs
from kgbuild.rdf.export import to_rdflib


def _names(g):
    names = {}
    for s, p, o in g:
        if p in (RDFS.label, SKOS.altLabel):
            names.setdefault(s, set()).add(str(o).lower().replace("\u2019", "'"))
    return names


def test_haqqani_facts(shared, nlp):
    kg = build_graph(read_inputs([shared / "examples" / "haqqani.txt"]), nlp=nlp)
    g = to_rdflib(kg)
    names = _names(g)

    def has(subject_words, verbs, object_words):
        for s, p, o in g:
            if s in names and o in names and any(v in str(p).rsplit("/", 1)[-1] for v in verbs):
                if any(all(w in n for w in subject_words) for n in names[s]) and any(all(w in n for w in object_words) for n in names[o]):
                    return True
        return False

    assert has(["clinton"], ["meet", "met"], ["pakistani journalists"])
    assert has(["isi"], ["request"], ["meeting"])
    isi = next(n for n, ls in names.items() if "isi" in ls)
    assert {"pakistan's intelligence agency", "pakistan's intelligence service"} <= names[isi]
    pronouns = {"she", "he", "we", "they", "it", "us", "i"}
    assert not any(ls & pronouns for ls in names.values())
