"""Reading causes fixed in lane S's third round (연말정산, 근로소득공제, 증여세, 종합소득세), each tested in wording of
its own: a pasted counsellor chat whose later customer turn takes a figure back (by its label, or by "… 아니에요")
or a giver ("외삼촌 아니고 어머니"), its 아까 pointing inside the chat, a parent's age said right after the parent,
a 비과세 said to be part of the pay ("그중") or to be taken out of a year's pay ("그거 빼면"), the tax taken each month
said before the amount, an amount said as a calculation (signs, or "A에서 B 빼면"), and an amount the asker cannot
recall, which is asked."""

from __future__ import annotations

from reading_cases import AS_OF, inputs

from taxqa.tax.reading import read_question


def test_a_customer_taking_back_the_figure_of_a_label_in_a_chat_log():
    q = (
        "상담사: 총급여가 어떻게 되세요?\n고객: 총급여 6,100만원이에요\n상담사: 가족은요?\n고객: 혼자 살아요\n"
        "고객: 죄송해요 아까 총급여 잘못 말했어요. 6,100은 계약 금액이고 총급여는 5,650만원이에요\n"
        "고객: 결정세액 알려주세요"
    )
    read = read_question(q, as_of=AS_OF)
    assert read.inputs["salary"] == 56_500_000
    assert not any("앞의 질문" in a or "어느 값을 고친" in a for a in read.ambiguous)  # 아까 points inside the chat


def test_an_age_said_right_after_the_parent_it_belongs_to():
    got = inputs("연봉 5천이고 부모님 두 분 모시고 있어요. 어머니 75세, 아버지 66세고 소득 없으세요. 결정세액?")
    assert got["dependents"] == 2 and got["elderly"] == 1


def test_a_monthly_figure_denied_with_아니에요_and_a_비과세_taken_out_of_the_year():
    q = (
        "고객: 연봉 4,200이고 식대 비과세가 월 20이라 그거 빼면 총급여죠?\n"
        "고객: 아 월 20 아니에요, 우리 회사는 월 15만원만 비과세래요\n고객: 근로소득공제 얼마예요?"
    )
    read = read_question(q, as_of=AS_OF)
    assert read.inputs["salary"] == 40_200_000 and not read.missing


def test_a_denial_asked_as_a_question_takes_nothing_back():
    read = read_question("증여받은 게 3억 아니에요? 부모님께 받았어요. 증여세 얼마?", as_of=AS_OF)
    assert not any("정정된" in a for a in read.assumptions)


def test_a_비과세_said_as_part_of_the_monthly_pay_and_the_tax_taken_each_month():
    got = inputs(
        "월급 400씩 12달 받는데 그중 식대 20은 비과세예요. 미혼이에요. "
        "회사가 매달 소득세 15만원씩 떼 갔는데 환급 얼마예요?"
    )
    assert got["salary"] == 45_600_000 and got["withheld"] == 1_800_000


def test_the_monthly_pay_said_with_씩_before_a_bonus():
    assert inputs("매달 380씩 12달에 상여 500 받았어요. 미혼. 결정세액?")["salary"] == 50_600_000


def test_an_amount_less_another_said_in_words():
    read = read_question("사업소득금액 7,300만원에서 소득공제 합계 900 빼면 과세표준인데 산출세액 얼마?", as_of=AS_OF)
    assert read.inputs["base"] == 64_000_000 and not read.ambiguous


def test_a_sum_written_with_signs_is_worked_out():
    assert inputs("연봉이 (400 − 25) × 12 + 450 이에요. 근로소득공제 얼마예요?")["salary"] == 49_500_000
    # the months in the sum: it is the year's pay, not a month's
    assert inputs("월급 (300 - 10) × 12 받았어요. 미혼. 결정세액?")["salary"] == 34_800_000


def test_a_pay_times_its_months_and_a_date_are_left_to_the_readers():
    assert inputs("월급 280 × 12개월 받아요. 근로소득공제는?")["salary"] == 33_600_000
    got = inputs("2019-04-10에 2억 5천에 사서 2026-03-02에 4억에 팔았어요. 상가고 양도세 얼마?")
    assert got["price"] == 400_000_000 and got["acquired"] == 250_000_000


def test_a_sum_that_cannot_be_worked_out_is_flagged_not_guessed():
    read = read_question("총급여가 5000 ÷ 3만원이면 근로소득공제 얼마?", as_of=AS_OF)
    assert read.result is None and any("계산식" in a for a in read.ambiguous)


def test_an_earlier_gift_the_asker_cannot_recall_is_asked():
    read = read_question(
        "아빠가 이번에 1억을 주신대요. 3년 전에도 아빠한테 받았는데 2천이었나 4천이었나 잘 모르겠어요. 증여세는요?",
        as_of=AS_OF,
    )
    assert read.result is None
    assert any("10년" in m and "합산" in m for m in read.missing)


def test_a_giver_taken_back_in_a_later_turn_is_the_one_named_instead():
    q = "상담원: 누가 주셨어요?\n고객: 외삼촌이 8천 주셨어요\n고객: 아 외삼촌 아니고 어머니요. 저는 29살이고 증여세 얼마예요?"
    assert inputs(q)["relation"] == "lineal_ascendant"
