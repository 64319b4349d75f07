"""Entity spans: spaCy's NER spans, with the fragments and misses of a small model repaired.

``en_core_web_sm`` cuts names into pieces and misses others; each repair
below is a general pattern of English news text, not a list of names:

- ``of-name``: "Echo" + "of" + "Moscow" is one name when the first part is not
  a place or a person ("Echo of Moscow", "Bank of England");
- ``descriptor``: a capitalised name right after a noun that says what kind of
  organisation it is ("radio station Echo of Moscow", "broadcaster Russia 24",
  "TV network A Haber") is that organisation, whatever NER made of its words;
- ``org-head``: a chain of capitalised proper nouns NER missed that ends in an
  organisation word ("Premier League", "Zionist Union") is an organisation;
- ``place-club``: a place followed by more capitalised proper nouns of the
  same compound ("Newcastle United", "Pakistan Army") is an organisation, not
  the place;
- ``institution``: a name, "'s" and an institution's noun are one name ("Christopher's Haven",
  NER's person and place);
- ``possessor``: "Herzog's Zionist Union" tagged as one organisation is the
  organisation "Zionist Union" and its possessor "Herzog";
- ``facility``: a name compounded with a facility noun ("the Mabruk oil field")
  is the facility;
- ``demonym``: a nationality followed by another capitalised demonym ("Greek
  Cypriot") is one group;
- ``foreign-of``: an organisation's name cut at a foreign particle ("Bank" +
  "fuer" + "Gemeinwirtschaft AG") is one name;
- ``credit``: the word of a photo credit is no part of a name ("Washington D.C.
  Image: United States Navy" names Washington D.C.), and alone names nothing;
- ``score``: the first number of a score is no part of the name before it
  ("putting Sweden 1 – 0 up" names Sweden);
- ``title``: a title NER took for a name is none ("Archbishop" of "Archbishop of
  York John Sentamu", tagged a person or a place), nor a part of the person's
  name ("DJ Pete Mitchell" is "Pete Mitchell").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kgbuild.lexicon import MINISTRY_FIELDS, TITLE_HEADS
from kgbuild.parse.tokens import TokenTable, table_of
from kgbuild.resolve.tags import COMPOUND, POSSESSIVE

#: Heads that make a proper-noun compound an organisation's name ("Haqqani network", "Labour party").
ORG_HEADS = frozenset("network group movement party militia faction army front brigade council committee "
                      "company corporation bank ministry department agency court union league association".split())
#: Nouns that say what kind of organisation the name after them is: "broadcaster Russia 24".
ORG_DESCRIPTORS = frozenset("station broadcaster network channel newspaper paper daily tabloid magazine website "
                            "agency company firm group party club airline bank carrier militia".split())
#: Heads that make a name compounded with them a place: "the Al-Ghani oil field".
FACILITY_HEADS = frozenset("field airport airbase base port harbor harbour camp mine refinery plant terminal stadium "
                           "prison dam pipeline".split())
#: Nouns that end the name of an institution or a place named after someone: "Boston Children's Hospital",
#: "St Mary's Church", "Christopher's Haven" are one name, never a possessor and a bare "Hospital".
INSTITUTION_HEADS = frozenset("hospital haven office college school university church cathedral chapel abbey hall "
                              "house park garden gardens centre center hotel inn restaurant pub cafe museum gallery "
                              "library theatre theater arena academy institute foundation trust fund home hospice "
                              "clinic market square bridge street road island lake day".split())
#: Words that start a title, never a name: "U.S. President Obama" is no organisation "U.S. President".
TITLE_STARTS = frozenset("president minister prime secretary chancellor senator governor mayor king queen prince "
                         "princess general gen. sen. rep. gov. chief director ambassador judge justice leader "
                         "spokesman spokeswoman ceo chairman pope mr mrs ms dr sir lord lady".split())
#: Titles NER takes for a name, alone or as a person's first word: TITLE_STARTS and other ranks and trades.
TITLE_WORDS = TITLE_STARTS | frozenset("archbishop bishop cardinal dj coach captain manager referee inspector "
                                       "detective sergeant officer professor dr. prof. rev. lt. col. capt.".split())


def _titles_person(tt: TokenTable, after: int, person_starts: set[int]) -> bool:
    """Whether the words after a title word are a person's name, or "of" a place and then one ("Archbishop of
    York John Sentamu")."""
    if after in person_starts:
        return True
    if after < tt.n and tt.lower_[after] == "of":
        return any(t in person_starts for t in range(after + 2, min(after + 6, tt.n)))
    return False


