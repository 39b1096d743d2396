"""Output paths, checked before any work starts: the one guard every command that writes uses.

Rules (DESIGN.md, "Any output path"):
- an output is not an input and not another output of the same command;
- a file output is not a folder (and a folder output is not a file), and its folder is writable;
- a command removes or replaces only a folder it made: such a folder carries the marker file
  ``.taxqa-made``; anything else is refused with a message.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from taxqa.errors import UserError

MARKER = ".taxqa-made"

Named = Mapping[str, "str | os.PathLike | None"]


def _real(path: str | os.PathLike) -> Path:
    return Path(os.path.abspath(os.path.expanduser(path))).resolve()


def _same(a: Path, b: Path) -> bool:
    if a == b:
        return True
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _inside(child: Path, folder: Path) -> bool:
    return child == folder or folder in child.parents


def _items(named: Named | None, *, existing: bool = True) -> list[tuple[str, Path]]:
    """Labelled paths; with ``existing``, only those on disk (an input that is no file, e.g. a hub id,
    cannot be overwritten)."""
    items = [(label, _real(p)) for label, p in (named or {}).items() if p not in (None, "", "-")]
    return [(label, p) for label, p in items if p.exists() or not existing]


def _writable_folder(folder: Path, label: str, shown: str) -> None:
    """The nearest existing ancestor must be a folder we can create files in (probed, so root and
    read-only mounts are both told the truth)."""
    probe = folder
    while not probe.exists():
        probe = probe.parent
    if not probe.is_dir():
        raise UserError(f"{label} {shown}: {probe} is a file, not a folder")
    try:
        fd, tmp = tempfile.mkstemp(prefix=".taxqa-probe.", dir=probe)
    except OSError as exc:
        raise UserError(f"{label} {shown}: cannot write in {probe} ({exc.strerror or exc})") from None
    os.close(fd)
    os.unlink(tmp)


def check_output_file(
    path: str | os.PathLike, label: str = "-o", *, inputs: Named | None = None, outputs: Named | None = None
) -> Path:
    """Check a file a command will write: not a folder, not an input, not another output, writable.

    ``inputs`` / ``outputs`` map a label (e.g. ``"input"``, ``"--rejects"``) to a path; ``None`` entries
    are skipped. Input folders count too: an output inside an input folder is fine, the folder itself not.
    """
    shown = str(path)
    real = _real(path)
    if real.is_dir():
        raise UserError(f"{label} {shown}: is a folder; expected a file path")
    for other, p in _items(inputs):
        if _same(real, p):
            raise UserError(f"{label} {shown}: is also the {other}; writing it would destroy the input")
    for other, p in _items(outputs, existing=False):
        if _same(real, p):
            raise UserError(f"{label} {shown}: is also {other}; choose two different files")
    if real.exists() and not os.access(real, os.W_OK):
        raise UserError(f"{label} {shown}: the file is read-only")
    _writable_folder(real.parent, label, shown)
    return real


def is_made(folder: str | os.PathLike) -> bool:
    return (Path(folder) / MARKER).is_file()


def _is_empty_dir(folder: Path) -> bool:
    return folder.is_dir() and next(folder.iterdir(), None) is None


def check_output_dir(
    path: str | os.PathLike,
    label: str = "--out",
    *,
    inputs: Named | None = None,
    replace: bool = False,
    overwrites: Iterable[str] = (),
    force: bool = False,
) -> Path:
    """Check a folder a command will write into (or, with ``replace``, remove and write anew).

    - a file where a folder is meant is refused;
    - a folder that is or holds an input is refused (``split`` into the folder it reads);
    - ``replace``: the folder must be new, empty or one taxqa made (it carries ``.taxqa-made``);
      the current folder and its parents are never replaced;
    - ``overwrites``: names the command writes inside the folder; if any exists, ``force`` is needed.
    """
    shown = str(path)
    real = _real(path)
    if real.exists() and not real.is_dir():
        raise UserError(f"{label} {shown}: is a file; expected a folder")
    for other, p in _items(inputs):
        if _inside(p, real):
            raise UserError(f"{label} {shown}: is or holds the {other} ({p}); write to another folder")
    if replace and real.exists() and not _is_empty_dir(real):
        if _inside(_real(os.getcwd()), real):
            raise UserError(f"{label} {shown}: is the current folder or holds it; choose a new folder")
        if not is_made(real):
            raise UserError(
                f"{label} {shown}: exists and was not made by taxqa (no {MARKER} in it); "
                "choose a new or empty folder, or remove it yourself"
            )
    existing = [n for n in overwrites if (real / n).exists()]
    if existing and not force:
        raise UserError(
            f"{label} {shown}: already holds {', '.join(existing)}; pass --force to overwrite, or choose a new folder"
        )
    _writable_folder(real, label, shown)
    return real


def mark_made(folder: str | os.PathLike) -> Path:
    """Create ``folder`` (if needed) and mark it as made by taxqa — only when it is new or empty: a folder
    that already held other files is not taxqa's to remove later, so it stays unmarked."""
    folder = Path(folder)
    if folder.exists() and not _is_empty_dir(folder) and not is_made(folder):
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / MARKER
    if not marker.exists():
        marker.write_text("made by taxqa; taxqa may replace or remove this folder\n", encoding="utf-8")
    return folder


def remove_made(folder: str | os.PathLike, label: str = "--out") -> None:
    """Remove a folder taxqa made; refuse anything else (the rule behind ``--fresh`` and replacing outputs)."""
    import shutil

    real = _real(folder)
    if not real.exists():
        return
    if not real.is_dir():
        raise UserError(f"{label} {folder}: is a file; expected a folder")
    if _is_empty_dir(real):
        real.rmdir()
        return
    if _inside(_real(os.getcwd()), real):
        raise UserError(f"{label} {folder}: is the current folder or holds it; refusing to delete it")
    if not is_made(real):
        raise UserError(
            f"{label} {folder}: was not made by taxqa (no {MARKER} in it); refusing to delete it — remove it yourself"
        )
    shutil.rmtree(real)


def user_mode(mode: int = 0o666) -> int:
    """``mode`` with the user's umask applied (what ``open()`` would give a new file)."""
    mask = os.umask(0)
    os.umask(mask)
    return mode & ~mask
