"""Train the trust model: the probability that a judge calls a statement of the graph correct.

The judged statements are those of ``bench/precision/`` (random corpus articles, judged by
``../shared/benchmarks/precision/GUIDELINES.md``, keyed by document, sentence, subject, predicate,
object, polarity and modality). This script builds the sampled articles with the trust model off
(each statement keeps the extractor's confidence, one of the features), computes every statement's
``kgbuild.resolve.trust.statement_features`` exactly as a build does, joins them to the judgements,
and fits an L2-regularised logistic regression on the DEV articles only (the regularisation by
5-fold cross-validation over DEV articles). It prints, for DEV (cross-validated) and HELD-OUT
(never seen in training): ROC AUC, Brier score, calibration by band, and precision, wrong rate and
correct edges per article at several thresholds.

``--write`` stores the weights, the chosen default threshold and their provenance in
``kgbuild/data/trust.json`` (MIT, as the package; trained on judgements made here of articles read
from ../shared/corpus at run time; no article text is stored).

Run: ``.venv/bin/python bench/train_trust.py [--write] [--threshold X]``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import precision as pb  # noqa: E402  (the sample, the corpus and the judgements)

from kgbuild.config import BuildConfig  # noqa: E402
from kgbuild.graph import KnowledgeGraph  # noqa: E402
from kgbuild.pipeline.stream import make_pipeline  # noqa: E402
from kgbuild.records import Document  # noqa: E402
from kgbuild.resolve.document import resolve_document  # noqa: E402
from kgbuild.resolve.typed import type_document  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "kgbuild" / "data" / "trust.json"
THRESHOLDS = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)


def judged_rows(corpus_dir: Path, judgements_path: Path) -> list[dict]:
    """One row per judged statement of the sample as built now: features, verdict, split, article."""
    sample = pb.load_sample(corpus_dir, resample=False)
    records = pb.read_articles(corpus_dir, {(a["corpus"], a["id"]) for a in sample})
    by_id = {a["id"]: a for a in sample}
    documents = [Document(a["id"], records[(a["corpus"], a["id"])]["text"],
                          title=records[(a["corpus"], a["id"])].get("title")) for a in sample]
    nlp = make_pipeline(BuildConfig(trust=False))
    kg = KnowledgeGraph()
    features_of: dict[int, dict[str, float]] = {}
    for parsed, document in nlp.pipe(((d.text, d) for d in documents), as_tuples=True):
        pairs: list = []
        kg.add_document(type_document(resolve_document(document, parsed, parsed._.relations, trust=False,
                                                       features_out=pairs)))
        features_of.update((id(statement), features) for statement, features in pairs)
    judgements = pb.load_judgements(judgements_path)
    rows = []
    for doc_id, merged in kg.documents.items():
        for s_node, st, o_node in merged.statements:
            predicate = st.predicate.removeprefix("kg:")  # the bench keys a typed property by its local name
            key = (doc_id, st.sentence, kg.graph.nodes[s_node]["label"], predicate, kg.graph.nodes[o_node]["label"],
                   st.negated, st.modality)
            if key not in judgements:
                continue
            verdict = pb.primary(judgements[key])["verdict"]
            features = features_of.get(id(st), {})
            article = by_id[doc_id]
            rows.append({"features": features, "correct": verdict == "correct", "wrong": verdict == "wrong", "key": key,
                         "typed": st.predicate.startswith("kg:"),
                         "note": pb.primary(judgements[key]).get("note"), "verdict": verdict,
                         "split": article["split"], "article": doc_id, "corpus": article["corpus"]})
    return rows


def fit(X: np.ndarray, y: np.ndarray, l2: float, steps: int = 3000) -> np.ndarray:
    """L2-regularised logistic regression by gradient descent (the bias, column 0, unpenalised)."""
    w = np.zeros(X.shape[1])
    rate = 0.5
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(X @ w, -30, 30)))
        grad = X.T @ (p - y) / len(y)
        grad[1:] += l2 * w[1:]
        w -= rate * grad
    return w


def predict(X: np.ndarray, w: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-np.clip(X @ w, -30, 30)))


def matrix(rows: list[dict], names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    X = np.array([[r["features"].get(n, 0.0) for n in names] for r in rows])
    y = np.array([1.0 if r["correct"] else 0.0 for r in rows])
    return X, y


def cross_validated(rows: list[dict], names: list[str], l2: float, folds: int = 5) -> np.ndarray:
    """Out-of-fold probabilities, folds by article (no article in its own training fold)."""
    articles = sorted({r["article"] for r in rows})
    fold_of = {a: i % folds for i, a in enumerate(articles)}
    out = np.zeros(len(rows))
    for k in range(folds):
        train = [r for r in rows if fold_of[r["article"]] != k]
        test = [i for i, r in enumerate(rows) if fold_of[r["article"]] == k]
        w = fit(*matrix(train, names), l2)
        X, _ = matrix([rows[i] for i in test], names)
        out[test] = predict(X, w)
    return out


def report(name: str, rows: list[dict], p: np.ndarray) -> None:
    y = np.array([r["correct"] for r in rows])
    auc = pb.auc([float(v) for v, c in zip(p, y) if c], [float(v) for v, c in zip(p, y) if not c])
    brier = float(np.mean((p - y) ** 2))
    articles = len({r["article"] for r in rows})
    print(f"\n{name}: {len(rows)} statements, {articles} articles, base rate {y.mean():.3f}, AUC {auc}, Brier {brier:.3f}")
    print("  calibration: band  n  mean p  observed")
    for lo, hi in ((0, .2), (.2, .4), (.4, .6), (.6, .8), (.8, 1.01)):
        sel = (p >= lo) & (p < hi)
        if sel.any():
            print(f"    {lo:.1f}-{min(hi, 1):.1f}  {sel.sum():4d}  {p[sel].mean():.3f}  {y[sel].mean():.3f}")
    print("  threshold  kept  precision  wrong  correct/article")
    wrong = np.array([r["wrong"] for r in rows])
    for t in THRESHOLDS:
        sel = p >= t
        if sel.any():
            print(f"    {t:.2f}  {sel.sum():5d}  {y[sel].mean():.3f}  {wrong[sel].mean():.3f}  {y[sel].sum() / articles:.2f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--corpus-dir", type=Path, default=pb.CORPUS_DIR)
    ap.add_argument("--judgements", type=Path, default=pb.JUDGEMENTS)
    ap.add_argument("--write", action="store_true", help="write kgbuild/data/trust.json")
    ap.add_argument("--threshold", type=float, default=0.25, help="the default min-confidence to record")
    args = ap.parse_args(argv)
    rows = judged_rows(args.corpus_dir, args.judgements)
    # typed statements (kg:employer...) come from precision-tuned rules, not the open patterns: their
    # confidence is their judged share correct on DEV, and the model is fitted on the open ones
    typed = {split: [r for r in rows if r["typed"] and r["split"] == split] for split in ("DEV", "HELD-OUT")}
    typed_precision = round(sum(r["correct"] for r in typed["DEV"]) / len(typed["DEV"]), 3) if typed["DEV"] else None
    for split, members in typed.items():
        if members:
            print(f"typed statements, {split}: {len(members)}, correct {sum(r['correct'] for r in members)}, "
                  f"wrong {sum(r['wrong'] for r in members)}")
    rows = [r for r in rows if not r["typed"]]
    dev = [r for r in rows if r["split"] == "DEV"]
    held = [r for r in rows if r["split"] == "HELD-OUT"]
    names = ["bias"] + sorted({n for r in dev for n in r["features"]} - {"bias"})
    for name, members in (("DEV", dev), ("HELD-OUT", held)):  # the baseline: the extractor's own confidence
        conf = [(r["features"].get("confidence", 0.0), r["correct"]) for r in members]
        print(f"{name}: AUC of the extractor's confidence alone "
              f"{pb.auc([c for c, ok in conf if ok], [c for c, ok in conf if not ok])}")
    best = None
    for l2 in (0.003, 0.01, 0.03, 0.1, 0.3, 1.0):
        p = cross_validated(dev, names, l2)
        y = np.array([r["correct"] for r in dev])
        auc = pb.auc([float(v) for v, c in zip(p, y) if c], [float(v) for v, c in zip(p, y) if not c])
        print(f"l2 {l2}: DEV cross-validated AUC {auc}")
        if best is None or auc > best[0]:
            best = (auc, l2, p)
    _, l2, p_dev = best
    report(f"DEV, 5-fold cross-validated by article (l2 {l2})", dev, p_dev)
    w = fit(*matrix(dev, names), l2)
    report("HELD-OUT (trained on all DEV)", held, predict(matrix(held, names)[0], w))
    weights = {n: round(float(v), 4) for n, v in zip(names, w) if abs(v) > 1e-4}
    top = sorted(weights.items(), key=lambda kv: -abs(kv[1]))[:15]
    print("\nlargest weights:", ", ".join(f"{n} {v:+.2f}" for n, v in top))
    if args.write:
        OUT.write_text(json.dumps({
            "model": "logistic regression over kgbuild.resolve.trust.statement_features",
            "threshold": args.threshold,
            "typed_precision": typed_precision,
            "provenance": {
                "trained_by": "bench/train_trust.py", "date": datetime.date.today().isoformat(),
                "data": "judged statements of bench/precision/articles.json (DEV articles only), "
                        "judgements in bench/precision/judgements.jsonl, articles read from ../shared/corpus",
                "statements": len(dev), "l2": l2, "licence": "MIT (as kgbuild)",
            },
            "weights": weights,
        }, indent=1, sort_keys=False) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
