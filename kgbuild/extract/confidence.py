"""Learned confidence: how likely an extraction is right, from generic features of its pattern and parse.

The hand-set confidences of ``relation.py`` rank pattern families; within a
family they cannot tell a clean main-clause relation from one read off a
doubtful parse. A logistic regression over generic features (pattern, the
dependency label and tag of the verb, how the subject was found, argument
lengths and kinds, sentence length, whether another relation already says
the same) does. Its weights, ``kgbuild/data/confidence.json``, are trained by
``bench/train_confidence.py``; without that file the hand-set values stay.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from itertools import repeat
from operator import mul

from spacy.strings import get_string_id
from spacy.symbols import VERB
from spacy.tokens import Doc, Span

from kgbuild.extract.clauses import verb_of
from kgbuild.extract.types import Relation
from kgbuild.lexicon import PRONOUN_WORDS, PTB_QUOTES, VALUE_GROUPS
from kgbuild.parse.tokens import TokenTable, ids, table_of

VERB_DEPS = frozenset({"ROOT", "conj", "ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "parataxis"})
VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBN", "VBG", "VB"})
#: Closed-class words a relation may end in: which preposition joins it says how often it is a fact.
PREPOSITIONS = frozenset(
    "of in on at for to from with by as about into over under between against through during after before "
    "among within without such including like".split()
)
BRACKETS = ("(", ")", "-LRB-", "-RRB-")
WH_WORDS = frozenset({"what", "which", "who", "whom", "that", "whose", "where", "when", "how", "why"})


def covered(relations: Sequence[Relation]) -> list[bool]:
    """For each relation, whether a higher-ranked one with the same first argument already holds all its
    words ("to lower X" under "want to lower X", "is host of Y" under "is the host of Y")."""
    return _covered(relations, _by_confidence(relations))


def _by_confidence(relations: Sequence[Relation]) -> list[int]:
    """Indices of ``relations``, the highest hand-set confidence first (ties in their order)."""
    return sorted(range(len(relations)), key=lambda k: -relations[k].confidence)


def _covered(relations: Sequence[Relation], order: Sequence[int]) -> list[bool]:
    """``covered``, given the ranking: relations are compared within groups of the same first argument
    only, so the word sets are made for those that share it with another."""
    groups: dict[tuple[int, ...], list[int]] = {}
    for k in order:
        if relations[k].arguments:
            groups.setdefault(relations[k].arguments[0].tokens, []).append(k)
    out = [False] * len(relations)
    for members in groups.values():
        if len(members) < 2:
            continue
        words = [set(relations[k].relation_tokens).union(*(a.tokens for a in relations[k].arguments))
                 for k in members]
        for n in range(1, len(members)):
            out[members[n]] = any(words[n] <= above for above in words[:n])
    return out


COMMA = get_string_id(",")
QUOTE_IDS = ids(*PTB_QUOTES, '"')
BRACKET_IDS = ids(*BRACKETS)
#: Either kind of paired mark: most arguments hold none, and are not counted through.
_MARK_IDS = QUOTE_IDS | BRACKET_IDS
NOT_VERBAL = ids("amod", "compound")
#: Feature names, made once: the table holds labels as ids, so a feature is named by a look-up of the id,
#: with no string of the vocabulary read and no name built per relation.
_RANK_KEYS = [f"rank={n}" for n in range(5)]
_ARGS_KEYS = [f"args={n}" for n in range(5)]
_VERB_DEP_KEYS = {get_string_id(label): "verb.dep=" + label for label in VERB_DEPS}
_VERB_TAG_KEYS = {get_string_id(tag): "verb.tag=" + tag for tag in VERB_TAGS}
#: Of the first two arguments ("a0.len", "a1.comma"...); "ent=" maps an entity type id to its group's name.
_ARG_KEYS = [{**{name: f"a{k}.{name}" for name in
                 ("len", "single", "pronoun", "wh", "entity", "ent=other", "verb_inside", "comma", "gap", "unbalanced")},
              "ent=": {get_string_id(label): f"a{k}.ent={group}" for label, group in VALUE_GROUPS.items()}}
             for k in range(2)]


def features(
    doc: Doc, sent: Span, relation: Relation, is_covered: bool, rank: int = 0, count: int = 1,
    tokens: TokenTable | None = None,
) -> dict[str, float]:
    """Generic features of one extraction (no words of the sentence beyond closed-class ones).

    ``rank`` is the relation's place among its sentence's ``count`` relations by hand-set confidence:
    a sentence's main facts are the surest. The order of the features is part of the model's result:
    ``learned`` sums their weights in this order.
    """
    return _features(tokens or table_of(doc), relation, is_covered, rank,
                     math.log1p(count), sent.start, math.log1p(len(sent)))


def _features(
    tokens: TokenTable, relation: Relation, is_covered: bool, rank: int,
    log_count: float, sent_start: int, log_length: float,
) -> dict[str, float]:
    """``features``, given what all relations of the sentence share (read once per sentence)."""
    orth, pos, dep, ent_types = tokens.orth, tokens.pos, tokens.dep, tokens.ent_type
    args = relation.arguments
    f: dict[str, float] = {"pattern=" + relation.pattern: 1.0, "rule": relation.confidence,
                           _RANK_KEYS[min(rank, 4)]: 1.0, "relations": log_count,
                           _ARGS_KEYS[min(len(args), 4)]: 1.0}
    for key, arg in zip(_ARG_KEYS, args):
        arg_tokens = arg.tokens
        start, end, n = arg_tokens[0], arg_tokens[-1] + 1, len(arg_tokens)
        f[key["len"]] = math.log1p(n)
        if n == 1:
            f[key["single"]] = 1.0
        text = arg.text.lower()
        if text in PRONOUN_WORDS:
            f[key["pronoun"]] = 1.0
        if text in WH_WORDS:
            f[key["wh"]] = 1.0
        ent_type = ent_types[arg.head]
        if ent_type:
            f[key["entity"]] = 1.0
            f[key["ent="].get(ent_type, key["ent=other"])] = 1.0
        # an argument is mostly a run of words (its tokens are in order): its columns are slices
        run = end - start == n
        tags = pos[start:end] if run else [pos[i] for i in arg_tokens]
        if VERB in tags and any(pos[i] == VERB and dep[i] not in NOT_VERBAL for i in arg_tokens):
            f[key["verb_inside"]] = 1.0
        words = orth[start:end] if run else [orth[i] for i in arg_tokens]
        if COMMA in words:
            f[key["comma"]] = 1.0
        if not run:
            f[key["gap"]] = 1.0
        if not _MARK_IDS.isdisjoint(words):
            quotes = sum(w in QUOTE_IDS for w in words)
            brackets = sum(w in BRACKET_IDS for w in words)
            if quotes % 2 or brackets % 2:
                f[key["unbalanced"]] = 1.0
    relation_words = relation.relation_text.split()
    f["rel.len"] = min(len(relation_words), 6)
    last = relation_words[-1].lower() if relation_words else ""
    if last in PREPOSITIONS:
        f["rel.prep=" + last] = 1.0
    verb = verb_of(tokens, relation)
    if verb is None:
        f["verb=none"] = 1.0
    else:
        f[_VERB_DEP_KEYS.get(dep[verb], "verb.dep=other")] = 1.0
        f[_VERB_TAG_KEYS.get(tokens.tag[verb], "verb.tag=other")] = 1.0
        f["verb.depth"] = tokens.depth(verb)
        if verb < sent_start + 1 or orth[verb - 1] == COMMA:
            f["verb.after_comma"] = 1.0
    source = relation.extra.get("subject_source", "explicit")
    f["subject=" + source] = 1.0
    f["sent.len"] = log_length
    if relation.negated:
        f["negated"] = 1.0
    if relation.modality:
        f["modal"] = 1.0
    if relation.attribution is not None:
        f["attributed"] = 1.0
    if is_covered:
        f["covered"] = 1.0
    return f


def sentence_features(
    doc: Doc, sent: Span, relations: Sequence[Relation], tokens: TokenTable | None = None
) -> list[dict[str, float]]:
    """Features of each of a sentence's relations (their ``confidence`` still the hand-set one);
    ``tokens``: the Doc's table, when the caller has made it for all sentences."""
    order = _by_confidence(relations)
    rank = {k: n for n, k in enumerate(order)}
    tokens = tokens or table_of(doc)
    log_count, start, log_length = math.log1p(len(relations)), sent.start, math.log1p(len(sent))
    return [_features(tokens, r, c, rank[k], log_count, start, log_length)
            for k, (r, c) in enumerate(zip(relations, _covered(relations, order)))]


@lru_cache(maxsize=1)
def weights() -> dict | None:
    """The trained weights, or None when ``kgbuild/data/confidence.json`` is absent."""
    path = resources.files("kgbuild").joinpath("data/confidence.json")
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def learned(feats: dict[str, float], model: dict) -> float:
    """The model's probability that an extraction is right."""
    weight = model["weights"].get
    # the sum of weight * value in the features' order (the same floats), multiplied and summed in C
    z = model["bias"] + sum(map(mul, map(weight, feats, repeat(0.0)), feats.values()))
    return round(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))), 3)
