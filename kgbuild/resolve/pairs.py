"""Document-level typed relations: a logistic model scores each pair of a document's named entities.

The typed patterns read relations stated inside one sentence between close names; most relations of
an encyclopaedic or news text are stated across sentences ("Dushanbe ... the country's capital") or
implied (a town's country). This scores every ordered pair of named entities of a resolved document,
for each property of the shipped model (``kgbuild/data/pair_relations.json``, learned from the
Re-DocRED dev split's training part, MIT licence, by ``bench/train_pair_relations.py``), from
features that generalise: the two entity types and NER labels, the sentence distance of their nearest
mentions, the words, the names and the dependency path between them in one sentence, the words around
each mention, the word each mention depends on ("born|in") and its sentence's main verb, the last word
of each name ("County", "Records"), whether one is the document's first entity, and the country and
region lexicons (with how many countries the document names). A pair is stated when its probability
reaches the property's threshold (chosen on the training documents by cross-validation) and its nearest
mentions are at most ``MAX_SENTENCE_DISTANCE`` sentences apart.

The model is learned from encyclopaedia introductions, and by default runs only on documents that open
as one does (``defines_its_subject``; ``BuildConfig.pair_relations``).

The features are single words and names of types, never sentences.
"""

from __future__ import annotations

import bisect
import functools
import json
import math
import re
from dataclasses import replace
from importlib import resources

from spacy.tokens import Doc

from kgbuild.extract.patterns.typed import countries, is_region
from kgbuild.extract.properties import PROPERTIES, property_of, typed
from kgbuild.records import Entity, ResolvedDocument, Statement

#: The pattern name of the statements this model makes.
PAIR_PATTERN = "document_pair"
#: Entity types the model relates (descriptions and quantities are no ends of a typed edge here).
PAIR_TYPES = frozenset({"Person", "Organization", "Place", "Group", "Date", "Event", "CreativeWork", "Product"})
#: A pair's nearest mentions at most this many sentences apart. An introduction states its subject's
#: facts in any of its sentences, so the bound is wide; the distance is a feature, so far pairs need more
#: evidence (with a bound of 3, held-out F1 was 0.25 against 0.27).
MAX_SENTENCE_DISTANCE = 30
#: Properties whose pair statements come with their inverse, as Wikidata states both: on the Re-DocRED
#: dev split every P361 "part of" has its P527 "has part", every spouse is a spouse back, and 94% of
#: P150 "contains" have the P131 "located in" back (only 16% the other way, so not that one).
PAIR_INVERSES = {"partOf": "hasPart", "hasPart": "partOf", "participant": "participantIn",
                 "participantIn": "participant", "parentOrganization": "subsidiary",
                 "subsidiary": "parentOrganization", "spouse": "spouse", "sibling": "sibling",
                 "containsPlace": "locatedIn"}
#: Words between two mentions kept as features (the first and last ones of a longer gap).
MAX_BETWEEN_WORDS = 6


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


class _Layout:
    """Token starts and sentence starts of a Doc, for finding a mention's token and sentence."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.token_starts = [t.idx for t in doc]
        self.sentences = [(s.start_char, s.end_char, s.start, s.end) for s in doc.sents]
        self.sentence_starts = [s[0] for s in self.sentences]

    def token(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.token_starts, char) - 1)

    def sentence(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, char) - 1)


def _mentions(entity: Entity, layout: _Layout) -> list[tuple[int, int, int]]:
    """(sentence, first token, end token) of each mention of an entity."""
    found = []
    for begin, end, _text in entity.spans:
        found.append((layout.sentence(begin), layout.token(begin), layout.token(max(begin, end - 1)) + 1))
    return sorted(set(found))


def _words(doc: Doc, start: int, end: int) -> list[str]:
    return [t.lower_ if not t.like_num else "0" for t in doc[start:end] if not t.is_space]


def _dependency_path(doc: Doc, a: tuple[int, int, int], b: tuple[int, int, int]) -> str:
    """The dependency labels from one mention's head word up to the words' common ancestor and down to the
    other's, with that ancestor's lemma ("appos^|pobj^prep^|in"); empty when the path is longer than six arcs."""
    head_a, head_b = doc[a[1]:a[2]].root, doc[b[1]:b[2]].root
    up_a = [head_a, *head_a.ancestors]
    up_b = [head_b, *head_b.ancestors]
    on_b = {t.i: n for n, t in enumerate(up_b)}
    for n, token in enumerate(up_a):
        if token.i in on_b:
            m = on_b[token.i]
            if n + m > 6:
                return ""
            rising = "^".join(t.dep_ for t in up_a[:n])
            falling = "^".join(t.dep_ for t in up_b[:m])
            return f"{rising}|{falling}|{token.lemma_.lower() if n and m else token.dep_}"
    return ""


def _governor(doc: Doc, mention: tuple[int, int, int]) -> str:
    """The word a mention depends on, through a preposition ("born|in", "album|by"), with the mention's role."""
    root = doc[mention[1]:mention[2]].root
    if root.dep_ == "pobj" and root.head.dep_ in ("prep", "agent"):
        return f"{root.head.head.lemma_.lower()}|{root.head.lower_}"
    if root.head.i == root.i:
        return "ROOT"
    return f"{root.head.lemma_.lower()}|{root.dep_}"


