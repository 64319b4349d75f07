"""Names inside names become mentions of their own entities (kgbuild.resolve.nested)."""

from kgbuild.extract import extract_relations
from kgbuild.records import Document, Entity
from kgbuild.resolve.document import resolve_document
from kgbuild.resolve.nested import add_nested_mentions, with_nested_mentions


def _resolve(nlp, text):
    doc = nlp(text)
    return with_nested_mentions(resolve_document(Document("d", text), doc, extract_relations(doc)), doc.text)


def _entity_with(resolved, name):
    return next(e for e in resolved.entities.values() if e.name == name)


def test_a_documents_entity_inside_an_organisations_name(nlp):
    text = ("Google invited Ahmed Mohamed to the Google Science Fair. The student visited the University of "
            "Texas at Arlington and then flew home to Texas.")
    resolved = _resolve(nlp, text)
    google = [t for _, _, t in _entity_with(resolved, "Google").spans]
    assert google.count("Google") == 2
    texas = _entity_with(resolved, "Texas")
    assert len(texas.spans) == 2
    assert all(text[b:e] == t for b, e, t in texas.spans)


def test_a_country_inside_a_name_is_a_place_even_when_never_named_alone(nlp):
    text = "He studied at the University of Kentucky before joining the Royal Bank of Canada."
    resolved = _resolve(nlp, text)
    for name in ("Kentucky", "Canada"):
        place = [e for e in resolved.entities.values() if e.name == name]
        assert len(place) == 1 and place[0].type == "Place"
        (begin, end, words), = place[0].spans
        assert text[begin:end] == words == name


def test_a_persons_name_is_never_searched():
    text = "Mohamed El-Hassan Mohamed said his son Ahmed Mohamed was proud."
    entities = {
        "e0": Entity("e0", "Person", "Mohamed El-Hassan Mohamed", spans=[(0, 25, "Mohamed El-Hassan Mohamed")]),
        "e1": Entity("e1", "Person", "Ahmed Mohamed", names={"Mohamed"}, spans=[(39, 52, "Ahmed Mohamed")]),
    }
    out = add_nested_mentions(text, entities)
    assert out["e1"].spans == [(39, 52, "Ahmed Mohamed")]


def test_a_name_two_entities_share_goes_to_neither():
    text = "Jordan met Jordan at the Jordan Museum."
    entities = {
        "e0": Entity("e0", "Place", "Jordan", spans=[(0, 6, "Jordan")]),
        "e1": Entity("e1", "Person", "Jordan", spans=[(11, 17, "Jordan")]),
        "e2": Entity("e2", "Place", "the Jordan Museum", spans=[(21, 38, "the Jordan Museum")]),
    }
    out = add_nested_mentions(text, entities)
    assert [len(e.spans) for e in out.values()] == [1, 1, 1]
