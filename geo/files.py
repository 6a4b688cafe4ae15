"""Writing the command line's output whole or not at all.

A file is written to a temporary file beside it, then renamed over it, so a full disk, a file
size limit or an interrupted run leaves the old file (or none), never part of a new one.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from pathlib import Path


class OutputError(Exception):
    """The output could not be written; the message names where."""


def write_output(path: str, data: bytes) -> None:
    """Write ``data`` to ``path``, or to standard output if ``path`` is ``-``.

    Raises:
        OutputError: the file or standard output could not be written (nothing partial is left
            in a regular file).
    """
    if path == "-":
        _write_stdout(data)
        return
    target = Path(path)
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise OutputError(_why(path, exc)) from None
    if mode is not None and not stat.S_ISREG(mode):
        # A device or a pipe (/dev/null, /dev/full, a FIFO) is written to, never replaced.
        try:
            with open(target, "wb") as out:
                out.write(data)
        except OSError as exc:
            raise OutputError(_why(path, exc)) from None
        return
    _replace(target, data, mode)


def _replace(target: Path, data: bytes, mode: int | None) -> None:
    temp = None
    try:
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        # mkstemp makes the file private; give it what a plain open() would (or the old mode).
        os.chmod(temp, stat.S_IMODE(mode) if mode is not None else 0o666 & ~_umask())
        os.replace(temp, target)
    except OSError as exc:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        raise OutputError(_why(str(target), exc)) from None


def _write_stdout(data: bytes) -> None:
    if sys.stdout is None:  # started with standard output closed
        raise OutputError("cannot write to standard output: it is closed")
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    except (OSError, ValueError) as exc:
        # Python flushes standard output again at exit: point it at /dev/null, so that
        # flush does not report the same failure with a traceback.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise OutputError(_why("standard output", exc)) from None


def _why(where: str, exc: Exception) -> str:
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return f"cannot write {where}: {reason}"


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
