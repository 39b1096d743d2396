"""Reading causes fixed in lane S (증여세, 연말정산), each tested in wording of its own: money a parent sends to a
worker is a gift whatever the tax is called, the marriage relief said to be out with a bare X, 부인 inside
another word (추가납부인지), "다른 부양가족은 없고" after the children, and a divorce said by its papers."""

from __future__ import annotations

from reading_cases import inputs

from taxqa.tax.reading import read_question


def test_money_a_parent_sends_a_worker_is_a_gift_not_pay():
    r = read_question("회사원이에요. 이번에 아버지가 제 통장으로 7천을 넣어주셨는데 세금 얼마나 나와요?")
    assert r.kind == "gift"
    assert r.inputs["amount"] == 70_000_000 and r.inputs["relation"] == "lineal_ascendant"


def test_a_word_of_pay_keeps_a_worker_with_a_parent_a_salary_question():
    r = read_question(
        "직장인이고 연봉 4,800이에요. 엄마랑 같이 살고 소득 없는 엄마 부양해요. 연말정산 결정세액 얼마예요?"
    )
    assert r.kind == "salary"


def test_the_marriage_relief_said_out_with_a_bare_x_is_not_applied():
    got = inputs("할머니 말고 엄마가 1억 5천 주셨어요. 저 29살이고 결혼은 했지만 혼인공제는 x. 증여세 얼마?")
    assert "marriage_birth" not in got


def test_the_marriage_relief_said_to_not_apply_is_not_applied():
    got = inputs("아버지한테 9천 받았어요. 서른 살이고 혼인공제 해당 없음. 증여세 얼마 내요?")
    assert "marriage_birth" not in got


def test_부인_inside_another_word_is_no_spouse():
    got = inputs(
        "총급여 6,100만원, 혼자 살아요. 원천징수 세액 210만원. 돌려받는지 기부인지 모르겠는데 추가납부인지도 "
        "알려주세요. 연말정산 얼마?"
    )
    assert got.get("dependents", 0) == 0


def test_no_other_dependents_after_the_children_keeps_the_children():
    got = inputs(
        "연봉(총급여) 5,300만원이고 아이 둘(11살, 15살) 키워요. 아내는 소득 없어요. 다른 부양가족은 없어요. "
        "연말정산 결정세액 얼마?"
    )
    assert got["children"] == 2 and got["dependents"] == 3


def test_a_divorce_said_by_its_papers_leaves_no_spouse():
    got = inputs(
        "작년에 이혼 절차 마무리됐어요. 총급여 3,900만원이고 딸 하나(13살) 저 혼자 키웁니다. 애 엄마는 공제 안 받아요. "
        "연말정산 결정세액?"
    )
    assert got["children"] == 1 and got["dependents"] == 1 and got["single_parent"] is True


def test_집사람_and_a_market_hall_say_no_house_sold():
    r = read_question(
        "공판장 야간 경비로 일해유. 작년 총급여 3,100만원이고 집사람은 소득 없슈. 회사서 뗀 세금 40만원인디 "
        "연말정산 얼마 돌려받아유?"
    )
    assert r.kind == "salary" and r.inputs["salary"] == 31_000_000


def test_a_house_sold_is_still_a_transfer():
    r = read_question("집 7억에 팔았어요. 4억에 샀고 6년 보유했어요. 양도세 얼마?")
    assert r.kind == "transfer"


def test_a_salary_note_in_shorthand_is_read():
    got = inputs("총급 6.2천 부양3(처 무소득, 자2 9세 12세) 기납 240 결세?")
    assert got["salary"] == 62_000_000 and got["withheld"] == 2_400_000
    assert got["dependents"] == 3 and got["children"] == 2


def test_an_example_figure_of_the_one_answering_is_not_the_askers_pay():
    r = read_question(
        "고객: 맞벌이 아니고 딸 하나(12살) 있어요.\n"
        "상담사: 그럼 기본공제부터 보시면 되는데, 가령 연봉 6천이라고 하면 공제가…\n"
        "고객: 네 그리고 회사에서 뗀 세금이 150만원이에요. 연말정산 환급 얼마예요?"
    )
    assert "salary" not in r.inputs
    assert any("총급여" in m for m in r.missing)


def test_the_won_said_beside_a_foreign_amount_is_the_gift():
    got = inputs("뉴욕에 사는 아빠가 €50,000 말고 $70,000 (약 9,500만원) 보내주셨어요. 저 40살, 증여세 얼마?")
    assert got["amount"] == 95_000_000


def test_a_foreign_amount_alone_is_still_asked_in_won():
    r = read_question("아버지가 4만 달러 송금해 주셨어요. 증여세 얼마?")
    assert any("원화로 환산" in m for m in r.missing)


def test_a_child_asking_for_dad_with_a_grandma_at_home_and_her_age_after_a_bracket():
    got = inputs(
        "우리 아빠 작년 1년 월급 다 해서 7,200이래. 엄마는 소득 없고 나 15살, 동생 12살, 할매(엄마 엄마) 78세 "
        "함께 살고 소득 없어. 아빠 결정세액 얼마?"
    )
    assert got["dependents"] == 4 and got["children"] == 2 and got["elderly"] == 1
