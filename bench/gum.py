"""GUM named-entity coreference: build the 12 GUM dev news documents and score a development and a held-out part.

The documents and the scorer live in ``../shared/benchmarks/gum/`` (read its README; the texts are never
copied into the repository). The 12 documents are split by name, fixed before any was looked at: every
third in alphabetical order (defector, ie9, questionnaire, warming) is held out, the other 8 are the
development part the rules may be studied on. This builds ``dev/docs.jsonl`` once with ``kgbuild build``
(NIF mentions on) and runs ``score.py`` on each part and on all 12, printing the summary lines (MUC,
B-cubed, CEAF-e, their mean the CoNLL F1, micro-averaged over the part's documents).

Figures (en_core_web_sm 3.8; CoNLL F1 with MUC / B3 / CEAF-e F1):

| code | development (8) | held-out (4) | all 12 |
| --- | --- | --- | --- |
| before (7458e10) | 0.590 (0.582 / 0.574 / 0.613) | 0.680 (0.731 / 0.654 / 0.654) | 0.617 |
| after (issue 17, second pass) | 0.603 (0.596 / 0.588 / 0.625) | 0.687 (0.740 / 0.661 / 0.660) | 0.628 |
| before the third pass (578d2d7) | 0.603 (0.596 / 0.586 / 0.628) | 0.690 (0.740 / 0.663 / 0.666) | 0.629 |
| after (issue 17, third pass) | 0.619 (0.622 / 0.605 / 0.630) | 0.692 (0.740 / 0.666 / 0.672) | 0.641 |
| before the fourth pass (ada7a71) | 0.618 (0.620 / 0.603 / 0.631) | 0.692 (0.740 / 0.666 / 0.672) | 0.640 |
| fourth pass: head-noun descriptions (24ff014) | 0.623 (0.626 / 0.607 / 0.636) | 0.697 (0.746 / 0.668 / 0.676) | 0.645 |
| the same with ``--build-arg=--nested-mentions`` | 0.638 (0.643 / 0.623 / 0.648) | 0.704 (0.750 / 0.674 / 0.688) | 0.657 |
| fourth pass, end of the session | 0.635 (0.645 / 0.622 / 0.638) | 0.699 (0.750 / 0.672 / 0.677) | 0.654 |
| the same with ``--build-arg=--nested-mentions`` | 0.649 (0.660 / 0.637 / 0.650) | 0.707 (0.754 / 0.677 / 0.689) | 0.666 |

What the second pass added: a weekday before a date ("Friday, July 21, 2017") is a mention of that
day; an acronym in brackets after a name is its own mention and that name's; a quoted "we" is the
country or organisation that qualifies the speaker's role ("Panama coach", "Tunisia's coach"); wholly
quoted sentences after an attributed one are the same speaker's; "the company Hitwise UK" is Hitwise
UK; an indefinite title ("a cosplayer") or one in apposition to another person's name joins nobody's
identical title; "their country" is not "the country"; a one-word name is not the longer name it ends
after "of" ("the NBL" / "the Indianapolis Kautskys of the NBL").

What the third pass added (dev gain each): a paragraph whose first quote mark closes continues the
quotation of the paragraph before (+0.002); a name NER tagged PERSON that is a country's name is the
country, so its coach's quoted "we" is its team (+0.003); quoted "I" and "we" are resolved after the other
pronouns, so a speaker "he said" is known, and "I" also joins a speaker description ("one poster wrote")
(+0.004; before, an unresolved "he" let "we" join the person); "they" may be a singular collective
description ("the team", "the band") (+0.005); a score is no part of the name before it ("Sweden 1 – 0",
"Panama 2 - 1") (+0.002). Held-out: 0.690 → 0.692 (only the pronoun ordering moved it).

What the fourth pass added: a definite description is the one earlier name whose head noun it has
("the festival" after "the Taipei City Lantern Festival", "the study" after "the Australian National
Iodine Nutrition Study"), never a person's, a plural, or a weak head ("the state", "the post", "the
research" of "Jupiter Research"). Names inside names ("Texas" in "University of Texas Arlington",
"Canada" in "Fan Expo Canada") are mentions in GUM; ``kgbuild build --nested-mentions`` writes them
(``kgbuild.resolve.nested``), off by default because Re-DocRED does not annotate them: with the option its
held-out wrong merges go from 86 to 164 and its F1 from 0.268 to 0.264. Then, each measured on the development part
(CoNLL F1 before -> after): every definite description that may name one of the document's names is a
mention, not only relation arguments (0.623 -> 0.625); "the country" / "the nation" refer to a country,
"the city" to neither a country nor a region (-> 0.627), and "the nation" only when the article has named
one country (neutral); an institution named after its possessor stays one name ("Boston Children's
Hospital", -> 0.629); a country's names are one entity ("America", "the United States"; neutral); a name
in apposition to the subject's description is that description ("The U.S. Ambassador to South Korea,
Mark Lippert,"; 0.628); "the event", "the contest" are the one named event (-> 0.631); a surname two
people share is the one not introduced as a relative (-> 0.635); a generic noun keeps its infinitive and
"from"/"with" complement (neutral on dev, held-out 0.701 -> 0.699).

Usage::

    .venv/bin/python bench/gum.py [--gum ../shared/benchmarks/gum] [--out DIR] [--verbose] [--build-arg=ARG]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GUM = REPO.parent / "shared" / "benchmarks" / "gum"
#: The held-out documents (every third name in alphabetical order), chosen before any was read.
HELD_OUT = frozenset({"GUM_news_defector", "GUM_news_ie9", "GUM_news_questionnaire", "GUM_news_warming"})


def split_folders(dev: Path, out: Path) -> dict[str, Path]:
    """Folders of links to each part's ``<doc>.txt`` and ``<doc>.json``: {"development", "held-out", "all"}."""
    parts = {"development": out / "development", "held-out": out / "held-out", "all": dev}
    for name in ("development", "held-out"):
        parts[name].mkdir(parents=True, exist_ok=True)
    for text in sorted(dev.glob("*.txt")):
        part = parts["held-out" if text.stem in HELD_OUT else "development"]
        for path in (text, text.with_suffix(".json")):
            link = part / path.name
            if not link.exists():
                link.symlink_to(path.resolve())
    return parts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gum", type=Path, default=DEFAULT_GUM, help="the GUM benchmark folder (dev/, score.py)")
    ap.add_argument("--out", type=Path, help="where the graph and the part folders go (default: a temporary folder)")
    ap.add_argument("--verbose", action="store_true", help="print the scorer's per-cluster report too")
    ap.add_argument("--build-arg", action="append", default=[], metavar="ARG",
                    help="pass ARG to kgbuild build (repeatable), e.g. --build-arg=--nested-mentions")
    args = ap.parse_args(argv)
    dev = args.gum / "dev"
    if not (dev / "docs.jsonl").is_file():
        print(f"{args.gum}: no dev/docs.jsonl (is ../shared beside the repository?)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp)
        subprocess.run([sys.executable, "-m", "kgbuild", "build", str(dev / "docs.jsonl"), "-o", str(out / "graph"),
                        "--no-html", *args.build_arg], check=True, stdout=subprocess.DEVNULL)
        for name, folder in split_folders(dev, out).items():
            command = [sys.executable, str(args.gum / "score.py"), str(folder), str(out / "graph" / "graph.ttl")]
            report = subprocess.run(command + (["--verbose"] if args.verbose else []), capture_output=True,
                                    text=True, check=False).stdout.splitlines()
            print(f"== {name}")
            print("\n".join(report if args.verbose else report[-2:]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
