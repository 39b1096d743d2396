"""What a tax kind is: the one record (`TaxKind`) each calculator module declares about itself.

A kind's module (gift.py, inheritance.py, ...) defines its calculator and a `TaxKind`
naming everything other stages need: the Korean title and subject, the calculator and
its fields (the calculator's keyword arguments = the `inputs` of its result = its
`taxqa tax` flags with underscores), the argparse builder, the figure labels, the
question reader and the datagen sampler and question templates. `taxqa.tax.kinds`
lists the records; nothing else keeps a table per kind.
"""

from __future__ import annotations

import argparse
import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# Figure fields every result can give (TaxResult attributes or keys of its `extra`), with the
# Korean name used when the kind does not name the figure itself.
FIGURE_LABELS: dict[str, str] = {
    "tax_base": "과세표준",
    "computed_tax": "산출세액",
    "determined_tax": "결정세액",
    "payable": "납부할 세액",
    "deduction": "공제액",
    "income": "소득금액",
    "local_tax": "지방소득세",
    "output_tax": "매출세액",
    "input_tax": "매입세액",
}


@dataclass(frozen=True)
class TaxKind:
    """One tax kind. `fields` are the calculator's keyword arguments, the `inputs` keys of its
    result and its `taxqa tax` flags (with underscores); `figures` name the result's figures
    this kind reports, in order, with the Korean label that says what each one is."""

    name: str  # CLI subcommand and TaxResult.kind, e.g. "vat-simple"
    title: str  # heading of `taxqa tax` text output, e.g. "증여세 계산"
    subject: str  # the tax as a sentence subject, e.g. "증여세"
    label: str  # short name in the chat panel, e.g. "증여세"
    help: str  # `taxqa tax --help` line (English)
    calculator: Callable[..., Any]
    fields: tuple[str, ...]
    add_arguments: Callable[[argparse.ArgumentParser], None]
    figures: dict[str, str]  # field -> Korean label, in the order shown
    main_figure: str = "payable"  # the figure a question about this kind asks for by default
    # values(result) -> {field: won}: the figures of a result (default: tax_base, computed_tax,
    # payable and the result's extra)
    values: Callable[[Any], dict[str, int]] | None = None
    # reader(text, facts) -> None: fills a taxqa.tax.reading.Reading for a question of this kind
    reader: Callable[..., Any] | None = None
    # recognise(text) -> bool: does the question talk about this kind? Kinds are tried by `order`
    # (lower first; the more specific kind first: 간이과세 before 부가가치세, 근로소득 before 종합소득)
    recognise: Callable[[str], bool] | None = None
    order: int = 50
    # datagen: weight in the calc-mode mix, sampler(rng) -> (calculator kwargs, phrasing choices),
    # question(kwargs, say) -> the Korean question for template say["template"]
    weight: int = 0
    sampler: Callable[[random.Random], tuple[dict[str, Any], dict[str, Any]]] | None = None
    question: Callable[[dict[str, Any], dict[str, Any]], str] | None = None
    # the figure each question template asks for (by `say["template"]`)
    template_asks: tuple[str, ...] = ("payable", "payable", "payable")
    # the words people use for this tax (양도소득세, 양도세): what an answer calls the tax it states
    words: tuple[str, ...] = ()
    # stems that tag a question as about this kind (near-duplicate keys of the quality gate)
    stems: tuple[str, ...] = ()
    # the input the tax grows with (gift: amount, transfer: price): more of it never lowers the key figure
    amount: str = ""
    # the facts a question must give, each with the Korean question that asks for it
    needs: dict[str, str] = field(default_factory=dict)
    # questions that leave those facts out (datagen's `missing` variant); {n}, {age}, {donor},
    # {decedent}, {heirs}, {industry} are filled in, none of them decides the tax
    missing_questions: tuple[str, ...] = ()
    # the governing articles of the kind (citations), the most decisive first
    articles: tuple[str, ...] = ()
    # the kind whose articles serve as distractors in datagen (a tax about something else)
    distractor: str = ""
    # the Korean name of each calculator input in the understood line, and of coded values
    fact_labels: dict[str, str] = field(default_factory=dict)
    value_labels: dict[str, dict[str, str]] = field(default_factory=dict)
    counts: tuple[str, ...] = ()  # inputs that count things (not won amounts)
    # answer checking: the figures a plain "세액은 X" may mean (the first is the one reported),
    # the figures a question can ask for beside `figures` and those it cannot, and the field
    # a question's words mean for this kind ({"payable": "computed_tax"}: no credits applied)
    plain_tax: tuple[str, ...] = ("payable", "computed_tax")
    also_asked: tuple[str, ...] = ("payable", "computed_tax", "tax_base")
    never_asked: tuple[str, ...] = ()
    asked_as: dict[str, str] = field(default_factory=dict)
    # expected(result, figures) -> the figures an answer is checked against (default: all of them)
    checked: Callable[[Any, dict[str, int]], dict[str, int]] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def asked_figures(self) -> set[str]:
        """The fields a question about this kind can ask for."""
        return (set(self.figures) | set(self.also_asked)) - set(self.never_asked)

    @property
    def tax_name(self) -> str:
        """The tax's name without its parenthetical ('부가가치세(간이과세)' -> '부가가치세')."""
        return self.subject.split("(")[0]

    @property
    def main_fact(self) -> str:
        """The Korean name of the amount the kind is computed on (its first fact: 총급여, 증여재산 …)."""
        return next(iter(self.fact_labels.values()), "금액")

    def input_label(self, name: str) -> str:
        """The Korean name of input `name` as a user reads it (its fact label; the argument name if it has none)."""
        return self.fact_labels.get(name, name)

    def label_of(self, name: str) -> str:
        """The Korean name of figure `name` for this kind."""
        return self.figures.get(name) or FIGURE_LABELS.get(name, name)

    def figure_values(self, result: Any) -> dict[str, int]:
        """The figures of `result` by field name."""
        if self.values is not None:
            return self.values(result)
        found = {"tax_base": result.tax_base, "computed_tax": result.computed_tax,
                 "determined_tax": result.determined_tax, "payable": result.payable}  # fmt: skip
        return found | dict(result.extra)

    def fact(self, name: str, value: Any) -> str:
        """One input as the understood line says it ('증여재산 1억원', '배우자 있음 아님')."""
        from taxqa.amounts import format_won

        label = self.input_label(name)
        if isinstance(value, bool):
            return label if value else f"{label} 아님"
        if name in self.value_labels:
            value = self.value_labels[name].get(value, value)
        elif isinstance(value, int) and name not in self.counts:
            value = format_won(value)
        return f"{label} {value}"

    def kwargs_from(self, args: argparse.Namespace) -> dict[str, Any]:
        """Calculator keyword arguments from parsed `taxqa tax KIND` arguments."""
        return {name: getattr(args, name) for name in self.fields}


def round_won(rng: random.Random, low: int, high: int, step: int) -> int:
    """A random amount in [low, high] on a grid of `step` won (for datagen samplers)."""
    return rng.randrange(low // step, high // step + 1) * step


def realistic_won(rng: random.Random, low: int, high: int) -> int:
    """A realistic amount for datagen: log-uniform in [low, high] (more small cases than large),
    two significant figures as people write them (3,700만원, 1억 2,000만원, 15억원)."""
    value = math.exp(rng.uniform(math.log(low), math.log(high)))
    return int(round(value, -max(0, len(str(int(value))) - 2)))
