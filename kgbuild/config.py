"""``BuildConfig``: every default of a build, once.

One frozen, picklable value travels from the CLI or the Python API to the pipeline and to every
worker process or Dask worker, so a custom extraction setting is the same everywhere the build runs.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from kgbuild.errors import KgbuildError

#: The graph's default threshold on a statement's confidence (chosen in ``bench/train_trust.py``).
DEFAULT_MIN_CONFIDENCE = 0.25


@dataclass(frozen=True)
class BuildConfig:
    """How to build a graph.

    Parameters
    ----------
    model : str, optional
        An installed spaCy pipeline; None tries ``kgbuild.parse.DEFAULT_MODELS`` in order.
    memoised : bool
        Run the model's attribute ruler and lemmatizer through the memoised wrappers (same annotations).
    patterns : tuple of str
        The extraction pattern families to run; () runs every family of ``kgbuild.extract.PATTERNS``.
    min_confidence : float
        Statements less likely than this to be correct stay out of the graph (see ``kgbuild.resolve.trust``).
    trust : bool
        Score statements with the shipped trust model; False keeps the extractor's own confidence.
    batch_size : int
        Documents per ``nlp.pipe`` batch and per worker task.
    batch_characters : int
        Characters per batch at most: a batch of long texts would hold gigabytes of parser state.
    max_chars : int
        A longer text becomes documents ``ID#part1``, ``ID#part2``...
    workers : int
        Local worker processes (-1: one per CPU).
    scheduler : str, optional
        A Dask scheduler address; then the cluster's workers parse instead of local processes.
    on_error : str
        ``"skip"``: a bad input is warned about and skipped; ``"stop"``: it ends the build.
    format : str
        The RDF format of the graph file.
    html : bool
        Write ``graph.html`` beside the graph file.
    fetch : bool
        Download the pages feed entries link to and read them as web pages (off: nothing is fetched).
    allow_non_english : bool
        Build documents that are not English (with a warning) instead of skipping them.
    mentions : bool
        Write every mention of every entity as a NIF 2.0 ``nif:Phrase`` (offsets, text, entity).
    pair_relations : bool or None
        Add the typed statements of the document-level pair model (``kgbuild.resolve.pairs``). None (the
        default): only to documents written like an encyclopaedia's introduction, whose first sentence
        defines its subject ("X is a town in ..."), the text the model was learned from
        (``kgbuild.resolve.pairs.defines_its_subject``); True: to every document; False: to none. On news
        two judges found 26 and 30 of its 55 edges correct (a player's country given to the tournament).
    nested_mentions : bool
        Also write the names inside names as mentions of their own entities: "Texas" in "University of
        Texas", "Canada" in "Fan Expo Canada" (``kgbuild.resolve.nested``). Off by default: GUM annotates
        such mentions, Re-DocRED and most entity-linking corpora do not.

    Example
    -------
    >>> config = BuildConfig(patterns=("verbs",), batch_size=8)
    >>> config.extractor_config()
    {'patterns': ['verbs']}
    >>> import pickle; pickle.loads(pickle.dumps(config)) == config
    True
    """

    model: str | None = None
    memoised: bool = True
    patterns: tuple[str, ...] = ()
    min_confidence: float = DEFAULT_MIN_CONFIDENCE
    trust: bool = True
    batch_size: int = 32
    batch_characters: int = 200_000
    max_chars: int = 100_000
    workers: int = 1
    scheduler: str | None = None
    on_error: str = "skip"
    format: str = "turtle"
    html: bool = True
    fetch: bool = False
    allow_non_english: bool = False
    mentions: bool = True
    pair_relations: bool | None = None
    nested_mentions: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "patterns", tuple(self.patterns))
        if self.workers == 0 or self.workers < -1:
            raise KgbuildError(f"workers must be a positive number or -1 (one per CPU), not {self.workers}")
        for name in ("batch_size", "batch_characters", "max_chars"):
            if getattr(self, name) < 1:
                raise KgbuildError(f"{name.replace('_', '-')} must be at least 1, not {getattr(self, name)}")
        if self.on_error not in ("skip", "stop"):
            raise KgbuildError(f"on_error must be 'skip' or 'stop', not {self.on_error!r}")
        if not 0.0 <= self.min_confidence <= 1.0:
            raise KgbuildError(f"min_confidence must be between 0 and 1, not {self.min_confidence}")

    def extractor_config(self) -> dict:
        """The ``kgbuild_relations`` component's config for these settings (only what differs from its defaults).

        The extractor keeps every relation: the graph's threshold applies to resolved statements."""
        return {"patterns": list(self.patterns)} if self.patterns else {}

    def replace(self, **changes: object) -> BuildConfig:
        """A copy with some settings changed."""
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]
