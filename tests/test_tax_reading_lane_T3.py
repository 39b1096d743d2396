"""Lane T, round 3: a 양도소득세 question on land or a shop beside the asker's own home, a rule's limit said as
known before the prices and the years lived said after their words, and a 근로소득공제 asked alone while a
tax word or dependents are said beside it."""

from __future__ import annotations

from reading_cases import answer, reading

from taxqa.tax.mentions import rule_said

# --- land sold while the asker's home is said apart --------------------------------------------------


def test_home_said_apart_from_land_sold_is_no_one_house():
    q = (
        "2018년 5월에 3억에 산 땅을 2026년 3월에 5억에 팔았어요. 필요경비는 1,000만원 들었고요. "
        "제가 사는 아파트 한 채는 따로 있는데 그건 안 팔았어요. 양도세 얼마예요?"
    )
    r = reading(q)
    assert r.kind == "transfer" and r.inputs["asset"] == "land" and not r.inputs.get("one_house")
    assert (r.inputs["price"], r.inputs["acquired"], r.inputs["expenses"]) == (500_000_000, 300_000_000, 10_000_000)
    a = answer(q)
    assert a["result"]["payable"] > 0 and not a["missing"]


def test_a_house_sold_and_said_as_the_only_one_still_gets_the_exemption():
    q = "2019년 2월에 4억에 산 아파트를 2026년 4월에 7억에 팔았어요. 집은 이거 하나예요. 2년 넘게 살았어요."
    r = reading(q)
    assert r.inputs.get("one_house") is True and r.inputs.get("asset") != "land"
    assert answer(q)["result"]["payable"] == 0


# --- a rule's limit said as known, then the prices --------------------------------------------------


def test_limit_of_a_known_rule_is_no_price():
    q = (
        "고가주택 비과세는 양도가액 12억 이하까지라고 알고 있는데요, 저희 아파트는 2016년 5월에 8억에 사서 "
        "2026년 5월에 14억에 팔았습니다. 보유 10년, 그중에 직접 산 건 4년이고 집은 이거 하나예요. 필요경비 2,000만원."
    )
    r = reading(q)
    assert (r.inputs["price"], r.inputs["acquired"], r.inputs["expenses"]) == (1_400_000_000, 800_000_000, 20_000_000)
    assert (r.inputs["held_years"], r.inputs["resided_years"], r.inputs["one_house"]) == (10, 4, True)
    a = answer(q)
    assert a["result"]["payable"] > 0 and not a["missing"]  # the 12억 is the rule's, not an amount left unplaced


def test_rule_said_needs_both_a_limit_and_a_saying():
    q = "12억 넘는 부분만 세금 붙는다고 들었어요. 저는 13억에 팔았어요."
    assert rule_said(q, q.index("억") + 1)
    assert not rule_said(q, q.index("13억") + 3)  # "13억에 팔았어요": a fact
    plain = "12억까지는 제가 받은 돈이에요"
    assert not rule_said(plain, 3)  # a limit with no rule heard of


def test_years_lived_said_after_their_words_and_years_ago_are_not():
    lived = reading(
        "아파트를 2014년에 5억에 사서 2026년에 9억에 팔았어요. 실제로 산 기간은 7년입니다. 1세대1주택이에요."
    )
    assert lived.inputs["resided_years"] == 7
    ago = reading("아파트 산 건 6년 전이고 3억에 사서 올해 5억에 팔았어요. 거주는 안 했어요.")
    assert ago.inputs.get("resided_years") != 6


# --- the 근로소득공제 asked alone -----------------------------------------------------------------------


def test_wage_deduction_alone_with_tax_word_and_dependents_beside_it():
    q = "세금은 됐고 근로소득공제만 궁금해요. 총급여 3,800만원이고 자녀 둘, 남편 부양 중이에요."
    r = reading(q)
    assert r.kind == "wage" and r.inputs["salary"] == 38_000_000
    assert answer(q)["result"]["deduction"] == 7_500_000 + (38_000_000 - 15_000_000) * 15 // 100


def test_wage_deduction_amount_asked_alone_in_a_list():
    q = "근로소득공제 금액만 알려 주세요!\n- 연봉 6,200만원 (비과세 빼고)\n- 부양가족 부모님 두 분\n소득세는 회사에서 알아서 해요."
    assert reading(q).kind == "wage"


def test_tax_after_the_wage_deduction_is_still_the_year_end_settlement():
    q = "총급여 5,000만원인데 근로소득공제 받고 나면 소득세 얼마 내야 해요? 부양가족은 없어요."
    assert reading(q).kind == "salary"
