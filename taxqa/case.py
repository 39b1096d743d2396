"""A question read once: the `Case` every surface takes (tax ask, generate --check, the quality
gate, eval, the chat app, serve).

    case = read_case(question, as_of=None, k=4)
    case.reading       # the `taxqa tax ask --json` object (result included)
    case.result        # the calculator's TaxResult (None when not computable)
    case.articles      # the articles the model reads: those the calculation applied, then retrieval's
    case.grounding()   # the QA-record grounding dict {"articles", "calculation"}
    case.check(answer) # the one figure check of an answer (a Verdict, None when not computable)

The question is read and computed once, and retrieved once; nothing downstream reads it again,
so the chat panel, the prompt and the figure check all show the same case.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from taxqa.grounding import DEFAULT_K, DEFAULT_MAX_CHARS

NEEDS_CHECK = "확인이 필요합니다"
REFERENCE_ONLY = "아래는 위 사항을 확인하기 전, 가정에 따른 참고 계산입니다 (최종 세액이 아님)."


def flags_of(reading: dict[str, Any] | None) -> list[str]:
    """What the reading lacks or could not place (`missing` then `ambiguous`, each line once): while
    any is left, no surface presents the figure as the answer."""
    reading = reading or {}
    return list(dict.fromkeys([*reading.get("missing", ()), *reading.get("ambiguous", ())]))


def needs_check(reading: dict[str, Any] | None) -> str | None:
    """The one Korean line every surface shows for a flagged reading ("확인이 필요합니다: ..."), else None."""
    flags = flags_of(reading)
    return f"{NEEDS_CHECK}: {'; '.join(flags)}" if flags else None


@dataclass(frozen=True, eq=False)
class Case:
    question: str
    as_of: str | None
    reading: dict[str, Any]  # the `taxqa tax ask --json` object
    articles: list[dict[str, Any]] = field(default_factory=list)  # fitted to max_chars
    result: Any = field(default=None, repr=False)  # taxqa.tax.result.TaxResult | None
    articles_error: str | None = None  # why retrieval failed (the case still has its reading)
    notes: tuple[str, ...] = ()  # assumptions and ambiguities the reading took (for the check)
    understood: str = ""

    @property
    def kind(self) -> str | None:
        return self.reading.get("kind")

    @property
    def needs_check(self) -> str | None:
        """ "확인이 필요합니다: ..." when the question lacks a fact or holds one not placed, else None."""
        return needs_check(self.reading)

    @property
    def calculation(self) -> dict[str, Any] | None:
        """The reading when the question is computable (what the model reads), else None."""
        return self.reading if self.reading.get("kind") and self.reading.get("result") else None

    def grounding(self) -> dict[str, Any]:
        """The QA-record grounding: {"articles": [...], "calculation": reading or None}."""
        return {"articles": [dict(a) for a in self.articles], "calculation": self.calculation}

    def check(self, answer: str):
        """The one figure check (taxqa.tax.checking.check_figures) of ``answer`` against this case;
        None when the question asks for no figure or is not computable."""
        from taxqa.tax.checking import check_figures
        from taxqa.tax.reading import ASKS_FIGURE

        if self.result is None or not ASKS_FIGURE.search(self.question):
            return None
        return check_figures(self.question, self.result, answer, notes=list(self.notes), understood=self.understood)

    def figure_check(self, answer: str) -> dict[str, Any] | None:
        """``check(answer)`` as JSON (what serve and the chat panel show)."""
        verdict = self.check(answer)
        return None if verdict is None else verdict.to_dict()


def read_case(
    question: str,
    *,
    as_of: str | date | None = None,
    k: int = DEFAULT_K,
    max_chars: int = DEFAULT_MAX_CHARS,
    retrieve: bool = True,
    strict: bool = True,
) -> Case:
    """Read ``question`` (as of ``as_of``, default today) once: the reading with its calculator
    result, and ``k`` articles (the ones the calculation applied first, then retrieval's best).
    A bad ``as_of`` is a UserError. A missing or damaged corpus index raises, or with
    ``strict=False`` (the chat app) leaves the articles empty with `articles_error` saying why;
    ``retrieve=False`` skips retrieval."""
    from taxqa.grounding import articles_for
    from taxqa.tax.reading import ask, read_question

    read = read_question(question, as_of)
    reading = ask(read)
    result = read.result if reading.get("result") is not None else None
    articles, error = [], None
    if retrieve and k > 0:
        try:
            articles = articles_for(question, reading.get("result"), k=k, max_chars=max_chars, kind=read.kind)
        except Exception as exc:  # noqa: BLE001 - the reading stands without articles
            if strict:
                raise
            error = f"{type(exc).__name__}: {exc}"
    return Case(
        question=question,
        as_of=read.as_of,
        reading=reading,
        articles=articles,
        result=result,
        articles_error=error,
        notes=tuple(read.assumptions + read.ambiguous),
        understood=read.understood,
    )
