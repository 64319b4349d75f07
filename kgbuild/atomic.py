"""Atomic file output: a crash, Ctrl-C or a full disk never leaves a half-written file.

``atomic_write`` writes one file through a temporary file beside it; inside ``atomic_group``
the renames wait for the end of the group, so the files of one build (graph and page) appear
together or not at all. ``folder_lock`` keeps two builds out of one output folder or store.
"""

from __future__ import annotations

import contextlib
import contextvars
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from kgbuild.errors import KgbuildError

#: The temporary files of the open ``atomic_group``, waiting to be renamed: (temporary, final).
_GROUP: contextvars.ContextVar[list[tuple[Path, Path]] | None] = contextvars.ContextVar("atomic_group", default=None)

#: errno values that mean the output cannot be written, whatever is written: say so, naming the file.
_WRITE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EIO}


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_error(exc: OSError, path: str | Path) -> KgbuildError:
    """The one-line error for a failed write of ``path`` ("No space left on device" and the like).

    Example
    -------
    >>> str(write_error(OSError(28, "No space left on device"), "out/graph.ttl"))
    'out/graph.ttl: cannot write: No space left on device'
    """
    reason = exc.strerror or " ".join(str(exc).split()) or type(exc).__name__
    return KgbuildError(f"cannot write: {reason}", path=path)


def is_write_error(exc: BaseException) -> bool:
    """Whether ``exc`` is the disk refusing a write (full, over quota, read-only, failing).

    pyoxigraph reports RocksDB's errors as OSError with the reason in the text only.

    Example
    -------
    >>> is_write_error(OSError(28, "No space left on device")), is_write_error(ValueError())
    (True, False)
    """
    if not isinstance(exc, OSError):
        return False
    return exc.errno in _WRITE_ERRNOS or "No space left" in str(exc) or "Disk quota" in str(exc)


@contextlib.contextmanager
def atomic_write(path: str | Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Open a temporary file beside ``path``; rename it over ``path`` only on success.

    Parameters
    ----------
    path : str or Path
        The final file. Its folder is created if missing.
    mode : str
        ``"w"`` for text, ``"wb"`` for bytes.
    encoding : str or None
        Text encoding (ignored for bytes).

    Returns
    -------
    A context manager yielding the open temporary file. A full disk (or any refused write)
    is a ``KgbuildError`` naming ``path``, and the temporary file is removed.

    Example
    -------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.txt"
    >>> with atomic_write(p) as f:
    ...     _ = f.write("hello")
    >>> p.read_text()
    'hello'
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise KgbuildError(f"cannot write output: {exc.strerror or exc}", path=target.parent) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else encoding) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are ordinary files
        group = _GROUP.get()
        if group is None:
            os.replace(tmp, target)
        else:
            group.append((tmp, target))  # renamed with the rest of the group
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if is_write_error(exc):
            raise write_error(exc, target) from exc  # type: ignore[arg-type]
        raise


@contextlib.contextmanager
def atomic_group() -> Iterator[None]:
    """Files written with ``atomic_write`` inside the group appear together at its end, or none do.

    Example
    -------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> try:
    ...     with atomic_group():
    ...         with atomic_write(d / "a.txt") as f:
    ...             _ = f.write("a")
    ...         raise RuntimeError("the second file failed")
    ... except RuntimeError:
    ...     pass
    >>> sorted(p.name for p in d.iterdir())
    []
    """
    if _GROUP.get() is not None:  # nested: the outer group renames
        yield
        return
    staged: list[tuple[Path, Path]] = []
    token = _GROUP.set(staged)
    try:
        yield
    except BaseException:
        for tmp, _ in staged:
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise
    finally:
        _GROUP.reset(token)
    for tmp, target in staged:  # renames within one folder: no space needed, nothing to fail half-way
        os.replace(tmp, target)


LOCK_NAME = ".kgbuild.lock"


@contextlib.contextmanager
def folder_lock(folder: str | Path, what: str = "folder") -> Iterator[Path]:
    """Hold ``folder/.kgbuild.lock`` (holding this process's PID) for the block, or refuse at once.

    The lock is an ``flock`` on the file, so a killed build's lock is free again: a stale
    file is simply taken over (and its PID replaced). Another live holder makes it a
    ``KgbuildError`` naming that holder's PID.

    Parameters
    ----------
    folder : str or Path
        Created if missing.
    what : str
        What the folder is, for the message ("output folder", "store").

    Example
    -------
    >>> import tempfile
    >>> d = tempfile.mkdtemp()
    >>> with folder_lock(d, "output folder") as lock:
    ...     try:
    ...         with folder_lock(d, "output folder"):
    ...             pass
    ...     except KgbuildError as exc:
    ...         print(exc.problem.split(" (pid")[0], "is writing")
    another kgbuild is writing
    """
    import fcntl

    path = Path(folder) / LOCK_NAME
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
        while True:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
                os.close(fd)
                raise KgbuildError(f"another kgbuild (pid {holder}) is writing to this {what}; "
                                   f"wait for it to finish, or use another {what}", path=folder) from None
            # the holder before us may have removed the file as we opened it: lock the file on disk
            try:
                same = os.fstat(fd).st_ino == os.stat(path).st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
    except OSError as exc:
        raise KgbuildError(f"cannot lock the {what}: {exc.strerror or exc}", path=folder) from None
    try:
        yield path
    finally:
        with contextlib.suppress(OSError):
            path.unlink()
        os.close(fd)
