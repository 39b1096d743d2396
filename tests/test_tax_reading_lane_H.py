"""Reading causes fixed in lane H, each tested in wording of its own: a question written in the old mixed
script of Hanja and Hangul (numerals, kin words, tax words), read as Hangul before any reader sees it, and
a Hanja the table lacks reported rather than dropped; numbers a speech-to-text engine wrote syllable by
syllable, joined only where the run can be read no other way."""

from __future__ import annotations

from reading_cases import AS_OF, inputs, reading

from taxqa.tax.asking_price import asking
from taxqa.tax.hanja_reading import hangul_reading, numeral_value
from taxqa.tax.reading import read_question
from taxqa.tax.spoken_numerals import joined


def test_hanja_numerals_become_the_digits_the_amount_parser_reads():
    assert hangul_reading("時價 七億三千萬원")[0] == "시가 7억 3000만원"
    assert hangul_reading("一九九八年 十一月")[0] == "1998년 11월"
    assert hangul_reading("六十七歲")[0] == "67세"
    assert numeral_value("壹億貳阡萬") == 120_000_000
    assert numeral_value("二三千") is None  # two digits before one unit: no number


def test_the_initial_sound_rule_applies_only_where_a_word_starts():
    assert hangul_reading("老母와 次女")[0] == "노모와 차녀"
    assert hangul_reading("年末 所得稅率")[0] == "연말 소득세율"
    assert hangul_reading("萬一 不動産을")[0] == "만일 부동산을"


def test_a_gift_letter_in_mixed_script_is_read_like_its_hangul():
    got = inputs("次女에게 住宅 購入 資金으로 現金 二億원을 贈與하려 하오. 次女는 올해 서른둘이오. 贈與稅는 얼마요?")
    assert got["amount"] == 200_000_000 and got["relation"] == "lineal_ascendant"


def test_a_late_husband_named_in_hanja_is_the_one_who_died():
    got = inputs(
        "亡夫가 지난 五月 別世하였소. 相續人은 本人과 아들 둘이오. 遺産은 아파트 九億과 預金 二億이오. "
        "아파트 九億은 제가 相續받기로 하였소. 相續稅는 얼마요?"
    )
    assert got["spouse"] is True and got["spouse_inherits"] == 900_000_000 and got["estate"] == 1_100_000_000


def test_a_penalty_days_and_tax_written_in_hanja():
    got = inputs("贈與稅 八百萬원을 期限보다 三十日 늦게 納付하였소. 納付遲延加算稅는 얼마요?")
    assert got["tax"] == 8_000_000 and got["days"] == 30


def test_a_hanja_the_table_lacks_is_kept_and_asked_about():
    text, unread = hangul_reading("贈與稅 얼마요 龘")
    assert "龘" in text and unread == ["龘"]
    reading = read_question("아들에게 現金 一億원을 贈與하면 贈與稅는 얼마요? 龘", as_of=AS_OF)
    assert any("龘" in line and "한글" in line for line in reading.ambiguous)


def test_a_lone_answer_word_of_a_form_stays_for_the_form_readers():
    assert hangul_reading("1세대1주택 해당 無")[0] == "1세대1주택 해당 無"
    assert hangul_reading("無申告 加算稅")[0] == "무신고 가산세"


def test_spaced_numeral_syllables_are_joined_into_the_number_said():
    assert joined("매입이 칠 천 이 백 만 원 이에요") == "매입이 칠천이백만 원 이에요"
    assert joined("재산이 이 십 삼 억이고") == "재산이 이십삼억이고"
    assert joined("삼 억 오 천에 팔았고") == "삼억 오천에 팔았고"
    assert joined("이천 이십 삼 년 칠월에 사서 구 년 됐어요") == "2023년 칠월에 사서 9년 됐어요"
    assert joined("십 오 년 삼 개월 근무") == "15년 3개월 근무"


def test_a_spaced_run_that_could_be_other_words_is_left_as_said():
    for said in ("이 천에 샀어요", "이 이 억", "이 년 동안", "일 층 상가", "이십 팔 일요일"):
        assert joined(said) == said


