"""What a model reads before it answers: retrieved articles and, for a computable question,
the calculator's reading of it (`taxqa tax ask --json`).

    build_grounding(question, k=4, max_chars=1600) -> {"articles": [...], "calculation": {...} | None}

Articles the calculation applied come first (they govern the case), then the retrieval's
best hits, one entry per article, until ``k`` articles; their texts are trimmed so all of
them fit ``max_chars``. The result is what QA records carry in ``grounding`` and what the
one prompt renderer (`taxqa.prompt.context_block`) turns into text.
"""

from __future__ import annotations

import re
from typing import Any

DEFAULT_K = 4
DEFAULT_MAX_CHARS = 1600  # characters of article text in all (the calculation comes on top)
MIN_ARTICLE_CHARS = 160


def ask(question: str) -> dict[str, Any]:
    """The question reader's output: the `taxqa tax ask --json` object."""
    from taxqa.tax.reading import ask as read

    return read(question)


def calculation_of(
    kind: str, inputs: dict[str, Any], result: dict[str, Any], assumptions: list[str] = ()
) -> dict[str, Any]:
    """The `taxqa tax ask --json` object for a case whose inputs are known (training data knows them)."""
    from taxqa.tax.kinds import KINDS

    record = KINDS[kind]
    understood = f"{record.subject}: " + ", ".join(record.fact(k, v) for k, v in inputs.items())
    return {
        "kind": kind,
        "inputs": dict(inputs),
        "understood": understood,
        "assumptions": list(assumptions),
        "missing": [],
        "result": result,
    }


def calculation_for(question: str) -> dict[str, Any] | None:
    """``ask(question)`` when the question names a tax kind, else None (nothing to compute)."""
    found = ask(question)
    return found if found.get("kind") else None


def search_hits(query: str, k: int, reading: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Retrieval hits as dicts (rank, citation, title, score, kind, effective_date, id, text, matched, clause);
    ``reading`` (the question's calculation) lets retrieval rank around the articles it applied."""
    from taxqa.corpus import search_hits as hits

    return hits(query, k, reading=reading)


def governing_citations(result: dict[str, Any]) -> list[str]:
    """The articles a calculation applied, the ones that decide the figure first: the rate
    (산출세액/납부세액), then the deductions, then the rest."""

    def rank(step: dict[str, Any]) -> int:
        label = step.get("label", "")
        return 0 if re.search(r"산출세액|세율|납부세액 \(", label) else 1 if "공제" in label else 2

    steps = sorted(result.get("steps") or [], key=rank)
    return list(dict.fromkeys([s["law"] for s in steps if s.get("law")] + list(result.get("citations") or [])))


def governing_articles(citations: list[str]) -> list[dict[str, Any]]:
    """The corpus articles of ``citations`` (what a calculation applied), in order; unknown ones skipped."""
    from taxqa.corpus import resolve_citation

    out = []
    for citation in citations:
        passage = resolve_citation(citation)
        if passage is not None:
            out.append(
                {
                    "citation": passage.citation,
                    "title": passage.title,
                    "text": passage.text,
                    "effective_date": passage.effective_date,
                    "kind": passage.kind,
                    "score": None,
                    "via": "calculator",
                }
            )
    return out


def trim(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters at a sentence or line end where possible, marked with '…'."""
    text = re.sub(r"[ \t]+", " ", text.strip())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    end = max(cut.rfind("\n"), cut.rfind(". "), cut.rfind("다."))
    if end > limit // 2:
        cut = cut[: end + (2 if cut[end : end + 2] == "다." else 1)]
    return cut.rstrip() + " …"


def fit_articles(articles: list[dict[str, Any]], max_chars: int) -> list[dict[str, Any]]:
    """Trim article texts so together they fit ``max_chars`` (short ones keep their length)."""
    articles = [dict(a) for a in articles]
    budget = max_chars
    for i, article in enumerate(sorted(articles, key=lambda a: len(a.get("text", "")))):
        share = max(MIN_ARTICLE_CHARS, budget // (len(articles) - i))
        article["text"] = trim(article.get("text", ""), share)
        budget = max(0, budget - len(article["text"]))
    return articles


def merge_articles(first: list[dict[str, Any]], hits: list[dict[str, Any]], k: int) -> list[dict[str, Any]]:
    """``first`` then ``hits``, one entry per citation, at most ``k`` (all of ``first`` when it is longer)."""
    out, seen = [], set()
    for article in [*first, *hits]:
        key = re.sub(r"\s+", "", article["citation"])
        if key in seen or (len(out) >= k and article not in first):
            continue
        seen.add(key)
        out.append(article)
    return out


def articles_for(
    question: str,
    result: dict[str, Any] | None,
    *,
    k: int = DEFAULT_K,
    max_chars: int = DEFAULT_MAX_CHARS,
    kind: str | None = None,
) -> list[dict[str, Any]]:
    """The articles for ``question``: those ``result`` (a calculation) applied, then retrieval's best
    hits, one per article, ``k`` in all, trimmed to fit ``max_chars``. ``kind`` is the question's tax kind
    when the reader knew it but could not compute: retrieval ranks around the articles its calculator cites."""
    first = governing_articles(governing_citations(result))[: max(1, k - 1)] if result and k > 0 else []
    reading = {"result": result} if result else None  # retrieval ranks around the articles it applied
    if reading is None and kind:
        from taxqa.tax.kinds import KINDS

        record = KINDS.get(kind)
        reading = {"kind_articles": list(record.articles)} if record is not None else None
    hits = search_hits(question, k * 3, reading) if k > 0 else []  # an article can have several passages
    return fit_articles(merge_articles(first, hits, k), max_chars)


def build_grounding(
    question: str, *, k: int = DEFAULT_K, max_chars: int = DEFAULT_MAX_CHARS, calculate: bool = True
) -> dict[str, Any]:
    """{"articles": [...], "calculation": the reading or None} for ``question`` (its `Case`'s grounding;
    a caller that also checks an answer or shows the reading keeps the `taxqa.case.Case` itself)."""
    if not calculate:
        return {"articles": articles_for(question, None, k=k, max_chars=max_chars), "calculation": None}
    from taxqa.case import read_case

    return read_case(question, k=k, max_chars=max_chars).grounding()


def figure_check(question: str, answer: str, as_of: str | None = None) -> dict[str, Any] | None:
    """The figure check of ``answer`` for a question not read yet; None when it is not computable.
    A request that has its `Case` calls ``case.figure_check(answer)`` instead of reading again."""
    from taxqa.case import read_case
    from taxqa.errors import UserError

    try:
        return read_case(question, as_of=as_of, retrieve=False).figure_check(answer)
    except UserError:
        return None
