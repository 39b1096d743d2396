"""What the grounding panel shows for a question and its answer, as plain JSON-able dicts
(so it is stored with the answer in the history): the statute articles retrieved from the
corpus, the calculator's breakdown with what it understood and assumed, and whether the
model's figures agree with the calculator.

The question is read once (`read` -> a `taxqa.case.Case`): `panel(case)` is what the panel
shows, `model_context(panel)` turns the same dict into the grounding the one prompt renderer
takes, and `verdict(case, answer)` checks the answer against that same case.
"""

from __future__ import annotations

from typing import Any

from taxqa.amounts import format_won
from taxqa.tax.kinds import FIGURE_LABELS, KINDS  # noqa: F401 - the panel's FIGURE_LABELS come from here


def read(question: str, k: int = 4, as_of: str | None = None):
    """The question read once (taxqa.case.Case): reading, calculator result and articles. A missing
    or damaged corpus index leaves the articles empty (the chat answers without them)."""
    from taxqa.case import read_case

    return read_case(question, as_of=as_of, k=k, strict=False)


def panel(question, k: int = 4, as_of: str | None = None) -> dict[str, Any]:
    """The panel of a `Case` (or of a question, read here): the calculation (None when not
    computable), the articles the model reads (those the calculation applied first, then
    retrieval's best) and what the question was read as."""
    case = question if not isinstance(question, str) else read(question, k, as_of)
    shown: dict[str, Any] = {
        "calculation": panel_calculation(case.calculation, case.result),
        "articles": [{**a, "via": a.get("via", "bm25")} for a in case.articles],
        "reading": reading_summary(case.reading),
    }
    if case.articles_error:
        shown["articles_error"] = f"법령 검색 실패: {case.articles_error}"
    return shown


def reading_summary(reading: dict[str, Any] | None) -> dict[str, Any] | None:
    """What the question was read as, and the facts it lacks, for a tax question (None otherwise)."""
    if not reading or not (reading.get("kind") or reading.get("facts")):
        return None  # nothing was read from the question: no line to show
    return {
        "understood": reading.get("understood", ""),
        "missing": list(reading.get("missing", [])),
        "ambiguous": list(reading.get("ambiguous", [])),
    }


def model_context(grounding: dict[str, Any] | None) -> dict[str, Any] | None:
    """What the model reads for a panel: its articles and the calculator's reading, nothing else."""
    if not grounding:
        return None
    calc = grounding.get("calculation")
    context = {"articles": list(grounding.get("articles") or []), "calculation": (calc or {}).get("reading")}
    if grounding.get("compact") and (context["articles"] or context["calculation"]):
        from taxqa.datagen.grounded import compact_grounding

        context = compact_grounding(context)  # the short block the model was trained on (the demo's tiny model)
    return context if context["articles"] or context["calculation"] else None


def calculation(question: str, as_of: str | None = None) -> dict[str, Any] | None:
    """The calculator's breakdown for a computable question, with what it assumed; None otherwise."""
    from taxqa.case import read_case
    from taxqa.errors import UserError

    try:
        case = read_case(question, as_of=as_of, retrieve=False)
    except UserError:
        return None
    return panel_calculation(case.calculation, case.result)


def panel_calculation(reading: dict[str, Any] | None, computed=None) -> dict[str, Any] | None:
    """The panel's view of a `taxqa tax ask` reading (kept whole under "reading" for the model) and
    of its calculator result (the Case's TaxResult: computed once, on the case's as-of date)."""
    if not reading or not reading.get("result") or computed is None:
        return None
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


def verdict(case, answer: str) -> dict[str, Any] | None:
    """The figure check of ``answer`` against the `Case` the panel showed (a question string is
    read here); None when the question is not computable."""
    if isinstance(case, str):
        from taxqa.grounding import figure_check

        return figure_check(case, answer)
    return case.figure_check(answer)
