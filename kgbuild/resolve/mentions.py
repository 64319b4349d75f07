"""Mentions: the spans of a Doc that name or refer to an entity.

Named entities come from NER; relation arguments that are not named become
concept mentions (the noun phrase without its determiner: "the meeting" →
"meeting"); pronouns become pronoun mentions, which coreference resolves or
drops.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.attrs import DEP, IS_PUNCT, IS_SPACE, LOWER, ORTH
from spacy.tokens import Doc, Span, Token

from kgbuild.names import HONORIFICS
from kgbuild.resolve.spans import ORG_HEADS, entity_spans

NUMERIC_LABELS = frozenset({"CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"})
PRONOUNS = {
    "he": ("m", "sg"), "him": ("m", "sg"), "his": ("m", "sg"), "himself": ("m", "sg"),
    "she": ("f", "sg"), "her": ("f", "sg"), "hers": ("f", "sg"), "herself": ("f", "sg"),
    "it": ("n", "sg"), "its": ("n", "sg"), "itself": ("n", "sg"),
    "they": ("x", "pl"), "them": ("x", "pl"), "their": ("x", "pl"), "theirs": ("x", "pl"), "themselves": ("x", "pl"),
    "we": ("speaker", "pl"), "us": ("speaker", "pl"), "our": ("speaker", "pl"), "ours": ("speaker", "pl"),
    "i": ("speaker", "sg"), "me": ("speaker", "sg"), "my": ("speaker", "sg"),
}
#: Words that never make a node: pronouns we could not resolve, and empty heads.
NON_REFERRING = frozenset(set(PRONOUNS) | {
    "you", "your", "yours", "this", "that", "these", "those", "who", "whom", "which", "what", "whose",
    "there", "here", "one", "ones", "anything", "something", "nothing", "everything", "anyone",
    "someone", "everyone", "nobody", "somebody", "all", "both", "each", "either", "neither", "none",
    "some", "many", "much", "most", "few", "several", "lot", "others", "other", "such", "herself", "himself",
    "mine", "yours", "hers", "ours", "theirs", "myself", "yourself", "ourselves", "yourselves",
})
LEADING_DROP = frozenset({"DET", "PRON", "PUNCT", "CCONJ"})
LEADING_WORDS = frozenset({"such", "even", "only", "just", "also", "all", "both", "then", "so-called"})  # "former" stays: a former leader is not the leader


@dataclass
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


def clean_name(span_tokens: list[Token]) -> str:
    """A name without leading determiners, possessive pronouns or quotes ("the Haqqani network" → "Haqqani network")."""
    tokens = list(span_tokens)
    while tokens and (tokens[0].pos_ in LEADING_DROP and tokens[0].tag_ != "PRP$" or tokens[0].lower_ in LEADING_WORDS
                      or tokens[0].tag_ == "PRP$" or tokens[0].is_punct) and not _article_of_name(tokens):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].tag_ == "POS"):
        tokens = tokens[:-1]
    text = "".join(t.text_with_ws for t in tokens).strip()
    return " ".join(text.replace("\u2019", "'").replace("\u201c", "").replace("\u201d", "").split())


def _article_of_name(tokens: list[Token]) -> bool:
    """A capital "A" inside a sentence, before a proper noun, is part of the name: "TV network A Haber"."""
    return (len(tokens) > 1 and tokens[0].text == "A" and not tokens[0].is_sent_start and tokens[1].pos_ == "PROPN"
            and tokens[0].i > 0 and not tokens[0].nbor(-1).is_punct)


class MentionIndex:
    """Collects the mentions of one Doc, at most one per span."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        # token attributes as one integer table: scanning it makes no Token objects (doc[i] makes one each time)
        table = doc.to_array([ORTH, LOWER, DEP, IS_PUNCT, IS_SPACE])
        self.orth, self.lower, self.dep = table[:, 0], table[:, 1], table[:, 2]
        #: tokens that are words: neither punctuation nor white space
        self.content = (table[:, 3] == 0) & (table[:, 4] == 0)
        self.mentions: list[Mention] = []
        self._by_span: dict[tuple[int, int], Mention] = {}
        # doc.sents and doc.ents build new Spans at every call: made once here, and indexed by token
        self.sents = list(doc.sents)
        repaired = entity_spans(doc)
        self.ents = [span for span, _ in repaired]
        #: mention id → (NER fragments it joins, repair rule), for the merge records
        self.repairs: dict[int, tuple[tuple[str, ...], str]] = {}
        self._sent_index = {}
        for i, sent in enumerate(self.sents):
            for t in range(sent.start, sent.end):
                self._sent_index[t] = i
        self._quoted = _quoted_tokens(doc, self.orth, table[:, 4])
        self._ent_at = {i: ent for ent in self.ents for i in range(ent.start, ent.end)}
        for ent, rule in repaired:
            if ent.label_ in NUMERIC_LABELS:
                continue
            name = clean_name(list(ent))
            # a bare "Mr" tagged as a person, or "Us" tagged as a place, names nothing
            if name and ent.text.lower().rstrip(".") not in HONORIFICS and name.lower() not in NON_REFERRING:
                mention = self.add(ent.start, ent.end, ent.label_, ent.root.i, name)
                if rule != "ner":
                    parts = tuple(e.text for e in doc.ents if e.start < ent.end and e.end > ent.start)
                    self.repairs[mention.id] = (parts, rule)

    def narration_counts(self) -> list[int]:
        """For each sentence, how many sentences up to it have words outside quotes."""
        counts, total = [], 0
        unquoted = self.content.copy()
        unquoted[list(self._quoted)] = False
        for sent in self.sents:
            total += bool(unquoted[sent.start:sent.end].any())
            counts.append(total)
        return counts

    def tokens_where(self, column: np.ndarray, values: set[str]) -> list[int]:
        """Indices of the tokens whose ``column`` (``self.lower``, ``self.dep``...) is one of ``values``."""
        ids = np.array([self.doc.vocab.strings[v] for v in values], dtype=column.dtype)  # hashes; adds nothing
        return np.flatnonzero(np.isin(column, ids)).tolist()

    def label_at(self, i: int) -> str:
        """The (repaired) entity label of token ``i``, "" outside entities."""
        ent = self._ent_at.get(i)
        return ent.label_ if ent is not None else ""

    def add(self, start: int, end: int, label: str, head: int, text: str) -> Mention:
        existing = self._by_span.get((start, end))
        if existing is not None:
            return existing
        mention = Mention(
            id=len(self.mentions), start=start, end=end, text=text, label=label, head=head,
            sentence=self._sent_index.get(head, 0), in_quote=head in self._quoted,
        )
        self.mentions.append(mention)
        self._by_span[(start, end)] = mention
        return mention

    def sentence_of(self, token: int) -> Span:
        """The sentence holding token ``token`` (``doc[token].sent`` without its walk over the sentence)."""
        return self.sents[self._sent_index[token]]

    def for_head(self, head: Token) -> Mention | None:
        """The mention an argument headed by ``head`` refers to, creating it if needed."""
        doc = self.doc
        ent = self._ent_at.get(head.i)
        if ent is not None:
            if ent.label_ in NUMERIC_LABELS:
                return self.add(ent.start, ent.end, ent.label_, ent.root.i, ent.text)
            return self._by_span.get((ent.start, ent.end))
        lower = head.lower_.strip("\"'\u201c\u201d\u2018\u2019")
        if lower in PRONOUNS:
            return self.add(head.i, head.i + 1, "PRONOUN", head.i, lower)
        if lower in NON_REFERRING or head.pos_ not in ("NOUN", "PROPN"):
            return None
        tokens = _noun_phrase(head)
        name = clean_name(tokens)
        if not name or name.lower() in NON_REFERRING:
            return None
        label = "CONCEPT"
        if head.lemma_.lower() in ORG_HEADS and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.children):
            label = "ORG"  # "the Haqqani network": a name NER missed
        return self.add(tokens[0].i, tokens[-1].i + 1, label, head.i, name)


