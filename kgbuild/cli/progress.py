"""A progress display for long builds: documents done, read and per second; a line a minute when not on a terminal."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator

#: Seconds between the plain progress lines written when stderr is not a terminal (logs, CI).
LOG_EVERY = 60.0


def progress(items: Iterator, read: Callable[[], int] | None = None) -> Iterator:
    """Yield ``items``, showing how many have passed and how fast.

    On a terminal, a live line (from the start: "starting" while the model loads and the first
    batch is parsed); elsewhere a plain line every ``LOG_EVERY`` seconds. ``read`` gives how many
    documents have been read so far (ahead of those done: the batch being parsed).
    """
    if not sys.stderr.isatty():
        yield from _logged(items, read)
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.fields[done]}"), TextColumn("{task.fields[rate]}"),
                  TimeElapsedColumn(), transient=True) as bar:
        task = bar.add_task("build", done="starting: loading the model, parsing the first batch", rate="")
        start = time.perf_counter()
        for n, item in enumerate(items, 1):
            bar.update(task, done=_done(n, read), rate=f"{n / max(time.perf_counter() - start, 1e-9):.1f} docs/s")
            yield item


def _done(n: int, read: Callable[[], int] | None) -> str:
    text = f"{n} document{'s' if n != 1 else ''} done"
    return f"{text}, {read()} read" if read is not None else text


def _logged(items: Iterator, read: Callable[[], int] | None) -> Iterator:
    start = last = time.perf_counter()
    for n, item in enumerate(items, 1):
        now = time.perf_counter()
        if now - last >= LOG_EVERY:
            last = now
            print(f"kgbuild: {_done(n, read)}, {n / (now - start):.1f} docs/s, {(now - start) / 60:.0f} min",
                  file=sys.stderr, flush=True)
        yield item
