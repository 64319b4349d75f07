"""Language identifiers for the English-only check: accuracy on short and long texts, and speed.

Compares py3langid and lingua (the two that run offline from their PyPI packages) and our
old stop-word heuristic on a few hundred English corpus articles (``../shared/corpus``) and on
non-English news sentences written here, cut to 60, 200 and 2,000 characters. Prints, per
identifier and length, the English texts called non-English, the non-English called English,
and the time per text.

    .venv/bin/python bench/language.py [--articles 300]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import resource
import time
import unicodedata
from collections import Counter
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

#: News sentences in other languages (written for this bench), several per language.
OTHER = {
    "fr": ["Le ministre des Affaires étrangères a rencontré lundi ses homologues européens à Bruxelles pour discuter des sanctions.",
           "La grève des transports a paralysé la capitale pendant trois jours, selon les syndicats qui réclament des hausses de salaire.",
           "Le président a annoncé une réforme des retraites qui sera présentée au Parlement avant l'été.",
           "Les pompiers ont maîtrisé l'incendie qui menaçait plusieurs villages du sud de la France depuis jeudi."],
    "de": ["Die Bundesregierung hat am Mittwoch ein neues Klimaschutzpaket beschlossen, das Milliarden kosten soll.",
           "Der Vorstandschef des Autokonzerns trat nach monatelanger Kritik an der Unternehmensführung zurück.",
           "In Berlin demonstrierten am Wochenende Tausende Menschen gegen steigende Mieten und Wohnungsnot.",
           "Die Polizei nahm nach dem Überfall auf eine Bank in Hamburg zwei Verdächtige fest."],
    "es": ["El gobierno español aprobó ayer un plan de ayudas para los agricultores afectados por la sequía.",
           "La selección nacional ganó el partido en el último minuto gracias a un gol de su delantero.",
           "Miles de personas se manifestaron en Madrid contra la subida de los precios de la energía.",
           "El presidente de la compañía anunció que cerrará dos fábricas el próximo año."],
    "it": ["Il governo italiano ha approvato un decreto per sostenere le famiglie colpite dall'aumento delle bollette.",
           "La polizia ha arrestato tre persone accusate di aver rapinato una gioielleria nel centro di Milano.",
           "Il presidente della Repubblica ha incontrato oggi i rappresentanti dei sindacati al Quirinale.",
           "Le piogge torrenziali hanno causato frane e allagamenti in diverse regioni del nord."],
    "pt": ["O governo brasileiro anunciou nesta segunda-feira um pacote de medidas para conter a inflação.",
           "O presidente do clube confirmou a contratação de um novo treinador para a próxima temporada.",
           "Milhares de pessoas foram às ruas de Lisboa para protestar contra o aumento das rendas.",
           "A empresa registrou lucro recorde no último trimestre, segundo o relatório divulgado ontem."],
    "nl": ["De Nederlandse regering heeft dinsdag nieuwe maatregelen aangekondigd om de woningnood aan te pakken.",
           "De politie heeft in Rotterdam een grote hoeveelheid drugs in beslag genomen in de haven.",
           "De minister van Financiën zei dat de begroting volgend jaar een tekort zal vertonen.",
           "Na hevige regenval stonden meerdere straten in Amsterdam onder water."],
    "sv": ["Regeringen presenterade på torsdagen ett förslag om sänkt skatt för pensionärer.",
           "Polisen letar efter en man som misstänks för rånet mot en bank i centrala Stockholm."],
    "pl": ["Rząd przyjął we wtorek projekt ustawy o podwyżkach dla nauczycieli i lekarzy.",
           "Policja zatrzymała dwóch mężczyzn podejrzanych o kradzież samochodów w Warszawie."],
    "ru": ["Президент провёл в среду совещание с членами правительства по вопросам экономики.",
           "В Москве открылась международная выставка, на которую приехали компании из сорока стран."],
    "zh": ["国务院总理周三在北京会见了来访的外国代表团，双方就经贸合作交换了意见。",
           "据新华社报道，今年上半年全国经济保持稳定增长，就业形势总体平稳。"],
    "ar": ["التقى وزير الخارجية نظيره الفرنسي في القاهرة لبحث تطورات الأوضاع في المنطقة.",
           "أعلنت الحكومة عن خطة جديدة لدعم الشركات الصغيرة والمتوسطة خلال العام المقبل."],
    "id": ["Pemerintah Indonesia mengumumkan kenaikan harga bahan bakar minyak mulai pekan depan.",
           "Polisi menangkap tiga orang yang diduga terlibat dalam perampokan bank di Jakarta."],
}


def english_articles(n: int) -> list[str]:
    texts: list[str] = []
    files = sorted(CORPUS.glob("*.jsonl.gz"))
    for path in files:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for i, line in enumerate(handle):
                if i >= n // len(files):
                    break
                texts.append(json.loads(line)["text"])
    return texts


def identifiers():
    import py3langid
    from lingua import LanguageDetectorBuilder

    from kgbuild.read.language import language_problem

    yield "py3langid (top language)", lambda t: py3langid.classify(t)[0] == "en"
    yield "py3langid, English share >= 1 % (ours)", lambda t: language_problem(t) is None
    lingua = LanguageDetectorBuilder.from_all_languages().build()
    yield "lingua (high accuracy)", lambda t: (lambda l: l is None or l.iso_code_639_1.name == "EN")(lingua.detect_language_of(t))
    low = LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()
    yield "lingua (low accuracy)", lambda t: (lambda l: l is None or l.iso_code_639_1.name == "EN")(low.detect_language_of(t))
    yield "stop words (old)", lambda t: old_stop_word_problem(t) is None


# ------------------------------------------------- the old heuristic, as it was in kgbuild/read/language.py

_WORD = re.compile(r"[^\W\d_]+")
_NON_LATIN = re.compile("[\u0250-\U0010ffff]")  # beyond Latin Extended-B


def old_stop_word_problem(text: str, sample: int = 5_000) -> str | None:
    """The stop-word count kgbuild used before py3langid (kept here to compare)."""
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    if not CORPUS.exists():
        raise SystemExit(f"no corpus at {CORPUS}")
    english = english_articles(args.articles)
    other = [t for texts in OTHER.values() for t in texts]
    print(f"{len(english)} English corpus articles, {len(other)} non-English sentences in {len(OTHER)} languages")
    print(f"{'identifier':40} {'chars':>6} {'en missed':>10} {'other taken':>12} {'ms/text':>8}  peak RSS MB")
    for name, is_english in identifiers():
        for size in (60, 200, 2000):
            en = [t[:size] for t in english]
            # short foreign samples are repeated to reach the length (a long foreign article)
            xx = [((t + " ") * (size // len(t) + 1))[:size] for t in other]
            started = time.perf_counter()
            missed = sum(not is_english(t) for t in en)
            taken = sum(is_english(t) for t in xx)
            ms = (time.perf_counter() - started) * 1000 / (len(en) + len(xx))
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"{name:40} {size:>6} {missed:>5}/{len(en):<4} {taken:>6}/{len(xx):<5} {ms:>8.2f}  {rss:,.0f}")


if __name__ == "__main__":
    main()
