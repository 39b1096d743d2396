"""Round 63 (set 80's misses at their rules, and nets on people and dates): a parent said with an age of 70 or more
left out of the 경로우대, a spouse said in brackets left out of the heirs, two dates to the month whose span is not
the period used; the rules for 어머니(72)도 모시고, 권사님(부인), 잔금일/취득 dates, 땅 beside "집은 아니에요", and a giver
said to have given nothing."""

from __future__ import annotations

from taxqa.tax.people_nets import elders_not_counted, flag_unused_people
from taxqa.tax.reading import ask, read_question
from taxqa.tax.time_nets import flag_dates_not_used

AS_OF = "2026-06-01"


def test_the_elder_net_flags_a_parent_of_70_or_more_left_out_whatever_the_rule_read():
    reading = read_question("연봉 8,000만원, 아내와 아들. 어머니(72)도 모시고 산다. 결정세액은?", as_of=AS_OF)
    assert reading.inputs["elderly"] == 1 and not reading.ambiguous  # the rule now reads it
    reading.inputs["elderly"], reading.inputs["dependents"] = 0, 2  # as if it had not
    flag_unused_people(reading)
    assert any("어머니(72)" in x for x in reading.ambiguous)


def test_the_elder_net_is_silent_for_an_elder_who_earns_or_is_counted():
    reading = read_question("연봉 5,500, 70세 아버지 모시고 삼, 아버지 연금 소득 없음. 결정세액?", as_of=AS_OF)
    before = list(reading.ambiguous)
    flag_unused_people(reading)
    assert reading.ambiguous == before
    assert elders_not_counted(read_question("연봉 6천. 아버지(75)는 연금 받으시고 따로 신고하세요.", as_of=AS_OF)) == []


def test_the_spouse_net_flags_a_bracketed_spouse_left_out_of_the_heirs():
    reading = read_question("장로님이 돌아가시고 권사님(부인)과 자녀 넷이 남았습니다. 재산 30억. 상속세?", as_of=AS_OF)
    assert reading.inputs["spouse"] is True and not reading.ambiguous
    reading.inputs["spouse"] = False
    flag_unused_people(reading)
    assert any("(부인)" in x for x in reading.ambiguous)


def test_the_dates_net_flags_a_period_that_is_not_the_span_of_two_dates_said():
    q = "매매대금 6억 8천만원, 잔금일 2026년 5월 20일, 당초 취득 2019년 9월 4억 2천만원, 다른 주택 1채 보유. 양도세?"
    reading = read_question(q, as_of=AS_OF)
    assert reading.inputs["held_years"] == 6 and not reading.ambiguous
    reading.inputs["held_years"] = 7  # as if read by the years alone
    for m in reading.mentions:
        m.used_as = None if m.type == "date" else m.used_as
    flag_dates_not_used(reading)
    assert any("6년인데 7년" in x for x in reading.ambiguous)


def test_land_beside_a_house_said_not_to_be_it():
    a = ask("재작년 7월에 산 땅을 이번에 팔아요. 2억 주고 샀는데 3억 받기로 했어요. 집은 아니에요", as_of=AS_OF)
    assert a["result"]["inputs"]["asset"] == "land" and a["result"]["payable"] == 39_000_000


def test_a_giver_said_to_have_given_nothing_is_no_party():
    a = ask("부모님께 받은 건 없고 할머니가 저한테 7천만원 주셨어요. 아빠 엄마 다 살아계시고 저는 26살", as_of=AS_OF)
    assert a["result"]["inputs"]["generation_skip"] is True and a["result"]["payable"] == 2_522_000
