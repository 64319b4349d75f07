"""Nominal relations: events named by nouns."""

from tests.conftest import triples


def test_meeting_with_takes_the_clause_subject(relations_of):
    _, rels = relations_of("Clinton mentioned the contact in a meeting with Pakistani journalists.")
    assert ("Clinton", "meet_with", "Pakistani journalists") in triples(rels)


def test_light_verb_with_event_noun(relations_of):
    _, rels = relations_of("The minister held talks with rebel leaders.")
    assert ("The minister", "talk_with", "rebel leaders") in triples(rels)


def test_at_the_request_of_makes_the_agent_request_the_event(relations_of):
    _, rels = relations_of("The United States met the group at the request of the ISI.")
    rel = next(r for r in rels if r.pattern == "nominal")
    assert (rel.subject.text, rel.predicate, rel.object.text) == ("the ISI", "request", "meeting")


def test_release_of_by(relations_of):
    _, rels = relations_of("The court ordered the release of Lakhvi by the police.")
    assert ("the police", "release", "Lakhvi") in triples(rels)


def test_possessive_agent_with_destination(relations_of):
    _, rels = relations_of("Obama's visit to India ended on Monday.")
    assert ("Obama", "visit_to", "India") in triples(rels)


def test_event_noun_alone_gives_no_relation(relations_of):
    _, rels = relations_of("The meeting ended.")
    assert not [r for r in rels if r.pattern == "nominal"]
