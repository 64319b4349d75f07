"""``kgbuild build`` on bad input: one clear line per problem, never a traceback.

Good inputs still build and the bad ones are listed; where nothing can be built
the exit code is 2. Cases that fail before the model loads run through
``kgbuild.cli.main`` in-process (milliseconds each); the rest, and one of each
kind of failure, run the real command in a subprocess.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from kgbuild.cli import main
from kgbuild.rdf.iris import document_iri

REPO = Path(__file__).resolve().parents[2]
GOOD = "Hillary Clinton met Pakistani journalists in Islamabad on Monday."
FRENCH = "Le ministre a déclaré lundi que les négociations se poursuivraient dans la capitale avec les rebelles."
PAGE = ("<!DOCTYPE html><html><head><title>Talks</title><script>var tracking = 1;</script></head>"
        "<body><p>Angela Merkel met Emmanuel Macron in Berlin.</p></body></html>")
RECORDS = ['{"id": "r1", "text": "Barack Obama visited Berlin."}', '{"id": "r2", "text": "unterminated', "[1]",
           '{"id": "r4"}', '{"id": "r5", "text": "Vladimir Putin spoke in Moscow."}']


def _unprivileged() -> list[str] | None:
    """A command prefix under which file permissions apply, or None when there is none.

    Root reads any file regardless of its mode, so as root the command runs under
    ``setpriv`` without the capabilities that bypass permission checks.
    """
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    return [setpriv, "--bounding-set", "-dac_override,-dac_read_search"] if setpriv else None


def kgbuild(*args: str, cwd: Path, stdin: str = "", prefix: list[str] | None = None) -> subprocess.CompletedProcess:
    return kgbuild_all([args], cwd=cwd, stdin=stdin, prefix=prefix)[0]


def kgbuild_all(commands: list, cwd: Path, stdin: str = "", prefix: list[str] | None = None) -> list:
    """Run several ``kgbuild`` commands at once (each loads spaCy: in parallel it costs less)."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    procs = [(args, subprocess.Popen([*(prefix or []), sys.executable, "-m", "kgbuild", *args], cwd=cwd, env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
             for args in commands]
    done = []
    for args, proc in procs:
        out, err = proc.communicate(stdin, timeout=600)
        done.append(subprocess.CompletedProcess(args, proc.returncode, out, err))
    return done


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def inputs(tmp_path, monkeypatch):
    """A folder of good and bad inputs; the working directory, so messages show short paths."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text(" \n\n\t \n")
    (folder / "scan.txt").write_bytes(b"%PDF-1.5\n%\xd0\xd4\xc5\xd8\n\x00\x00")
    (folder / "latin1.txt").write_bytes("Café owners met the mayor of Paris.".encode("latin-1"))
    (folder / "fr.txt").write_text(FRENCH)
    (folder / "page.html").write_text(PAGE)
    (folder / "recs.jsonl").write_text("\n".join(RECORDS) + "\n")
    (tmp_path / "emptydir").mkdir()
    (tmp_path / "afile.txt").write_text(GOOD)
    return tmp_path


def test_good_inputs_build_and_bad_ones_are_listed(inputs):
    prefix = _unprivileged()
    if prefix is not None:  # an unreadable file too, where permissions can be enforced
        (inputs / "in" / "locked.txt").write_text(GOOD)
        (inputs / "in" / "locked.txt").chmod(0)
    run = kgbuild("build", "in", "missing.txt", "-o", "out", "--no-html", cwd=inputs, prefix=prefix)
    assert run.returncode == 0, run.stderr
    lines = run.stderr.splitlines()
    assert all(line.startswith("kgbuild: warning: ") for line in lines), run.stderr
    expected = [
        "missing.txt: no such file or folder, skipped",
        "in/blank.txt: file has only whitespace, skipped",
        "in/empty.txt: file is empty, skipped",
        "in/fr.txt: looks like French (fr), not English; skipped",
        "in/latin1.txt: not valid UTF-8 at byte 3: 1 bad byte replaced by U+FFFD",
        "in/recs.jsonl: line 2: not valid JSON",
        "in/recs.jsonl: line 3: a JSON list, not an object with a 'text' field, skipped",
        "in/recs.jsonl: line 4: no 'text' field, skipped",
        "in/scan.txt: binary file (a PDF document), not text, skipped",
    ]
    if prefix is not None:
        expected.append("in/locked.txt: permission denied, skipped")
    for text in expected:
        assert any(text in line for line in lines), f"missing warning {text!r} in:\n{run.stderr}"
    skipped = [line for line in lines if " inputs skipped: " in line]
    assert len(skipped) == 1 and "missing.txt" in skipped[0] and "in/scan.txt" in skipped[0]
    graph = Graph()
    graph.parse(inputs / "out" / "graph.ttl", format="turtle")
    built = {str(g) for g in graph.subjects() if str(g).startswith(str(document_iri("x"))[:-1])}
    assert {str(document_iri(d)) for d in ("good", "latin1", "page", "r1", "r5")} <= built
    assert not {str(document_iri(d)) for d in ("empty", "blank", "scan", "locked", "fr")} & built
    assert "tracking" not in (inputs / "out" / "graph.ttl").read_text()  # the script was dropped


@pytest.mark.parametrize("args, message", [
    (["in/empty.txt"], "in/empty.txt: file is empty"),
    (["in/blank.txt"], "in/blank.txt: file has only whitespace"),
    (["in/scan.txt"], "in/scan.txt: binary file (a PDF document), not text"),
    (["missing.txt"], "missing.txt: no such file or folder"),
    (["emptydir"], "emptydir: folder has no .txt, .html, .jsonl, feed or .warc inputs"),
    (["in/good.txt", "-o", "afile.txt"], "afile.txt: output must be a folder, and this is a file"),
    (["in/good.txt", "-o", "afile.txt/sub"], "afile.txt/sub: cannot write output: afile.txt is a file"),
    (["in/good.txt", "missing.txt", "--on-error", "stop"], "missing.txt: no such file or folder"),
])
def test_nothing_to_build_is_one_line_and_exit_2(inputs, capsys, args, message):
    code, out, err = cli(capsys, "build", *args, "-o", "out") if "-o" not in args else cli(capsys, "build", *args)
    assert (code, err) == (2, f"kgbuild: error: {message}\n")
    assert out == "" and not (inputs / "out").exists()  # not even an empty folder left


def test_all_inputs_bad_lists_them_and_exits_2(inputs, capsys):
    code, _, err = cli(capsys, "build", "in/empty.txt", "in/scan.txt", "missing.txt", "-o", "out")
    assert code == 2
    assert err.splitlines() == [
        "kgbuild: warning: missing.txt: no such file or folder, skipped",
        "kgbuild: warning: in/empty.txt: file is empty, skipped",
        "kgbuild: warning: in/scan.txt: binary file (a PDF document), not text, skipped",
        "kgbuild: error: nothing to build: all 3 inputs skipped (missing.txt, in/empty.txt, in/scan.txt)",
    ]
    assert not (inputs / "out").exists()


def test_real_process_exit_codes_and_no_traceback(inputs):
    (inputs / "noise.jsonl").write_text("\n".join(["not json"] * 3) + "\n")
    empty, stdin, stop, noise = kgbuild_all([
        ("build", "in/empty.txt", "-o", "out"), ("build", "-", "-o", "out"),
        ("build", "in/recs.jsonl", "--on-error", "stop", "-o", "out"), ("build", "noise.jsonl", "-o", "out")], cwd=inputs)
    assert (empty.returncode, empty.stderr) == (2, "kgbuild: error: in/empty.txt: file is empty\n")
    assert (stdin.returncode, stdin.stderr) == (2, "kgbuild: error: <stdin>: file is empty\n")
    assert stop.returncode == 2
    assert stop.stderr.startswith("kgbuild: error: in/recs.jsonl: line 2: not valid JSON (") and stop.stderr.count("\n") == 1
    assert noise.returncode == 2 and noise.stderr.splitlines()[-1] == "kgbuild: error: noise.jsonl: no usable records"
    assert not (inputs / "out" / "graph.ttl").exists()
    assert "Traceback" not in empty.stderr + stdin.stderr + stop.stderr + noise.stderr


def test_unreadable_input_and_read_only_output(inputs):
    prefix = _unprivileged()
    if prefix is None:
        pytest.skip("running as root without setpriv: file permissions cannot be enforced")
    (inputs / "locked.txt").write_text(GOOD)
    (inputs / "locked.txt").chmod(0)
    (inputs / "ro").mkdir()
    (inputs / "ro").chmod(0o555)
    locked, read_only = kgbuild_all([("build", "locked.txt", "-o", "out"), ("build", "in/good.txt", "-o", "ro/out")],
                                    cwd=inputs, prefix=prefix)
    assert (locked.returncode, locked.stderr) == (2, "kgbuild: error: locked.txt: permission denied\n")
    assert (read_only.returncode, read_only.stderr) == (2, "kgbuild: error: ro/out: cannot write output: Permission denied\n")


def test_hostile_jsonl_fields_do_not_crash(inputs):
    """Odd ids, titles and dates: a lone surrogate, a list id, a 10,000-character id, a non-date."""
    records = [{"id": "a\ud800b", "text": GOOD, "title": "T\udfff", "date": "yesterday"},
               {"id": ["x", 1], "text": "Barack Obama visited Berlin.", "date": 20150401},
               {"id": "y" * 10_000, "text": "Vladimir Putin spoke in Moscow.", "title": 7}]
    (inputs / "odd.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    run = kgbuild("build", "odd.jsonl", "-o", "out", "--no-html", cwd=inputs)
    assert run.returncode == 0, run.stderr
    assert run.stderr == "kgbuild: warning: odd.jsonl: 2 records had a 'date' that is not a date (first at line 1): left out\n"
    graph = Graph()
    graph.parse(inputs / "out" / "graph.ttl", format="turtle")
    assert str(document_iri("a\ufffdb")) in {str(s) for s in graph.subjects()}
