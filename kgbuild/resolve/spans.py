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
- ``possessor``: "Herzog's Zionist Union" tagged as one organisation is the
  organisation "Zionist Union" and its possessor "Herzog";
- ``facility``: a name compounded with a facility noun ("the Mabruk oil field")
  is the facility;
- ``demonym``: a nationality followed by another capitalised demonym ("Greek
  Cypriot") is one group.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

#: Heads that make a proper-noun compound an organisation's name ("Haqqani network", "Labour party").
ORG_HEADS = frozenset("network group movement party militia faction army front brigade council committee "
                      "company corporation bank ministry department agency court union league association".split())
#: Nouns that say what kind of organisation the name after them is: "broadcaster Russia 24".
ORG_DESCRIPTORS = frozenset("station broadcaster network channel newspaper paper daily tabloid magazine website "
                            "agency company firm group party club airline bank carrier militia".split())
#: Heads that make a name compounded with them a place: "the Al-Ghani oil field".
FACILITY_HEADS = frozenset("field airport airbase base port harbor harbour camp mine refinery plant terminal stadium "
                           "prison dam pipeline".split())
#: Words that start a title, never a name: "U.S. President Obama" is no organisation "U.S. President".
TITLE_STARTS = frozenset("president minister prime secretary chancellor senator governor mayor king queen prince "
                         "princess general gen. sen. rep. gov. chief director ambassador judge justice leader "
                         "spokesman spokeswoman ceo chairman pope mr mrs ms dr sir lord lady".split())
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"})
NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"})


def _capitalised(t: Token) -> bool:
    return t.text[:1].isupper() and not t.is_punct and t.pos_ != "PRON" and t.lower_ not in TITLE_STARTS


def _chain_after(doc: Doc, start: int, label_at: dict[int, str]) -> int:
    """End of the capitalised name starting at ``start``: capitalised words, numbers inside it,
    and 'of'/'-' between capitalised words ("Echo of Moscow", "Russia 24", "Al-Ghani")."""
    i = start
    while i < len(doc):
        t = doc[i]
        if label_at.get(i) in NOT_NAMES and not (t.like_num and i > start):
            break
        if _capitalised(t) or (i > start and t.like_num and t.i == i):
            i += 1
        elif i > start and t.lower_ in ("of", "-", "de") and i + 1 < len(doc) and _capitalised(doc[i + 1]) \
                and label_at.get(i + 1) not in NOT_NAMES:
            i += 1
        else:
            break
        if t.is_sent_end:
            break
    return i


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
    >>> from kgbuild.parse import load_model
    >>> doc = load_model()("Peskov spoke to Russian radio station Echo of Moscow on Friday.")
    >>> [(s.text, s.label_) for s, rule in entity_spans(doc) if rule != "ner"]
    [('Echo of Moscow', 'ORG')]
    """
    spans: dict[int, tuple[int, str, str]] = {e.start: (e.end, e.label_, "ner") for e in doc.ents}

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

    for s, (e, label, _) in sorted(spans.items()):
        # possessor: "Herzog's Zionist Union" → "Herzog" + "Zionist Union"
        if label == "ORG":
            cut = next((t.i for t in doc[s:e - 1] if t.tag_ == "POS" and t.i > s), None)
            if cut is not None and cut + 1 < e and doc[cut + 1].pos_ == "PROPN":
                del spans[s]
                spans[s] = (cut, label, "possessor")
                spans[cut + 1] = (e, label, "possessor")
    for s in sorted(spans):
        if s not in spans:
            continue
        e, label, _ = spans[s]
        # of-name: "Echo of Moscow"
        if label not in ("GPE", "NORP", "PERSON") and label in NAME_LABELS and e + 1 < len(doc) \
                and doc[e].lower_ == "of" and e - s == 1 and doc[s].pos_ == "PROPN":
            after = spans.get(e + 1)
            if after is not None and after[1] in ("GPE", "LOC"):
                replace(s, after[0], "ORG" if label == "LOC" else label, "of-name")
                continue
        # place-club: "Newcastle United"
        if label == "GPE" and e < len(doc) and doc[e].pos_ == "PROPN" and _capitalised(doc[e]) \
                and e not in label_map() and doc[e - 1].dep_ == "compound" and doc[e - 1].head.i >= e:
            end = e
            while end < len(doc) and doc[end].pos_ == "PROPN" and _capitalised(doc[end]) and end not in label_map() \
                    and doc[end].lower_ not in FACILITY_HEADS:
                end += 1
            if end > e:
                replace(s, end, "ORG", "place-club")
                continue
        # demonym: "Greek Cypriot"
        if label == "NORP" and e < len(doc) and doc[e].text[:1].isupper() and doc[e].pos_ in ("ADJ", "PROPN") \
                and e not in label_map() and doc[e].text.lower().endswith(("ot", "an", "ish", "ese", "i")):
            replace(s, e + 1, "NORP", "demonym")
    for t in doc:
        labels = label_map()
        # descriptor: "broadcaster Russia 24", "TV network A Haber"
        if t.lemma_.lower() in ORG_DESCRIPTORS and t.pos_ == "NOUN" and t.i + 1 < len(doc):
            start = t.i + 1
            first = doc[start]
            if first.is_sent_start or not _capitalised(first) or labels.get(start) in ("PERSON", "NORP") and first.text != "A":
                continue
            end = _chain_after(doc, start, labels)
            if first.text == "A" and end == start + 1:
                continue
            if end > start and not (end - start == 1 and labels.get(start) in ("ORG", "GPE")) \
                    and doc[t.i - 1].tag_ != "POS":
                replace(start, end, "ORG", "descriptor")
                continue
        # org-head: "Premier League"
        if t.pos_ == "PROPN" and t.lower_ in ORG_HEADS and t.text[:1].isupper() and t.i not in labels:
            start = t.i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and _capitalised(doc[start - 1]) \
                    and labels.get(start - 1, "NORP") == "NORP" and doc[start - 1].dep_ == "compound":
                start -= 1
            if start < t.i and not doc[start].is_sent_start:
                replace(start, t.i + 1, "ORG", "org-head")
        # facility: "the Mabruk oil field"
        if t.lower_ in FACILITY_HEADS and t.pos_ == "NOUN":
            i = t.i - 1
            while i >= 0 and doc[i].pos_ == "NOUN" and doc[i].dep_ == "compound" and not doc[i].text[:1].isupper():
                i -= 1
            end_name = i + 1
            while i >= 0 and (doc[i].pos_ == "PROPN" or doc[i].text == "-") and labels.get(i) not in ("GPE", "NORP", "DATE"):
                i -= 1
            start = i + 1
            if start < end_name and end_name < t.i + 1 and doc[start].pos_ == "PROPN" and doc[end_name - 1].pos_ == "PROPN":
                replace(start, t.i + 1, "FAC", "facility")
    # article-name: "A Haber" named once in full is "A Haber" wherever NER saw only "Haber"
    with_article = {doc[s + 1:e].text for s, (e, _, _) in spans.items() if doc[s].text == "A" and e > s + 1}
    for s, (e, label, rule) in sorted(spans.items()):
        if s > 0 and doc[s - 1].text == "A" and not doc[s - 1].is_sent_start and doc[s:e].text in with_article:
            del spans[s]
            spans[s - 1] = (e, "ORG", "article-name")
    result = []
    for s in sorted(spans):
        e, label, rule = spans[s]
        result.append((Span(doc, s, e, label=label), rule))
    return result
