"""Output paths, checked before any work starts: the one guard every command that writes uses.

Rules (DESIGN.md, "Any output path"):
- an output is not an input and not another output of the same command;
- a file output is not a folder (and a folder output is not a file), and its folder is writable;
- a command removes or replaces only a folder it made: such a folder carries the marker file
  ``.taxqa-made`` naming the command that made it (`demo-model` never replaces a `data split`
  dataset); anything else is refused with a message;
- every file and folder lands atomically through the one writer, ``taxqa/atomic.py`` (re-exported
  here): a kill leaves the old output or the new one, never a mix.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from taxqa.errors import UserError

MARKER = ".taxqa-made"

Named = Mapping[str, "str | os.PathLike | None"]
# folders whose files belong together (a dataset, a model, an adapter): no other command overwrites one
SEALED = frozenset({"data split", "demo-model", "convert", "train", "lora"})


def _real(path: str | os.PathLike) -> Path:
    return Path(os.path.realpath(os.path.expanduser(path)))  # never raises, even on a symlink loop


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
    path: str | os.PathLike,
    label: str = "-o",
    *,
    inputs: Named | None = None,
    outputs: Named | None = None,
    ours: Callable[[Path], bool] | None = None,
    what: str = "file this command writes",
) -> Path:
    """Check a file a command will write: not a folder, not an input, not another output, writable.

    ``inputs`` / ``outputs`` map a label (e.g. ``"input"``, ``"--rejects"``) to a path; ``None`` entries
    are skipped. Input folders count too: an output inside an input folder is fine, the folder itself not.
    ``ours(path)``: an existing non-empty file is replaced only if it looks like one this command wrote
    (an earlier report, not the user's README.md or a model's config.json).
    """
    shown = str(path)
    real = _real(path)
    if real.is_dir():
        raise UserError(f"{label} {shown}: is a folder; expected a file path")
    if real.exists() and not real.is_file():
        raise UserError(f"{label} {shown}: is not a regular file (a pipe or device); expected a file path")
    for other, p in _items(inputs):
        if _same(real, p):
            raise UserError(f"{label} {shown}: is also the {other}; writing it would destroy the input")
    for other, p in _items(outputs, existing=False):
        if _same(real, p):
            raise UserError(f"{label} {shown}: is also {other}; choose two different files")
    if real.exists() and not os.access(real, os.W_OK):
        raise UserError(f"{label} {shown}: the file is read-only")
    maker = made_by(real.parent) if real.exists() else None
    if maker in SEALED:
        raise UserError(
            f"{label} {shown}: is part of the folder `taxqa {maker}` made (a dataset or a model); "
            "write your output elsewhere"
        )
    if ours is not None and real.is_file() and real.stat().st_size > 0 and not _looks_ours(ours, real):
        raise UserError(
            f"{label} {shown}: exists and is not a {what}; refusing to overwrite it (choose a new name or remove it)"
        )
    _writable_folder(real.parent, label, shown)
    return real


def _looks_ours(ours: Callable[[Path], bool], path: Path) -> bool:
    try:
        return bool(ours(path))
    except (OSError, ValueError, UnicodeDecodeError):
        return False


def head_text(path: Path, size: int = 4096) -> str:
    """The first bytes of a file as text (for ``ours`` checks)."""
    with open(path, "rb") as fh:
        return fh.read(size).decode("utf-8", errors="replace")


def text_starting(*prefixes: str) -> Callable[[Path], bool]:
    """``ours`` for a Markdown/text file this command writes: it starts with one of ``prefixes``."""
    return lambda path: head_text(path).lstrip("\ufeff").startswith(prefixes)


def png_file(path: Path) -> bool:
    """``ours`` for a chart: a PNG image."""
    with open(path, "rb") as fh:
        return fh.read(4) == b"\x89PNG"


def json_with(*keys: str) -> Callable[[Path], bool]:
    """``ours`` for a JSON file this command writes: an object holding ``keys``."""

    def check(path: Path) -> bool:
        if path.stat().st_size > 256 * 2**20:
            return False
        data = json.loads(path.read_bytes())
        return isinstance(data, dict) and all(k in data for k in keys)

    return check


def jsonl_of(*keys: str) -> Callable[[Path], bool]:
    """``ours`` for a JSONL file of records: its first line is an object holding ``keys`` (dotted: ``meta.key``).
    A first line cut short by a kill (no newline yet, starts with ``{``) counts as ours too."""

    def check(path: Path) -> bool:
        import gzip

        opener = gzip.open if path.name.endswith(".gz") else open
        with opener(path, "rb") as fh:
            line = fh.readline(64 * 2**20)
        if not line.strip():
            return True
        try:
            root = json.loads(line)
        except ValueError:
            return not line.endswith(b"\n") and line.lstrip().startswith(b"{")
        if not isinstance(root, dict):
            return False
        for key in keys:
            obj = root
            for part in key.split("."):
                obj = obj.get(part) if isinstance(obj, dict) else None
            if obj is None:
                return False
        return True

    return check


def made_by(folder: str | os.PathLike) -> str | None:
    """The command named in ``folder``'s marker ("" for an old marker naming none), None without one."""
    marker = Path(folder) / MARKER
    if not marker.is_file():
        return None
    try:
        text = marker.read_text(encoding="utf-8", errors="replace")[:4096]
    except OSError:
        return ""
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if isinstance(data, dict) and isinstance(data.get("made_by"), str):
        return data["made_by"]
    import re

    legacy = re.match(r"made by taxqa ([a-z][a-z -]*);", text)  # "made by taxqa demo-model; ..."
    return legacy.group(1).strip() if legacy else ""


def is_made(folder: str | os.PathLike, by: str | None = None) -> bool:
    """Made by taxqa (a marker) and, with ``by``, by that command."""
    maker = made_by(folder)
    return maker is not None and (by is None or maker == by)


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
    made_by: str | None = None,
) -> Path:
    """Check a folder a command will write into (or, with ``replace``, remove and write anew).

    - a file where a folder is meant is refused;
    - a folder that is or holds an input is refused (``split`` into the folder it reads);
    - ``replace``: the folder must be new, empty or one taxqa made (it carries ``.taxqa-made``) —
      with ``made_by``, made by that very command; the current folder and its parents are never replaced;
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
        _check_maker(real, label, shown, made_by)
    existing = [n for n in overwrites if (real / n).exists()]
    if existing and not force:
        raise UserError(
            f"{label} {shown}: already holds {', '.join(existing)}; pass --force to overwrite, or choose a new folder"
        )
    _writable_folder(real, label, shown)
    return real


def check_own_dir(
    path: str | os.PathLike,
    label: str,
    made_by_cmd: str,
    *,
    inputs: Named | None = None,
    known: Iterable[str] = (),
) -> Path:
    """A folder a command writes into over several runs (resume): new, empty, made by ``made_by_cmd``,
    or (an older run without a marker) holding only names in ``known``. Never a folder of the user's."""
    real = check_output_dir(path, label, inputs=inputs)
    if real.is_dir() and not _is_empty_dir(real) and made_by(real) != made_by_cmd:
        known = set(known) | {MARKER}
        other = sorted(p.name for p in real.iterdir() if p.name not in known)
        maker = made_by(real)
        if other or maker:
            what = f"was made by `taxqa {maker}`" if maker else f"holds files `taxqa {made_by_cmd}` did not write"
            raise UserError(f"{label} {path}: {what} ({', '.join(other[:3]) or MARKER}); choose a new or empty folder")
    return real


