"""Typed statements: an open relation becomes a typed property (``kgbuild.extract.properties``) when its words
and the types of its two entities say which one; what cannot be typed keeps its open predicate.

Runs on a resolved document, after coreference, so the types are those of the entities ("he" works
for Google: a Person). Three things happen to each statement:

- an open predicate in ``VERB_LEXICON`` whose subject and object have the listed types is retyped,
  in the listed direction ("Google was acquired by Alphabet" and "Alphabet acquired Google" both
  give Alphabet kg:acquired Google: passives are already active here);
- a typed statement (from the typed patterns) whose entities do not fit the property's domain and
  range is dropped: "X (born 1963)" where X was tagged a place says nothing about a birth;
- a possessive that is not typed is dropped: "X has X's Y" edges are almost never right.

``kg:relationText`` keeps the words the relation was read from, whatever its predicate.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import replace
from importlib import resources

from kgbuild.extract.patterns.typed import GOVERNMENT_ROLES, NOT_NATIONALITIES, ORG_NOUNS
from kgbuild.extract.properties import PROPERTIES, property_of, typed
from kgbuild.lexicon import CREATIVE_WORK_NOUNS, HONORIFICS
from kgbuild.records import Entity, ResolvedDocument, Statement, with_statements
from kgbuild.resolve.document import RETYPED_AS_WORK, is_title_case
from kgbuild.resolve.nationalities import countries_for_nationalities
from kgbuild.resolve.parties import parties_for_titles

#: Patterns whose relations mean nothing untyped: dropped unless they were typed.
TYPED_ONLY_PATTERNS = frozenset({"possessive", "based_modifier"})

_PERSON, _ORG, _PLACE, _DATE = frozenset({"Person"}), frozenset({"Organization"}), frozenset({"Place"}), frozenset({"Date"})
_AGENT = frozenset({"Person", "Organization", "Group", "Place"})  # who acts: people, bodies, governments
_BODY = frozenset({"Organization", "Place"})  # an employer: a company, an agency, a government
_WORK = frozenset({"CreativeWork", "Product", "Title"})  # named works: "the film" or "a letter" is no node for a typed edge
_PLACE_OR_ORG = frozenset({"Place", "Organization"})

#: open predicate → [(subject types, object types, property, inverted)]. Inverted: the open
#: relation's object is the property's subject ("X founded Y" → Y kg:foundedBy X).
VERB_LEXICON: dict[str, list[tuple[frozenset, frozenset, str, bool]]] = {
    "work_for": [(_PERSON, _BODY, "employer", False)],
    "work_at": [(_PERSON, _ORG, "employer", False)],
    "join": [(_PERSON, _ORG, "memberOfParty", False)],  # a party only (``_refine``): "joined ISU" is a job
    "be_member_of": [(_PERSON | _ORG | _PLACE, _ORG, "memberOf", False)],
    "member_of": [(_PERSON | _ORG | _PLACE, _ORG, "memberOf", False)],
    "leader_of": [(_PERSON, _ORG, "memberOf", False)],
    "spokesman_for": [(_PERSON, _BODY, "employer", False)],
    "spokesman_of": [(_PERSON, _BODY, "employer", False)],
    "spokeswoman_for": [(_PERSON, _BODY, "employer", False)],
    "spokesperson_for": [(_PERSON, _BODY, "employer", False)],
    "employee_of": [(_PERSON, _ORG, "employer", False)],
    "ceo_of": [(_PERSON, _ORG, "employer", False)],
    "executive_of": [(_PERSON, _ORG, "employer", False)],  # "Google's chief executive"
    "director_of": [(_PERSON, _ORG, "employer", False)],
    "manager_of": [(_PERSON, _ORG, "employer", False)],
    "coach_of": [(_PERSON, _ORG, "employer", False)],
    "editor_of": [(_PERSON, _ORG, "employer", False)],
    "head_of": [(_PERSON, _ORG, "employer", False)],
    "founder_of": [(_PERSON | _ORG, _ORG, "foundedBy", True)],
    "co-founder_of": [(_PERSON | _ORG, _ORG, "foundedBy", True)],
    "cofounder_of": [(_PERSON | _ORG, _ORG, "foundedBy", True)],
    "found": [(_PERSON | _ORG, _ORG, "foundedBy", True)],
    "co-found": [(_PERSON | _ORG, _ORG, "foundedBy", True)],
    "chairman_of": [(_PERSON, _ORG, "chairperson", True)],
    "chairwoman_of": [(_PERSON, _ORG, "chairperson", True)],
    "prime_minister_of": [(_PERSON, _PLACE, "headOfGovernment", True)],
    "mayor_of": [(_PERSON, _PLACE, "headOfGovernment", True)],
    "wife_of": [(_PERSON, _PERSON, "spouse", False)],
    "husband_of": [(_PERSON, _PERSON, "spouse", False)],
    "marry": [(_PERSON, _PERSON, "spouse", False)],
    "son_of": [(_PERSON, _PERSON, "child", True)],
    "daughter_of": [(_PERSON, _PERSON, "child", True)],
    "brother_of": [(_PERSON, _PERSON, "sibling", False)],
    "sister_of": [(_PERSON, _PERSON, "sibling", False)],
    "capital_of": [(_PLACE, _PLACE, "capital", True)],
    "be_capital_of": [(_PLACE, _PLACE, "capital", True)],
    "be_born_in": [(_PERSON, _PLACE, "placeOfBirth", False), (_PERSON, _DATE, "dateOfBirth", False)],
    "be_born_on": [(_PERSON, _DATE, "dateOfBirth", False)],
    "bear_in": [(_PERSON, _PLACE, "placeOfBirth", False)],
    "die_in": [(_PERSON, _PLACE, "placeOfDeath", False)],
    "be_headquartered_in": [(_ORG, _PLACE, "headquarters", False)],
    "be_based_in": [(_ORG, _PLACE, "headquarters", False)],
    "study_at": [(_PERSON, _ORG, "educatedAt", False)],
    "graduate_from": [(_PERSON, _ORG, "educatedAt", False)],
    "attend": [(_PERSON, _ORG, "educatedAt", False)],  # a school only (``_refine``): not "attended the show"
    "direct": [(_PERSON, _WORK, "director", True)],
    "write": [(_PERSON, _WORK, "author", True)],
    "publish": [(_ORG, _WORK, "publisher", True)],
    "compose": [(_PERSON, _WORK, "composer", True)],
    "create": [(_PERSON | _ORG, _WORK | _PERSON, "creator", True)],  # a character is tagged a person
    "produce": [(_PERSON | _ORG, _WORK, "producer", True)],
    "air_on": [(_WORK | _ORG, _ORG, "originalNetwork", False)],  # NER tags many shows organisations
    "broadcast_on": [(_WORK | _ORG, _ORG, "originalNetwork", False)],
    "flow_into": [(_PLACE, _PLACE, "mouthOfWatercourse", False)],
    "empty_into": [(_PLACE, _PLACE, "mouthOfWatercourse", False)],
    "work_in": [(_PERSON, _PLACE, "workLocation", False)],
    "own": [(_PERSON | _ORG | _PLACE, _ORG | _WORK, "ownedBy", True)],
    "acquire": [(_PERSON | _ORG, _ORG, "acquired", False)],
    "buy": [(_PERSON | _ORG, _ORG, "acquired", False)],
    "take_over": [(_ORG, _ORG, "acquired", False)],
    "meet": [(_AGENT, _PERSON | _ORG, "metWith", False)],
    "meet_with": [(_AGENT, _PERSON | _ORG, "metWith", False)],
    "hold_talk_with": [(_AGENT, _PERSON | _ORG, "metWith", False)],
    "sue": [(_AGENT, _AGENT, "sued", False)],
    "arrest": [(_PLACE_OR_ORG | _PERSON, _PERSON, "arrested", False)],
    "detain": [(_PLACE_OR_ORG, _PERSON, "arrested", False)],
    "appoint": [(_AGENT, _PERSON, "appointed", False)],
    "name": [(_ORG | _PLACE, _PERSON, "appointed", False)],
    "nominate": [(_AGENT, _PERSON, "appointed", False)],
    "resign_from": [(_PERSON, _ORG, "resignedFrom", False)],
    "step_down_from": [(_PERSON, _ORG, "resignedFrom", False)],
    "be_elected_to": [(_PERSON, _ORG, "electedTo", False)],
    "visit": [(_AGENT, _PLACE_OR_ORG, "visited", False)],
    "attack": [(_AGENT, _AGENT, "attacked", False)],
    "kill": [(_AGENT, _PERSON, "killed", False)],
    "sign_with": [(_PERSON | _ORG, _ORG, "signedWith", False)],
    "play_for": [(_PERSON, _ORG, "memberOfTeam", False)],
    "star": [(_WORK, _PERSON, "castMember", False)],
    "star_in": [(_PERSON, _WORK, "castMember", True)],
    "perform": [(_PERSON | _ORG, _WORK, "performer", True)],
    "sing": [(_PERSON | _ORG, _WORK, "performer", True)],
    "record": [(_PERSON | _ORG, _WORK, "performer", True)],
    "develop": [(_ORG, _WORK, "developer", True)],
    "manufacture": [(_ORG, _WORK, "manufacturer", True)],
    "fight_in": [(_PERSON | _ORG | _PLACE, frozenset({"Event"}), "conflict", False)],
    "take_part_in": [(_AGENT, frozenset({"Event"}), "participantIn", False)],
    "participate_in": [(_AGENT, frozenset({"Event"}), "participantIn", False)],
    "compete_in": [(_AGENT, frozenset({"Event"}), "participantIn", False)],
    "part_of": [(_PLACE | _ORG, _PLACE | _ORG, "partOf", False)],
    "be_part_of": [(_PLACE | _ORG, _PLACE | _ORG, "partOf", False)],
    "subsidiary_of": [(_ORG, _ORG, "parentOrganization", False)],
    "unit_of": [(_ORG, _ORG, "parentOrganization", False)],
    "division_of": [(_ORG, _ORG, "parentOrganization", False)],
    "president_of": [(_PERSON, _PLACE, "headOfState", True), (_PERSON, _ORG, "chairperson", True)],
    "king_of": [(_PERSON, _PLACE, "headOfState", True)],
    "queen_of": [(_PERSON, _PLACE, "headOfState", True)],
    "be_located_in": [(_ORG, _PLACE, "locatedIn", False), (frozenset({"Event"}), _PLACE, "location", False)],
    "be_founded_in": [(_ORG, _DATE, "inception", False)],
    "be_established_in": [(_ORG, _DATE, "inception", False)],
    "be_released_in": [(_WORK, _DATE, "publicationDate", False)],
    "be_published_in": [(_WORK, _DATE, "publicationDate", False)],
    "die_on": [(_PERSON, _DATE, "dateOfDeath", False)],
    "be_held_in": [(frozenset({"Event"}), _PLACE, "location", False)],
    "hold_position": [(_PERSON, frozenset({"Concept"}), "positionHeld", False)],
    "be_signed_to": [(_PERSON | _ORG, _ORG, "recordLabel", False)],
    "minister_of": [(_PERSON, _PLACE, "headOfGovernment", True)],  # only "prime minister of" (below)
}
#: Properties stated with their inverse: the gold (and a reader) expects both directions.
STATED_WITH_INVERSE = frozenset({"partOf", "hasPart", "participant", "participantIn", "parentOrganization", "subsidiary"})
#: Properties stated with a companion in the other direction: an author's, a performer's or a director's work
#: is a notable work of theirs (on the Re-DocRED dev split, every P50, P175, P57, P86 and P162 has its P800
#: back), and a capital is in the place it is the capital of.
COMPANIONS = {"author": "notableWork", "performer": "notableWork", "director": "notableWork",
              "composer": "notableWork", "producer": "notableWork", "capital": "locatedIn"}

#: A typed property's subject and object types: those of its domain and range in the ontology,
#: with the entity types NER confuses for them.
_CLASS_FITS: dict[str, frozenset[str] | None] = {
    "Person": _PERSON, "Organization": _ORG | frozenset({"Group", "Concept"}), "Place": _PLACE | frozenset({"Group"}),
    "Date": _DATE, "CreativeWork": _WORK | _ORG | frozenset({"Concept"}), "Event": frozenset({"Event", "Concept"}), "Entity": None,
}


#: Properties whose object is a body, never a person.
NOT_A_PERSON_RANGE = frozenset({"employer", "memberOf", "memberOfParty", "memberOfTeam", "educatedAt", "country",
                                "locatedIn", "headquarters", "citizenship", "parentOrganization", "partOf"})


#: Properties of places and bodies, never of a person.
PLACE_SUBJECTS = frozenset({"locatedIn", "country", "containsPlace", "headquarters", "capital", "location"})


def fits(key: str, subject: Entity, obj: Entity) -> bool:
    """Whether two entities fit a typed property's domain and range.

    Example
    -------
    >>> fits("employer", Entity("e0", "Person", "Ann"), Entity("e1", "Organization", "CNN"))
    True
    >>> fits("employer", Entity("e0", "Place", "Kabul"), Entity("e1", "Organization", "CNN"))
    False
    """
    prop = PROPERTIES[key]
    if key in NOT_A_PERSON_RANGE and obj.type == "Person":
        return False  # "Thanou's coach": whoever employs a coach, it is no person here
    if key in PLACE_SUBJECTS and subject.type == "Person":
        return False  # "Carrie Rudzki with the jail in Oakland County, Michigan": a person is in no county
    for cls, entity in ((prop.domain, subject), (prop.range, obj)):
        allowed = _CLASS_FITS.get(cls)
        kind = "Person" if _kind(entity) == "Person" else entity.type
        if allowed is not None and kind not in allowed:
            return False
        if allowed is None and entity.type in ("Date", "Quantity") and key not in ("inception",):
            return False  # a date is no member, owner or participant
    return True


def typed_statements(statement: Statement, entities: dict[str, Entity]) -> list[Statement]:
    """The statement typed (with its inverse, for ``STATED_WITH_INVERSE``), as it was, or nothing.

    Example
    -------
    >>> ents = {"a": Entity("a", "Organization", "YouTube"), "b": Entity("b", "Organization", "Google")}
    >>> st = Statement("a", "unit_of", "b", "YouTube is a unit of Google.", 0, 28, "is a unit of", "YouTube", "Google", 0.8, "copula")
    >>> [(s.subject, s.predicate, s.object) for s in typed_statements(st, ents)]
    [('a', 'kg:parentOrganization', 'b'), ('b', 'kg:subsidiary', 'a')]
    """
    one = type_statement(statement, entities)
    if one is None:
        return []
    one = _as_leader(one, entities)
    prop = property_of(one.predicate)
    other = COMPANIONS.get(prop.key) if prop is not None else None
    if prop is not None and prop.key in STATED_WITH_INVERSE:
        other = prop.inverse
    if other is None:
        return [one]
    inverse = replace(one, predicate=typed(other), subject=one.object, object=one.subject,
                      subject_text=one.object_text, object_text=one.subject_text)
    return [one, inverse]


#: Nouns of places: a nationality before one gives the place's country, not a citizenship.
PLACE_NOUNS = frozenset({"city", "town", "village", "hamlet", "port", "capital", "region", "province", "county",
                         "district", "municipality", "commune", "suburb", "island", "river", "lake", "state"})

#: Nouns of works, products and bands, whose country is their country of origin (P495), not a place's P17:
#: "a 1974 Belgian film", "an American daily newspaper", "an English rock band".
WORK_NOUNS = CREATIVE_WORK_NOUNS | frozenset({"missile", "aircraft", "car", "rifle", "band", "duo", "trio"})

#: Kinds of work and who makes each: "X is the debut album by Y", "a 2006 novel by Y", "a 1951 film by Y".
#: The copula says what X is, whatever NER took the name for ("Load is an album by Metallica": Load a person).
WORK_MAKERS = {"album": "performer", "song": "performer", "single": "performer", "ep": "performer",
               "mixtape": "performer", "novel": "author", "book": "author", "poem": "author", "memoir": "author",
               "novella": "author", "film": "director", "movie": "director", "documentary": "director",
               "opera": "composer", "symphony": "composer", "painting": "creator", "sculpture": "creator"}
#: Who can make a work: a person, a band (an organisation or a group) or a band NER took for a work.
_MAKERS = _PERSON | _ORG | frozenset({"Group", "CreativeWork"})


def works_by_definition(resolved: ResolvedDocument) -> ResolvedDocument:
    """The document with every name that a copula defines as a work ("X is an album by Y") typed a
    CreativeWork, and the copula's "by" typed as the property of its kind of work (``WORK_MAKERS``).

    Example
    -------
    >>> from kgbuild.records import Document
    >>> ents = {"a": Entity("a", "Person", "Load"), "b": Entity("b", "Person", "Metallica")}
    >>> st = Statement("a", "album_by", "b", "Load is an album by Metallica.", 0, 30, "is album by", "Load",
    ...                "Metallica", 0.6, "copula_prep")
    >>> out = works_by_definition(ResolvedDocument(Document("d", st.sentence), ents, [st]))
    >>> out.entities["a"].type, [s.predicate for s in out.statements]
    ('CreativeWork', ['kg:performer'])
    """
    works, statements = set(), []
    for st in resolved.statements:
        noun, _, by = st.predicate.rpartition("_")
        key = WORK_MAKERS.get(noun) if by == "by" and st.pattern == "copula_prep" else None
        subject, maker = resolved.entities[st.subject], resolved.entities[st.object]
        if key is None or not (subject.type in RETYPED_AS_WORK or _kind(subject) == "Title") \
                or _kind(maker) not in _MAKERS:
            statements.append(st)
            continue
        works.add(st.subject)
        statements.append(replace(st, predicate=typed(key)))
    if not works:
        return resolved
    entities = {k: replace(e, type="CreativeWork") if k in works else e for k, e in resolved.entities.items()}
    return replace(resolved, entities=entities, statements=statements)


#: Title words that make a place's employee its head of state or of government.
LEADER_TITLES = {"president": "headOfState", "king": "headOfState", "queen": "headOfState", "emir": "headOfState",
                 "prime minister": "headOfGovernment", "premier": "headOfGovernment", "mayor": "headOfGovernment",
                 "governor": "headOfGovernment"}


def _as_leader(statement: Statement, entities: dict[str, Entity]) -> Statement:
    """ "U.S. President Barack Obama", "Pakistani Prime Minister Nawaz Sharif": a place's president or
    prime minister heads its state or government (Wikidata P35, P6), which says more than its employer.

    Example
    -------
    >>> ents = {"a": Entity("a", "Person", "Barack Obama"), "b": Entity("b", "Place", "U.S.")}
    >>> st = Statement("a", "kg:employer", "b", "U.S. President Barack Obama spoke.", 0, 34, "is President of",
    ...                "Barack Obama", "U.S.", 0.8, "title")
    >>> s = _as_leader(st, ents); (s.subject, s.predicate, s.object)
    ('b', 'kg:headOfState', 'a')
    """
    if statement.predicate != typed("employer") or statement.pattern != "title" or entities[statement.object].type != "Place":
        return statement
    words = statement.relation_text.lower().removeprefix("is ").removesuffix(" of")
    if words.startswith(("former ", "ex-", "late ")) or _deputy(statement, set(words.split())):
        return statement  # not the one who leads it now
    key = LEADER_TITLES.get(words) or LEADER_TITLES.get(" ".join(words.split()[-2:]))
    if key is None:
        return statement
    return replace(statement, predicate=typed(key), subject=statement.object, object=statement.subject,
                   subject_text=statement.object_text, object_text=statement.subject_text)


#: A learned entry (``kgbuild/data/typed_verbs.json``) is used when the gold of the training documents
#: related its statements by the property at least this often...
MIN_PRECISION = 0.7
#: ...over at least this many statements.
MIN_SUPPORT = 4


@functools.lru_cache(maxsize=1)
def learned_verbs() -> dict[tuple[str, str, str], list[tuple[str, bool]]]:
    """(open predicate, subject type, object type) → [(property, inverted)], learned from the Re-DocRED
    dev split's training part (MIT licence) by ``bench/train_relations.py``; empty when not installed."""
    path = resources.files("kgbuild").joinpath("data/typed_verbs.json")
    if not path.is_file():
        return {}
    learned: dict[tuple[str, str, str], list[tuple[str, bool]]] = {}
    for entry in json.loads(path.read_text(encoding="utf-8"))["entries"]:
        n = entry["statements"]
        found = [(key, direction == "rev") for key, direction, correct in entry["properties"]
                 if n >= MIN_SUPPORT and correct / n >= MIN_PRECISION and key in PROPERTIES]
        if found:
            learned[(entry["predicate"], entry["subject"], entry["object"])] = found
    return learned


