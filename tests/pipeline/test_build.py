"""build_files: what `kgbuild build` does, from the Python API."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib

from kgbuild.config import BuildConfig
from kgbuild.errors import KgbuildError
from kgbuild.pipeline.build import build_files
from kgbuild.rdf.vocab import KG

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "harbor_talks.txt"
TEXT = "Hillary Clinton met Pakistani journalists in Islamabad. Ahmed Rashid, a Pakistani author, wrote a book."


def _patterns(path) -> set[str]:
    g = rdflib.Graph().parse(path)
    return {str(o) for o in g.objects(None, KG.pattern)}


def test_build_files_writes_the_graph_and_the_page(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    summary = build_files([tmp_path / "a.txt"], tmp_path / "out")
    assert summary.graph_path == tmp_path / "out" / "graph.ttl" and summary.html_path.exists()
    assert summary.triples == len(rdflib.Graph().parse(summary.graph_path))
    assert summary.line().startswith("1 document, ")


def test_the_configured_patterns_are_the_ones_that_run(tmp_path):
    every = build_files([EXAMPLE], tmp_path / "all", BuildConfig(html=False))
    verbs = build_files([EXAMPLE], tmp_path / "verbs", BuildConfig(patterns=("verbs",), html=False))
    assert every.html_path is None and not (tmp_path / "all" / "graph.html").exists()
    assert _patterns(verbs.graph_path) < _patterns(every.graph_path)
    assert not {"title", "apposition", "possessive"} & _patterns(verbs.graph_path)


def test_nothing_to_build_raises_and_writes_nothing(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(KgbuildError, match="nothing to build: all 2 inputs skipped"):
        build_files([tmp_path / "empty.txt", tmp_path / "binary.txt"], tmp_path / "out")
    assert not (tmp_path / "out" / "graph.ttl").exists()


@pytest.mark.parametrize("settings", [{"workers": 0}, {"workers": -3}, {"batch_size": 0}, {"on_error": "ignore"}])
def test_bad_settings_are_refused_in_one_line(settings):
    with pytest.raises(KgbuildError) as error:
        BuildConfig(**settings)
    assert "\n" not in str(error.value)
