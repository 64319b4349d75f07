"""Coreference within a document: which mentions are one entity.

Rules, applied in order of reliability, each recorded as the merge's evidence:
same-name, partial-name, short-name, company-name, acronym, also-known-as,
apposition, title, description, definite-description, role, pronoun (the
short-name and role rules live in ``kgbuild.resolve.aliases``). Mentions are merged with a union-find;
a rule never merges two named entities of clashing types.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from kgbuild.names import HONORIFICS, normalize
from kgbuild.resolve import aliases
from kgbuild.resolve.aliases import COMPANY_SUFFIXES, abbreviates
from kgbuild.resolve.mentions import PRONOUNS, Mention, MentionIndex
from kgbuild.resolve.tokens import TokenTable

PERSON = "PERSON"
TYPE_GROUPS = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "group"}
#: Head nouns that name the kind of organisation, not which one: "intelligence agency" ≈ "intelligence service".
GENERIC_ORG_HEADS = frozenset({"agency", "service", "services", "organization", "organisation", "body", "unit", "apparatus", "directorate", "establishment"})
#: Definite descriptions that refer back to the last named entity of a kind.
DESCRIPTION_TYPES = {
    "group": ("ORG",), "network": ("ORG",), "organization": ("ORG",), "organisation": ("ORG",),
    "company": ("ORG",), "firm": ("ORG",), "party": ("ORG",), "agency": ("ORG",),
    "club": ("ORG",), "team": ("ORG",), "bank": ("ORG",), "corporation": ("ORG",), "channel": ("ORG",),
    "broadcaster": ("ORG",),
    "country": ("GPE",), "nation": ("GPE",), "city": ("GPE",), "state": ("GPE",), "capital": ("GPE",),
}
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
#: Descriptions that may refer back to a news source ("told BT Sport ... told the channel"); others may not.
MEDIA_KINDS = frozenset({"channel", "broadcaster", "network"})
DEFINITE = frozenset({"the", "that", "this", "these", "those"})
HONORIFIC_GENDER = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "sir": "m", "lady": "f"}
SPEAKER_PRONOUNS = frozenset(p for p, (g, _) in PRONOUNS.items() if g == "speaker")


_NOT_LABELS = frozenset({"CONCEPT", "PRONOUN"})


class Clusters:
    """Union-find over mention ids, with the evidence of every merge."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.parent = list(range(len(mentions)))
        self.mentions = mentions
        self.evidence: list[tuple[int, int, str]] = []
        # members of every merged cluster by root (singletons are implicit): labels() without a scan of all mentions
        self._members: dict[int, list[int]] = {}
        # labels() and person_names() by root, kept up to date by union(): the rules ask for them again and again.
        # (Mention labels do not change once clustering has begun; _repair_person_labels runs before.)
        self._labels: dict[int, frozenset[str]] = {}
        self._person_names: dict[int, list[set[str]]] = {}

    def find(self, i: int) -> int:
        parent = self.parent
        if len(parent) < len(self.mentions):  # rules may add mentions (the noun before "also known as"): grow
            parent.extend(range(len(parent), len(self.mentions)))
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def labels(self, i: int) -> frozenset[str]:
        """The NER labels of the cluster of mention ``i`` (CONCEPT and PRONOUN left out)."""
        root = self.find(i)
        labels = self._labels.get(root)
        if labels is None:
            members = self._members.get(root, (root,))
            labels = self._labels[root] = frozenset(self.mentions[j].label for j in members) - _NOT_LABELS
        return labels

    def person_names(self, i: int) -> list[set[str]]:
        """The words of each person name in the cluster of mention ``i`` (honorifics alone left out)."""
        root = self.find(i)
        names = self._person_names.get(root)
        if names is None:
            names = self._person_names[root] = self._names_of(self._members.get(root, (root,)))
        return names

    def _names_of(self, members: Iterable[int]) -> list[set[str]]:
        names = [set(normalize(self.mentions[j].text).split()) for j in members if self.mentions[j].label == PERSON]
        return [n for n in names if n and not n <= HONORIFICS]

    def union(self, a: int, b: int, rule: str, force: bool = False) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        groups = {TYPE_GROUPS.get(l, l) for l in self.labels(a) | self.labels(b)}
        if not force and len(groups) > 1 and not groups <= {"org", "place"}:
            return False  # a person is never an organisation, whatever the rule says
        people_a, people_b = self.person_names(a), self.person_names(b)
        if people_a and people_b and not any(x <= y or y <= x for x in people_a for y in people_b):
            return False  # two people with unrelated names ("the chancellor" between Brown and Letwin)
        labels = self.labels(ra) | self.labels(rb)
        names = people_a + people_b  # in the order of the members below
        for root in (ra, rb):
            self._labels.pop(root, None)
            self._person_names.pop(root, None)
        root = min(ra, rb)
        self.parent[max(ra, rb)] = root
        self._members[root] = self._members.pop(ra, [ra]) + self._members.pop(rb, [rb])
        self._labels[root], self._person_names[root] = labels, names
        self.evidence.append((a, b, rule))
        return True


