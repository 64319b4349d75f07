"""Is a text English? A cheap check of its script and function words, run on every document before parsing."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from spacy.lang.en.stop_words import STOP_WORDS

# ------------------------------------------------------------------ language

_WORD = re.compile(r"[^\W\d_]+")
_NON_LATIN = re.compile("[\u0250-\U0010ffff]")  # beyond Latin Extended-B


def language_problem(text: str, sample: int = 5_000) -> str | None:
    """Why a text does not look like English, or None when it does (or is too short to tell).

    Cheap signals on the first ``sample`` characters: the share of letters outside
    the Latin script; and, when English stop words are rare (about 45% of the words
    in English news, under 15% here), the share of the commonest function words of
    French, German, Spanish, Italian, Portuguese or Dutch. Tables and lists of
    figures have few stop words in any language and are not reported.

    Example
    -------
    >>> language_problem("The minister said on Monday that the talks would go on in the capital.") is None
    True
    >>> language_problem("Le ministre a déclaré lundi que les négociations se poursuivraient dans la capitale.")
    'looks like French, not English (6 of 13 words are French function words, 1 English)'
    """
    head = text[:sample]
    words = _WORD.findall(head.lower())
    letters = sum(map(len, words))
    if letters < 40:
        return None
    if not head.isascii():
        scripts = Counter(_script(ch) for ch in _NON_LATIN.findall(head) if ch.isalpha())
        if sum(scripts.values()) > letters * 0.3:
            return f"does not look like English (mostly {scripts.most_common(1)[0][0]} script)"
    english = sum(1 for w in words if w in STOP_WORDS)
    if len(words) < 8 or english >= 0.15 * len(words):
        return None
    counts = {lang: sum(1 for w in words if w in stops) for lang, stops in _FUNCTION_WORDS.items()}
    lang, count = max(counts.items(), key=lambda kv: kv[1])
    if count >= 0.2 * len(words) and count > english:
        return (f"looks like {lang}, not English ({count} of {len(words)} words are {lang} function words, "
                f"{english} English)")
    return None


#: The commonest function words of a few languages, minus any that are English stop words.
_FUNCTION_WORDS = {lang: set(words.split()) - STOP_WORDS for lang, words in {
    "French": "le la les des du un une et est que qui dans pour pas sur au aux avec ce ces il elle ils sont été "
              "par plus ne se son sa ses leur nous vous mais ou où être avoir fait comme été très aussi",
    "German": "der die das und ist nicht ein eine einen dem den des zu mit sich auf für von im auch es sind wird "
              "wurde werden dass aber oder nach bei aus wie noch nur hat haben sie er wir ich",
    "Spanish": "el la los las de del y que en un una es por con para se su sus al lo como más pero fue ha este "
               "esta son está muy también hay",
    "Italian": "il la le di che è e un una per con non sono del della dei nel gli da si al anche come più ma ha "
               "questo questa lo alla",
    "Portuguese": "o a os as de do da dos das e que em um uma para com não se por no na é mais como mas foi ao ele "
                  "ela são também",
    "Dutch": "de het een en van is dat die in op te zijn niet met voor er maar ook als aan bij door naar wordt werd "
             "hij zij wij",
}.items()}


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "UNKNOWN")
    return "CJK" if name.startswith("CJK") else name.split()[0].title()
