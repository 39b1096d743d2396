"""증여세 (상속세 및 증여세법 제26·47·53·53의2·55·56·57·58·69조)."""

from __future__ import annotations

import argparse
from datetime import date

from taxqa.amounts import format_won, parse_won
from taxqa.errors import UserError
from taxqa.tax.family import mentions
from taxqa.tax.gift_reading import read, recognise
from taxqa.tax.gift_relations import RELATION_OF
from taxqa.tax.kind import TaxKind
from taxqa.tax.rates import (
    EOK,
    MAN,
    RELATION_LABELS,
    RELATIONS,
    describe_bracket,
    parse_as_of,
    percent,
    progressive,
    select,
)
from taxqa.tax.result import Step, TaxResult
from taxqa.tax.words import from_particle

LAW = "상속세 및 증여세법"


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
        years = table["aggregation_window_years"]
        steps.append(
            Step(f"{years}년 이내 동일인 증여재산 가산액", prior, art("47"), f"해당 증여일 전 {years}년 이내 합산")
        )
        taxable = amount + prior
        deduction = min(limit, taxable)  # one deduction for the aggregated gifts
    else:
        taxable = amount
        used = min(limit, prior)  # the earlier gift consumed part of the 10-year deduction
        deduction = min(max(0, limit - used), amount)
        if prior:
            notes.append(
                f"{table['aggregation_window_years']}년 내 증여 {format_won(prior)}은 "
                f"{format_won(table['aggregation_min'])} 미만이라 합산하지 않음 (제47조②)"
            )
    steps.append(Step("증여세 과세가액", taxable, art("47")))
    how = f"한도 {format_won(limit)} ({table['aggregation_window_years']}년 합산)"
    steps.append(Step(f"증여재산공제 ({label})", deduction, art("53"), how))
    mb = min(marriage_birth, table["marriage_birth"], taxable - deduction)
    if marriage_birth:
        steps.append(Step("혼인·출산 증여재산공제", mb, art("53-2"), f"한도 {format_won(table['marriage_birth'])}"))
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
        steps.append(
            Step(f"과세최저한: 과세표준 {format_won(table['minimum_base'])} 미만은 부과하지 않음", 0, art("55"))
        )
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
    num, den = table["filing_credit"]
    filing = (computed - sum(c.amount for c in credits)) * num // den
    credits.append(Step(f"신고세액공제 ({percent(num, den)})", filing, art("69"), "기한 내 신고 가정"))
    steps.extend(credits)
    payable = computed - sum(c.amount for c in credits)
    steps.append(Step("납부할 증여세", payable, art("69")))
    notes.append(f"신고기한 내 신고하여 신고세액공제 {percent(num, den)}를 적용한 것으로 가정")
    return TaxResult("gift", day.isoformat(), tax_base, computed, payable, steps, credits, extra, notes, inputs)


# --- the kind record: CLI arguments, question reader, datagen sampler and templates -----------


def add_arguments(p) -> None:
    p.add_argument("--amount", required=True, help="증여재산가액 of this gift")
    p.add_argument("--relation", required=True, type=relation_arg, choices=RELATIONS, metavar="RELATION",
                   help=f"the donor, as seen from the donee: {', '.join(RELATIONS)} "
                        f"(or {', '.join(RELATION_LABELS.values())})")  # fmt: skip
    p.add_argument("--minor", action="store_true", help="the donee is a minor (under 19)")
    p.add_argument("--prior", default="0", help="gifts from the same donor within the last 10 years")
    p.add_argument("--prior-tax", default=None, help="gift tax computed on --prior (default: computed here)")
    p.add_argument("--generation-skip", action="store_true", help="donor is a grandparent (세대생략 할증)")
    p.add_argument("--marriage-birth", default="0", help="혼인·출산 증여재산공제 claimed (up to 1억)")


def relation_arg(value: str) -> str:
    """--relation: an English id or its Korean name (직계존속, 배우자, ...)."""
    by_korean = {v: k for k, v in RELATION_LABELS.items()} | {"기타 친족": "other_relative", "그 외": "other"}
    value = value.strip()
    if value in RELATIONS:
        return value
    if value in by_korean:
        return by_korean[value]

    words = mentions(value)  # the relation words the question reader knows: 엄마, 아들, 시어머니, 삼촌 ...
    if len(words) == 1 and words[0].words == value:
        return RELATION_OF[words[0].category][0]  # the donor as seen from the donee
    choices = ", ".join(f"{k} ({v})" for k, v in RELATION_LABELS.items())
    raise argparse.ArgumentTypeError(
        f"expected one of {choices} or a family word (엄마, 아들, 삼촌 ...), got {value!r}"
    )