def test_a_spoken_transfer_with_spaced_numbers_is_read_in_full():
    got = inputs(
        "음 토지를 이천 십 오 년 삼월에 이 억 오 천에 샀고요 어 이번에 육 억 에 팔아요 딱 십 일 년 됐어요 "
        "필요경비는 이 천 만 원 들었어요 양도세 얼마예요"
    )
    assert got["price"] == 600_000_000 and got["acquired"] == 250_000_000 and got["expenses"] == 20_000_000
    assert got["held_years"] == 11


def test_an_asking_price_is_never_the_sale_price():
    got = inputs(
        "매도 정리: 호가 9억 원에 올렸었는데 결국 8억 3천에 계약했어요. 2016년 7월에 4억에 샀고 10년 보유, "
        "쭉 살지는 않았고 다른 집이 한 채 더 있어요. 양도세 얼마죠?"
    )
    assert got["price"] == 830_000_000 and got["acquired"] == 400_000_000


def test_a_listing_price_said_with_its_verb_is_set_aside():
    said = "처음엔 6억 2천에 내놨다가"
    assert asking(said, 4, said.index("에 내")) and not asking("6억 2천에 팔았다가", 0, 6)
    got = inputs("상가를 처음엔 6억 2천에 내놨다가 5억 8천에 팔았어요. 3억에 산 지 7년이에요. 양도소득세는요?")
    assert got["price"] == 580_000_000 and got["acquired"] == 300_000_000


def test_an_asking_price_is_never_a_gift_value():
    got = inputs(
        "아들한테 빌라를 넘겨주려고요. 부동산 앱 호가는 2억 8천인데 감정가는 2억 4천이 나왔어요. 아들은 서른다섯, "
        "10년 동안 받은 거 없어요. 증여세 얼마예요?"
    )
    assert got["amount"] == 240_000_000


def test_a_lone_asking_price_is_flagged_not_trusted():
    r = reading("네이버 호가 7억짜리 아파트예요. 4억에 샀고 5년 보유했어요. 팔면 양도세 얼마쯤 나올까요?")
    assert any("호가" in line for line in r.ambiguous)


def test_the_sellers_own_listing_alone_is_the_planned_price():
    got = inputs("가게 건물을 2014년에 3억에 샀고 이번에 8억에 내놨어요. 1주택 아님. 양도세 얼마?")
    assert got["price"] == 800_000_000


def test_this_years_month_in_brackets_or_said_as_this_one():
    got = inputs("2016년 9월에 2억에 창고를 사서 올해(2026년) 4월에 3억 5천에 팔았습니다. 경비 없음. 양도세는?")
    assert got["held_years"] == 9
    got = inputs("2014년 2월에 1억 9천에 산 땅을 이번 4월에 3억에 넘겼어요. 양도세 알려 주세요.")
    assert got["held_years"] == 12


def test_a_siblings_sale_beside_mine_is_left_out():
    got = inputs(
        "형은 재작년에 아파트를 9억에 팔았고(6억에 산 거), 저는 작년 말에 산 밭을 이번에 팔았어요. 제 밭은 "
        "2019년 5월에 8천에 사서 1억 3천에 팔았고 5년 가지고 있었어요. 제 양도세만 계산해 주세요."
    )
    assert got["price"] == 130_000_000 and got["acquired"] == 80_000_000


def test_two_costs_said_together_are_both_expenses():
    got = inputs(
        "2015년에 3억에 산 상가를 올해 5억에 팔아요. 리모델링비 1,800만 원하고 중개보수 400만 원 들었어요. 양도세는?"
    )
    assert got["expenses"] == 22_000_000


def test_lived_there_all_along_and_no_other_house():
    got = inputs(
        "고객님 매도 건입니다. 2015년 4월 5억 2천 매수, 올해 6월 11억에 매도, 11년 보유하셨고 그동안 계속 직접 "
        "거주하셨어요. 다른 주택은 없으십니다. 양도세 얼마인가요?"
    )
    assert got["resided_years"] == 11 and got["one_house"] is True


