"""The memoised attribute ruler and lemmatizer give exactly the stock components' annotations."""

from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, NORM, POS, TAG

import kgbuild.parse.memo as memo_components
from kgbuild.parse.load import load_model

ATTRIBUTES = [POS, TAG, DEP, HEAD, MORPH, LEMMA, NORM]

# every multi-token rule of en_core_web_sm's ruler, and single-token rules on words, regexes and DEP
SENTENCES = [
    "Hillary Clinton met Pakistani journalists in Islamabad on Friday.",
    "I ain't gon na tell you, and y'all got ta listen: let's go, c'm on.",
    "There is nothin' here; there were two of them and there's no way out.",
    "She gave it to me and I thanked her, then they called us.",
    "Sec. Clinton said: \"We haven't seen it\" --  but he didn't agree.\n\nWASHINGTON (CNN) -- Ya all left.",
    "   Spaces \t\n before and  after  ",
]


@pytest.fixture(scope="module")
def pipelines():
    return load_model(memoised=False), load_model()


def same_annotations(stock_doc, memo_doc) -> bool:
    return numpy.array_equal(stock_doc.to_array(ATTRIBUTES), memo_doc.to_array(ATTRIBUTES)) and \
        [str(t.morph) for t in stock_doc] == [str(t.morph) for t in memo_doc]


def test_load_model_runs_the_wrappers_in_place_of_the_stock_components(pipelines):
    stock, memo = pipelines
    assert "attribute_ruler" in stock.pipe_names and "kgbuild_attribute_ruler" not in stock.pipe_names
    assert memo.pipe_names.index("kgbuild_attribute_ruler") == stock.pipe_names.index("attribute_ruler")
    assert memo.pipe_names.index("kgbuild_lemmatizer") == stock.pipe_names.index("lemmatizer")
    assert {"attribute_ruler", "lemmatizer"} <= set(memo.disabled)


@pytest.mark.parametrize("text", SENTENCES)
def test_memo_pipeline_annotates_as_the_stock_one(pipelines, text):
    stock, memo = pipelines
    assert same_annotations(stock(text), memo(text))


def test_repeated_text_is_answered_from_the_memo_alike(pipelines):
    stock, memo = pipelines
    text = " ".join(SENTENCES)
    first, second = memo(text), memo(text)
    assert same_annotations(first, second) and same_annotations(stock(text), second)
    assert memo.get_pipe("kgbuild_attribute_ruler")._plan.answers  # the second Doc was answered from it


def test_multi_token_rules_apply(pipelines):
    _, memo = pipelines
    doc = memo("We are gon na win, let's go.")
    assert [t.lemma_ for t in doc[2:4]] == ["go", "to"]
    assert doc[7].lemma_ == "us"


def test_lemmas_outlive_a_memory_zone(pipelines):
    # the memo keeps lemma strings, not hashes: a zone drops the strings its words added
    stock, memo = pipelines
    text = "The zorblaxes were glimbering loudly."
    with memo.memory_zone():
        inside = [t.lemma_ for t in memo(text)]
    after = [t.lemma_ for t in memo(text)]
    assert inside == after == [t.lemma_ for t in stock(text)]


def build_ruler_pair(patterns: list[dict]):
    """A blank pipeline with a stock ruler and one with the wrapper, both with ``patterns``."""
    stock, memo = spacy.blank("en"), spacy.blank("en")
    stock.add_pipe("attribute_ruler").add_patterns(patterns)
    memo.add_pipe("attribute_ruler").add_patterns(patterns)
    memo_components.install(memo)
    return stock, memo


CUSTOM_PATTERNS = [
    {"patterns": [[{"LOWER": {"IN": ["cnn", "bbc"]}}]], "attrs": {"POS": "PROPN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"LOWER": {"NOT_IN": ["the", "a"]}, "IS_PUNCT": False}]], "attrs": {"NORM": "word"}},
    {"patterns": [[{"ORTH": {"REGEX": "^[A-Z]{2,}$"}}]], "attrs": {"TAG": "NNP"}},
    {"patterns": [[{"LENGTH": {">=": 8}}]], "attrs": {"LEMMA": "long"}},
    {"patterns": [[{"LOWER": "the"}, {"IS_ALPHA": True}]], "attrs": {"LEMMA": "noun"}, "index": -1},
    {"patterns": [[{"LOWER": "cnn"}]], "attrs": {"POS": "NOUN"}},  # a later rule wins
]


def test_custom_patterns_of_every_kind_annotate_alike():
    stock, memo = build_ruler_pair(CUSTOM_PATTERNS)
    text = "The CNN and the BBC reported. NATO said the correspondents were hereabouts; cnn agreed."
    assert same_annotations(stock(text), memo(text))
    assert memo(text)[1].pos_ == "NOUN"
    assert memo.get_pipe("kgbuild_attribute_ruler")._current_plan() is not None  # not the fallback


def test_patterns_added_after_installing_are_used():
    stock, memo = build_ruler_pair(CUSTOM_PATTERNS[:1])
    memo("CNN")  # compiles the plan once
    extra = [{"patterns": [[{"LOWER": "reported"}]], "attrs": {"POS": "VERB"}}]
    stock.get_pipe("attribute_ruler").add_patterns(extra)
    memo.get_pipe("attribute_ruler").add_patterns(extra)
    assert memo("CNN reported")[1].pos_ == "VERB"
    assert same_annotations(stock("CNN reported"), memo("CNN reported"))


def test_a_cleared_ruler_is_compiled_again():
    stock, memo = build_ruler_pair(CUSTOM_PATTERNS[:1])
    memo("CNN")
    replacement = [{"patterns": [[{"LOWER": "cnn"}]], "attrs": {"POS": "NOUN"}}]
    for nlp in (stock, memo):
        nlp.get_pipe("attribute_ruler").clear()
        nlp.get_pipe("attribute_ruler").add_patterns(replacement)
    assert memo("CNN")[0].pos_ == "NOUN"
    assert same_annotations(stock("CNN and BBC"), memo("CNN and BBC"))


def test_quantified_patterns_fall_back_to_the_stock_ruler():
    patterns = [{"patterns": [[{"LOWER": "very", "OP": "+"}, {"LOWER": "big"}]], "attrs": {"POS": "ADJ"}, "index": -1}]
    stock, memo = build_ruler_pair(patterns)
    text = "a very very big deal"
    assert same_annotations(stock(text), memo(text))
    assert memo.get_pipe("kgbuild_attribute_ruler")._current_plan() is None


def test_install_is_idempotent():
    nlp = load_model()
    before = list(nlp.component_names)
    assert memo_components.install(nlp).component_names == before