def _office_body(tt: TokenTable, start: int, end: int) -> int | None:
    """Where the body begins in a span "<office> of [the] <body>" ("Archbishop of York"), or None."""
    lower = tt.lower_
    if end - start < 3 or lower[start] not in TITLE_WORDS | TITLE_HEADS or lower[start + 1] != "of":
        return None
    body = start + 2 + (lower[start + 2] == "the")
    if body >= end or lower[body] in MINISTRY_FIELDS or any(tt.pos_[i] != "PROPN" for i in range(body, end)):
        return None
    return body


#: Particles that join the words of a foreign organisation's name: "Bank fuer Gemeinwirtschaft".
FOREIGN_OF = frozenset({"fuer", "für", "de", "des", "der", "du", "di", "del", "della", "da", "do", "dos"})
#: Words that open a photo credit when a colon follows: "Image: United States Navy".
CREDIT_WORDS = frozenset({"image", "images", "photo", "photos", "picture", "pictures", "credit", "source", "video"})
#: Dashes between the two numbers of a score: "1 – 0", "2-1".
SCORE_DASHES = frozenset({"-", "\u2013", "\u2014"})
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"})
NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"})


#: Kinds of names an acronym in brackets may follow ("Moscow (CNN)" is a dateline, no acronym).
BRACKETED_ACRONYM_LABELS = frozenset({"ORG", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "LOC"})


def _is_acronym(word: str) -> bool:
    """Two to six capitals and digits that start with a letter: "WHO", "UAAR", "G20"."""
    return 2 <= len(word) <= 6 and word[0].isalpha() and word.isupper() and word.isalnum()


def _capitalised(tt: TokenTable, i: int) -> bool:
    return tt.text[i][:1].isupper() and not tt.is_punct[i] and tt.pos_[i] != "PRON" and tt.lower_[i] not in TITLE_STARTS


def _chain_after(tt: TokenTable, start: int, label_at: dict[int, str]) -> int:
    """End of the capitalised name starting at ``start``: capitalised words, numbers inside it,
    and 'of'/'-' between capitalised words ("Echo of Moscow", "Russia 24", "Al-Ghani")."""
    i = start
    while i < tt.n:
        t = i
        if label_at.get(i) in NOT_NAMES and not (tt.like_num[t] and i > start):
            break
        if _capitalised(tt, t) or (i > start and tt.like_num[t]):
            i += 1
        elif i > start and tt.lower_[t] in ("of", "-", "de") and i + 1 < tt.n and _capitalised(tt, i + 1) \
                and label_at.get(i + 1) not in NOT_NAMES:
            i += 1
        else:
            break
        if tt.is_sent_end(t):
            break
    return i


def _score_start(tt: TokenTable, s: int, e: int) -> int | None:
    """Where the score at the end of the name span ``s:e`` starts, if one is there or starts there: "Panama
    2 - 1" (tagged whole) or "Sweden 1" before "– 0"; None when the span ends in no score."""
    num, text = tt.like_num, tt.text
    if num[e - 1] and e + 1 < tt.n and text[e] in SCORE_DASHES and num[e + 1]:
        cut = e - 1  # "Sweden 1" + "– 0"
    elif e - s > 3 and num[e - 1] and text[e - 2] in SCORE_DASHES and num[e - 3]:
        cut = e - 3  # "Panama 2 - 1"
    else:
        return None
    return cut if cut > s and not num[cut - 1] else None


