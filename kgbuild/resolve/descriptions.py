"""Coreference rules for descriptions (used by ``kgbuild.resolve.coref``).

- ``description``: two concept mentions with the same words are one thing
  (unless two people carry that title, the later one is indefinite or in apposition to
  another person's name, or a possessive pronoun sets one apart: "their country"), and
  "Norland's port authority" is the "Norland Port Authority" named elsewhere;
- ``apposition``: "the company Hitwise UK" is Hitwise UK;
- ``age``: "the 28-year-old" is the one person given that age ("del Potro, 28,");
- ``definite-description``: "the official" is the last earlier official with
  the same or more modifiers; "the club" or "the country" is the last
  organisation or place named shortly before; "the actress" or "the boy" the one
  person named shortly before (not "the suspect" or "the man": ``PERSON_DESCRIPTIONS``).
"""

from __future__ import annotations

import re
from collections import defaultdict

from kgbuild.extract.patterns.typed import countries, regions
from kgbuild.lexicon import LEGAL_SUFFIXES
from kgbuild.names import normalize
from kgbuild.parse.tokens import TokenTable
from kgbuild.resolve import aliases
from kgbuild.resolve.clusters import PERSON, Clusters
from kgbuild.resolve.mentions import Mention
from kgbuild.resolve.tags import APPOS, COMPOUND, DET, PLURAL_NOUNS, POSSESSIVE_PRONOUN

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
#: Descriptions of a person that are neither a role (``aliases.roles``) nor a relative ("the father"); not
#: a part in an event ("the suspect", "the victim", "the man": the article's other, unnamed person).
PERSON_DESCRIPTIONS = frozenset("boy girl teenager teen player singer actor actress star driver pilot".split())
#: The kinds of place a place's description may refer to: "the country" is a country, "the city" neither a
#: country nor a first-level region ("the state" may be either: a U.S. state, or a country's government).
PLACE_KINDS = {"country": {"country"}, "nation": {"country"}, "city": {"other"}, "capital": {"other"},
               "state": {"country", "region"}}
#: Descriptions that may refer back to a news source ("told BT Sport ... told the channel"); others may not.
MEDIA_KINDS = frozenset({"channel", "broadcaster", "network"})
DEFINITE = frozenset({"the", "that", "this", "these", "those"})


def _reduced(m: Mention) -> str:
    """The normal form of a concept without a generic last word: "intelligence agency" → "intelligence"."""
    key = normalize(m.text)  # single-spaced: the last word is after the last space
    rest, _, last = key.rpartition(" ")
    return rest if rest and last in GENERIC_ORG_HEADS else key


