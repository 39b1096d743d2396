"""Reading causes fixed in lane M (session 9: money said aloud and in slang), each tested in wording of its own:
장 for 만원, thousands written with k, the unit said before the number, one digit after 억 for its 천만, a memo's
unit note on its own line, a tax said in Hangul with 만 left out, a round figure corrected by the exact one, and
the estate left once the debts and the funeral are paid."""

from __future__ import annotations

from reading_cases import inputs, reading

from taxqa.tax.money_slang import in_won_units


def test_jang_after_money_words_is_man_won():
    got = inputs("간이과세 분식집이에요. 작년 매출 부가세 포함 4200장, 세금계산서 받은 매입 1300장. 부가세 얼마?")
    assert got["supply"] == 42_000_000 and got["purchases"] == 13_000_000


def test_jang_of_paper_stays_a_count():
    text, doubts = in_won_units("작년 매출 3억인데 영수증 모아둔 게 1500장이에요")
    assert "1500장" in text and not doubts


def test_a_few_jang_said_in_words_is_asked_not_guessed():
    text, doubts = in_won_units("아빠가 용돈으로 다섯 장 주셨어요. 증여세 내야 해요?")
    assert "다섯 장" in text and doubts and "만원인지 백만원인지" in doubts[0]


def test_thousands_with_k_are_won():
    text, _ = in_won_units("매입 월 120k씩 12개월")
    assert "월 12만원씩" in text


def test_the_unit_said_before_the_number():
    got = inputs("영리법인이고 사업연도 1년. 과세표준은 억 단위로 말하면 2.4 정도예요. 법인세 산출세액은?")
    assert got["base"] == 240_000_000


def test_one_digit_after_eok_is_its_cheonman():
    got = inputs("2015년에 오억 삼에 산 아파트를 올해 구억에 팔았어요. 1세대 1주택 아니고 보유 11년. 양도세는?")
    assert got["acquired"] == 530_000_000 and got["price"] == 900_000_000


def test_a_unit_note_on_its_own_line_sets_the_lines_above():
    got = inputs(
        "일반과세자 2기 확정\n매출(공급가액) 12,400\n매입(공급가액, 세금계산서) 7,100\n※ 모두 만원 단위\n부가세?"
    )
    assert got["sales"] == 124_000_000 and got["purchases"] == 71_000_000


def test_a_tax_said_in_hangul_hundreds_is_man_won():
    got = inputs(
        "종소세 신고를 놓쳤어요. 낼 세금이 삼백이었는데 기한 지나고 열흘 만에 기한후신고하고 다 냈어요. 가산세?"
    )
    assert got["tax"] == 3_000_000


def test_a_round_figure_a_little_over_is_replaced_by_the_exact_one():
    got = inputs("종합소득 과세표준이 5천 조금 넘게(정확히 5,080만) 나왔어요. 산출세액은?")
    assert got["base"] == 50_800_000


def test_what_is_left_once_debts_and_funeral_are_paid_is_the_estate():
    r = reading("아버지가 돌아가셨어요. 대출 갚고 장례 치르고 나니 딱 9억이에요. 어머니와 저 둘이 상속받아요. 상속세?")
    assert r.inputs["estate"] == 900_000_000


def test_bills_counted_in_jang_are_no_unknown_sum():
    _, doubts = in_won_units("오만 원짜리 두 장 넣어 줬어요. 증여세 나와요?")
    assert not doubts


def test_a_decimal_said_in_hangul_before_eok():
    got = inputs("할머니가 손녀한테 일점이억을 현금으로 주셨어요. 손녀는 스물다섯 살. 증여세?")
    assert got["amount"] == 120_000_000
