"""Reading causes fixed in lane S's fourth round (연말정산, 상속세, 증여세), each tested in wording of its own: a
slip's 건강보험료 line with a bracket summed with the 고용보험료 line, a parent "도 같이 모시고", a parent a family
chat says to put on the 부양가족 list, a bare 원천징수영수증 read as a worker's, a share of a gift said after the
bracketed value, what is left after "… 빼면", a loan from a relative as a debt, the share "법에서 정한", a notice's
labelled lines, bank loans taken off the net financial assets, and "저랑 누나 둘뿐" as two children."""

from __future__ import annotations

from reading_cases import AS_OF, inputs

from taxqa.tax.reading import read_question


def test_a_slips_health_insurance_line_with_a_bracket_is_summed_with_the_employment_line():
    got = inputs(
        "원천징수영수증에서 옮겨요\n총급여 41,000,000\n건강보험료(장기요양 포함) 1,600,000\n고용보험료 369,000\n"
        "혼자 살고 보험료 공제만 넣었어요. 결정세액은요?"
    )
    assert got["insurance"] == 1_969_000


def test_a_parent_in_brackets_said_to_live_with_the_worker():
    got = inputs("총급여 4천2백이에요. 아버지(75세, 무소득)도 같이 모시고 살아요. 결정세액 얼마예요?")
    assert got["dependents"] == 1 and got["elderly"] == 1


def test_a_parent_a_family_chat_says_to_put_on_the_dependants_list():
    got = inputs(
        "> 누나: 엄마 이제 우리랑 사시니까 연말정산에 부양가족으로 넣어. 엄마 일흔여섯이시고 소득 없어\n"
        "저는 총급여 5,500만원 받아요. 다른 공제는 빼고 결정세액 알려주세요"
    )
    assert got["dependents"] == 1 and got["elderly"] == 1


def test_a_bare_withholding_slip_is_a_workers_and_asks_for_the_pay():
    read = read_question(
        "원천징수영수증 두 번째 장만 있어요. 기납부세액 1,870,000 이라고 돼 있어요. 환급 얼마 나와요?", as_of=AS_OF
    )
    assert read.kind == "salary"
    assert any("총급여" in m for m in read.missing)


def test_a_share_of_a_gift_said_after_the_bracketed_value():
    read = read_question("아내가 상가(시세 10억) 지분의 절반을 저한테 넘긴대요. 증여세는 얼마인가요?", as_of=AS_OF)
    assert read.inputs["amount"] == 500_000_000
    assert not any("각자 받은 몫" in a for a in read.ambiguous)


def test_what_is_left_after_debts_taken_off_with_ppaemyeon_is_the_estate():
    got = inputs(
        "아버지가 돌아가셨어요. 집이랑 통장 합쳐서 빚 갚고 장례비 빼면 9억 2천이 남아요. 상속인은 저 혼자예요. 상속세는?"
    )
    assert got["estate"] == 920_000_000


def test_a_loan_from_a_relative_is_a_debt_of_the_estate():
    got = inputs(
        "어머니가 돌아가셨어요. 재산은 아파트 9억, 예금 2억이에요. 이모한테 빌린 5천만원은 저희가 갚아야 해요. "
        "상속인은 저랑 동생 둘이에요. 상속세 얼마예요?"
    )
    assert got["estate"] == 1_050_000_000


def test_the_share_the_law_sets_is_the_spouses_share():
    got = inputs(
        "아내가 세상을 떠났어요. 재산은 7억이고 아들 하나 있어요. 제가 법에서 정한 상속분대로 받기로 했어요. 상속세는?"
    )
    assert got["spouse_inherits"] == 420_000_000  # 7억 × 1.5 / 2.5


def test_a_notices_labelled_lines_name_their_amounts():
    got = inputs(
        "안심상속 조회 결과예요.\n - 예금: ○○은행 외 1곳 합계 300,000,000원\n - 토지·건물: 아파트 1채 (감정가 8억)\n"
        "아버지가 돌아가셨고 어머니는 먼저 가셨어요. 상속인은 저 혼자예요. 상속세 얼마예요?"
    )
    assert got["estate"] == 1_100_000_000 and got["financial"] == 300_000_000


def test_a_bank_loan_is_taken_off_the_net_financial_assets():
    got = inputs(
        "아버지가 돌아가셨어요. 재산은 아파트 10억, 예금 4억이고 은행 주택담보대출이 1억 남아 있어요. "
        "상속인은 저 혼자예요. 상속세 얼마예요?"
    )
    assert got["financial"] == 300_000_000


def test_the_asker_and_a_sibling_said_as_only_two():
    got = inputs(
        "어머니가 돌아가셨어요. 아버지는 먼저 가셨고 상속인은 저랑 누나 둘뿐이에요. 재산은 12억이에요. 상속세는?"
    )
    assert got["children"] == 2


def test_a_parent_the_chat_says_not_to_put_on_the_list_is_not_counted():
    got = inputs(
        "> 형: 아버지는 내가 부양가족으로 넣을 테니 너는 넣지 마\n저는 총급여 5천만원이고 혼자 살아요. 결정세액은?"
    )
    assert got.get("dependents", 0) == 0
