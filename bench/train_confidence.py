"""Train the confidence model of ``kgbuild/extract/confidence.py`` on CaRB dev; report k-fold figures.

Run: ``.venv/bin/python bench/train_confidence.py [--folds 5] [--write]``. Needs ../shared/benchmarks/carb.

Each extraction's label is the precision CaRB credits it with: its score in the scorer's one-to-one
matching against the sentence's gold tuples (0 when it is left unmatched). A logistic regression
with an L2 penalty is fitted to these soft labels on the generic features of ``confidence.features``
(pattern, parse, argument shape; no words of the sentences). The figures printed:

- cross-validated: sentences split into ``--folds`` folds; each fold is scored with a model trained
  on the other folds, and the whole of dev is then scored at once with those held-out confidences;
- in-sample: one model trained on all of dev and scored on it (what ``--write`` ships, in
  ``kgbuild/data/confidence.json``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
CARB = ROOT.parent / "shared" / "benchmarks" / "carb"
OUT = ROOT / "kgbuild" / "data" / "confidence.json"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(CARB))


def collect():
    """(sentence line, carb relation text, argument texts, features, rule confidence) of every extraction of dev."""
    from kgbuild.extract.component import OPENIE_PATTERNS, PATTERNS, extract_relations
    from kgbuild.extract.confidence import sentence_features
    from kgbuild.extract.openie import carb_argument_text, carb_relation_text
    from kgbuild.parse.load import load_model

    lines = [l for l in (CARB / "dev" / "sentences.txt").read_text(encoding="utf-8").splitlines() if l.strip()]
    nlp = load_model()
    patterns = [*PATTERNS.values(), *OPENIE_PATTERNS.values()]
    rows = []
    for line, doc in zip(lines, nlp.pipe(lines, batch_size=64)):
        relations = extract_relations(doc, patterns, model=False, openie=True)
        by_sent = defaultdict(list)
        for r in relations:
            by_sent[r.sentence_start].append(r)
        for sent in doc.sents:
            found = by_sent.get(sent.start, [])
            for r, feats in zip(found, sentence_features(doc, sent, found)):
                rows.append((line, carb_relation_text(doc, r), [carb_argument_text(doc, a) for a in r.arguments], feats))
    return rows


def labels(rows) -> np.ndarray:
    """CaRB's credited precision of each extraction (greedy one-to-one matching, all tuples kept)."""
    import carb_score as cs

    gold = cs.keyed(cs.read_gold(str(CARB / "dev" / "gold.tsv")))
    by_key = defaultdict(list)
    for k, (line, _rel, _args, _) in enumerate(rows):
        by_key[cs.sentence_key(line)].append(k)
    y = np.zeros(len(rows))
    for key, ks in by_key.items():
        gts = gold.get(key, [])
        sts = [cs.Tuple(rows[k][1], rows[k][2]) for k in ks]
        scores = sorted(((cs.match(g, s)[0], i, j) for i, g in enumerate(gts) for j, s in enumerate(sts)),
                        key=lambda x: (-x[0], x[1], x[2]))
        used_g, used_s = set(), set()
        for value, i, j in scores:
            if i not in used_g and j not in used_s:
                used_g.add(i)
                used_s.add(j)
                y[ks[j]] = value
    return y


def fit(X: np.ndarray, y: np.ndarray, l2: float) -> tuple[np.ndarray, float]:
    """Logistic regression on soft labels by Newton's method; weights on the raw feature scale."""
    mu, sd = X.mean(0), X.std(0) + 1e-9
    Z = np.c_[np.ones(len(X)), (X - mu) / sd]
    w = np.zeros(Z.shape[1])
    penalty = l2 * np.eye(len(w))
    penalty[0, 0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-Z @ w))
        step = np.linalg.solve((Z * (p * (1 - p))[:, None]).T @ Z + penalty, Z.T @ (p - y) + penalty @ w)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    raw = w[1:] / sd
    return raw, float(w[0] - raw @ mu)


def predict(X: np.ndarray, model: tuple[np.ndarray, float]) -> np.ndarray:
    w, b = model
    return np.round(1 / (1 + np.exp(-(X @ w + b))), 3)


def carb(rows, confidences) -> str:
    import carb_score as cs

    gold = cs.read_gold(str(CARB / "dev" / "gold.tsv"))
    system = defaultdict(list)
    for (line, rel, args, _), c in zip(rows, confidences):
        system[line].append(cs.Tuple(rel, args, float(c)))
    res = cs.evaluate(gold, system)
    p, r, f, _ = res["best"]
    return f"F1={f:.3f} AUC={res['auc']:.3f} P={p:.3f} R={r:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--l2", type=float, default=300.0)
    parser.add_argument("--write", action="store_true", help=f"write the all-of-dev model to {OUT.relative_to(ROOT)}")
    args = parser.parse_args()
    rows = collect()
    y = labels(rows)
    names = sorted({name for row in rows for name in row[3]})
    X = np.array([[row[3].get(n, 0.0) for n in names] for row in rows])
    sentences = sorted({row[0] for row in rows})
    fold_of = {s: k % args.folds for k, s in enumerate(sentences)}  # sentences in file order, dealt round
    folds = np.array([fold_of[row[0]] for row in rows])
    held_out = np.zeros(len(rows))
    for k in range(args.folds):
        model = fit(X[folds != k], y[folds != k], args.l2)
        held_out[folds == k] = predict(X[folds == k], model)
    model = fit(X, y, args.l2)
    print(f"{len(rows)} extractions, {len(names)} features, {args.folds} folds, l2={args.l2}")
    print(f"hand-set confidences:      {carb(rows, [row[3]['rule'] for row in rows])}")
    print(f"learned, cross-validated:  {carb(rows, held_out)}")
    print(f"learned, in-sample:        {carb(rows, predict(X, model))}")
    if args.write:
        weights = {n: round(float(w), 5) for n, w in zip(names, model[0]) if abs(w) > 1e-6}
        OUT.write_text(json.dumps({
            "about": "Confidence model of kgbuild/extract/confidence.py: logistic regression trained by "
                     "bench/train_confidence.py on CaRB dev (credited precision of each extraction).",
            "bias": round(model[1], 5), "weights": weights,
        }, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
