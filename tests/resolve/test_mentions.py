"""The mention index (kgbuild.resolve.mentions): entity roots and people found without scans."""

from kgbuild.parse.tokens import TokenTable
from kgbuild.resolve.mentions import MentionIndex

TEXT = ("U.S. Secretary of State Hillary Clinton met Pakistani Prime Minister Nawaz Sharif in Islamabad "
        "on Friday. The Bank of England said the talks went well.")


def test_entity_roots_are_span_roots(nlp):
    doc = nlp(TEXT)
    tt = TokenTable(doc)
    spans = [(e.start, e.end) for e in doc.ents] + [(s, e) for s in range(len(doc)) for e in range(s + 1, min(s + 5, len(doc)))]
    assert all(tt.root(s, e) == doc[s:e].root.i for s, e in spans)


def test_people_in_a_range(nlp):
    index = MentionIndex(nlp(TEXT))
    people = [(e.start, e.end) for e in index.people]
    assert len(people) == 2
    for start in range(len(index.doc)):
        for end in range(start, len(index.doc) + 1):
            expected = [e for e in index.people if e.start >= start and e.end <= end]
            assert index.people_in(start, end) == expected