def _kind(entity: Entity) -> str:
    """An entity's type, with "Title" for a capitalised name NER did not tag ("Jaws", "Animal Farm"),
    and "Person" for a name with an honorific, whatever NER made of it ("Mr Cable")."""
    if entity.name.split(" ", 1)[0].lower().rstrip(".") in HONORIFICS and " " in entity.name:
        return "Person"
    if entity.type == "Concept" and is_title_case(entity.name):
        return "Title"
    return entity.type


#: Words of a school's name: "educated at" needs one ("attended the Dior show" is no education).
SCHOOL_WORDS = frozenset({"university", "college", "school", "academy", "institute", "polytechnic", "seminary", "conservatory"})
#: Head nouns of a position ("Secretary of State", "reserve driver"): a title without one ("Australian
#: sensation", "singers") is a description, not a position held.
POSITION_NOUNS = GOVERNMENT_ROLES | frozenset({
    "chairman", "chairwoman", "chair", "ceo", "executive", "director", "manager", "coach", "captain", "driver",
    "leader", "commander", "founder", "judge", "justice", "editor", "correspondent", "analyst", "officer",
    "representative", "premier", "chancellor", "king", "queen", "prince", "pope", "bishop", "archbishop",
    "admiral", "colonel", "lieutenant", "sergeant", "spokesman", "head", "deputy", "attorney", "prosecutor",
    "sheriff", "speaker", "treasurer", "economist", "strategist", "professor", "dean", "principal",
    "commissioner", "reporter", "journalist", "producer", "employee", "worker", "engineer", "scientist",
    "researcher", "lawyer", "partner", "owner", "boss", "vp", "cfo", "coo", "cto", "staffer", "operative",
    "dj", "presenter", "host", "anchor", "columnist", "frontman", "singer", "guitarist", "drummer", "bassist",
    "vocalist", "keyboardist",
})
#: Players' positions: "Chelsea striker Diego Costa" plays for Chelsea (Wikidata P54).
PLAYER_NOUNS = frozenset({"striker", "goalkeeper", "keeper", "midfielder", "defender", "forward", "winger", "full-back",
                          "centre-back", "center-back", "fullback", "playmaker", "quarterback", "pitcher", "batsman",
                          "bowler", "player", "star", "skipper"})
