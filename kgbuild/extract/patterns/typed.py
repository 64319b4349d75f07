"""Typed relations between two names of one sentence, read from the words between them.

"Dushanbe, Tajikistan" (kg:country), "Pakistan's Inter-Services Intelligence" (kg:country),
"Obama's wife Michelle" (kg:spouse), "Paris-based Le Monde"... Each pair of named entities close
together in a sentence has a *signature*: the types of the two names (PER, ORG, LOC, COUNTRY, NORP,
DATE, WORK, EVENT, PRODUCT) and the words between them, lower-cased, digits folded. A lexicon maps
signatures to typed properties (``kgbuild.extract.properties``) with the direction of the relation:

- ``kgbuild/data/typed_pairs.json``, learned from the Re-DocRED dev split (MIT licence) by
  ``bench/train_relations.py``: how often each signature joined a pair that the gold relates by
  a Wikidata property; an entry is used when that precision is at least ``MIN_PRECISION`` over at
  least ``MIN_SUPPORT`` pairs;
- ``HAND_PAIRS`` below: possessives and role nouns that Wikipedia's prose rarely has and news does.

These relations are graph-only (the component runs this family without ``openie``): CaRB's Open IE
view does not annotate them.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator
from importlib import resources

from spacy.tokens import Span, Token

from kgbuild.extract.arguments import argument
from kgbuild.extract.properties import PROPERTIES, typed
from kgbuild.extract.relation import make_relation
from kgbuild.extract.types import Argument
from kgbuild.parse.tokens import table_of

#: The most words between two names that a signature spans.
MAX_GAP = 4
#: Names further apart, up to this many words, are joined by a skeleton: "…" and the last two words
#: between ("X is a village in the administrative district of Y": "… district of").
MAX_FAR_GAP = 12
#: A learned entry is used when its gold precision on the training documents is at least this...
MIN_PRECISION = 0.7
#: ...over at least this many pairs.
MIN_SUPPORT = 3
PATTERN = "typed_pair"

_COARSE = {
    "PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "NORP", "DATE": "DATE",
    "WORK_OF_ART": "WORK", "EVENT": "EVENT", "PRODUCT": "PRODUCT", "LAW": "WORK",
}
_DIGITS = re.compile(r"\d")

#: Hand entries, same form as the learned ones: (first type, words between, second type) →
#: [(property, direction)], direction "fwd" when the first name is the subject.
_FAMILY = {"wife": "spouse", "husband": "spouse", "widow": "spouse", "son": "child", "daughter": "child",
           "father": "father", "mother": "mother", "brother": "sibling", "sister": "sibling"}
_ROLES_EMPLOYER = ("spokesman", "spokeswoman", "spokesperson", "chief executive", "ceo", "ambassador",
                   "envoy", "foreign minister", "defence minister", "defense minister", "interior minister",
                   "finance minister", "chief", "chairman", "president", "director", "minister", "official",
                   "secretary", "ambassador to")
_ROLES_MEMBER = ("leader", "member", "commander", "founder")


def _hand_pairs() -> dict[tuple[str, str, str], list[tuple[str, str]]]:
    pairs: dict[tuple[str, str, str], list[tuple[str, str]]] = {}
    for noun, key in _FAMILY.items():
        # "Obama's wife Michelle": Michelle spouse Obama; "Obama's son Malik": Obama child Malik
        direction = "fwd" if key in ("child",) else "rev"
        if key in ("father", "mother"):
            direction = "fwd"  # "Obama's father Barack": Obama father Barack
        pairs[("PER", f"'s {noun}", "PER")] = [(key, direction)]
        pairs[("PER", f"'s {noun} ,", "PER")] = [(key, direction)]
    for owner in ("ORG", "LOC", "COUNTRY"):
        for role in _ROLES_EMPLOYER:
            pairs[(owner, f"'s {role}", "PER")] = [("employer", "rev")]
            pairs[(owner, f"'s {role} ,", "PER")] = [("employer", "rev")]
        if owner != "LOC":  # "Chicago's Rahm Emanuel": a city has no citizens
            pairs[(owner, "'s", "PER")] = [("employer", "rev")] if owner == "ORG" else [("citizenship", "rev")]
    for role in _ROLES_MEMBER:
        pairs[("ORG", f"'s {role}", "PER")] = [("memberOf", "rev")]
        pairs[("ORG", f"'s {role} ,", "PER")] = [("memberOf", "rev")]
    # "Pakistan's Inter-Services Intelligence", "Google's YouTube", "Kabul's Bagram airport"
    pairs[("COUNTRY", "'s", "ORG")] = [("country", "rev")]
    pairs[("LOC", "'s", "ORG")] = [("locatedIn", "rev")]
    pairs[("COUNTRY", "'s", "LOC")] = [("country", "rev")]
    pairs[("LOC", "'s", "LOC")] = [("locatedIn", "rev")]
    pairs[("ORG", "'s", "PRODUCT")] = [("ownedBy", "rev")]
    # dates said in so many words: "died on 5 May 2001", "was founded in 1863"
    for died in ("died on", "died in", "died"):
        pairs[("PER", died, "DATE")] = [("dateOfDeath", "fwd")]
    for born in ("was born on", "was born in", "born on", "born"):
        pairs[("PER", born, "DATE")] = [("dateOfBirth", "fwd")]
    for founded in ("was founded in", "was established in", "was founded on", ", founded in", ", established in"):
        pairs[("ORG", founded, "DATE")] = [("inception", "fwd")]
    for released in ("was released in", "was published in", "was released on"):
        pairs[("WORK", released, "DATE")] = [("publicationDate", "fwd")]
    # "France took part in the Second World War"
    for kind in ("PER", "ORG", "COUNTRY", "LOC"):
        for took in ("took part in the", "took part in", "participated in the", "participated in"):
            pairs[(kind, took, "EVENT")] = [("participantIn", "fwd"), ("participant", "rev")]
    # "Dushanbe, Tajikistan"; "Louisville, Kentucky"
    pairs[("LOC", ",", "COUNTRY")] = [("country", "fwd")]
    pairs[("LOC", ",", "LOC")] = [("locatedIn", "fwd")]
    return pairs


HAND_PAIRS = _hand_pairs()
_ROLE_NOUNS = frozenset(r.split()[-1] for r in _ROLES_EMPLOYER) | {"adviser", "advisor", "aide", "negotiator",
                                                                   "diplomat", "prosecutor", "general", "coach"}
#: Roles a place's name gives an employer to: its government's ("India's spokesman"), not a team's
#: ("Scotland's coach") or a town's.
GOVERNMENT_ROLES = frozenset({"spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "minister",
                              "secretary", "official", "diplomat", "negotiator", "adviser", "advisor", "president",
                              "chief", "general", "aide", "senator", "governor", "mayor", "lawmaker"})


def _possessive_role(first: str, between: str, second: str) -> list[tuple[str, str]] | None:
    """ "India's external affairs spokesman Syed Akbaruddin": a possessive, a few modifiers and a role
    or family noun before a person's name. The noun decides, the modifiers do not."""
    words = between.removesuffix(" ,").split()
    if second != "PER" or len(words) < 2 or len(words) > 4 or words[0] != "'s" or not all(w.isalpha() for w in words[1:]):
        return None
    noun = words[-1]
    if first == "PER" and noun in _FAMILY:
        return HAND_PAIRS[("PER", f"'s {noun}", "PER")]
    if first in ("ORG", "LOC", "COUNTRY"):
        if noun in _ROLES_MEMBER:
            return [("memberOf", "rev")] if first == "ORG" else None
        if noun in _ROLE_NOUNS and (first == "ORG" or noun in GOVERNMENT_ROLES):
            return [("employer", "rev")]
    return None


