"""The embedded corpus (package data) and the functions other stages call.

`taxqa/corpus/data/passages.jsonl.gz` is built by this package from ../shared/data (`make corpus-data`):
eight tax acts and a decree in force 2026 (legalize-kr), the 2025 law.go.kr versions of three of them
(superseded article by article), three precedents. A fresh install can search and cite with no key and
no network.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from taxqa.corpus.cite import CitationIndex
from taxqa.corpus.cite import find_citations as _find_citations
from taxqa.errors import UserError

if TYPE_CHECKING:
    from taxqa.records import PassageRecord

EMBEDDED_NAME = "passages.jsonl.gz"


class EmbeddedPassage(NamedTuple):
    """A passage of the package's own corpus: PassageRecord's fields, read-only, without pydantic.

    The file is built and checked by `make corpus-data`, so a search process reads it into these and does
    not import pydantic (about a third of a new `taxqa corpus search` process's start-up). Code that takes
    a PassageRecord reads the same attributes and `to_dict()`.
    """

    id: str
    citation: str
    law: str
    article: str = ""
    title: str = ""
    text: str = ""
    effective_date: str = ""
    kind: str = "statute"
    source_url: str = ""

    def to_dict(self) -> dict[str, str]:
        return self._asdict()


_LOCK = threading.Lock()
_LOADED: dict[str, list[PassageRecord]] = {}  # "path:mtime:size" -> passages
_CITATIONS: dict[int, tuple[Sequence[PassageRecord], CitationIndex]] = {}


def embedded_path() -> Path:
    return Path(str(resources.files("taxqa.corpus") / "data" / EMBEDDED_NAME))


def load_passages(path: str | os.PathLike | None = None) -> list[PassageRecord]:
    """Passages from a JSONL(.gz) file, or the embedded corpus for None; cached per path and mtime.

    The returned list is shared between callers: do not modify it.
    """
    file = Path(path) if path is not None else embedded_path()
    if path is None and not file.is_file():
        raise UserError(f"the embedded corpus is missing ({file}); rebuild it with `make corpus-data`")
    try:
        stat = file.stat()
        stamp = f"{file.resolve()}:{stat.st_mtime_ns}:{stat.st_size}"
    except OSError:
        raise UserError(f"{file}: no such passages file") from None
    with _LOCK:
        if stamp not in _LOADED:
            if path is not None:
                from taxqa.corpus.build import read_passage_file

                _LOADED[stamp] = read_passage_file(file)
            else:
                _LOADED[stamp] = _read_embedded(file)
        return _LOADED[stamp]


def _read_embedded(file: Path) -> list[PassageRecord]:
    """The package's own passages, built and checked by `make corpus-data`: read into EmbeddedPassage
    without re-validating each record or importing pydantic; a damaged file still fails clearly."""
    import gzip
    import json
    import zlib

    fields = EmbeddedPassage._fields
    try:
        lines = [line for line in gzip.decompress(file.read_bytes()).decode("utf-8").splitlines() if line.strip()]
        rows = json.loads("[" + ",".join(lines) + "]")  # one parse of the whole file: faster than per line
        passages = [EmbeddedPassage(**{k: v for k, v in row.items() if k in fields}) for row in rows]
        if any(not (p.id and p.citation and p.law and p.text) for p in passages):
            passages = []
    except (OSError, EOFError, zlib.error, ValueError, UnicodeDecodeError, TypeError):
        passages = []
    if not passages:  # read again, checked: names the damage (file:line) as a UserError
        from taxqa.corpus.build import read_passage_file

        return read_passage_file(file)
    return passages


def iter_corpus_texts(passages: Sequence[PassageRecord] | None = None) -> Iterator[str]:
    """Plain text of every passage ("citation (title)\\ntext"), e.g. to train a tiny tokenizer."""
    for p in load_passages() if passages is None else passages:
        head = f"{p.citation} ({p.title})" if p.title else p.citation
        yield f"{head}\n{p.text}"


def _cache_key(passages: Sequence[PassageRecord]) -> str | None:
    """The file stamp of a list load_passages returned: its index can be kept on disk."""
    return next((stamp for stamp, loaded in _LOADED.items() if loaded is passages), None)


def search(
    query: str,
    k: int = 5,
    passages: Sequence[PassageRecord] | None = None,
    *,
    embed_model: str | None = None,
    reading: dict | None = None,
) -> list[tuple[PassageRecord, float]]:
    """Top-k (passage, score), best first, one per article; see taxqa.corpus.retrieve for the ranking.

    Articles the query cites ("상증법 53조") come first, then the articles of the act that governs the
    question, ranked lexically (morphemes, bigrams, titles, lay terms), fused with a dense ranking when
    embed_model (or TAXQA_EMBED_MODEL) names an embedding model. ``reading`` is the question reader's
    `taxqa tax ask --json` object, when the caller has it: its calculation's articles and acts come first.
    """
    return [(h.passage, h.score) for h in _rank(query, k, passages, embed_model, reading)]


def search_hits(
    query: str,
    k: int = 5,
    passages: Sequence[PassageRecord] | None = None,
    *,
    embed_model: str | None = None,
    reading: dict | None = None,
) -> list[dict]:
    """search() as JSON-ready dicts: rank, citation, title, score, kind, effective_date, law, article, id, text,
    matched (the query words and legal terms the passage contains: why it was chosen), via, and clause /
    clause_text (the 항/호 the question matched)."""
    from taxqa.corpus.retrieve import hit_dict

    return [hit_dict(n, h) for n, h in enumerate(_rank(query, k, passages, embed_model, reading), 1)]


def warm_up(passages: Sequence[PassageRecord] | None = None) -> None:
    """Build (or read back) the index and load the morphological analyser now, e.g. on a background thread
    when an app starts, so the user's first search does not wait for them."""
    search("증여세 신고", 1, passages)


def _rank(query: str, k: int, passages, embed_model: str | None, reading: dict | None = None):
    from taxqa.corpus.retrieve import rank

    passages = load_passages() if passages is None else passages
    return rank(query, k, passages, cache_key=_cache_key(passages), embed_model=embed_model, reading=reading)


def _citation_index(passages: Sequence[PassageRecord]) -> CitationIndex:
    with _LOCK:
        hit = _CITATIONS.get(id(passages))
        if hit is None or hit[0] is not passages:
            if len(_CITATIONS) >= 4:
                _CITATIONS.pop(next(iter(_CITATIONS)))
            hit = _CITATIONS[id(passages)] = (passages, CitationIndex(passages))
        return hit[1]


def resolve_citation(citation: str, passages: Sequence[PassageRecord] | None = None) -> PassageRecord | None:
    """The passage a citation names ("상속세및증여세법 제53조 제1항" -> 상속세 및 증여세법 제53조), or None."""
    return _citation_index(load_passages() if passages is None else passages).resolve(citation)


def find_citations(text: str) -> list[str]:
    """Canonical citations in a text: "(상속세 및 증여세법 제26조, 제53조)" -> two citations."""
    return _find_citations(text)
