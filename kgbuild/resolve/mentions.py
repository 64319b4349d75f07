"""Mentions: the spans of a Doc that name or refer to an entity.

Named entities come from NER; relation arguments that are not named become
concept mentions (the noun phrase without its determiner: "the meeting" →
"meeting"); pronouns become pronoun mentions, which coreference resolves or
drops.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from spacy.attrs import DEP, IS_PUNCT, IS_SPACE, LOWER, ORTH
from spacy.tokens import Doc

from kgbuild.dates import WEEKDAYS
from kgbuild.lexicon import HONORIFICS, PRONOUNS, QUOTE_MARKS
from kgbuild.parse.tokens import TokenTable, ids, table_of
from kgbuild.resolve.entity_spans import CREDIT_WORDS, ORG_HEADS, ner_spans, repaired_spans
from kgbuild.resolve.quotes import one_of, quoted_tokens
from kgbuild.resolve.tags import COMPOUND, POSSESSIVE, POSSESSIVE_PRONOUN

NUMERIC_LABELS = frozenset({"CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"})
#: Words that never make a node: pronouns we could not resolve, and empty heads.
NON_REFERRING = frozenset(set(PRONOUNS) | {
    "you", "your", "yours", "this", "that", "these", "those", "who", "whom", "which", "what", "whose",
    "there", "here", "one", "ones", "anything", "something", "nothing", "everything", "anyone",
    "someone", "everyone", "nobody", "somebody", "all", "both", "each", "either", "neither", "none",
    "some", "many", "much", "most", "few", "several", "lot", "others", "other", "such", "herself", "himself",
    "mine", "hers", "ours", "theirs", "myself", "yourself", "ourselves", "yourselves",
})


def is_pronoun_token(text: str) -> bool:
    """Whether a word spelled so can be a pronoun: "us", "Us", "I" can, "US" and "IT" (in capitals) cannot.

    Example
    -------
    >>> [is_pronoun_token(w) for w in ("us", "Us", "US", "I", "It", "IT")]
    [True, True, False, True, True, False]
    """
    return len(text) == 1 or not text.isupper()


def is_non_referring(name: str) -> bool:
    """Whether a name is a word that never makes a node ("they", "something"), compared case-sensitively
    in capitals: "US" is a name.

    Example
    -------
    >>> is_non_referring("Us"), is_non_referring("US"), is_non_referring("Something")
    (True, False, True)
    """
    return name.lower() in NON_REFERRING and is_pronoun_token(name)


LEADING_DROP = frozenset({"DET", "PRON", "PUNCT", "CCONJ"})
LEADING_WORDS = frozenset({"such", "even", "only", "just", "also", "all", "both", "then", "so-called"})  # "former" stays: a former leader is not the leader


@dataclass(slots=True)  # thousands per document: no __dict__ each
class Mention:
    """A span that refers to an entity; ``label`` is a NER label, CONCEPT or PRONOUN."""

    id: int
    start: int  # token indices, end exclusive
    end: int
    text: str
    label: str
    head: int
    sentence: int
    in_quote: bool = False

    @property
    def is_pronoun(self) -> bool:
        return self.label == "PRONOUN"


def clean_name(tt: TokenTable, tokens: Sequence[int]) -> str:
    """A name without leading determiners, possessive pronouns or quotes ("the Haqqani network" → "Haqqani network").

    Parameters
    ----------
    tt : TokenTable
        The table of the Doc.
    tokens : sequence of int
        Indices of the name's tokens, in order.

    Returns
    -------
    str
        The name's words, single-spaced, with typographic apostrophes straightened and quotes dropped.
    """
    first, last = 0, len(tokens)  # the name is tokens[first:last]
    while first < last and _droppable(tt, tokens[first]) and not _article_of_name(tt, tokens, first, last):
        first += 1
    while first < last and (tt.is_punct[tokens[last - 1]] or tt.tag[tokens[last - 1]] == POSSESSIVE):
        last -= 1
    name = tokens[first:last]
    if isinstance(name, range):  # contiguous: one slice of the column
        text = "".join(tt.text_with_ws[name.start:name.stop]).strip()
    else:
        text = "".join([tt.text_with_ws[t] for t in name]).strip()
    for mark in QUOTE_MARKS:  # a quote inside a phrase is punctuation, not part of the thing's name
        text = text.replace(mark, "")
    return " ".join(text.replace("\u2019", "'").split())


def _droppable(tt: TokenTable, t: int) -> bool:
    """Whether a name may lose token ``t`` at its start: a determiner, a possessive pronoun, punctuation, "such"..."""
    return tt.pos_[t] in LEADING_DROP or tt.tag[t] == POSSESSIVE_PRONOUN or tt.lower_[t] in LEADING_WORDS or tt.is_punct[t]


def _article_of_name(tt: TokenTable, tokens: Sequence[int], first: int, last: int) -> bool:
    """A capital "A" inside a sentence, before a proper noun, is part of the name: "TV network A Haber"."""
    t = tokens[first]
    return (last - first > 1 and tt.text[t] == "A" and not tt.is_sent_start[t] and tt.pos_[tokens[first + 1]] == "PROPN"
            and t > 0 and not tt.is_punct[t - 1])


_PERSON_TYPE = ids("PERSON")


def mention_spans(tt: TokenTable, mentions: Sequence[Mention]) -> list[tuple[int, int, str]]:
    """(begin, end, text) of each mention, character offsets into the Doc's text, in text order.

    The span is the mention's tokens without the punctuation and possessive ending around them
    ("“the Haqqani network's" → "the Haqqani network"); ``text == doc.text[begin:end]``.

    Example
    -------
    >>> from kgbuild.parse.load import load_model
    >>> from kgbuild.parse.tokens import TokenTable
    >>> tt = TokenTable(load_model()("They met Clinton's aides."))
    >>> mention_spans(tt, [Mention(0, 2, 4, "Clinton", "PERSON", 2, 0)])
    [(9, 16, 'Clinton')]
    """
    spans = set()
    text, idx, length = tt.doc_text, tt.idx, tt.length
    for m in mentions:
        first, last = m.start, m.end - 1
        while first < last and tt.is_punct[first]:
            first += 1
        if m.label == "CONCEPT" and not tt.ent_type[m.head]:
            # a description is its head and the words before it, without a leading name of another entity:
            # "Facebook creator" is "creator", "a footballer for Real Madrid" "a footballer" (the names in
            # it are mentions of their own)
            lead = first
            while lead < m.head and (tt.pos_[lead] == "DET" or tt.is_punct[lead]):
                lead += 1  # "the Russian military leader": the name after the article is no part of it either
            if lead < m.head and tt.ent_type[lead] and tt.ent_type[lead] not in _PERSON_TYPE:
                first = lead
                while first < last and tt.ent_type[first] and tt.ent_type[first] not in _PERSON_TYPE:
                    first += 1
                while first < last and (tt.is_punct[first] or tt.tag[first] == POSSESSIVE):
                    first += 1
            if first <= m.head < last:
                last = m.head
        while last > first and (tt.is_punct[last] or tt.tag[last] == POSSESSIVE):
            last -= 1
        begin, end = idx[first], idx[last] + length[last]
        while end > begin and text[end - 1].isspace():  # a line break NER took into a date: "Friday, July 21, 2017\n\n"
            end -= 1
        spans.add((begin, end, text[begin:end]))
    return sorted(spans)


class Ent(NamedTuple):
    """A (repaired) named-entity span: token start, end (exclusive), NER label and root token."""

    start: int
    end: int
    label: str
    root: int


class MentionIndex:
    """Collects the mentions of one Doc, at most one per span."""

    def __init__(self, doc: Doc, table: TokenTable | None = None) -> None:
        self.doc = doc
        #: the Doc's token attributes as lists: the rules read them from here, not from Token objects
        self.table = tt = table if table is not None and table.doc is doc else table_of(doc)
        # hash columns for numpy scans (tokens_where)
        self.orth, self.lower, self.dep = tt.array(ORTH), tt.array(LOWER), tt.array(DEP)
        is_space = tt.array(IS_SPACE)
        #: tokens that are words: neither punctuation nor white space
        self.content = (tt.array(IS_PUNCT) == 0) & (is_space == 0)
        self.mentions: list[Mention] = []
        self._by_span: dict[tuple[int, int], Mention] = {}
        self._phrase_mentions: dict[int, Mention | None] = {}  # for_head() of tokens outside entities
        #: (start, end) of each sentence, and the sentence of each token
        self.sents = tt.sentences
        self._sent_index: list[int] = []
        for i, (start, end) in enumerate(self.sents):
            self._sent_index.extend([i] * (end - start))
        self._sent_texts: dict[int, tuple[str, int, int]] = {}
        repaired = repaired_spans(tt)
        self.ents = [Ent(s, e, label, tt.root(s, e)) for s, e, label, _ in repaired]
        self.people = [ent for ent in self.ents if ent.label == "PERSON"]
        self._people_starts = [ent.start for ent in self.people]
        #: mention id → (NER fragments it joins, repair rule), for the merge records
        self.repairs: dict[int, tuple[tuple[str, ...], str]] = {}
        self._quoted = quoted_tokens(tt, self.orth, is_space)
        #: (date mention id, weekday mention id) of the dates written "Friday, July 21, 2017"
        self.weekdays: list[tuple[int, int]] = []
        self._ent_at = {i: ent for ent in self.ents for i in range(ent.start, ent.end)}
        ner: list[tuple[int, int, str]] | None = None  # spaCy's own entities, read for the few repaired names
        for ent, (_, _, _, rule) in zip(self.ents, repaired):
            if ent.label in NUMERIC_LABELS:
                continue
            name = clean_name(tt, range(ent.start, ent.end))
            # a bare "Mr" tagged as a person, or "Us" tagged as a place, names nothing; "US" is the country
            if name and tt.span_text(ent.start, ent.end).lower().rstrip(".") not in HONORIFICS \
                    and not is_non_referring(name):
                weekday = self._weekday_apposition(ent)
                if weekday is not None:  # "Friday, July 21, 2017": "Friday" and "July 21, 2017" name one day
                    day = self.add(ent.start, ent.start + 1, ent.label, ent.start, tt.text[ent.start])
                    date = self.add(weekday, ent.end, ent.label, tt.root(weekday, ent.end),
                                    clean_name(tt, range(weekday, ent.end)))
                    self.weekdays.append((date.id, day.id))
                    continue
                mention = self.add(ent.start, ent.end, ent.label, ent.root, name)
                if rule != "ner":
                    ner = ner_spans(tt) if ner is None else ner
                    parts = tuple(tt.span_text(s, e) for s, e, _ in ner if s < ent.end and e > ent.start)
                    self.repairs[mention.id] = (parts, rule)
        # every pronoun outside a name is a mention, not only those that are relation arguments: the
        # coreference rules weigh each against the others, and a resolved one is a mention of its entity
        for i in self.tokens_where(self.lower, set(PRONOUNS)):
            if i not in self._ent_at and is_pronoun_token(tt.text[i]):
                self.add(i, i + 1, "PRONOUN", i, tt.lower_[i])

    def _weekday_apposition(self, ent: Ent) -> int | None:
        """The first token of the date after a weekday and a comma in one DATE entity ("Friday, July 21,
        2017"), or None: the weekday is in apposition to the date, a mention of the same day."""
        tt = self.table
        if ent.label != "DATE" or ent.end - ent.start < 3 or tt.lower_[ent.start] not in WEEKDAYS \
                or tt.text[ent.start + 1] != ",":
            return None
        return ent.start + 2

    def narration_counts(self) -> list[int]:
        """For each sentence, how many sentences up to it have words outside quotes."""
        if not self.sents:
            return []
        unquoted = self.content.copy()
        unquoted[list(self._quoted)] = False
        narrated = np.logical_or.reduceat(unquoted, [start for start, _ in self.sents])  # per sentence: any
        return np.cumsum(narrated).tolist()

    def tokens_where(self, column: np.ndarray, values: set[str]) -> list[int]:
        """Indices of the tokens whose ``column`` (``self.lower``, ``self.dep``...) is one of ``values``."""
        ids = np.array([self.doc.vocab.strings[v] for v in values], dtype=column.dtype)  # hashes; adds nothing
        return np.flatnonzero(one_of(column, ids)).tolist()

    def people_in(self, start: int, end: int) -> list[Ent]:
        """The person entities inside tokens ``start`` to ``end`` (exclusive), in text order."""
        found = []
        # entities are in text order and never overlap: from the first starting at ``start``, until one ends after
        for k in range(bisect_left(self._people_starts, start), len(self.people)):
            ent = self.people[k]
            if ent.end > end:
                break
            found.append(ent)
        return found

    def has_span(self, start: int, end: int) -> bool:
        """Whether tokens ``start`` to ``end`` (exclusive) are a mention already."""
        return (start, end) in self._by_span

    def mention_at(self, start: int, end: int) -> Mention | None:
        """The mention of tokens ``start`` to ``end`` (exclusive), if there is one."""
        return self._by_span.get((start, end))

    def ent_at(self, i: int) -> Ent | None:
        """The (repaired) named-entity span token ``i`` is part of, if any."""
        return self._ent_at.get(i)

    def label_at(self, i: int) -> str:
        """The (repaired) entity label of token ``i``, "" outside entities."""
        ent = self._ent_at.get(i)
        return ent.label if ent is not None else ""

    def add(self, start: int, end: int, label: str, head: int, text: str) -> Mention:
        existing = self._by_span.get((start, end))
        if existing is not None:
            return existing
        mention = Mention(
            id=len(self.mentions), start=start, end=end, text=text, label=label, head=head,
            sentence=self._sent_index[head], in_quote=head in self._quoted,
        )
        self.mentions.append(mention)
        self._by_span[(start, end)] = mention
        return mention

    def sentence_text(self, token: int) -> tuple[str, int, int]:
        """The sentence holding token ``token``: its text without surrounding white space, and the
        character offsets of that text's start and end (computed once per sentence)."""
        i = self._sent_index[token]
        found = self._sent_texts.get(i)
        if found is None:
            text = self.table.span_text(*self.sents[i])
            start = self.table.idx[self.sents[i][0]]  # the sentence's start_char
            found = self._sent_texts[i] = (text.strip(), start, start + len(text.rstrip()))
        return found

    def for_head(self, head: int) -> Mention | None:
        """The mention an argument headed by token ``head`` refers to, creating it if needed.

        Parameters
        ----------
        head : int
            Index of the argument's head token.

        Returns
        -------
        Mention or None
            The entity the token is part of, else its pronoun or noun-phrase mention; None when it
            refers to nothing (a verb, "something", a numeric entity's part...).
        """
        ent = self._ent_at.get(head)
        if ent is not None:
            if ent.label in NUMERIC_LABELS:
                return self.add(ent.start, ent.end, ent.label, ent.root, self.table.span_text(ent.start, ent.end))
            return self._by_span.get((ent.start, ent.end))
        # the same heads come again (one subject of several relations): the phrase, its name and
        # mention are found once; a second call would give the same answer, add() returning the first
        if head in self._phrase_mentions:
            return self._phrase_mentions[head]
        mention = self._phrase_mentions[head] = self._phrase_mention(head)
        return mention

    def _phrase_mention(self, head: int) -> Mention | None:
        """The pronoun or noun-phrase mention headed by ``head``, a token outside named entities."""
        tt = self.table
        lower = tt.lower_[head].strip("\"'\u201c\u201d\u2018\u2019")
        if lower in PRONOUNS and is_pronoun_token(tt.text[head]):
            return self.add(head, head + 1, "PRONOUN", head, lower)
        if (lower in NON_REFERRING and is_pronoun_token(tt.text[head])) or tt.pos_[head] not in ("NOUN", "PROPN"):
            return None
        if lower in CREDIT_WORDS and head + 1 < tt.n and tt.text[head + 1] == ":":
            return None  # "... Image: United States Navy": a photo credit, not a thing
        lo, hi = _noun_phrase(tt, head)
        name = clean_name(tt, range(lo, hi + 1))
        if not name or is_non_referring(name):
            return None
        label = "CONCEPT"
        if tt.lemma_[head].lower() in ORG_HEADS \
                and any(tt.dep[c] == COMPOUND and tt.pos_[c] == "PROPN" for c in tt.children(head)):
            label = "ORG"  # "the Haqqani network": a name NER missed
        return self.add(lo, hi + 1, label, head, name)


#: Left dependents that belong to a noun phrase's name: the head's pre-modifiers.
_PRE_MODIFIERS = ids("det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "case", "npadvmod", "advmod",
                     "predet")


def _noun_phrase(tt: TokenTable, head: int) -> tuple[int, int]:
    """First and last token of the head with its pre-modifiers (det, amod, compound, poss, nummod),
    without clauses or PPs."""
    lo = hi = head
    for t in tt.children(head):
        if t < head and tt.dep[t] in _PRE_MODIFIERS:
            first, last = tt.subtree_bounds(t)
            lo, hi = min(lo, first), max(hi, last)
    return lo, hi


