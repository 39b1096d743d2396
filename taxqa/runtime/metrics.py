"""Answer metrics for `taxqa eval`: figures, citations, chrF, ROUGE-L, refusals, confidence intervals."""

from __future__ import annotations

import re
from collections.abc import Iterable

from taxqa.amounts import iter_amounts

REFUSAL_RE = re.compile(
    r"답변(?:을|드리기|하기)?\s*(?:어렵|할 수 없)|알 수 없습니다|모르겠습니다|판단할 수 없|답할 수 없|"
    r"죄송하지만|죄송합니다|전문가(?:와|에게)\s*상담|I cannot|I can't|I'm sorry",
    re.IGNORECASE,
)


def figures(text: str) -> list[int]:
    """Every won amount a text states, by value, in order (the one amount parser)."""
    return [m.value for m in iter_amounts(text)]


def numeric_match(reference: str, answer: str) -> dict | None:
    """Whether every figure the reference states appears in the answer; None if it states none."""
    expected = figures(reference)
    if not expected:
        return None
    found = figures(answer)
    missing = [v for v in dict.fromkeys(expected) if v not in set(found)]
    return {"expected": expected, "found": found, "missing": missing, "correct": not missing}


def normalize_citation(citation: str) -> str:
    """'상속세 및 증여세법 제53조의2' and '상속세및증여세법 제 53 조의 2' compare equal."""
    return re.sub(r"\s+", "", citation)


def find_citations(text: str) -> list[str]:
    """Articles a text cites, as official citations (taxqa.corpus's finder)."""
    from taxqa.corpus import find_citations as corpus_find

    return [c if isinstance(c, str) else getattr(c, "citation", str(c)) for c in corpus_find(text)]


def citation_match(reference_citations: Iterable[str], answer: str) -> dict | None:
    """Whether the answer cites every article the reference cites; None if the reference cites none."""
    expected = list(dict.fromkeys(reference_citations))
    if not expected:
        return None
    found = find_citations(answer)
    have = {normalize_citation(c) for c in found}
    missing = [c for c in expected if normalize_citation(c) not in have]
    return {"expected": expected, "found": found, "missing": missing, "correct": not missing}


def is_refusal(answer: str) -> bool:
    return not answer.strip() or bool(REFUSAL_RE.search(answer))


def chrf(hypotheses: list[str], references: list[str]) -> tuple[float, list[float]]:
    """Corpus chrF and per-sentence chrF (sacrebleu, 0-100; character n-grams suit Korean as is)."""
    from sacrebleu.metrics import CHRF

    metric = CHRF()
    per_item = [metric.sentence_score(h, [r]).score for h, r in zip(hypotheses, references)]
    corpus = metric.corpus_score(hypotheses, [references]).score if hypotheses else 0.0
    return corpus, per_item


class CharTokenizer:
    """ROUGE on characters: rouge-score's default tokenizer keeps only [a-z0-9] and would drop
    all Korean, and Korean words carry particles (증여세는/증여세를), so characters are the unit."""

    def tokenize(self, text: str) -> list[str]:
        return [c for c in text if not c.isspace()]


def rouge_l(hypotheses: list[str], references: list[str]) -> tuple[float, list[float]]:
    """Mean and per-item ROUGE-L F1 (rouge-score, character tokens, 0-1)."""
    from rouge_score.rouge_scorer import RougeScorer

    scorer = RougeScorer(["rougeL"], tokenizer=CharTokenizer())
    per_item = [scorer.score(r, h)["rougeL"].fmeasure for h, r in zip(hypotheses, references)]
    return (sum(per_item) / len(per_item) if per_item else 0.0), per_item


def wilson_ci95(correct: int, n: int) -> list[float]:
    """95% Wilson score interval of an accuracy (scipy)."""
    if n == 0:
        return [0.0, 1.0]
    from scipy.stats import binomtest

    ci = binomtest(correct, n).proportion_ci(confidence_level=0.95, method="wilson")
    return [float(ci.low), float(ci.high)]


def mean(values: Iterable[float | None]) -> float | None:
    values = [v for v in values if v is not None]
    return sum(values) / len(values) if values else None


# -- grounding metrics: the figure asked for, figure consistency, citations, invented figures ------


def _close(value: int, expected: int, approx: bool) -> bool:
    return value == expected or (approx and abs(value - expected) <= abs(expected) // 100)


def figure_check(question: str, answer: str, asked: str | None = None) -> dict | None:
    """The calculator's judgement of ``answer`` to a question not read yet (see `figure_summary`)."""
    from taxqa.case import read_case

    return figure_summary(read_case(question, retrieve=False).check(answer), asked)


def figure_summary(verdict, asked: str | None = None) -> dict | None:
    """The eval view of the one figure check's verdict: was the figure the question asks for stated
    and right (key_figure_ok), and is no stated figure wrong (consistent)? None if not computable.
    Judged on the asked figure alone: no template constants need to appear."""
    from taxqa.tax.kinds import KINDS

    if verdict is None:
        return None
    field = getattr(verdict, "asked", None) or asked or KINDS[verdict.kind].main_figure
    expected = verdict.expected.get(field)
    ok = getattr(verdict, "key_figure_ok", None)
    stated = verdict.found.get(field)
    if stated is None and field in ("payable", "computed_tax"):
        stated = verdict.found.get("tax")  # "증여세는 …원입니다" names no field: read as the tax asked for
    if ok is None:
        ok = stated is not None and expected is not None and _close(stated["amount"], expected, stated["approx"])
    consistent = getattr(verdict, "consistent", None)
    if consistent is None:
        consistent = bool(verdict.agree)
    return {
        "kind": verdict.kind,
        "asked": field,
        "expected": expected,
        "stated": None if stated is None else stated["amount"],
        "key_figure_ok": bool(ok),
        "consistent": bool(consistent),
        "reason": verdict.reason,
    }


def citation_check(answer: str, governing: Iterable[str]) -> dict | None:
    """Whether every article ``answer`` cites exists in the corpus and one of ``governing`` is among
    them; None when the answer cites nothing and no governing article is known."""
    from taxqa.corpus import resolve_citation

    governing = list(dict.fromkeys(governing))
    cited = find_citations(answer)
    if not cited and not governing:
        return None
    unknown = [c for c in cited if resolve_citation(c) is None]
    wanted = {normalize_citation(c) for c in governing}
    has_governing = not wanted or any(normalize_citation(c) in wanted for c in cited)
    correct = bool(cited) and not unknown and has_governing
    return {"cited": cited, "unknown": unknown, "governing": governing, "correct": correct}


def invented_figures(answer: str) -> list[int]:
    """The tax figures an answer states as results (on a question without enough facts, invented)."""
    from taxqa.tax.checking import read_figures

    return [item["amount"] for item in read_figures(answer).values()]
