"""The entity-resolution gold (bench/gold/entities) is well formed and matches the corpus."""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

from kgbuild.errors import KgbuildError

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
GOLD_FILES = sorted((REPO / "bench" / "gold" / "entities").glob("*.json"))

_spec = importlib.util.spec_from_file_location("bench_entities", REPO / "bench" / "entities.py")
bench = importlib.util.module_from_spec(_spec)
sys.modules["bench_entities"] = bench  # dataclasses look their module up there
_spec.loader.exec_module(bench)


def test_gold_set_is_big_enough_and_mixes_corpora():
    golds = [bench.load_gold(p) for p in GOLD_FILES]
    assert len(golds) >= 12
    corpora = {g.corpus for g in golds}
    assert {"cnn_dailymail_hf_1500.jsonl.gz", "bbc_news_2225.jsonl.gz", "reuters21578.jsonl.gz"} <= corpora
    assert sum(len(g.entities) for g in golds) >= 200
    assert all(g.must_not_merge for g in golds)


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem[-20:])
def test_gold_file_schema(path):
    gold = bench.load_gold(path)
    types = {e.type for e in gold.entities}
    assert types <= bench.TYPES
    # Gold is about named entities: no dates or amounts, and only short names (never copied sentences).
    assert not types & {"Date", "Quantity"}
    for ent in gold.entities:
        for name in ent.names:
            assert len(name) <= 60 and len(name.split()) <= 8, (ent.key, name)
            assert name == name.strip() and "\n" not in name


def _write(tmp_path: Path, data: dict, name: str = "c__1.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


GOOD = {"corpus": "c.jsonl.gz", "id": "1", "must_not_merge": [["ada", "babbage"]], "entities": [
    {"key": "ada", "type": "Person", "names": ["Ada Lovelace", "Lovelace"]},
    {"key": "babbage", "type": "Person", "names": ["Charles Babbage"]}]}


def test_load_gold_accepts_a_minimal_file(tmp_path):
    gold = bench.load_gold(_write(tmp_path, GOOD))
    assert [e.key for e in gold.entities] == ["ada", "babbage"]
    assert gold.must_not_merge == [("ada", "babbage")]


@pytest.mark.parametrize("change, problem", [
    (lambda d: d["entities"][0].update(type="Human"), "unknown type"),
    (lambda d: d["entities"][1]["names"].append("the Lovelace"), "given to both"),
    (lambda d: d["entities"][0]["names"].append("she"), "pronoun"),
    (lambda d: d["must_not_merge"].append(["ada", "nobody"]), "must_not_merge"),
    (lambda d: d["entities"].append(dict(d["entities"][0])), "unique"),
    (lambda d: d.update(text="an article"), "exactly the keys"),
])
def test_load_gold_rejects_bad_files_naming_them(tmp_path, change, problem):
    data = json.loads(json.dumps(GOOD))
    change(data)
    path = _write(tmp_path, data)
    with pytest.raises(KgbuildError, match=problem) as err:
        bench.load_gold(path)
    assert str(err.value).startswith(str(path))


def test_load_gold_reads_the_optional_split(tmp_path):
    assert bench.load_gold(_write(tmp_path, GOOD)).split == "dev"
    assert bench.load_gold(_write(tmp_path, {**GOOD, "split": "heldout"})).split == "heldout"
    with pytest.raises(KgbuildError, match="split must be one of"):
        bench.load_gold(_write(tmp_path, {**GOOD, "split": "test"}))


def test_gold_has_held_out_articles():
    splits = [bench.load_gold(p).split for p in GOLD_FILES]
    assert splits.count("heldout") >= 6 and splits.count("dev") >= 16


def test_pronoun_check_is_case_sensitive(tmp_path):
    data = json.loads(json.dumps(GOOD))
    data["entities"].append({"key": "united_states", "type": "Place", "names": ["US", "the US"]})
    assert bench.load_gold(_write(tmp_path, data)).entities[-1].names == ["US", "the US"]
    data["entities"][-1]["names"].append("Us")
    with pytest.raises(KgbuildError, match="pronoun 'Us'"):
        bench.load_gold(_write(tmp_path, data))


def test_load_gold_wants_the_file_named_after_the_article(tmp_path):
    with pytest.raises(KgbuildError, match="c__1.json"):
        bench.load_gold(_write(tmp_path, GOOD, name="other.json"))


@pytest.mark.corpus
def test_gold_names_occur_in_their_articles():
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared/corpus is absent")
    golds = [bench.load_gold(p) for p in GOLD_FILES]
    wanted: dict[str, set[str]] = {}
    for g in golds:
        wanted.setdefault(g.corpus, set()).add(g.id)
    texts = {}
    for fname, ids in wanted.items():
        with gzip.open(SHARED / "corpus" / fname, "rt", encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                if rec["id"] in ids:
                    texts[(fname, rec["id"])] = re.sub(r"\s+", " ", rec["text"]).lower()
    for g in golds:
        text = texts[(g.corpus, g.id)]
        for ent in g.entities:
            for name in ent.names:
                assert name.lower() in text, (g.path.name, ent.key, name)
