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

from taxqa.corpus.build import read_passage_file
from taxqa.corpus.cite import CitationIndex
from taxqa.corpus.cite import find_citations as _find_citations
from taxqa.errors import UserError
from taxqa.records import PassageRecord

EMBEDDED_NAME = "passages.jsonl.gz"
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
            _LOADED[stamp] = read_passage_file(file)
        return _LOADED[stamp]


def iter_corpus_texts(passages: Sequence[PassageRecord] | None = None) -> Iterator[str]:
    """Plain text of every passage ("citation (title)\\ntext"), e.g. to train a tiny tokenizer."""
    for p in load_passages() if passages is None else passages:
        head = f"{p.citation} ({p.title})" if p.title else p.citation
        yield f"{head}\n{p.text}"


def search(
    query: str, k: int = 5, passages: Sequence[PassageRecord] | None = None
) -> list[tuple[PassageRecord, float]]:
    """BM25 top-k (passage, score), best first; the index is built once per passage list and process.

    Articles the query cites by name ("상증법 제53조") come first, then the BM25 ranking.
    """
    from taxqa.corpus.bm25 import index_for

    passages = load_passages() if passages is None else passages
    # a list load_passages returned is the content of one file version: its index can be kept on disk
    key = next((stamp for stamp, loaded in _LOADED.items() if loaded is passages), None)
    hits = index_for(passages, key).search(query, k)
    cited = [p for p in (resolve_citation(c, passages) for c in _find_citations(query)) if p is not None]
    if not cited:
        return hits
    top = max([s for _, s in hits], default=1.0)
    cited = list({p.id: p for p in cited}.values())
    first = [(p, top + len(cited) - i) for i, p in enumerate(cited)]
    names = {p.citation for p, _ in first}
    return (first + [(p, s) for p, s in hits if p.citation not in names])[:k]


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
