"""The reader: every kind of input, good and bad, read in-process (no model needed)."""

from __future__ import annotations

import gzip
import json
import os
import re
import tracemalloc

import pytest

import kgbuild.read
import kgbuild.read.bytes
from kgbuild.errors import InputError
from kgbuild.read.inputs import read_inputs, read_jsonl, read_text
from kgbuild.read.report import ReadReport
from kgbuild.read.split import MAX_CHARS

SENTENCE = "The minister met the envoy in Kabul on Monday. "


def read(paths, **kwargs):
    report = ReadReport(echo=False)
    docs = list(read_inputs(paths, report=report, **kwargs))
    return docs, report


def test_text_html_and_jsonl_in_a_folder(tmp_path):
    (tmp_path / "a.txt").write_text("Clinton met journalists.")
    (tmp_path / "b.html").write_text("<html><head><title>T</title></head><body><p>Obama visited Berlin.</p></body></html>")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.jsonl").write_text(json.dumps({"id": "c1", "text": "Merkel met Macron.", "date": "2015-04-01"}) + "\n")
    (tmp_path / "notes.csv").write_text("not,an,input")
    (tmp_path / ".hidden.txt").write_text("Hidden files are left alone.")
    docs, report = read([tmp_path])
    assert [(d.id, d.text.strip(), d.title, d.date) for d in docs] == [
        ("a", "Clinton met journalists.", None, None), ("b", "Obama visited Berlin.", "T", None),
        ("c1", "Merkel met Macron.", None, "2015-04-01")]
    assert report.skipped == [] and report.warnings == []  # web pages are an input format, not a problem


def test_bad_files_are_skipped_and_listed_while_good_ones_are_read(tmp_path):
    (tmp_path / "good.txt").write_text("Clinton met journalists.")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n\t\n")
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.4\n\x00\x01\x02")
    (tmp_path / "nul.txt").write_bytes(b"text\x00with\x00nuls")
    docs, report = read([tmp_path, tmp_path / "missing.txt"])
    assert [d.id for d in docs] == ["good"]
    problems = dict(report.skipped)
    assert problems == {
        str(tmp_path / "missing.txt"): "no such file or folder",
        str(tmp_path / "blank.txt"): "file has only whitespace",
        str(tmp_path / "empty.txt"): "file is empty",
        str(tmp_path / "nul.txt"): "binary file (contains NUL bytes), not text",
        str(tmp_path / "scan.txt"): "binary file (a PDF document), not text",
    }


@pytest.mark.parametrize("content, problem", [
    (b"", "file is empty"), (b"   \n", "file has only whitespace"), (b"\x89PNG\r\n\x1a\n\x00", "PNG image"),
])
def test_a_lone_bad_file_raises_at_once(tmp_path, content, problem):
    path = tmp_path / "x.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=problem) as info:
        read_inputs([path])  # not iterated: the check runs before any parsing
    assert info.value.path == str(path)


