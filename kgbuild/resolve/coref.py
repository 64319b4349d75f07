"""Coreference within a document: which mentions are one entity.

Rules, applied in order of reliability, each recorded as the merge's evidence:
same-name, partial-name, short-name, company-name, acronym, also-known-as,
apposition, title, description, definite-description, role, pronoun (the
short-name and role rules live in ``kgbuild.resolve.aliases``, the description rules in
``kgbuild.resolve.descriptions``). Mentions are merged with a union-find (``kgbuild.resolve.clusters``);
a rule never merges two named entities of clashing types.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from spacy.strings import get_string_id

from kgbuild.extract.patterns.typed import countries
from kgbuild.lexicon import LEGAL_SUFFIXES, PRONOUNS, TYPE_GROUPS, country_aliases
from kgbuild.names import normalize
from kgbuild.parse.tokens import TokenTable, ids
from kgbuild.resolve import aliases
from kgbuild.resolve.aliases import COMPANY_SUFFIXES, PERSON_NOUNS, ROLE_NOUNS, abbreviates
from kgbuild.resolve.clusters import PERSON, Clusters
from kgbuild.resolve.descriptions import (
    DEFINITE,
    DESCRIPTION_TYPES,
    EVENT_DESCRIPTIONS,
    HEAD_MATCH_LABELS,
    PERSON_DESCRIPTIONS,
    WEAK_NAME_HEADS,
    ages,
    descriptions,
    name_head,
)
from kgbuild.resolve.entity_spans import ORG_HEADS
from kgbuild.resolve.mentions import Mention, MentionIndex, clean_name
from kgbuild.resolve.tags import (
    APPOS,
    COMPOUND,
    NSUBJ,
    PAST_PARTICIPLE,
    PLURAL_NOUNS,
    POSS,
    POSSESSIVE,
    POSSESSIVE_PRONOUN,
    SUBJECTS,
)

HONORIFIC_GENDER = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "sir": "m", "lady": "f"}
SPEAKER_PRONOUNS = frozenset(p for p, (g, _) in PRONOUNS.items() if g == "speaker")
# where the alias after "known as" hangs, and the subject of "it was ..." (ids of the dep column)
_ALIAS_DEPS, _DUMMY_SUBJECTS = ids("pobj", "oprd", "attr"), ids("nsubj", "expl")
_CONJ = get_string_id("conj")


def resolve_mentions(
    index: MentionIndex, speakers: dict[int, int], links: list[tuple[int, int, str]] | None = None,
    affiliations: list[tuple[int, int]] | None = None,
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
    affiliations : list, optional
        (person mention id, mention id) pairs the extractor tied together by a title or apposition
        ("Acme spokesman John Smith", "Smith, a member of the team"): a quoted "we" of the person is
        that organisation.

    Returns
    -------
    Clusters
    """
    mentions = index.mentions
    tt = index.table
    _repeated_names(index)
    _description_mentions(index)
    tickers = _tickers(index)
    _repair_company_labels(mentions, {company for company, _ in tickers})
    clusters = Clusters(mentions)
    for company, ticker in tickers:
        clusters.union(company, ticker, "ticker", force=True)
    for date, weekday in index.weekdays:
        clusters.union(date, weekday, "apposition", force=True)  # "Friday, July 21, 2017"
    _repair_person_labels(mentions)
    _repair_country_labels(tt, mentions)
    named = [m for m in mentions if m.label not in ("CONCEPT", "PRONOUN")]
    _same_name(clusters, named)
    _partial_names(clusters, tt, named)
    aliases.short_names(clusters, tt, named)
    _company_names(clusters, named)
    aliases.company_prefixes(clusters, named)
    aliases.facility_short_names(clusters, named)
    aliases.prefix_names(clusters, named)
    _acronyms(clusters, tt, named)
    _also_known_as(clusters, index)
    _appositions(clusters, index)
    organisations = {normalize(m.text) for m in named if m.label != PERSON}
    for a, b, rule in links or ():
        if rule == "title" and normalize(mentions[b].text) in organisations and mentions[b].label == "CONCEPT":
            continue  # a title that is all an organisation's name ("Virgin Radio" of "Virgin Radio DJ Pete
            # Mitchell") is the employer, not another name of the person
        clusters.union(a, b, rule)
    concepts = [m for m in mentions if m.label == "CONCEPT"]
    aliases.titles(clusters, tt, concepts, named)
    aliases.concept_names(clusters, tt, concepts, named)
    aliases.possessions(clusters, tt, mentions)
    descriptions(clusters, tt, mentions, index.narration_counts())
    ages(clusters, tt, mentions)
    aliases.roles(clusters, tt, concepts)
    _pronouns(clusters, tt, mentions, speakers, affiliations or [])
    return clusters


