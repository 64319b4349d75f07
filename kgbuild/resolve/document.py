"""Resolution: from a parsed Doc and its relations to entities and statements of one document.

Every name of one thing becomes one ``Entity``; pronouns resolve to their
antecedent or are dropped (never a node called "she"); every relation whose
two arguments are entities becomes a ``Statement`` with its provenance.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc

from kgbuild.extract.clauses import verb_of
from kgbuild.extract.properties import property_of
from kgbuild.extract.types import Argument, Relation
from kgbuild.lexicon import CREATIVE_WORK_NOUNS, LIGHT_VERB_IDIOMS, NER_CLASSES, TITLE_HEADS, party_names
from kgbuild.parse.tokens import TokenTable
from kgbuild.records import Document, Entity, Merge, ResolvedDocument, Statement
from kgbuild.resolve.aliases import description_fits, is_role
from kgbuild.resolve.coref import SPEAKER_PRONOUNS, Clusters, resolve_mentions
from kgbuild.resolve.mentions import Mention, MentionIndex, clean_name, mention_spans
from kgbuild.resolve.trust import shipped_model, statement_features, syntax_features

#: Prepositions whose phrase completes a common noun's meaning ("link between", "series of", "fight against").
COMPLEMENT_PREPOSITIONS = frozenset({"of", "between", "among", "against", "for", "on", "about", "over", "into", "toward",
                                     "towards", "from"})
#: Nouns whose "with" phrase is their complement ("a relationship with bwin", "talks with Iran"); after other
#: nouns a "with" phrase is mostly the verb's ("replace the schemes with ...", "watch the movie with Oskar").
WITH_NOUNS = frozenset({"relationship", "relation", "relations", "ties", "deal", "agreement", "contract", "talks",
                        "meeting", "partnership", "alliance", "merger", "link", "links", "trip", "war", "conflict",
                        "dispute", "interview", "marriage", "affair", "collaboration", "cooperation", "negotiations"})
#: A concept longer than this is a clause, not a node label.
MAX_CONCEPT_WORDS = 8
#: Open IE only: relations that say nothing in a graph ("X is Y" between one entity's names).
GRAPH_SKIP_PATTERNS = frozenset({"verb_only", "verb_circumstance"})
#: Predicates whose object is a description ("is the host of Top Gear"), kept whole as a Concept.
DESCRIPTION_PREDICATES = frozenset({"be", "hold_position"})
#: Patterns whose description names its subject: "Russian President Vladimir Putin", "Clarkson, the presenter".
NAMING_PATTERNS = frozenset({"title", "apposition"})
#: Patterns that tie a person to an organisation: "Acme spokesman John Smith", "John Smith, a member of the team".
AFFILIATION_PATTERNS = frozenset({"title", "apposition_prep"})
#: Preference of NER labels when a cluster has several (a name tagged PERSON once and ORG once).
LABEL_PRIORITY = ["PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "LANGUAGE", "DATE", "TIME"]




#: How many wholly quoted sentences may follow the attributed one and still be its speaker's words.
QUOTE_CONTINUATION = 3


def _speaker_of_sentence(sentence: int, quoted: dict[int, int], narrated: list[int]) -> int | None:
    """The speaker of the reported speech in ``sentence``: the attributed speaker of that sentence, or of the
    sentence a quotation continues from when this one and those between are wholly quoted (``He said, "It
    felt good. [...] I was happy."``). ``narrated`` is ``MentionIndex.narration_counts()``: a sentence is
    wholly quoted when its count is the one before it. Any narration in between ends the speaker's turn."""
    if sentence in quoted:
        return quoted[sentence]
    for earlier in range(sentence - 1, max(sentence - 1 - QUOTE_CONTINUATION, -1), -1):
        if narrated[earlier + 1] != narrated[earlier]:
            return None  # the sentence after ``earlier`` has words of the narrator: a new turn
        if earlier in quoted:
            return quoted[earlier]
    return None


def _mention_for(index: MentionIndex, arg: Argument | None, whole: bool = False) -> Mention | None:
    """The mention an argument refers to. ``whole``: a description keeps all its words ("host of Top Gear")."""
    if arg is None:
        return None
    if arg.role == "event":  # a nominalised verb: "at the request of X" → the meeting
        return index.add(arg.head, arg.head + 1, "CONCEPT", arg.head, arg.text)
    tt = index.table
    head = arg.head
    head_label = index.label_at(head)
    lower, pos = tt.lower_[head], tt.pos_[head]
    if lower in TITLE_HEADS or head_label not in ("", "PERSON") and len(index.ents) and pos == "PROPN":
        people = index.people_in(arg.start, arg.end)
        if len(people) == 1 and lower in TITLE_HEADS | {"sec", "adm"} or (len(people) == 1 and head_label and len(tt.text[head]) <= 4):
            return index.for_head(people[0].root)
    if not head_label and arg.role == "object" and arg.text.lower() in party_names():
        return index.add(arg.tokens[0], arg.tokens[-1] + 1, "ORG", arg.head, arg.text)  # "Labour MP": the party
    if whole and not head_label and pos in ("NOUN", "PROPN"):
        name = clean_name(tt, arg.tokens)
        if name and len(arg.tokens) <= 12:
            return index.add(arg.tokens[0], arg.tokens[-1] + 1, "CONCEPT", arg.head, name)
    if not head_label and pos == "NOUN":
        tokens = _with_complement(tt, arg)
        if tokens is not None:
            name = clean_name(tt, tokens)
            if name:
                return index.add(tokens[0], tokens[-1] + 1, "CONCEPT", arg.head, name)
    return index.for_head(head)


#: Entity types that are values of a statement, not things it is about.
VALUE_TYPES = frozenset({"Quantity", "Date"})
#: NER labels of values: "One is an opera composer" defines no one.
VALUE_LABELS = frozenset({"CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "DATE", "TIME"})
#: Types a name defined as a work may have had from NER: not a date, a quantity or a description.
RETYPED_AS_WORK = frozenset({"Person", "Organization", "Place", "Product", "Group", "CreativeWork", "Event"})


def _idiom(tt: TokenTable, rel: Relation) -> bool:
    """Whether the relation is a light verb with the noun of its idiom as object ("take place")."""
    if rel.object is None or not rel.relation_tokens:
        return False
    verb = tt.lemma_[rel.relation_tokens[0]].lower()
    return (verb, tt.lemma_[rel.object.head].lower()) in LIGHT_VERB_IDIOMS


def _trust_features(
    index: MentionIndex, rel: Relation, subj: Mention, obj: Mention, subject: Entity, object_: Entity,
    attributed: bool, sentence: str, subject_mentions: int, object_mentions: int,
) -> dict[str, float]:
    """The trust model's features of one statement (``kgbuild.resolve.trust``)."""
    tt = index.table
    verb = verb_of(tt, rel)
    syntax = syntax_features(
        tt.dep_[verb] if verb is not None else None, verb, rel.subject.head if rel.subject else None,
        rel.object.head if rel.object else None, rel.sentence_start == 0, subj.is_pronoun, obj.is_pronoun,
        subj.label == "CONCEPT" and subject.type != "Concept", obj.label == "CONCEPT" and object_.type != "Concept",
        subject_mentions, object_mentions, tt.tag_[verb] if verb is not None else None)
    return statement_features(
        rel.pattern, rel.predicate, subject.type, subject.name, rel.subject.text if rel.subject else "",
        object_.type, object_.name, rel.object.text if rel.object else "", rel.negated, rel.modality,
        attributed, sentence, rel.confidence, syntax)


def _with_complement(tt: TokenTable, arg: Argument) -> list[int] | None:
    """A common noun's words up to the end of its complement, when it has one that carries its meaning:
    "any link between China Entertainment and Lai Sun", "a series of military exercises", "a relationship with
    bwin", "the authority to use the funds", not "link", "series", "relationship" or "authority". None when the head has no such complement inside the argument, or the phrase grows long."""
    head, inside = arg.head, set(arg.tokens)
    for child in tt.children(head):
        infinitive = tt.dep_[child] == "acl" and any(tt.lower_[c] == "to" and tt.dep_[c] == "aux" for c in tt.children(child))
        complement = tt.dep_[child] == "prep" and (tt.lower_[child] in COMPLEMENT_PREPOSITIONS
                                                    or tt.lower_[child] == "with" and tt.lemma_[head].lower() in WITH_NOUNS)
        if child > head and child in inside and (infinitive or complement):
            end = max(tt.subtree(child))
            tokens = [t for t in arg.tokens if t <= end]
            return tokens if len(tokens) <= MAX_CONCEPT_WORDS else None
    return None


def resolve_document(
    document: Document, doc: Doc, relations: list[Relation], table: TokenTable | None = None,
    min_confidence: float = 0.0, trust: bool = True, features_out: list | None = None,
) -> ResolvedDocument:
    """Resolve one parsed document.

    Parameters
    ----------
    document : Document
        The input the Doc was parsed from.
    doc : Doc
        The parsed text.
    relations : list of Relation
        ``doc._.relations``.
    table : TokenTable, optional
        The Doc's token table, when the caller holds it (else it is read from the Doc).
    min_confidence : float
        Statements whose confidence is lower stay out.
    trust : bool
        Score each statement with the shipped trust model (``kgbuild.resolve.trust``): the probability
        that a judge calls it correct. False keeps the extractor's own confidence.
    features_out : list, optional
        Gets a ``(statement, features)`` pair for every statement kept (for training the trust model).

    Returns
    -------
    ResolvedDocument

    Example
    -------
    >>> from kgbuild.parse.load import load_model
    >>> from kgbuild.extract import extract_relations
    >>> nlp = load_model()
    >>> text = "Hillary Clinton met journalists. Clinton said she was happy."
    >>> doc = nlp(text)
    >>> resolved = resolve_document(Document("d", text), doc, extract_relations(doc))
    >>> sorted(e.name for e in resolved.entities.values() if e.type == "Person")
    ['Hillary Clinton']
    """
    index = MentionIndex(doc, table)
    arg_mentions: list[tuple[Mention | None, Mention | None, Mention | None, Mention | None]] = []
    speakers: dict[int, int] = {}
    quoted: dict[int, int] = {}  # sentence → the speaker of reported speech in it
    links: list[tuple[int, int, str]] = []
    affiliations: list[tuple[int, int]] = []
    for rel in relations:
        subj = _mention_for(index, rel.subject)
        obj = _mention_for(index, rel.object, whole=rel.predicate in DESCRIPTION_PREDICATES)
        speaker = _mention_for(index, rel.attribution)
        place = _mention_for(index, rel.place)
        if speaker is not None:  # "we" and "I" in reported speech are its speaker
            quoted.setdefault(speaker.sentence, speaker.id)
            for m in (subj, obj):
                if m is not None and m.is_pronoun and m.text in SPEAKER_PRONOUNS:
                    speakers[m.id] = speaker.id
        arg_mentions.append((subj, obj, speaker, place))
        if rel.pattern in AFFILIATION_PATTERNS and subj is not None and obj is not None:
            affiliations.append((subj.id, obj.id))  # "Acme spokesman John Smith": a quoted "we" of his is Acme
        if rel.pattern in NAMING_PATTERNS and subj is not None and obj is not None and obj.label == "CONCEPT" \
                and subj.label not in ("CONCEPT", "PRONOUN") and description_fits(index.table, subj, obj):
            links.append((subj.id, obj.id, rel.pattern))  # the title or description is another name of it
        elif rel.pattern == "copula" and rel.predicate == "be" and subj is not None and obj is not None \
                and subj.label == "PERSON" and is_role(index.table, obj):
            links.append((subj.id, obj.id, "copula-role"))  # "Rishi Sunak is the prime minister": his title
    defined = _defined_descriptions(index.table, relations, arg_mentions)
    links += _definition_links(index, defined)
    narrated = index.narration_counts()
    for m in index.mentions:  # every quoted "I" of a sentence whose speech is attributed, not only arguments
        if m.is_pronoun and m.in_quote and m.text in SPEAKER_PRONOUNS and m.id not in speakers:
            speaker = _speaker_of_sentence(m.sentence, quoted, narrated)
            if speaker is not None:
                speakers[m.id] = speaker
    clusters = resolve_mentions(index, speakers, links, affiliations)
    entities, keys = _entities(document, index, clusters, {subj.id for subj, _ in defined.values()})
    entities = _works_by_copula(defined, entities, keys)
    statements = []
    model = shipped_model() if trust else None
    mentions_of = Counter(keys)
    for rel, (subj, obj, speaker, place) in zip(relations, arg_mentions):
        if rel.pattern in GRAPH_SKIP_PATTERNS or subj is None or obj is None:
            continue
        if not _defines(rel, subj, obj):  # "X is a film starring Y": what the film does, X does
            subj, obj = defined.get(subj.head, (subj,))[0], defined.get(obj.head, (obj,))[0]
        s, o = keys[subj.id], keys[obj.id]
        if s is not None and s == o and _defines(rel, subj, obj):  # what the copula says it is stays an is-a
            o = _description_of(entities, s, obj)
        if s is None or o is None or s == o:
            continue
        if rel.predicate in DESCRIPTION_PREDICATES and entities[o].type != "Concept":
            continue  # "Dushanbe, Tajikistan": two names side by side are not an is-a
        if _idiom(index.table, rel):
            continue
        if entities[s].type in VALUE_TYPES or (entities[o].type == "Date" and property_of(rel.predicate) is None):
            continue  # "Nearly two-thirds offshore ...", "June this year expects ...": a value is never the
            # subject, and a date is when a statement holds (its time), not what it is about
        sentence, sentence_start, sentence_end = index.sentence_text(rel.sentence_start)
        confidence = rel.confidence
        features = None
        if model is not None or features_out is not None:
            features = _trust_features(index, rel, subj, obj, entities[s], entities[o], speaker is not None, sentence,
                                       mentions_of[s], mentions_of[o])
            if model is not None:
                confidence = round(model.probability(features), 3)
        if confidence < min_confidence:
            continue
        statements.append(Statement(
            subject=s, predicate=rel.predicate, object=o,
            sentence=sentence, sentence_start=sentence_start, sentence_end=sentence_end,
            relation_text=rel.relation_text, subject_text=rel.subject.text if rel.subject else "",
            object_text=rel.object.text if rel.object else "", confidence=confidence, pattern=rel.pattern,
            negated=rel.negated, modality=rel.modality,
            attributed_to=keys[speaker.id] if speaker is not None else None,
            attribution=rel.attribution_text, time=rel.time.text if rel.time is not None else None,
            place=keys[place.id] if place is not None else None,
        ))
        if features_out is not None:
            features_out.append((statements[-1], features))
    merges = _merges(index, clusters, keys)
    used = {k for st in statements for k in (st.subject, st.object, st.attributed_to, st.place) if k}
    named = {k for k, e in entities.items() if e.type != "Concept"}
    keep = used | named
    return ResolvedDocument(
        document=document,
        entities={k: e for k, e in entities.items() if k in keep},
        statements=statements,
        merges=[m for m in merges if m.entity in keep],
        sentences=len(index.sents),
        words=int(index.content.sum()),
    )


def is_title_case(text: str) -> bool:
    """True for words all capitalised, as a title NER did not tag is written ("Jaws", "Animal Farm")."""
    return text[:1].isupper() and all(w[:1].isupper() or not w.isalpha() for w in text.split())


def _defines(rel: Relation, subj: Mention, obj: Mention) -> bool:
    """True for an affirmed copula whose complement describes a thing its subject names: "Heat is a 1995
    crime film", "It is a town on the Danube" (not "The problem is a lack of funds": a concept is no name)."""
    return rel.pattern == "copula" and rel.predicate == "be" and not rel.negated and rel.modality is None \
        and obj.label == "CONCEPT" and subj.label not in VALUE_LABELS \
        and (subj.label != "CONCEPT" or is_title_case(subj.text))


def _defined_descriptions(
    tt: TokenTable, relations: list[Relation], arg_mentions: list[tuple[Mention | None, ...]]
) -> dict[int, tuple[Mention, str]]:
    """The head token of each description a copula defines its subject by, with that subject's mention and
    the description's head lemma: in "Heat is a 1995 film directed by Michael Mann", the film's
    director is Heat's."""
    defined: dict[int, tuple[Mention, str]] = {}
    for rel, (subj, obj, *_) in zip(relations, arg_mentions):
        if subj is not None and obj is not None and _defines(rel, subj, obj):
            defined.setdefault(obj.head, (subj, tt.lemma_[obj.head].lower()))
    return defined


def _description_of(entities: dict[str, Entity], key: str, description: Mention) -> str:
    """The key of a description node for what a copula says entity ``key`` is, added to ``entities``: the
    description joined the entity (later "the film" is Heat), and "Heat is a 1995 crime film" stays a
    statement. The node has no mentions of its own: its words are a mention of the entity."""
    n = sum(1 for k in entities if k.startswith(f"{key}:is-a"))
    described = f"{key}:is-a{n}"
    entities[described] = Entity(key=described, type="Concept", name=description.text, names=set(),
                                 ner_label="NOUN_CHUNK", mentions=1, spans=[])
    return described


def _definition_links(index: MentionIndex, defined: dict[int, tuple[Mention, str]]) -> list[tuple[int, int, str]]:
    """Coreference links from each name a copula defines to every mention of its description (the whole
    description and the shorter ones other statements take): "Heat is a 1995 film ... The film stars Al
    Pacino": the film is Heat. Not for a pronoun, nor for a description that cannot name it."""
    links = []
    for m in index.mentions:
        subj = defined.get(m.head, (None,))[0] if m.label == "CONCEPT" else None
        if subj is not None and not subj.is_pronoun and description_fits(index.table, subj, m, copula=True):
            links.append((subj.id, m.id, "copula-definition"))
    return links


def _works_by_copula(
    defined: dict[int, tuple[Mention, str]], entities: dict[str, Entity], keys: list[str | None]
) -> dict[str, Entity]:
    """The entities with every name a copula defines as a creative work ("Heat is a 1995 crime film",
    "Load is the fifth album by Metallica") typed CreativeWork, whatever NER took it for."""
    works = {keys[subj.id] for subj, lemma in defined.values() if lemma in CREATIVE_WORK_NOUNS}
    works = {k for k in works if k is not None and (entities[k].type in RETYPED_AS_WORK or is_title_case(entities[k].name))}
    if not works:
        return entities
    return {k: replace(e, type="CreativeWork") if k in works else e for k, e in entities.items()}


def _entities(
    document: Document, index: MentionIndex, clusters: Clusters, defined: set[int] = frozenset()
) -> tuple[dict[str, Entity], list[str | None]]:
    """The entities of the clusters, by key, and the key of each mention's entity (None for a pronoun that
    resolved to nothing). ``defined``: mentions a copula defines, whose name beats their descriptions'."""
    find = clusters.find
    roots = [find(m.id) for m in index.mentions]
    members: dict[int, list[Mention]] = {}
    for m, root in zip(index.mentions, roots):
        # mentions come in id order and a root is its cluster's lowest id: roots come in order, first
        if root == m.id:
            members[root] = [m]
        else:
            members[root].append(m)
    entities: dict[str, Entity] = {}
    key_of: dict[int, str] = {}
    for root, group in members.items():
        if len(group) == 1:  # most clusters: one mention, its own name and label
            if group[0].is_pronoun:
                continue
            label, canonical, names = group[0].label, group[0].text, set()
        else:
            named = [m for m in group if not m.is_pronoun]
            if not named:
                continue  # a pronoun with no antecedent is dropped, never a node
            label, canonical = _label_and_name(named, defined)
            names = {m.text for m in named if m.text != canonical}
        key = f"e{len(entities)}"
        entities[key] = Entity(
            key=key, type=NER_CLASSES.get(label, "Concept"), name=canonical,
            names=names, ner_label=label if label != "CONCEPT" else "NOUN_CHUNK",
            mentions=len(group), spans=mention_spans(index.table, group),
        )
        key_of[root] = key
    return entities, [key_of.get(root) for root in roots]


def _label_and_name(named: list[Mention], defined: set[int] = frozenset()) -> tuple[str, str]:
    """The label of a cluster of named mentions (its most frequent NER label) and its canonical name."""
    if len(named) == 1:  # a name and the pronouns that refer to it: its own label and name
        return named[0].label, named[0].text
    labels = Counter(m.label for m in named if m.label != "CONCEPT")
    label = max(labels, key=lambda l: (labels[l], -LABEL_PRIORITY.index(l) if l in LABEL_PRIORITY else -99)) if labels else "CONCEPT"
    if label == "CONCEPT":  # "Heat is a 1995 film": the film's name is Heat, not its description
        proper = [m.text for m in named if m.id in defined] or [m.text for m in named]
    else:
        proper = [m.text for m in named if m.label == label] or [m.text for m in named]
    # canonical: the longest proper name (people, places) — full names beat surnames
    counts = Counter(proper)
    if label in ("PERSON", "CONCEPT"):
        canonical = max(proper, key=lambda n: (len(n.split()), len(n), counts[n]))
    else:
        canonical = max(proper, key=lambda n: (counts[n], len(n)))
    return label, canonical


def _merges(index: MentionIndex, clusters: Clusters, keys: list[str | None]) -> list[Merge]:
    """The merges that made each entity, with their rules (``keys``: the entity key of each mention)."""
    merges = []
    mentions = index.mentions
    for mention_id, (parts, rule) in index.repairs.items():
        key = keys[mention_id]
        if key is not None:  # NER fragments joined into one name: "Echo" + "Moscow" → "Echo of Moscow"
            merges.append(Merge(entity=key, names=(mentions[mention_id].text, *parts), rule=f"span-{rule}"))
    for a, b, rule in clusters.evidence:
        key = keys[a]
        if key is not None:
            merges.append(Merge(entity=key, names=(mentions[a].text, mentions[b].text), rule=rule))
    return merges
