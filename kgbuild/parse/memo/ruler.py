"""The memoised attribute ruler: a ruler's answers per combination of the token attributes its patterns test."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy
from spacy.attrs import (
    DEP,
    ENT_IOB,
    ENT_TYPE,
    IDS,
    IS_ALPHA,
    IS_DIGIT,
    IS_PUNCT,
    IS_SPACE,
    IS_STOP,
    LEMMA,
    LENGTH,
    LIKE_NUM,
    LOWER,
    MORPH,
    NORM,
    ORTH,
    POS,
    SHAPE,
    TAG,
)
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

#: Token attributes a single-token pattern may test for the ruler's answer to stay a function of them.
KEY_ATTRIBUTES = frozenset({ORTH, LOWER, NORM, LEMMA, SHAPE, TAG, POS, DEP, MORPH, ENT_TYPE, ENT_IOB, IS_SPACE,
                            IS_PUNCT, IS_ALPHA, IS_DIGIT, IS_STOP, LIKE_NUM, LENGTH})
#: Attributes whose values are words: a pattern names a few of them, and every other word answers alike.
WORD_ATTRIBUTES = frozenset({ORTH, LOWER, NORM, LEMMA})
#: What the ruler may set with the same effect as ``Doc.from_array`` (token attributes, no Lexeme ones).
SETTABLE_ATTRIBUTES = frozenset({POS, TAG, DEP, MORPH, LEMMA, NORM})
#: Memo size past which it starts again (keys may carry word hashes, and a corpus has many words).
MAX_MEMO = 500_000


@dataclass
class _WordTest:
    """How the ruler's single-token patterns test one word attribute: literal words and regexes."""

    words: set[int] = field(default_factory=set)
    regexes: list[re.Pattern[str]] = field(default_factory=list)
    signatures: dict[int, object] = field(default_factory=dict)


@dataclass
class _RulerPlan:
    """A compiled view of an AttributeRuler: which attributes key its answers, and its multi-token patterns."""

    key_attributes: list[int]
    word_tests: dict[int, _WordTest]
    set_attributes: list[int]
    multi_token_matcher: object | None
    #: (word attribute, offset in the pattern) -> the words one of the multi-token patterns needs there;
    #: every such pattern has one, so a match can start only that offset before such a word (None: anywhere)
    multi_token_anchors: dict[tuple[int, int], numpy.ndarray] | None = None
    multi_token_length: int = 0
    #: attribute values -> the rules that match a token with them, in rule order
    answers: dict[tuple, tuple[int, ...]] = field(default_factory=dict)
    #: rules -> what they set, as (column in ``set_attributes``, value), a later rule's value winning
    settings: dict[tuple[int, ...], tuple[tuple[int, int], ...]] = field(default_factory=dict)


class _Unsupported(Exception):
    """The ruler has a pattern the memo cannot reason about; the stock ruler runs instead."""


def _attribute_id(name: str) -> int:
    name = name.upper()
    attribute = IDS.get("ORTH" if name == "TEXT" else name)
    if attribute not in KEY_ATTRIBUTES:
        raise _Unsupported(name)
    return attribute