#: Roles that make their holder a member or leader of an organisation, not an employee: "ISIS leader".
MEMBER_ROLES = frozenset({"leader", "commander", "member", "founder", "militant", "fighter", "frontman", "singer",
                          "guitarist", "drummer", "bassist", "vocalist", "keyboardist"})


#: Parties that news names without "Party".
PARTY_NAMES = frozenset({"labour", "labor", "african national congress", "conservatives", "tories", "democrats",
                         "republicans", "liberal democrats",
                         "lib dems", "snp", "ukip", "gop", "anc", "bjp", "congress party", "likud", "pml-n", "ppp"})


def _is_party(name: str) -> bool:
    lower = name.lower().removeprefix("the ")
    return lower in PARTY_NAMES or lower.endswith(" party")


def _deputy(statement: Statement, words: set[str]) -> bool:
    """A deputy's title: "vice president of" (the words may keep only "president of")."""
    if words & {"vice", "deputy", "assistant"}:
        return True
    return any(re.search(rf"\b(vice|deputy|assistant)[ -]{re.escape(w)}\b", statement.sentence, re.IGNORECASE)
               for w in words - {"is", "of"})


def _refine(key: str, statement: Statement, obj: Entity) -> str | None:
    """A narrower property where the words or the name say so; None where the words rule it out."""
    words = set(statement.relation_text.lower().replace(",", " ").split())
    if key == "citizenship" and any("'s" in w or "’s" in w for w in words):
        return None  # "the Swiss team's reserve driver": the nationality is the team's
    if key in ("citizenship", "country") and obj.name.lower() in NOT_NATIONALITIES:
        return None  # "European champion", "a Christian college": no country
    if key == "citizenship" and ORG_NOUNS.intersection(words):
        return None  # "Russian oil company Yukos": a company has no citizenship, whatever NER made of it
    if key == "citizenship" and PLACE_NOUNS.intersection(words):
        return "country"  # "Koblenz is a German city": a place has a country, whatever NER made of it
    if key in ("country", "citizenship") and WORK_NOUNS.intersection(words):
        return "countryOfOrigin"  # "Vase de Noces is a 1974 Belgian film": where a work comes from
    if key == "educatedAt" and not SCHOOL_WORDS.intersection(obj.name.lower().split()):
        return None
    if key == "positionHeld" and not POSITION_NOUNS.intersection(obj.name.lower().split()):
        return None
    if key == "employer" and MEMBER_ROLES.intersection(words) and obj.type == "Organization":
        return "memberOf"
    party = _is_party(obj.name)
    if key == "memberOfParty":
        return key if party else None
    if key in ("memberOf", "employer") and party:
        return "memberOfParty"  # "Labour's Ed Balls": a party's member, not its employee
    if key == "employer" and obj.name.split()[-1].lower() in POSITION_NOUNS:
        return None  # "US Attorney", "New York Attorney": a name that took in the title is no employer
    if key == "employer" and statement.pattern == "title" and PLAYER_NOUNS.intersection(words) and obj.type == "Organization":
        return "memberOfTeam"
    if key == "employer" and statement.pattern == "title" and not POSITION_NOUNS.intersection(words):
        return None  # "Wimbledon champion Maria Sharapova": a title, but no job
    if key in ("headOfState", "headOfGovernment", "chairperson") and _deputy(statement, words):
        return None  # "senior vice president of": not the one who leads it
    if key == "employer" and statement.pattern == "title" and obj.type == "Place" \
            and not GOVERNMENT_ROLES.intersection(statement.relation_text.lower().split()):
        return None  # "Scotland boss Gordon Strachan": a team's name; "U.S. Secretary of State": a government
    if key == "headOfGovernment" and not words & {"prime", "mayor", "premier"} and not re.search(
            rf"\b(prime minister|premier|mayor) of (the )?{re.escape(statement.object_text)}", statement.sentence, re.IGNORECASE):
        return None  # "foreign minister of": not the head of government (the words may keep only "minister of")
    return key


