"""Verb frames: each pattern on sentences of our own."""

from tests.conftest import triples


def test_subject_verb_object(relations_of):
    _, rels = relations_of("The ISI requested the meeting.")
    assert ("The ISI", "request", "the meeting") in triples(rels)


def test_prepositional_object_joins_the_predicate(relations_of):
    _, rels = relations_of("The United States met with the Haqqani network last summer.")
    found = triples(rels)
    assert ("The United States", "meet_with", "the Haqqani network") in found


def test_phrasal_verb(relations_of):
    _, rels = relations_of("We have reached out to the Taliban.")
    rel = next(r for r in rels if r.predicate == "reach_out_to")
    assert rel.object.text == "the Taliban"
    assert rel.relation_text == "have reached out to"


def test_passive_with_agent_turns_active_in_the_graph_view(relations_of):
    _, rels = relations_of("The meeting was requested by Pakistan's intelligence service.")
    rel = next(r for r in rels if r.pattern == "passive_agent")
    assert rel.predicate == "request"
    assert rel.subject.text == "Pakistan's intelligence service"
    assert rel.object.text == "The meeting"
    # the Open IE view keeps the sentence's order
    assert rel.arguments[0].text == "The meeting"


def test_passive_without_agent(relations_of):
    _, rels = relations_of("The Haqqani network is blamed for attacks.")
    assert any(r.predicate == "be_blamed_for" and r.object.text == "attacks" for r in rels)


def test_copula_with_prepositional_complement(relations_of):
    _, rels = relations_of("Kabul is the capital of Afghanistan.")
    found = triples(rels)
    assert ("Kabul", "be", "the capital of Afghanistan") in found
    assert ("Kabul", "capital_of", "Afghanistan") in found


def test_conjoined_subjects_and_objects_split(relations_of):
    _, rels = relations_of("Pakistan and Afghanistan signed the treaty and the protocol.")
    found = {(s, o) for s, p, o in triples(rels) if p == "sign"}
    assert found == {("Pakistan", "the treaty"), ("Pakistan", "the protocol"),
                     ("Afghanistan", "the treaty"), ("Afghanistan", "the protocol")}


def test_conjoined_verbs_share_their_subject(relations_of):
    _, rels = relations_of("The minister visited Kabul and met the president.")
    found = triples(rels)
    assert ("The minister", "visit", "Kabul") in found
    assert ("The minister", "meet", "the president") in found


def test_relative_clause_subject_is_the_noun_it_modifies(relations_of):
    _, rels = relations_of("Jon Stewart, who hosts the show, announced his retirement.")
    assert ("Jon Stewart", "host", "the show") in triples(rels)


def test_clausal_object_keeps_the_complementiser_in_the_relation(relations_of):
    _, rels = relations_of("This finding indicated that organic compounds could carry current.")
    rel = next(r for r in rels if r.predicate == "indicate")
    assert rel.relation_text == "indicated that"
    assert rel.arguments[1].text == "organic compounds could carry current"


def test_time_and_place_are_attached(relations_of):
    _, rels = relations_of("Clinton met Pakistani journalists in Islamabad on Thursday.")
    rel = next(r for r in rels if r.predicate == "meet")
    assert rel.place is not None and "Islamabad" in rel.place.text
    assert rel.time is not None and "Thursday" in rel.time.text


def test_a_name_with_and_inside_is_not_split(relations_of):
    _, rels = relations_of("She joined Procter and Gamble in 1990.")
    assert {r.object.text for r in rels if r.predicate == "join"} == {"Procter and Gamble"}


def test_in_order_to_takes_the_clause_subject(relations_of):
    _, rels = relations_of("The researchers pulled off a second trick in order to get sterile plants.")
    assert ("The researchers", "get", "sterile plants") in triples(rels)


def test_adverbs_inside_the_verb_group_are_written_in_the_relation_not_the_predicate(relations_of):
    _, rels = relations_of("The farmers have also planted wheat in the valley.")
    rel = next(r for r in rels if r.predicate == "plant")
    assert rel.relation_text == "have also planted"
    assert rel.subject.text == "The farmers"


def test_a_relative_clause_is_cut_out_of_the_subject_it_describes(relations_of):
    _, rels = relations_of("The bridges built by the Romans still stand today.")
    built = next(r for r in rels if r.predicate == "build")
    assert built.object.text == "The bridges"  # not "The bridges built by the Romans"


def test_a_where_clause_happens_in_the_noun_it_describes(relations_of):
    _, rels = relations_of("The team trained at the stadium where the captain scored his first goal.")
    scored = next(r for r in rels if r.predicate == "score")
    assert scored.subject.text == "the captain"
    assert scored.place is not None and scored.place.text == "at the stadium"
    assert "at the stadium" in [a.text for a in scored.arguments]


def test_a_participle_naming_its_noun_keeps_the_name_as_object(relations_of):
    _, rels = relations_of("They founded a small bakery called Golden Crust in 1990.")
    called = next(r for r in rels if r.relation_text == "called")
    assert [a.text for a in called.arguments[:2]] == ["a small bakery", "Golden Crust"]


def test_a_speech_verb_after_or_inside_its_report_takes_the_report_as_object(relations_of):
    _, rels = relations_of("The harvest was poor this year, the farmers said.")
    said = next(r for r in rels if r.predicate == "say")
    assert said.subject.text == "the farmers"
    assert said.object.text == "The harvest was poor this year"
    _, rels = relations_of("The new bridge, the engineers added, will open in May.")
    added = next(r for r in rels if r.predicate == "add")
    assert added.object.text == "The new bridge will open in May"


def test_who_after_a_predicate_noun_refers_to_the_copula_subject(relations_of):
    _, rels = relations_of("Tomas Varga is a Slovak chef who works for the Hotel Carlton.")
    works = next(r for r in rels if r.predicate == "work_for")
    assert works.subject.text == "Tomas Varga"
    assert works.object.text == "the Hotel Carlton"


def test_a_light_verb_idiom_folds_into_the_predicate(relations_of):
    _, rels = relations_of("Britain took part in the exercises.")
    assert [(r.subject.text, r.predicate, r.object.text) for r in rels] == [("Britain", "take_part_in", "the exercises")]
    _, rels = relations_of("China played a key role in the talks.")
    assert ("China", "play_role_in", "the talks") in {(r.subject.text, r.predicate, r.object.text) for r in rels}
