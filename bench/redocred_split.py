"""Score a kgbuild graph of the Re-DocRED dev split on its training and held-out parts separately.

    .venv/bin/kgbuild build ../shared/benchmarks/redocred/dev/docs.jsonl -o out/redocred --no-html
    .venv/bin/python bench/redocred_split.py out/redocred [--redocred ../shared/benchmarks/redocred]

``bench/train_relations.py`` learns from four fifths of the dev documents and holds out the fifth
``dev-N`` with N % 5 == 4: this writes the gold of each part to a temporary folder (gold.json and
docs.jsonl, the scorer's format) and runs the Re-DocRED scorer (``score.py``) on the whole split and
on each part, printing its summary lines.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_relations import DEFAULT_REDOCRED, held_out  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", help="a graph file or the output folder of kgbuild build")
    parser.add_argument("--redocred", type=Path, default=DEFAULT_REDOCRED)
    parser.add_argument("--full", action="store_true", help="print the scorer's whole report for each part")
    args = parser.parse_args(argv)
    dev = args.redocred / "dev"
    if not (dev / "gold.json").is_file():
        print(f"{args.redocred}: no dev/gold.json (Re-DocRED dev split)", file=sys.stderr)
        return 2
    gold = json.loads((dev / "gold.json").read_text())
    lines = [line for line in (dev / "docs.jsonl").read_text().splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        parts = {"dev (all 500)": dev / "gold.json"}
        for name, keep in (("dev-train (400)", False), ("dev-held-out (100)", True)):
            folder = Path(tmp) / name.split()[0]
            folder.mkdir()
            part = dict(gold, docs=[d for d in gold["docs"] if held_out(d["id"]) == keep])
            (folder / "gold.json").write_text(json.dumps(part))
            (folder / "docs.jsonl").write_text("\n".join(l for l in lines if held_out(json.loads(l)["id"]) == keep) + "\n")
            parts[name] = folder / "gold.json"
        for name, path in parts.items():
            out = subprocess.run([sys.executable, str(args.redocred / "score.py"), args.graph, str(path)],
                                 capture_output=True, text=True, check=False)
            print(f"== {name}")
            text = out.stdout if args.full else "\n".join(
                l for l in out.stdout.splitlines() if l.strip().startswith(("overall", "typed triples", "P")))
            print(text)
            if out.returncode:
                print(out.stderr, file=sys.stderr)
                return out.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