def resolve_mentions(
    index: MentionIndex, speakers: dict[int, int], links: list[tuple[int, int, str]] | None = None
) -> Clusters:
    """Cluster the mentions of a Doc.

    Parameters
    ----------
    index : MentionIndex
        Every mention of the Doc (named entities, relation arguments), and its token table.
    speakers : dict
        Pronoun mention id → mention id of the speaker of the reported speech it sits in.
    links : list, optional
        (mention id, mention id, rule) pairs the extractor found to be one thing: a name and its
        title or apposition ("Russian President Vladimir Putin", "Clarkson, the presenter").

    Returns
    -------
    Clusters
    """
    mentions = index.mentions
    tt = index.table
    clusters = Clusters(mentions)
    _repair_person_labels(mentions)
    named = [m for m in mentions if m.label not in ("CONCEPT", "PRONOUN")]
    _same_name(clusters, named)
    _partial_names(clusters, named)
    aliases.short_names(clusters, tt, named)
    _company_names(clusters, named)
    aliases.company_prefixes(clusters, named)
    aliases.facility_short_names(clusters, named)
    _acronyms(clusters, tt, named)
    _also_known_as(clusters, index)
    _appositions(clusters, index)
    for a, b, rule in links or ():
        clusters.union(a, b, rule)
    concepts = [m for m in mentions if m.label == "CONCEPT"]
    aliases.titles(clusters, tt, concepts, named)
    aliases.concept_names(clusters, tt, concepts, named)
    aliases.possessions(clusters, tt, mentions)
    _descriptions(clusters, tt, mentions, index.narration_counts())
    aliases.roles(clusters, tt, concepts)
    _pronouns(clusters, tt, mentions, speakers)
    return clusters


def _repair_person_labels(mentions: list[Mention]) -> None:
    """NER often tags a surname alone as ORG or GPE ("Nemtsov", "Clarkson"): when it is the surname of a
    person named in full in the same document, it is that person."""
    surnames = {normalize(m.text).split()[-1] for m in mentions if m.label == PERSON and len(m.text.split()) > 1}
    full = {normalize(m.text) for m in mentions if m.label == PERSON}
    for m in mentions:
        if m.label in (PERSON, "PRONOUN"):
            continue
        key = normalize(m.text)
        if key in full or (len(key.split()) == 1 and key in surnames and m.text[:1].isupper()):
            m.label = PERSON


def _same_name(clusters: Clusters, named: list[Mention]) -> None:
    """Within one article, one spelling is one thing, whatever label NER gave each occurrence."""
    first: dict[str, int] = {}
    for m in named:
        key = normalize(m.text)
        if m.label == "NORP" and key.endswith("s"):
            key = key[:-1]  # "Israelis" and "Israeli"
        if key in first:
            clusters.union(first[key], m.id, "same-name", force=True)
        else:
            first[key] = m.id