#: NER labels of names whose every occurrence is a mention (not dates or numbers: "May", "One").
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"})


def _repeated_names(index: MentionIndex) -> None:
    """Every other occurrence of a name NER found once is a mention too ("Anonymous" where NER missed it),
    spelled exactly so, with the label NER gave the name; the same-name rule then makes it one entity
    with it. Never inside another name: "UK" in "UK Albums Chart" and "Brown" in "Sarah Brown" are
    parts of those names (GUM annotates such nested names, Re-DocRED and our gold do not)."""
    tt = index.table
    names: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    seen = set()
    for m in list(index.mentions):
        if m.label not in _NAME_LABELS:
            continue
        words = tuple(tt.text[m.start:m.end])
        if len(words) > 1 and tt.pos_[m.start] == "DET":
            words = words[1:]  # "the Internet": "Internet" is the name
        if words in seen or not words[0][:1].isupper() or len("".join(words)) < 2:
            continue
        seen.add(words)
        names[words[0]].append((words, m.label))
    if not names:
        return
    text, n = tt.text, tt.n
    for i in range(n):
        for words, label in names.get(text[i], ()):
            end = i + len(words)
            if end > n or tuple(text[i:end]) != words or index.has_span(i, end):
                continue
            if index.ent_at(i) is not None or index.ent_at(end - 1) is not None:
                continue  # inside another name: "UK" in "UK Albums Chart" is part of that name
            index.add(i, end, label, tt.root(i, end), " ".join(words))


def _description_mentions(index: MentionIndex) -> None:
    """Every definite description that may refer back to a name is a mention, not only those that are
    relation arguments: "the festival", "the company", "the country", "the contest", "the actress" (a head
    noun of ``DESCRIPTION_TYPES``, ``EVENT_DESCRIPTIONS``, ``PERSON_DESCRIPTIONS`` or one of the document's names). The description rules resolve it or leave it, and an unresolved
    one that is no argument never becomes a node (``kgbuild.resolve.document`` keeps only entities that
    are named or in a statement)."""
    tt, doc = index.table, index.doc
    heads = set(DESCRIPTION_TYPES) | EVENT_DESCRIPTIONS | PERSON_DESCRIPTIONS
    for m in index.mentions:
        if m.label in HEAD_MATCH_LABELS:
            heads.add(name_head(tt, m))
    heads -= WEAK_NAME_HEADS
    taken = {m.head for m in index.mentions}
    for chunk in doc.noun_chunks:
        head = chunk.root.i
        if head in taken or tt.pos_[head] != "NOUN" or tt.lemma_[head].lower() not in heads \
                or tt.lower_[chunk.start] not in DEFINITE or index.ent_at(head) is not None:
            continue
        tokens = range(chunk.start, head + 1)
        if any(index.ent_at(t) is not None for t in tokens):
            continue  # "the Google spokesman": a name's description, its own rules
        name = clean_name(tt, tokens)
        if name:
            index.add(chunk.start, head + 1, "CONCEPT", head, name)


_TICKER = re.compile(r"^[A-Z][A-Z0-9]{0,5}(?:\.[A-Z]{1,2})?$")


def _tickers(index: MentionIndex) -> list[tuple[int, int]]:
    """A ticker in angle brackets after a name ("Showa Shell Sekiyu KK <SHOL.T>") is that company's name,
    and says the name is a company's, whatever NER made of it. Returns (company, ticker) mention ids."""
    tt = index.table
    found = []
    for i in index.tokens_where(index.orth, {"<"}):
        if i == 0 or i + 2 >= tt.n or tt.text[i + 2] != ">" or not _TICKER.match(tt.text[i + 1]):
            continue
        ent = index.ent_at(i - 1)
        company = index.mention_at(ent.start, ent.end) if ent is not None else None
        if company is None or company.label not in ("ORG", "PERSON", "GPE", "FAC", "PRODUCT"):
            continue
        company.label = "ORG"
        ticker = index.add(i + 1, i + 2, "ORG", i + 1, tt.text[i + 1])
        ticker.label = "ORG"
        found.append((company.id, ticker.id))
    return found


