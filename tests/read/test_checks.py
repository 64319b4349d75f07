"""Text checks: binary sniffing, HTML to text, language, splitting long texts, dates."""

from __future__ import annotations

import pytest

from kgbuild.dates import iso_date
from kgbuild.read.bytes import binary_kind, text_encoding
from kgbuild.read.html import HTMLText, html_to_text, looks_like_html
from kgbuild.read.language import language_problem
from kgbuild.read.split import Chunker, split_point, split_text

ENGLISH = "The minister said on Monday that the talks with the rebels would go on in the capital next week."
OTHERS = {
    "German": "Der Minister sagte am Montag, dass die Gespräche in der Hauptstadt fortgesetzt werden und dass es noch keine Einigung gibt.",
    "Spanish": "El ministro dijo el lunes que las negociaciones continuarán en la capital y que todavía no hay un acuerdo entre las partes.",
    "French": "Le ministre a déclaré lundi que les négociations se poursuivraient dans la capitale et qu'il n'y a pas encore d'accord.",
    "Italian": "Il ministro ha detto lunedì che i negoziati continueranno nella capitale e che non c'è ancora un accordo tra le parti.",
    "Dutch": "De minister zei maandag dat de onderhandelingen in de hoofdstad worden voortgezet en dat er nog geen akkoord is.",
}


@pytest.mark.parametrize("head, kind", [
    (b"%PDF-1.7\n%\xe2\xe3", "PDF"), (b"PK\x03\x04\x14\x00", "ZIP"), (b"\x1f\x8b\x08\x00", "gzip"),
    (b"\x89PNG\r\n\x1a\n", "PNG"), (b"abc\x00def", "NUL"), (bytes(range(1, 9)) * 100, "control"),
])
def test_binary_heads_are_named(head, kind):
    assert kind in binary_kind(head)


def test_text_and_utf16_are_not_binary():
    assert binary_kind("Clinton met journalists in Islamabad.\n\tIndented — “quoted”.".encode()) is None
    utf16 = "\ufeffClinton met journalists.".encode("utf-16-le")
    assert binary_kind(utf16) is None and text_encoding(utf16) == "utf-16"


def test_english_passes_and_other_languages_are_named():
    assert language_problem(ENGLISH) is None
    for language, text in OTHERS.items():
        assert language in language_problem(text), language


def test_non_latin_scripts_are_named():
    assert "Russian" in language_problem("Министр заявил в понедельник, что переговоры продолжатся в столице.")
    assert "Arabic" in language_problem("قال الوزير يوم الاثنين إن المفاوضات ستستمر في العاصمة وإنه لا يوجد اتفاق")
    assert "Chinese" in language_problem("部长周一表示，谈判将在首都继续进行，双方尚未达成协议。" * 2)


def test_tables_and_short_texts_are_not_called_foreign():
    assert language_problem("Shr 32 cts vs five cts  Net 2,362,000 vs 384,000  Revs 12.4 mln vs 9.1 mln") is None
    table = "LOUISVILLE, Ky., Feb 26 - Shr one dlr vs 73 cts\n\nNet 12.6 mln vs 15.8 mln\n\nRevs 337.3 mln vs 315.2 mln"
    assert language_problem(table * 3) is None  # py3langid's top guess for it is Pidgin: English's share decides
    assert language_problem("Hola.") is None


def test_html_is_recognised_and_stripped():
    page = ("<!DOCTYPE html><html><head><title>Talks &amp; more</title><style>p {color: red}</style>"
            "<script>var secret = 'x';</script></head><body><h1>Talks</h1><p>The minister met the envoy.</p>"
            "<div>They agreed&nbsp;on <b>nothing</b>.</div><noscript>Enable JS</noscript></body></html>")
    assert looks_like_html(page)
    text, title = html_to_text(page)
    assert title == "Talks & more"
    assert text.split("\n\n") == ["Talks", "The minister met the envoy.", "They agreed on nothing."]
    assert "secret" not in text and "color" not in text and "Enable" not in text
    assert not looks_like_html("Use <b> sparingly, she said; a < b and c > d.")


def test_html_fed_in_pieces_gives_the_same_text():
    page = "<html><body>" + "".join(f"<p>Paragraph {i} about the talks.</p>" for i in range(50)) + "</body></html>"
    whole, _ = html_to_text(page)
    parser = HTMLText()
    pieces = []
    for i in range(0, len(page), 7):  # cut inside tags and words
        parser.feed(page[i:i + 7])
        pieces.append(parser.pull())
    parser.close()
    pieces.append(parser.pull())
    assert "".join(pieces).strip() == whole


def test_split_prefers_paragraphs_then_sentences_then_spaces():
    text = "First paragraph here.\n\nSecond one is a little longer. It has two sentences."
    assert split_text(text, 40)[0] == "First paragraph here.\n\n"
    assert split_point("One two three. Four five six seven", 20) == len("One two three. ")
    assert split_point("aaaa bbbb cccc dddd", 12) == len("aaaa bbbb ")
    assert split_text("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]


def test_chunker_keeps_every_character_and_the_limit():
    sentences = [f"Sentence number {i} says something{'.' if i % 7 else ''}" + ("\n\n" if i % 13 == 0 else " ")
                 for i in range(3000)]
    chunker = Chunker(1000)
    pieces = [p for s in sentences for p in chunker.feed(s)] + list(chunker.finish())
    assert "".join(pieces) == "".join(sentences)
    assert all(len(p) <= 1000 for p in pieces) and len(pieces) > 50


def test_dates_in_common_formats():
    assert iso_date("26-FEB-1987 15:01:01.79") == "1987-02-26"
    assert iso_date("2015-04-01T10:00:00Z") == "2015-04-01"
    assert iso_date("Wed, 02 Oct 2002 13:00:00 GMT") == "2002-10-02"
    assert iso_date("April 7, 1987") == "1987-04-07"
    assert iso_date("not a date") is None and iso_date(20150401) is None and iso_date("2020-13-45") is None