def _plan(ruler: AttributeRuler) -> _RulerPlan:
    key_attributes: set[int] = set()
    literal_words: dict[int, set[int]] = {}
    regexes: dict[int, list[re.Pattern[str]]] = {}
    raw: set[int] = set()
    set_attributes: set[int] = set()
    multi = Matcher(ruler.vocab)
    multi_length = 0
    anchors: dict[tuple[int, int], set[int]] | None = {}
    strings = ruler.vocab.strings
    for i, attrs in enumerate(ruler.attrs):
        if not set(attrs) <= SETTABLE_ATTRIBUTES:
            raise _Unsupported(attrs)
        set_attributes.update(attrs)
        _, patterns = ruler.matcher.get(str(i))
        for pattern in patterns:
            if any("OP" in spec or "_" in spec for spec in pattern):
                raise _Unsupported(pattern)
            if len(pattern) > 1:
                multi.add(str(i), [pattern])
                multi_length = max(multi_length, len(pattern))
                anchors = _add_anchor(pattern, anchors, strings)
                continue
            if ruler.indices[i] not in (0, -1):
                raise _Unsupported(ruler.indices[i])
            for name, test in pattern[0].items():
                attribute = _attribute_id(name)
                key_attributes.add(attribute)
                if attribute not in WORD_ATTRIBUTES:
                    continue
                words = _named_words(test, {"IN", "NOT_IN", "REGEX"})
                if words is None:
                    raw.add(attribute)
                    continue
                if isinstance(test, dict) and "REGEX" in test:
                    regexes.setdefault(attribute, []).append(re.compile(test["REGEX"]))
                # lower-cased too: a superset of the words that matter only makes the memo finer
                literal_words.setdefault(attribute, set()).update(strings[w] for word in words for w in (word, word.lower()))
    word_tests = {a: _WordTest(literal_words.get(a, set()), regexes.get(a, [])) for a in key_attributes
                  if a in WORD_ATTRIBUTES and a not in raw}
    anchor_arrays = None if anchors is None else {
        where: numpy.array(sorted(words), dtype="uint64") for where, words in anchors.items()}
    return _RulerPlan(sorted(key_attributes), word_tests, sorted(set_attributes), multi if len(multi) else None,
                      anchor_arrays, multi_length)


def _named_words(test: object, operators: set[str]) -> list[str] | None:
    """The words a pattern's test on a word attribute names (a literal, IN, NOT_IN), if it uses only
    ``operators``; None when it tests some other way (the value then keys the memo as it is)."""
    if isinstance(test, str):
        return [test]
    if not isinstance(test, dict) or not set(test) <= operators:
        return None
    words = [word for op in ("IN", "NOT_IN") for word in test.get(op, ())]
    return words if all(isinstance(word, str) for word in words) else None


def _add_anchor(pattern: list[dict], anchors: dict[tuple[int, int], set[int]] | None,
                strings) -> dict[tuple[int, int], set[int]] | None:
    """Add to ``anchors`` the first token of ``pattern`` that must be one of a few words; None if none must."""
    if anchors is None:
        return None
    for offset, spec in enumerate(pattern):
        for name, test in spec.items():
            attribute = _attribute_id(name)
            words = _named_words(test, {"IN"})
            if attribute in WORD_ATTRIBUTES and words:
                anchors.setdefault((attribute, offset), set()).update(strings[w] for w in words)
                return anchors
    return None