def _repair_company_labels(mentions: list[Mention], with_ticker: set[int]) -> None:
    """A name with a legal suffix or a ticker is a company's ("Showa Shell Sekiyu KK", tagged PERSON), and so
    are its shorter forms that NER tagged as a person ("Showa Shell")."""
    companies = [normalize(m.text).replace(",", " ").split() for m in mentions
                 if m.label in ("ORG", "PERSON") and (m.id in with_ticker or
                                                     m.text.split()[-1].lower().rstrip(",") in LEGAL_SUFFIXES)]
    if not companies:
        return
    for m in mentions:
        if m.label != PERSON:
            continue
        words = normalize(m.text).split()
        if any(len(words) >= 2 and name[:len(words)] == words or name == words for name in companies):
            m.label = "ORG"


def _repair_person_labels(mentions: list[Mention]) -> None:
    """NER often tags a surname alone as ORG or GPE ("Nemtsov", "Clarkson"): when it is the surname of a
    person named in full in the same document, it is that person."""
    surnames = {normalize(m.text).split()[-1] for m in mentions if m.label == PERSON and len(m.text.split()) > 1}
    full = {normalize(m.text) for m in mentions if m.label == PERSON}
    if not full:
        return  # no person named: nothing to repair (surnames come from the full names)
    for m in mentions:
        if m.label in (PERSON, "PRONOUN"):
            continue
        key = normalize(m.text)
        if key in full or (len(key.split()) == 1 and key in surnames and m.text[:1].isupper()):
            m.label = PERSON


def _repair_country_labels(tt: TokenTable, mentions: list[Mention]) -> None:
    """NER sometimes tags a country's name as a person ("Tunisia's coach"): a name tagged PERSON that is a
    country's name is the country, unless it is a word of a person's full name in the document ("Jordan"
    of "Michael Jordan") or follows an honorific."""
    names = {m.text.lower() for m in mentions if m.label == PERSON} & countries()
    if not names:
        return
    words = {w for m in mentions if m.label == PERSON and len(m.text.split()) > 1 for w in normalize(m.text).split()}
    for m in mentions:
        key = m.text.lower()
        if m.label != PERSON or key not in names or normalize(m.text) in words:
            continue
        if m.start == 0 or tt.lower_[m.start - 1] not in HONORIFIC_GENDER:  # "Mr Jordan" is a man
            m.label = "GPE"


def _same_name(clusters: Clusters, named: list[Mention]) -> None:
    """Within one article, one spelling is one thing, whatever label NER gave each occurrence; so are a
    country's names (``kgbuild.lexicon.country_aliases``)."""
    first: dict[str, int] = {}
    aliases_of = country_aliases()
    for m in named:
        key = normalize(m.text)
        if m.label == "NORP" and key.endswith("s"):
            key = key[:-1]  # "Israelis" and "Israeli"
        elif m.label in ("GPE", "LOC", "ORG"):  # "America" and "the United States", "DPRK" (to NER an
            # organisation) and "North Korea": one country
            key = aliases_of.get(m.text.lower().removeprefix("the "), key)
        if key in first:
            clusters.union(first[key], m.id, "same-name", force=True)
        else:
            first[key] = m.id


