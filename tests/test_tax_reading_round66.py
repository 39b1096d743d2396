"""Round 66 (set 83's misses at their rules, and a net on a grandparent's gift to a grandchild read with no
generation skipped): those left behind ("아내와 세 자녀를 남기고 떠나셨습니다") are no decedent, a sale said "오늘" or
"다음 달" is that month, a purchase "2017년 8월에 3억 2천 주고 산" gives the 보유 by months, a relative's turn calling a
grandchild by name gives to them."""

from __future__ import annotations

from taxqa.tax.people_nets import flag_generation_unread
from taxqa.tax.reading import ask, read_question
from taxqa.tax.spoken_time import dated_months

AS_OF = "2026-06-01"


def test_the_generation_net_flags_a_grandparents_gift_read_without_the_surcharge():
    reading = read_question(
        "할아버지가 손녀인 저한테 8천 주셨어요. 엄마 아빠 살아 계세요. 저 22살. 증여세?", as_of=AS_OF
    )
    assert reading.inputs["generation_skip"] is True and not reading.ambiguous
    reading.inputs["generation_skip"] = False  # as if the generation had not been read
    reading.assumptions = [a for a in reading.assumptions if "세대생략" not in a]
    flag_generation_unread(reading)
    assert any("세대생략" in x for x in reading.ambiguous)


def test_the_generation_net_is_silent_when_a_parent_died():
    q = "아버지는 예전에 돌아가셨고 할아버지가 손자인 저한테 1억을 주셨어요. 저 30살. 증여세?"
    reading = read_question(q, as_of=AS_OF)
    before = list(reading.ambiguous)
    flag_generation_unread(reading)  # the note says why no 할증 (제57조① 단서)
    assert reading.ambiguous == before


def test_those_left_behind_are_no_decedent():
    q = "고인께서는 사랑하는 아내와 세 자녀를 남기고 떠나셨습니다. (유족 문의: 고인 재산 17억, 상속세는?)"
    r = ask(q, as_of=AS_OF)["result"]
    assert r["inputs"]["spouse"] is True and r["inputs"]["children"] == 3 and r["payable"] == 145_500_000


def test_a_sale_said_today_or_next_month_is_that_month():
    assert "2026년 6월 4억" in dated_months("2017년 8월에 3억 2천 주고 산 빌라, 오늘 4억 5천에 팔았다", AS_OF)
    assert "2026년 7월 5억에 팔" in dated_months("재작년 11월에 4억에 산 아파트를 다음 달 5억에 팔 예정", AS_OF)
    q = "[컷1] 아빠: 2017년 8월에 3억 2천 주고 산 빌라, 오늘 4억 5천에 팔았다! 우리 집은 이거 말고 아파트도 있어. 양도세?"
    assert ask(q, as_of=AS_OF)["result"]["inputs"]["held_years"] == 8
    q = "재작년 11월에 4억에 산 아파트를 다음 달 5억에 팔 예정이에요. 2주택이에요. 양도세?"
    assert ask(q, as_of=AS_OF)["result"]["payable"] == 58_500_000


def test_a_relatives_turn_calling_a_grandchild_gives_to_them():
    q = "[컷1] 할아버지: 손녀야 이건 등록금 아니고 그냥 주는 거다, 8천! [컷2] 손녀(22): 우와! [컷3] 엄마: 아버님 감사해요~"
    r = ask(q + " 손녀의 증여세는?", as_of=AS_OF)["result"]
    assert r["inputs"]["generation_skip"] is True and r["payable"] == 3_783_000
