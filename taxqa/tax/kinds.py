"""The tax-kind registry: one `TaxKind` record per kind, declared by the kind's own module.

Adding a kind = a new module under taxqa/tax/ that defines its calculator and a `TaxKind`
(see taxqa/tax/kind.py), plus one line below. The CLI (`taxqa tax KIND`), dispatch
(`taxqa.tax.compute`), question reading, answer checking, answer rendering, the chat panel
and datagen's calc mode all look kinds up here.
"""

from __future__ import annotations

from taxqa.tax.corporate import KIND as CORPORATE
from taxqa.tax.gift import KIND as GIFT
from taxqa.tax.income import INCOME, WAGE
from taxqa.tax.inheritance import KIND as INHERITANCE
from taxqa.tax.kind import FIGURE_LABELS, TaxKind
from taxqa.tax.penalty import KIND as PENALTY
from taxqa.tax.retirement import KIND as RETIREMENT
from taxqa.tax.salary import KIND as SALARY
from taxqa.tax.transfer import KIND as TRANSFER
from taxqa.tax.vat import VAT, VAT_SIMPLE

__all__ = ["FIGURE_LABELS", "KINDS", "TaxKind", "fact_named", "get", "tax_words", "words_pattern"]

KINDS: dict[str, TaxKind] = {
    kind.name: kind
    for kind in (
        GIFT,
        INHERITANCE,
        INCOME,
        WAGE,
        VAT,
        VAT_SIMPLE,
        SALARY,
        TRANSFER,
        CORPORATE,
        PENALTY,
        RETIREMENT,
    )
}


def get(name: str) -> TaxKind:
    """The record of kind `name` (UserError naming the kinds when unknown)."""
    from taxqa.errors import UserError

    if name not in KINDS:
        raise UserError(f"kind: expected one of {', '.join(KINDS)}, got {name!r}")
    return KINDS[name]


def tax_words() -> list[str]:
    """Every word people use for a tax of some kind (증여세, 양도세, 법인세 ...), longest first."""
    words = {w for kind in KINDS.values() for w in kind.words}
    return sorted(words, key=lambda w: (-len(w), w))


def words_pattern(extra: tuple[str, ...] = ()) -> str:
    """A regex alternation of `extra` and every tax word (longest first, so 종합소득세 before 소득세)."""
    import re

    return "|".join(re.escape(w) for w in sorted({*extra, *tax_words()}, key=lambda w: (-len(w), w)))


def fact_named(kind: str, field: str | None) -> str:
    """The fact an amount of a `kind` question stands for, in words a flag names ("총급여", "상속세 과세가액(상속재산에서
    빚·장례비를 뺀 금액)"): the input `field` it was placed in, else the kind's main fact."""
    if field:
        return KINDS[kind].input_label(field)
    from taxqa.tax.reading import PLAIN_FACT  # the reader imports the kinds

    return f"{KINDS[kind].main_fact}{PLAIN_FACT.get(kind, '')}"
