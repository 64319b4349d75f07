"""The typed relation properties: canonical names, aligned to Wikidata and schema.org.

Shared by extraction, resolution and the RDF export. Each typed edge of the graph uses one of these
properties instead of an open ``rel:`` predicate made from the words. A property's key is its local name in the ontology (``kg:employer``); its Wikidata
direct property (``wdt:P108``) is declared ``owl:equivalentProperty``, and so is the schema.org
property where one means the same (``schema:worksFor``); a looser schema.org match is
``rdfs:subPropertyOf`` (``kg:father`` under ``schema:parent``) or ``skos:closeMatch`` (schema.org's
dates are literals, ours are Date entities). ``ontologies/kgbuild.ttl`` declares every one of them
(``tests/test_properties.py`` holds the two together).

A statement's predicate names a typed property as ``TYPED_PREFIX + key`` (``"kg:employer"``):
open predicates are lemmas joined by "_" and never hold a colon, so the two cannot be confused.
"""

from __future__ import annotations

from dataclasses import dataclass

#: How a statement's predicate names a typed property: "kg:" and the property's key.
TYPED_PREFIX = "kg:"


@dataclass(frozen=True)
class Property:
    """One typed property.

    Example
    -------
    >>> PROPERTIES["employer"].wikidata, PROPERTIES["employer"].schema
    ('P108', 'worksFor')
    """

    key: str  # local name in the kgbuild ontology
    label: str
    comment: str
    domain: str  # class of the kgbuild ontology
    range: str
    wikidata: str | None = None  # P-id of the Wikidata direct property
    schema: str | None = None  # schema.org property with the same meaning
    schema_sub: str | None = None  # schema.org property this one narrows
    schema_close: str | None = None  # schema.org property close in meaning but not in range
    inverse: str | None = None  # key of the inverse property, stated alongside
    group: str = "places"


def _p(key, label, comment, domain, range_, wikidata=None, schema=None, group="places", **kw) -> Property:
    return Property(key, label, comment, domain, range_, wikidata, schema, group=group, **kw)