def entity_spans(doc: Doc) -> list[tuple[Span, str]]:
    """The named-entity spans of ``doc``, repaired; each with the rule that made it ("ner" if none).

    Parameters
    ----------
    doc : Doc

    Returns
    -------
    list of (Span, str)
        Non-overlapping spans in text order, labelled with spaCy NER labels.

    Example
    -------
    >>> from kgbuild.parse.load import load_model
    >>> doc = load_model()("Peskov spoke to Russian radio station Echo of Moscow on Friday.")
    >>> [(s.text, s.label_) for s, rule in entity_spans(doc) if rule != "ner"]
    [('Echo of Moscow', 'ORG')]
    """
    return [(Span(doc, s, e, label=label), rule) for s, e, label, rule in repaired_spans(table_of(doc))]


def ner_spans(tt: TokenTable) -> list[tuple[int, int, str]]:
    """``[(e.start, e.end, e.label_) for e in doc.ents]``, read off the table's IOB and type columns.

    ``doc.ents`` makes a Span of every entity each time it is read; this makes none.

    Parameters
    ----------
    tt : TokenTable
        The table of the Doc.

    Returns
    -------
    list of (int, int, str)
        Token start, end (exclusive) and NER label of each entity, in text order.

    Example
    -------
    >>> from kgbuild.parse.load import load_model
    >>> doc = load_model()("Hillary Clinton met journalists in Islamabad.")
    >>> ner_spans(table_of(doc)) == [(e.start, e.end, e.label_) for e in doc.ents]
    True
    """
    strings = tt.doc.vocab.strings
    return [(start, end, strings[label]) for start, end, label in tt.entities()]


