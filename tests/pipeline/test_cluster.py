"""Builds on a real Dask cluster (2 worker processes on 127.0.0.1) give the single-process graph."""

from __future__ import annotations

import subprocess
import sys

import pytest
import rdflib

distributed = pytest.importorskip("distributed")

from kgbuild.config import BuildConfig  # noqa: E402
from kgbuild.errors import KgbuildError  # noqa: E402
from kgbuild.graph import KnowledgeGraph  # noqa: E402
from kgbuild.pipeline.cluster import connect, resolve_on_cluster  # noqa: E402
from kgbuild.pipeline.run import resolve_documents  # noqa: E402
from kgbuild.rdf.export import iter_quads  # noqa: E402
from kgbuild.read.inputs import read_inputs  # noqa: E402

TEXTS = [
    "The Finnish government appointed Sanna Marin as its new envoy to Canada. Marin said she would travel to Ottawa.",
    "Shell sold its stake in a Nigerian oil field. The company said the sale raised $1 billion.",
    "Spanish police seized a boat off Cadiz. The boat carried three tonnes of cocaine.",
    "Sanna Marin met Justin Trudeau in Ottawa. Trudeau praised Finland.",
    "The World Health Organization warned of a measles outbreak in Romania.",
    "Lionel Messi joined Inter Miami. Messi scored twice in his first match.",
]


@pytest.fixture(scope="module")
def news(tmp_path_factory):
    """A folder of one .txt file per text, and the Documents read from it (as ``kgbuild build`` reads them)."""
    folder = tmp_path_factory.mktemp("news")
    for i, text in enumerate(TEXTS):
        (folder / f"wire-{i}.txt").write_text(text, encoding="utf-8")
    return folder, list(read_inputs([folder]))


def _parts(kg: KnowledgeGraph):
    return list(kg.graph.nodes(data=True)), list(kg.graph.edges(data=True)), set(iter_quads(kg))


def _loaded_models():
    import kgbuild.pipeline.processes as d

    return sorted(repr((k.model, k.patterns)) for k in d._PIPELINES)


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as local:
        yield local


@pytest.fixture(scope="module")
def single(nlp, news):
    kg = KnowledgeGraph()
    for resolved in resolve_documents(news[1], nlp):
        kg.add_document(resolved)
    return kg


def test_cluster_graph_equals_single_process_graph(cluster, single, news):
    with distributed.Client(cluster) as client:
        kg = KnowledgeGraph()
        for resolved in resolve_on_cluster(iter(news[1]), client, BuildConfig(batch_size=1)):
            kg.add_document(resolved)
        models = client.run(_loaded_models)  # every worker loaded the model once, through the plugin
    assert list(kg.documents) == [d.id for d in news[1]] and len(kg.documents) == len(TEXTS)
    assert _parts(kg) == _parts(single)
    assert single.graph.number_of_edges() >= 4
    assert len(models) == 2 and all(names == ["(None, ())"] for names in models.values())


def test_cluster_workers_run_the_configured_patterns(cluster, news):
    """A non-default pattern set reaches the Dask workers: their graph is the local one with that set."""
    config = BuildConfig(patterns=("appositions",), batch_size=2)
    local = KnowledgeGraph()
    for resolved in resolve_documents(news[1], config=config):
        local.add_document(resolved)
    with distributed.Client(cluster) as client:
        remote = KnowledgeGraph()
        for resolved in resolve_on_cluster(iter(news[1]), client, config):
            remote.add_document(resolved)
    patterns = {d["statement"].pattern for _, _, d in remote.graph.edges(data=True)}
    assert _parts(remote) == _parts(local)
    assert patterns <= {"apposition"} and remote.graph.number_of_edges() < 4


def test_cli_build_on_cluster_writes_the_single_process_rdf(cluster, single, news, tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "kgbuild", "build", str(news[0]), "-o", str(tmp_path / "out"), "--no-html",
         "--scheduler", cluster.scheduler_address, "--batch-size", "2"],
        capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr
    single.write(tmp_path / "single.ttl")
    on_cluster = set(rdflib.Graph().parse(tmp_path / "out" / "graph.ttl"))
    assert on_cluster == set(rdflib.Graph().parse(tmp_path / "single.ttl"))
    labels = {str(o) for _, p, o in on_cluster if p == rdflib.RDFS.label}
    assert {"Sanna Marin", "Justin Trudeau", "Ottawa"} <= labels


def test_unreachable_scheduler_is_a_one_line_error():
    with pytest.raises(KgbuildError) as error:
        connect("tcp://127.0.0.1:9", timeout="2s")
    assert "127.0.0.1:9" in str(error.value) and "\n" not in str(error.value)
