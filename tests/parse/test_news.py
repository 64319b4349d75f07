"""The news fixes of kgbuild.parse.news: datelines and line breaks start sentences."""

import pytest


@pytest.mark.parametrize("text, first", [
    ("LIMA, March 11 - Maoist guerrillas derailed four train wagons.", "LIMA, March 11 -"),
    ("HONG KONG, March 3 - The company's stock soared on speculation.", "HONG KONG, March 3 -"),
    ("NEW YORK - Citigroup bought a small bank.", "NEW YORK -"),
])
def test_a_wire_dateline_is_not_part_of_the_first_sentence(nlp, text, first):
    sentences = [s.text for s in nlp(text).sents]
    assert sentences[0] == first and len(sentences) == 2


def test_a_sentence_in_capitals_is_no_dateline(nlp):
    text = "US troops entered the city - officials said."
    assert [s.text for s in nlp(text).sents] == [text]


def test_the_dateline_place_is_not_a_subject(relations_of):
    _, rels = relations_of("LIMA, March 11 - Maoist guerrillas used dynamite to derail four train wagons.")
    assert rels and all(r.subject is None or r.subject.text != "LIMA" for r in rels)
