"""TokenTable (kgbuild.parse.tokens): the same answers as spaCy's Token and Span objects, without making them."""

import pytest
from spacy.symbols import VERB

from kgbuild.parse.tokens import IOB_BEGIN, IOB_INSIDE, TokenTable, ids, table_of

TEXTS = [
    "Russian President Vladimir Putin met Herzog's Zionist Union in Moscow on Friday.",
    'He said: "We will not  go."\n\nA spokesman for the U.S. State Department, who asked not to be named, declined.',
    "Greek Cypriot officials -- 24 of them -- told broadcaster Russia 24 (CNN) that it was over.",
    "Jeremy Clarkson, the host of Top Gear, was suspended by the BBC on Tuesday.",
    "",
]
#: Columns named as the Token attribute they copy: ids (``dep``) and strings (``dep_``).
SAME_AS_TOKEN = ["orth", "lower", "lemma", "pos", "dep", "tag", "ent_type", "idx", "text", "text_with_ws", "lower_",
                 "lemma_", "pos_", "tag_", "dep_", "ent_type_", "is_punct", "is_space", "like_num", "is_sent_start"]


@pytest.mark.parametrize("column", SAME_AS_TOKEN)
def test_columns_are_the_token_attributes(docs, column):
    for doc in docs:
        assert getattr(TokenTable(doc), column) == [getattr(t, column) for t in doc]


def test_other_columns(docs):
    for doc in docs:
        table = TokenTable(doc)
        assert table.doc_text == doc.text
        assert table.space == [bool(t.whitespace_) for t in doc]
        assert table.length == [len(t.text) for t in doc]
        assert [i == IOB_BEGIN for i in table.iob] == [t.ent_iob_ == "B" for t in doc]
        assert [i == IOB_INSIDE for i in table.iob] == [t.ent_iob_ == "I" for t in doc]


def test_tree_and_sentences(docs):
    for doc in docs:
        table = TokenTable(doc)
        assert table.head == [t.head.i for t in doc]
        for t in doc:
            assert list(table.children(t.i)) == [c.i for c in t.children]
            assert table.lefts(t.i) == [c.i for c in t.lefts]
            subtree = [s.i for s in t.subtree]
            assert table.subtree(t.i) == sorted(subtree)
            assert table.subtree_bounds(t.i) == (min(subtree), max(subtree))
            assert table.is_sent_end(t.i) == bool(t.is_sent_end)


def test_span_text(docs):
    for doc in docs:
        table = TokenTable(doc)
        for start in range(len(doc) + 1):
            for end in range(start, len(doc) + 1):
                assert table.span_text(start, end) == doc[start:end].text


def test_text_of_keeps_the_document_spacing_and_marks_gaps(nlp):
    doc = nlp("Clinton met them, she said.")
    table = table_of(doc)
    assert table.text_of([0, 1, 2, 3]) == "Clinton met them,"
    assert table.text_of([0, 1, 6]) == "Clinton met ."
    assert table.text_of([]) == ""


def test_sentences_and_span_roots(docs):
    for doc in docs:
        table = TokenTable(doc)
        assert table.sentences == [(s.start, s.end) for s in doc.sents]
        for start in range(len(doc)):
            for end in range(start + 1, len(doc) + 1):
                assert table.root(start, end) == doc[start:end].root.i


def test_where_finds_tokens_by_column(nlp):
    doc = nlp("The council repaired the bridge and reopened it.")
    table = table_of(doc)
    sent = next(doc.sents)
    assert [doc[i].text for i in table.where(sent, table.pos, frozenset({VERB}))] == ["repaired", "reopened"]
    assert table.where(sent, table.dep, ids("dobj")) == [t.i for t in doc if t.dep_ == "dobj"]


def test_one_table_per_doc_from_extraction_to_resolution(nlp):
    first, second = nlp("Clinton met journalists."), nlp("The ISI requested a meeting.")
    assert table_of(first) is table_of(first)
    assert table_of(second).doc_text == second.text
    assert table_of(first).doc_text == first.text  # another Doc: a table of its own
    made = table_of(first)
    assert table_of(first, fresh=True) is not made  # read again on request
