"""The one atomic writer every command uses: a file or a folder lands whole or not at all.

Files go through a temp file in the same folder, fsync and a rename (``atomic_file``, ``atomic_path``,
``write_file``); folders are built in a temp sibling and swapped in with one atomic exchange
(``atomic_folder``), so a kill at any point leaves the old output or the new one, never a mix. The
rules about *which* paths may be written live in ``taxqa.outputs`` (which re-exports these).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def atomic_file(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """A binary file handle whose content replaces ``path`` only when the block ends without error
    (temp file in the same folder, fsync, rename): a reader or a kill never sees half a file."""
    with atomic_path(path) as tmp, open(tmp, "wb") as fh:
        yield fh


@contextmanager
def atomic_path(path: str | os.PathLike, suffix: str = ".tmp") -> Iterator[Path]:
    """A temp path beside ``path`` for a library that writes by file name (safetensors, numpy); it is
    fsynced and renamed onto ``path`` when the block ends without error, removed otherwise."""
    path = Path(path)
    if path.exists() and not path.is_file():
        # a rename would replace the device, pipe or folder itself (`-o /dev/null` once did)
        from taxqa.errors import UserError

        raise UserError(f"{path}: is not a regular file (a folder, pipe or device); refusing to replace it")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent)
    tmp = Path(name)
    from taxqa.outputs import user_mode

    try:
        os.fchmod(fd, user_mode())  # mkstemp makes 0600; the file gets the mode open() would give it
        os.close(fd)
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_file(path: str | os.PathLike, data: str | bytes) -> None:
    """Write a whole file atomically. Text passes through secret redaction (the keys we hold never land
    in a file) and is gzip-compressed when the name ends in ``.gz``."""
    from taxqa.redaction import redact_known

    path = Path(path)
    # a lone surrogate (a name the file system could not decode) is written as U+FFFD, never a traceback
    raw = redact_known(data).encode("utf-8", "replace") if isinstance(data, str) else data
    if path.name.endswith(".gz") and not raw.startswith(b"\x1f\x8b"):
        import gzip

        raw = gzip.compress(raw, mtime=0)
    with atomic_file(path) as fh:
        fh.write(raw)


def _partials(out: Path) -> list[Path]:
    return sorted(out.parent.glob(f".{out.name}.partial-*")) + sorted(out.parent.glob(f".{out.name}.old-*"))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def recover_folder(out: str | os.PathLike) -> None:
    """Undo what a killed folder write left: a half-built temp folder is removed; an old folder moved
    aside during a swap (only where the system has no atomic exchange) is put back."""
    out = Path(out)
    for leftover in _partials(out):
        rest = leftover.name.removeprefix(f".{out.name}.").removeprefix("partial-").removeprefix("old-")
        pid = rest.split("-", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and _alive(int(pid)):
            continue  # another run is writing right now
        if ".old-" in leftover.name and not out.exists():
            os.replace(leftover, out)
        else:
            shutil.rmtree(leftover, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    rc = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return rc == 0


@contextmanager
def atomic_folder(
    path: str | os.PathLike, made_by: str, label: str = "--out", may_replace: Callable[[Path], None] | None = None
) -> Iterator[Path]:
    """Build a folder in a temp sibling and swap it in whole when the block ends without error.

    ``path`` must be new, empty, or made earlier by ``made_by`` (checked again right before the swap);
    ``may_replace(path)`` replaces that re-check for a command with its own rule. The result carries the
    marker naming ``made_by``. A kill at any point leaves the old folder or the
    new one, never a mix; the next call cleans what the kill left.
    """
    from taxqa.outputs import _is_empty_dir, _real, check_output_dir, user_mode, write_marker

    out = _real(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    recover_folder(out)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.partial-{os.getpid()}-", dir=out.parent))
    try:
        yield tmp
        write_marker(tmp, made_by)
        for file in tmp.rglob("*"):  # mkdtemp/mkstemp make 0700/0600; use the user's usual modes
            os.chmod(file, user_mode(0o777 if file.is_dir() else 0o666))
        os.chmod(tmp, user_mode(0o777))
        if out.exists():
            if may_replace is not None:
                may_replace(out)
            else:
                check_output_dir(out, label, replace=True, made_by=made_by)
            if _is_empty_dir(out):
                out.rmdir()
                os.replace(tmp, out)
            elif _exchange(tmp, out):
                shutil.rmtree(tmp, ignore_errors=True)  # tmp now holds the old folder
            else:
                old = out.with_name(f".{out.name}.old-{os.getpid()}-{os.urandom(3).hex()}")
                os.replace(out, old)
                os.replace(tmp, out)
                shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, out)
        _fsync_dir(out.parent)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