def _names_between(doc: Doc, start: int, end: int) -> int:
    """How many named entities NER finds between two token positions."""
    return sum(1 for ent in doc.ents if start <= ent.start and ent.end <= end)


def pair_features(head: Entity, tail: Entity, head_mentions: list, tail_mentions: list, doc: Doc,
                  first: str | None, countries_named: int = 0) -> tuple[list[str], tuple[int, int, int] | None, tuple[int, int, int] | None, int]:
    """The features of one ordered pair, its nearest mentions (head's, tail's) and their sentence distance.

    Parameters
    ----------
    head, tail : Entity
    head_mentions, tail_mentions : list of (sentence, start token, end token)
    doc : Doc
        The parsed text.
    first : str, optional
        The key of the document's first named entity (its subject, in an encyclopaedia).
    countries_named : int
        How many of the document's entities are countries (with one, every place is likely in it).
    """
    pair = f"{head.type}>{tail.type}"
    best = None
    for hm in head_mentions:
        for tm in tail_mentions:
            gap = (abs(hm[0] - tm[0]), max(tm[1] - hm[2], hm[1] - tm[2], 0))
            if best is None or gap < best[0]:
                best = (gap, hm, tm)
    if best is None:
        return [], None, None, 99
    (distance, _), hm, tm = best
    features = [pair, f"{pair}|sd={_bucket(distance, (0, 1, 2, 4))}"]
    if distance == 0:
        a, b = (hm, tm) if hm[1] < tm[1] else (tm, hm)
        between = _words(doc, a[2], b[1])
        order = "ht" if a is hm else "th"
        features.append(f"{pair}|{order}|n={_bucket(len(between), (0, 1, 2, 4, 8, 15))}")
        if len(between) > MAX_BETWEEN_WORDS:
            between = between[:3] + between[-3:]
        features += [f"{pair}|{order}|w={w}" for w in set(between)]
        features += [f"w={w}" for w in set(between)]
        if len(between) <= 3:
            features.append(f"{pair}|{order}|seq={' '.join(between)}")
        path = _dependency_path(doc, hm, tm)
        if path:
            features.append(f"{pair}|path={path}")
        others = _names_between(doc, a[2], b[1])
        features.append(f"{pair}|{order}|names_between={_bucket(others, (0, 1, 2))}")
    for role, mention in (("h", hm), ("t", tm)):
        features.append(f"{pair}|{role}_governor={_governor(doc, mention)}")
        features.append(f"{pair}|{role}_root={doc[mention[1]].sent.root.lemma_.lower()}")
        before = _words(doc, max(0, mention[1] - 2), mention[1])
        after = _words(doc, mention[2], mention[2] + 1)
        features += [f"{pair}|{role}<{w}" for w in before] + [f"{pair}|{role}>{w}" for w in after]
    shared = len({m[0] for m in head_mentions} & {m[0] for m in tail_mentions})
    features.append(f"{pair}|shared={_bucket(shared, (0, 1, 2, 4))}")
    if first == head.key:
        features.append(f"{pair}|h_first")
    if first == tail.key:
        features.append(f"{pair}|t_first")
    which = "h" if first == head.key else "t" if first == tail.key else "-"
    for role, entity in (("h", head), ("t", tail)):
        name = entity.name.lower()
        if name in countries():
            features.append(f"{pair}|{role}_country")
            features.append(f"{pair}|{role}_country|first={which}|sd={_bucket(distance, (0, 1, 3))}"
                            f"|countries={_bucket(countries_named, (1, 2))}")
        elif entity.type == "Place" and is_region(entity.name):
            features.append(f"{pair}|{role}_region")
        if entity.type == "Date":
            features.append(f"{pair}|{role}_date={'year' if entity.name.strip().isdigit() else 'full'}")
    features.append(f"ner={head.ner_label}>{tail.ner_label}|sd={_bucket(distance, (0, 1, 2, 4))}")
    for role, entity in (("h", head), ("t", tail)):
        words = entity.name.lower().split()
        if len(words) > 1:  # a name's last word often says what it is: "County", "Records", "Party", "FC"
            features.append(f"{pair}|{role}_last={words[-1]}")
    features.append(f"{pair}|h_sentence={_bucket(hm[0], (0, 1, 3))}")
    features.append(f"{pair}|h_mentions={_bucket(len(head_mentions), (1, 2, 4))}")
    features.append(f"{pair}|t_mentions={_bucket(len(tail_mentions), (1, 2, 4))}")
    return features, hm, tm, distance


