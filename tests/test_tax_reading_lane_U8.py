"""Reading causes fixed in lane U (상속세, 법인세), each tested in wording of its own: what is left after the debts said
with words between ("빼고 남은 게 딱 …") or in dialect ("빼믄"), the deposits said net of their loans, dialect verbs for
a death and the dialect's 자식, farmland in 마지기 with its value, a family listed with ages before its count, and a
company's base said before its trade with the tax office's "사업연도 12M"."""

from __future__ import annotations

from reading_cases import inputs

from taxqa.tax.normalise import normalise
from taxqa.tax.reading import read_question


def test_what_is_left_after_the_debts_with_words_between_is_the_estate():
    got = inputs(
        "남편이 작년 겨울에 돌아가셨어요. 대출이랑 장례비를 모두 빼고 남은 게 정확히 18억이고 제가 7억을 받기로 "
        "했어요. 자녀는 딸 둘이에요. 상속세는요?"
    )
    assert got["estate"] == 1_800_000_000 and got["spouse_inherits"] == 700_000_000 and got["children"] == 2


def test_the_deposits_said_net_of_their_loans_are_the_financial_part():
    got = inputs(
        "아버지가 돌아가셨고 어머니도 예전에 돌아가셨어요. 채무를 뺀 재산이 20억이고 그중 적금은 대출 빼고 2억이에요. "
        "자녀는 넷이에요. 상속세 얼마?"
    )
    assert got["estate"] == 2_000_000_000 and got["financial"] == 200_000_000


def test_dialect_words_for_the_death_the_rest_and_the_children():
    got = inputs(
        "우리 영감이 작년 가을에 가부렀어. 밭 다섯 마지기가 2억이고 집까지 빚 빼믄 9억이여. 자석들은 셋인디 "
        "나가 3억 받기로 했어. 상속세 얼마여?"
    )
    assert got["estate"] == 900_000_000 and got["children"] == 3 and got["spouse_inherits"] == 300_000_000


def test_a_southern_past_tense_of_the_death_verb_names_the_deceased():
    got = inputs(
        "영감이 지난 가을에 돌아갔다. 집이랑 땅 다 해서 빚 빼모 12억이다. 내가 5억 받기로 했고 아들 둘 있다. 상속세는?"
    )
    assert got["estate"] == 1_200_000_000 and got["spouse_inherits"] == 500_000_000 and got["children"] == 2


def test_a_family_listed_with_ages_before_its_count_counts_the_list():
    got = inputs(
        "아빠가 올해 돌아가셨어요. 식구는 엄마(60), 저(30), 여동생(27) 셋이에요. 장례비까지 다 빼면 15억이고 "
        "엄마가 6억 받기로 했어요. 상속세 얼마 나와요?"
    )
    assert got["children"] == 2 and got["estate"] == 1_500_000_000


def test_a_company_base_said_before_its_trade_is_read_as_corporate_tax():
    reading = read_question("과표 4.5억 도소매 중소법인, 사업연도 12M 산출세액?")
    assert reading.kind == "corporate" and reading.inputs.get("base") == 450_000_000
    assert not reading.ambiguous and "months" not in reading.inputs


def test_months_of_a_business_year_in_the_office_shorthand_are_no_money():
    assert "9개월" in normalise("사업연도 9M 과표 1억")
    assert "만원" not in normalise("26년 사업연도 12M 산세?")
