"""Learn the typed-pair lexicon (kgbuild/data/typed_pairs.json) from the Re-DocRED dev split.

    .venv/bin/python bench/train_relations.py [--redocred ../shared/benchmarks/redocred] [--out FILE]

Re-DocRED (Tan et al., EMNLP 2022; github tonytan48/Re-DocRED, MIT licence) annotates Wikipedia
introductions with entity clusters (every mention, with character offsets) and the relations between
clusters, typed by Wikidata properties. For every pair of named entities (spaCy's, as kgbuild parses
them) at most ``MAX_FAR_GAP`` tokens apart in a sentence, this counts its signature (the two coarse types
and the words between, ``kgbuild.extract.patterns.typed.signature``) and, when both names overlap
gold mentions, which Wikidata properties the gold has between their clusters, in either direction.
It also counts, for every open statement of the resolved documents (predicate and the types of its two
entities), how often the gold relates the two entities (aligned by their names, as the scorer does)
and by which property: ``kgbuild/data/typed_verbs.json``, read by ``kgbuild/resolve/typed.py``.
Only the properties kgbuild declares are kept (``kgbuild.extract.properties``).

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

    from spacy.tokens import Span

    from kgbuild.extract.patterns.typed import MAX_FAR_GAP, MAX_GAP, coarse_type, name_end, pair_signature
    from kgbuild.extract.properties import BY_WIKIDATA, property_of
    from kgbuild.parse.tokens import table_of
    from kgbuild.pipeline.stream import make_pipeline
    from kgbuild.records import Document
    from kgbuild.resolve.document import resolve_document

    gold = {d["id"]: d for d in json.loads((args.redocred / "dev" / "gold.json").read_text())["docs"]}
    docs = [json.loads(line) for line in (args.redocred / "dev" / "docs.jsonl").read_text().splitlines() if line.strip()]
    train = [d for d in docs if not held_out(d["id"])]
    nlp = make_pipeline()
    pairs: collections.Counter = collections.Counter()
    hits: collections.Counter = collections.Counter()
    verbs: collections.Counter = collections.Counter()
    verb_hits: collections.Counter = collections.Counter()
    for doc, parsed in zip(train, nlp.pipe([d["text"] for d in train], batch_size=32)):
        g = gold[doc["id"]]
        mentions = [(m["begin"], m["end"], c["id"]) for c in g["clusters"] for m in c["mentions"]]
        related = collections.defaultdict(set)
        for head, tail, pid in g["relations"]:
            if pid in BY_WIKIDATA:
                related[(head, tail)].add(BY_WIKIDATA[pid])
        # 1. pairs of names and the words between them
        words = [t.text for t in parsed]
        for sent in parsed.sents:
            # each name as the runtime sees it (``name_end``), with its label
            ents = [Span(parsed, e.start, name_end(words, e.start, e.end), label=e.label_)
                    for e in parsed.ents if sent.start <= e.start and e.end <= sent.end]
            for i, a in enumerate(ents):
                first = coarse_type(a.label_, a.text)
                if first is None:
                    continue
                for b in ents[i + 1:]:
                    if b.start - a.end > MAX_FAR_GAP:
                        break
                    second = coarse_type(b.label_, b.text)
                    if second is None:
                        continue
                    key = (first, pair_signature([t.text for t in parsed[a.end:b.start]]), second)
                    pairs[key] += 1
                    ca = cluster_of(a.start_char, a.end_char, mentions)
                    cb = cluster_of(b.start_char, b.end_char, mentions)
                    if ca is None or cb is None or ca == cb:
                        continue
                    for prop in related.get((ca, cb), ()):
                        hits[(key, prop, "fwd")] += 1
                    for prop in related.get((cb, ca), ()):
                        hits[(key, prop, "rev")] += 1
        # 2. open statements (verbs, role nouns) between resolved entities, aligned by name as the scorer does
        resolved = resolve_document(Document(doc["id"], doc["text"]), parsed, parsed._.relations or [], table=table_of(parsed))
        by_name = collections.defaultdict(set)
        for c in g["clusters"]:
            for m in c["mentions"]:
                by_name[m["text"].lower()].add(c["id"])
        cluster_of_entity = {}
        for key, entity in resolved.entities.items():
            found = collections.Counter(c for name in {entity.name, *entity.names} for c in by_name.get(name.lower(), ()))
            if found:
                cluster_of_entity[key] = found.most_common(1)[0][0]
        for st in resolved.statements:
            if property_of(st.predicate) is not None:
                continue
            key = (st.predicate, resolved.entities[st.subject].type, resolved.entities[st.object].type)
            verbs[key] += 1
            cs, co = cluster_of_entity.get(st.subject), cluster_of_entity.get(st.object)
            if cs is None or co is None or cs == co:
                continue
            for prop in related.get((cs, co), ()):
                verb_hits[(key, prop, "fwd")] += 1
            for prop in related.get((co, cs), ()):
                verb_hits[(key, prop, "rev")] += 1

    def kept(counts, seen):
        by_key = collections.defaultdict(list)
        for (key, prop, direction), n in counts.items():
            if seen[key] >= KEEP_SUPPORT and n / seen[key] >= KEEP_PRECISION:
                by_key[key].append([prop, direction, n])
        return {k: sorted(v, key=lambda x: -x[2]) for k, v in sorted(by_key.items())}

    provenance = {
        "source": "Re-DocRED dev split (Tan et al., EMNLP 2022), github.com/tonytan48/Re-DocRED",
        "licence": "MIT (Re-DocRED); the counts below are derived from its annotations",
        "made_by": "bench/train_relations.py",
        "training_documents": len(train),
        "held_out": "dev-N with N % 5 == 4 (100 documents), not used",
    }
    pair_entries = [{"first": k[0], "between": k[1], "second": k[2], "pairs": pairs[k], "properties": v}
                    for k, v in kept(hits, pairs).items()]
    data = {**provenance,
            "signature": "first type, words between (lower case, digits as 0), second type; at most "
                         f"{MAX_GAP} words, else '…' and the last two of at most {MAX_FAR_GAP}; 'pairs' = pairs seen, properties = [key, direction, pairs the gold relates]",
            "entries": pair_entries}
    args.out.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    verb_entries = [{"predicate": k[0], "subject": k[1], "object": k[2], "statements": verbs[k], "properties": v}
                    for k, v in kept(verb_hits, verbs).items()]
    verbs_out = args.out.with_name("typed_verbs.json")
    verbs_data = {**provenance,
                  "key": "open predicate (lemmas) with the types of its subject and object entities; 'statements' = "
                         "statements seen, properties = [key, direction, statements the gold relates]",
                  "entries": verb_entries}
    verbs_out.write_text(json.dumps(verbs_data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(train)} training documents: {len(pairs)} signatures, {len(pair_entries)} kept → {args.out}; "
          f"{len(verbs)} predicate keys, {len(verb_entries)} kept → {verbs_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
