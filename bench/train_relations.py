"""Learn the typed-pair lexicon (kgbuild/data/typed_pairs.json) from the Re-DocRED dev split.

    .venv/bin/python bench/train_relations.py [--redocred ../shared/benchmarks/redocred] [--out FILE]

Re-DocRED (Tan et al., EMNLP 2022; github tonytan48/Re-DocRED, MIT licence) annotates Wikipedia
introductions with entity clusters (every mention, with character offsets) and the relations between
clusters, typed by Wikidata properties. For every pair of named entities (spaCy's, as kgbuild parses
them) at most ``MAX_GAP`` tokens apart in a sentence, this counts its signature (the two coarse types
and the words between, ``kgbuild.extract.patterns.typed.signature``) and, when both names overlap
gold mentions, which Wikidata properties the gold has between their clusters, in either direction.
Only the properties kgbuild declares are kept (``kgbuild.properties``).

A fixed fifth of the documents (every fifth, ``dev-4``, ``dev-9``...) is held out: nothing is
learned from it, so that the scorer's figures on it (``bench/redocred_split.py``) are not seen data.
The file keeps the counts; ``typed.py`` decides at load time which entries are used (its
``MIN_PRECISION`` and ``MIN_SUPPORT``). Never copies text: only signatures of at most four words.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_REDOCRED = ROOT.parent / "shared" / "benchmarks" / "redocred"
OUT = ROOT / "kgbuild" / "data" / "typed_pairs.json"
#: Entries kept in the file: seen this often, right this often (the runtime thresholds are stricter).
KEEP_SUPPORT, KEEP_PRECISION = 2, 0.3


def held_out(doc_id: str) -> bool:
    """The fixed fifth of the dev documents kept out of training: ``dev-N`` with N % 5 == 4."""
    return int(doc_id.rsplit("-", 1)[1]) % 5 == 4


def cluster_of(begin: int, end: int, mentions: list[tuple[int, int, int]]) -> int | None:
    """The gold cluster whose mention overlaps the span most (characters), or None."""
    best, best_overlap = None, 0
    for b, e, cluster in mentions:
        overlap = min(end, e) - max(begin, b)
        if overlap > best_overlap:
            best, best_overlap = cluster, overlap
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--redocred", type=Path, default=DEFAULT_REDOCRED)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if not (args.redocred / "dev" / "gold.json").is_file():
        print(f"{args.redocred}: no dev/gold.json (Re-DocRED dev split)", file=sys.stderr)
        return 2

    from kgbuild.extract.patterns.typed import MAX_GAP, coarse_type, signature
    from kgbuild.parse.load import load_model
    from kgbuild.properties import BY_WIKIDATA

    gold = {d["id"]: d for d in json.loads((args.redocred / "dev" / "gold.json").read_text())["docs"]}
    docs = [json.loads(line) for line in (args.redocred / "dev" / "docs.jsonl").read_text().splitlines() if line.strip()]
    train = [d for d in docs if not held_out(d["id"])]
    nlp = load_model()
    pairs: collections.Counter = collections.Counter()
    hits: collections.Counter = collections.Counter()
    for doc, parsed in zip(train, nlp.pipe([d["text"] for d in train], batch_size=32)):
        g = gold[doc["id"]]
        mentions = [(m["begin"], m["end"], c["id"]) for c in g["clusters"] for m in c["mentions"]]
        related = collections.defaultdict(set)
        for head, tail, pid in g["relations"]:
            if pid in BY_WIKIDATA:
                related[(head, tail)].add(BY_WIKIDATA[pid])
        for sent in parsed.sents:
            ents = [e for e in parsed.ents if sent.start <= e.start and e.end <= sent.end]
            for i, a in enumerate(ents):
                first = coarse_type(a.label_, a.text)
                if first is None:
                    continue
                for b in ents[i + 1:]:
                    if b.start - a.end > MAX_GAP:
                        break
                    second = coarse_type(b.label_, b.text)
                    if second is None:
                        continue
                    key = (first, signature([t.text for t in parsed[a.end:b.start]]), second)
                    pairs[key] += 1
                    ca = cluster_of(a.start_char, a.end_char, mentions)
                    cb = cluster_of(b.start_char, b.end_char, mentions)
                    if ca is None or cb is None or ca == cb:
                        continue
                    for prop in related.get((ca, cb), ()):
                        hits[(key, prop, "fwd")] += 1
                    for prop in related.get((cb, ca), ()):
                        hits[(key, prop, "rev")] += 1
    by_key = collections.defaultdict(list)
    for (key, prop, direction), n in hits.items():
        if pairs[key] >= KEEP_SUPPORT and n / pairs[key] >= KEEP_PRECISION:
            by_key[key].append([prop, direction, n])
    entries = [{"first": k[0], "between": k[1], "second": k[2], "pairs": pairs[k],
                "properties": sorted(v, key=lambda x: -x[2])} for k, v in sorted(by_key.items())]
    data = {
        "source": "Re-DocRED dev split (Tan et al., EMNLP 2022), github.com/tonytan48/Re-DocRED",
        "licence": "MIT (Re-DocRED); the counts below are derived from its annotations",
        "made_by": "bench/train_relations.py",
        "training_documents": len(train),
        "held_out": "dev-N with N % 5 == 4 (100 documents), not used",
        "signature": "first type, words between (lower case, digits as 0), second type; at most "
                     f"{MAX_GAP} words; 'pairs' = pairs seen, properties = [key, direction, pairs the gold relates]",
        "entries": entries,
    }
    args.out.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(train)} training documents, {len(pairs)} signatures, {len(entries)} entries kept → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