def _partial_names(clusters: Clusters, tt: TokenTable, named: list[Mention]) -> None:
    people = [(m, normalize(m.text).split()) for m in named if m.label == PERSON]
    # full names with their first and last words ("Mr Brown" is a surname, not a full name)
    full = [(m, words[0], words[-1]) for m, words in people if len(words) > 1]
    # other longer names a word ends: "Shell" with "Formula Shell" (a person to NER) and the company
    # "Showa Shell" is either, so neither
    ends = defaultdict(set)
    for m in named:
        words = normalize(m.text).split()
        if m.label != PERSON and len(words) > 1:
            ends[words[-1]].add(clusters.find(m.id))
    for m, words in people:
        if len(words) != 1:
            continue
        # several people fit ("Sreenivasan" with "Vineeth Sreenivasan" and "Dhyan Sreenivasan"): none; the bare
        # name may be a third person (their father, the actor Sreenivasan)
        matches = {clusters.find(f.id) for f, first, last in full if words[0] in (last, first)}
        if len(matches) > 1 and not (m.start > 0 and tt.pos_[m.start - 1] == "NOUN"):  # "the actor Sreenivasan": a third
            # a relative introduced as one ("his father, Mohamed El-Hassan Mohamed") is called by his full
            # name: the bare surname is the one other bearer's, the article's subject ("Ahmed Mohamed")
            relatives = {clusters.find(f.id) for f, _, last in full if last == words[0] and _introduced_as_relative(tt, f)}
            if len(matches - relatives) == 1:
                matches -= relatives
        if len(matches) == 1 and not ends.get(words[0], set()) - matches:
            clusters.union(matches.pop(), m.id, "partial-name")
    # a surname-only mention tagged ORG/GPE by NER ("Clinton's trip") is left apart: its type clashes


#: Nouns of kinship that introduce a person as someone's relative ("his father, X", "X's wife Y").
KIN_NOUNS = frozenset("father mother son daughter brother sister wife husband uncle aunt cousin grandfather "
                      "grandmother grandson granddaughter nephew niece stepfather stepmother dad mum mom".split())


def _introduced_as_relative(tt: TokenTable, m: Mention) -> bool:
    """Whether a kinship noun stands right before the name, or in apposition to it ("his father Mohamed
    El-Hassan Mohamed", "Mohamed's father, Mohamed El-Hassan Mohamed")."""
    before = [t for t in range(max(m.start - 3, 0), m.start) if not tt.is_punct[t]]
    if before and tt.lemma_[before[-1]].lower() in KIN_NOUNS:
        return True
    head = m.head
    return tt.dep[head] == APPOS and tt.lemma_[tt.head[head]].lower() in KIN_NOUNS


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
            name = by_end[m.start - 1]
            if _same_kind(clusters, name, m) and (abbreviates(compact, name.text) or _defines_acronym(compact, name.text)):
                clusters.union(name.id, m.id, "acronym")  # not a dateline: "Moscow (CNN)"
        # "NSC", and "BfG" (capitals that start the words, small letters of a short word between)
        mixed = compact[:1].isupper() and sum(ch.isupper() for ch in compact) >= 2
        if not (2 <= len(compact) <= 6 and (compact.upper() == compact or mixed) and compact.isalpha()):
            continue
        compact = compact.upper()
        if by_initials is None:
            by_initials = defaultdict(list)
            for other in named:
                words = other.text.split()
                if len(words) > 1:
                    by_initials[_initials(other.text)].append(other)
                    while len(words) > 2 and words[-1].lower() in COMPANY_SUFFIXES:
                        words = words[:-1]  # "Bank fuer Gemeinwirtschaft AG" is "BfG"
                        by_initials[_initials(" ".join(words))].append(other)
        for other in by_initials.get(compact, ()):
            # letters that abbreviate the name, and the same kind of thing: "US" is not "University of Sheffield"
            if other.id != m.id and _same_kind(clusters, other, m):
                clusters.union(other.id, m.id, "acronym")


def _defines_acronym(acronym: str, name: str) -> bool:
    """Capitals in brackets right after a name that begin with its first letter define an acronym of it, also
    when the letters follow another language's word order: "Union of Rationalist Atheists and Agnostics (UAAR)"."""
    return acronym.isupper() and len(acronym) >= 2 and acronym[0] == _initials(name)[:1]


def _same_kind(clusters: Clusters, a: Mention, b: Mention) -> bool:
    """Whether two names were tagged one kind of thing (person, organisation, place...): an acronym never
    crosses types, not even organisation and place, which other rules may join ("the Kremlin")."""
    return TYPE_GROUPS.get(a.label, a.label) == TYPE_GROUPS.get(b.label, b.label)


