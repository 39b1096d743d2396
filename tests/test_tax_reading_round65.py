"""Round 65 (set 82's misses at their rules, and nets on the kind and on a spouse living elsewhere): a gift read with
no word of giving beside words of work, a spouse counted while said to live abroad, pay said "1년 돈 받는 것" or
"월 세전", a 1세대1주택 said as a condition, "올해 2월 말 퇴직"."""

from __future__ import annotations

from taxqa.tax.kind_nets import flag_gift_from_work
from taxqa.tax.reading import ask, read_question

AS_OF = "2026-06-01"


def test_the_kind_net_flags_a_gift_read_from_words_of_work():
    reading = read_question("아버지한테 1억 받았어요. 증여세?", as_of=AS_OF)
    reading.text = "한국에서 공장 일해요. 1년 돈 받는 것 3,800만원. 아내한테."  # as if read as a gift
    reading.ambiguous.clear()
    flag_gift_from_work(reading)
    assert any("'공장'" in x for x in reading.ambiguous)


def test_the_kind_net_is_silent_where_a_gift_is_said():
    reading = read_question("회사 다니는 아들한테 1억 줬어요. 아들 증여세?", as_of=AS_OF)
    before = list(reading.ambiguous)
    flag_gift_from_work(reading)
    assert reading.ambiguous == before


def test_pay_said_plainly_is_a_salary_and_a_spouse_abroad_is_flagged():
    q = "저는 카자흐스탄에서 왔어요. 한국에서 공장 일해요. 1년 돈 받는 것 3,800만원. 아내 카자흐스탄에 있어요, 한국에 없어요. 세금?"
    a = ask(q, as_of=AS_OF)
    assert a["kind"] == "salary" and a["result"]["inputs"]["salary"] == 38_000_000
    assert any("떨어져 사는 배우자" in x for x in a["ambiguous"])
    a = ask(
        "월 세전 520 × 12개월 받아요. 와이프는 육아휴직 중이라 올해 소득 없고 애들은 10살, 4살. 결정세액?", as_of=AS_OF
    )
    assert a["kind"] == "salary" and a["result"]["determined_tax"] == 4_229_500


def test_one_house_said_as_a_condition_is_no_claim():
    q = "만약 1세대 1주택이면 비과세라던데 저는 아니고 2주택이에요. 2019년 3월 5억 취득, 이번 달 7억 5천 양도 예정. 양도세?"
    assert ask(q, as_of=AS_OF)["result"]["payable"] == 60_810_000


def test_a_leaving_month_said_with_its_end():
    q = "저는 2014년 1월 입사 이래 한 회사에서만 근무하였으며, 올해 2월 말 퇴직하며 퇴직금 9,600만원을 수령하였습니다. 세금?"
    assert ask(q, as_of=AS_OF)["result"]["inputs"]["years"] == 13