def _partial_names(clusters: Clusters, named: list[Mention]) -> None:
    people = [(m, normalize(m.text).split()) for m in named if m.label == PERSON]
    # full names with their first and last words ("Mr Brown" is a surname, not a full name)
    full = [(m, words[0], words[-1]) for m, words in people if len(words) > 1]
    for m, words in people:
        if len(words) != 1:
            continue
        matches = {clusters.find(f.id) for f, first, last in full if words[0] in (last, first)}
        if len(matches) == 1:
            clusters.union(matches.pop(), m.id, "partial-name")
    # a surname-only mention tagged ORG/GPE by NER ("Clinton's trip") is left apart: its type clashes


def _company_names(clusters: Clusters, named: list[Mention]) -> None:
    stems: dict[str, int] = {}
    for m in named:
        words = normalize(m.text).replace(",", " ").split()
        while len(words) > 1 and words[-1] in COMPANY_SUFFIXES:
            words = words[:-1]
        stem = " ".join(words)
        if stem in stems:
            clusters.union(stems[stem], m.id, "company-name", force=True)
        else:
            stems[stem] = m.id


def _initials(text: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", text) if w and w.lower() not in ("of", "the", "and", "for", "&", "de", "e")]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def _acronyms(clusters: Clusters, tt: TokenTable, named: list[Mention]) -> None:
    by_end = {m.end: m for m in named}
    by_initials: dict[str, list[Mention]] | None = None  # names of several words by their initials, made once
    for m in named:
        compact = m.text.replace(".", "")
        # "Lashkar-e-Taiba (LeT)": an acronym in brackets right after a name
        if m.start >= 2 and tt.text[m.start - 1] == "(" and (m.start - 1) in by_end:
            if abbreviates(compact, by_end[m.start - 1].text):  # not a dateline: "Moscow (CNN)"
                clusters.union(by_end[m.start - 1].id, m.id, "acronym")
        if not (2 <= len(compact) <= 6 and compact.upper() == compact and compact.isalpha()):
            continue
        if by_initials is None:
            by_initials = defaultdict(list)
            for other in named:
                if len(other.text.split()) > 1:
                    by_initials[_initials(other.text)].append(other)
        for other in by_initials.get(compact, ()):
            if other.id != m.id:
                clusters.union(other.id, m.id, "acronym")


def _also_known_as(clusters: Clusters, index: MentionIndex) -> None:
    doc, tt = index.doc, index.table
    for i in index.tokens_where(index.lower, {"known", "called", "dubbed", "nicknamed"}):
        token = doc[i]
        as_ = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if token.lower_ == "known" and (as_ is None or as_.lower_ != "as"):
            continue
        if token.tag_ != "VBN" or any(c.dep_ == "nsubj" for c in token.children):
            continue  # "Obama called the ambassador": a phone call, not a name
        target_tok = next((c for c in (as_ or token).subtree if c.dep_ in ("pobj", "oprd", "attr")), None)
        if target_tok is None and as_ is not None and as_.i + 1 < len(doc):
            target_tok = doc[as_.i + 2] if doc[as_.i + 1].lower_ == "the" and as_.i + 2 < len(doc) else doc[as_.i + 1]
        # the named thing: the noun right before ", also known as" (skipping quotes, commas, "also")
        i = token.i - 1
        while i >= 0 and (tt.is_punct[i] or tt.lower[i] in ("also", "is", "are", "was", "were")):
            i -= 1
        if i < 0 or target_tok is None or tt.pos[i] not in ("NOUN", "PROPN"):
            continue
        named = index.for_head(i)
        alias = index.for_head(target_tok.i)
        if named is not None and alias is not None and not alias.is_pronoun and not named.is_pronoun:
            clusters.union(named.id, alias.id, "also-known-as")


def _appositions(clusters: Clusters, index: MentionIndex) -> None:
    tt = index.table
    for i in index.tokens_where(index.dep, {"appos"}):
        head = tt.head[i]
        if tt.pos[head] not in ("NOUN", "PROPN"):
            continue
        a, b = index.for_head(head), index.for_head(i)
        if a is None or b is None or a.is_pronoun or b.is_pronoun:
            continue
        if a.label != "CONCEPT" and b.label != "CONCEPT":
            continue  # "Dushanbe, Tajikistan": two names in apposition are usually two places
        concept, name = (a, b) if a.label == "CONCEPT" else (b, a)
        if name.label != "CONCEPT" and not aliases.description_fits(tt, name, concept):
            continue  # a person is not "leaders", CNN is not "senior legal analyst"
        if {a.label, b.label} & {"PERSON", "ORG"}:
            clusters.union(a.id, b.id, "apposition")


def _reduced(m: Mention) -> str:
    words = normalize(m.text).split()
    if len(words) > 1 and words[-1] in GENERIC_ORG_HEADS:
        words = words[:-1]
    return " ".join(words)


def _descriptions(clusters: Clusters, tt: TokenTable, mentions: list[Mention], narration: list[int]) -> None:
    """Descriptions of one thing: same words, a name's description, "the official" → the earlier official.

    ``narration[i]``: sentences up to sentence i that are not wholly quoted; a long quote between a name
    and the narrator's "the channel" does not put the name out of reach."""
    concepts = [m for m in mentions if m.label == "CONCEPT"]
    keys = [_reduced(m) for m in concepts]
    # a title two people carry ("Prime Minister" Cameron, "Prime Minister" Abe) joins neither to a third use
    holders: dict[str, set[int]] = defaultdict(set)
    for m, key in zip(concepts, keys):
        if PERSON in clusters.labels(m.id):
            holders[key].add(clusters.find(m.id))
    first: dict[str, int] = {}
    for m, key in zip(concepts, keys):
        if len(holders.get(key, ())) > 1:
            continue
        if key in first:
            clusters.union(first[key], m.id, "description")
        else:
            first[key] = m.id
    named = [m for m in mentions if m.label not in ("CONCEPT", "PRONOUN")]
    # "Norland's port authority" is the "Norland Port Authority" named elsewhere in the article
    by_name = {normalize(n.text): n for n in named if len(n.text.split()) > 1}
    for m in concepts:
        match = by_name.get(normalize(m.text.replace("'s ", " ")))
        if match is not None:
            clusters.union(match.id, m.id, "description")
    _definite_descriptions(clusters, tt, concepts, named, narration)


def _definite_descriptions(clusters: Clusters, tt: TokenTable, concepts: list[Mention], named: list[Mention],
                           narration: list[int]) -> None:
    """ "the official" → the earlier official; "the club" → the last club named (see ``_descriptions``)."""
    lemma, lower = tt.lemma, tt.lower
    # concepts by head lemma, in order: the earlier mentions "the official" may refer to
    by_lemma: dict[str, list[Mention]] = defaultdict(list)
    for c in concepts:
        by_lemma[lemma[c.head]].append(c)
    words: dict[int, set[str]] = {}  # concept id → its words, made once
    roles: dict[int, frozenset[str]] = {}  # concept id → the words of its role (aliases.role_of)

    def role(c: Mention) -> frozenset[str]:
        if c.id not in roles:
            roles[c.id] = aliases.role_of(tt, c)[1]
        return roles[c.id]

    for m in concepts:
        determiner = lower[m.start - 1] if m.start > 0 else ""
        head = m.head
        if determiner not in DEFINITE and not any(tt.dep[c] == "det" and lower[c] in DEFINITE for c in tt.children(head)):
            continue
        modifiers = {lower[t] for t in range(m.start, m.end) if t != head and tt.pos[t] != "DET"}
        # "the official" → the last earlier official with the same or more modifiers
        plural = tt.tag[head] in PLURAL_TAGS
        earlier = [c for c in by_lemma[lemma[head]] if c.start < m.start and c.id != m.id
                   and (tt.tag[c.head] in PLURAL_TAGS) == plural]  # "the diplomat" is not "the embassy's diplomats"
        for c in earlier:
            if c.id not in words:
                words[c.id] = set(lower[c.start:c.end])
        earlier = [c for c in earlier if modifiers <= words[c.id]]
        # a person's title must be this role, not a kind of it: "the chancellor" is no "shadow chancellor"
        earlier = [c for c in earlier if PERSON not in clusters.labels(c.id) or role(c) == role(m)]
        if len({clusters.find(c.id) for c in earlier}) > 1 and any(clusters.person_names(c.id) for c in earlier):
            continue  # "the chancellor" when two people have been called chancellor: leave it
        if earlier:
            clusters.union(earlier[-1].id, m.id, "definite-description")
            continue
        kinds = DESCRIPTION_TYPES.get(lemma[head].lower()) if not modifiers else None
        if kinds:
            # not a name inside a compound ("former Liverpool player"), not the news source ("told CNN");
            # the narrator's "the channel" refers back to the narrator's names, not a quote's
            media = lemma[head].lower() in MEDIA_KINDS
            candidates = [n for n in named if n.label in kinds and n.start < m.start and tt.dep[n.head] != "compound"
                          and (media or not aliases.is_source(tt, n))]
            if m.in_quote:
                candidates = [n for n in candidates if m.sentence - n.sentence <= 4]
            else:
                candidates = [n for n in candidates if not n.in_quote and narration[m.sentence] - narration[n.sentence] <= 4]
            if kinds == ("GPE",) and len({clusters.find(n.id) for n in candidates}) > 1:
                continue  # "the country" among Los Angeles, Mexico and Yemen: which one needs a gazetteer
            if candidates:
                clusters.union(candidates[-1].id, m.id, "definite-description")


def _pronouns(clusters: Clusters, tt: TokenTable, mentions: list[Mention], speakers: dict[int, int]) -> None:
    gender: dict[int, str] = {}
    for m in mentions:
        if m.label == PERSON and m.start > 0 and tt.lower[m.start - 1] in HONORIFIC_GENDER:
            gender[clusters.find(m.id)] = HONORIFIC_GENDER[tt.lower[m.start - 1]]
    ordered = sorted(mentions, key=lambda m: m.start)
    for position, m in enumerate(ordered):
        if not m.is_pronoun:
            continue
        g, number = PRONOUNS[m.text]
        if m.text == "it" and tt.lemma[tt.head[m.head]] == "be" and tt.dep[m.head] in ("nsubj", "expl"):
            continue  # "it was one meeting": an event or a dummy subject, not a thing named before
        if g == "speaker":
            if m.id in speakers:
                clusters.union(speakers[m.id], m.id, "pronoun")
            continue
        for candidate in reversed(ordered[:position]):
            if m.sentence - candidate.sentence > 2:
                break
            if candidate.is_pronoun and candidate.text in PRONOUNS and PRONOUNS[candidate.text][0] == g and clusters.find(candidate.id) != candidate.id:
                clusters.union(candidate.id, m.id, "pronoun")  # chains: "she ... she"
                break
            if _agrees(candidate, g, number, tt, clusters, gender):
                if g in ("m", "f"):
                    gender.setdefault(clusters.find(candidate.id), g)
                clusters.union(candidate.id, m.id, "pronoun")
                break


def _agrees(candidate: Mention, g: str, number: str, tt: TokenTable, clusters: Clusters, gender: dict[int, str]) -> bool:
    if candidate.is_pronoun or tt.dep[candidate.head] == "compound":
        return False  # "Haqqani" in "the Haqqani network" names the network, not a referent
    labels = clusters.labels(candidate.id) or {candidate.label}
    if g in ("m", "f"):
        known = gender.get(clusters.find(candidate.id))
        return PERSON in labels and (known is None or known == g)
    if PERSON in labels:
        return False
    plural = tt.tag[candidate.head] in ("NNS", "NNPS") or candidate.label == "NORP"
    if g == "n":
        # "it" is resolved only to an organisation or place that was a subject: safer to drop than to guess
        return not plural and bool(labels & {"ORG", "GPE"}) and tt.dep[candidate.head] in ("nsubj", "nsubjpass")
    return plural
