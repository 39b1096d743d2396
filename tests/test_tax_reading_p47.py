"""Causes found by the held-out sets p47-p50 and the review of the sixth session (the integrator's share), each
tested in wording of its own rather than a set's question."""

from __future__ import annotations

from reading_cases import reading


def test_an_amount_of_a_tax_filed_apart_that_the_reader_took_is_asked_not_claimed_left_out():
    # the same figure is said for the 부가세 filed apart and as the pay: saying it was left out would be untrue
    r = reading(
        "부가세는 따로 신고했어요(매출 5,100만 원). 그건 빼고 연말정산만요. 총급여 5,100만 원, 부양가족 없어요."
    )
    assert r.inputs.get("salary") == 51_000_000
    assert any("불분명" in a for a in r.ambiguous)
    assert not any("넣지 않음" in a for a in r.assumptions)


def test_an_amount_of_a_tax_filed_apart_is_said_left_out_when_it_was():
    r = reading(
        "부가세는 따로 신고했어요(매출 3,300만 원). 그건 빼고 연말정산만요. 총급여 5,100만 원, 부양가족 없어요."
    )
    assert r.inputs.get("salary") == 51_000_000
    assert any("'3,300만원'은 따로 신고한" in a for a in r.assumptions)


def test_last_year_said_of_a_birth_does_not_move_the_year_of_the_pay():
    from taxqa.tax.credits import child_table

    assert child_table("2026-06-01", "작년에 둘째가 태어났어요. 총급여 6천이에요")[1] == 2026
    assert child_table("2026-06-01", "작년 총급여가 6천이었어요. 애는 둘")[1] == 2025
    assert child_table("2026-06-01", "작년에 회사에서 받은 총급여가 6천")[1] == 2025


def test_every_example_listed_before_what_it_exemplifies_is_negated():
    # "횡령이나 가공경비 같은 부정행위는 없었고": both examples go with the negated noun
    r = reading(
        "2019년 귀속 법인세를 신고 안 했어요. 횡령이나 가공경비 같은 부정행위는 없었고요. 제척기간은 언제 끝나요?"
    )
    assert r.inputs.get("case") == "no-return"


def test_a_wrong_done_is_negated_through_its_verb_and_its_adjective():
    for said in (
        "부정행위는 저지르지 않았어요",
        "부정한 행위는 하지 않았고요",
        "장부 조작 같은 부정한 방법은 쓰지 않았어요",
    ):
        r = reading(f"작년 종소세를 신고 안 했어요. {said}. 낼 세금은 270만원, 무신고가산세는?")
        assert r.inputs.get("fraud") is not True, said


def test_the_office_may_assess_until_when():
    r = reading(
        "2018년 귀속 부가세를 신고를 안 했어요. 세무서가 이걸 추징할 수 있는 기간은 언제까지인가요? 숨긴 건 없어요."
    )
    assert r.inputs.get("limitation") is True and r.inputs.get("case") == "no-return"


def test_two_penalties_named_with_the_word_said_once():
    r = reading(
        "종소세를 적게 신고했어요. 덜 낸 세금 300만원을 기한 석 달 뒤 수정신고하면서 냈고 92일 늦었어요. 과소신고와 납부지연 가산세 합하면?"
    )
    assert r.inputs.get("kind") == "under-report" and r.inputs.get("days") == 92
    assert not r.ambiguous


def test_a_bare_figure_corrected_takes_the_unit_it_was_said_with():
    r = reading(
        "동생: 누나 나 부가세 늦게 냈어. 세금 356만원이고 30일 늦었어\n누나: 356 아니고 365라며?\n동생: 아 맞다 365만원\n"
        "누나: 그럼 납부지연가산세 얼마야?"
    )
    assert r.inputs.get("tax") == 3_650_000 and r.inputs.get("days") == 30
    assert not r.ambiguous


def test_a_bare_figure_asked_about_and_denied_stays():
    r = reading(
        "나: 1기 부가세요. 매출 공급가액 9천, 매입 공급가액 2,700\n엄마: 2,700 아니고 2,900 아니었니?\n"
        "나: 아니 그건 다음 기 거고 이번 기는 2,700 맞아요\n나: 일반과세자고 카드 매출은 없어요. 낼 부가세는?"
    )
    assert r.inputs.get("purchases") == 27_000_000


def test_a_wrong_denied_in_the_rest_of_its_clause_is_no_fraud():
    for said in (
        "부정행위로 볼 만한 건 없어요",
        "부정행위랑은 상관없어요",
        "이중장부 같은 건 작성하지 않았어요",
        "이중장부? 그런 거 없어요",
        "부정 행위 X",
        "부정행위 여부: N",
        "[ ] 부정행위",
        "부정행위 □",
    ):
        r = reading(f"2025년 귀속 종소세를 신고 안 했어요. {said}. 낼 세금 310만원, 무신고가산세는?")
        assert r.inputs.get("fraud") is not True, said


def test_a_wrong_said_as_done_stays_fraud():
    for said in (
        "이중장부를 썼고 신고는 안 했어요",
        "차명계좌로 매출을 숨겼는데 아직 안 걸렸어요",
        "[x] 부정행위",
        "부정행위 여부: Y",
    ):
        r = reading(f"2025년 귀속 종소세를 신고 안 했어요. {said}. 낼 세금 310만원, 무신고가산세는?")
        assert r.inputs.get("fraud") is True, said


