"""Penn Treebank tags and dependency labels the resolution rules test, as ids of the token table's
``tag`` and ``dep`` columns.

Comparing ids, resolution never has the table make its ``tag_`` and ``dep_`` string columns.

Example
-------
>>> from kgbuild.parse.load import load_model
>>> from kgbuild.parse.tokens import TokenTable
>>> tt = TokenTable(load_model()("Clinton's aides left."))
>>> tt.tag[1] == POSSESSIVE, tt.tag[2] in PLURAL_NOUNS, tt.dep[0] == POSS
(True, True, True)
"""

from __future__ import annotations

from spacy.strings import get_string_id

from kgbuild.parse.tokens import ids

#: "'s": the possessive ending.
POSSESSIVE = get_string_id("POS")
#: "his", "their": possessive pronouns.
POSSESSIVE_PRONOUN = get_string_id("PRP$")
#: A singular common noun ("minister").
SINGULAR_NOUN = get_string_id("NN")
#: A past participle ("known", "called").
PAST_PARTICIPLE = get_string_id("VBN")
#: Plural nouns, common or proper ("diplomats", "Democrats").
PLURAL_NOUNS = ids("NNS", "NNPS")

#: Dependency labels.
COMPOUND, DET, POBJ, POSS, APPOS, NSUBJ = (get_string_id(d) for d in ("compound", "det", "pobj", "poss", "appos", "nsubj"))
#: Subjects, active or passive.
SUBJECTS = ids("nsubj", "nsubjpass")
