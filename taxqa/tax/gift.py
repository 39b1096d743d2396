"""증여세 (상속세 및 증여세법 제26·47·53·53의2·55·56·57·58·69조)."""

from __future__ import annotations

from datetime import date

from taxqa.amounts import format_won, parse_won
from taxqa.errors import UserError
from taxqa.tax.rates import RELATIONS, describe_bracket, parse_as_of, progressive, select
from taxqa.tax.result import Step, TaxResult

LAW = "상속세 및 증여세법"
RELATION_LABELS = {
    "spouse": "배우자",
    "lineal_ascendant": "직계존속",
    "lineal_descendant": "직계비속",
    "other_relative": "기타친족",
    "other": "타인",
}


def art(n: str) -> str:
    """'53' -> '상속세 및 증여세법 제53조'; '53-2' -> '... 제53조의2'."""
    num, _, branch = n.partition("-")
    return f"{LAW} 제{num}조" + (f"의{branch}" if branch else "")


def won(value: int | str, name: str) -> int:
    """An amount given to a calculator: an int >= 0 or Korean notation (parse_won)."""
    try:
        return parse_won(value)
    except UserError as exc:
        raise UserError(f"{name}: {exc}") from exc


def deduction_limit(relation: str, minor: bool, table: dict) -> int:
    if relation == "lineal_ascendant" and minor:
        return table["deduction"]["lineal_ascendant_minor"]
    return table["deduction"][relation]


def gift_tax(
    amount: int | str,
    relation: str,
    *,
    minor: bool = False,
    prior: int | str = 0,
    prior_tax: int | str | None = None,
    generation_skip: bool = False,
    marriage_birth: int | str = 0,
    as_of: date | str | None = None,
) -> TaxResult:
    """Gift tax on `amount` received from a donor of `relation` (the donor as seen from the donee).

    `prior` is the value of earlier gifts from the same donor within 10 years (제47조②);
    without `prior_tax` the tax on the prior gift is computed as if it were the earlier
    gift (same relation) and credited (제58조).
    """
    day = parse_as_of(as_of)
    table = select("gift", day)
    rates = select("inheritance_gift_rates", day)
    amount = won(amount, "amount")
    prior = won(prior, "prior")
    marriage_birth = won(marriage_birth, "marriage_birth")
    prior_tax_given = None if prior_tax is None else won(prior_tax, "prior_tax")
    if relation not in RELATIONS:
        raise UserError(f"relation: expected one of {', '.join(RELATIONS)}, got {relation!r}")
    if generation_skip and relation != "lineal_ascendant":
        raise UserError("generation_skip: 세대생략 할증 applies only to a gift from a lineal ascendant (조부모)")
    if marriage_birth and relation != "lineal_ascendant":
        raise UserError("marriage_birth: 혼인·출산 증여재산공제 applies only to a gift from a lineal ascendant")
    if marriage_birth and not table["marriage_birth"]:
        raise UserError(
            f"marriage_birth: 혼인·출산 증여재산공제 is not in force on {day.isoformat()} (from 2024-01-01)"
        )
    if prior_tax_given is not None and not prior:
        raise UserError("prior_tax: give --prior (the earlier gift's value) together with --prior-tax")

    label = RELATION_LABELS[relation] + (" (미성년 수증자)" if minor and relation == "lineal_ascendant" else "")
    steps = [Step("증여재산가액", amount, art("47"))]
    notes: list[str] = []
    limit = deduction_limit(relation, minor, table)
    aggregated = prior >= table["aggregation_min"]
    if prior and aggregated:
        steps.append(Step("10년 이내 동일인 증여재산 가산액", prior, art("47"), "해당 증여일 전 10년 이내 합산"))
        taxable = amount + prior
        deduction = min(limit, taxable)  # one deduction for the aggregated gifts
    else:
        taxable = amount
        used = min(limit, prior)  # the earlier gift consumed part of the 10-year deduction
        deduction = min(max(0, limit - used), amount)
        if prior:
            notes.append(f"10년 내 증여 {format_won(prior)}은 1천만원 미만이라 합산하지 않음 (제47조②)")
    steps.append(Step("증여세 과세가액", taxable, art("47")))
    steps.append(Step(f"증여재산공제 ({label})", deduction, art("53"), f"한도 {format_won(limit)} (10년 합산)"))
    mb = min(marriage_birth, table["marriage_birth"], taxable - deduction)
    if marriage_birth:
        steps.append(Step("혼인·출산 증여재산공제", mb, art("53-2"), "한도 1억원"))
    tax_base = taxable - deduction - mb
    steps.append(Step("증여세 과세표준", tax_base, art("55")))
    inputs = {
        "amount": amount,
        "relation": relation,
        "minor": minor,
        "prior": prior,
        "prior_tax": prior_tax_given,
        "generation_skip": generation_skip,
        "marriage_birth": marriage_birth,
    }
    extra = {"deduction": deduction + mb}
    if tax_base < table["minimum_base"]:
        steps.append(Step("과세최저한: 과세표준 50만원 미만은 부과하지 않음", 0, art("55")))
        return TaxResult("gift", day.isoformat(), tax_base, 0, 0, steps, [], extra, notes, inputs)

    base_tax, row = progressive(tax_base, rates["brackets"])
    steps.append(Step("증여세 산출세액 (제56조, 세율 제26조)", base_tax, art("26"), describe_bracket(row)))
    computed = base_tax
    if generation_skip:
        over = amount > table["generation_skip_minor_over"]
        pct = table["generation_skip_minor_pct"] if minor and over else table["generation_skip_pct"]
        surcharge = base_tax * pct // 100
        steps.append(Step(f"세대생략 할증과세 ({pct}%)", surcharge, art("57"), f"산출세액 × {pct}%"))
        computed += surcharge
        steps.append(Step("할증 포함 산출세액", computed, art("57")))

    credits: list[Step] = []
    if prior and aggregated:
        if prior_tax_given is None:
            prior_result = gift_tax(prior, relation, minor=minor, generation_skip=generation_skip, as_of=day)
            paid = prior_result.computed_tax
            how = "이전 증여분을 따로 계산한 산출세액"
        else:
            paid, how = prior_tax_given, "입력한 기납부 증여세액"
        prior_base = prior - min(limit, prior)
        cap = computed * prior_base // tax_base if tax_base else 0
        credit = min(paid, cap)
        credits.append(Step("기납부세액공제", credit, art("58"), f"{how} {format_won(paid)}, 한도 {format_won(cap)}"))
    filing = (computed - sum(c.amount for c in credits)) * table["filing_credit"][0] // table["filing_credit"][1]
    credits.append(Step("신고세액공제 (3%)", filing, art("69"), "기한 내 신고 가정"))
    steps.extend(credits)
    payable = computed - sum(c.amount for c in credits)
    steps.append(Step("납부할 증여세", payable, art("69")))
    notes.append("신고기한 내 신고하여 신고세액공제 3%를 적용한 것으로 가정")
    return TaxResult("gift", day.isoformat(), tax_base, computed, payable, steps, credits, extra, notes, inputs)
