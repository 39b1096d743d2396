"""QA and passage records, and the JSONL reading and writing every stage uses.

JSONL here is UTF-8, one object per line, Korean written as is. Writers are
either append-only (flush + fsync per record, so a kill leaves at most one
torn last line, which readers can skip) or atomic whole-file (temp file +
rename, so a reader never sees half a file).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator

from taxqa.errors import UserError

QA_TYPES = ("teacher", "student", "calc")
QA_SOURCES = ("statute", "precedent", "ruling", "calculator", "imported")
PASSAGE_KINDS = ("statute", "decree", "precedent", "ruling")


class RecordError(UserError, ValueError):
    """A record that does not fit its schema; the message names file, line and field."""


def normalize_text(text: str) -> str:
    """NFC, collapsed whitespace: what two equal questions have in common."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def qa_id(question: str) -> str:
    """Stable id: a hash of the normalised question."""
    return hashlib.sha1(normalize_text(question).encode("utf-8")).hexdigest()[:16]


class _Record(BaseModel):
    """Strict fields (no str/int coercion), unknown keys ignored, None treated as absent."""

    model_config = ConfigDict(strict=True, extra="ignore")

    def __init__(self, *args: Any, **data: Any) -> None:
        """Fields by position too, in declaration order (as the dataclasses these replaced took them)."""
        if len(args) > len(type(self).model_fields):
            raise TypeError(f"{type(self).__name__} takes at most {len(type(self).model_fields)} positional fields")
        data.update(zip(type(self).model_fields, args))
        super().__init__(**data)

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(exclude_none=True)

    @classmethod
    def from_dict(cls, obj: Any, where: str = "record"):
        if not isinstance(obj, dict):
            raise RecordError(f"{where}: expected a JSON object, got {type(obj).__name__}")
        try:
            return cls.model_validate({k: v for k, v in obj.items() if v is not None})
        except ValidationError as exc:
            raise RecordError(f"{where}: {_first_error(exc)}") from None


def _first_error(exc: ValidationError) -> str:
    """One line naming the field and what was expected (pydantic's first error, in our words)."""
    err = exc.errors(include_url=False)[0]
    loc = [str(part) for part in err["loc"]]
    name = loc[0] if loc else "record"
    where = f"field {name!r}" + (f" ({'.'.join(loc[1:])})" if len(loc) > 1 else "")
    kind, value = err["type"], err.get("input")
    if kind == "missing":
        return f"missing {where}"
    if kind == "literal_error":
        return f"{where} is {value!r}; expected one of {err['ctx']['expected'].replace(chr(39), '')}"
    if kind == "value_error":
        return f"{where}: {err['msg'].removeprefix('Value error, ')}"
    expected = {"string_type": "str", "list_type": "list", "dict_type": "dict", "int_type": "int",
                "float_type": "float", "bool_type": "bool"}.get(kind, err["msg"])  # fmt: skip
    return f"{where} must be {expected}, got {type(value).__name__}"


def _non_empty(value: str) -> str:
    if not value.strip():
        raise ValueError("is empty")
    return value


NonEmpty = Annotated[str, AfterValidator(_non_empty)]


class GroundingArticle(BaseModel):
    """One article the model reads: its citation and (trimmed) text; retrieval extras are kept as is."""

    model_config = ConfigDict(strict=True, extra="allow")

    citation: NonEmpty
    text: str


class Grounding(BaseModel):
    """What a QA record was made with: the articles given and the calculator's reading of the
    question (`taxqa tax ask --json`: kind, inputs, understood, assumptions, missing, result) or None."""

    model_config = ConfigDict(strict=True, extra="allow")

    articles: list[GroundingArticle] = Field(default_factory=list)
    calculation: dict[str, Any] | None = None