class MemoAttributeRuler:
    """An AttributeRuler's annotations, remembered per combination of the attributes its patterns test.

    Parameters
    ----------
    nlp : Language
        The pipeline holding the ruler.
    name : str
        This component's name.
    wraps : str
        The name of the AttributeRuler it stands in for.

    Example
    -------
    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> ruler = nlp.add_pipe("attribute_ruler")
    >>> ruler.add([[{"LOWER": "cnn"}]], {"POS": "PROPN"})
    >>> _ = nlp.add_pipe("kgbuild_attribute_ruler", config={"wraps": "attribute_ruler"})
    >>> nlp.disable_pipe("attribute_ruler")
    >>> [t.pos_ for t in nlp("CNN reports")]
    ['PROPN', '']
    """

    def __init__(self, nlp: Language, name: str, wraps: str) -> None:
        self.name = name
        self.wraps = wraps
        self.ruler: AttributeRuler = nlp.get_pipe(wraps)
        self._plan: _RulerPlan | None = None
        self._planned_for: tuple[int, int] | None = None

    def _current_plan(self) -> _RulerPlan | None:
        # patterns can be added to the ruler after we are made, or all cleared (a new Matcher): compile again
        rules = (id(self.ruler.matcher), len(self.ruler.attrs))
        if self._planned_for != rules:
            self._planned_for = rules
            try:
                self._plan = _plan(self.ruler)
            except _Unsupported:
                self._plan = None
        return self._plan

    def __call__(self, doc: Doc) -> Doc:
        plan = self._current_plan()
        if plan is None or not len(doc):
            return self.ruler(doc)
        if len(plan.answers) > MAX_MEMO:
            plan.answers.clear()
            plan.settings.clear()
        strings = self.ruler.vocab.strings
        n = len(doc)
        if plan.key_attributes:
            columns = _columns(doc, plan.key_attributes)
            for j, attribute in enumerate(plan.key_attributes):
                test = plan.word_tests.get(attribute)
                if test is not None:
                    known = test.signatures.get
                    columns[j] = [signature if (signature := known(value)) is not None else _signature(test, value, strings)
                                  for value in columns[j]]
            keys = list(zip(*columns))
        else:
            keys = [()] * n
        answers = plan.answers
        matched: list[tuple[int, ...]] = []
        for i, key in enumerate(keys):
            answer = answers.get(key)
            if answer is None:
                found = self.ruler.matcher(doc[i:i + 1], allow_missing=True, as_spans=False)
                answer = answers[key] = tuple(sorted(int(strings[match_id]) for match_id, _, _ in found))
            matched.append(answer)
        if plan.multi_token_matcher is not None:
            for match_id, start, end in _multi_token_matches(plan, doc):
                rule = int(strings[match_id])
                index = self.ruler.indices[rule]
                target = start + index if index >= 0 else end + index
                if not start <= target < end:
                    return self.ruler(doc)  # the stock ruler raises its own error for this pattern
                matched[target] = tuple(sorted((*matched[target], rule)))
        columns = _columns(doc, plan.set_attributes)
        settings = plan.settings
        for i, rules in enumerate(matched):
            if rules:
                setting = settings.get(rules)
                if setting is None:
                    setting = settings[rules] = self._settings(plan, rules)
                for column, value in setting:
                    columns[column][i] = value
        doc.from_array(plan.set_attributes, numpy.array(columns, dtype="uint64").T)
        return doc


    def _settings(self, plan: _RulerPlan, rules: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
        """What ``rules`` set, applied in rule order (a later rule's value wins, as in the stock ruler)."""
        values: dict[int, int] = {}
        for rule in rules:
            values.update(self.ruler.attrs[rule])
        return tuple((plan.set_attributes.index(attribute), value) for attribute, value in values.items())


def _columns(doc: Doc, attributes: list[int]) -> list[list[int]]:
    """``doc.to_array(attributes)`` as one list per attribute (to_array drops a dimension for one attribute)."""
    table = doc.to_array(attributes).reshape(len(doc), len(attributes))
    return [table[:, j].tolist() for j in range(len(attributes))]


def _multi_token_matches(plan: _RulerPlan, doc: Doc) -> set[tuple[int, int, int]]:
    """The multi-token patterns' matches, looked for only around the words they need (most Docs have none)."""
    matcher = plan.multi_token_matcher
    if plan.multi_token_anchors is None:
        return set(matcher(doc, allow_missing=True, as_spans=False))
    starts: set[int] = set()
    values: dict[int, numpy.ndarray] = {}  # one column per attribute, however many offsets use it
    for (attribute, offset), words in plan.multi_token_anchors.items():
        if attribute not in values:
            values[attribute] = doc.to_array(attribute)
        found_at = numpy.flatnonzero(numpy.isin(values[attribute], words)) - offset
        starts.update(found_at[found_at >= 0].tolist())
    found = set()
    for start in starts:
        window = doc[start:start + plan.multi_token_length]
        found.update((match_id, start + s, start + e) for match_id, s, e in matcher(window, allow_missing=True, as_spans=False))
    return found


def _signature(test: _WordTest, value: int, strings) -> object:
    """What a word attribute's value means to the patterns: itself if named, else its regex results."""
    signature = test.signatures.get(value)
    if signature is None:
        if value in test.words:
            signature = value
        else:
            text = strings[value]
            signature = ("other", *(bool(regex.search(text)) for regex in test.regexes))
        if len(test.signatures) > MAX_MEMO:
            test.signatures.clear()
        test.signatures[value] = signature
    return signature