def descriptions(clusters: Clusters, tt: TokenTable, mentions: list[Mention], narration: list[int]) -> None:
    """Descriptions of one thing: same words, a name's description, "the official" → the earlier official.

    Parameters
    ----------
    clusters : Clusters
        The clusters so far; merged in place.
    tt : TokenTable
        The Doc's token table.
    mentions : list of Mention
        Every mention of the Doc.
    narration : list of int
        ``narration[i]``: sentences up to sentence i that are not wholly quoted; a long quote between
        a name and the narrator's "the channel" does not put the name out of reach.
    """
    concepts = [m for m in mentions if m.label == "CONCEPT"]
    # a possessive pronoun anchors a description to its possessor: "their country" is not "the country"
    keys = [_reduced(m) + _possessor_word(tt, m) for m in concepts]
    # a title two people carry ("Prime Minister" Cameron, "Prime Minister" Abe) joins neither to a third use
    holders: dict[str, set[int]] = defaultdict(set)
    for m, key in zip(concepts, keys):
        if PERSON in clusters.labels(m.id):
            holders[key].add(clusters.find(m.id))
    first: dict[str, int] = {}
    people_at = {n.start: n for n in mentions if n.label == PERSON}
    for m, key in zip(concepts, keys):
        if len(holders.get(key, ())) > 1:
            continue
        if key in first:
            if PERSON in clusters.labels(first[key]) | clusters.labels(m.id) and _new_referent(tt, clusters, m, first[key], people_at):
                continue  # "cosplayer Jessica Anderson" ... "a cosplayer"; "Co-founder of Google, Sergey Brin"
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
    lemma, lower = tt.lemma_, tt.lower_
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

    named_at = {n.start: n for n in named}
    heads = [(name_head(tt, n), n) for n in named if n.label in HEAD_MATCH_LABELS]
    for m in concepts:
        determiner = lower[m.start - 1] if m.start > 0 else ""
        head = m.head
        if determiner not in DEFINITE and not any(tt.dep[c] == DET and lower[c] in DEFINITE for c in tt.children(head)):
            continue
        after = named_at.get(m.end)
        if after is not None and after.label == PERSON:
            continue  # "the actor Sreenivasan": a title of the name after it, not the actor named before
        modifiers = {lower[t] for t in range(m.start, m.end) if t != head and tt.pos_[t] != "DET"}
        # "the official" → the last earlier official with the same or more modifiers
        plural = tt.tag[head] in PLURAL_NOUNS
        earlier = [c for c in by_lemma[lemma[head]] if c.start < m.start and c.id != m.id
                   and (tt.tag[c.head] in PLURAL_NOUNS) == plural]  # "the diplomat" is not "the embassy's diplomats"
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
        named_one = _named_by_head(tt, clusters, m, modifiers, named, heads)
        if named_one is not None:
            clusters.union(named_one.id, m.id, "head-match")  # "the festival": the Taipei Lantern Festival
            continue
        if not modifiers and lemma[head].lower() in EVENT_DESCRIPTIONS:
            event = _the_event(tt, clusters, m, named)
            if event is not None:
                clusters.union(event.id, m.id, "definite-description")  # "the contest": the one named event
            continue
        kinds = DESCRIPTION_TYPES.get(lemma[head].lower()) if not modifiers else None
        if kinds is None and lemma[head].lower() in PERSON_DESCRIPTIONS and not plural:
            kinds = (PERSON,)  # "the boy", "the actress": the one person named shortly before
        following = named_at.get(m.end) if kinds else None
        if following is not None and following.label in kinds:
            clusters.union(following.id, m.id, "apposition")  # "the company Hitwise UK", "the country Mali"
            continue
        if kinds:
            kind = _named_of_kind(tt, clusters, m, named, narration, kinds)
            if kind is not None:
                clusters.union(kind.id, m.id, "definite-description")


#: Labels of the names a description may name by their head noun (never a person's: "the smith").
HEAD_MATCH_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "NORP"})
#: Head nouns of names that say little alone: "the state" is rarely Islamic State, "the house" the White
#: House, "the post" the Washington Post; a company named for its trade ("Jupiter Research", "Fox News") is
#: not "the research".
WEAK_NAME_HEADS = frozenset({"state", "states", "house", "post", "times", "street", "world", "people", "news", "time",
                             "day", "year", "one", "man", "city", "island", "islands", "group", "show", "star",
                             "research", "security", "energy", "health", "media", "entertainment", "technology",
                             "capital", "finance", "power", "music", "sport", "software", "insurance", "management"})


def name_head(tt: TokenTable, n: Mention) -> str:
    """The lemma of a name's syntactic head ("University of Texas" → "university", "the Chiang Kai Shek
    Memorial near downtown Taipei" → "memorial"), but a legal suffix's noun before it ("Bank fuer
    Gemeinwirtschaft AG"); "" for a one-word name (a name is no description of itself).

    Example
    -------
    >>> from kgbuild.parse.load import load_model
    >>> from kgbuild.parse.tokens import TokenTable
    >>> tt = TokenTable(load_model()("He left the University of Texas."))
    >>> name_head(tt, Mention(0, 2, 6, "University of Texas", "ORG", 3, 0))
    'university'
    """
    words = [t for t in range(n.start, n.end) if not tt.is_punct[t] and tt.pos_[t] != "DET"]
    if len(words) < 2:
        return ""
    head = n.head
    if tt.lower_[head] in LEGAL_SUFFIXES and head - 1 in words:
        head -= 1
    return tt.lemma_[head].lower()


