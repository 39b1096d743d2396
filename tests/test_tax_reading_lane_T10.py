"""Lane T cause tests, round ten: a table typed with spaces (one row said as "header value", a period's monthly rows
added up, a column of counts left out), figures listed first by number and explained afterwards (by "N번은" or
"순서대로"), English tax words in a Korean question, and a hashtag that only stresses a figure of a sentence."""

from __future__ import annotations

from taxqa.tax.columns import rows_as_sentences
from taxqa.tax.english_terms import in_korean
from taxqa.tax.numbered_figures import explained_list
from taxqa.tax.shorthand import plain_hashtags
from tests.reading_cases import inputs, reading


def test_monthly_rows_typed_with_spaces_are_added_up_per_column():
    q = (
        "식당 하는 개인 일반과세자예요. 1기 확정신고 때 부가세 얼마 낼까요?\n\n"
        "월     매출 공급가액   매입 공급가액   직원 수\n"
        "1월      8,000,000      3,000,000      4\n"
        "2월      9,000,000      3,500,000      4\n"
        "3월     10,000,000      4,500,000      5\n\n"
        "매입은 모두 세금계산서로 받았어요."
    )
    got = inputs(q)
    assert got["sales"] == 27_000_000
    assert got["purchases"] == 11_000_000


def test_a_count_column_is_no_money():
    text, notes = rows_as_sentences("월   매출액   방문객 수\n4월   5,000,000   900\n5월   6,000,000   1,100")
    assert "11,000,000원" in text and "2,000" not in text and notes


def test_single_row_under_a_header_is_read_with_each_column_name():
    q = (
        "올해 법인세 추가로 낼 금액은?\n\n"
        "회사      사업연도                  과세표준(원)      중간예납(원)\n"
        "㈜다온    2026.01.01~2026.12.31     300,000,000       9,000,000\n\n"
        "중간예납 외 기납부세액은 없어요."
    )
    got = inputs(q)
    assert got["base"] == 300_000_000
    assert got["prepaid"] == 9_000_000


def test_plain_sentence_with_double_spaces_is_left_alone():
    text = "연봉은  5천만원이고  부양가족은  없어요"
    assert rows_as_sentences(text) == (text, [])


def test_numbered_figures_explained_by_their_numbers():
    q = (
        "1) 9천만 2) 6천만 3) 2,200만. 1번은 올해 1기 매출 공급가액, 2번은 같은 기간 세금계산서 받은 매입 공급가액, "
        "3번은 카드로 결제받은 금액(부가세 포함)이에요. 개인 일반과세자 음식점이고 작년 매출 5억이에요. 부가세는?"
    )
    got = inputs(q)
    assert (got["sales"], got["purchases"], got["card_sales"]) == (90_000_000, 60_000_000, 22_000_000)


def test_numbered_figures_explained_in_order():
    text, done = explained_list(
        "1) 2억 2) 500만. 차례대로 법인세 과세표준(올해), 중간예납 세액입니다. 법인세 더 낼 금액?"
    )
    assert done
    assert "과세표준 2억(올해)" in text and "중간예납 세액 500만" in text


def test_numbered_list_without_matching_explanations_is_left():
    text = "1) 2억 2) 500만. 법인세 얼마예요?"
    assert explained_list(text) == (text, False)


def test_english_tax_words_in_korean():
    said = in_korean("1H (Jan–Jun) sales 1억, purchases는 6천만 with tax invoice, card sales가 0. Payable VAT?")
    assert "매출 1억" in said and "매입은 6천만" in said and "세금계산서" in said and "카드매출이 0" in said
    assert "1월–6월" in said and "부가세" in said


def test_english_words_that_only_look_like_months_are_kept():
    assert in_korean("May I ask about marketing costs?") == "May I ask about marketing costs?"


def test_vat_asked_with_english_words():
    q = "VAT 질문: 일반과세자, 2026년 2기 sales 공급가액 9,000만, tax invoice 받은 purchases 공급가액 4,000만. Payable VAT?"
    got = inputs(q)
    assert (got["sales"], got["purchases"]) == (90_000_000, 40_000_000)


def test_a_hashtag_on_a_figure_inside_a_sentence_only_stresses_it():
    assert plain_hashtags("매입 공급가액 #3천5백만 (세금계산서 받음)") == "매입 공급가액 3천5백만 (세금계산서 받음)"
    assert "/" in plain_hashtags("#퇴직금 #1억5천 #근속18년")


def test_simple_taxpayer_post_with_stressed_figures():
    q = (
        "🍞 빵집 사장 (간이과세자) 작년 매출 카드 현금 합쳐서 #6천만원 (부가세 포함) 💳 그중 카드결제가 #4천만원 이고 "
        "세금계산서 받은 밀가루 매입이 #1천5백만원 (부가세 포함) 부가세 얼마 나와요?? #간이과세자 #빵집"
    )
    got = inputs(q)
    assert (got["supply"], got["card_sales"], got["purchases"]) == (60_000_000, 40_000_000, 15_000_000)


def test_card_sales_said_as_a_bare_zero_raise_no_doubt():
    q = "일반과세자, 2기 매출 공급가액 2억, 매입 공급가액 1억 2천. 거래처가 전부 법인이라 카드매출은 0. 부가세 얼마?"
    got = reading(q)
    assert got.inputs["sales"] == 200_000_000
    assert not any("카드" in x for x in got.ambiguous + got.missing)
