"""Facts inside noun phrases (Open IE output only) and their CaRB phrasing."""

import pytest

from kgbuild.extract.component import extract_relations
from kgbuild.extract.openie import carb_relation_text
from kgbuild.extract.patterns.noun_phrases import modifier_relations, noun_prep_relations


def _tuples(relations):
    return {(r.relation_text, r.arguments[0].text, r.arguments[1].text) for r in relations}


@pytest.fixture(scope="module")
def parse(nlp):
    return lambda text: nlp(text)


def test_a_prepositional_modifier_is_a_fact_of_its_noun(parse):
    doc = parse("The orchestra played at a concert hall in Glasgow last night.")
    found = _tuples(noun_prep_relations(next(doc.sents)))
    assert ("is in", "a concert hall", "Glasgow") in found


def test_examples_after_such_as_give_one_tuple_each(parse):
    doc = parse("The shop sells fruits such as apples and pears.")
    found = _tuples(noun_prep_relations(next(doc.sents)))
    assert ("is such as", "fruits", "apples") in found
    assert ("is such as", "fruits", "pears") in found


def test_a_role_after_as_is_not_a_noun_fact(parse):
    doc = parse("He kept his job as a teacher for years.")
    assert not [r for r in noun_prep_relations(next(doc.sents)) if r.relation_text == "is as"]


def test_an_adjective_describes_its_noun_but_former_does_not(parse):
    doc = parse("The former mayor opened a small bakery.")
    found = _tuples(modifier_relations(next(doc.sents)))
    assert ("is", "a bakery", "small") in found
    assert not any(obj == "former" for _, _, obj in found)


def test_noun_phrase_facts_stay_out_of_the_graph_pipeline(relations_of):
    _, rels = relations_of("The orchestra played at a concert hall in Glasgow.")
    assert rels and not [r for r in rels if r.pattern.startswith("noun_")]


def test_noun_phrase_facts_come_with_openie(parse):
    from kgbuild.extract.component import OPENIE_PATTERNS, PATTERNS

    doc = parse("The orchestra played at a concert hall in Glasgow.")
    rels = extract_relations(doc, [*PATTERNS.values(), *OPENIE_PATTERNS.values()])
    assert any(r.pattern == "noun_prep" for r in rels)
    # weaker evidence than any clause: ranked below the verb's relation
    verb = next(r for r in rels if r.pattern.startswith("verb"))
    assert all(r.confidence < verb.confidence for r in rels if r.pattern.startswith("noun_"))


def test_carb_phrasing_of_noun_phrase_facts(parse):
    from kgbuild.extract.component import OPENIE_PATTERNS, PATTERNS

    doc = parse("Sarah's brother, a carpenter in Leeds, built the shed.")
    rels = extract_relations(doc, [*PATTERNS.values(), *OPENIE_PATTERNS.values()])
    texts = {(r.pattern, carb_relation_text(doc, r)) for r in rels}
    assert ("possessive", "had") in texts  # told in the past
    assert ("apposition", "be") in texts  # any tense of "to be"
    verb = next(r for r in rels if r.pattern == "verb_object")
    assert carb_relation_text(doc, verb) == "built"


def test_openie_keeps_a_coordinated_subject_whole_and_the_graph_splits_it(parse):
    doc = parse("Alice and Bob repaired the old boat.")
    graph = extract_relations(doc)
    openie = extract_relations(doc, openie=True)
    assert {r.subject.text for r in graph if r.pattern == "verb_object"} == {"Alice", "Bob"}
    assert [r.arguments[0].text for r in openie if r.pattern == "verb_object"] == ["Alice and Bob"]


def test_carb_arguments_keep_the_quotes_of_a_title(parse):
    from kgbuild.extract.openie import carb_argument_text

    doc = parse("The band released `` Silver Rain '' in May .")
    assert "``" in [t.text for t in doc]  # a PTB opening quote is one token
    rel = next(r for r in extract_relations(doc) if r.predicate == "release")
    assert rel.object.text == "Silver Rain"
    assert carb_argument_text(doc, rel.object) == "`` Silver Rain ''"
