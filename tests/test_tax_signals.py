"""The net for a fact signalled but not used (taxqa.tax.signals), and round 59's rules (set 76's misses at
their rule), each on wording of its own."""

from __future__ import annotations

import re

from taxqa.tax.kinds import KINDS
from taxqa.tax.reading import ask, read_question
from taxqa.tax.signals import SIGNALS

DAY = "2026-06-01"


def net_lines(q: str) -> list[str]:
    return [x for x in ask(q, as_of=DAY)["ambiguous"] if "반영하지 않았습니다" in x]


def test_every_signal_names_an_input_of_its_kind_and_compiles():
    for kind, name, words, label, _ in SIGNALS:
        assert name in KINDS[kind].fields, (kind, name)
        re.compile(words)
        assert label


def test_a_signalled_fact_left_at_its_default_is_flagged_not_final():
    # a child's grade said without a child count: the reading has no child, the net says so
    q = "연봉 5,100 받는 외벌이예요. 막내가 중학생이라 공제가 궁금해요. 결정세액?"
    assert not read_question(q, as_of=DAY).inputs.get("children")
    lines = net_lines(q)
    assert lines and "자녀" in lines[0] and lines[0].endswith("확인이 필요합니다")
    q = "부가세 300만원 무신고했는데 매출을 빼돌려서 그랬어요. 무신고가산세?"
    assert not read_question(q, as_of=DAY).inputs.get("fraud")
    assert any("부정행위" in x for x in net_lines(q))


def test_the_net_is_quiet_when_the_fact_changes_no_figure_or_is_said_not_to_hold():
    # a minor's gift under the other-relative deduction: the 미성년 fact changes nothing
    assert not net_lines("이모가 중학생인 저한테 300만원 주셨어요. 증여세?")
    # the fraud words said not to hold
    assert not net_lines("과소신고 세액 700만원, 장부 조작 같은 건 절대 없어요. 가산세?")
    # another house said with 한 채: not one house
    assert not any(
        "1세대1주택" in x
        for x in net_lines("2015년 3억에 산 빌라를 2026년 5억에 팔아요. 다른 집도 한 채 있어요. 양도세?")
    )


def test_a_business_year_said_by_dates_starting_later_is_read_or_flagged():
    q = "㈜하람 제2기 2025.4.1~2025.12.31 과세표준 3억. 법인세?"
    assert read_question(q, as_of=DAY).inputs.get("months") == 9  # the rule reads it, so the net is quiet
    assert not net_lines(q)


def test_round59_grandparent_and_parent_in_jeju_speech():
    got = read_question("우리 할망이 손주헌티 삼천만원 줘수다. 증여세?", as_of=DAY).inputs
    assert got["relation"] == "lineal_ascendant" and got["generation_skip"] is True
    got = read_question("아방이 나신디 4천 줘수다. 증여세 얼마우꽈?", as_of=DAY).inputs
    assert got["relation"] == "lineal_ascendant" and got["amount"] == 40_000_000


def test_round59_a_birth_said_as_having_a_baby_is_the_marriage_birth_deduction():
    got = read_question("엄마가 저한테 8천 주셨어요. 저 올해 아기를 낳았어요. 증여세?", as_of=DAY).inputs
    assert got.get("marriage_birth") == 100_000_000 and not got.get("minor")  # the 1억 limit


def test_round59_a_return_after_a_notice_of_correction_gets_no_reduction():
    got = read_question(
        "무신고 세액 400만원, 한 달 뒤 세무서 연락 받고 나서 기한후신고. 무신고가산세?", as_of=DAY
    ).inputs
    assert "months_late" not in got
    got = read_question("무신고 세액 400만원, 한 달 안에 기한후신고 했어요. 무신고가산세?", as_of=DAY).inputs
    assert got.get("months_late") == 1


def test_round59_family_facts_said_in_words():
    got = read_question("연봉 4,800, 구순 넘으신 할아버지를 모시고 살아요. 결정세액?", as_of=DAY).inputs
    assert got["dependents"] == 1 and got["elderly"] == 1  # 할아버지 is one person, not also an 아버지
    got = read_question("연봉 3,500, 혼자 아이 키우는 엄마예요. 아들은 초등학생이에요. 결정세액?", as_of=DAY).inputs
    assert got.get("single_parent") is True
    got = read_question("연봉 6천, 안사람은 집에 있고 아들 하나(중2). 결정세액?", as_of=DAY).inputs
    assert got["dependents"] == 2


def test_round59_short_first_year_founding_and_years_and_held():
    got = read_question("올해 9월 설립한 법인, 과세표준 1억. 법인세 산출세액?", as_of=DAY).inputs
    assert got["months"] == 4
    assert read_question("퇴직금 6천, 공장에서 일한 기간 9년. 퇴직소득세?", as_of=DAY).inputs["years"] == 9
    got = read_question("임야: 9년 전 5천에 삼, 이번에 2억에 넘김. 양도세?", as_of=DAY).inputs
    assert got["held_years"] == 9


def test_round59_inheritance_children_from_a_list_of_ages():
    got = read_question("아내가 세상을 떠났어요. 아이들은 아홉 살, 일곱 살이고 재산은 12억. 상속세?", as_of=DAY).inputs
    assert got["children"] == 2 and sorted(got["minor_children_years"]) == [10, 12]
