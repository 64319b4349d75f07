"""How far to trust a statement: the probability that a judge reading its sentence calls it correct.

A small logistic regression over features of the resolved statement that generalise across
articles: the pattern that found it, the kind of predicate, the type and shape of its two nodes
(a named entity, a bare generic noun, a number, a date, a name in capitals), its polarity,
modality and attribution, and the extractor's own confidence (trained on CaRB, which rewards token
overlap rather than facts). It is trained by ``bench/train_trust.py`` on statements of random news
articles judged by ``../shared/benchmarks/precision/GUIDELINES.md`` and ships in
``kgbuild/data/trust.json`` with its provenance. Statements below the build's ``min_confidence``
stay out of the graph.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import replace
from functools import lru_cache
from importlib import resources

from kgbuild.extract.properties import property_of
from kgbuild.lexicon import PRONOUN_WORDS
from kgbuild.records import ResolvedDocument, with_statements

#: Predicates that are rarely a fact of their own: possession, identity, and light verbs whose
#: meaning is in their object ("take place", "make a decision", "give consideration").
LIGHT_VERBS = frozenset("take make give get do put set keep go come leave find show see use hold have bring".split())
SPEECH_PREDICATES = frozenset("say tell add claim state announce report explain write warn".split())
_DIGIT = re.compile(r"\d")
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty hundred hundreds thousand "
    "thousands million millions billion dozen dozens half quarter".split()
)


def _label_features(prefix: str, node_type: str, label: str, text: str) -> dict[str, float]:
    words = label.split()
    lower = label.lower()
    features = {
        f"{prefix}_type_{node_type}": 1.0,
        f"{prefix}_one_word": float(len(words) == 1),
        f"{prefix}_long": float(len(words) > 5),
        f"{prefix}_lowercase": float(label[:1].islower()),
        f"{prefix}_generic": float(len(words) == 1 and label[:1].islower()),
        f"{prefix}_digit": float(bool(_DIGIT.search(label))),
        f"{prefix}_number": float(all(w.lower().strip(",.%") in _NUMBER_WORDS or _DIGIT.search(w) for w in words)),
        f"{prefix}_capitals": float(len(label) > 2 and label.isupper()),
        f"{prefix}_possessive": float("'s" in lower or "\u2019s" in lower),
        f"{prefix}_pronoun_text": float(text.lower() in PRONOUN_WORDS),
        f"{prefix}_markup": float(any(c in label for c in "<>|@#/\\[]{}=")),
    }
    return features


def statement_features(
    pattern: str, predicate: str, subject_type: str, subject_label: str, subject_text: str,
    object_type: str, object_label: str, object_text: str, negated: bool, modality: str | None,
    attributed: bool, sentence: str, confidence: float, syntax: dict[str, float] | None = None,
) -> dict[str, float]:
    """The features of one statement, as names → values (absent names are 0).

    ``syntax`` adds what the parse says of it (``syntax_features``).

    Example
    -------
    >>> f = statement_features("verb_object", "meet", "Person", "Hillary Clinton", "Clinton", "Concept",
    ...                        "Pakistani journalists", "Pakistani journalists", False, None, False,
    ...                        "Clinton met Pakistani journalists.", 0.8)
    >>> f["pattern_verb_object"], f["subject_type_Person"], f["object_type_Concept"]
    (1.0, 1.0, 1.0)
    """
    head = predicate.split("_")[0]
    features = {
        "bias": 1.0,
        f"pattern_{pattern}": 1.0,
        "predicate_have": float(predicate == "have"),
        "predicate_be": float(predicate == "be"),
        "predicate_light": float(head in LIGHT_VERBS and predicate not in ("have", "be")),
        "predicate_speech": float(head in SPEECH_PREDICATES),
        "predicate_compound": float(predicate.count("_") >= 2),
        "negated": float(negated),
        "modality": float(bool(modality)),
        "attributed": float(attributed),
        "question": float(sentence.rstrip().rstrip("\"'\u201d").endswith("?")),
        "quoted": float(any(q in sentence for q in ('"', "\u201c", "''", "``"))),
        "long_sentence": float(len(sentence.split()) > 35),
        "confidence": confidence,
        "same_text": float(subject_label == object_label),
        "both_named": float(subject_type != "Concept" and object_type != "Concept"),
    }
    features.update(_label_features("subject", subject_type, subject_label, subject_text))
    features.update(_label_features("object", object_type, object_label, object_text))
    if syntax:
        features.update(syntax)
    return features


#: Dependency labels of a relation's verb that tell apart main clauses from embedded ones.
VERB_DEPS = frozenset({"ROOT", "conj", "relcl", "advcl", "xcomp", "ccomp", "acl", "pcomp", "parataxis"})


def syntax_features(
    verb_dep: str | None, verb: int | None, subject_head: int | None, object_head: int | None,
    first_sentence: bool, subject_pronoun: bool, object_pronoun: bool, subject_described: bool,
    object_described: bool, subject_mentions: int = 1, object_mentions: int = 1, verb_tag: str | None = None,
) -> dict[str, float]:
    """What the parse says of a statement: where its verb sits, how far its arguments are from it, and
    whether an argument was resolved from a pronoun or a description, how often the article mentions each
    argument's entity (what an article is about it names again and again; trivia once), and the verb's
    tense.

    Example
    -------
    >>> syntax_features("relcl", 5, 0, 7, False, False, False, False, False)["verb_relcl"]
    1.0
    """
    features = {f"verb_{verb_dep if verb_dep in VERB_DEPS else 'other' if verb_dep else 'none'}": 1.0,
                "first_sentence": float(first_sentence), "subject_from_pronoun": float(subject_pronoun),
                "object_from_pronoun": float(object_pronoun), "subject_from_description": float(subject_described),
                "object_from_description": float(object_described),
                "subject_repeated": float(subject_mentions >= 2), "subject_salient": float(subject_mentions >= 4),
                "object_repeated": float(object_mentions >= 2), "object_salient": float(object_mentions >= 4)}
    if verb_tag in VERB_TAGS:
        features[f"verb_tag_{verb_tag}"] = 1.0
    if verb is not None and subject_head is not None:
        features["subject_far"] = float(abs(verb - subject_head) > 6)
        features["subject_after_verb"] = float(subject_head > verb)
    if verb is not None and object_head is not None:
        features["object_far"] = float(abs(object_head - verb) > 6)
    return features


#: Penn tags of a verb: past, present, base form, participles.
VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "VB", "VBN", "VBG", "MD"})


class TrustModel:
    """A logistic regression over ``statement_features``: weights by feature name, and the share of typed
    statements (``kgbuild.extract.properties``) judges found correct, their confidence.

    Example
    -------
    >>> model = TrustModel({"bias": 0.0, "negated": 2.0})
    >>> round(model.probability({"bias": 1.0}), 2), round(model.probability({"bias": 1.0, "negated": 1.0}), 2)
    (0.5, 0.88)
    """

    def __init__(self, weights: dict[str, float], typed_precision: float | None = None) -> None:
        self.weights = weights
        self.typed_precision = typed_precision

    def probability(self, features: dict[str, float]) -> float:
        z = sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def shipped_model() -> TrustModel | None:
    """The model in ``kgbuild/data/trust.json``; None when it is not there (then statements keep the
    extractor's confidence)."""
    try:
        data = json.loads(resources.files("kgbuild.data").joinpath("trust.json").read_text(encoding="utf-8"))
    except (FileNotFoundError, ModuleNotFoundError):
        return None
    return TrustModel(data["weights"], data.get("typed_precision"))


def keep_confident(resolved: ResolvedDocument, min_confidence: float) -> ResolvedDocument:
    """The document with its statements under ``min_confidence`` left out, and the descriptions only they used.

    A typed statement (a Wikidata-aligned property) is read by rules tuned for precision, not by the
    open patterns the model was trained on: its confidence is the share of typed statements judges found
    correct, when the shipped model records one.

    Example
    -------
    >>> from kgbuild.records import Document, Entity, Statement
    >>> ents = {"a": Entity("a", "Person", "Ann Lee"), "b": Entity("b", "Concept", "a plan")}
    >>> st = Statement("a", "have", "b", "Ann Lee's plan.", 0, 15, "'s", "Ann Lee", "plan", 0.1, "possessive")
    >>> kept = keep_confident(ResolvedDocument(Document("d", st.sentence), ents, [st]), 0.2)
    >>> kept.statements, sorted(kept.entities)
    ([], ['a'])
    """
    model = shipped_model()
    typed = model.typed_precision if model is not None else None
    statements = []
    for st in resolved.statements:
        if typed is not None and property_of(st.predicate) is not None:
            st = replace(st, confidence=typed)
        if st.confidence >= min_confidence:
            statements.append(st)
    if len(statements) == len(resolved.statements) and typed is None:
        return resolved
    return with_statements(resolved, statements)