def _also_known_as(clusters: Clusters, index: MentionIndex) -> None:
    tt = index.table
    for token in index.tokens_where(index.lower, {"known", "called", "dubbed", "nicknamed"}):
        as_ = token + 1 if token + 1 < tt.n else None
        if tt.lower_[token] == "known" and (as_ is None or tt.lower_[as_] != "as"):
            continue
        if tt.tag[token] != PAST_PARTICIPLE or any(tt.dep[c] == NSUBJ for c in tt.children(token)):
            continue  # "Obama called the ambassador": a phone call, not a name
        target = next((c for c in _subtree(tt, token if as_ is None else as_) if tt.dep[c] in _ALIAS_DEPS),
                      None)
        if target is None and as_ is not None and as_ + 1 < tt.n:
            target = as_ + 2 if tt.lower_[as_ + 1] == "the" and as_ + 2 < tt.n else as_ + 1
        # the named thing: the noun right before ", also known as" (skipping quotes, commas, "also")
        i = token - 1
        while i >= 0 and (tt.is_punct[i] or tt.lower_[i] in ("also", "is", "are", "was", "were")):
            i -= 1
        if i < 0 or target is None or tt.pos_[i] not in ("NOUN", "PROPN"):
            continue
        named = index.for_head(i)
        alias = index.for_head(target)
        if named is not None and alias is not None and not alias.is_pronoun and not named.is_pronoun:
            clusters.union(named.id, alias.id, "also-known-as")


def _subtree(tt: TokenTable, i: int) -> Iterator[int]:
    """``doc[i].subtree`` in spaCy's order: each left child's subtree, the token, each right child's subtree."""
    children = tt.children(i)
    for c in children:
        if c < i:
            yield from _subtree(tt, c)
    yield i
    for c in children:
        if c > i:
            yield from _subtree(tt, c)


#: Names besides people's and organisations' that the description before them names: "the British rock band
#: Tears for Fears" (which NER took for a work), "Oliver Stone's film Natural Born Killers". Not nationalities
#: ("Greek mythology") nor events, which NER tags in dates and numbers ("the row at the Worlds, 1960"); and not
#: after a possessor ("Oliver Stone's film"), whose mention would hold another entity's name.
_NAMED_BY_APPOSITION = frozenset({"WORK_OF_ART", "PRODUCT", "FAC"})


def _appositions(clusters: Clusters, index: MentionIndex) -> None:
    tt = index.table
    for i in index.tokens_where(index.dep, {"appos"}):
        head = tt.head[i]
        if tt.pos_[head] not in ("NOUN", "PROPN"):
            continue
        a, b = index.for_head(head), index.for_head(i)
        if a is None or b is None or a.is_pronoun or b.is_pronoun:
            continue
        if a.label != "CONCEPT" and b.label != "CONCEPT":
            continue  # "Dushanbe, Tajikistan": two names in apposition are usually two places
        concept, name = (a, b) if a.label == "CONCEPT" else (b, a)
        stated = concept.head == head and name.head == i and concept.start < name.start
        if name.label != "CONCEPT" and not aliases.description_fits(tt, name, concept, stated):
            continue  # a person is not "leaders", CNN is not "senior legal analyst"
        if {a.label, b.label} & {"PERSON", "ORG"} or (stated and name.label in _NAMED_BY_APPOSITION
                                                     and not {POSSESSIVE, POSSESSIVE_PRONOUN} & set(tt.tag[concept.start:concept.end])):
            clusters.union(a.id, b.id, "apposition")


