"""Build passages from source files: law.go.kr JSON, legalize-kr Markdown, fetch output, passage JSONL.

Versions: when one law arrives in several versions (law.go.kr 2025 JSON and legalize-kr 2026 Markdown),
each article comes from the newest version (by 시행일자) that has it; an article only an older version has
is kept (from the newest older version that has it) unless a newer version lists it as deleted ("삭제").
So a fetch of an old version never shadows the law in force, and nothing is lost when a newer source is
partial.

Statutes are small and are collected per law before versions are chosen. Precedents and interpretations
are streamed: parsed, de-duplicated (exact + MinHash LSH near-duplicates, per decision) and written one by
one, so a dump of hundreds of MB goes through in bounded memory.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from taxqa.corpus.cite import squash
from taxqa.corpus.clean import NearDupFilter, text_key
from taxqa.corpus.parse import (
    ParseError,
    Unit,
    json_kind,
    parse_interpretation_json,
    parse_markdown,
    parse_precedent_json,
    parse_statute_json,
)
from taxqa.errors import UserError
from taxqa.records import PassageRecord, dumps, read_jsonl

MAX_CHARS = 1200  # an article longer than this is split into passages of whole 항


@dataclass
class BuildStats:
    files: int = 0
    skipped: list[str] = field(default_factory=list)
    statutes: int = 0
    decisions: int = 0
    passages: int = 0
    superseded: int = 0
    exact_dups: int = 0
    near_dups: int = 0
    bytes_read: int = 0


def iter_sources(sources: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """Files under each source (folders searched recursively, sorted); a missing source is an error."""
    for src in sources:
        path = Path(src)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        elif path.is_file():
            yield path
        else:
            raise UserError(f"{path}: no such file or folder")


def chunk_parts(parts: list[str], max_chars: int = MAX_CHARS) -> list[str]:
    """Greedy groups of whole parts up to max_chars; a part longer than that is split on its lines."""
    pieces: list[str] = []
    for part in parts:
        if len(part) <= max_chars:
            pieces.append(part)
            continue
        current: list[str] = []
        for line in part.split("\n"):
            if current and sum(len(x) + 1 for x in current) + len(line) > max_chars:
                pieces.append("\n".join(current))
                current = []
            current.append(line)
        if current:
            pieces.append("\n".join(current))
    chunks: list[str] = []
    for piece in pieces:
        if chunks and len(chunks[-1]) + 1 + len(piece) <= max_chars:
            chunks[-1] += "\n" + piece
        else:
            chunks.append(piece)
    return chunks


def unit_passages(unit: Unit, max_chars: int = MAX_CHARS) -> list[PassageRecord]:
    base = f"{unit.kind}:{squash(unit.law)}:{squash(unit.article)}"
    chunks = chunk_parts(unit.parts, max_chars)
    return [
        PassageRecord(
            id=base if i == 0 else f"{base}#{i + 1}",
            citation=unit.citation,
            law=unit.law,
            article=unit.article,
            title=unit.title,
            text=text,
            effective_date=unit.effective_date,
            kind=unit.kind,
            source_url=unit.source_url,
        )
        for i, text in enumerate(chunks)
    ]


def _article_order(article: str) -> tuple[int, int]:
    nums = [int(n) for n in re.findall(r"\d+", article)] + [0, 0]
    return nums[0], nums[1]


def choose_versions(units: list[Unit]) -> tuple[list[Unit], int]:
    """Newest version of each article of one law (see the module docstring); (kept, superseded count)."""
    by_date: dict[str, dict[str, Unit]] = {}
    for u in units:
        # the version is the law's 시행일자; one article's own 시행일자 may differ from it
        by_date.setdefault(u.extra.get("version") or u.effective_date, {})[u.article] = u
    chosen: dict[str, Unit] = {}
    superseded = 0
    for date in sorted(by_date, reverse=True):
        for article, u in by_date[date].items():
            if article in chosen:
                superseded += 1
            else:
                chosen[article] = u
    kept = [u for u in chosen.values() if not u.deleted]
    return sorted(kept, key=lambda u: _article_order(u.article)), superseded


def _open_text(path: Path) -> io.TextIOBase:
    raw = gzip.open(path, "rb") if path.suffix == ".gz" else open(path, "rb")
    return io.TextIOWrapper(raw, encoding="utf-8")


def _base_suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def read_units(path: Path, note: Callable[[str], None]) -> Iterator[Unit | PassageRecord]:
    """Units (or ready passages) in one file; unknown files are skipped with a note."""
    suffix = _base_suffix(path)
    if suffix == ".md":
        with _open_text(path) as fh:
            text = fh.read()
        if not text.startswith("---"):
            note(f"skipping {path}: Markdown without law front matter")
            return
        yield from parse_markdown(text, str(path))
    elif suffix == ".json":
        with _open_text(path) as fh:
            try:
                obj = json.load(fh)
            except json.JSONDecodeError as exc:
                raise ParseError(f"{path}:{exc.lineno}: invalid JSON ({exc.msg} at column {exc.colno})") from None
            except UnicodeDecodeError:
                raise ParseError(f"{path}: not UTF-8") from None
        yield from _units_from_obj(obj, str(path), note)
    elif suffix == ".jsonl":
        for lineno, obj in read_jsonl(path):
            yield from _units_from_obj(obj, f"{path}:{lineno}", note)
    else:
        note(f"skipping {path}: not law.go.kr JSON, legalize-kr Markdown or passages JSONL")


def _units_from_obj(obj: object, where: str, note: Callable[[str], None]) -> Iterator[Unit | PassageRecord]:
    if isinstance(obj, list):  # a JSON array of answers
        for i, item in enumerate(obj):
            yield from _units_from_obj(item, f"{where}[{i}]", note)
        return
    kind = json_kind(obj)
    if kind == "statute":
        yield from parse_statute_json(obj, where)  # type: ignore[arg-type]
    elif kind == "precedent":
        yield parse_precedent_json(obj, where)  # type: ignore[arg-type]
    elif kind == "ruling":
        yield parse_interpretation_json(obj, where)  # type: ignore[arg-type]
    elif kind == "passage":
        yield PassageRecord.from_dict(obj, where)
    else:
        note(f"skipping {where}: JSON that is not a statute, precedent, interpretation or passage")


class _Output:
    """Passages streamed into the one atomic writer (gzip for *.gz): renamed into place on commit."""

    def __init__(self, path: Path):
        from taxqa.outputs import atomic_file

        self.path = path
        self._cm = atomic_file(path)
        self._raw = self._cm.__enter__()
        # mtime=0: the same input gives byte-identical package data
        self._gz = (
            gzip.GzipFile(filename="", fileobj=self._raw, mode="wb", compresslevel=9, mtime=0)
            if path.suffix == ".gz"
            else None
        )

    def write(self, p: PassageRecord) -> None:
        (self._gz or self._raw).write((dumps(p.to_dict()) + "\n").encode("utf-8"))

    def commit(self) -> None:
        if self._gz:
            self._gz.close()
        self._cm.__exit__(None, None, None)

    def abort(self) -> None:
        try:
            self._cm.__exit__(RuntimeError, RuntimeError("aborted"), None)
        except RuntimeError:
            pass


def build(
    sources: Iterable[str | os.PathLike],
    output: str | os.PathLike,
    *,
    max_chars: int = MAX_CHARS,
    near_threshold: float = 0.85,
    note: Callable[[str], None] | None = None,
) -> BuildStats:
    """Parse every source, choose statute versions, de-duplicate decisions, write passages (JSONL, .gz ok)."""
    note = note or (lambda msg: print(msg, file=sys.stderr))
    stats = BuildStats()
    out = _Output(Path(output))
    laws: dict[str, list[Unit]] = {}
    ready: list[PassageRecord] = []  # statute passages from our own JSONL input
    dedupe = NearDupFilter(threshold=near_threshold)
    seen_passages: set[bytes] = set()
    try:
        for path in iter_sources(sources):
            if path.resolve() == Path(output).resolve():
                continue
            stats.files += 1
            stats.bytes_read += path.stat().st_size
            for item in read_units(path, lambda msg: (stats.skipped.append(msg), note(msg))):
                if isinstance(item, PassageRecord):
                    if item.kind in ("statute", "decree"):
                        ready.append(item)
                        continue
                    key = text_key(item.citation + "\n" + item.text)
                    if key in seen_passages:
                        stats.exact_dups += 1
                        continue
                    seen_passages.add(key)
                    out.write(item)
                    stats.passages += 1
                elif item.kind in ("statute", "decree"):
                    laws.setdefault(squash(item.law), []).append(item)
                else:
                    if dedupe.is_duplicate("\n".join(item.parts)):
                        continue
                    stats.decisions += 1
                    for p in unit_passages(item, max_chars):
                        out.write(p)
                        stats.passages += 1
        done_ids: set[str] = set()
        for key in sorted(laws):
            kept, superseded = choose_versions(laws[key])
            stats.superseded += superseded
            stats.statutes += len(kept)
            for unit in kept:
                for p in unit_passages(unit, max_chars):
                    out.write(p)
                    done_ids.add(p.id)
                    stats.passages += 1
        for p in ready:
            if p.id not in done_ids:
                done_ids.add(p.id)
                out.write(p)
                stats.passages += 1
        stats.exact_dups += dedupe.exact
        stats.near_dups = dedupe.near
        if stats.passages == 0:
            raise UserError("no passages found in " + ", ".join(str(s) for s in sources))
        out.commit()
    except BaseException:
        out.abort()
        raise
    return stats


def read_passage_file(path: str | os.PathLike) -> list[PassageRecord]:
    """Passages from JSONL or JSONL.gz; RecordError names file:line."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"{path}: no such passages file")
    import zlib

    try:
        passages = [PassageRecord.from_dict(obj, where=f"{path}:{lineno}") for lineno, obj in read_jsonl(path)]
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise UserError(
            f"{path}: truncated or damaged gzip file ({exc}); rebuild it with `taxqa corpus build`"
        ) from None
    except UnicodeDecodeError as exc:
        raise UserError(f"{path}: not UTF-8 text at byte {exc.start}; expected passages JSONL") from None
    if not passages:
        raise UserError(f"{path}: no passages in the file (expected one JSON passage per line)")
    return passages
