"""TokenTable (kgbuild.resolve.tokens): the same answers as spaCy's Token and Span objects."""

import pytest

from kgbuild.resolve.tokens import TokenTable

TEXTS = [
    "Russian President Vladimir Putin met Herzog's Zionist Union in Moscow on Friday.",
    'He said: "We will not  go."\n\nA spokesman for the U.S. State Department, who asked not to be named, declined.',
    "Greek Cypriot officials -- 24 of them -- told broadcaster Russia 24 (CNN) that it was over.",
    "",
]
COLUMNS = {
    "text": "text", "text_with_ws": "text_with_ws", "lower": "lower_", "pos": "pos_", "tag": "tag_",
    "dep": "dep_", "lemma": "lemma_", "ent_type": "ent_type_", "is_punct": "is_punct", "like_num": "like_num",
    "is_sent_start": "is_sent_start", "idx": "idx", "is_space": "is_space",
}


@pytest.fixture(scope="module")
def docs(nlp):
    return [nlp(text) for text in TEXTS]


@pytest.mark.parametrize("column", sorted(COLUMNS))
def test_columns_are_the_token_attributes(docs, column):
    for doc in docs:
        assert getattr(TokenTable(doc), column) == [getattr(t, COLUMNS[column]) for t in doc]


def test_tree_and_sentences(docs):
    for doc in docs:
        table = TokenTable(doc)
        assert table.head == [t.head.i for t in doc]
        for t in doc:
            assert list(table.children(t.i)) == [c.i for c in t.children]
            assert table.lefts(t.i) == [c.i for c in t.lefts]
            subtree = [s.i for s in t.subtree]
            assert table.subtree_bounds(t.i) == (min(subtree), max(subtree))
            assert table.is_sent_end(t.i) == bool(t.is_sent_end)


def test_span_text(docs):
    for doc in docs:
        table = TokenTable(doc)
        for start in range(len(doc) + 1):
            for end in range(start, len(doc) + 1):
                assert table.span_text(start, end) == doc[start:end].text


def test_sentences_and_span_roots(docs):
    for doc in docs:
        table = TokenTable(doc)
        assert table.sentences == [(s.start, s.end) for s in doc.sents]
        for start in range(len(doc)):
            for end in range(start + 1, len(doc) + 1):
                assert table.root(start, end) == doc[start:end].root.i
