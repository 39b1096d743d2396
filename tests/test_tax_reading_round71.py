"""Round 71 (set 88's misses at their rules, and nets on the figures placed), each tested on wording of its own: a
purchase said "N년 전 X에 산 걸" after a sale verb; the partner of a parent or grandparent whose pay is asked about,
said without income; the addressed spouse ("여보, 당신 연봉") as the worker; "애들은 둘"; a sale below its purchase price
and purchases above sales, flagged when nothing says a loss or a refund; a relative said without income, uncounted."""

from __future__ import annotations

from taxqa.tax import figure_nets, misread_nets
from taxqa.tax.reading import ask, read_question

AS_OF = "2026-06-01"


def inputs(q: str) -> dict:
    return ask(q, as_of=AS_OF)["inputs"]


def test_a_purchase_said_after_the_sale_verb():
    a = inputs("땅을 팔았어요. 7년 전 1억에 산 걸 이번에 3억 받고요. 양도세?")
    assert (a["price"], a["acquired"], a["held_years"]) == (300_000_000, 100_000_000, 7)


def test_the_partner_of_a_parent_whose_pay_is_asked():
    assert inputs("아버지 연봉 5천이시고 어머니는 전업주부세요. 아버지 결정세액은요?")["dependents"] == 1
    q = "외할아버지(67세) 연봉이 3천 6백이고 외할머니는 소득이 없으세요. 외할아버지 연말정산 결정세액 궁금해요"
    assert inputs(q).get("dependents") == 1


def test_the_addressed_spouse_is_the_worker():
    a = inputs("여보, 당신 월급 세전 500에 12달이잖아. 나는 수입 없고 애들은 셋. 당신 결정세액 얼마야?")
    assert (a["dependents"], a["children"]) == (4, 3)
    assert "dependents" not in inputs("여보 당신 월급 400씩 12달이고 나도 연봉 3천이야. 당신 결정세액?")


def test_children_counted_with_the_plural():
    assert inputs("연봉 7천, 아이들이 셋이에요. 결정세액?")["children"] == 3


def test_a_sale_below_cost_is_flagged_only_without_its_own_words():
    reading = read_question("상가를 팔았어요. 25억, 10억. 보유 10년. 양도세?", as_of=AS_OF)
    reading.inputs.update(price=1_000_000_000, acquired=2_500_000_000)  # as if the two were read the wrong way round
    figure_nets.flag_sale_below_cost(reading)
    assert any("바뀌지" in x for x in reading.ambiguous)
    answer = ask("4억에 산 아파트를 3억 5천에 팔았어요. 보유 5년. 양도세?", as_of=AS_OF)
    assert not any("바뀌지" in x for x in answer["ambiguous"])
    answer = ask("취득가 5억, 양도가 4억 5천, 손해 봤어요. 보유 3년", as_of=AS_OF)
    assert not any("바뀌지" in x for x in answer["ambiguous"])


def test_purchases_above_sales_without_a_refund_word():
    reading = read_question("일반과세자 매출 2천 매입 8천 부가세?", as_of=AS_OF)
    figure_nets.flag_refund_unsaid(reading)
    assert any("환급세액" in x for x in reading.ambiguous)
    reading = read_question("일반과세자, 초기 인테리어로 매입 8천, 매출 2천. 환급 얼마?", as_of=AS_OF)
    figure_nets.flag_refund_unsaid(reading)
    assert not any("바뀌지" in x for x in reading.ambiguous)


def test_a_relative_without_income_uncounted_is_flagged():
    reading = read_question("연봉 4천 5백. 할머니(75세)는 소득이 없으세요. 결정세액?", as_of=AS_OF)
    reading.inputs["dependents"] = 0  # as if a rule had not counted her
    reading.ambiguous.clear()
    misread_nets.flag_family_uncounted(reading)
    assert any("할머니" in x for x in reading.ambiguous)
