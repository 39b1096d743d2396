"""After a kind's reader has filled a `Reading`: which mention became which input (`used_as`), and what the result
cannot be trusted without — a number not placed, an amount that is a range, a foreign currency or negative, a period
amount, tax already paid and not applied, revenue where income is needed, facts that contradict each other. Those go
to `missing` (no figure) or `ambiguous` (a figure, with "확인이 필요합니다")."""

from __future__ import annotations

import re
from typing import Any

from taxqa.amounts import format_won
from taxqa.tax.coworker_figures import coworker_figure
from taxqa.tax.figure_nets import flag_tiny
from taxqa.tax.gift_relations import RELATION_OF
from taxqa.tax.mentions import Mention, clause_span
from taxqa.tax.nets import run as run_nets
from taxqa.tax.period_amounts import beside_a_sale, living_cost, paid_out_beside_pay
from taxqa.tax.spoken_sums import worked_in
from taxqa.tax.tax_terms import KIND_TAXES, NAMED_TAX, only_asked, said_done
from taxqa.tax.unread_cues import flag_unknown, flag_unread_cues, input_label
from taxqa.tax.words import josa

AMOUNT_FIELDS = {"amount", "prior", "prior_tax", "marriage_birth", "estate", "spouse_inherits", "financial", "base",
                 "salary", "pension", "insurance", "withheld", "sales", "purchases", "card_sales", "supply",
                 "no_invoice", "price", "acquired", "expenses", "prepaid", "tax", "pay"}  # fmt: skip
PAID_FIELDS = ("withheld", "prepaid")
DURATION_FIELDS = ("held_years", "resided_years", "years", "days", "months_late")
REVENUE = re.compile(r"매출|수입|수익|매상|벌었|번\s*돈|벌어|영업수익|총수입|연봉|총급여|급여|월급")
INCOME_WORDS = re.compile(r"과세표준|과표|소득금액|순이익|순소득|이익금|각\s*사업연도\s*소득")
CURRENCY_NAMES = {"USD": "달러", "EUR": "유로", "JPY": "엔", "CNY": "위안", "GBP": "파운드"}


def fact_words(reading) -> list[tuple[str, Any, str]]:
    return [(f.name, f.value, f.words) for f in reading.facts]


def mark_used(reading, found: list[Mention]) -> None:
    facts = fact_words(reading)
    for m in found:
        if m.type == "amount" and m.flags.get("corrected"):
            continue  # said, then corrected by the question itself
        if m.type == "amount":
            for name, _value, words in facts:
                if m.clean and m.clean in words or m.text and m.text in words:
                    m.used_as = name
                    break
            else:
                m.used_as = next((n for n, v in reading.inputs.items() if n in AMOUNT_FIELDS and v == m.value), None)
        elif m.type == "duration":
            years = m.value.get("years")
            for name, _value, words in facts:
                if name in DURATION_FIELDS and words and (m.text in words or words in m.text):
                    m.used_as = name
                    break
            else:
                m.used_as = next((n for n in DURATION_FIELDS if years is not None and reading.inputs.get(n) in
                                  (years, years + 1) and n in ("held_years", "years")), None)  # fmt: skip
        elif m.type in ("person", "date", "age", "negation"):
            for name, _value, words in facts:
                if words and (m.text in words or (m.type == "date" and words in m.text)):
                    m.used_as = name
                    break


def totalled(m: Mention, found: list[Mention]) -> bool:
    """A period amount whose total over the times said is itself said and placed."""
    times = m.flags.get("times")
    return bool(times) and any(o is not m and o.used_as and o.value == m.value * times for o in found)


