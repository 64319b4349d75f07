"""``ReadReport``: what reading skipped and why, shared by every reader (a leaf module: readers import it)."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class ReadReport:
    """What reading ran into: warnings, and inputs skipped whole.

    Parameters
    ----------
    echo : bool
        Print each warning on stderr as ``kgbuild: warning: FILE: problem`` when it happens.

    Example
    -------
    >>> r = ReadReport(echo=False)
    >>> r.skip("a.txt", "file is empty")
    >>> r.skipped, r.warnings
    ([('a.txt', 'file is empty')], ['a.txt: file is empty, skipped'])
    """

    echo: bool = True
    skipped: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def warn(self, path: str | Path, problem: str) -> None:
        """Record (and print) a warning about ``path``."""
        line = f"{path}: {problem}"
        self.warnings.append(line)
        if self.echo:
            print(f"kgbuild: warning: {line}", file=sys.stderr, flush=True)

    def skip(self, path: str | Path, problem: str) -> None:
        """Record that ``path`` was left out."""
        self.skipped.append((str(path), problem))
        self.warn(path, f"{problem}, skipped")
