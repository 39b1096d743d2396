"""The five tools as plain functions: JSON-ready dicts in, JSON-ready dicts out.

Every bad argument raises `BadInput` (a UserError) naming the field and what was expected in
Korean and English; the server turns it into a tool error the agent can act on. Heavy pieces
(the corpus index, the morphological analyser) load on the first call that needs them.
"""

from __future__ import annotations

import re
import threading
from typing import Any

from taxqa.errors import UserError
from taxqa.mcp.schemas import BadInput, calculator_failure, calculator_kwargs, inputs_schema
from taxqa.tax.kinds import KINDS

MAX_QUESTION_CHARS = 4000
MAX_QUERY_CHARS = 1000
MAX_NAME_CHARS = 100
MAX_K = 50
SNIPPET_CHARS = 240
_CORPUS_LOCK = threading.Lock()  # one search at a time: the analyser and the index load once


def text_arg(name: str, value: Any, limit: int, *, required: bool = True) -> str | None:
    """A string argument: present (when required), not blank, at most `limit` characters."""
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise BadInput(name, "비어 있지 않은 문자열이 필요합니다", "expected a non-empty string", value)
    if len(value) > limit:
        raise BadInput(name, f"{limit:,}자 이하여야 합니다", f"at most {limit:,} characters", value)
    return value.strip()


def as_of_arg(value: Any) -> str | None:
    """The law date: None (today) or YYYY-MM-DD."""
    from taxqa.tax.rates import parse_as_of

    text = text_arg("as_of", value, 20, required=False)
    if text is None:
        return None
    try:
        return parse_as_of(text).isoformat()
    except UserError:
        raise BadInput(
            "as_of", "YYYY-MM-DD 형식의 날짜가 필요합니다", "expected a date like 2026-01-01", value
        ) from None


def kind_arg(value: Any):
    if not isinstance(value, str) or value not in KINDS:
        names = ", ".join(KINDS)
        raise BadInput("kind", f"다음 세목 중 하나여야 합니다: {names}", f"expected one of {names}", value)
    return KINDS[value]


def ask_tax(question: Any = None, as_of: Any = None) -> dict[str, Any]:
    """The `taxqa tax ask --json` object for a Korean question: the reading of its Case (read and
    computed once; no retrieval, search_law and get_article give the articles)."""
    from taxqa.case import read_case

    text = text_arg("question", question, MAX_QUESTION_CHARS)
    day = as_of_arg(as_of)
    try:
        return read_case(text, as_of=day, retrieve=False).reading
    except UserError as exc:
        raise BadInput("question", "이 질문으로는 계산할 수 없습니다", str(exc)) from None


def compute_tax(kind: Any = None, inputs: Any = None, as_of: Any = None) -> dict[str, Any]:
    """What `taxqa tax KIND --json` prints for these inputs."""
    from taxqa.tax.compute import compute

    record = kind_arg(kind)
    day = as_of_arg(as_of)
    kwargs = calculator_kwargs(record, {} if inputs is None else inputs)
    try:
        return compute(record.name, **kwargs, as_of=day).to_dict()
    except UserError as exc:
        if day and day in str(exc):  # "no gift table in force on 1990-01-01 (data starts 2016-01-01)"
            raise BadInput("as_of", "이 날짜에 시행 중인 세율표가 없습니다", str(exc)) from None
        raise calculator_failure(record, exc) from None


def list_tax_kinds() -> dict[str, Any]:
    """Every kind with its Korean name and the JSON schema of its inputs."""
    kinds = []
    for kind in KINDS.values():
        schema = inputs_schema(kind)
        kinds.append(
            {
                "kind": kind.name,
                "name": kind.label,
                "title": kind.title,
                "description": kind.help,
                "inputs": schema["properties"],
                "required": schema.get("required", []),
            }
        )
    return {"kinds": kinds}


def _passages():
    from taxqa.corpus import load_passages

    return load_passages()


_NAMES: list = []