def flag_amounts(reading, found: list[Mention]) -> None:
    for m in found:
        if m.type == "unreadable":
            reading.lack(f"금액을 읽을 수 없음: '{m.text}' (단위보다 큰 숫자가 섞여 있어 합치지 않음; 예: 1억 5천만원)")
            continue
        if m.type != "amount" or m.flags.get("corrected"):
            continue  # "월 20 아니에요, 월 10만원": a figure taken back is no case fact to ask about
        if who := coworker_figure(reading, m):  # "박과장은 … 2억 좀 넘게 받았대요": another person's figure
            reading.assume(f"'{m.text}'은 {who}(다른 사람)의 금액이라 계산에 넣지 않음")
            continue
        f, named = m.flags, input_label(reading.kind, m.used_as)
        if f.get("currency"):
            unit = CURRENCY_NAMES.get(f["currency"], f["currency"])
            reading.lack(f"외화 금액 '{m.text} {unit}': 원화로 환산한 금액이 필요합니다 (환율·환산일 확인)")
        elif f.get("negative"):
            reading.lack(f"음수 금액 '-{m.text}': 금액은 0 이상이어야 합니다 (손실·차감이면 무엇에서 빼는지 확인)")
        elif f.get("range"):
            reading.lack(f"금액이 범위로 주어짐 ('{m.text}' {f['range']}): 정확한 {named}이 필요합니다")
        elif f.get("period") and (totalled(m, found) or worked_in(reading, m.text)):  # the total said or worked out
            continue
        elif f.get("period") and m.used_as == "amount" and any(f"'{m.text}'" in a for a in reading.assumptions):
            continue  # "두 아들한테 1억씩": each receiver's gift, read as such (증여세 is per receiver)
        elif f.get("period") and re.match(
            r"\S{0,2}\s*(?:은|는|을|를)?\s*(?:이미\s*)?(?:뺀|빼고|제외)|\s*포함[^.?!]{0,30}?총급여",
            reading.text[m.end :],
        ):  # "(비과세 식대 월 20만원은 이미 뺀 금액)": a part already taken out of the amount said; "(식대 월 20만원
            continue  # 포함 금액) … 과세되는 총급여는 6,060만원": a part of the 연봉, the 총급여 said after it
        elif f.get("period") and (left_out := paid_out_beside_pay(reading, m)):
            reading.assume(f"'{f['period']}'은 낸 비용이라 {left_out}에 넣지 않음")
        elif f.get("period") and beside_a_sale(reading, m):
            reading.assume(f"'{f['period']}'은 기간마다의 금액이라 양도소득세 계산에 넣지 않음")
        elif f.get("period") and living_cost(reading, m):
            reading.unclear(f"'{f['period']}'(생활비용)은 계산에 넣지 않음: 세금 계산에 필요한 금액이면 알려 주세요")
        elif f.get("period") and not (m.used_as in ("salary", "withheld") and reading.kind in ("wage", "salary")):
            reading.lack(f"'{f['period']}'은 기간마다의 금액입니다: 몇 번(몇 개월·몇 년)인지, 합계 금액이 필요합니다")
        elif f.get("approx") and m.used_as:
            reading.unclear(f"'{m.text}'은 어림한 금액('{f['approx']}')이라 정확한 {named}이면 세액이 달라질 수 있음")
        elif f.get("tax_paid") and reading.kind in ("vat", "vat-simple") and m.used_as is None and earlier(reading, m):
            reading.assume(f"지난 과세기간에 낸 세액 {format_won(m.value)}은 이번 과세기간 세액과 관계없어 넣지 않음")
        elif f.get("tax_paid") and m.used_as not in (*PAID_FIELDS, "pension", "insurance"):
            reading.unclear(
                f"이미 낸 세액 {format_won(m.value)}은 이 계산에 반영되지 않음: 결과 세액에서 빼야 더 낼 세액입니다"
            )
        elif f.get("implied_unit") and m.used_as:
            reading.assume(f"'{m.text}'에 단위가 없어 {format_won(m.value)}으로 봄 (만원 단위 생략)")
        elif m.used_as is None and not f.get("context") and not explained(reading, m, found):
            reading.unclear(f"금액 '{m.text}'을 어디에 넣을지 알 수 없어 계산에 넣지 않음: 무엇의 금액인지 확인 필요")


def earlier(reading, m: Mention) -> bool:
    """'작년 1기엔 부가세 700 냈는데': a VAT paid for an earlier period, not a 예정고지·예정신고 of this one."""
    left = max([x.end() for x in re.finditer(r"[?!\n]|[.,](?!\d)", reading.text[: m.start])] or [0])
    clause = reading.text[left : m.start]
    return bool(re.search(r"작년|지난\s*해|전년|재작년|지난\s*(?:기|과세기간|분기)", clause) and "예정" not in clause)


def explained(reading, m: Mention, found: list[Mention]) -> bool:
    """An amount not placed that the reading says what it did with (an assumption naming it), or
    that is the rest of an input beside another amount ("40억 중 배우자 10억, 자녀 30억")."""
    if any(m.text in a or m.clean in a or format_won(m.value) in a for a in reading.assumptions):
        return True
    amounts = {o.value for o in found if o.type == "amount" and o is not m}
    return any(isinstance(v, int) and v > m.value and v - m.value in amounts for v in reading.inputs.values())


