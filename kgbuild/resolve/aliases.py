"""Coreference rules for short names and role descriptions (used by ``kgbuild.resolve.coref``).

Each rule merges only when its answer is unique in the document, and records
its name as the merge's evidence:

- ``short-name``: "State" or "Department" is the "State Department", "Cisse" is
  "Papiss Cisse", "Al-Ghani" is "the Al-Ghani oil field" — when exactly one
  longer name in the article fits;
- ``company-name``: "Showa Shell" is "Showa Shell Sekiyu KK" (the longer name
  only adds words and a company suffix);
- ``same-name``: a proper-noun phrase NER missed ("recognise Cyprus") is the
  entity NER found under that name; "the American people" is "American";
- ``title``: a role description right before a person's name ("India's
  external affairs spokesman Syed Akbaruddin") is that person;
- ``possessor``: "Mr Baume's union" is "the top civil servants' union" that
  "Jonathan Baume, of the top civil servants' union" was said to belong to;
- ``role``: a role description alone ("Turkey's foreign minister") is the one
  person of the article who carries that role as a title ("Foreign Minister
  Mevlut Cavusoglu"), never when two people do.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.strings import get_string_id

from kgbuild.lexicon import TITLE_PREFIXES, TYPE_GROUPS
from kgbuild.names import normalize
from kgbuild.parse.tokens import TokenTable, ids
from kgbuild.resolve.clusters import Clusters
from kgbuild.resolve.entity_spans import ORG_HEADS
from kgbuild.resolve.mentions import Mention
from kgbuild.resolve.tags import APPOS, PLURAL_NOUNS, POBJ, POSS, POSSESSIVE, SINGULAR_NOUN, SUBJECTS

PERSON = "PERSON"
PROPER_NOUN = get_string_id("NNP")
#: Words that only say a name is a company's: "Nippon Oil Co Ltd" is "Nippon Oil".
COMPANY_SUFFIXES = frozenset("co co. ltd ltd. inc inc. corp corp. corporation kk plc sa ag nv bv gmbh llc lp spa "
                             "group holdings company cos cos. limited".split())
#: Nouns that name a person's role: "the presenter", "Turkey's foreign minister".
ROLE_NOUNS = frozenset(
    "president minister secretary chancellor senator governor mayor king queen prince princess general admiral "
    "ambassador judge justice leader spokesman spokeswoman spokesperson ceo chairman chairwoman chief director "
    "commander presenter host anchor diplomat envoy official adviser advisor premier counterpart coach manager "
    "striker defender midfielder goalkeeper captain speaker councillor commissioner inspector detective sergeant "
    "lieutenant colonel deputy prosecutor attorney sheriff bishop archbishop".split()
)
#: Nouns for people: never the description of a place or an organisation ("Los Angeles, former employee").
PERSON_NOUNS = ROLE_NOUNS | frozenset(
    "man woman boy girl people person officer worker employee analyst correspondent reporter editor producer "
    "journalist writer author teen teenager victim suspect father mother son daughter brother sister wife husband "
    "friend sweetheart fiancee fiance".split())
DETERMINERS = frozenset({"a", "an", "the", ",", "--", "-", "\u2014", "\u2013"})
#: Endings of abstract nouns, never a person's description: "version", "agreement", "darkness", "majority".
ABSTRACT_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ship", "ism")

Union = Callable[..., bool]
_PERSON_ONLY = frozenset({PERSON})
# entity types as the table's id column has them: the string column need not be made for two tests
_AFFILIATIONS, _PERSON_TYPE = ids("GPE", "NORP", "ORG", "PERSON"), ids(PERSON)
# clauses that report ("a poll found that ..."), and the objects of "told CNN"
_CLAUSE_MODIFIERS, _CCOMP, _TOLD = ids("acl", "relcl"), get_string_id("ccomp"), ids("dobj", "dative")


def short_names(clusters: Clusters, tt: TokenTable, named: list[Mention]) -> None:
    """One-word names that are part of exactly one longer name of the same kind.

    "the House" is not "the White House": a word that takes "the" is a kind of thing, and only an
    organisation word ("Department") may stand for the longer name it ends."""
    # the longer names, with their kind and words, made once (not once per short name)
    longer = [(other, TYPE_GROUPS.get(other.label), normalize(other.text).split()) for other in named
              if len(other.text.split()) > 1]
    with_the = {normalize(m.text) for m in named
                if tt.lower_[m.start] == "the" or m.start > 0 and tt.lower_[m.start - 1] == "the"}
    for m in named:
        if m.label not in ("ORG", "PERSON", "FAC"):
            continue
        words = normalize(m.text).split()
        if len(words) != 1:
            continue
        word = words[0]
        if word in with_the and word not in ORG_HEADS:
            continue
        group = TYPE_GROUPS.get(m.label)
        fits = set()
        for other, other_group, parts in longer:
            if other_group != group:
                continue
            if parts[-1] == word and m.label != PERSON and "of" not in parts[-3:-1]:
                # "Cisse" (tagged ORG) → "Papiss Cisse"; people: partial-name. Not what a name is "of": the
                # NBL is not "the Indianapolis Kautskys of the NBL", Texas not "the University of Texas"
                fits.add(clusters.find(other.id))
            elif parts[0] == word and all(p in ORG_HEADS for p in parts[1:]):  # "State" → "State Department"
                fits.add(clusters.find(other.id))
        if len(fits) == 1:
            clusters.union(fits.pop(), m.id, "short-name")


#: Words that end a name without changing what it names: "Freedom Magazine" is "Freedom", "Washington D.C." "Washington".
GENERIC_TAILS = ORG_HEADS | COMPANY_SUFFIXES | frozenset(
    "magazine newspaper daily times post journal d.c. dc city inc. international".split())


def prefix_names(clusters: Clusters, named: list[Mention]) -> None:
    """A name is the longer name of its kind it begins, when the rest of that name only says what kind of
    thing it is ("Freedom" / "Freedom Magazine", "Washington" / "Washington D.C.") or where it is
    ("Comic Corps" / "Comic Corps of Canada", Canada named in the article) — and only one longer name fits."""
    places = {normalize(m.text) for m in named if m.label in ("GPE", "LOC")}
    entries = [(m, TYPE_GROUPS.get(m.label), normalize(m.text).split()) for m in named
               if m.label in ("ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT")]
    longer = [(m, group, words) for m, group, words in entries if len(words) > 1]
    for m, group, words in entries:
        fits = set()
        for other, other_group, parts in longer:
            if other_group != group or len(parts) <= len(words) or parts[:len(words)] != words:
                continue
            rest = parts[len(words):]
            if all(w in GENERIC_TAILS for w in rest) or rest[0] == "of" and " ".join(rest[1:]) in places:
                fits.add(clusters.find(other.id))
        if len(fits) == 1:
            clusters.union(fits.pop(), m.id, "short-name")


def facility_short_names(clusters: Clusters, named: list[Mention]) -> None:
    """ "Al-Ghani" is "the Al-Ghani oil field" named before, unless a person of the article is called so."""
    bases: dict[str, set[int]] = {}
    for m in named:
        if m.label != "FAC":
            continue
        words = m.text.split()
        proper = []
        for w in words:
            if not w[:1].isupper():
                break
            proper.append(w)
        if 0 < len(proper) < len(words):
            bases.setdefault(normalize(" ".join(proper)), set()).add(clusters.find(m.id))
    if not bases:
        return
    people = {w for m in named if m.label == PERSON and len(m.text.split()) > 1 for w in normalize(m.text).split()}
    for m in named:
        key = normalize(m.text)
        if m.label != "FAC" and key in bases and len(bases[key]) == 1 and key not in people:
            clusters.union(next(iter(bases[key])), m.id, "short-name", force=True)


def company_prefixes(clusters: Clusters, named: list[Mention]) -> None:
    """ "Showa Shell" is "Showa Shell Sekiyu KK": a longer name that adds words ending in a company suffix."""
    companies = [(other, words) for other in named
                 if (words := normalize(other.text).replace(",", " ").split()) and words[-1] in COMPANY_SUFFIXES]
    if not companies:
        return
    for m in named:
        words = normalize(m.text).split()
        if len(words) < 2:
            continue
        for other, longer in companies:
            if len(longer) > len(words) + 1 and longer[:len(words)] == words:
                clusters.union(other.id, m.id, "company-name")


def concept_names(clusters: Clusters, tt: TokenTable, concepts: list[Mention], named: list[Mention]) -> None:
    """A proper-noun phrase NER missed is the entity of that name; "<nationality> people" is the nationality."""
    by_name: dict[str, int] = {}
    for n in named:
        by_name.setdefault(normalize(n.text), n.id)
    for m in concepts:
        tokens = [t for t in range(m.start, m.end) if not tt.is_punct[t] and tt.pos_[t] != "DET"]
        if not tokens:
            continue
        if all(tt.pos_[t] == "PROPN" and tt.text[t][:1].isupper() for t in tokens):
            match = by_name.get(normalize(m.text))
            if match is not None:  # the name's own label clash (NER said ORG once, PRODUCT once) is not this rule's
                clusters.union(match, m.id, "same-name", force=True)
        elif len(tokens) == 2 and tt.lemma_[tokens[1]] == "people":
            group = next((n for n in named if n.label == "NORP" and n.start == tokens[0]), None)
            if group is not None:
                clusters.union(group.id, m.id, "same-name")


def role_of(tt: TokenTable, m: Mention) -> tuple[str, frozenset[str], str]:
    """(head lemma, other words, affiliation) of a role description: "Turkey's foreign minister" →
    ("minister", {"foreign"}, "turkey"). The other words must be the same for two roles to be one:
    a "shadow chancellor" is not "the chancellor"."""
    words, country = set(), ""
    for t in range(m.start, min(m.end, m.head)):  # words before the head: "Secretary of State" is a secretary
        if tt.is_punct[t] or tt.pos_[t] in ("DET", "PART") or tt.tag[t] == POSSESSIVE:
            continue
        if tt.ent_type[t] in _AFFILIATIONS:  # where or whose: "Turkey's", "CNN host"
            country = (country + " " + tt.lower_[t]).strip()
            continue
        words.add(tt.lower_[t])
    return tt.lemma_[m.head].lower(), frozenset(words), country


def _past_office_body(tt: TokenTable, i: int) -> int:
    """Where "of [the] <name>" starting at ``i`` ends ("Archbishop" + "of Canterbury" + "Justin Welby"), or ``i``."""
    if i >= tt.n or tt.lower_[i] != "of":
        return i
    j = i + 1 + (i + 1 < tt.n and tt.lower_[i + 1] == "the")
    end = j
    while end < tt.n and tt.pos_[end] == "PROPN" and tt.ent_type_[end] not in ("", PERSON):
        end += 1
    return end if end > j else i


def titles(clusters: Clusters, tt: TokenTable, concepts: list[Mention], named: list[Mention]) -> None:
    """A role description right before a person's name is that person: "India's spokesman Syed Akbaruddin",
    also when the parse left out the office's "of" phrase ("Archbishop" of "Archbishop of Canterbury Justin
    Welby")."""
    person_at = {m.start: m for m in named if m.label == PERSON}
    for m in concepts:
        head = m.head
        if tt.lemma_[head].lower() not in ROLE_NOUNS or tt.tag[head] not in (SINGULAR_NOUN, PROPER_NOUN):
            continue
        person = person_at.get(m.end) if head == m.end - 1 and tt.tag[head] == SINGULAR_NOUN else None
        if person is None:  # "Archbishop" of "Archbishop of York John Sentamu", alone or as one phrase
            person = person_at.get(_past_office_body(tt, head + 1))
            person = person if person is not None and person.start > head + 1 and m.end in (head + 1, person.end) else None
        if person is not None:
            clusters.union(person.id, m.id, "title")


