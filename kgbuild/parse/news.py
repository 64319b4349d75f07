"""Fixes for news text that the stock English pipelines get wrong.

- abbreviated titles ("Sec.", "Adm.", "Gov.") split into a word and a full stop, which wrecks the
  parse of the sentence: ``TITLE_ABBREVIATIONS`` become tokenizer exceptions;
- lines without a final full stop (headlines, "Story highlights" bullets) run into the next
  sentence: the ``kgbuild_line_breaks`` component starts a sentence after every line break and
  after a dateline ("(CNN)").
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

DATELINE_INFIX = r"(?<=[A-Za-z])\)(?=[A-Z])"  # "(CNN)Russian", "(CNN)U.S."
DATELINE_DASHES = frozenset({"-", "--", "\u2014", "\u2013"})
TITLE_ABBREVIATIONS = (
    "Sec.", "Adm.", "Gen.", "Lt.", "Col.", "Maj.", "Capt.", "Sgt.", "Cmdr.", "Gov.", "Rep.", "Sen.",
    "Rev.", "Prof.", "Pres.", "Amb.", "Supt.", "Insp.", "Det.", "Cpl.", "Pvt.", "Atty.", "Brig.",
)


@Language.component("kgbuild_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break and after a dateline; the parser finds the others."""
    _dateline_at(doc, 0)
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
            _dateline_at(doc, token.i + 1)
        elif token.text == ")" and token.i >= 2 and doc[token.i - 2].text == "(" and doc[token.i - 1].text.isupper() \
                and _opens_line(doc, token.i - 2):
            # a dateline, "WASHINGTON (CNN) -- The ...": the news starts after it
            nxt = token.i + 1
            while nxt < len(doc) - 1 and doc[nxt].text in DATELINE_DASHES:
                nxt += 1
            doc[nxt].is_sent_start = True
    return doc


MONTHS = frozenset("jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july "
                   "august september october november december".split())


def _dateline_at(doc: Doc, start: int) -> None:
    """A wire dateline opening a line, "HONG KONG, March 3 - The stock soared": the news starts after
    its dash, so the place is not read as the subject of the first sentence."""
    if start >= len(doc) or not (doc[start].is_alpha and doc[start].is_upper and len(doc[start]) > 1):
        return
    for i in range(start + 1, min(start + 9, len(doc) - 1)):
        text = doc[i].text
        if text in DATELINE_DASHES:
            doc[i + 1].is_sent_start = True
            return
        if not (text == "," or (doc[i].is_alpha and doc[i].is_upper) or text.isdigit()
                or text.lower().rstrip(".") in MONTHS):
            return


def _opens_line(doc: Doc, i: int) -> bool:
    """True when only a place name ("WASHINGTON", "Dushanbe, Tajikistan") stands between a line start and token i."""
    start = i
    while start > 0 and "\n" not in doc[start - 1].text and "\n" not in doc[start - 1].whitespace_:
        start -= 1
    before = doc[start:i]
    return len(before) <= 6 and all(t.text[:1].isupper() or t.text == "," for t in before)
