"""Penn Treebank tags the resolution rules test, as ids of the token table's ``tag`` column.

Comparing ids, resolution never has the table make its ``tag_`` string column.

Example
-------
>>> from kgbuild.parse import load_model
>>> from kgbuild.tokens import TokenTable
>>> tt = TokenTable(load_model()("Clinton's aides left."))
>>> tt.tag[1] == POSSESSIVE, tt.tag[2] in PLURAL_NOUNS
(True, True)
"""

from __future__ import annotations

from spacy.strings import get_string_id

from kgbuild.tokens import ids

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
