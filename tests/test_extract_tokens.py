"""The per-Doc token table the extraction patterns read instead of making Token objects."""

import pytest
from spacy.attrs import DEP
from spacy.symbols import VERB

from kgbuild.extract.tokens import IOB_BEGIN, IOB_INSIDE, TokenTable, ids, table_of


@pytest.mark.parametrize("text", [
    "Jeremy Clarkson, the host of Top Gear, was suspended by the BBC on Tuesday.",
    "Clinton met them.\n\nShe left. They stayed.",
    "",
])
def test_columns_agree_with_the_tokens(nlp, text):
    doc = nlp(text)
    table = TokenTable(doc)
    assert table.text == doc.text
    for token in doc:
        i = token.i
        assert table.head[i] == token.head.i
        assert table.children(i) == [c.i for c in token.children]
        assert doc.vocab.strings[table.dep[i]] == token.dep_
        assert doc.vocab.strings[table.lower[i]] == token.lower_
        assert doc.vocab.strings[table.lemma[i]] == token.lemma_
        assert (table.iob[i] == IOB_BEGIN) == (token.ent_iob_ == "B")
        assert (table.iob[i] == IOB_INSIDE) == (token.ent_iob_ == "I")
        assert table.idx[i] == token.idx and bool(table.space[i]) == bool(token.whitespace_)
        assert table.subtree(i) == sorted(t.i for t in token.subtree)


def test_text_of_keeps_the_document_spacing_and_marks_gaps(nlp):
    doc = nlp("Clinton met them, she said.")
    table = table_of(doc)
    assert table.text_of([0, 1, 2, 3]) == "Clinton met them,"
    assert table.text_of([0, 1, 6]) == "Clinton met ."
    assert table.text_of([]) == ""


def test_where_finds_tokens_by_column(nlp):
    doc = nlp("The council repaired the bridge and reopened it.")
    table = table_of(doc)
    sent = next(doc.sents)
    assert [doc[i].text for i in table.where(sent, table.pos, frozenset({VERB}))] == ["repaired", "reopened"]
    assert table.where(sent, table.dep, ids("dobj")) == [t.i for t in doc if t.dep_ == "dobj"]
    assert table.dep == doc.to_array([DEP]).ravel().tolist()


def test_one_table_per_doc(nlp):
    first, second = nlp("Clinton met journalists."), nlp("The ISI requested a meeting.")
    assert table_of(first) is table_of(first)
    assert table_of(second).text == second.text
    assert table_of(first).text == first.text  # another Doc: a table of its own