def roles(clusters: Clusters, tt: TokenTable, concepts: list[Mention]) -> None:
    """A role description alone is the one person who carries that role as a title in the article."""
    holders: list[tuple[int, str, frozenset[str], str]] = []
    # role_of's head is the head's lemma: concepts whose head is no role noun are left at once
    with_role = [m for m in concepts if tt.lemma_[m.head].lower() in ROLE_NOUNS]
    for m in with_role:
        if clusters.labels(m.id) == _PERSON_ONLY:
            holders.append((m.id, *role_of(tt, m)))
    for m in with_role:
        if clusters.labels(m.id) or tt.tag[m.head] != SINGULAR_NOUN:
            continue
        definite = m.start > 0 and tt.lower_[m.start - 1] == "the" or any(
            tt.tag[t] == POSSESSIVE or tt.lower_[t] == "the" for t in range(m.start, m.head))
        if not definite:
            continue  # "a union leader" is not the one named before
        head, words, country = role_of(tt, m)
        fits = {clusters.find(i) for i, h, w, c in holders
                if h == head and words == w and not (country and c and country != c)}
        if len(fits) == 1:
            clusters.union(fits.pop(), m.id, "role")


def is_role(tt: TokenTable, m: Mention) -> bool:
    """Whether a description is one definite role: "the prime minister", "Turkey's foreign minister" (not "a
    minister", not "ministers", not "the minister's aide")."""
    if m.label != "CONCEPT" or tt.tag[m.head] != SINGULAR_NOUN or tt.lemma_[m.head].lower() not in ROLE_NOUNS:
        return False
    return (m.start > 0 and tt.lower_[m.start - 1] == "the") or any(
        tt.tag[t] == POSSESSIVE or tt.lower_[t] == "the" for t in range(m.start, m.head))