GIFT_DENIED = r"(?:준|받은|드린)\s*(?:건|것|게|적)"


def flag_facts(reading, found: list[Mention]) -> None:
    """Negated facts read as true, revenue for income, contradictions, durations not placed."""
    inputs = reading.inputs
    negations = [m for m in found if m.type == "negation"]
    for fact in list(reading.facts):
        if fact.words and fact.name in inputs and (fact.value is True or fact.name == "marriage_birth"):
            hit = next((n for n in negations if n.value and fact.words in n.value), None)
            # "손녀한테 준 건 하나도 없어": an earlier gift denied, not the grandchild the gift goes to
            if hit is not None and fact.name == "generation_skip" and re.search(GIFT_DENIED, hit.text):
                continue
            if hit is not None:
                inputs.pop(fact.name)
                reading.facts.remove(fact)
                reading.assume(f"'{hit.text}': {fact.words}에 해당하지 않는 것으로 계산")
                reading.summary = [s for s in reading.summary if fact.words not in s]
    if reading.kind in ("income", "corporate") and "base" in inputs:
        base = next((m for m in found if m.type == "amount" and m.used_as == "base"), None)
        if base is not None:
            left = reading.text[max(0, base.start - 12) : base.start] + reading.text[base.end : base.end + 6]
            profit = re.search(r"(?:당기\s*)?순이익|영업이익|이익금|순소득", left)
            if profit and reading.kind == "corporate" and not re.search(r"과세표준|과표", reading.text):
                reading.unclear(
                    f"'{profit.group(0)}'은 세무조정 전 이익이라 과세표준과 다를 수 있음: 과세표준을 확인해 주세요"
                )
            worked = any(f.name == "base" and " - " in (f.words or "") for f in reading.facts)  # 매출 - 필요경비
            if REVENUE.search(left) and not INCOME_WORDS.search(left) and not worked:
                reading.lack(
                    "매출·수입·급여 금액은 과세표준이 아닙니다: 필요경비(손금)·근로소득공제를 뺀 소득금액과 "
                    "공제 후 과세표준이 필요합니다"
                )
    sales = inputs.get("sales", inputs.get("supply"))
    card = inputs.get("card_sales")
    if card and sales is not None and card > (sales if "supply" in inputs else sales * 11 // 10):
        reading.lack(
            f"카드매출 {format_won(card)}이 매출 {format_won(sales)}보다 커서 맞지 않음: 두 금액을 확인해 주세요"
        )
    if inputs.get("resided_years") and inputs.get("held_years") is not None:
        if inputs["resided_years"] > inputs["held_years"]:
            reading.lack("거주기간이 보유기간보다 길어 맞지 않음: 보유·거주 기간을 확인해 주세요")
    for name in ("withheld", "prepaid", "pension", "insurance"):
        whole = inputs.get("salary", inputs.get("pay", inputs.get("base")))
        if inputs.get(name) and whole and inputs[name] > whole:
            reading.lack(f"{name} {format_won(inputs[name])}이 소득보다 커서 맞지 않음: 금액을 확인해 주세요")
    if inputs.get("minor"):
        adult = next((m for m in found if m.type == "age" and m.value >= 19), None)
        if adult is not None and not any(m.type == "age" and m.value < 19 for m in found):
            reading.unclear(f"미성년으로 읽었지만 '{adult.text}'이라 성년일 수 있음: 수증자의 나이를 확인해 주세요")
    counts = [m for m in found if m.type == "count"]
    for a, b in zip(counts, counts[1:]):
        noun_a, noun_b = a.value["of"], b.value["of"] or a.value["of"]
        between = reading.text[a.end : b.start]
        if (
            noun_a
            and noun_a == noun_b
            and a.value["count"] != b.value["count"]
            and not re.search(r"중|가운데|그\s*중|각", between)
        ):
            reading.lack(f"'{a.text}'와 '{b.text}'이 서로 맞지 않음: {noun_a} 수를 확인해 주세요")
    dead = [m for m in found if m.type == "person" and not m.value["alive"]]
    relation = next((f for f in reading.facts if f.name == "relation"), None)
    living = [m for m in found if m.type == "person" and m.value["alive"] and m.value["role"] == "donor"]
    if relation is not None and any(m.text == relation.words for m in dead) and not living and reading.kind == "gift":
        reading.unclear(f"증여자로 읽은 '{relation.words}'은 돌아가신 분으로 보임: 누가 준 것인지 확인해 주세요")
    for m in found:
        if m.type == "duration" and m.value.get("range"):
            if not m.used_as and reading.kind not in ("transfer", "retirement", "penalty"):
                continue  # "십 년 넘게 병수발을 들었습니다": a kind that takes no duration, the story's time
            bound = re.match(r"\s*(?:이상|넘게)", reading.text[m.end : m.end + 4])
            if bound and m.used_as:  # "10년 넘게 살았어요": the bound is taken, the answer flagged
                reading.unclear(
                    f"기간이 범위로 주어짐 ('{m.text}{bound.group(0)}'): {m.text}으로 계산함, 정확한 기간이 필요합니다"
                )
            else:
                reading.lack(f"기간이 범위로 주어짐 ('{m.text}' 근처): 정확한 기간이 필요합니다")
    late = [m for m in found if m.type == "duration" and m.used_as is None and not m.value.get("ago")]
    late = [m for m in late if "corrected" not in m.flags]  # "5개월쯤 … 아니다, 3월 10일에 했어요": taken back
    if reading.kind == "penalty" and late and not any(inputs.get(n) is not None for n in ("days", "months_late")):
        if not inputs.get("limitation"):  # "신고를 두 달 늦게": a lateness said and not used is no 감면 to drop quietly
            reading.unclear(
                f"기간 '{late[0].text}'을 계산에 넣지 않음: 신고·납부가 기한보다 얼마나 늦었는지 확인이 필요"
            )
    if reading.kind in ("transfer", "retirement", "penalty"):
        for m in found:
            if m.type == "duration" and m.used_as is None and not m.value.get("ago") and not m.value.get("late"):
                rival = next((u for u in found if u.type == "duration" and u.used_as and abs(u.start - m.start) < 30
                              and re.search(r"주장|인지|또는|아니면|혹은|거나|이나", reading.text[min(u.end, m.end) : max(u.start, m.start)])), None)  # fmt: skip
                if rival is not None:  # "(회사 주장 4년, 본인 주장 6년)": two values said for one fact
                    reading.unclear(
                        f"기간이 '{rival.text}'와 '{m.text}' 둘로 주어져 '{rival.text}'으로 계산함: 어느 쪽인지 확인이 필요"
                    )
                    continue
                said_days = m.value.get("days")
                restated = re.search(r"(?:달|개월|주|일)\s*\($", reading.text[: m.start])  # "두 달(61일)"
                if reading.kind == "penalty" and restated and said_days and inputs.get("days") not in (None, said_days):
                    # "두 달(61일) 지나서": the days said in full beside another reading of the same lateness
                    reading.unclear(
                        f"기간 '{m.text}'이 있는데 {inputs['days']}일로 계산함: 납부가 며칠 늦었는지 확인이 필요"
                    )
                    continue
                if reading.kind == "penalty" or "held_years" in inputs or "years" in inputs:
                    continue
                reading.unclear(f"기간 '{m.text}'을 계산에 넣지 않음: 무엇의 기간인지 확인해 주세요")


def apply_periods(reading, found: list[Mention]) -> None:
    """An amount paid every period with the number of periods said ("매달 500씩 1년 동안", "매달 400 … 6개월치")
    and placed as one payment: the input is the total (a monthly pay in the wage readers is theirs to multiply)."""
    for m in found:
        times, name = m.flags.get("times"), m.used_as
        if not times or name is None or reading.inputs.get(name) != m.value or name in ("salary", "pay"):
            continue
        if reading.kind == "gift" and re.search(r"매년|해마다", m.flags["period"]):
            continue  # a gift every year is a gift each year, 10년 합산 year by year
        total = m.value * times
        reading.fact(name, total, f"{m.text} × {times}")
        reading.assume(f"'{m.flags.pop('period')}'을 {times}번 받은 합계 {format_won(total)}으로 계산")


def apply_paid(reading, found: list[Mention]) -> None:
    """An amount said to be tax already paid becomes the kind's `withheld`/`prepaid` input."""
    from taxqa.tax.kinds import KINDS

    field = next((f for f in PAID_FIELDS if f in KINDS[reading.kind].fields), None)
    paid = [m for m in found if m.type == "amount" and m.flags.get("tax_paid") and m.used_as is None]
    paid = [m for m in paid if not m.flags.get("period") and not m.flags.get("corrected")]  # a figure replaced
    if field and paid and len(paid) <= 3:  # "중간예납 500만원, 원천징수 100만원": both are 기납부세액
        total = reading.inputs.get(field, 0) + sum(m.value for m in paid)
        words = " + ".join(([f.words for f in reading.facts if f.name == field] or []) + [m.text for m in paid])
        reading.fact(field, total, words)
        reading.assume(f"이미 낸 세액 {format_won(total)}을 기납부세액으로 빼서 계산")


def flag_parties(reading, found: list[Mention]) -> None:
    """A gift with two people who could each be the donee (or the donor) under different relations."""
    gift = next((m for m in found if m.type == "amount" and m.used_as == "amount"), None)
    if reading.kind != "gift" or gift is None:
        return
    left, right = clause_span(reading.text, gift.start, gift.end)
    for role, side in (("donee", 1), ("donor", 0)):
        people = [m for m in found if m.type == "person" and m.value["role"] == role and left <= m.start < right]
        relations = {RELATION_OF[m.value["relation"]][side] for m in people}
        if len(relations) > 1 and not any(m.value["relation"] in ("grandchild", "grandparent") for m in people):
            names = ", ".join(dict.fromkeys(m.text for m in people))
            who = "받는 사람" if role == "donee" else "주는 사람"
            reading.unclear(f"{who}으로 읽을 수 있는 사람이 여럿({names}): 누가 누구에게 주는지 확인해 주세요")


def flag_mismatch(reading) -> None:
    """The question names one tax and was read as another; or one amount became two inputs."""
    act_out = re.sub(r"상속세\s*및\s*증여세법", "상증법", reading.text)  # the act's name names neither tax
    named = {name for name, words in NAMED_TAX if any(not said_done(act_out, m) for m in re.finditer(words, act_out))}
    mine = KIND_TAXES.get(reading.kind)
    if mine and len(named) == 1 and mine not in named and not named <= {"종합소득세", "근로소득세"}:
        reading.unclear(f"질문은 {next(iter(named))}를 묻는데 {mine}로 계산함: 어떤 세금인지 확인해 주세요")
    elif mine and len(named) > 1 and not named <= {"종합소득세", "근로소득세"} and reading.kind != "penalty":
        if only_asked(act_out) != mine:  # "양도세는 나중이고 상속세만 알려주세요": the one asked, computed
            reading.unclear(
                f"질문에 여러 세금({', '.join(sorted(named))})이 나와 {mine}로 계산함: 묻는 세금을 확인해 주세요"
            )
    share = re.search(r"반반|나눠|나누어|절반|몫|등분|[2-9]\s*분의\s*1", reading.text)
    if (
        reading.kind == "gift"
        and share
        and not any(share.group(0) in a for a in reading.assumptions + reading.ambiguous)
    ):
        reading.unclear(f"'{share.group(0)}': 증여재산은 각자 받은 몫만이라 본인 몫의 금액을 확인해 주세요")
    seen: dict[str, str] = {}
    for f in reading.facts:
        if f.name in AMOUNT_FIELDS and f.words and re.search(r"\d", f.words) and f.name in reading.inputs:
            if f.words in seen and seen[f.words] != f.name and reading.text.count(f.words) < 2:
                first, second = (input_label(reading.kind, n) for n in (seen[f.words], f.name))
                reading.unclear(
                    f"'{f.words}'을 {josa(first, '과와')} {second} 두 곳에 넣음: 각각의 금액을 확인해 주세요"
                )
            seen.setdefault(f.words, f.name)


def place(reading, found: list[Mention]) -> None:
    """Mark `used_as` on every mention and flag what the result cannot be trusted without."""
    if reading.kind is None:
        return
    mark_used(reading, found)
    apply_periods(reading, found)
    apply_paid(reading, found)
    flag_facts(reading, found)
    flag_mismatch(reading)
    flag_parties(reading, found)
    if not reading.missing:
        flag_unread_cues(reading, found)
    mark_used(reading, found)
    flag_unknown(reading)
    flag_tiny(reading, found, AMOUNT_FIELDS)
    flag_amounts(reading, found)
    run_nets(reading, found)
