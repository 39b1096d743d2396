"""Round 62 (set 79's misses at their rules and a net on time): the year a figure's rates are for, a 사업연도
whose last day omits its year, a month said after its label, the 입사/퇴사 answers of a transcript, 퇴직금 정산
with 만 left out, 건네다 as giving, an exchange rate said in the question, a sibling's amount beside the asker's."""

from __future__ import annotations

from taxqa.tax.fx import with_rate
from taxqa.tax.reading import ask, read_question
from taxqa.tax.time_nets import flag_year_not_used

AS_OF = "2026-06-01"


def answer(q: str) -> dict:
    return ask(q, as_of=AS_OF)


def test_the_year_net_flags_a_figure_computed_for_another_year_than_the_one_said():
    reading = read_question("법인 과세표준 5억, 사업연도 2025.1.1~12.31. 산출세액?", as_of=AS_OF)
    assert reading.as_of == "2025-01-01" and reading.result.computed_tax == 75_000_000 and not reading.ambiguous
    reading.as_of = AS_OF  # as if the 사업연도 had not been read: 2026's rates
    flag_year_not_used(reading)
    assert any("'2025'년" in x for x in reading.ambiguous)


def test_the_year_net_is_silent_where_the_years_tables_give_the_same_figure():
    reading = read_question("2024년 5월에 아버지께 1억 받았어요. 증여세?", as_of=AS_OF)
    before = list(reading.ambiguous)
    flag_year_not_used(reading)  # the gift tables did not change: no fact the figure depends on
    assert reading.ambiguous == before


def test_a_business_year_said_by_its_number_takes_that_years_rates():
    a = answer("법인 중간예납 1,200만원 냈고 과세표준 1억 8천. 2025 사업연도 12월 결산. 더 낼 법인세는?")
    assert a["result"]["as_of"] == "2025-01-01" and a["result"]["payable"] == 4_200_000 and not a["ambiguous"]


def test_a_month_after_its_label_and_a_settlement_with_man_left_out():
    a = answer("팀장님\n저 퇴사합니다\n퇴직금 정산 4,600\n입사 2017년 3월\n퇴사 이번 달 말\n세금 얼마 빠져요?")
    assert a["result"]["inputs"]["pay"] == 46_000_000 and a["result"]["inputs"]["years"] == 10


def test_the_answers_of_a_transcript_give_the_service_months():
    q = "검사: 언제 입사했습니까? 증인: 2008년 1월입니다. 검사: 퇴사는? 증인: 2025년 12월 말입니다. 검사: 퇴직금은? 증인: 1억 5천만 원. 퇴직소득세?"
    assert answer(q)["result"]["inputs"]["years"] == 18


def test_handing_over_is_giving():
    a = answer("소승이 속가의 조카에게 3천만원을 건네고자 하는데 조카가 내는 세금이 얼마인지요")
    assert a["kind"] == "gift" and a["result"]["payable"] == 1_940_000


def test_an_exchange_rate_said_converts_the_foreign_amount():
    assert "7,000만원(달러 환산)" in with_rate("이모가 5만 달러 보내줬어요. 환율은 1달러 1,400원으로 쳐주세요")
    assert "2,700만원(엔 환산)" in with_rate("고모가 300만엔을 보내줬는데 100엔당 900원이에요")
    a = answer("미국 사는 이모가 저한테 5만 달러 보내줬어요. 환율은 1달러 1,400원으로 쳐주세요. 증여세 얼마예요?")
    assert a["result"]["payable"] == 5_820_000 and any("환율" in x for x in a["assumptions"])
    a = answer("일본 사는 고모가 300만엔을 보내줬는데 증여세 얼마나 돼요?")  # no rate: still asked
    assert any("환율" in x for x in a["missing"])


def test_a_siblings_amount_beside_the_askers_is_not_the_askers_gift():
    a = answer("형은 아버지한테 2억 받았고 저는 8천만원 받았어요. 제 증여세만 알려주세요")
    assert a["result"]["inputs"]["amount"] == 80_000_000
    a = answer("아버지한테 2억이랑 8천만원 받았어요. 증여세?")  # no one else named: both amounts the asker's
    assert a["result"]["inputs"]["amount"] != 80_000_000