class QARecord(_Record):
    question: NonEmpty
    answer: NonEmpty
    type: Literal[QA_TYPES] = "teacher"
    source: Literal[QA_SOURCES] = "statute"
    citations: list[str] = Field(default_factory=list)
    meta: dict[str, Any] = Field(default_factory=dict)
    id: str = ""
    grounding: dict[str, Any] | None = None

    @field_validator("grounding")
    @classmethod
    def _check_grounding(cls, value: dict[str, Any] | None) -> dict[str, Any] | None:
        if value is None:
            return None
        try:
            return Grounding.model_validate(value).model_dump()
        except ValidationError as exc:
            raise ValueError(_first_error(exc)) from None

    def model_post_init(self, context: Any) -> None:
        if not self.id:
            self.id = qa_id(self.question)

    def to_dict(self) -> dict[str, Any]:
        d = self.model_dump(exclude={"grounding"})
        if self.grounding is not None:
            d["grounding"] = self.grounding
        return {"id": d.pop("id"), **d}


class PassageRecord(_Record):
    id: NonEmpty
    citation: NonEmpty
    law: NonEmpty
    article: str = ""
    title: str = ""
    text: NonEmpty
    effective_date: str = ""
    kind: Literal[PASSAGE_KINDS] = "statute"
    source_url: str = ""


