"""Is a text English? py3langid's naive Bayes identifier (97 languages), with a margin for tables.

Chosen over lingua and our old stop-word count by ``bench/language.py`` (300 corpus articles,
36 news sentences in 12 other languages, cut to 60, 200 and 2,000 characters): py3langid takes
0.5-4 ms a text and some 70 MB of model (loaded once, on the first text), and no foreign sentence
passes it; lingua is as exact on foreign text and better on 60-character English, but needs 2-70 ms
a text and over 1 GB of models; the
old count let 11 of the 36 foreign sentences through. py3langid's top guess for an earnings table
("Shr 45 cts vs 58 cts") is sometimes Pidgin or "no language", but it still gives English a
share of 2 % or more, where a foreign text gives it under 0.01 %: so a text is called
non-English only when English's share is under ``MIN_ENGLISH``.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: A text whose share for English (py3langid's normalised probability) is below this is not English.
MIN_ENGLISH = 0.01
#: The characters judged: the opening of a text says its language, and the cost stays flat.
SAMPLE = 2_000

_LETTERS = re.compile(r"[^\W\d_]")
_NAMES = {
    "fr": "French", "de": "German", "es": "Spanish", "it": "Italian", "pt": "Portuguese", "nl": "Dutch",
    "sv": "Swedish", "da": "Danish", "no": "Norwegian", "nb": "Norwegian", "fi": "Finnish", "pl": "Polish",
    "cs": "Czech", "sk": "Slovak", "hu": "Hungarian", "ro": "Romanian", "ru": "Russian", "uk": "Ukrainian",
    "bg": "Bulgarian", "el": "Greek", "tr": "Turkish", "ar": "Arabic", "fa": "Persian", "he": "Hebrew",
    "hi": "Hindi", "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "vi": "Vietnamese", "id": "Indonesian",
    "ms": "Malay", "ca": "Catalan", "hr": "Croatian", "sr": "Serbian", "sl": "Slovenian", "th": "Thai",
}


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def language_problem(text: str) -> str | None:
    """Why a text is not English, or None when it is (or is too short to tell: under 40 letters).

    Example
    -------
    >>> language_problem("The minister said on Monday that the talks would go on in the capital.") is None
    True
    >>> language_problem("Le ministre a déclaré lundi que les négociations se poursuivraient dans la capitale.")
    'looks like French (fr), not English'
    """
    head = text[:SAMPLE]
    if len(_LETTERS.findall(head)) < 40:
        return None
    identifier = _identifier()
    shares = dict(identifier.rank(head))
    if shares.get("en", 0.0) >= MIN_ENGLISH:
        return None
    code = identifier.classify(head)[0]
    return f"looks like {_NAMES.get(code, 'another language')} ({code}), not English"
