"""Errors a user can act on. The CLI prints them as one line, without a traceback."""

from __future__ import annotations

from pathlib import Path


class KgbuildError(Exception):
    """A problem with the user's input or environment, stated in one line.

    Parameters
    ----------
    message : str
        What is wrong and, where it helps, what to do about it.
    path : str or Path, optional
        The file the problem is in; it is named first in the message.

    Example
    -------
    >>> str(KgbuildError("file is empty", path="a.txt"))
    'a.txt: file is empty'
    """

    def __init__(self, message: str, path: str | Path | None = None) -> None:
        self.path = str(path) if path is not None else None
        self.problem = message
        super().__init__(f"{self.path}: {message}" if self.path else message)


class InputError(KgbuildError):
    """An input file or stream that cannot be read as text."""


class ModelError(KgbuildError):
    """No usable spaCy pipeline."""
