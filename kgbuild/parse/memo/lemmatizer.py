"""The memoised rule lemmatizer: a lemmatizer's lemmas per (word, POS, morphology)."""

from __future__ import annotations

from collections.abc import Callable

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Token

#: Lemmatizer classes whose rule lemmatizer reads only the token's text, POS and morphology.
RULE_LEMMATIZERS = (Lemmatizer, EnglishLemmatizer)
#: Memo size past which it starts again (keys carry word hashes, and a corpus has many words).
MAX_MEMO = 500_000


class MemoLemmatizer:
    """A rule Lemmatizer's lemmas, remembered per (word, POS, morphology).

    Parameters
    ----------
    nlp : Language
        The pipeline holding the lemmatizer.
    name : str
        This component's name.
    wraps : str
        The name of the Lemmatizer it stands in for.

    Example
    -------
    >>> from kgbuild.parse.load import load_model
    >>> nlp = load_model()  # installs it in place of the model's lemmatizer
    >>> [t.lemma_ for t in nlp("She was meeting journalists")]
    ['she', 'be', 'meet', 'journalist']
    """

    def __init__(self, nlp: Language, name: str, wraps: str) -> None:
        self.name = name
        self.wraps = wraps
        self.lemmatizer: Lemmatizer = nlp.get_pipe(wraps)
        self._lemmas: dict[tuple[int, int, int], str] = {}
        self._set_indexed: Lemmatizer | None = None
        self._copied_from: Lookups | None = None

    def _lemmatize(self) -> Callable[[Token], list[str]]:
        """The wrapped lemmatizer's ``lemmatize``, run by a copy whose word index tables are sets.

        spaCy's rule lemmatizer asks ``form in index`` of a list of up to 57,528 words for every
        candidate form (~150 µs a new word); it only ever asks membership, which a set answers alike.
        """
        original = self.lemmatizer
        lemmatizer = self._set_indexed
        if lemmatizer is None or self._copied_from is not original.lookups:  # tables replaced: copy again
            self._copied_from = original.lookups
            self._lemmas.clear()
            lemmatizer = type(original)(original.vocab, original.model, original.name, mode="rule",
                                        overwrite=original.overwrite)
            for table_name in original.lookups.tables:
                table = original.lookups.get_table(table_name)
                if table_name == "lemma_index":
                    table = {pos: frozenset(words) for pos, words in table.items()}
                lemmatizer.lookups.add_table(table_name, dict(table))
            lemmatizer._validated = True
            self._set_indexed = lemmatizer
        return lemmatizer.lemmatize

    def __call__(self, doc: Doc) -> Doc:
        lemmatizer = self.lemmatizer
        if type(lemmatizer) not in RULE_LEMMATIZERS or lemmatizer.mode != "rule" or not len(doc):
            return lemmatizer(doc)
        if not lemmatizer._validated:
            lemmatizer._validate_tables(Errors.E1004)
        if len(self._lemmas) > MAX_MEMO:
            self._lemmas.clear()
        lemmas = self._lemmas
        lemmatize = self._lemmatize()
        # strings, not hashes: a word's string may leave the vocabulary with a spaCy memory zone
        add = doc.vocab.strings.add
        table = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        overwrite = lemmatizer.overwrite
        column = []
        for i, (orth, pos, morph, lemma) in enumerate(table):
            if overwrite or lemma == 0:
                key = (orth, pos, morph)
                text = lemmas.get(key)
                if text is None:
                    text = lemmas[key] = lemmatize(doc[i])[0]
                lemma = add(text)
            column.append(lemma)
        doc.from_array([LEMMA], numpy.array(column, dtype="uint64"))
        return doc
