"""Build and score the Re-DocRED dev split's training and held-out parts separately.

    .venv/bin/python bench/redocred_split.py OUT [--redocred ../shared/benchmarks/redocred] [--full]

``bench/train_relations.py`` learns from four fifths of the dev documents and holds out the fifth
``dev-N`` with N % 5 == 4. This writes each part in the scorer's format (OUT/<part>/docs.jsonl and
gold.json), builds it with ``kgbuild build`` (OUT/<part>/graph) and runs the Re-DocRED scorer
(``score.py``) on it, printing the summary lines (``--full``: the whole report). Run it from the
project's root, so the scorer reads ``ontologies/*.ttl``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_relations import DEFAULT_REDOCRED, held_out  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="a folder for the parts, their graphs and reports")
    parser.add_argument("--redocred", type=Path, default=DEFAULT_REDOCRED)
    parser.add_argument("--full", action="store_true", help="print the scorer's whole report for each part")
    args = parser.parse_args(argv)
    dev = args.redocred / "dev"
    if not (dev / "gold.json").is_file():
        print(f"{args.redocred}: no dev/gold.json (Re-DocRED dev split)", file=sys.stderr)
        return 2
    gold = json.loads((dev / "gold.json").read_text())
    lines = [line for line in (dev / "docs.jsonl").read_text().splitlines() if line.strip()]
    kgbuild = Path(sys.executable).with_name("kgbuild")
    for name, keep in (("dev-train", False), ("dev-held-out", True)):
        folder = args.out / name
        folder.mkdir(parents=True, exist_ok=True)
        part = dict(gold, docs=[d for d in gold["docs"] if held_out(d["id"]) == keep])
        (folder / "gold.json").write_text(json.dumps(part))
        (folder / "docs.jsonl").write_text("\n".join(x for x in lines if held_out(json.loads(x)["id"]) == keep) + "\n")
        subprocess.run([str(kgbuild), "build", str(folder / "docs.jsonl"), "-o", str(folder / "graph"), "--no-html"],
                       check=True, capture_output=True)
        out = subprocess.run([sys.executable, str(args.redocred / "score.py"), str(folder / "graph"),
                              str(folder / "gold.json"), "--json", str(folder / "score.json")],
                             capture_output=True, text=True, check=False)
        (folder / "score.txt").write_text(out.stdout)
        print(f"== {name} ({len(part['docs'])} documents)")
        print(out.stdout if args.full else "\n".join(
            x for x in out.stdout.splitlines() if x.strip().startswith(("overall", "typed triples", "P"))))
        if out.returncode:
            print(out.stderr, file=sys.stderr)
            return out.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
