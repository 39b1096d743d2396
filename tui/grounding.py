"""What the grounding panel shows for a question and its answer, as plain JSON-able dicts
(so it is stored with the answer in the history): the statute articles retrieved from the
corpus, the calculator's breakdown with what it understood and assumed, and whether the
model's figures agree with the calculator.

The model reads exactly what the panel shows: `panel(question, k)` builds the panel's
grounding with `taxqa.grounding.build_grounding`, and `model_context(panel)` turns the same
dict into the grounding the one prompt renderer takes.
"""

from __future__ import annotations

from typing import Any

from taxqa.amounts import format_won
from taxqa.tax.kinds import FIGURE_LABELS, KINDS  # noqa: F401 - the panel's FIGURE_LABELS come from here


def article_dict(passage, score: float | None, via: str) -> dict[str, Any]:
    return {
        "id": passage.id,
        "citation": passage.citation,
        "title": passage.title,
        "text": passage.text,
        "effective_date": passage.effective_date,
        "kind": passage.kind,
        "score": None if score is None else round(float(score), 3),
        "via": via,  # 'calculator' (an article the calculation applied) or 'bm25'
    }


def retrieve_articles(question: str, k: int = 4, cited: list[str] | tuple[str, ...] = ()) -> dict[str, Any]:
    """{"articles": [...]}: the articles in ``cited`` (what the calculator applied), then the BM25
    top ``k`` from the corpus; or {"articles": [], "error": why} when the corpus is unavailable."""
    from taxqa.corpus import resolve_citation, search

    articles, seen = [], set()
    try:
        for citation in cited:
            passage = resolve_citation(citation)
            if passage is not None and passage.citation not in seen:
                seen.add(passage.citation)
                articles.append(article_dict(passage, None, "calculator"))
        found = 0
        for passage, score in search(question, k * 3):  # an article can have several passages: keep its best
            if found == k:
                break
            if passage.citation not in seen:
                seen.add(passage.citation)
                articles.append(article_dict(passage, score, "bm25"))
                found += 1
    except Exception as exc:  # a missing or damaged index must not break the chat
        return {"articles": articles, "error": f"법령 검색 실패: {type(exc).__name__}: {exc}"}
    return {"articles": articles}


def panel(question: str, k: int = 4) -> dict[str, Any]:
    """The panel's grounding for ``question``: the calculation (None when not computable) and the
    articles the model reads (those the calculation applied first, then retrieval's best)."""
    from taxqa.grounding import build_grounding

    try:
        built = build_grounding(question, k=k)
    except Exception as exc:  # a missing or damaged index must not break the chat
        return {"calculation": calculation(question), "articles": [],
                "articles_error": f"법령 검색 실패: {type(exc).__name__}: {exc}"}  # fmt: skip
    articles = [{**a, "via": a.get("via", "bm25")} for a in built["articles"]]
    return {
        "calculation": panel_calculation(built["calculation"]),
        "articles": articles,
        "reading": reading_summary(built["calculation"] or ask_question(question)),
    }


def ask_question(question: str) -> dict[str, Any] | None:
    """The reading of a question no calculator can take yet: what was understood and what it lacks."""
    from taxqa.tax.reading import ask

    try:
        return ask(question)
    except Exception:  # noqa: BLE001 - a reading that fails must not break the chat
        return None


def reading_summary(reading: dict[str, Any] | None) -> dict[str, Any] | None:
    """What the question was read as, and the facts it lacks, for a tax question (None otherwise)."""
    if not reading or not (reading.get("kind") or reading.get("facts")):
        return None  # nothing was read from the question: no line to show
    return {"understood": reading.get("understood", ""), "missing": list(reading.get("missing", []))}


def model_context(grounding: dict[str, Any] | None) -> dict[str, Any] | None:
    """What the model reads for a panel: its articles and the calculator's reading, nothing else."""
    if not grounding:
        return None
    calc = grounding.get("calculation")
    context = {"articles": list(grounding.get("articles") or []), "calculation": (calc or {}).get("reading")}
    return context if context["articles"] or context["calculation"] else None


def calculation(question: str) -> dict[str, Any] | None:
    """The calculator's breakdown for a computable question, with what it assumed; None otherwise."""
    from taxqa.errors import UserError
    from taxqa.grounding import calculation_for

    try:
        return panel_calculation(calculation_for(question))
    except UserError:
        return None


def panel_calculation(reading: dict[str, Any] | None) -> dict[str, Any] | None:
    """The panel's view of a `taxqa tax ask` reading (kept whole under "reading" for the model)."""
    if not reading or not reading.get("result"):
        return None
    from taxqa.tax.compute import compute

    computed = compute(reading["kind"], **reading["inputs"])
    result, kind = reading["result"], KINDS[computed.kind]
    figures = {name: value for name, value in kind.figure_values(computed).items() if name in kind.figures}
    labels = {name: kind.label_of(name) for name in figures}
    main = kind.main_figure
    summary = f"{kind.label} {labels.get(main, main)} {format_won(figures.get(main, 0))}"
    return {
        "kind": kind.name,
        "kind_label": kind.label,
        "labels": labels,
        "as_of": result["as_of"],
        "figures": figures,
        "steps": result["steps"],
        "credits": result["credits"],
        "notes": result.get("notes", []),
        "assumptions": list(reading.get("assumptions", [])),
        "understood": reading.get("understood", ""),
        "missing": list(reading.get("missing", [])),
        "summary": summary,
        "citations": result.get("citations", []),
        "reading": reading,
    }


def verdict(question: str, answer: str) -> dict[str, Any] | None:
    """The calculator's check of the figures in ``answer``; None when the question is not computable."""
    from taxqa.grounding import figure_check

    return figure_check(question, answer)