def test_missing_paths_and_empty_folders(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        read_inputs([tmp_path / "nope.txt"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="folder has no"):
        read_inputs([tmp_path / "empty"])
    (tmp_path / "ok.txt").write_text("Clinton met journalists.")
    with pytest.raises(InputError, match="no such file"):
        read_inputs([tmp_path / "ok.txt", tmp_path / "nope.txt"], on_error="stop")


def test_invalid_utf8_is_replaced_and_reported(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Café owners met the mayor. Niño.".encode("latin-1"))
    docs, report = read([path])
    assert docs[0].text == "Caf\ufffd owners met the mayor. Ni\ufffdo."
    assert report.warnings == [f"{path}: not valid UTF-8 at byte 3: 2 bad bytes replaced by U+FFFD"]


def test_utf16_with_bom_and_utf8_bom_are_decoded(tmp_path):
    (tmp_path / "a.txt").write_bytes("\ufeffClinton met journalists.".encode("utf-16-le"))
    (tmp_path / "b.txt").write_bytes("\ufeffObama visited Berlin.".encode("utf-8"))
    docs, report = read([tmp_path])
    assert [d.text for d in docs] == ["Clinton met journalists.", "Obama visited Berlin."]
    assert report.warnings == []


FRENCH = "Le ministre a déclaré lundi que les négociations se poursuivraient dans la capitale avec les rebelles."


def test_non_english_text_is_skipped_with_a_warning(tmp_path):
    path = tmp_path / "fr.txt"
    path.write_text(FRENCH)
    (tmp_path / "en.txt").write_text(SENTENCE * 3)
    docs, report = read([tmp_path])
    assert [d.id for d in docs] == ["en"]
    assert report.warnings == [f"{path}: looks like French (fr), not English; skipped (kgbuild extracts from "
                               "English; --allow-non-english builds it anyway)"]


def test_non_english_text_is_built_when_allowed(tmp_path):
    path = tmp_path / "fr.txt"
    path.write_text(FRENCH)
    docs, report = read([path], allow_non_english=True)
    assert [d.id for d in docs] == ["fr"] and "built anyway (--allow-non-english)" in report.warnings[0]


def test_non_english_jsonl_records_are_skipped_and_named(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(json.dumps({"id": i, "text": t}) for i, t in [("en1", SENTENCE * 2), ("fr1", FRENCH)]) + "\n")
    docs, report = read([path])
    assert [d.id for d in docs] == ["en1"] and "document 'fr1' looks like French" in report.warnings[0]


def test_a_one_megabyte_line_is_split_at_sentences(tmp_path):
    path = tmp_path / "line.txt"
    path.write_text(SENTENCE * (1_200_000 // len(SENTENCE)))  # one line, no newline
    docs, report = read([path])
    assert len(docs) > 1 and all(len(d.text) <= MAX_CHARS for d in docs)
    assert [d.id for d in docs] == [f"line#part{i}" for i in range(1, len(docs) + 1)]
    assert all(d.text.endswith(". ") for d in docs[:-1])  # cut at a sentence end
    assert "".join(d.text for d in docs) == path.read_text()
    assert any("parts of at most" in w for w in report.warnings)


def test_text_without_any_break_is_still_split(tmp_path):
    path = tmp_path / "blob.txt"
    path.write_text("x" * (2 * MAX_CHARS + 5))
    docs, _ = read([path], allow_non_english=True)  # "xxx..." is no language
    assert [len(d.text) for d in docs] == [MAX_CHARS, MAX_CHARS, 5]


def test_a_long_jsonl_text_is_split_too(tmp_path):
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"id": "big", "text": SENTENCE * (250_000 // len(SENTENCE))}) + "\n")
    docs, _ = read([path])
    assert [d.id for d in docs] == ["big#part1", "big#part2", "big#part3"]


def test_broken_jsonl_lines_are_skipped_or_stop_the_build(tmp_path):
    path = tmp_path / "recs.jsonl"
    lines = ['{"id": "a", "text": "Obama visited Berlin."}', '{"id": "b", "text": "unterminated', "", "[1, 2]",
             '{"id": "c"}', '{"id": "d", "text": 42}', '{"id": "e", "text": "  "}',
             '{"id": "f", "text": "Merkel met \\ud800 Macron.", "title": "T", "date": "26-FEB-1987 15:01:01.79"}',
             '{"id": "g", "text": "Putin spoke.", "date": "soon"}', "[" * 100_000]
    path.write_text("\n".join(lines) + "\n")
    docs, report = read([path])
    assert [(d.id, d.text, d.date) for d in docs] == [
        ("a", "Obama visited Berlin.", None), ("f", "Merkel met \ufffd Macron.", "1987-02-26"), ("g", "Putin spoke.", None)]
    warned = "\n".join(report.warnings)
    for line in (2, 4, 5, 6, 7, 10):
        assert f"line {line}: " in warned
    assert "not a date (first at line 9)" in warned
    with pytest.raises(InputError, match=r"line 2: not valid JSON") as info:
        list(read_jsonl(path, on_error="stop", report=ReadReport(echo=False)))
    assert info.value.path == str(path)


def test_many_broken_lines_are_summed_up(tmp_path):
    path = tmp_path / "noise.jsonl"
    path.write_text("\n".join(["not json"] * 50 + ['{"text": "Clinton met journalists."}']) + "\n")
    docs, report = read([path])
    assert len(docs) == 1
    assert len(report.warnings) == 11 and report.warnings[-1].endswith("50 broken lines skipped in all")


def test_jsonl_with_no_usable_record_is_skipped(tmp_path):
    (tmp_path / "bad.jsonl").write_text("nope\nnope\n")
    (tmp_path / "empty.jsonl").write_text("")
    (tmp_path / "ok.txt").write_text("Clinton met journalists.")
    docs, report = read([tmp_path])
    assert [d.id for d in docs] == ["ok"]
    assert dict(report.skipped) == {str(tmp_path / "bad.jsonl"): "no usable records", str(tmp_path / "empty.jsonl"): "file is empty"}


def test_broken_gzip_files(tmp_path):
    good = gzip.compress(b"".join(json.dumps({"id": f"d{i}", "text": SENTENCE * 20}).encode() + b"\n" for i in range(200)))
    (tmp_path / "cut.jsonl.gz").write_bytes(good[: len(good) // 2])
    (tmp_path / "plain.jsonl.gz").write_text('{"text": "not compressed"}\n')
    docs, report = read([tmp_path])
    problems = dict(report.skipped)
    # what came before the cut is used, and said so: the file is not reported as skipped
    assert str(tmp_path / "cut.jsonl.gz") not in problems and docs
    warning = next(w for w in report.warnings if w.startswith(str(tmp_path / "cut.jsonl.gz")))
    assert re.search(rf"truncated.* after line {len(docs)}: used {len(docs)} records, then stopped", warning), warning
    assert problems[str(tmp_path / "plain.jsonl.gz")] == "not a gzip file"


def test_a_truncated_gzip_file_alone_keeps_its_good_records(tmp_path):
    """Given alone, a cut .jsonl.gz is not an error: its records up to the damage are built (issue 20, item 4)."""
    good = gzip.compress(b"".join(json.dumps({"id": f"d{i}", "text": SENTENCE}).encode() + b"\n" for i in range(300)))
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(good[: len(good) * 2 // 3])
    docs, report = read([cut])
    assert 0 < len(docs) < 300 and [d.id for d in docs] == [f"d{i}" for i in range(len(docs))]
    assert report.skipped == [] and f"used {len(docs)} records, then stopped" in report.warnings[-1]
    with pytest.raises(InputError, match="truncated"):  # --on-error stop still stops at the damage
        list(read_inputs([cut], on_error="stop", report=ReadReport(echo=False)))
    cut.write_bytes(good[:20])  # nothing good before the damage: still an error
    with pytest.raises(InputError, match="truncated"):
        read([cut])


def test_read_text_keeps_the_old_contract(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"")
    with pytest.raises(InputError, match="file is empty"):
        read_text(path)


def test_a_big_file_is_streamed_in_flat_memory(tmp_path):
    """Reading a big file holds one document at a time: peak memory stays far below the file's size.

    20 MB here to keep the suite fast (read whole, it would take 40 MB: bytes plus text);
    measured with tracemalloc, which counts every Python allocation the reader makes.
    """
    path = tmp_path / "big.txt"
    paragraph = (SENTENCE * 8 + "\n\n").encode()
    with path.open("wb") as out:
        for _ in range((20 << 20) // (len(paragraph) * 1000)):
            out.write(paragraph * 1000)
    tracemalloc.start()
    try:
        chars = sum(len(d.text) for d in read_inputs([path], report=ReadReport(echo=False)))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        size = path.stat().st_size
        path.unlink()  # pytest keeps old tmp folders; no need to keep 20 MB in each
    assert chars == size
    assert peak < 5 * MAX_CHARS * 4, f"reading {size >> 20} MB peaked at {peak >> 20} MB"


def test_a_fifo_in_a_folder_is_not_opened(tmp_path):
    (tmp_path / "good.txt").write_text("Clinton met journalists.")
    os.mkfifo(tmp_path / "pipe.txt")  # opening it would block for ever
    docs, report = read([tmp_path])
    assert [d.id for d in docs] == ["good"] and report.warnings == []


def test_an_overlong_jsonl_line_is_skipped_unread(tmp_path, monkeypatch):
    monkeypatch.setattr(kgbuild.read.bytes, "MAX_LINE", 1000)  # stands for 256 MB: a decompression bomb
    path = tmp_path / "bomb.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"text": "' + b"a" * 5000 + b'"}\n{"text": "Obama met Putin."}\n'))
    docs, report = read([path])
    assert [d.text for d in docs] == ["Obama met Putin."]
    assert report.warnings == [f"{path}: line 1: longer than 1,000 bytes, skipped"]


def test_excluded_folders_are_not_read(tmp_path):
    (tmp_path / "a.txt").write_text("Clinton met journalists.")
    (tmp_path / "output").mkdir()
    (tmp_path / "output" / "graph.html").write_text("<html><body><p>An earlier build's page.</p></body></html>")
    docs, _ = read([tmp_path], exclude=[tmp_path / "output"])
    assert [d.id for d in docs] == ["a"]


def test_file_names_that_are_not_utf8_give_printable_ids(tmp_path):
    with open(os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt"), "w") as handle:  # a Latin-1 name from elsewhere
        handle.write("Clinton met journalists.")
    docs, _ = read([tmp_path])
    assert docs[0].id == "caf\ufffd" and docs[0].source.endswith("caf\ufffd.txt")
    docs[0].source.encode("utf-8")  # no lone surrogates left to break the RDF writer


def test_repeated_ids_are_renamed_and_exact_repeats_skipped(tmp_path):
    for folder, text in (("s1", "Obama met Putin."), ("s2", "Merkel met Macron."), ("s3", "Obama met Putin.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(text)
    (tmp_path / "c.jsonl").write_text('{"id": "a", "text": "Abe met May."}\n')
    docs, report = read([tmp_path])
    # a folder's own files come before its subfolders
    assert [(d.id, d.text) for d in docs] == [("a", "Abe met May."), ("a~2", "Obama met Putin."), ("a~3", "Merkel met Macron.")]
    assert report.warnings == [
        f"{tmp_path / 's1' / 'a.txt'}: document id 'a' is taken (by {tmp_path / 'c.jsonl'}): this one is 'a~2'",
        f"{tmp_path / 's2' / 'a.txt'}: document id 'a' is taken (by {tmp_path / 'c.jsonl'}): this one is 'a~3'",
        f"{tmp_path / 's3' / 'a.txt'}: document 'a' repeats the one from {tmp_path / 's1' / 'a.txt'}, skipped",
    ]