def document_pairs(resolved: ResolvedDocument, doc: Doc):
    """Every ordered pair of the document's named entities, with its features.

    Yields
    ------
    (head key, tail key, features, head mention, tail mention, sentence distance, layout)
    """
    layout = _Layout(doc)
    named = [e for e in resolved.entities.values() if e.type in PAIR_TYPES and e.spans]
    mentions = {e.key: _mentions(e, layout) for e in named}
    first = min(named, key=lambda e: min(s[0] for s in e.spans)).key if named else None
    countries_named = sum(1 for e in named if e.name.lower() in countries())
    for head in named:
        for tail in named:
            if head.key == tail.key:
                continue
            features, hm, tm, distance = pair_features(head, tail, mentions[head.key], mentions[tail.key], doc, first,
                                                           countries_named)
            if features:
                yield head.key, tail.key, features, hm, tm, distance, layout


#: Passive verbs an introduction defines its subject with ("X is located on ...", "X, also known as Y, ...").
_DEFINING_PARTICIPLES = frozenset({"locate", "know", "refer", "base"})


def defines_its_subject(doc: Doc) -> bool:
    """Whether the text opens as an encyclopaedia's introduction does: a first sentence that says what its
    subject is ("Bohumín is a town in Karviná District", "The O'Shaughnessy Dam is located on the Scioto River").

    The pair model was learned from such introductions, where the first entity is the subject of most facts
    and a place's country goes without saying; news rarely opens so (on 1,600 articles of the four corpus
    files, 11 did; of the 500 Re-DocRED introductions, 434). The first sentence's parse decides, or, where
    the small parser misreads brackets and asides, its surface (``_defines_on_the_surface``).

    Example
    -------
    >>> from kgbuild.pipeline.stream import make_pipeline
    >>> nlp = make_pipeline()
    >>> [defines_its_subject(nlp(text)) for text in ("Bohumín is a town in Karviná District, Czech Republic.",
    ...                                              "Clinton met Pakistani journalists on Friday.")]
    [True, False]
    """
    sentence = next(iter(doc.sents), None)
    if sentence is None:
        return False
    if _defines_on_the_surface(doc.text):
        return True
    root = sentence.root
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or subjects[0].left_edge.i - sentence.start > 2 or subjects[0].pos_ in ("PRON", "DET"):
        return False  # "This is the man who ...": a news lead, not a definition
    if any(c.dep_ == "aux" for c in root.children):
        return False  # "may also be the city of second chances", "will be the best spot": news, not a definition
    if root.lemma_ == "be":
        return any(c.dep_ == "attr" and (c.pos_ in ("NOUN", "PROPN") or c.lower_ == "one") for c in root.children)
    return root.lemma_ in _DEFINING_PARTICIPLES and root.tag_ == "VBN"


#: A bracket and its words: "Bohumín (Polish: Bogumin) is a town" defines Bohumín.
_BRACKETS = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")
#: The opening of a definition: a name, then "is a", "was the", "is one" ("Zevs is a French street artist").
_DEFINITION = re.compile(r"^\W{0,2}(?P<subject>\S.{0,100}?)\W{0,2},?\s+(?:is|was|are|were)\s+"
                         r"(?:(?:also|now|currently|formerly)\s+)?(?:an?|the|one)\s")
#: Words of a name that are not capitalised ("Mola di Bari", "Church of England").
_NAME_GLUE = frozenset({"of", "the", "and", "de", "di", "la", "le", "del", "von", "van", "&", "for", "in", "on"})
#: Words no defined subject has or starts with: a news lead's "When I was a child", "Saturday is the day".
_NOT_SUBJECTS = frozenset({"i", "we", "you", "he", "she", "they", "it", "one", "these", "those", "this", "that", "there",
                           "who", "what", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                           "today", "yesterday"})
_NOT_FIRST = frozenset({"when", "if", "as", "while", "after", "before", "since", "because", "although", "january",
                        "february", "march", "april", "may", "june", "july", "august", "september", "october",
                        "november", "december"})