def abbreviates(short: str, name: str) -> bool:
    """True when ``short`` could abbreviate ``name``: same first letter, its letters in order in the name."""
    short, name = short.lower(), name.lower()
    if not short or not name or short[0] != name[0] or len(short) >= len(name):
        return False
    rest = iter(name)
    return all(ch in rest for ch in short)


def description_fits(tt: TokenTable, named: Mention, concept: Mention, stated: bool = False,
                     copula: bool = False) -> bool:
    """Whether ``concept`` can be another name of ``named`` (checked before appositions and titles join them).

    ``stated``: the parse makes the name an apposition of the description before it ("The U.S. Ambassador
    to South Korea, Mark Lippert, was attacked"); then the description's own words and its being a
    subject are no reason against it. ``copula``: a copula states it ("Heat is a 1995 film"); then
    numbers and the words between are no reason against it either.

    Not a plural for one thing ("ISIS, three counts"), not a person's noun for a place or an organisation
    ("CNN senior legal analyst"), not an organisation's or abstract noun for a person, not a fragment ("co" of "co-founder"), not across a bracket ("Rome (CNN)").
    """
    head = concept.head
    if len(concept.text) < 3 or tt.pos_[head] not in ("NOUN", "PROPN"):
        return False  # "co" of "co-founder", "fascinates Jackson"
    if not copula and any(tt.like_num[concept.start:concept.end]):
        return False  # "At one point Obama"
    if concept.start > named.start and concept.end < tt.n and tt.ent_type[concept.end] in _PERSON_TYPE:
        return False  # "Tony Abbott, Leader of the House of Commons William Hague": the next person's title
    if named.label != "NORP" and tt.tag[head] in PLURAL_NOUNS:
        return False
    lemma = tt.lemma_[head].lower()
    if named.label != PERSON and lemma in PERSON_NOUNS:
        return False
    if named.label == PERSON and (lemma in ORG_HEADS or lemma.endswith(ABSTRACT_SUFFIXES)):
        return False  # a person is no "extremist group", no "young version of ..."
    lo, hi = sorted((named.start, concept.start))
    if "(" in tt.text[lo:hi + 1]:  # "Lashkar-e-Taiba (LeT)" is an acronym, "Rome (CNN)" a dateline
        return abbreviates(concept.text.replace(".", ""), named.text) or abbreviates(named.text.replace(".", ""), concept.text)
    if concept.start >= named.end:
        gap = tt.text[named.end:concept.start]
    else:
        gap = tt.text[concept.end:named.start]
    reports = any(tt.dep[c] in _CLAUSE_MODIFIERS and any(tt.dep[g] == _CCOMP for g in tt.children(c))
                  for c in tt.children(head))
    if not (stated or copula) and (len([t for t in gap if t not in DETERMINERS]) > 3 or tt.dep[head] in SUBJECTS or reports):
        return False  # "Congress ... -- a step that ...", "Michael Brown, a poll found that ...": no apposition
    if len(concept.text.split()) == 1 and concept.text[:1].isupper() and lemma not in PERSON_NOUNS | TITLE_PREFIXES \
            and named.label == PERSON and not concept.text.endswith("."):
        return False  # "Team Bush", "Brand Hillary": a capitalised word before a name is no title unless a role
    return True


