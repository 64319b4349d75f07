"""A progress display for long commands: documents per second on a terminal, silent in pipes and CI."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator


def progress(items: Iterator) -> Iterator:
    """Yield ``items``, showing how many have passed and how fast, when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield from items
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.completed} documents"), TextColumn("{task.fields[rate]}"),
                  TimeElapsedColumn(), transient=True) as progress:
        task = progress.add_task("build", rate="")
        start = time.perf_counter()
        for n, item in enumerate(items, 1):
            progress.update(task, completed=n, rate=f"{n / max(time.perf_counter() - start, 1e-9):.1f} docs/s")
            yield item
