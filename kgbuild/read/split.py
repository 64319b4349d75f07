"""Long texts into parts: cut at paragraph, then sentence, then line breaks, so no part exceeds ``MAX_CHARS``."""

from __future__ import annotations

import re
from collections.abc import Iterator

#: Documents longer than this are split (spaCy's parser needs about 1 GB per 100,000 characters,
#: and refuses texts beyond ``nlp.max_length``, 1,000,000 by default).
MAX_CHARS = 100_000


# ------------------------------------------------------------------ splitting

_BREAKS = (re.compile(r"\n[^\S\n]*\n\s*"), re.compile(r"(?<=[.!?。])[\"'”’)\]]*\s+"), re.compile(r"\n"), re.compile(r"\s+"))


def split_point(text: str, limit: int) -> int:
    """Where to cut ``text`` so the first piece has at most ``limit`` characters.

    The last paragraph break before ``limit`` if there is one in its second half,
    else the last sentence end, else a line break, else any whitespace, else ``limit``.

    Example
    -------
    >>> t = "One. Two three. Four five six"
    >>> t[:split_point(t, 18)]
    'One. Two three. '
    """
    if len(text) <= limit:
        return len(text)
    window = text[:limit + 1]
    for pattern in _BREAKS:
        ends = [m.end() for m in pattern.finditer(window, limit // 2) if m.end() <= limit]
        if ends:
            return ends[-1]
    return limit


def split_text(text: str, limit: int = MAX_CHARS) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` characters at paragraph, sentence or word breaks.

    Example
    -------
    >>> split_text("Alpha beta. Gamma delta. Epsilon.", 14)
    ['Alpha beta. ', 'Gamma delta. ', 'Epsilon.']
    """
    chunker = Chunker(limit)
    return [*chunker.feed(text), *chunker.finish()]


class Chunker:
    """Split a stream of text into pieces of at most ``limit`` characters, holding one piece in memory.

    Example
    -------
    >>> c = Chunker(10)
    >>> list(c.feed("aaa bbb. ")) + list(c.feed("ccc ddd eee")) + list(c.finish())
    ['aaa bbb. ', 'ccc ddd ', 'eee']
    """

    def __init__(self, limit: int = MAX_CHARS) -> None:
        self.limit = limit
        self._buffer: list[str] = []
        self._size = 0

    def feed(self, text: str) -> Iterator[str]:
        """Add text; yields the pieces that are complete."""
        if not text:
            return
        self._buffer.append(text)
        self._size += len(text)
        if self._size <= self.limit:
            return
        pending = "".join(self._buffer)
        while len(pending) > self.limit:
            cut = split_point(pending, self.limit)
            yield pending[:cut]
            pending = pending[cut:]
        self._buffer, self._size = [pending], len(pending)

    def finish(self) -> Iterator[str]:
        """Yields what is left (if anything)."""
        rest = "".join(self._buffer)
        self._buffer, self._size = [], 0
        if rest:
            yield rest