def _pronouns(clusters: Clusters, tt: TokenTable, mentions: list[Mention], speakers: dict[int, int],
              affiliations: list[tuple[int, int]]) -> None:
    """Pronouns join an entity only when one candidate fits: agreement, then syntax, then salience.

    The candidates of "he"/"she" are the people named (or described) in the pronoun's sentence
    before it and in the two sentences before; of "it"/"its" the singular things (organisations,
    places, products, works... and singular descriptions); of "they" the plural ones, and a description
    headed by a collective noun ("the team", "the band": a group of people). A candidate
    of the wrong gender (known from an honorific or an earlier unambiguous pronoun) is left out, and
    so is the subject of the pronoun's own clause for an object pronoun ("Obama told him").
    One candidate left: it is the antecedent. Several: the one a subject names in the pronoun's
    sentence (before it), else in the sentence before; else the entity of the last pronoun of the
    same form, if it is a candidate. Otherwise no link: the mention is left out, not guessed.
    "I" and "me" in reported speech are its speaker (also in the wholly quoted sentences that continue
    an attributed quote); "we" is the speaker's organisation, team or country when the text ties the
    speaker to one ("Acme spokesman", "Panama coach", "Tunisia's coach"), else nothing (a person is not "we").
    They are resolved after the other pronouns, so that a speaker who is a pronoun ("..., he said") is known
    by then (see ``_speaker_pronoun``).
    """
    gender: dict[int, str] = {}
    for m in mentions:
        if m.label == PERSON and m.start > 0 and tt.lower_[m.start - 1] in HONORIFIC_GENDER:
            gender[clusters.find(m.id)] = HONORIFIC_GENDER[tt.lower_[m.start - 1]]
    ordered = sorted(mentions, key=lambda m: m.start)
    last_of: dict[str, int] = {}  # pronoun form → the mention it was last resolved to
    for position, m in enumerate(ordered):
        if not m.is_pronoun:
            continue
        g, number = PRONOUNS[m.text]
        if m.text == "it" and tt.lemma_[tt.head[m.head]] == "be" and tt.dep[m.head] in _DUMMY_SUBJECTS:
            continue  # "it was one meeting": an event or a dummy subject, not a thing named before
        if g == "speaker":
            continue  # after the other pronouns: the speaker may be one ("he said")
        window = []
        for candidate in reversed(ordered[:position]):
            if m.sentence - candidate.sentence > 2:
                break
            if _agrees(candidate, g, number, tt, clusters, gender) and not _bound(tt, candidate, m):
                window.append(candidate)
        roots = {clusters.find(c.id) for c in window}
        chosen = None
        if m.text in _REFLEXIVE:
            chosen = _clause_subject(tt, m, window)
        elif len(roots) == 1:
            chosen = window[0]
        elif roots:
            for sentence in (m.sentence, m.sentence - 1):
                subjects = {clusters.find(c.id) for c in window if c.sentence == sentence and tt.dep[c.head] in SUBJECTS}
                if len(subjects) == 1:
                    chosen = next(c for c in window if clusters.find(c.id) in subjects)
                    break
                if subjects:
                    break
            if chosen is None and m.text in last_of and clusters.find(last_of[m.text]) in roots:
                chosen = mentions[last_of[m.text]]
        if chosen is None:
            continue
        if g in ("m", "f"):
            gender.setdefault(clusters.find(chosen.id), g)
        if clusters.union(chosen.id, m.id, "pronoun") or clusters.find(chosen.id) == clusters.find(m.id):
            last_of[m.text] = chosen.id
    for m in ordered:
        if m.is_pronoun and PRONOUNS[m.text][0] == "speaker" and m.id in speakers:
            _speaker_pronoun(clusters, tt, m, speakers[m.id], affiliations, mentions)


def _speaker_pronoun(clusters: Clusters, tt: TokenTable, m: Mention, speaker: int,
                     affiliations: list[tuple[int, int]], mentions: list[Mention]) -> None:
    """A quoted "I" is its speaker, a person or a description of one ("the poster wrote, 'I ...'"), never an
    organisation; a quoted "we" is the speaker's organisation (``_organisation_of``), never a person. A
    speaker that is a pronoun left unresolved is nobody known: no link."""
    labels = clusters.labels(speaker)
    if clusters.mentions[speaker].is_pronoun and not labels:
        return
    # without a name, the speaker is a description: a person's ("the poster") or an organisation's ("the ministry")
    noun = tt.lemma_[clusters.mentions[speaker].head].lower()
    if PRONOUNS[m.text][1] == "sg":
        if PERSON in labels or not labels and noun not in ORG_HEADS:
            clusters.union(speaker, m.id, "pronoun")
        return
    if PERSON in labels:
        speaker = _organisation_of(clusters, tt, speaker, affiliations, mentions)
        if speaker is not None and PERSON not in clusters.labels(speaker):
            clusters.union(speaker, m.id, "pronoun")
    elif labels or noun not in PERSON_NOUNS:
        clusters.union(speaker, m.id, "pronoun")  # "Acme said: 'We ...'", "the ministry said: 'we ...'"


_REFLEXIVE = frozenset({"himself", "herself", "itself", "themselves"})


