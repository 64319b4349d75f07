"""Word lists and label maps that more than one stage uses, defined once.

Lists that one module alone uses stay in that module. Everything here is lower-case words or spaCy
labels; ``frozenset`` so that no stage can change another's list.
"""

from __future__ import annotations

import functools
from importlib import resources

#: spaCy NER labels → our ontology's class names (see ontologies/kgbuild.ttl).
NER_CLASSES: dict[str, str] = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
    "NORP": "Group",
    "EVENT": "Event",
    "DATE": "Date",
    "TIME": "Date",
    "WORK_OF_ART": "CreativeWork",
    "PRODUCT": "Product",
    "LAW": "Law",
    "LANGUAGE": "Language",
    "MONEY": "Quantity",
    "PERCENT": "Quantity",
    "QUANTITY": "Quantity",
    "CARDINAL": "Quantity",
    "ORDINAL": "Quantity",
    "CONCEPT": "Concept",
}

#: NER labels of the same kind of thing: two names may be one entity only within a group.
TYPE_GROUPS: dict[str, str] = {
    "PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "group",
}
#: ``TYPE_GROUPS`` with times and numbers, for the confidence model's argument features.
VALUE_GROUPS: dict[str, str] = {
    **TYPE_GROUPS, "DATE": "time", "TIME": "time", "CARDINAL": "number", "MONEY": "number", "PERCENT": "number",
    "QUANTITY": "number", "ORDINAL": "number",
}

#: Words that address a person without naming them ("Mr Brown" is Brown; "Mr" alone is no name).
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "madam"})
#: Heads that are a title, not the person: "Sec. of State Clinton" is Clinton.
TITLE_HEADS = frozenset(
    "sec. secretary president minister adm. admiral gen. general chairman chairwoman senator sen. gov. governor "
    "rep. representative mr. mrs. ms. dr. prime chief director ambassador judge justice king queen prince princess "
    "pope ceo spokesman spokeswoman leader commander mayor lt. col. capt. sgt. prof. professor".split()
)
#: Fields of ministries, which NER takes for an organisation's or a person's name ("Education Secretary Ruth
#: Kelly", "Secretary of State Alison Grimes"): the field of an office, never a body it is of.
MINISTRY_FIELDS = frozenset({"education", "health", "defence", "defense", "treasury", "justice", "interior", "energy",
                             "transport", "transportation", "environment", "agriculture", "commerce", "trade",
                             "culture", "finance", "housing", "immigration", "security", "homeland", "home", "foreign",
                             "state", "work", "exchequer", "planning"})
#: Single capitalised words that are titles before a name: "Gov. Walker", "Chief Jackson", "Officer Wilson".
TITLE_PREFIXES = frozenset("mr mrs ms dr sir dame lord lady gov sen rep gen adm lt col capt sgt prof rev pope cardinal "
                           "sheikh imam rabbi father brother sister saint st ayatollah emir sultan crown".split())

#: Personal pronouns with their gender ("m", "f", "n", "x" for either, "speaker") and number: what resolution
#: checks agreement with.
PRONOUNS: dict[str, tuple[str, str]] = {
    "he": ("m", "sg"), "him": ("m", "sg"), "his": ("m", "sg"), "himself": ("m", "sg"),
    "she": ("f", "sg"), "her": ("f", "sg"), "hers": ("f", "sg"), "herself": ("f", "sg"),
    "it": ("n", "sg"), "its": ("n", "sg"), "itself": ("n", "sg"),
    "they": ("x", "pl"), "them": ("x", "pl"), "their": ("x", "pl"), "theirs": ("x", "pl"), "themselves": ("x", "pl"),
    "we": ("speaker", "pl"), "us": ("speaker", "pl"), "our": ("speaker", "pl"), "ours": ("speaker", "pl"),
    "i": ("speaker", "sg"), "me": ("speaker", "sg"), "my": ("speaker", "sg"),
}
#: Words an argument may consist of that name nothing by themselves (extraction marks such arguments):
#: the common pronouns, demonstratives, wh-words and "there", "here", "one".
#: Suffixes only a company's name ends with ("group", "company" may end other names).
LEGAL_SUFFIXES = frozenset("co co. ltd ltd. inc inc. corp corp. kk plc sa ag nv bv gmbh llc lp spa".split())

PRONOUN_WORDS = frozenset(
    "i me my we us our you your he him his she her it its they them their this that these those "
    "who whom which what there here one".split()
)

#: Quote marks as spaCy tokenises them: PTB-style ``` `` ``` and ``''`` and the plain and curly marks.
QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "``", "''"})
#: The PTB-style quote tokens alone.
PTB_QUOTES = frozenset({"``", "''"})
#: Marks that open or close a quotation around an argument.
OPENING_QUOTES = frozenset({"``", '"', "\u201c", "'"})
CLOSING_QUOTES = frozenset({"''", '"', "\u201d", "'"})

