"""Argument spans (kgbuild.extract.arguments): the index functions answer as spaCy's Tokens would."""

from kgbuild.extract.arguments import argument, argument_of, conjuncts, conjuncts_of, coordinated, text_at
from kgbuild.parse.tokens import table_of

TEXTS = [
    "Pakistan, Afghanistan and India signed the treaty and the protocol in Kabul and Delhi.",
    "She joined Procter and Gamble in 1990, and the London, Midland and Scottish Railway Company hired him.",
    "Jon Stewart, who hosts the show, announced his retirement to Obama's staff on Tuesday.",
]


def test_coordinated_is_spacys_conjuncts(docs):
    for doc in docs:
        table = table_of(doc)
        assert [coordinated(table, t.i) for t in doc] == [[c.i for c in t.conjuncts] for t in doc]


def test_conjuncts_by_index_and_by_token_agree(docs):
    for doc in docs:
        table = table_of(doc)
        assert [conjuncts_of(table, t.i) for t in doc] == [[c.i for c in conjuncts(t)] for t in doc]


def test_a_name_with_and_inside_is_one_conjunct(nlp):
    doc = nlp("She joined Procter and Gamble in 1990.")
    procter = next(t for t in doc if t.text == "Procter")
    assert conjuncts_of(table_of(doc), procter.i) == [procter.i]


def test_argument_by_token_is_argument_of_its_index(docs):
    for doc in docs:
        table = table_of(doc)
        for t in doc:
            without = next(iter(t.children), None)
            assert argument(t, role="object") == argument_of(table, t.i, role="object")
            assert argument(t, split_conj=False) == argument_of(table, t.i, split_conj=False)
            assert argument(t, keep_appos=True) == argument_of(table, t.i, keep_appos=True)
            assert argument(t, without=without) == argument_of(table, t.i, without=without.i if without else -1)


def test_argument_cuts_conjuncts_and_relative_clauses(docs):
    table = table_of(docs[2])
    stewart = next(t for t in docs[2] if t.text == "Stewart")
    assert argument_of(table, stewart.i).text == "Jon Stewart"
    table = table_of(docs[0])
    pakistan = docs[0][0]
    assert argument_of(table, pakistan.i).text == "Pakistan"
    assert argument_of(table, pakistan.i, split_conj=False).text == "Pakistan, Afghanistan and India"


def test_text_at_is_the_tables_text_of(docs):
    for doc in docs:
        table = table_of(doc)
        for indices in ([0], [0, 1, 2], [1, 3, 4], list(range(len(doc))), [len(doc) - 2, len(doc) - 1]):
            assert text_at(table, indices) == table.text_of(indices)