def is_source(tt: TokenTable, m: Mention) -> bool:
    """The news source rather than a topic: a dateline "(CNN)", "told CNN", "according to Reuters"."""
    head = m.head
    if m.start > 0 and tt.text[m.start - 1] == "(":
        return True
    verb = tt.head[head]
    if tt.dep[head] in _TOLD and tt.lemma_[verb] in ("tell", "say", "inform"):
        return True
    return tt.dep[head] == POBJ and tt.lower_[verb] == "to" and tt.lower_[tt.head[verb]] in ("according", "speaking")


def possessions(clusters: Clusters, tt: TokenTable, mentions: list[Mention]) -> None:
    """ "Brooks' committee" is the committee "Susan Brooks, a member of the select committee" belongs to."""
    by_token: dict[int, Mention] = {}  # made at the first person_of(): most documents never ask
    people = [m for m in mentions if m.label == PERSON]

    def person_of(token: int) -> int | None:
        """The person cluster a token names: its own mention, else a unique surname match."""
        if not by_token:
            for m in mentions:
                for i in range(m.start, m.end):
                    by_token.setdefault(i, m)
        m = by_token.get(token)
        if m is not None and m.label == PERSON:
            return clusters.find(m.id)
        word = normalize(tt.text[token])
        found = {clusters.find(p.id) for p in people if normalize(p.text).split()[-1] == word}
        return found.pop() if len(found) == 1 else None

    # "<person>, (a member) of the <noun>": the noun's mention, by the person and the noun's lemma
    belongs: dict[tuple[int, str], set[int]] = {}
    for m in mentions:
        head = m.head
        if m.label != "CONCEPT" or tt.dep[head] != POBJ or tt.lower_[tt.head[head]] != "of":
            continue
        owner = tt.head[tt.head[head]]
        if tt.dep[owner] == APPOS and tt.pos_[owner] == "NOUN":  # "Brooks, a member of ..."
            owner = tt.head[owner]
        person = person_of(owner) if tt.pos_[owner] == "PROPN" else None
        if person is not None:
            belongs.setdefault((person, tt.lemma_[head].lower()), set()).add(clusters.find(m.id))
    if not belongs:
        return
    for m in mentions:
        if m.label not in ("CONCEPT", "ORG"):
            continue
        head = m.head
        owner = next((c for c in tt.children(head) if tt.dep[c] == POSS and tt.pos_[c] == "PROPN"), None)
        person = person_of(owner) if owner is not None else None
        fits = belongs.get((person, tt.lemma_[head].lower()), set()) if person is not None else set()
        fits = fits - {clusters.find(m.id)}
        if len(fits) == 1:
            clusters.union(fits.pop(), m.id, "possessor")