def _named_by_head(tt: TokenTable, clusters: Clusters, m: Mention, modifiers: set[str], named: list[Mention],
                   heads: list[tuple[str, Mention]]) -> Mention | None:
    """The one earlier name whose head noun is this definite description's ("the festival" after "the Taipei
    Lantern Festival", "the bank" after "Bank fuer Gemeinwirtschaft"), its other words among the name's;
    None when no name, or names of two entities, fit."""
    head = tt.lemma_[m.head].lower()
    if head in WEAK_NAME_HEADS or tt.tag[m.head] in PLURAL_NOUNS or not tt.text[m.head].islower():
        return None
    fits = [n for h, n in heads if h == head and n.start < m.start
            and modifiers <= {tt.lower_[t] for t in range(n.start, n.end)}]
    if len({clusters.find(n.id) for n in fits}) != 1:
        return None
    return fits[-1]


#: Descriptions of an event ("the event", "the contest"), and the head nouns of events' names.
EVENT_DESCRIPTIONS = frozenset({"event", "competition", "contest", "tournament", "championship", "festival",
                                "convention", "conference", "summit", "race"})
EVENT_HEADS = frozenset({"festival", "olympics", "championship", "championships", "cup", "games", "expo", "fair",
                         "convention", "conference", "summit", "tournament", "competition", "contest", "race",
                         "marathon", "open", "prix", "awards", "congress", "forum", "week", "show"})


def _named_of_kind(tt: TokenTable, clusters: Clusters, m: Mention, named: list[Mention], narration: list[int],
                   kinds: tuple[str, ...]) -> Mention | None:
    """The one name of the description's kind ("the club", "the country") named shortly before it, or None."""
    word = tt.lemma_[m.head].lower()
    # not a name inside a compound ("former Liverpool player"), not the news source ("told CNN");
    # the narrator's "the channel" refers back to the narrator's names, not a quote's
    media = word in MEDIA_KINDS
    candidates = [n for n in named if n.label in kinds and n.start < m.start and tt.dep[n.head] != COMPOUND
                  and (media or not aliases.is_source(tt, n)) and not _dateline(tt, n)]
    place_kind = PLACE_KINDS.get(word)
    if place_kind is not None:  # "the country" is no city, "the city" no country
        candidates = [n for n in candidates if _place_kind(n.text) in place_kind]
    if m.in_quote:
        candidates = [n for n in candidates if m.sentence - n.sentence <= 4]
    else:
        candidates = [n for n in candidates if not n.in_quote and narration[m.sentence] - narration[n.sentence] <= 4]
    if place_kind == {"country"}:  # "the nation": the article's one country, wherever it was named
        named_before = {clusters.find(n.id) for n in named if n.start < m.start and n.label in kinds
                        and _place_kind(n.text) == "country"}
        if len(named_before) > 1:
            return None
    if len({clusters.find(n.id) for n in candidates}) != 1:
        return None  # "the country" among Mexico and Yemen, "the company" among two firms: only when exactly
        # one fits is it known which (the last named is often not: a quote's, a comparison's)
    return candidates[-1]


def _the_event(tt: TokenTable, clusters: Clusters, m: Mention, named: list[Mention]) -> Mention | None:
    """The one event named before "the event" or "the contest": a name NER tagged an event, or one whose
    head says it is one ("Fan Expo Canada", "the FIRST Global Challenge Robot Olympics"); None when none
    or two are."""
    events = [n for n in named if n.start < m.start and n.label in HEAD_MATCH_LABELS
              and (n.label == "EVENT" or tt.lemma_[n.head].lower() in EVENT_HEADS or tt.lower_[n.head] in EVENT_HEADS)]
    if len({clusters.find(n.id) for n in events}) != 1:
        return None
    return events[-1]