def law_names():
    """The law names of the embedded corpus (official spelling, spacing and abbreviations read)."""
    from taxqa.corpus.cite import LawNames

    with _CORPUS_LOCK:
        if not _NAMES:
            _NAMES.append(LawNames(p.law for p in _passages()))
        return _NAMES[0]


def law_arg(value: Any, *, required: bool) -> str | None:
    """The official name of a law the embedded corpus holds ("상증법" -> 상속세 및 증여세법)."""
    from taxqa.corpus.cite import squash

    text = text_arg("law", value, MAX_NAME_CHARS, required=required)
    if text is None:
        return None
    laws = sorted({p.law for p in _passages()})
    by_key = {squash(law): law for law in laws}
    official = law_names().canonical(text) or text
    if squash(official) not in by_key:
        shown = ", ".join(laws)
        raise BadInput("law", f"내장 법령에 없는 법입니다. 가능한 법: {shown}",
                       f"not a law of the embedded corpus; expected one of {shown}", value)  # fmt: skip
    return by_key[squash(official)]


def snippet(text: str, words: list[str]) -> str:
    """About SNIPPET_CHARS of `text` around the first matched word."""
    at = min((i for w in words if w and (i := text.find(w)) >= 0), default=0)
    start = max(0, at - SNIPPET_CHARS // 3)
    piece = re.sub(r"\s+", " ", text[start : start + SNIPPET_CHARS]).strip()
    return ("…" if start else "") + piece + ("…" if start + SNIPPET_CHARS < len(text) else "")


def search_law(query: Any = None, k: Any = 5, law: Any = None) -> dict[str, Any]:
    """The articles of the embedded statutes that best match `query`, optionally of one law."""
    from taxqa.corpus import search_hits

    text = text_arg("query", query, MAX_QUERY_CHARS)
    if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= MAX_K:
        raise BadInput("k", f"1에서 {MAX_K} 사이의 정수여야 합니다", f"expected a whole number 1..{MAX_K}", k)
    official = law_arg(law, required=False)
    with _CORPUS_LOCK:
        hits = search_hits(text, k if official is None else len(_passages()))
    if official is not None:
        hits = [h for h in hits if h["law"] == official][:k]
    return {
        "query": text,
        "law": official,
        "hits": [
            {
                "rank": n,
                "law": h["law"],
                "article": h["article"],
                "citation": h["citation"],
                "title": h["title"],
                "snippet": snippet(h["text"], h.get("matched") or []),
                "score": h["score"],
                "kind": h["kind"],
                "effective_date": h["effective_date"],
            }
            for n, h in enumerate(hits, 1)
        ],
    }


ARTICLE_RE = re.compile(r"제?\s*(\d+)\s*조?\s*(?:(?:의|-)\s*(\d+))?")


def article_label(value: Any) -> str:
    """53, "53", "제53조", "53조의2", "53-2" -> 제53조 / 제53조의2; a case number stays as given."""
    from taxqa.corpus.cite import article_label as label

    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return label(value)
    text = text_arg("article", value, MAX_NAME_CHARS)
    m = ARTICLE_RE.fullmatch(text)
    return label(m.group(1), m.group(2)) if m else text


def get_article(law: Any = None, article: Any = None) -> dict[str, Any]:
    """The full text of one article of the embedded corpus, with its source and its date."""
    from taxqa.corpus.cite import squash

    official = law_arg(law, required=True)
    wanted = article_label(article)
    parts = [p for p in _passages() if p.law == official and squash(p.article) == squash(wanted)]
    if not parts:
        raise BadInput("article", f"내장 법령의 {official}에 {wanted}가 없습니다",
                       f"{official} has no {wanted} in the embedded corpus", article)  # fmt: skip
    first = parts[0]
    parts = [p for p in parts if p.effective_date == first.effective_date]
    return {
        "law": official,
        "article": first.article,
        "citation": first.citation,
        "title": first.title,
        "text": "\n".join(p.text for p in parts),
        "kind": first.kind,
        "effective_date": first.effective_date,
        "source_url": first.source_url,
        "source": "taxqa 내장 법령 코퍼스(오프라인), 원문: source_url / the taxqa embedded corpus (offline); "
        "source_url links the official text",
    }