_ALL = [
    # places
    _p("locatedIn", "located in", "The subject is in this administrative territory or place (a city in a province, an embassy in a city).",
       "Entity", "Place", "P131", schema_sub="containedInPlace", inverse="containsPlace"),
    _p("containsPlace", "contains", "The subject territory contains this administrative territory or place.",
       "Place", "Entity", "P150", schema_sub="containsPlace", inverse="locatedIn"),
    _p("country", "country", "The country the subject (a place, an organisation, an event) is in or belongs to.",
       "Entity", "Place", "P17"),
    _p("headquarters", "headquarters location", "Where the organisation has its headquarters.",
       "Organization", "Place", "P159"),
    _p("location", "location", "Where the subject (an event, a building, an object) is or took place.",
       "Entity", "Place", "P276", schema="location"),
    _p("capital", "capital", "The subject's capital city.", "Place", "Place", "P36"),
    # people and organisations
    _p("citizenship", "country of citizenship", "A country (or nationality) the person is a citizen of.",
       "Person", "Entity", "P27", schema_sub="nationality", group="people"),
    _p("employer", "employer", "An organisation or government the person works for.",
       "Person", "Entity", "P108", schema="worksFor", group="people"),
    _p("positionHeld", "position held", "A position the person holds or held, as written ('Secretary of State').",
       "Person", "Entity", "P39", schema_sub="hasOccupation", group="people"),
    _p("memberOf", "member of", "An organisation, party or group the subject is a member of.",
       "Entity", "Entity", "P463", schema="memberOf", group="people"),
    _p("memberOfParty", "member of political party", "The political party the person is a member of.",
       "Person", "Organization", "P102", schema_sub="memberOf", group="people"),
    _p("memberOfTeam", "member of sports team", "The sports team the person plays or played for.",
       "Person", "Organization", "P54", schema_sub="memberOf", group="people"),
    _p("educatedAt", "educated at", "A school or university the person studied at.",
       "Person", "Organization", "P69", schema="alumniOf", group="people"),
    # leadership
    _p("headOfGovernment", "head of government", "The head of the place's government (prime minister, mayor).",
       "Place", "Person", "P6", group="leadership"),
    _p("headOfState", "head of state", "The place's head of state (president, monarch).",
       "Place", "Person", "P35", group="leadership"),
    _p("chairperson", "chairperson", "The person who leads the organisation (chairman, president, director).",
       "Organization", "Person", "P488", group="leadership"),
    _p("foundedBy", "founded by", "A founder of the subject.", "Entity", "Entity", "P112", schema="founder",
       group="leadership"),
    # ownership and structure
    _p("ownedBy", "owned by", "The owner of the subject.", "Entity", "Entity", "P127", group="structure"),
    _p("parentOrganization", "parent organization", "The organisation the subject is a part or subsidiary of.",
       "Organization", "Organization", "P749", schema="parentOrganization", inverse="subsidiary", group="structure"),
    _p("subsidiary", "subsidiary", "An organisation the subject owns or controls.",
       "Organization", "Organization", "P355", schema="subOrganization", inverse="parentOrganization", group="structure"),
    _p("partOf", "part of", "Something the subject is a part of.", "Entity", "Entity", "P361", schema="isPartOf",
       inverse="hasPart", group="structure"),
    _p("hasPart", "has part", "A part of the subject.", "Entity", "Entity", "P527", schema="hasPart",
       inverse="partOf", group="structure"),
    # family
    _p("spouse", "spouse", "The person's husband or wife.", "Person", "Person", "P26", schema="spouse", group="family"),
    _p("child", "child", "The person's son or daughter.", "Person", "Person", "P40", schema="children", group="family"),
    _p("father", "father", "The person's father.", "Person", "Person", "P22", schema_sub="parent", group="family"),
    _p("mother", "mother", "The person's mother.", "Person", "Person", "P25", schema_sub="parent", group="family"),
    _p("sibling", "sibling", "The person's brother or sister.", "Person", "Person", "P3373", schema="sibling",
       group="family"),
    # life and dates
    _p("dateOfBirth", "date of birth", "When the person was born.", "Person", "Date", "P569",
       schema_close="birthDate", group="life"),
    _p("placeOfBirth", "place of birth", "Where the person was born.", "Person", "Place", "P19",
       schema="birthPlace", group="life"),
    _p("dateOfDeath", "date of death", "When the person died.", "Person", "Date", "P570",
       schema_close="deathDate", group="life"),
    _p("placeOfDeath", "place of death", "Where the person died.", "Person", "Place", "P20",
       schema="deathPlace", group="life"),
    _p("inception", "inception", "When the subject (an organisation, a place, a work) was founded or created.",
       "Entity", "Date", "P571", schema_close="foundingDate", group="life"),
    _p("publicationDate", "publication date", "When the work was published or released.",
       "CreativeWork", "Date", "P577", schema_close="datePublished", group="life"),
    # events and works
    _p("participant", "participant", "A person, organisation or place that took part in the event.",
       "Entity", "Entity", "P710", inverse="participantIn", group="works"),
    _p("participantIn", "participant in", "An event the subject took part in.",
       "Entity", "Entity", "P1344", inverse="participant", group="works"),
    _p("author", "author", "An author of the work.", "CreativeWork", "Person", "P50", schema="author", group="works"),
    _p("notableWork", "notable work", "A work the subject (an author, an artist) made.",
       "Entity", "CreativeWork", "P800", group="works"),
    _p("director", "director", "A director of the film, play or show.", "CreativeWork", "Person", "P57",
       schema="director", group="works"),
    _p("castMember", "cast member", "An actor in the film or show.", "CreativeWork", "Person", "P161",
       schema="actor", group="works"),
    _p("performer", "performer", "A performer of the work (a singer, a band).", "CreativeWork", "Entity", "P175",
       schema_sub="contributor", group="works"),
    _p("publisher", "publisher", "The publisher of the work.", "CreativeWork", "Organization", "P123",
       schema="publisher", group="works"),
    _p("recordLabel", "record label", "The record label of the musician or the recording.",
       "Entity", "Organization", "P264", group="works"),
    _p("developer", "developer", "The organisation that developed the product or software.",
       "Entity", "Organization", "P178", group="works"),
    _p("manufacturer", "manufacturer", "The maker of the product.", "Entity", "Organization", "P176",
       schema="manufacturer", group="works"),
    _p("conflict", "conflict", "A war or armed conflict the subject took part in.", "Entity", "Event", "P607",
       group="works"),
    # more of Wikidata's: works, waters and work places (verbs of resolve/typed.py, the pair model)
    _p("countryOfOrigin", "country of origin", "The country the work, product or band comes from.", "Entity",
       "Place", "P495", schema="countryOfOrigin", group="more"),
    _p("continent", "continent", "The continent the place is on.", "Place", "Place", "P30", group="more"),
    _p("mouthOfWatercourse", "mouth of the watercourse", "The body of water the river flows into.", "Place",
       "Place", "P403", group="more"),
    _p("workLocation", "work location", "Where the person works or worked.", "Person", "Place", "P937",
       group="more"),
    _p("creator", "creator", "The maker of the subject (a work, a character).", "Entity", "Entity", "P170",
       schema="creator", group="more"),
    _p("composer", "composer", "The composer of the music.", "CreativeWork", "Person", "P86", schema="composer",
       group="more"),
    _p("producer", "producer", "A producer of the work.", "CreativeWork", "Entity", "P162", schema="producer",
       group="more"),
    _p("originalNetwork", "original network", "The channel or network that first broadcast the show.",
       "CreativeWork", "Organization", "P449", group="more"),
    # news events without a Wikidata direct property: ours only
    _p("acquired", "acquired", "The subject bought or took over the object (a company, a stake, an asset).",
       "Entity", "Entity", group="events"),
    _p("metWith", "met with", "The subject met the object.", "Entity", "Entity", group="events"),
    _p("sued", "sued", "The subject took the object to court.", "Entity", "Entity", group="events"),
    _p("arrested", "arrested", "The subject (police, an agency) arrested or detained the object.",
       "Entity", "Person", group="events"),
    _p("electedTo", "elected to", "The subject was elected to the object (an office, a body, a party's leadership).",
       "Person", "Entity", group="events"),
    _p("appointed", "appointed", "The subject appointed or named the object to a post.",
       "Entity", "Person", group="events"),
    _p("resignedFrom", "resigned from", "The subject resigned or stepped down from the object.",
       "Person", "Entity", group="events"),
    _p("visited", "visited", "The subject visited the object (a place, an organisation, a person).",
       "Entity", "Entity", group="events"),
    _p("attacked", "attacked", "The subject attacked the object.", "Entity", "Entity", group="events"),
    _p("killed", "killed", "The subject killed the object.", "Entity", "Entity", group="events"),
    _p("signedWith", "signed with", "The subject signed a contract or deal with the object.", "Entity", "Entity",
       group="events"),
]

#: Every typed property by key.
PROPERTIES: dict[str, Property] = {p.key: p for p in _ALL}
#: Typed property key by Wikidata P-id.
BY_WIKIDATA: dict[str, str] = {p.wikidata: p.key for p in _ALL if p.wikidata}


def typed(key: str) -> str:
    """The statement predicate naming a typed property.

    Example
    -------
    >>> typed("employer")
    'kg:employer'
    """
    if key not in PROPERTIES:
        raise KeyError(f"not a typed property: {key}")
    return TYPED_PREFIX + key


def property_of(predicate: str) -> Property | None:
    """The typed property a statement predicate names, or None for an open predicate.

    Example
    -------
    >>> property_of("kg:spouse").wikidata, property_of("meet_with")
    ('P26', None)
    """
    if not predicate.startswith(TYPED_PREFIX):
        return None
    return PROPERTIES.get(predicate[len(TYPED_PREFIX):])


def predicate_label(predicate: str) -> str:
    """A statement predicate's label: the typed property's, or the open predicate's words.

    Example
    -------
    >>> predicate_label("kg:metWith"), predicate_label("meet_with")
    ('met with', 'meet with')
    """
    prop = property_of(predicate)
    return prop.label if prop is not None else predicate.replace("_", " ")
