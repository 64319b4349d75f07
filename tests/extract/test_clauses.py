"""Clauses (kgbuild.extract.clauses): subjects, complements and what makes a predicate."""

from kgbuild.extract.clauses import build_clause, clauses, find_subject, is_predicate, subject_of
from kgbuild.parse.tokens import table_of

TEXTS = [
    "The minister visited Kabul and met the president.",
    "Jon Stewart, who hosts the show, announced his retirement.",
    "The meeting was requested by Pakistan's intelligence service.",
    "He agreed to pay the fine, and the talks, he said, failed.",
    "Kabul is the capital of Afghanistan.",
]


def _clause(doc, verb_text):
    table = table_of(doc)
    return build_clause(table, next(t.i for t in doc if t.text == verb_text), 0)


def test_find_subject_is_subject_of_as_a_token(docs):
    for doc in docs:
        table = table_of(doc)
        for t in doc:
            subject, source = find_subject(t)
            assert (subject.i if subject is not None else None, source) == subject_of(table, t.i)


def test_conjoined_verbs_share_their_subject(docs):
    clause = _clause(docs[0], "met")
    assert docs[0][clause.subject].text == "minister" and clause.subject_source == "conj"
    assert [docs[0][o].text for o in clause.objects] == ["president"]


def test_relative_clause_subject_is_the_noun_it_modifies(docs):
    clause = _clause(docs[1], "hosts")
    assert docs[1][clause.subject].text == "Stewart" and clause.subject_source == "relcl"


def test_passive_agent_and_auxiliary(docs):
    clause = _clause(docs[2], "requested")
    doc = docs[2]
    assert clause.passive and doc[clause.agent].text == "service"
    assert [doc[a].text for a in clause.aux] == ["was"]


def test_copula_complement(docs):
    clause = _clause(docs[4], "is")
    assert clause.is_copula and docs[4][clause.attr].text == "capital"


def test_clauses_are_the_predicates_in_order(docs):
    for doc in docs:
        table = table_of(doc)
        for sent in doc.sents:
            verbs = [c.verb for c in clauses(sent)]
            assert verbs == [i for i in range(sent.start, sent.end) if is_predicate(table, i)]
            assert verbs == sorted(verbs)