def type_statement(statement: Statement, entities: dict[str, Entity]) -> Statement | None:
    """The statement typed, as it was, or None when it is to be dropped.

    Example
    -------
    >>> ents = {"a": Entity("a", "Person", "Ann Lee"), "b": Entity("b", "Organization", "CNN")}
    >>> st = Statement("a", "work_for", "b", "Ann Lee works for CNN.", 0, 22, "works for", "Ann Lee", "CNN", 0.8, "verb_prep")
    >>> type_statement(st, ents).predicate
    'kg:employer'
    """
    subject, obj = entities[statement.subject], entities[statement.object]
    prop = property_of(statement.predicate)
    if prop is not None:  # read typed by a pattern: checked against the types and the words
        refined = _refine(prop.key, statement, obj)
        # the words may say what NER did not: "X is a Belgian film" has an origin, whatever X's type
        if refined is None or not (fits(prop.key, subject, obj) or fits(refined, subject, obj)):
            return None
        return statement if refined == prop.key else replace(statement, predicate=typed(refined))
    candidates = list(VERB_LEXICON.get(statement.predicate, ()))
    # the learned entries name the types exactly (those of the training statements)
    if statement.pattern not in TYPED_ONLY_PATTERNS:  # a possessive is typed by names only, never by counts
        candidates += [(frozenset({subject.type}), frozenset({obj.type}), key, inverted)
                       for key, inverted in learned_verbs().get((statement.predicate, subject.type, obj.type), ())]
    for subject_types, object_types, key, inverted in candidates:
        s, o = (obj, subject) if inverted else (subject, obj)
        if _kind(subject) in subject_types and _kind(obj) in object_types and fits(key, s, o):
            refined = _refine(key, statement, o)
            if refined is None:
                continue
            if not inverted:
                return replace(statement, predicate=typed(refined))
            return replace(statement, predicate=typed(refined), subject=statement.object, object=statement.subject,
                           subject_text=statement.object_text, object_text=statement.subject_text)
    if statement.pattern in TYPED_ONLY_PATTERNS:
        return None
    return statement


def type_document(resolved: ResolvedDocument) -> ResolvedDocument:
    """A resolved document with its statements typed (``type_statement``).

    Example
    -------
    >>> from kgbuild.records import Document
    >>> ents = {"a": Entity("a", "Person", "Ann Lee"), "b": Entity("b", "Person", "Bo Lee")}
    >>> st = Statement("a", "marry", "b", "Ann Lee married Bo Lee.", 0, 23, "married", "Ann Lee", "Bo Lee", 0.8, "verb_object")
    >>> [s.predicate for s in type_document(ResolvedDocument(Document("d", st.sentence), ents, [st])).statements]
    ['kg:spouse']
    """
    resolved = works_by_definition(parties_for_titles(countries_for_nationalities(resolved)))
    statements = []
    seen = set()
    for typed_statement in (t for st in resolved.statements for t in typed_statements(st, resolved.entities)):
        key = (typed_statement.subject, typed_statement.predicate, typed_statement.object, typed_statement.sentence_start)
        if property_of(typed_statement.predicate) is not None:
            if key in seen:  # two patterns read the same typed fact from one sentence: once is enough
                continue
            seen.add(key)
        statements.append(typed_statement)
    # a description only a dropped possessive used is no node
    return with_statements(resolved, statements)