def _place_kind(name: str) -> str:
    """ "country", "region" (a first-level region: "Kentucky", "Ontario") or "other" (a city, a district)."""
    key = " ".join(name.lower().split()).removeprefix("the ")
    if key in countries():
        return "country"
    return "region" if key in regions() else "other"


def _possessor_word(tt: TokenTable, m: Mention) -> str:
    """ " /their" when a possessive pronoun determines the description ("their country"), else ""."""
    for t in range(max(m.start - 1, 0), m.head):
        if tt.tag[t] == POSSESSIVE_PRONOUN:
            return " /" + tt.lower_[t]
    return ""


def _new_referent(tt: TokenTable, clusters: Clusters, m: Mention, earlier: int, people_at: dict[int, Mention]) -> bool:
    """Whether a description names someone other than the person an identical earlier description is of: an
    indefinite one introduces a new referent ("a cosplayer"), and one in apposition to another person's
    name is that person's ("Co-founder of Google, Sergey Brin")."""
    if m.start > 0 and tt.lower_[m.start - 1] in ("a", "an"):
        return True
    related = [c for c in tt.children(m.head) if tt.dep[c] == APPOS]
    if tt.dep[m.head] == APPOS:
        related.append(tt.head[m.head])
    after = m.end + 1 if m.end < tt.n and tt.text[m.end] == "," else m.end
    people = [people_at[after]] if after in people_at else []
    people += [p for p in people_at.values() if p.head in related]
    return any(clusters.find(p.id) != clusters.find(earlier) for p in people)


def _dateline(tt: TokenTable, m: Mention) -> bool:
    """A dateline's place ("TOKYO, March 3 -"): a city in capitals at the head of the text, never "the country"."""
    return m.start <= 2 and m.text.isupper() and len(m.text) > 3


_AGE = re.compile(r"^(\d{1,3})-year-old$")


def ages(clusters: Clusters, tt: TokenTable, mentions: list[Mention]) -> None:
    """ "The 28-year-old" is the one person of the article given that age: "Juan Martin del Potro, 28," or
    "28-year-old del Potro"; never when two people are that old, or none is.

    The age right before a name ("28-year-old del Potro") is that person's too. Ages are no dates:
    "28" in "del Potro, 28," and an "N-year-old" nobody fits are descriptions, not date nodes.
    """
    by_start = {m.start: m for m in mentions if m.label == PERSON}
    by_end = {m.end: m for m in mentions if m.label == PERSON}
    holders: dict[str, set[int]] = defaultdict(set)
    described: list[tuple[Mention, str]] = []
    for m in mentions:
        if m.label not in ("DATE", "CARDINAL"):
            continue
        match = _AGE.match(m.text.replace(" ", ""))
        if match is not None:
            clusters.relabel(m.id, "CONCEPT")  # an age is no date: "the 28-year-old" is a description
            person = by_start.get(m.end)
            if person is not None:  # "28-year-old del Potro"
                holders[match.group(1)].add(clusters.find(person.id))
                clusters.union(person.id, m.id, "age")
            elif m.start > 0 and tt.lower_[m.start - 1] == "the" or tt.lower_[m.start] == "the":
                described.append((m, match.group(1)))
        elif m.text.isdigit() and m.start >= 2 and tt.text[m.start - 1] == "," and m.end < tt.n \
                and tt.text[m.end] in (",", ")") and (m.start - 1) in by_end:
            holders[m.text].add(clusters.find(by_end[m.start - 1].id))  # "Juan Martin del Potro, 28,"
            clusters.relabel(m.id, "CONCEPT")  # an age, not a date: no node of its own unless a relation needs it
    for m, age in described:
        fits = {clusters.find(r) for r in holders.get(age, ())}
        if len(fits) == 1:
            clusters.union(fits.pop(), m.id, "age")
