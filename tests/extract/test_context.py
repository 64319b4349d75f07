"""Reported speech, negation and hedges."""

import pytest


def _get(rels, predicate):
    return next(r for r in rels if r.predicate == predicate)


def test_reported_speech_is_kept_and_attributed(relations_of):
    _, rels = relations_of("A senior official said the ISI requested the meeting.")
    rel = _get(rels, "request")
    assert rel.attribution is not None and rel.attribution.text == "A senior official"
    assert not rel.negated


def test_quote_before_the_speaker(relations_of):
    _, rels = relations_of("\u201cWe have reached out to the Taliban,\u201d she said.")
    rel = _get(rels, "reach_out_to")
    assert rel.attribution is not None and rel.attribution.text == "she"


def test_denial_makes_the_inner_relation_negative(relations_of):
    _, rels = relations_of("Pakistani officials denied that they support the group.")
    rel = _get(rels, "support")
    assert rel.negated
    assert rel.attribution.text == "Pakistani officials"


def test_plain_negation(relations_of):
    _, rels = relations_of("The minister did not meet the rebels.")
    assert _get(rels, "meet").negated


def test_modal_and_hedge_words(relations_of):
    _, rels = relations_of("The group may attack the embassy.")
    assert _get(rels, "attack").modality == "may"
    _, rels = relations_of("The alleged leader allegedly financed the attacks.")
    assert _get(rels, "finance").modality in ("allegedly", "alleged")


def test_plain_fact_has_no_context(relations_of):
    _, rels = relations_of("The ISI requested the meeting.")
    rel = _get(rels, "request")
    assert (rel.negated, rel.modality, rel.attribution) == (False, None, None)


def test_the_future_is_a_modality(relations_of):
    _, rels = relations_of("Microsoft will release a new phone next year.")
    assert _get(rels, "release").modality == "will"
    _, rels = relations_of("The union won't accept the offer.")
    rel = _get(rels, "accept")
    assert rel.modality == "will" and rel.negated


def test_plans_and_expectations_are_not_facts(relations_of):
    _, rels = relations_of("The senator is expected to make a full recovery.")
    assert _get(rels, "make").modality == "expected"
    _, rels = relations_of("Apple plans to buy the record label.")
    assert _get(rels, "buy").modality == "plans"
    _, rels = relations_of("The club is looking to sign a new striker.")
    assert _get(rels, "sign").modality == "looking"


def test_failure_and_no_longer_are_negation(relations_of):
    _, rels = relations_of("The Vikings failed to make the playoffs.")
    assert _get(rels, "make").negated
    _, rels = relations_of("The family no longer controls the company.")
    assert _get(rels, "control").negated


def test_questions_and_conditions_are_modality(relations_of):
    _, rels = relations_of("Did the minister sign the treaty?")
    assert _get(rels, "sign").modality == "question"
    _, rels = relations_of("If the talks fail, the union will strike the factory.")
    assert _get(rels, "fail").modality == "if"
    _, rels = relations_of("The union strikes the factory if the talks fail.")
    assert _get(rels, "strike").modality == "if"


def test_duties_orders_and_invitations_are_not_facts(relations_of):
    _, rels = relations_of("The company has to pay a fine.")
    assert _get(rels, "pay").modality == "has"
    _, rels = relations_of("The judge ordered Nebraska to end the ban.")
    assert _get(rels, "end").modality == "ordered"
    _, rels = relations_of("Boehner invited Netanyahu to address Congress.")
    assert _get(rels, "address").modality == "invited"


@pytest.mark.parametrize(("sentence", "predicate", "modality"), [
    ("The army sent soldiers to Poland to show solidarity with its allies.", "show", "purpose"),
    ("Obama praised efforts to prevent Tehran from developing nuclear weapons.", "prevent", "efforts"),
    ("The company decided to sell its stake in Acme.", "sell", "decided"),
    ("He managed to escape from the prison.", "escape_from", None),  # "managed to": it happened
    ("She was the first woman to win the Nobel Prize in chemistry.", "win", None),  # she won
])
def test_a_to_infinitive_is_not_asserted_unless_its_verb_is_implicative(relations_of, sentence, predicate, modality):
    _, rels = relations_of(sentence)
    assert _get(rels, predicate).modality == modality


def test_negative_quantifiers_deny_the_clause(relations_of):
    _, rels = relations_of("The police found no evidence of a crime.")
    assert _get(rels, "find").negated
    _, rels = relations_of("The report had little impact on the markets.")
    assert _get(rels, "have_impact_on").negated
    _, rels = relations_of("A few analysts expected the cut.")
    assert not _get(rels, "expect").negated  # "a few" is some
