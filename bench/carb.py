"""CaRB dev score of ``kgbuild extract --format carb``, with an ablation of the pattern families and speed.

Run: ``.venv/bin/python bench/carb.py [--ablation]``. Needs ../shared/benchmarks/carb.
Prints F1 / AUC / P / R, and sentences per second against bare spaCy parsing in the same run.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CARB = ROOT.parent / "shared" / "benchmarks" / "carb"


def score(system: Path) -> str:
    out = subprocess.run(
        [sys.executable, str(CARB / "carb_score.py"), "--gold", str(CARB / "dev" / "gold.tsv"), "--system", str(system)],
        capture_output=True, text=True, check=True,
    ).stdout.strip().splitlines()
    return out[-1]


def extract(patterns: str | None, out: Path) -> float:
    cmd = [sys.executable, "-m", "kgbuild", "extract", "--format", "carb", str(CARB / "dev" / "sentences.txt"), "-o", str(out)]
    if patterns:
        cmd += ["--patterns", patterns]
    start = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=ROOT)
    return time.perf_counter() - start


def speed(rounds: int = 3) -> None:
    """Sentences per second with and without our component, same model, best of ``rounds`` each
    (interleaved, so a busy machine slows both alike)."""
    sys.path.insert(0, str(ROOT))
    import kgbuild.extract  # noqa: F401
    from kgbuild.parse import load_model

    lines = [l for l in (CARB / "dev" / "sentences.txt").read_text(encoding="utf-8").splitlines() if l.strip()]
    bare = load_model()
    full = load_model()
    full.add_pipe("kgbuild_relations")
    for nlp in (bare, full):
        list(nlp.pipe(lines[:50]))  # warm up
    best = {"bare": float("inf"), "full": float("inf")}
    for _ in range(rounds):
        for name, nlp in (("bare", bare), ("full", full)):
            start = time.perf_counter()
            list(nlp.pipe(lines, batch_size=64))
            best[name] = min(best[name], time.perf_counter() - start)
    print(f"speed: bare spaCy {len(lines) / best['bare']:.0f} sent/s, with extraction {len(lines) / best['full']:.0f} sent/s "
          f"(extraction costs {100 * (best['full'] / best['bare'] - 1):.0f}% on top of parsing; best of {rounds})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ablation", action="store_true", help="also score each pattern family left out")
    args = parser.parse_args()
    if not CARB.exists():
        sys.exit(f"{CARB}: CaRB benchmark not found")
    from kgbuild.extract import PATTERNS

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "all.tsv"
        extract(None, out)
        print(f"all patterns: {score(out)}")
        if args.ablation:
            for family in PATTERNS:
                rest = ",".join(p for p in PATTERNS if p != family)
                out = Path(tmp) / f"no_{family}.tsv"
                extract(rest, out)
                print(f"without {family}: {score(out)}")
    speed()


if __name__ == "__main__":
    main()