@functools.lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """Lower-cased country names (``kgbuild/data/countries.txt``).

    Example
    -------
    >>> "tajikistan" in countries()
    True
    """
    text = resources.files("kgbuild").joinpath("data/countries.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


#: Words that end the name of a region ("Kandahar province", "Oakland County").
REGION_WORDS = frozenset({"county", "province", "state", "region", "district", "oblast", "voivodeship", "prefecture",
                          "governorate", "department", "canton", "territory", "parish", "borough", "municipality"})


@functools.lru_cache(maxsize=1)
def regions() -> frozenset[str]:
    """Lower-cased names of first-level regions (``kgbuild/data/regions.txt``).

    Example
    -------
    >>> "n.j." in regions()
    True
    """
    text = resources.files("kgbuild").joinpath("data/regions.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def is_region(text: str) -> bool:
    """A country, a first-level region or a name ending in a region's word.

    Example
    -------
    >>> is_region("Kentucky"), is_region("Kandahar Province"), is_region("San Fierro")
    (True, True, False)
    """
    lower = text.lower().removeprefix("the ")
    return lower in regions() or lower in _country_names() or lower.rsplit(" ", 1)[-1] in REGION_WORDS


def coarse_type(label: str, text: str) -> str | None:
    """The type a signature uses for a name: its NER label coarsened, COUNTRY for a country's name.

    Example
    -------
    >>> coarse_type("GPE", "Tajikistan"), coarse_type("GPE", "Dushanbe"), coarse_type("MONEY", "$5")
    ('COUNTRY', 'LOC', None)
    """
    kind = _COARSE.get(label)
    # a country's name is a country whatever the tagger says ("Tajikistan" is often NORP, "U.S." ORG)
    if kind in ("LOC", "NORP", "ORG") and text.lower().removeprefix("the ") in _country_names():
        return "COUNTRY"
    return kind


@functools.lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    return frozenset(name.removeprefix("the ") for name in countries())


def signature(words: list[str]) -> str:
    """The words between two names as a signature: lower case, digits as 0, single spaces.

    Example
    -------
    >>> signature(["(", "born", "13", "March"])
    '( born 00 march'
    """
    return " ".join(_DIGITS.sub("0", w.lower()) for w in words)


def name_end(words: list[str], start: int, end: int) -> int:
    """Where a name ends, without the possessive NER sometimes takes in ("Barack Obama's" daughter).

    Example
    -------
    >>> name_end(["Barack", "Obama", "'s", "daughter"], 0, 3)
    2
    """
    if end - start > 1 and words[end - 1] in ("'s", "’s", "'"):
        return end - 1
    return end


def pair_signature(words: list[str]) -> str:
    """A pair's signature: the words between (``signature``) when they are at most ``MAX_GAP``,
    else "…" and the last two of them.

    Example
    -------
    >>> pair_signature([","]), pair_signature("is a village in the district of".split())
    (',', '… district of')
    """
    if len(words) <= MAX_GAP:
        return signature(words)
    return "… " + signature(words[-2:])


@functools.lru_cache(maxsize=1)
def learned_pairs() -> dict[tuple[str, str, str], list[tuple[str, str]]]:
    """The learned entries that pass ``MIN_PRECISION`` and ``MIN_SUPPORT``
    (``kgbuild/data/typed_pairs.json``; empty when it is not installed)."""
    path = resources.files("kgbuild").joinpath("data/typed_pairs.json")
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    pairs: dict[tuple[str, str, str], list[tuple[str, str]]] = {}
    for entry in data["entries"]:
        hits = [(key, direction) for key, direction, correct in entry["properties"]
                if correct / entry["pairs"] >= MIN_PRECISION and entry["pairs"] >= MIN_SUPPORT and key in PROPERTIES]
        # possessives are typed by the hand entries only: what "X's Y" means between two organisations
        # in Wikipedia (Y owned by X) is not what it means in news ("CNN's Justin Lear")
        if hits and not entry["between"].startswith("'s"):
            pairs[(entry["first"], entry["between"], entry["second"])] = hits
    return pairs


@functools.lru_cache(maxsize=1)
def lexicon() -> dict[tuple[str, str, str], list[tuple[str, str]]]:
    """Signature → [(property key, direction)]: the learned entries and the hand ones together."""
    merged = {key: list(found) for key, found in learned_pairs().items()}
    for key, found in HAND_PAIRS.items():
        merged[key] = [*merged.get(key, ()), *(f for f in found if f not in merged.get(key, ()))]
    return merged


def typed_pair_relations(sent: Span) -> Iterator:
    """Typed relations between names close together in a sentence, by the lexicon.

    Parameters
    ----------
    sent : Span

    Returns
    -------
    Iterator of Relation, each with a typed predicate (``kgbuild.extract.properties.typed``).

    Example
    -------
    >>> from kgbuild.parse.load import load_model
    >>> doc = load_model()("The talks were held in Dushanbe, Tajikistan.")
    >>> sorted((r.subject.text, r.predicate, r.object.text) for r in typed_pair_relations(next(doc.sents)))
    [('Dushanbe', 'kg:country', 'Tajikistan'), ('Dushanbe', 'kg:locatedIn', 'Tajikistan')]
    """
    table = table_of(sent.doc)
    ents = [(start, end, label) for start, end, label in table.entities(sent.start, sent.end)]
    if len(ents) < 2:
        return
    known = lexicon()
    words = table.text
    names = []
    for s, e, label in ents:
        e = name_end(words, s, e)
        names.append((s, e, sent.doc.vocab.strings[label], table.span_text(s, e)))
    for i, (s1, e1, label1, text1) in enumerate(names):
        first = coarse_type(label1, text1)
        if first is None:
            continue
        for s2, e2, label2, text2 in names[i + 1:]:
            if s2 - e1 > MAX_FAR_GAP:
                break
            second = coarse_type(label2, text2)
            if second is None:
                continue
            between = [words[j] for j in range(e1, s2)]
            sig = pair_signature(between)
            found = (known.get((first, sig, second)) or _possessive_role(first, sig, second)
                     or _attached_place(table, first, s1, e1, second, label2, s2, e2))
            if not found or (between and between[-1] == "," and _in_list(table, s1, e2)):
                continue
            if between == [","] and first == "LOC" and second == "LOC" and not is_region(text2):
                continue  # "Los Santos, Los Angeles, San Fierro": towns in a list, not a town in its region
            if between[:1] == ["'s"] and (not _owns(table, s1, e1, s2, e2) or not text2[:1].isupper()):
                continue  # "Young's Chicago operation" owns no Chicago; "Australia's west coast" is no name
            if _cut(table, s1, e1, sent) or _cut(table, s2, e2, sent):
                continue
            if s2 - e1 > MAX_GAP and not _far_ok(table, e1, s2):
                continue
            a = Argument(head=table.root(s1, e1), tokens=tuple(range(s1, e1)), text=text1, role="subject")
            b = Argument(head=table.root(s2, e2), tokens=tuple(range(s2, e2)), text=text2, role="object")
            text = " ".join(between).strip() or "–"
            for key, direction in found:
                subject, obj = (a, b) if direction == "fwd" else (b, a)
                yield make_relation(
                    arguments=[subject, obj], relation_tokens=[sent.doc[j] for j in range(e1, s2)],
                    relation_text=text, predicate=typed(key), subject=subject, object=obj,
                    pattern=PATTERN, sentence_start=sent.start,
                )


_LIST_WORDS = frozenset({"and", "or", "&"})
#: Types of a name that a place the name's own "in" phrase gives is a location of, and the property.
_PLACE_OF = {"ORG": "locatedIn", "LOC": "locatedIn", "EVENT": "location", "WORK": None, "PER": None}


def _attached_place(table, first: str, s1: int, e1: int, second: str, label2: str, s2: int,
                    e2: int) -> list[tuple[str, str]] | None:
    """ "the U.S. Embassy in Kabul", "McGill University in Montreal", "the 1988 Winter Olympics in
    Calgary": a place in the first name's own "in" phrase, right after it, is where that thing is.

    Only when the parse attaches "in" to the first name: in "X opened in Paris" the place is the
    verb's, and the pair's words alone ("ORG in LOC") are right 0.6 of the time on Re-DocRED,
    because they cannot tell the two apart. Its "in" phrases of names, read by hand on the training
    documents, are mostly true even where Re-DocRED's gold has no relation.
    """
    prop = _PLACE_OF.get(first)
    if prop is None or second not in ("LOC", "COUNTRY") or label2 not in ("GPE", "LOC") or table.lower_[e1] != "in":
        return None
    if table.head[e1] != table.root(s1, e1) or table.head[table.root(s2, e2)] != e1:
        return None
    if any(table.pos_[j] not in ("DET",) for j in range(e1 + 1, s2)):
        return None  # "in the County of X" only: "Embassy in southern Kabul" has its own words
    found = [(prop, "fwd")]
    if second == "COUNTRY" and first != "EVENT":
        found.append(("country", "fwd"))
    return found


def _owns(table, s1: int, e1: int, s2: int, e2: int) -> bool:
    """The first name is the possessor of the second, or of the role noun right before it: "Young's
    Chicago operation" owns an operation, not Chicago."""
    owner = table.root(s1, e1)
    owned = table.head[owner]
    if owned == table.root(s2, e2) or (owned == s2 - 1 and owned >= e1) or (
            owned < s2 and owned >= e1 and table.head[table.root(s2, e2)] == owned):
        return True
    # a name right after the "'s" that ends the noun phrase is what is owned, however the parse hung it
    # ("REM, Razorlight and Coldplay's Chris Martin", parsed as a list of bands with Martin in apposition);
    # not a name that goes on in a hyphened word ("Annie Power's Mullins-trained stablemate")
    return s2 == e1 + 1 and (e2 >= table.n or table.pos_[e2] not in ("NOUN", "PROPN", "NUM", "ADJ")
                             and table.text[e2] not in ("-", "\u2013"))


def _in_list(table, start: int, end: int) -> bool:
    """Two names in a list, not a place and its region: "Paris, London and Berlin", "Clijsters,
    Davenport, Mauresmo", "in Iraq, Syria". A list goes on with a comma or a conjunction before the
    first name or after the second; "Kabul, Afghanistan, said" goes on with the clause."""
    words, n = table.lower_, table.n
    after = words[end] if end < n else ""
    before = words[start - 1] if start > 0 else ""
    if after in _LIST_WORDS or before in _LIST_WORDS or before == ",":
        return True
    if after == "," and end + 1 < n:  # "Paris, London, Berlin"; not "Pasadena, Calif., March 25"
        return words[end + 1] in _LIST_WORDS or table.ent_type_[end + 1] == table.ent_type_[end - 1]
    return False


#: Verbs a far pair may have between its names: "X is a village in ... Y", "X (born 1963 in Y".
_FAR_VERBS = frozenset({"be", "bear", "die", "locate", "situate", "base"})
#: Tokens that end a far pair: a dateline's dash, a clause's semicolon or colon.
_FAR_STOPS = frozenset({"-", "--", ";", ":"})


def _far_ok(table, start: int, end: int) -> bool:
    """Words between two far names that still make a description of the first, not another clause:
    "F1 is still growing in the U.S." or "NEW YORK, March 9 - The prosecutor in the Iran..." do not."""
    lemma, pos, words = table.lemma_, table.pos_, table.text
    return not any(words[j] in _FAR_STOPS or (pos[j] in ("VERB", "AUX") and lemma[j] not in _FAR_VERBS)
                   or words[j].lower() in ("still", "now", "also") for j in range(start, end))


def _cut(table, start: int, end: int, sent: Span) -> bool:
    """A name NER cut short: a proper noun of its sentence right before or after it ("ROCKY HILL"
    tagged "HILL")."""
    pos = table.pos_
    return (start > sent.start and pos[start - 1] == "PROPN" and not table.ent_type_[start - 1]) or (
        end < sent.end and pos[end] == "PROPN" and not table.ent_type_[end])


#: Groups spaCy tags NORP that are no nationality: religions, continents, parties and persuasions
#: ("a Christian college", "European cross-country champion").
NOT_NATIONALITIES = frozenset({
    "christian", "christians", "muslim", "muslims", "islamic", "islamist", "jewish", "jew", "jews", "catholic",
    "catholics", "protestant", "hindu", "buddhist", "sikh", "sunni", "shia", "shiite", "evangelical", "orthodox",
    "mormon", "european", "african", "asian", "arab", "latino", "hispanic", "western", "eastern", "nordic",
    "scandinavian", "caribbean", "latin american", "middle eastern", "democrat", "democrats", "democratic",
    "republican", "republicans", "conservative", "conservatives", "liberal", "liberals", "communist",
    "communists", "socialist", "socialists", "labour", "tory", "tories", "black", "white", "gay", "jihadist",
})
#: Nouns that describe an organisation, not a person.
ORG_NOUNS = frozenset({"company", "firm", "group", "bank", "airline", "carrier", "giant", "maker", "producer", "party",
                       "newspaper", "club", "team", "agency", "network", "channel", "broadcaster", "retailer", "brand",
                       "conglomerate", "manufacturer", "insurer", "operator", "exchange", "university", "band", "label",
                       "magazine", "organisation", "organization", "charity", "union", "side", "outfit"})
#: What a nationality says of the thing it describes, by that thing's type.
_NATIONALITY = {"PER": "citizenship", "ORG": "country", "LOC": "country"}
_COPULA_DEPS = frozenset({"attr", "appos"})


def descriptor_relations(sent: Span) -> Iterator:
    """A nationality in a description of a name: "X is a German skeleton racer", "X, a Pakistani
    journalist", "Pakistani journalist Hamid Mir" → X citizenship German (a person) or X country
    German (an organisation or place).

    Example
    -------
    >>> from kgbuild.parse.load import load_model
    >>> doc = load_model()("Hamid Mir is a Pakistani journalist.")
    >>> [(r.subject.text, r.predicate, r.object.text) for r in descriptor_relations(next(doc.sents))]
    [('Hamid Mir', 'kg:citizenship', 'Pakistani')]
    """
    doc = sent.doc
    table = table_of(doc)
    ents = table.entities(sent.start, sent.end)
    named = {i: (s, e, doc.vocab.strings[label]) for s, e, label in ents for i in range(s, e)}
    for start, end, label in ents:
        if doc.vocab.strings[label] != "NORP" or table.span_text(start, end).lower() in NOT_NATIONALITIES:
            continue
        root = doc[table.root(start, end)]
        if root.dep_ not in ("amod", "compound") or root.head.pos_ not in ("NOUN", "PROPN"):
            continue
        noun = root.head
        if noun.i in named:  # "Pakistani Taliban": the nationality is part of a name
            continue
        target: Token | None = None
        if noun.dep_ in _COPULA_DEPS:
            # "X is a German racer": the copula's subject; "X, a German racer": the apposition's head
            target = noun.head
            if noun.dep_ == "attr":
                target = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        else:
            # "Pakistani journalist Hamid Mir": the name the noun is a title of
            head = noun.head
            if noun.dep_ == "compound" and head.i in named and named[head.i][2] == "PERSON":
                target = head
        if target is None or target.i not in named:
            continue
        s, e, kind = named[target.i]
        if noun.lemma_.lower() in ORG_NOUNS:
            kind = "ORG"  # "Russian oil company Yukos": a company, whatever NER made of the name
        prop = _NATIONALITY.get(_COARSE.get(kind, ""))
        if prop is None or (kind != "PERSON" and noun.dep_ == "compound"):
            continue
        holder_arg = Argument(head=table.root(s, e), tokens=tuple(range(s, e)), text=table.span_text(s, e), role="subject")
        norp = Argument(head=root.i, tokens=tuple(range(start, end)), text=table.span_text(start, end), role="object")
        yield make_relation(
            arguments=[holder_arg, norp], relation_tokens=[noun], relation_text=f"is {table.span_text(start, end)} {noun.text}",
            predicate=typed(prop), subject=holder_arg, object=norp, pattern="typed_descriptor", sentence_start=sent.start,
        )


#: NER labels of a place in "<place>-based".
_BASED_PLACES = frozenset({"GPE", "LOC"})


def based_relations(sent: Span) -> Iterator:
    """ "the Warrington-based firm", "London-based Acme Bank" → (firm / Acme Bank, is based in, Warrington):
    an open ``be_based_in`` statement, typed ``kg:headquarters`` once resolution has made the firm a company.

    Example
    -------
    >>> from kgbuild.parse.load import load_model
    >>> doc = load_model()("The London-based bank cut its rates.")
    >>> [(r.subject.text, r.predicate, r.object.text) for r in based_relations(next(doc.sents))]
    [('The bank', 'be_based_in', 'London')]
    """
    doc = sent.doc
    for based in sent:
        if based.lower_ != "based" or based.dep_ != "amod" or based.head.pos_ not in ("NOUN", "PROPN"):
            continue
        place = next((c for c in based.children if c.i < based.i and c.dep_ in ("npadvmod", "compound", "nmod")
                      and c.ent_type_ in _BASED_PLACES), None)
        if place is None or not any(t.text == "-" for t in doc[place.i:based.i]):
            continue
        start, end = next(((s, e) for s, e, _ in table_of(doc).entities(sent.start, sent.end) if s <= place.i < e),
                          (place.i, place.i + 1))
        firm = argument(based.head, role="subject", without=based)
        where = Argument(head=place.i, tokens=tuple(range(start, end)), text=doc[start:end].text, role="object")
        yield make_relation(
            arguments=[firm, where], relation_tokens=[based], relation_text="is based in", predicate="be_based_in",
            subject=firm, object=where, pattern="based_modifier", sentence_start=sent.start,
        )


#: Plural nouns of people born to the same parents: the names listed after one are one another's siblings.
SIBLING_LISTS = frozenset({"children", "sons", "daughters", "brothers", "sisters", "siblings", "twins"})
#: Of those, the ones that make a family only with a parent: "his sons", "they have four children".
_OFFSPRING = frozenset({"children", "sons", "daughters"})


def sibling_relations(sent: Span) -> Iterator:
    """The names a plural kin noun lists are siblings of one another: "She has two sons, David and
    Michael", "The brothers Karl and Otto Weiss" → kg:sibling both ways between every two.

    Example
    -------
    >>> from kgbuild.parse.load import load_model
    >>> doc = load_model()("The brothers Karl and Otto Weiss founded the firm.")
    >>> [(r.subject.text, r.object.text) for r in sibling_relations(next(doc.sents))]
    [('Karl', 'Otto Weiss'), ('Otto Weiss', 'Karl')]
    """
    table = table_of(sent.doc)
    people = {i: (s, e) for s, e, label in table.entities(sent.start, sent.end)
              if sent.doc.vocab.strings[label] == "PERSON" for i in range(s, e)}
    for noun in sent:
        if noun.lower_ not in SIBLING_LISTS or noun.tag_ != "NNS":
            continue
        if noun.lower_ in _OFFSPRING and not (any(c.dep_ == "poss" for c in noun.children)
                                              or noun.dep_ == "dobj" and noun.head.lemma_ == "have"):
            continue  # "Two children, Amy and Joe, were hurt": children of one family only when said so
        listed, queue = [], [c for c in noun.children if c.dep_ in ("appos", "conj")]
        while queue:  # the apposition and the names conjoined to it (spaCy chains them: A appos, B conj of A)
            token = queue.pop(0)
            if token.i not in people:
                continue
            listed.append(people[token.i])
            queue += [c for c in token.children if c.dep_ in ("conj", "appos")]
        names = sorted(set(listed))
        if len(names) < 2 or len(names) > 8:
            continue
        args = [Argument(head=table.root(s, e), tokens=tuple(range(s, e)), text=table.span_text(s, e), role="subject")
                for s, e in names]
        for a in args:
            for b in args:
                if a is not b:
                    yield make_relation(
                        arguments=[a, b], relation_tokens=[noun], relation_text=f"{noun.text}", predicate=typed("sibling"),
                        subject=a, object=b, pattern="typed_siblings", sentence_start=sent.start,
                    )
