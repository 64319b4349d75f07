"""spaCy's attribute ruler and lemmatizer, as shipped and memoised: CPU per component, same annotations.

Over the first N articles (default 300) of the CNN/DailyMail corpus in ../shared, each pipeline
fresh (spaCy's caches fill as it meets words, so a pipeline that has seen the articles is unfairly
fast): the CPU seconds of every component, run one after another over all the Docs, for the model
as shipped (``load_model(memoised=False)``) and with ``kgbuild.parse.memo`` (``load_model()``),
and whether every token attribute (POS, TAG, DEP, HEAD, MORPH, LEMMA, NORM, entities, sentence
starts) is the same in both.

Measured 2026-11-28 (300 articles, 168,653 words, quiet machine, best of two fresh runs each):
00:15, ruler + lemmatizer 10.47 -> 1.62 CPU s, whole pipeline 54.4 -> 47.9 CPU s; 01:30, after
the rules' settings were remembered too, 12.97 -> 1.18 CPU s, whole pipeline 55.6 -> 43.0 CPU s.
No Doc's annotations differed in either run. The other components' times vary by 10-20 % from run
to run on this machine.

Run::

    .venv/bin/python bench/components.py
    .venv/bin/python bench/components.py --limit 1000
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import CORPUS, documents, load  # noqa: E402


def component_seconds(nlp, texts: list[str], batch_size: int) -> tuple[dict[str, float], list]:
    """CPU seconds per component (the tokenizer first), and the annotated Docs."""
    seconds = {}
    started = time.process_time()
    docs = [nlp.make_doc(text) for text in texts]
    seconds["tokenizer"] = time.process_time() - started
    for name, component in nlp.pipeline:
        started = time.process_time()
        if hasattr(component, "pipe"):
            docs = list(component.pipe(docs, batch_size=batch_size))
        else:
            docs = [component(doc) for doc in docs]
        seconds[name] = time.process_time() - started
    return seconds, docs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=300, help="articles to use (default 300)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, NORM, POS, SENT_START, TAG

    from kgbuild.parse.load import load_model

    texts = [doc.text for doc in documents(args.corpus, args.limit)]
    words = sum(len(text.split()) for text in texts)
    print(f"{args.corpus.name}, first {len(texts)} articles ({words} words), {load()}")
    runs = {}
    for label, memoised in (("as shipped", False), ("memoised", True), ("as shipped", False), ("memoised", True)):
        seconds, docs = component_seconds(load_model(memoised=memoised), texts, args.batch_size)
        runs.setdefault(label, []).append((seconds, docs))
        print(f"{label:11s} " + ", ".join(f"{name} {s:.2f}" for name, s in seconds.items())
              + f"; total {sum(seconds.values()):.2f} CPU s")
    attributes = [POS, TAG, DEP, HEAD, MORPH, LEMMA, NORM, ENT_IOB, ENT_TYPE, SENT_START]
    stock_docs, memo_docs = runs["as shipped"][0][1], runs["memoised"][0][1]
    differing = sum(not numpy.array_equal(a.to_array(attributes), b.to_array(attributes))
                    for a, b in zip(stock_docs, memo_docs))
    print(f"Docs whose annotations differ: {differing} of {len(stock_docs)}")

    def best(label: str, names: tuple[str, ...]) -> float:
        return min(sum(s for n, s in seconds.items() if n in names) for seconds, _ in runs[label])

    stock_pair = best("as shipped", ("attribute_ruler", "lemmatizer"))
    memo_pair = best("memoised", ("kgbuild_attribute_ruler", "kgbuild_lemmatizer"))
    stock_total, memo_total = (min(sum(s.values()) for s, _ in runs[label]) for label in ("as shipped", "memoised"))
    print(f"attribute ruler + lemmatizer (best of 2): {stock_pair:.2f} -> {memo_pair:.2f} CPU s; "
          f"whole pipeline {stock_total:.2f} -> {memo_total:.2f} CPU s ({words / stock_total:.0f} -> "
          f"{words / memo_total:.0f} words per CPU second)")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