def test_a_wrong_that_is_the_means_of_a_return_not_filed_stays_fraud():
    r = reading("장부를 두 벌 만들어서 종소세 신고를 아예 안 했어요. 안 낸 세금 4천만원, 무신고가산세는?")
    assert r.inputs.get("fraud") is True
    r = reading("2023년 귀속 법인세를 부정행위로 신고하지 않았다면 제척기간은 언제 끝나요?")
    assert r.inputs.get("case") == "fraud"


def test_a_reply_that_names_the_figure_given_before_puts_the_new_one_in_its_place():
    r = reading(
        "팀장님,\n지난번에 매출 공급가액을 8천이라고 드렸는데 계산서를 다시 보니 8,700만원입니다.\n매입 공급가액은 3,100만원, "
        "카드매출 없고 일반과세자예요. 부가세는?\n\n-----Original Message-----\n> 매출 8천, 매입 3,100이면 부가세는?"
    )
    assert r.inputs.get("sales") == 87_000_000 and r.inputs.get("purchases") == 31_000_000


def test_the_deduction_asked_by_its_amount_beside_the_word_year_end():
    r = reading("회사에서 연말정산 얘기가 나왔는데요, 총급여 4,200만원이면 근로소득공제 금액이 얼마예요?")
    assert r.kind == "wage"


def test_an_earlier_gift_by_the_asker_to_the_same_child():
    r = reading(
        "막내딸(올해 서른하나)에게 4년 전에 6천만원을 증여했고 신고했어요. 이번에 막내딸에게 1억을 주면 증여세는요?"
    )
    assert r.inputs.get("amount") == 100_000_000 and r.inputs.get("prior") == 60_000_000
    r = reading("큰아들에게 4년 전에 6천만원을 증여했어요. 이번에 작은아들에게 1억을 주면 작은아들 증여세는요?")
    assert r.inputs.get("amount") == 100_000_000 and not r.inputs.get("prior")


def test_a_giver_corrected_by_an_arrow_after_a_correction_word():
    r = reading(
        "증여자 정정합니다: 할머니 → 어머니예요. 2021년 봄에 어머니한테 2천 받았고 이번에 어머니께 7천 받아요. 증여세는?"
    )
    assert r.inputs.get("relation") == "lineal_ascendant" and not r.inputs.get("generation_skip")
    assert r.inputs.get("prior") == 20_000_000


def test_purchases_bought_with_an_invoice_said_with_the_word_for_their_price():
    r = reading(
        "간이과세 분식집이에요. 작년 공급대가 5,000만원, 카드 매출 3,000만원, 세금계산서를 받고 산 식자재가 공급대가 1,500만원. 부가세는?"
    )
    assert r.inputs.get("purchases") == 15_000_000


def test_a_penalty_named_in_english_with_no_tax_said_asks_for_the_tax():
    r = reading("종소세 late payment penalty 알려 주세요. 30일 늦게 냈는데 본세는 아직 몰라요.")
    assert r.kind == "penalty" and any("세액" in m for m in r.missing)


def test_figures_tagged_inside_a_sentence_are_read_as_said():
    r = reading(
        "종소세를 적게 신고했어요 😭 덜 낸 세금이 #280만 이고 기한 지나고 #3개월 만에 수정신고 했어요 과소신고가산세만요 #가산세"
    )
    assert r.inputs.get("tax") == 2_800_000 and r.inputs.get("months_late") == 3


def test_a_question_typed_without_spaces_is_read_and_checked_spaced():
    from taxqa.tax.spacing import spaced

    text, squashed = spaced("아들한테3억주려고하는데증여세얼마예요")
    assert squashed and "3억" in text and " " in text
    assert spaced("건강보험·고용보험·장기요양 합쳐서 200") == ("건강보험·고용보험·장기요양 합쳐서 200", False)
    r = reading("아들한테3억주려고하는데증여세얼마예요")
    assert r.inputs.get("amount") == 300_000_000


def test_a_monthly_pay_with_the_pay_after_the_exempt_part_said_does_not_crash():
    r = reading("월급400비과세식대빼면총급여4,560만근로소득공제얼마")
    assert r.kind == "wage"


def test_millions_in_english_letters_after_a_bare_number():
    r = reading("일반과세 도소매예요. 1기 매출 공급가액 KRW 64M, 세금계산서 매입 공급가액 39M, 카드매출 없음. 부가세?")
    assert r.inputs.get("sales") == 64_000_000 and r.inputs.get("purchases") == 39_000_000
    r = reading("2015년에 4억에 산 상가를 7억에 팔아요. 필요경비 12 mil. 양도세는?")
    assert r.inputs.get("expenses") == 12_000_000


def test_an_heir_who_receives_nothing_is_still_there():
    r = reading(
        "아버지가 돌아가셨어요. 상속재산 20억(빚·장례비 뺀 것), 상속인은 어머니와 저, 동생. 어머니는 한 푼도 안 받으세요. 상속세는?"
    )
    assert r.inputs.get("spouse") is True


def test_a_penalty_in_english_beside_a_named_tax_is_the_penalty():
    r = reading("VAT 신고를 못 했고 3주 늦게 late filing 하면서 같이 냈어요. 본세는 아직 몰라요. penalty 얼마쯤?")
    assert r.kind == "penalty" and any("세액" in m for m in r.missing)


def test_a_document_letter_with_no_particle_after_it_is_read():
    r = reading(
        "피상속인 갑(부)이 사망. 상속인 을(처), 병(장남). 상속재산 20억(채무·장례비 차감 후) 중 을 8억, 병 12억. 상속세는?"
    )
    assert r.kind == "inheritance" and r.inputs.get("spouse") is True