#: Light verbs with the noun that carries their meaning ("take place", "play a role", "give consideration"):
#: the noun is no thing the verb acts on. Extraction folds the noun into the predicate when a preposition
#: follows ("took part in the exercises" → take_part_in the exercises); resolution drops what is left.
LIGHT_VERB_IDIOMS = frozenset({
    ("take", "place"), ("take", "part"), ("take", "action"), ("take", "step"), ("take", "note"), ("take", "care"),
    ("take", "advantage"), ("take", "account"), ("take", "effect"), ("take", "time"), ("take", "shape"),
    ("take", "issue"), ("take", "aim"), ("play", "role"), ("play", "part"), ("give", "consideration"),
    ("give", "way"), ("make", "decision"), ("make", "progress"), ("make", "sense"), ("make", "way"),
    ("make", "point"), ("make", "use"), ("make", "effort"), ("pay", "attention"), ("pay", "tribute"),
    ("have", "effect"), ("have", "impact"), ("come", "end"), ("leave", "door"), ("break", "bank"),
    ("cast", "doubt"), ("shed", "light"), ("draw", "attention"), ("keep", "eye"), ("raise", "eyebrow"),
    ("take", "toll"), ("hold", "talk"), ("do", "job"), ("do", "thing"), ("make", "headline"),
})


@functools.lru_cache(maxsize=1)
def party_names() -> dict[str, str]:
    """Lower-cased word form of a political party ("tory", "lib dem") → its usual name
    (``kgbuild/data/parties.tsv``).

    Example
    -------
    >>> party_names()["tory"], party_names()["gop"]
    ('Conservative Party', 'Republican Party')
    """
    text = resources.files("kgbuild").joinpath("data/parties.tsv").read_text(encoding="utf-8")
    table = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            forms, name = line.split("\t")
            table.update({form: name for form in forms.split("|")})
    return table


def _keyed_lists(path: str) -> dict[str, tuple[str, ...]]:
    """A shipped table of "key<TAB>value|value..." lines ("#" starts a comment): lower-cased key → values."""
    text = resources.files("kgbuild").joinpath(path).read_text(encoding="utf-8")
    table = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            key, values = line.split("\t")
            table[key.lower()] = tuple(values.split("|"))
    return table


@functools.lru_cache(maxsize=1)
def demonyms() -> dict[str, tuple[str, ...]]:
    """Lower-cased nationality → the names of its country, the usual one first.

    Example
    -------
    >>> demonyms()["russian"][0], "US" in demonyms()["american"]
    ('Russia', True)
    """
    return _keyed_lists("data/demonyms.tsv")


@functools.lru_cache(maxsize=1)
def country_aliases() -> dict[str, str]:
    """Each lower-cased name of a country (``data/demonyms.tsv``) → its usual name, lower-cased; a name two
    countries share ("Korea": South Korea's and Korea's) is left out.

    Example
    -------
    >>> country_aliases()["america"], country_aliases()["dprk"], "korea" in country_aliases()
    ('united states', 'north korea', False)
    """
    usual: dict[str, set[str]] = {}
    for names in demonyms().values():
        for name in names:
            usual.setdefault(name.lower().removeprefix("the "), set()).add(names[0].lower())
    return {name: next(iter(first)) for name, first in usual.items() if len(first) == 1}


#: Nouns of creative works (schema:CreativeWork): a name a copula defines as one is a work, whatever NER
#: took it for ("Heat is a 1995 crime film", "Load is the fifth album by Metallica").
CREATIVE_WORK_NOUNS = frozenset({
    "film", "movie", "documentary", "album", "song", "single", "ep", "mixtape", "soundtrack", "track", "novel",
    "novella", "book", "memoir", "poem", "play", "musical", "opera", "symphony", "painting", "sculpture", "series",
    "show", "programme", "program", "sitcom", "drama", "telenovela", "soap", "episode", "comic", "manga",
    "anthology", "newspaper", "magazine", "journal", "game",
})
#: The continents' names, lower-cased, as news and encyclopaedias write them.
CONTINENTS = frozenset({"europe", "asia", "africa", "north america", "south america", "oceania"})


@functools.lru_cache(maxsize=1)
def continents() -> dict[str, tuple[str, ...]]:
    """Lower-cased country name → its continents (``data/continents.tsv``; two for Russia or Turkey).

    Example
    -------
    >>> continents()["estonia"], continents()["turkey"]
    (('Europe',), ('Europe', 'Asia'))
    """
    return _keyed_lists("data/continents.tsv")