def test_a_share_said_in_words_is_a_fraction():
    from fractions import Fraction

    from taxqa.tax.fractions import share_after, share_part

    cases = {"지분 절반을": (1, 2), "지분을 반씩": None, "지분 삼분지일": (1, 3), "지분 3분의 1": (1, 3),
             "지분 1/4": (1, 4), "지분 2할 5푼": (1, 4), "매출의 꼭 육할": (3, 5), "지분 40%": (2, 5)}  # fmt: skip
    for said, want in cases.items():
        got = share_after(said, r"지분|매출")
        assert (got and got[0]) == (want and Fraction(*want)), said
    assert share_after("매출 할인", r"매출") is None and share_part(100_000_001, Fraction(1, 3)) == 33_333_333


def test_a_gift_of_a_share_said_after_the_whole_value():
    got = inputs(
        "남편 명의 오피스텔이 시세로 육억 합니다. 올봄에 남편이 그걸 저랑 같이 갖자며 지분 삼분지일을 제 이름으로 "
        "돌려 주었어요. 예전에 받은 재산은 없고요. 제 증여세가 얼마나 나옵니까?"
    )
    assert got["amount"] == 200_000_000 and got["relation"] == "spouse"


def test_purchases_said_as_tenths_of_the_sales():
    got = inputs(
        "식당 하는 일반과세자예요. 2기 확정 때 낼 부가세 좀 봐 주세요. 칠월부터 십이월까지 매출이 공급가액으로 "
        "8천만원이고, 세금계산서로 받은 매입은 그 매출의 딱 2할 5푼이에요. 부가가치세 얼마 내요?"
    )
    assert got["sales"] == 80_000_000 and got["purchases"] == 20_000_000


def test_an_honorific_sale_and_costs_while_held_and_at_the_sale():
    got = inputs(
        "제 고모부 일인데요, 고모부가 2013년 3월에 2억 1천에 사신 점포 건물을 올해 4월에 4억 8천만원에 "
        "파셨어요. 그사이 리모델링(자본적 지출)에 2천만원, 팔 때 중개보수로 300만원 드셨대요. 양도소득세 얼마예요?"
    )
    assert got["price"] == 480_000_000 and got["acquired"] == 210_000_000 and got["expenses"] == 23_000_000


def test_a_monthly_amount_beside_a_sale_is_no_price():
    r = reading(
        "학원 앞에서 기다리다 들은 얘기예요. 그 댁은 2023년 9월에 3억 2천에 아파트를 사서 살다가 올해 3월에 "
        "3억 9천에 팔았대요. 다른 집은 없고요, 필요경비 500만원. 학원비는 월 35만원이래요. 양도세 얼마예요?"
    )
    assert r.inputs["price"] == 390_000_000 and r.inputs["acquired"] == 320_000_000
    assert not any("기간마다" in line for line in r.missing)


def test_a_price_taken_back_as_the_first_asked_is_set_aside():
    got = inputs(
        "형님이 상가를 2018년 6월에 3억 1천에 사서 올해 4월에 5억 2천에 팔았대요. 아 5억 2천은 처음 부른 "
        "가격이고 깎아서 5억에 넘겼답니다. 필요경비 900만원, 8년 보유, 주택 아니에요. 양도소득세 얼마예요?"
    )
    assert got["price"] == 500_000_000 and got["acquired"] == 310_000_000


def test_a_coworkers_rough_figure_is_no_fact_of_the_askers_case():
    r = reading(
        "저는 2012년 3월에 입사해서 올해 2월 말에 퇴사했어요. 퇴직금은 세전 9,800만원이고요. 같이 그만둔 "
        "최 부장은 3억 좀 넘게 받았다더라고요. 제 퇴직소득세는 얼마예요?"
    )
    assert r.inputs["pay"] == 98_000_000 and not any("범위" in line for line in r.missing)
    assert any("최 부장" in line for line in r.assumptions)