def _defines_on_the_surface(text: str) -> bool:
    """Whether the text opens "Name (…) is a …" with a capitalised name of at most ten words: a definition
    the small parser often misreads ("Mola di Bari, commonly referred to as Mola, is a town", "Zevs (born
    Christophe Aguirre Schwarz …) is a French street artist")."""
    match = _DEFINITION.match(_BRACKETS.sub("", text[:400]))
    if match is None:
        return False
    subject, _, aside = match.group("subject").partition(",")  # "Mola di Bari, commonly referred to as Mola, is"
    if re.search(r"[!?]|\.\s|\b(?:which|who|that)\b", aside):
        return False  # "Attenzione, the wine!" That is", "The Church …, which is the largest sponsor"
    words = [w for w in (w.strip("\"\u201c\u201d'") for w in subject.split()) if w]
    if not words or len(words) > 10 or not (words[0][:1].isupper() or words[0][:1].isdigit()):
        return False
    if words[0].lower() in _NOT_FIRST or any(w.lower() in _NOT_SUBJECTS for w in words):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _NAME_GLUE for w in words)


class PairModel:
    """Per-property weights of a logistic model over pair features, and each property's threshold."""

    def __init__(self, data: dict) -> None:
        self.properties: list[str] = data["properties"]
        self.bias: list[float] = data["bias"]
        self.thresholds: list[float] = data["thresholds"]
        self.weights: dict[str, list[tuple[int, float]]] = {f: [tuple(x) for x in w] for f, w in data["weights"].items()}

    def probabilities(self, features: list[str]) -> list[float]:
        """The probability of each property for one pair."""
        scores = list(self.bias)
        for feature in features:
            for k, w in self.weights.get(feature, ()):
                scores[k] += w
        return [1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, s)))) for s in scores]


@functools.lru_cache(maxsize=1)
def shipped_pair_model() -> PairModel | None:
    """The shipped model (``kgbuild/data/pair_relations.json``), or None when it is not installed."""
    path = resources.files("kgbuild").joinpath("data/pair_relations.json")
    if not path.is_file():
        return None
    return PairModel(json.loads(path.read_text(encoding="utf-8")))


def add_pair_relations(resolved: ResolvedDocument, doc: Doc, model: PairModel | None = None,
                       threshold_boost: float = 0.0) -> ResolvedDocument:
    """The document with the model's typed statements added (those the document does not state already).

    Parameters
    ----------
    resolved : ResolvedDocument
        After typing (``kgbuild.resolve.typed.type_document``).
    doc : Doc
        Its parsed text.
    model : PairModel, optional
        Default: the shipped model.
    threshold_boost : float
        Added to every property's threshold (higher: fewer, surer statements).

    Returns
    -------
    ResolvedDocument
    """
    model = model or shipped_pair_model()
    if model is None:
        return resolved
    stated = {(st.subject, st.predicate, st.object) for st in resolved.statements if property_of(st.predicate)}
    added = []
    text = resolved.document.text
    for head, tail, features, hm, tm, distance, layout in document_pairs(resolved, doc):
        if distance > MAX_SENTENCE_DISTANCE:
            continue
        for key, p, threshold in zip(model.properties, model.probabilities(features), model.thresholds):
            if p < threshold + threshold_boost or key not in PROPERTIES:
                continue
            predicate = typed(key)
            if (head, predicate, tail) in stated:
                continue
            stated.add((head, predicate, tail))
            first, last = sorted((hm[0], tm[0]))
            start, end = layout.sentences[first][0], layout.sentences[last][1]
            a, b = (hm, tm) if hm[1] < tm[1] else (tm, hm)
            between = doc[a[2]:b[1]].text if distance == 0 else ""
            statement = Statement(
                subject=head, predicate=predicate, object=tail, sentence=text[start:end], sentence_start=start,
                sentence_end=end, relation_text=between, subject_text=doc[hm[1]:hm[2]].text,
                object_text=doc[tm[1]:tm[2]].text, confidence=round(p, 3), pattern=PAIR_PATTERN)
            added.append(statement)
            inverse = PAIR_INVERSES.get(key)
            if inverse is not None and (tail, typed(inverse), head) not in stated:
                stated.add((tail, typed(inverse), head))
                added.append(replace(statement, subject=tail, object=head, predicate=typed(inverse),
                                     subject_text=statement.object_text, object_text=statement.subject_text))
    if not added:
        return resolved
    return ResolvedDocument(resolved.document, resolved.entities, resolved.statements + added, resolved.merges,
                            resolved.sentences, resolved.words)