def _clause_subject(tt: TokenTable, pronoun: Mention, window: list[Mention]) -> Mention | None:
    """The antecedent of a reflexive: the subject of its own clause ("Montalvo ... turned himself in"),
    through conjoined verbs ("walked in and turned himself in"), when that subject is a candidate."""
    verb = tt.head[pronoun.head]
    for _ in range(4):
        for candidate in window:
            if tt.dep[candidate.head] in SUBJECTS and tt.head[candidate.head] == verb:
                return candidate
        if tt.dep[verb] != _CONJ or tt.head[verb] == verb:
            return None
        verb = tt.head[verb]
    return None


def _organisation_of(clusters: Clusters, tt: TokenTable, person: int, affiliations: list[tuple[int, int]],
                     mentions: list[Mention]) -> int | None:
    """The one organisation, team or country the text ties the person of mention ``person`` to, if exactly one.

    Ties are the extractor's affiliations ("Acme spokesman John Smith", "Smith, a member of the team"),
    and the name that qualifies a role description of the person: "Panama coach", "Tunisia's coach",
    "the Google spokesman" (a country's minister or coach speaks for the country or its team)."""
    root = clusters.find(person)
    found = {}
    for p, org in affiliations:
        if clusters.find(p) != root:
            continue
        labels = clusters.labels(org)
        mention = clusters.mentions[org]
        if labels & {"ORG", "GPE"} or not labels and tt.lemma_[mention.head].lower() in ORG_HEADS | {"team", "club", "band"}:
            found.setdefault(clusters.find(org), org)
    named_at = {m.head: m for m in mentions if m.label in ("ORG", "GPE")}
    for m in mentions:
        if m.label != "CONCEPT" or clusters.find(m.id) != root or tt.lemma_[m.head].lower() not in ROLE_NOUNS:
            continue
        for child in tt.children(m.head):
            org = named_at.get(child)
            if org is not None and tt.dep[child] in (COMPOUND, POSS):
                found.setdefault(clusters.find(org.id), org.id)
    return next(iter(found.values())) if len(found) == 1 else None


def _bound(tt: TokenTable, candidate: Mention, pronoun: Mention) -> bool:
    """An object pronoun is not the subject of its own clause: in "Obama told him", "him" is not Obama."""
    if tt.dep[pronoun.head] in SUBJECTS or pronoun.text.endswith("self") or pronoun.text.endswith("selves"):
        return False
    return tt.dep[candidate.head] in SUBJECTS and tt.head[candidate.head] == tt.head[pronoun.head]


#: Labels of the singular things "it" may stand for (people and groups of people are "he", "she", "they").
_THINGS = frozenset({"ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})


def _agrees(candidate: Mention, g: str, number: str, tt: TokenTable, clusters: Clusters, gender: dict[int, str]) -> bool:
    """Whether ``candidate`` (not a pronoun) may be the antecedent of a pronoun of gender ``g`` and ``number``."""
    if candidate.is_pronoun or tt.dep[candidate.head] == COMPOUND:
        return False  # "Haqqani" in "the Haqqani network" names the network, not a referent
    if tt.dep[candidate.head] == POSS and candidate.label == "CONCEPT":
        return False
    labels = clusters.labels(candidate.id) or {candidate.label}
    plural = tt.tag[candidate.head] in PLURAL_NOUNS or candidate.label == "NORP"
    lemma = tt.lemma_[candidate.head].lower()
    if g in ("m", "f"):
        known = gender.get(clusters.find(candidate.id))
        person = PERSON in labels or (labels == {"CONCEPT"} and lemma in PERSON_NOUNS and not plural)
        return person and (known is None or known == g)
    if PERSON in labels or lemma in PERSON_NOUNS:
        return False
    # "it" and "they" only for names: most noun phrases are no mention (only relation arguments are), so a
    # description that looks like the only candidate seldom is
    if g == "n":
        return not plural and bool(labels & _THINGS)
    if candidate.label == "CONCEPT" and lemma in COLLECTIVE_NOUNS and not plural:
        return True  # "The team arrived late. They ...": a group of people is "they"
    return plural and bool(labels & {"NORP", "ORG", "GPE"})


#: Singular nouns for a group of people, which English refers back to with "they".
COLLECTIVE_NOUNS = frozenset({"team", "squad", "crew", "band", "family", "couple", "group"})