def _check_maker(real: Path, label: str, shown: str, by: str | None) -> None:
    maker = made_by(real)
    if maker is None:
        raise UserError(
            f"{label} {shown}: exists and was not made by taxqa (no {MARKER} in it); "
            "choose a new or empty folder, or remove it yourself"
        )
    if by is not None and maker != by:
        what = f"`taxqa {maker}`" if maker else "another taxqa command"
        raise UserError(
            f"{label} {shown}: was made by {what}, not by `taxqa {by}`; it is not this command's to replace "
            "(choose a new or empty folder)"
        )


def mark_made(folder: str | os.PathLike, by: str = "") -> Path:
    """Create ``folder`` (if needed) and mark it as made by taxqa — only when it is new or empty: a folder
    that already held other files is not taxqa's to remove later, so it stays unmarked."""
    folder = Path(folder)
    if folder.exists() and not _is_empty_dir(folder) and not is_made(folder):
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / MARKER).exists():
        write_marker(folder, by)
    return folder


def remove_made(folder: str | os.PathLike, label: str = "--out", made_by: str | None = None) -> None:
    """Remove a folder taxqa made; refuse anything else (the rule behind ``--fresh`` and replacing outputs)."""
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
    if made_by is None and not is_made(real):
        raise UserError(
            f"{label} {folder}: was not made by taxqa (no {MARKER} in it); refusing to delete it — remove it yourself"
        )
    _check_maker(real, label, str(folder), made_by)
    shutil.rmtree(real)


def user_mode(mode: int = 0o666) -> int:
    """``mode`` with the user's umask applied (what ``open()`` would give a new file)."""
    mask = os.umask(0)
    os.umask(mask)
    return mode & ~mask


def write_marker(folder: str | os.PathLike, made_by: str) -> None:
    """The marker naming the command that made ``folder`` (only that command replaces it)."""
    text = json.dumps({"made_by": made_by, "note": "made by taxqa; only this command replaces it"}) + "\n"
    (Path(folder) / MARKER).write_text(text, encoding="utf-8")


# the one atomic writer (taxqa/atomic.py), re-exported: `from taxqa.outputs import atomic_folder`
from taxqa.atomic import atomic_file, atomic_folder, atomic_path, recover_folder, write_file  # noqa: E402, F401