GIFT_AMOUNTS = [3_000 * MAN, 5_000 * MAN, 8_000 * MAN, 1 * EOK, 15_000 * MAN, 2 * EOK, 3 * EOK, 5 * EOK,
                7 * EOK, 10 * EOK, 15 * EOK, 20 * EOK, 30 * EOK, 50 * EOK]  # fmt: skip
DONORS = {
    "lineal_ascendant": ["부모님", "아버지", "어머니"],
    "grandparent": ["할아버지", "할머니"],
    "spouse": ["배우자", "남편", "아내"],
    "lineal_descendant": ["아들", "딸", "자녀"],
    "other_relative": ["삼촌", "이모", "고모"],
    "other": ["친구", "지인"],
}


def sample_amount(rng) -> int:
    """Mostly round sums people give (1억, 20억), sometimes two significant figures (3억 5,000만원)."""
    amount = rng.choice(GIFT_AMOUNTS)
    if rng.random() < 0.5:
        amount = round(amount * rng.uniform(0.6, 1.6), -len(str(amount)) + 2)
    return int(amount)


def sample(rng) -> tuple[dict, dict]:
    relation = rng.choices(list(DONORS), weights=[40, 10, 15, 10, 10, 15])[0]
    args = {"amount": sample_amount(rng), "relation": relation}
    if relation == "grandparent":
        args.update(relation="lineal_ascendant", generation_skip=True)
    elif relation == "lineal_ascendant":
        feature = rng.choices(["none", "minor", "prior", "marriage"], weights=[40, 20, 20, 20])[0]
        if feature == "minor":
            args["minor"] = True
        elif feature == "prior":
            args["prior"] = rng.choice([3_000 * MAN, 5_000 * MAN, 1 * EOK, 2 * EOK])
        elif feature == "marriage":
            args["marriage_birth"] = 1 * EOK
    return args, {"donor": rng.choice(DONORS[relation])}


def question(a: dict, say: dict) -> str:
    donor = say["donor"]
    intro = "미성년자인 제가 " if a.get("minor") else ""
    extra = ""
    if a.get("prior"):
        extra = f" 10년 안에 같은 {from_particle(donor)} {format_won(a['prior'])}을 이미 증여받은 적이 있습니다."
    if a.get("marriage_birth"):
        extra = " 혼인신고일 전후 2년 안에 받은 돈이라 혼인 증여재산공제를 받으려고 합니다."
    if a.get("generation_skip"):
        extra = " 부모님은 살아 계십니다."
    amount = format_won(a["amount"])
    return [
        f"{intro}{donor}에게서 {amount}을 증여받았습니다.{extra} 납부할 증여세는 얼마인가요?",
        f"{intro}{from_particle(donor)} 현금 {amount}을 증여받으면 증여세가 얼마나 나오나요?{extra}",
        f"{intro}{from_particle(donor)} {amount}을 증여받을 때 증여세 과세표준과 납부할 세액을 계산해 주세요.{extra}",
    ][say["template"]]


KIND = TaxKind(
    name="gift",
    title="증여세 계산",
    subject="증여세",
    label="증여세",
    help="증여세 (gift tax); amounts accept Korean notation such as 20억, 5천만원",
    calculator=gift_tax,
    fields=("amount", "relation", "minor", "prior", "prior_tax", "generation_skip", "marriage_birth"),
    add_arguments=add_arguments,
    figures={"tax_base": "과세표준", "computed_tax": "산출세액", "payable": "납부할 세액"},
    reader=read,
    recognise=recognise,
    order=90,  # "받다" + a relation is broad: try every other kind first
    weight=40,
    sampler=sample,
    question=question,
    template_asks=("payable", "payable", "tax_base"),
    words=("증여세",),
    stems=("증여",),
    amount="amount",
    needs={"증여받는 재산의 금액": "증여받으시는 재산(현금·부동산 등)은 얼마인가요?"},
    missing_questions=(
        "{donor}에게서 돈을 증여받기로 했습니다. 저는 {age}세입니다. 증여세는 얼마를 내야 하나요?",
        "{age}세인데 {donor}에게 현금을 받으면 증여세가 얼마나 나오나요?",
        "{donor}께서 집 살 때 보태 주신다고 합니다. 저는 {age}세인데 증여세가 얼마인가요?",
    ),
    articles=("상속세 및 증여세법 제53조", "상속세 및 증여세법 제26조"),
    distractor="vat",
    fact_labels={
        "amount": "증여재산",
        "relation": "관계",
        "prior": "10년 내 사전증여",
        "prior_tax": "사전증여 납부세액",
        "minor": "미성년자",
        "generation_skip": "세대생략",
        "marriage_birth": "혼인·출산 공제",
    },  # fmt: skip
    value_labels={"relation": RELATION_LABELS},
)
