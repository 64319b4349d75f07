"""Quoted tokens (kgbuild.resolve.quotes) and entity spans read off the token table."""

import numpy as np
from spacy.attrs import IS_SPACE, ORTH

from kgbuild.parse.tokens import TokenTable
from kgbuild.resolve.entity_spans import ner_spans
from kgbuild.resolve.quotes import one_of, quoted_tokens


def _quoted_words(doc):
    tt = TokenTable(doc)
    return [tt.text[i] for i in sorted(quoted_tokens(tt, tt.array(ORTH), tt.array(IS_SPACE)))]


def test_words_inside_quotes_are_quoted(nlp):
    doc = nlp('Clinton said: "We will win." Reporters left.')
    assert _quoted_words(doc) == ["We", "will", "win", "."]


def test_typographic_quotes_and_line_breaks_close_a_quote(nlp):
    assert _quoted_words(nlp("He said \u201cno\u201d twice.")) == ["no"]
    assert "Reporters" not in _quoted_words(nlp('He said "no\n\nReporters left.'))


def test_a_paragraph_whose_first_mark_closes_continues_the_quote(nlp):
    words = _quoted_words(nlp('The mayor said, "The bridge will open in May.\n\nIt took us four years." Then she left.'))
    assert "took" in words and "left" not in words
    # a paragraph without a closing mark of its own does not continue an unclosed quote
    assert "Reporters" not in _quoted_words(nlp('He said "no\n\nReporters left. Then "yes" was heard.'))


def test_one_of_is_isin():
    column = np.array([3, 1, 4, 1, 5], dtype=np.uint64)
    values = np.array([1, 5], dtype=np.uint64)
    assert one_of(column, values).tolist() == np.isin(column, values).tolist()


def test_ner_spans_are_doc_ents(nlp):
    doc = nlp("Hillary Clinton met Pakistani journalists in Islamabad on Friday.")
    assert ner_spans(TokenTable(doc)) == [(e.start, e.end, e.label_) for e in doc.ents]
