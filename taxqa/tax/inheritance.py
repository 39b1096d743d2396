"""상속세 (상속세 및 증여세법 제13·18~22·24·25·26·69조)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from taxqa.amounts import format_won
from taxqa.errors import UserError
from taxqa.tax.birth_ages import born_ages, twins_twice
from taxqa.tax.estate_parts import classify, nets_deposits_only, owed_to_bank, restated, spouse_item
from taxqa.tax.family import CHILD, DEATH
from taxqa.tax.gift import art, won
from taxqa.tax.gift_amounts import priced_shares
from taxqa.tax.heirs import heirs
from taxqa.tax.kind import TaxKind, realistic_won, round_won
from taxqa.tax.letter_names import short_kin
from taxqa.tax.rates import EOK, MAN, describe_bracket, parse_as_of, percent, progressive, select
from taxqa.tax.result import Step, TaxResult


def financial_deduction(net_financial: int, table: dict) -> int:
    """제22조: up to 2천만 in full; above, the larger of 20% and 2천만; never over 2억."""
    if net_financial <= table["financial_full_upto"]:
        return net_financial
    num, den = table["financial_rate"]
    return min(max(net_financial * num // den, table["financial_floor"]), table["financial_cap"])


def spouse_legal_share(estate: int, co_heirs: int, table: dict) -> int:
    """민법 제1009조 share of the spouse: 1.5 against 1 per child, or per parent of the deceased when
    there are no children (the whole estate when the spouse is the sole heir)."""
    spouse_w, child_w = table["spouse_share_weight"]
    return estate * spouse_w // (spouse_w + child_w * co_heirs)


def inheritance_tax(
    estate: int | str,
    *,
    spouse: bool = False,
    spouse_inherits: int | str | None = None,
    children: int = 0,
    parents: int = 0,
    minor_children_years: Sequence[int] = (),
    financial: int | str = 0,
    as_of: date | str | None = None,
) -> TaxResult:
    """Inheritance tax on `estate` (상속세 과세가액, debts already deducted) of a resident decedent.

    `parents` counts the deceased's lineal ascendants who inherit (민법 제1000조: only when there
    are no children); with a spouse they make the spouse a co-heir (일괄공제, 1.5 : 1 shares).
    Without `spouse_inherits`, a spouse who inherits alone takes the whole estate (제19조 uses it).
    `minor_children_years` lists, for each minor child, the years until age 19
    (a part year counts as a year, 제20조③); `financial` is the net financial assets
    (금융재산 - 금융채무) included in the estate.
    """
    day = parse_as_of(as_of)
    table = select("inheritance", day)
    rates = select("inheritance_gift_rates", day)
    estate = won(estate, "estate")
    financial = won(financial, "financial")
    spouse_actual = None if spouse_inherits is None else won(spouse_inherits, "spouse_inherits")
    spouse = spouse or spouse_actual is not None
    if isinstance(children, bool) or not isinstance(children, int) or children < 0:
        raise UserError(f"children: expected a whole number >= 0, got {children!r}")
    if isinstance(parents, bool) or not isinstance(parents, int) or parents < 0:
        raise UserError(f"parents: expected a whole number >= 0, got {parents!r}")
    if parents and children:
        raise UserError("parents: the deceased's parents inherit only when there are no children (민법 제1000조)")
    years = list(minor_children_years)
    for y in years:
        if isinstance(y, bool) or not isinstance(y, int) or not 1 <= y <= table["minor_age"]:
            raise UserError(f"minor_children_years: each must be 1..{table['minor_age']} (years to age 19), got {y!r}")
    if len(years) > children:
        raise UserError(f"minor_children_years: {len(years)} minors but only {children} children (--children)")
    if financial > estate:
        raise UserError(f"financial: {format_won(financial)} exceeds the estate {format_won(estate)}")
    if spouse_actual is not None and spouse_actual > estate:
        raise UserError(f"spouse_inherits: {format_won(spouse_actual)} exceeds the estate {format_won(estate)}")

    notes: list[str] = ["상속재산가액은 채무·공과금·장례비를 뺀 상속세 과세가액으로 가정 (사전증여재산 없음)"]
    steps = [Step("상속세 과세가액", estate, art("13"))]
    basic = table["basic"]
    steps.append(Step("기초공제", basic, art("18")))
    personal = 0
    if children:
        child = children * table["per_child"]
        steps.append(Step(f"자녀공제 ({children}명 × {format_won(table['per_child'])})", child, art("20")))
        personal += child
    if years:
        minor = sum(years) * table["minor_per_year"]
        how = f"{table['minor_age']}세까지 {sum(years)}년 × {format_won(table['minor_per_year'])}"
        steps.append(Step(f"미성년자공제 ({how})", minor, art("20")))
        personal += minor
    spouse_alone = spouse and children == 0 and parents == 0
    if spouse_alone:
        people = basic + personal
        steps.append(Step("배우자 단독상속: 일괄공제 없이 기초공제 + 인적공제", people, art("21")))
        notes.append("자녀·직계존속이 없어 배우자가 단독으로 상속하는 것으로 가정")
    elif basic + personal < table["lump_sum"]:
        people = table["lump_sum"]
        how = f"기초·인적공제 {format_won(basic + personal)} < {format_won(table['lump_sum'])}"
        steps.append(Step(f"일괄공제 ({how})", people, art("21")))
    else:
        people = basic + personal
        steps.append(Step(f"기초공제 + 인적공제 (일괄공제 {format_won(table['lump_sum'])}보다 큼)", people, art("21")))
    deductions = people

    if spouse:
        share = spouse_legal_share(estate, children or parents, table)
        actual = spouse_actual or 0
        if spouse_actual is None and spouse_alone:
            actual = estate  # the sole heir inherits everything
            notes.append("배우자가 단독으로 상속하여 상속재산 전부를 배우자 실제 상속액으로 봄 (제19조)")
        ceiling = min(share, table["spouse_max"])
        spouse_ded = max(table["spouse_min"], min(actual, ceiling))
        how = (
            f"실제 상속 {format_won(actual)}, 법정상속분 {format_won(share)}, "
            f"최소 {format_won(table['spouse_min'])}·최대 {format_won(table['spouse_max'])}"
        )
        steps.append(Step("배우자상속공제", spouse_ded, art("19"), how))
        deductions += spouse_ded
        if spouse_actual is None and not spouse_alone:
            notes.append(
                f"배우자 실제 상속액이 주어지지 않아 최소 배우자상속공제 {format_won(table['spouse_min'])} 적용"
            )
    if financial:
        fin = financial_deduction(financial, table)
        steps.append(Step("금융재산상속공제", fin, art("22"), f"순금융재산 {format_won(financial)}"))
        deductions += fin
    steps.append(Step("상속공제 합계", deductions, art("24")))
    if deductions > estate:
        deductions = estate
        steps.append(Step("공제 적용 한도 (상속세 과세가액)", deductions, art("24")))
    tax_base = estate - deductions
    steps.append(Step("상속세 과세표준", tax_base, art("25")))
    inputs = {
        "estate": estate,
        "spouse": spouse,
        "spouse_inherits": spouse_actual,
        "children": children,
        "parents": parents,
        "minor_children_years": years,
        "financial": financial,
    }
    extra = {"deduction": deductions}
    if tax_base < table["minimum_base"]:
        steps.append(
            Step(f"과세최저한: 과세표준 {format_won(table['minimum_base'])} 미만은 부과하지 않음", 0, art("25"))
        )
        return TaxResult("inheritance", day.isoformat(), tax_base, 0, 0, steps, [], extra, notes, inputs)
    computed, row = progressive(tax_base, rates["brackets"])
    steps.append(Step("상속세 산출세액", computed, art("26"), describe_bracket(row)))
    num, den = table["filing_credit"]
    credits = [Step(f"신고세액공제 ({percent(num, den)})", computed * num // den, art("69"), "기한 내 신고 가정")]
    steps.extend(credits)
    payable = computed - credits[0].amount
    steps.append(Step("납부할 상속세", payable, art("69")))
    notes.append(f"신고기한 내 신고하여 신고세액공제 {percent(num, den)}를 적용한 것으로 가정")
    return TaxResult("inheritance", day.isoformat(), tax_base, computed, payable, steps, credits, extra, notes, inputs)


# --- the kind record: CLI arguments, question reader, datagen sampler and templates -----------


def add_arguments(p) -> None:
    p.add_argument("--estate", required=True, help="상속세 과세가액 (estate after debts and funeral costs)")
    p.add_argument("--spouse", action="store_true", help="a surviving spouse inherits")
    p.add_argument("--spouse-inherits", default=None, help="amount the spouse actually inherits")
    p.add_argument("--children", type=int, default=0, help="number of children")
    p.add_argument("--parents", type=int, default=0,
                   help="the deceased's parents who inherit (only without children; makes a spouse a co-heir)")  # fmt: skip
    p.add_argument("--minor-children-years", type=int, nargs="+", default=[], metavar="N",
                   help="for each minor child, years until age 19")  # fmt: skip
    p.add_argument("--financial", default="0", help="net financial assets (금융재산 - 금융채무)")


def recognise(text: str) -> bool:
    """상속, or a death beside the estate ("아버님이 돌아가셨는데요 ... 재산은 20억") with no gift in it."""
    return "상속" in text or bool(re.search(DEATH, text) and re.search(r"재산|유산", text) and "증여" not in text)


# "배우자 실제 상속액은 법정상속분", "법에서 정한 상속분대로 제가 제 몫을": the share the Civil Act sets
LEGAL_SHARE = (
    r"법정\s*상속\s*분|법(?:에서|으로|이)?\s*정(?:한|해진)\s*(?:상속\s*분|비율|몫)|법대로\s*(?:나누|나눠|상속)"
)


def read(text: str, reading) -> None:
    """Fill `reading` (taxqa.tax.reading.Reading) from an inheritance question."""
    text = short_kin(text)  # "상속인 모+자녀2 / 모 실제상속 9억": the telegraph's 모 is the mother
    h = heirs(text)
    gone = [m for m in reading.mentions if m.type == "person" and not m.value["alive"] and m.text == h.spouse_words]
    if h.spouse and gone and h.decedent not in ("", "spouse"):  # "아버지는 10년 전에 먼저 돌아가셨고"
        h.spouse, h.spouse_words = False, ""
        h.notes.append(f"{gone[0].text}도 먼저 돌아가셔서 피상속인의 배우자 없음")
    parts: dict[str, list] = {}
    asker = h.decedent == "spouse"  # "남편 사망 ... 제가 실제로 상속받는 금액 25억": the asker's share
    notes: list[str] = []
    amounts = priced_shares(text, notes)  # "평당 3천에 … 34평": the flat's value, price × area
    for note in notes:
        reading.assume(note.replace("증여재산가액", "그 재산의 가액"))
    again = restated(text, amounts)  # "… 예금 4억은 자식 둘이 나누기로": the deposit said before, not another
    for a in amounts:
        if a not in again:
            parts.setdefault(classify(text, a, h.spouse_words if not asker else "", asker), []).append(a)
    taken = None if parts.get("spouse") or not h.spouse else spouse_item(text, amounts, h.spouse_words, asker)
    if parts.get("sale") and not any(parts.get(k) for k in ("estate", "item", "financial")):
        parts["item"] = parts.pop("sale")  # a price said only as the one to sell at: the estate's value, asked
        for a in parts["item"]:
            reading.unclear(f"'{a.text}'은 팔 때의 값이라 상속개시일 시가와 다를 수 있음: 상속재산가액 확인 필요")
    for a in parts.pop("past", []):
        reading.assume(f"'{a.text}'은 사망 전 한때의 재산이라 상속재산가액에 넣지 않음 (이후 줄어든 재산으로 계산)")
    for a in parts.pop("sale", []):
        reading.assume(f"'{a.text}'은 나중에 팔 때의 값이라 상속재산가액(상속개시일 시가)에 넣지 않음")
    totals, items, financial = parts.get("estate", []), parts.get("item", []), parts.get("financial", [])
    if totals:
        whole = max(totals, key=lambda a: a.value)
        estate, words = whole.value, whole.text
    elif items or financial:
        estate, words = sum(a.value for a in items + financial), " + ".join(a.text for a in items + financial)
    elif parts.get("spouse"):  # "아내가 10억원을 상속받으면": the spouse takes the estate
        estate, words = parts["spouse"][0].value, parts["spouse"][0].text
        parts.pop("spouse")
    else:
        reading.lack("상속재산가액 (상속세 과세가액)")
        return
    # "과세가액 28억(채무 이미 뺀 숫자) … 예금 3억2천에서 금융채무 2천 뺀 순액 3억": that debt nets the deposits only
    debts = sum(a.value for a in parts.get("debt", []) if not nets_deposits_only(text, a))
    funeral = sum(a.value for a in parts.get("funeral", []))
    table = select("inheritance", parse_as_of(reading.as_of))
    if (debts or funeral) and totals and sum(a.value for a in items + financial) - debts - funeral == estate:
        # "합계(빚·장례비 뺀 것)" under the rows: the total is said already net of the debts listed above it
        listed = " + ".join(a.text for a in items + financial)
        off = ", ".join(a.text for a in parts.get("debt", []) + parts.get("funeral", []))
        reading.assume(f"합계 {words}은 재산({listed})에서 채무·장례비({off})를 뺀 금액이라 그대로 과세가액으로 봄")
        debts = funeral = 0
    if funeral:
        funeral = min(max(funeral, table["funeral_min"]), table["funeral_max"])
        reading.assume(
            f"장례비용은 {format_won(table['funeral_min'])}~{format_won(table['funeral_max'])} 범위로 공제 (제14조, 봉안시설 비용 제외)"
        )
    if debts or funeral:
        reading.fact(
            "debts",
            debts + funeral,
            ", ".join(a.text for a in parts.get("debt", []) + parts.get("funeral", [])),
            input=False,
        )
        if debts + funeral >= estate:  # "재산은 빚 다 정리하고 14억" read as a debt: no estate left is seldom asked
            reading.unclear(
                f"채무·장례비({format_won(debts + funeral)})가 상속재산({format_won(estate)}) 이상이라 과세가액 0원으로 "
                "계산함: 재산과 채무 금액을 확인해 주세요"
            )
        estate = max(0, estate - debts - funeral)
        reading.say(f"채무·장례비 {format_won(debts + funeral)} 차감")
    else:
        reading.assume("상속재산은 채무·공과금·장례비를 뺀 상속세 과세가액이며 사전증여재산은 없다고 가정")
    reading.fact("estate", estate, words)
    if h.decedent:
        reading.fact("deceased", h.decedent, h.decedent_words, input=False)
    children = h.children
    if children is None:
        has_kids = re.search(rf"(?:{CHILD}|아이|애들)", text)
        said_ages = [
            m for m in reading.mentions if m.type == "age" and has_kids and 0 <= m.start - has_kids.end() <= 30
        ]
        children = len(said_ages) if len(said_ages) > 1 else 1 if has_kids else 0  # "아이들은 여섯 살, 네 살, 두 살"
        if len(said_ages) > 1:
            reading.assume(f"자녀 {children}명: {', '.join(m.text for m in said_ages)}")
        elif has_kids:
            reading.unclear("자녀 수가 없어 자녀 1명으로 가정")
        elif not h.spouse:
            reading.unclear("상속인이 언급되지 않아 자녀·배우자 없이 일괄공제로 계산")
        else:
            reading.unclear("자녀가 언급되지 않아 자녀 없음으로 가정")
    if h.spouse:
        reading.fact("spouse", True, h.spouse_words)
    reading.fact("children", children, h.children_words)
    if h.parents and h.spouse and not children:
        reading.fact("parents", h.parents, h.parents_words)
    for note in h.notes:
        reading.assume(note)
    for line in h.ambiguous:
        reading.unclear(line)
    if taken is not None and taken.value < estate:  # "아파트는 제(아내) 앞으로 하고": that part is the spouse's
        reading.fact("spouse_inherits", taken.value, taken.text)
        reading.assume(f"배우자가 받기로 한 재산 {taken.text}을 배우자 실제 상속액으로 봄 (제19조)")
    elif parts.get("spouse"):
        share = parts["spouse"][0]
        if share.value <= estate:
            reading.fact("spouse_inherits", share.value, share.text)
            if not h.spouse:
                reading.fact("spouse", True, h.spouse_words or "배우자")
    elif h.spouse and (children or h.parents) and re.search(LEGAL_SHARE, text):
        share = spouse_legal_share(estate, children or h.parents, table)  # "배우자 실제 상속액은 법정상속분"
        reading.fact("spouse_inherits", share, "법정상속분")
        reading.assume(f"배우자가 법정상속분 {format_won(share)}을 실제로 상속받는 것으로 계산 (민법 제1009조)")
    elif h.spouse and (children or h.parents):
        reading.assume(f"배우자 실제 상속액이 없어 배우자상속공제 최소 {format_won(table['spouse_min'])} 적용")
    ages, unsure = born_ages(text, parse_as_of(reading.as_of), table["minor_age"])  # "2010년 9월생": 만 나이
    ages = ages or [(int(m.group(1)), m.group(0)) for m in re.finditer(r"(?:만\s*)?(\d{1,2})\s*(?:세|살)", text)]
    ages = [
        a for a in ages or [(m.value, m.text) for m in reading.mentions if m.type == "age"] if a[0] < table["minor_age"]
    ]
    ages = twins_twice(text, ages, children)  # "만 여섯 살 쌍둥이", "둘 다 10살": one age said for two children
    for note in unsure if ages and children else []:
        reading.unclear(note)
    if ages and children:
        years = [table["minor_age"] - a for a, _ in ages[:children]]
        reading.fact("minor_children_years", years, ", ".join(w for _, w in ages[:children]))
    elif re.search(r"미성년", text) and children:
        reading.unclear("미성년 자녀의 나이가 없어 미성년자공제를 반영하지 않음")
    if financial:
        owed = [a for a in parts.get("debt", []) if owed_to_bank(text, a)]  # 금융채무, taken off (제22조①)
        net = max(0, sum(a.value for a in financial) - sum(a.value for a in owed))
        words = " + ".join(a.text for a in financial) + "".join(f" - {a.text}" for a in owed)
        reading.fact("financial", min(net, estate), words)
        if owed:
            reading.assume(f"순금융재산은 금융재산에서 금융회사 채무({', '.join(a.text for a in owed)})를 뺀 금액")
    people = (["피상속인의 배우자"] if reading.inputs.get("spouse") else []) + (
        [f"자녀 {children}명"] if children else []) + ([f"직계존속 {h.parents}명"] if reading.inputs.get("parents") else [])  # fmt: skip
    reading.say(" + ".join(people) or "상속인 중 자녀·배우자 없음")
    reading.say(f"상속재산 {format_won(estate)}")
    if "financial" in reading.inputs:
        reading.say(f"순금융재산 {format_won(reading.inputs['financial'])}")
    reading.assume("동거가족·65세 이상·장애인 공제와 가업·영농·동거주택 상속공제는 없다고 가정")
    reading.assume("거주자로 가정")


def sample(rng) -> tuple[dict, dict]:
    children = rng.choice([1, 2, 2, 3])
    args = {"estate": realistic_won(rng, 5 * EOK, 60 * EOK), "spouse": rng.random() < 0.7, "children": children}
    if rng.random() < 0.2:
        args["minor_children_years"] = [rng.randint(1, 15)]
    if rng.random() < 0.3:
        args["financial"] = round_won(rng, 5_000 * MAN, 3 * EOK, 1_000 * MAN)
    return args, {"decedent": rng.choice(["아버지", "어머니"])}


def question(a: dict, say: dict) -> str:
    heirs_text = f"배우자와 자녀 {a['children']}명" if a["spouse"] else f"자녀 {a['children']}명"
    extra = ""
    if a.get("minor_children_years"):
        extra += f" 자녀 중 1명은 만 {19 - a['minor_children_years'][0]}세 미성년자입니다."
    if a.get("financial"):
        extra += f" 상속재산 중 순금융재산은 {format_won(a['financial'])}입니다."
    estate = format_won(a["estate"])
    return [
        f"{say['decedent']}께서 돌아가시며 상속세 과세가액 {estate}을 남기셨습니다. 상속인은 {heirs_text}입니다.{extra} 상속세는 얼마인가요?",
        f"상속세 과세가액이 {estate}이고 상속인이 {heirs_text}일 때 납부할 상속세를 계산해 주세요.{extra}",
        f"{say['decedent']}의 상속재산(과세가액)이 {estate}입니다. 상속인은 {heirs_text}입니다.{extra} 상속세 과세표준과 세액은?",
    ][say["template"]]


KIND = TaxKind(
    name="inheritance",
    title="상속세 계산",
    subject="상속세",
    label="상속세",
    help="상속세 (inheritance tax) on the net estate",
    calculator=inheritance_tax,
    fields=("estate", "spouse", "spouse_inherits", "children", "parents", "minor_children_years", "financial"),
    add_arguments=add_arguments,
    figures={"tax_base": "과세표준", "computed_tax": "산출세액", "payable": "납부할 세액"},
    reader=read,
    recognise=recognise,
    weight=15,
    sampler=sample,
    question=question,
    template_asks=("payable", "payable", "tax_base"),
    words=("상속세",),
    stems=("상속",),
    amount="estate",
    needs={
        "상속세 과세가액(상속재산에서 채무·장례비 등을 뺀 금액)": "상속재산에서 채무·장례비 등을 뺀 금액은 얼마인가요?"
    },
    missing_questions=(
        "{decedent}께서 {age}세로 돌아가셨습니다. 상속인은 {heirs}입니다. 상속세는 얼마인가요?",
        "상속인이 {heirs}일 때 상속세를 얼마나 내야 하나요? {decedent}께서 {age}세에 돌아가셨습니다.",
        "{decedent} 명의 집과 예금을 {heirs}이 상속받습니다. 상속세는 얼마쯤 나올까요?",
    ),
    articles=("상속세 및 증여세법 제18조", "상속세 및 증여세법 제19조", "상속세 및 증여세법 제21조"),
    distractor="income",
    fact_labels={
        "estate": "상속세 과세가액",
        "spouse": "배우자 있음",
        "children": "자녀 수",
        "financial": "순금융재산",
        "spouse_inherits": "배우자 실제 상속액",
        "minor_children_years": "미성년자 공제",
    },  # fmt: skip
    counts=("children", "parents"),
    extra={"missing_ages": (20, 85)},  # the decedent's age in datagen's missing-fact questions
)