def repaired_spans(tt: TokenTable) -> list[tuple[int, int, str, str]]:
    """``entity_spans`` as (start, end, label, rule) tuples, read from the token table of the Doc.

    Parameters
    ----------
    tt : TokenTable
        The table of the Doc whose entities are repaired.

    Returns
    -------
    list of (int, int, str, str)
        Token start, end (exclusive), NER label and rule of each span, in text order.
    """
    n = tt.n
    spans: dict[int, tuple[int, str, str]] = {s: (e, label, "ner") for s, e, label in ner_spans(tt)}

    cached: list[dict[int, str]] = []  # the token → label map, made again only after a span changes

    def label_map() -> dict[int, str]:
        if not cached:
            cached.append({i: label for s, (e, label, _) in spans.items() for i in range(s, e)})
        return cached[0]

    def replace(start: int, end: int, label: str, rule: str) -> bool:
        """Put (start, end) in place of the spans it covers; refused if it would cut one."""
        covered = [s for s, (e, _, _) in spans.items() if s < end and e > start]
        if any(s < start or spans[s][0] > end for s in covered):
            return False
        for s in covered:
            del spans[s]
        spans[start] = (end, label, rule)
        cached.clear()
        return True

    text, lower, pos, dep = tt.text, tt.lower_, tt.pos_, tt.dep
    person_starts = {s for s, (_, label, _) in spans.items() if label == "PERSON"}
    for s, (e, label, _) in sorted(spans.items()):
        # office: "Archbishop of York" (an organisation or a person to NER) before "John Sentamu" is the place
        # "York"; "Director of the Bank of England" before a name is the bank
        body = _office_body(tt, s, e) if e in person_starts else None
        if body is not None:
            del spans[s]
            one_word_place = e - body == 1 and not text[body].isupper()
            spans[body] = (e, label if label in ("GPE", "LOC") else "GPE" if one_word_place else "ORG", "office")
            cached.clear()
            continue
        # title: "Archbishop" of "Archbishop of York John Sentamu" (a person or a place to NER) names nobody;
        # "DJ Pete Mitchell" is "Pete Mitchell"
        if lower[s] in TITLE_WORDS and (e == s + 1 and _titles_person(tt, e, person_starts) or label == "PERSON" and e - s > 2 and lower[s + 1] != "of"):
            del spans[s]
            if e > s + 1:
                spans[s + 1] = (e, label, "title")
            cached.clear()
            continue
        # field: "State" of "Secretary of State" names no body, and "State Alison Lundergan Grimes" after
        # "Secretary of" is "Alison Lundergan Grimes"
        if label in ("PERSON", "ORG", "GPE") and lower[s] in MINISTRY_FIELDS and s > 1 and lower[s - 1] == "of" \
                and lower[s - 2] in TITLE_WORDS | TITLE_HEADS and (e == s + 1 or e - s > 2 and label != "GPE") \
                and all(pos[i] == "PROPN" for i in range(s, e)):
            del spans[s]
            if e > s + 1:
                spans[s + 1] = (e, "PERSON", "field")
            cached.clear()
            continue
        # credit: "Washington D.C. Image: ..." → "Washington D.C."; "Image:" alone names nothing
        if lower[e - 1] in CREDIT_WORDS and e < n and text[e] == ":":
            del spans[s]
            if e - 1 > s:
                spans[s] = (e - 1, label, "credit")
            cached.clear()
        # score: "Sweden 1 – 0" → "Sweden" (a number, a dash and a number after a name are a result)
        elif label in NAME_LABELS and e - s > 1:
            cut = _score_start(tt, s, e)
            if cut is not None:
                spans[s] = (cut, label, "score")
                cached.clear()
    for s, (e, label, _) in sorted(spans.items()):
        # possessor: "Herzog's Zionist Union" → "Herzog" + "Zionist Union"
        if label == "ORG":
            cut = next((i for i in range(s + 1, e - 1) if tt.tag[i] == POSSESSIVE), None)
            if cut is not None and cut + 1 < e and pos[cut + 1] == "PROPN" \
                    and not (e - cut == 2 and lower[cut + 1] in INSTITUTION_HEADS | ORG_HEADS | FACILITY_HEADS):
                del spans[s]
                spans[s] = (cut, label, "possessor")
                spans[cut + 1] = (e, label, "possessor")
    for s in sorted(spans):
        if s not in spans:
            continue
        e, label, _ = spans[s]
        # institution: "Christopher" + "'s" + "Haven" (a place to NER) → "Christopher's Haven"
        if label in NAME_LABELS and e + 1 < n and tt.tag[e] == POSSESSIVE and pos[e + 1] == "PROPN" \
                and lower[e + 1] in INSTITUTION_HEADS and dep[e + 1] != COMPOUND and (e + 2 == n or pos[e + 2] != "PROPN") \
                and replace(s, e + 2, "ORG", "institution"):
            continue
        # of-name: "Echo of Moscow"
        if label not in ("GPE", "NORP", "PERSON") and label in NAME_LABELS and e + 1 < n \
                and lower[e] == "of" and e - s == 1 and pos[s] == "PROPN":
            after = spans.get(e + 1)
            if after is not None and after[1] in ("GPE", "LOC"):
                replace(s, after[0], "ORG" if label == "LOC" else label, "of-name")
                continue
        # foreign-of: "Bank" + "fuer" + "Gemeinwirtschaft AG", "Banco" + "de" + "Santander" (NER cut at the particle)
        if label == "ORG" and e + 1 < n and lower[e] in FOREIGN_OF and pos[s] == "PROPN":
            after = spans.get(e + 1)
            if after is not None and after[1] in ("ORG", "GPE", "PERSON") and text[e + 1][:1].isupper():
                replace(s, after[0], "ORG", "foreign-of")
                continue
        # place-club: "Newcastle United"
        if label == "GPE" and e < n and pos[e] == "PROPN" and _capitalised(tt, e) \
                and e not in label_map() and dep[e - 1] == COMPOUND and tt.head[e - 1] >= e:
            end = e
            while end < n and pos[end] == "PROPN" and _capitalised(tt, end) and end not in label_map() \
                    and lower[end] not in FACILITY_HEADS:
                end += 1
            if end > e:
                replace(s, end, "ORG", "place-club")
                continue
        # demonym: "Greek Cypriot"
        if label == "NORP" and e < n and text[e][:1].isupper() and pos[e] in ("ADJ", "PROPN") \
                and e not in label_map() and text[e].lower().endswith(("ot", "an", "ish", "ese", "i")):
            replace(s, e + 1, "NORP", "demonym")
    # the three rules below start only at these words: visit those, in text order
    lemma = tt.lemma_
    descriptors = {w for w in set(lemma) if w.lower() in ORG_DESCRIPTORS}  # lemmas, in any case
    heads = ORG_HEADS | FACILITY_HEADS
    starts = [i for i, (w, low) in enumerate(zip(lemma, lower)) if w in descriptors or low in heads]
    for t in starts:
        labels = label_map()
        # descriptor: "broadcaster Russia 24", "TV network A Haber"
        if lemma[t].lower() in ORG_DESCRIPTORS and pos[t] == "NOUN" and t + 1 < n:
            start = t + 1
            if tt.is_sent_start[start] or not _capitalised(tt, start) \
                    or labels.get(start) in ("PERSON", "NORP") and text[start] != "A":
                continue
            end = _chain_after(tt, start, labels)
            if text[start] == "A" and end == start + 1:
                continue
            if end > start and not (end - start == 1 and labels.get(start) in ("ORG", "GPE")) \
                    and tt.tag[t - 1] != POSSESSIVE:
                replace(start, end, "ORG", "descriptor")
                continue
        # org-head: "Premier League"
        if pos[t] == "PROPN" and lower[t] in ORG_HEADS and text[t][:1].isupper() and t not in labels:
            start = t
            while start > 0 and pos[start - 1] == "PROPN" and _capitalised(tt, start - 1) \
                    and labels.get(start - 1, "NORP") == "NORP" and dep[start - 1] == COMPOUND:
                start -= 1
            if start < t and not tt.is_sent_start[start]:
                replace(start, t + 1, "ORG", "org-head")
        # facility: "the Mabruk oil field"
        if lower[t] in FACILITY_HEADS and pos[t] == "NOUN":
            i = t - 1
            while i >= 0 and pos[i] == "NOUN" and dep[i] == COMPOUND and not text[i][:1].isupper():
                i -= 1
            end_name = i + 1
            while i >= 0 and (pos[i] == "PROPN" or text[i] == "-") and labels.get(i) not in ("GPE", "NORP", "DATE"):
                i -= 1
            start = i + 1
            if start < end_name and end_name < t + 1 and pos[start] == "PROPN" and pos[end_name - 1] == "PROPN":
                replace(start, t + 1, "FAC", "facility")
    # bracket-acronym: "The World Health Organisation (WHO" → "World Health Organisation" + "WHO", and
    # "The Union of Rationalist Atheists and Agnostics (UAAR)" where NER missed the acronym
    for s, (e, label, _rule) in sorted(spans.items()):
        if label not in BRACKETED_ACRONYM_LABELS:
            continue
        bracket = next((i for i in range(s + 1, e) if text[i] == "("), None)
        if bracket is not None:
            if bracket + 1 < e and _is_acronym(text[bracket + 1]) and e == bracket + 2:
                del spans[s]
                spans[s] = (bracket, label, "bracket-acronym")
                spans[bracket + 1] = (e, label, "bracket-acronym")
                cached.clear()
            continue
        if e + 2 < n and text[e] == "(" and text[e + 2] == ")" and _is_acronym(text[e + 1]) \
                and e + 1 not in label_map() and text[e + 1][0] == text[s if pos[s] != "DET" else s + 1][0]:
            spans[e + 1] = (e + 2, label, "bracket-acronym")
            cached.clear()
    # article-name: "A Haber" named once in full is "A Haber" wherever NER saw only "Haber"
    with_article = {tt.span_text(s + 1, e) for s, (e, _, _) in spans.items() if text[s] == "A" and e > s + 1}
    for s, (e, _label, _rule) in sorted(spans.items()):
        if s > 0 and text[s - 1] == "A" and not tt.is_sent_start[s - 1] and tt.span_text(s, e) in with_article:
            del spans[s]
            spans[s - 1] = (e, "ORG", "article-name")
    return [(s, *spans[s]) for s in sorted(spans)]