def _noun_phrase(head: Token) -> list[Token]:
    """The head with its pre-modifiers (det, amod, compound, poss, nummod), without clauses or PPs."""
    left = [t for t in head.lefts if t.dep_ in ("det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "case", "npadvmod", "advmod", "predet")]
    tokens: set[int] = {head.i}
    for t in left:
        tokens.update(s.i for s in t.subtree)
    lo, hi = min(tokens), max(tokens)
    return [head.doc[i] for i in range(lo, hi + 1)]


_QUOTE_MARKS = ('"', "\u201c", "\u201d", "``", "''")


def _quoted_tokens(doc: Doc, orth: np.ndarray, is_space: np.ndarray) -> set[int]:
    """Tokens inside quotation marks; ``orth`` and ``is_space`` are the doc's ORTH and IS_SPACE columns."""
    marks = np.array([doc.vocab.strings[q] for q in _QUOTE_MARKS], dtype=orth.dtype)
    # only quote marks and white space (a line break ends a quote) change the state: visit those
    events = np.flatnonzero(np.isin(orth, marks) | (is_space != 0)).tolist()
    inside, start = False, 0
    quoted: set[int] = set()
    for i in events:
        token = doc[i]
        # a straight quote opens after a space and closes after a word: "…floor. "I know…" reopens, never toggles
        opens = token.text == '"' and (i == 0 or bool(doc[i - 1].whitespace_) or doc[i - 1].is_space
                                       or doc[i - 1].text in "([")
        if token.text in ("\u201c", "``") or opens:
            if inside:
                quoted.update(range(start, i))
            inside, start = True, i + 1
            continue
        if token.text in ("\u201d", "''", '"'):
            if inside:
                quoted.update(range(start, i))
            inside = False
            continue
        if inside:
            quoted.update(range(start, i))
            if "\n" in token.text:
                inside = False
            else:
                quoted.add(i)
            start = i + 1
    if inside:
        quoted.update(range(start, len(doc)))
    return quoted
