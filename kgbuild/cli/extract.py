"""``kgbuild extract --format carb|jsonl|tsv FILE|-``: Open IE tuples, one sentence a line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kgbuild.errors import InputError


def register(subparsers) -> None:
    p = subparsers.add_parser("extract", help="extract relations from one sentence per line (CaRB, JSONL or TSV)")
    p.add_argument("input", metavar="FILE", help="a text file with one sentence a line, or - for stdin")
    p.add_argument("--format", choices=["carb", "jsonl", "tsv"], default="jsonl")
    p.add_argument("--model", help="spaCy pipeline to use")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--patterns", help="comma-separated pattern families to use (default: all); for ablations")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kgbuild.atomic import atomic_write
    from kgbuild.extract.component import OPENIE_PATTERNS, PATTERNS
    from kgbuild.extract.openie import format_relation
    from kgbuild.parse.load import load_model

    lines = _lines(args.input)
    nlp = load_model(args.model)
    config: dict = {"openie": True}  # also the noun-phrase facts Open IE benchmarks annotate
    if args.patterns:
        config["patterns"] = [p.strip() for p in args.patterns.split(",") if p.strip()]
        unknown = set(config["patterns"]) - set(PATTERNS) - set(OPENIE_PATTERNS)
        if unknown:
            known = ", ".join([*PATTERNS, *OPENIE_PATTERNS])
            raise InputError(f"unknown pattern families {sorted(unknown)}; known: {known}", path="--patterns")
    nlp.add_pipe("kgbuild_relations", config=config)
    out_lines: list[str] = []
    for line, doc in zip(lines, nlp.pipe(lines, batch_size=64)):
        for relation in doc._.relations:
            out_lines.append(format_relation(doc, line, relation, args.format))
    text = "".join(l + "\n" for l in out_lines)
    if args.output:
        with atomic_write(args.output) as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)
    return 0


def _lines(source: str) -> list[str]:
    if source == "-":
        return [l.rstrip("\n") for l in sys.stdin if l.strip()]
    path = Path(source)
    if not path.is_file():
        raise InputError("no such file", path=path)
    try:
        return [l.rstrip("\n").rstrip("\r") for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 (byte {exc.start})", path=path) from exc
