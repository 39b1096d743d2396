"""Lane V cause tests (text dictated to a phone's voice control): punctuation said as words, words taken back,
numbers said syllable by syllable or digit by digit, fillers in a figure, a figure said twice, tax words
dictated apart."""

from __future__ import annotations

from taxqa.tax.dictation import dictated
from taxqa.tax.spoken_numerals import figure_value, joined
from taxqa.tax.typos import without_slips
from tests.reading_cases import inputs, reading

# --- the dictation pass ------------------------------------------------------------------------------------------


def test_spoken_marks_become_marks_and_the_send_command_goes():
    text, assumed, _ = dictated("증여 세 질문 이요 마침표 새 줄 아들 한테 줄 돈 이요 쉼표 얼마 예요 물음표 전송")
    assert text == "증여 세 질문이요.\n아들한테 줄 돈이요, 얼마예요?"  # particles on their words
    assert assumed


def test_a_single_comma_word_in_typed_text_is_left_alone():
    q = "쉼표 하나 빠졌네요 아버지가 1억 주셨어요"
    assert dictated(q)[0] == q


def test_the_figure_before_a_take_back_is_dropped_and_its_label_kept():
    text, assumed, _ = dictated("판 가격 은 구 억 원 방금 거 취소 구 억 삼 천 만 원 이고 쉼표 끝 마침표")
    assert text.startswith("판 가격은 구 억 삼 천 만 원이고,")
    assert any("구 억 원" in a for a in assumed)


def test_erase_after_a_correction_word_takes_back_the_figure_before_it():
    text, _, _ = dictated("월세 가 칠 십 쉼표 아니 지우기 쉼표 잘 모르겠어요 마침표")
    assert "칠 십" not in text


def test_a_take_back_after_words_takes_back_the_words_since_the_last_mark():
    text, _, _ = dictated("안녕 하세요 마침표 퇴직금 이 쉼표 음 쉼표 방금 거 취소 쉼표 다음 에 말할게요 마침표")
    assert "퇴직금" not in text


def test_a_filler_inside_a_figure_is_no_part_of_it():
    text, _, _ = dictated("매입 은 이 천 음 삼 백 만 원 이에요 마침표 끝 마침표")
    assert joined(text).startswith("매입은 이천삼백만 원")


def test_a_figure_said_twice_is_one_figure():
    text, assumed, _ = dictated("월급 은 삼 백 만 원 쉼표 삼 백 만 원 이고요 마침표 질문 마침표")
    assert text.count("삼 백 만 원") == 1
    assert any("두 번" in a for a in assumed)


def test_a_decimal_figure_glossed_in_plain_words_is_kept_once():
    text, _, doubts = dictated("받은 돈 은 이 점 오 억 원 쉼표 그러니까 이 억 오 천 만 원 이에요 마침표 끝 마침표")
    assert "받은 돈은 이 억 오 천 만 원이에요" in text and "점" not in text and not doubts


def test_a_gloss_that_disagrees_is_flagged():
    _, _, doubts = dictated("받은 돈 은 이 점 오 억 원 쉼표 그러니까 이 억 삼 천 만 원 이에요 마침표 끝 마침표")
    assert doubts


# --- numbers said aloud ------------------------------------------------------------------------------------------


def test_figure_values_said_word_by_word():
    assert figure_value("삼 억 사 천 만 원".split()) == 340_000_000
    assert figure_value("영 점 칠 억".split()) == 70_000_000
    assert figure_value("칠 삼 공 공 만 원".split()) == 73_000_000
    assert figure_value("이 사 천".split()) is None


def test_decimals_digits_and_percent_said_aloud_are_joined():
    assert "2.5억" in joined("이 점 오 억 원 을 받았다")
    assert "5300만 원" in joined("연봉 은 오 삼 공 공 만 원 입니다")
    assert "30%" in joined("감면 삼 십 퍼센트 받으면")


def test_a_particle_before_a_spaced_number_does_not_stop_the_join():
    assert "매입 이 사천오백만 원" in joined("매입 이 사 천 오 백 만 원 이고")


# --- tax words dictated apart ------------------------------------------------------------------------------------


def test_tax_names_dictated_apart_or_misheard_are_set_right():
    text, changed = without_slips("가 산 세 얼마, 퇴직 소 득 세 는, 부과세 신고, 상속 새 는 얼마")
    assert "가산세 얼마" in text and "퇴직소득세 는" in text and "부가세 신고" in text and "상속세 는" in text
    assert len(changed) == 4


def test_a_new_word_after_a_tax_stem_is_not_a_tax():
    assert without_slips("집 양도 새 아파트 구입")[0] == "집 양도 새 아파트 구입"


# --- whole questions ---------------------------------------------------------------------------------------------


def test_a_dictated_sale_with_a_take_back_reads_the_figure_said_after_it():
    q = (
        "양도 소득세 문의 마침표 줄 바꿈 일 세대 일 주택 이고 보유 는 십 년 쉼표 거주 도 십 년 마침표 "
        "산 가격 은 육 억 원 방금 거 취소 오 억 구 천 만 원 이고 쉼표 이번 에 십 삼 억 원 에 팔았어요 마침표 "
        "양도 소득세 얼마 예요 물음표 전송"
    )
    got = inputs(q)
    assert got["acquired"] == 590_000_000
    assert got["price"] == 1_300_000_000


def test_a_dictated_vat_question_with_a_filler_and_a_repeat():
    q = (
        "일반 과세자 예요 마침표 줄 바꿈 매출 공급 가액 이 육 천 음 이 백 만 원 쉼표 육 천 이 백 만 원 이고 쉼표 "
        "매입 공급 가액 은 사 천 만 원 마침표 부과세 얼마 예요 물음표 전송"
    )
    got = inputs(q)
    assert got["sales"] == 62_000_000
    assert got["purchases"] == 40_000_000


def test_a_dictated_question_keeps_its_assumption_visible():
    q = "증여 새 질문 마침표 아버지 가 아들 한테 이 억 원 쉼표 이 억 원 줬어요 마침표 증여 세 얼마 물음표 전송"
    r = reading(q)
    assert r.inputs["amount"] == 200_000_000
    assert any("두 번 말한 금액" in a for a in r.assumptions)


def test_a_grandparent_saying_nobody_gave_the_grandchild_before_still_skips_a_generation():
    q = (
        "손자 통장에 내가 2천만 원 넣어 줄 건데, 할머니도 나도 전에 손자한테 준 건 없어요. "
        "손자는 열 살이고 애 엄마는 살아 있어요. 증여세는 얼마예요?"
    )
    got = inputs(q)
    assert got["relation"] == "lineal_ascendant"
    assert got.get("generation_skip") is True


def test_a_late_return_band_said_in_native_months():
    q = (
        "종합소득세 신고를 놓쳤어요. 낼 세금이 200만원이고, 기한 지나고 한 달은 넘었고 두 달은 안 돼서 "
        "기한 후 신고 했어요. 무신고 가산세만 얼마예요?"
    )
    assert inputs(q)["months_late"] == 2


def test_a_simplified_vat_question_without_sales_asks_for_the_sales_by_that_word():
    from taxqa.tax.reading import read_question

    r = read_question("간이과세자 빵집인데 매출은 장부를 봐야 알아요. 부가세 얼마 나와요?", as_of="2026-06-01")
    assert any("매출" in m for m in r.missing)