def dumps(obj: Any) -> str:
    """One JSONL line: compact, Korean as is."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


MAX_LINE = 64 * 1024 * 1024  # a longer "line" is not a record (e.g. /dev/zero, a binary file)


def _lines(fh, path: Path) -> Iterator[bytes]:
    """Raw lines ending in \n, \r\n or a lone \r (old Mac files), each at most MAX_LINE bytes."""
    while True:
        raw = fh.readline(MAX_LINE + 1)
        if not raw:
            return
        if len(raw) > MAX_LINE and not raw.endswith(b"\n"):
            raise RecordError(f"{path}: a line longer than {MAX_LINE // 2**20} MB; expected JSONL, one record per line")
        if b"\r" in raw.rstrip(b"\r\n"):
            parts = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n")
            yield from (p + b"\n" for p in parts[:-1])
            if parts[-1]:
                yield parts[-1]
        else:
            yield raw


def _open_bytes(path: Path):
    if path.name.endswith(".gz"):
        return gzip.open(path, "rb")
    if path.is_dir():
        raise RecordError(f"{path}: is a folder; expected a JSONL file")
    from taxqa.textio import check_regular

    check_regular(path)
    return open(path, "rb")


def iter_raw_lines(path: str | os.PathLike) -> Iterator[tuple[int, bytes]]:
    """(line number, raw line) of a JSONL file (.gz too): the one place files are opened and split."""
    import zlib

    path = Path(path)
    lineno = 0
    try:
        with _open_bytes(path) as fh:
            for raw in _lines(fh, path):
                lineno += 1
                yield lineno, raw
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise RecordError(
            f"{path}: truncated or damaged gzip file after line {lineno} ({exc or type(exc).__name__})"
        ) from None


def read_jsonl(path: str | os.PathLike, *, skip_torn_tail: bool = False) -> Iterator[tuple[int, Any]]:
    """Yield (line number, object) for each non-blank line (of a .gz file too); RecordError names file:line.

    With skip_torn_tail, an unparseable *last* line without a newline (what a
    kill during an append leaves) is skipped instead of raised.
    """
    for lineno, raw in iter_raw_lines(path):
        obj = parse_line(raw, f"{path}:{lineno}", skip_torn_tail)
        if obj is TORN:
            return
        if obj is not BLANK:
            yield lineno, obj


TORN, BLANK = object(), object()


def parse_line(raw: bytes, where: str, skip_torn_tail: bool = False) -> Any:
    """One JSONL line as an object (BLANK for a blank line, TORN for a torn last line when skipped)."""
    torn = skip_torn_tail and not raw.endswith(b"\n")
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if torn:  # a kill can cut a line inside a multi-byte character
            return TORN
        raise RecordError(f"{where}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    if not line.strip():
        return BLANK
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        if torn:
            return TORN
        raise RecordError(f"{where}: invalid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise RecordError(f"{where}: JSON nested too deeply to read") from None
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise RecordError(f"{where}: unreadable JSON value ({str(exc).split(';')[0][:80]})") from None
    if "\\u" in line:
        from taxqa.textio import check_unicode

        check_unicode(obj, where)
    return obj


def read_qa(path: str | os.PathLike, *, skip_torn_tail: bool = False) -> Iterator[QARecord]:
    for lineno, obj in read_jsonl(path, skip_torn_tail=skip_torn_tail):
        yield QARecord.from_dict(obj, where=f"{path}:{lineno}")


def read_passages(path: str | os.PathLike) -> Iterator[PassageRecord]:
    for lineno, obj in read_jsonl(path):
        yield PassageRecord.from_dict(obj, where=f"{path}:{lineno}")


def _as_dict(row: Any) -> Any:
    return row.to_dict() if hasattr(row, "to_dict") else row


class AppendWriter:
    """Append-only JSONL: each record is flushed and fsynced before write() returns."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        _repair_torn_tail(self.path)
        self._fh = open(self.path, "a", encoding="utf-8")

    def write(self, row: Any) -> None:
        from taxqa.redaction import redact_known

        self._fh.write(redact_known(dumps(_as_dict(row))) + "\n")
        self._fh.flush()
        os.fsync(self._fh.fileno())

    def close(self) -> None:
        self._fh.close()

    def __enter__(self) -> AppendWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _repair_torn_tail(path: Path) -> None:
    """Before appending: a last line without a newline is either a whole record (keep it, add the newline)
    or what a kill left mid-record (a JSON fragment: cut it). Anything else is not our file: refuse."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with open(path, "rb+") as fh:
        fh.seek(-1, os.SEEK_END)
        if fh.read(1) == b"\n":
            return
        size = fh.seek(0, os.SEEK_END)
        fh.seek(max(0, size - MAX_LINE))
        data = fh.read()
        cut = data.rfind(b"\n") + 1
        tail = data[cut:]
        try:
            json.loads(tail.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            if not tail.lstrip().startswith(b"{"):
                raise RecordError(f"{path}: the last line is not a JSONL record; refusing to append to it") from None
            fh.truncate(size - len(tail))
            return
        fh.seek(0, os.SEEK_END)
        fh.write(b"\n")


def write_atomic(path: str | os.PathLike, text: str | bytes) -> None:
    """Write a whole file atomically (taxqa.outputs.write_file: temp file + rename, secrets redacted,
    gzip for a .gz name)."""
    from taxqa.outputs import write_file

    write_file(path, text)


def write_jsonl_atomic(path: str | os.PathLike, rows: Iterable[Any]) -> int:
    lines = [dumps(_as_dict(r)) + "\n" for r in rows]
    write_atomic(path, "".join(lines))
    return len(lines)


def import_seed(path: str | os.PathLike) -> list[QARecord]:
    """The original project's JSON array of {question, answer, type, source} as QA records."""
    path = Path(path)
    from taxqa.textio import check_regular, decode_text

    check_regular(path)
    try:
        data = json.loads(decode_text(path.read_bytes(), str(path)))
    except json.JSONDecodeError as exc:
        raise RecordError(f"{path}:{exc.lineno}: invalid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise RecordError(f"{path}: JSON nested too deeply to read") from None
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise RecordError(f"{path}: unreadable JSON value ({str(exc).split(';')[0][:80]})") from None
    if isinstance(data, dict) and isinstance(data.get("data"), list):
        data = data["data"]
    if not isinstance(data, list):
        raise RecordError(f"{path}: expected a JSON array of {{question, answer, type, source}} objects")
    records = []
    for i, item in enumerate(data):
        where = f"{path}: item {i}"
        if not isinstance(item, dict):
            raise RecordError(f"{where}: expected an object, got {type(item).__name__}")
        for key in ("question", "answer"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                raise RecordError(f"{where}: missing or empty field {key!r}")
        qtype = item.get("type", "teacher")
        if qtype not in QA_TYPES:
            qtype = "teacher"
        meta = {"original_source": item.get("source"), "original_type": item.get("type")}
        meta.update({k: v for k, v in item.items() if k not in ("question", "answer", "type", "source")})
        records.append(
            QARecord(
                question=item["question"].strip(),
                answer=item["answer"].strip(),
                type=qtype,
                source="imported",
                meta=meta,
            )
        )
    return records
