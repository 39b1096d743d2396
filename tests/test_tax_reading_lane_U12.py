"""Reading causes fixed in lane U (상속세, held-out p53-p58), each tested in wording of its own: an estate said after
"공제하고" (debts taken off, no deduction rule), an aside in brackets
that ends by restating the figure before it ("→ 9억으로 봐주세요"), the spouse's part valued after it ("그게 4억"),
a leading list of bare figures with a count and a yes ("3) 3명 4) 있음") explained afterwards, "자녀 수 N명", a
widow's "저랑 아들 둘뿐" (one son), her share said before its taker ("5억은 제가, 나머지는 아들이"), a death said
as a plain "떠났어요" with the month, a judgment's parties ("배우자인 원고 1", "자녀인 원고 2, 원고 3") and the one
whose inheritance is asked ("어머니 상속세만", "모친 상속 건") among two deaths or none."""

from __future__ import annotations

from reading_cases import inputs


def test_an_aside_restating_the_figure_before_it_is_no_fact_of_its_own():
    got = inputs(
        "아버지가 작년 10월에 돌아가셨어요. 빚 다 빼고 재산이 9억이래요 (큰아버지는 10억이라는데 카드값 1억을 빼야 "
        "한대요 → 9억으로 봐주세요). 상속인은 어머니와 저희 남매 둘이에요. 상속세 얼마예요?"
    )
    assert got["estate"] == 900_000_000 and got["children"] == 2


def test_the_spouse_part_valued_after_it_as_geuge():
    got = inputs(
        "할아버지가 지난달 돌아가셨어요. 재산은 채무 빼고 12억이에요. 상속인은 할머니와 자식 둘이고, 할머니는 "
        "주택만 받기로 했는데 그게 4억이에요. 상속세는요?"
    )
    assert got["spouse_inherits"] == 400_000_000


def test_a_list_of_figures_a_count_and_a_yes_explained_afterwards():
    got = inputs(
        "1) 15억 2) 2억 3) 3명 4) 있음. 1번은 아버지가 남기신 재산(채무 뺀 것)이고, 2번은 그중 예금이에요. "
        "3번은 자녀 수, 4번은 어머니가 살아 계시다는 뜻이에요. 어머니는 법정상속분대로 받으세요. 상속세는?"
    )
    assert got["estate"] == 1_500_000_000 and got["financial"] == 200_000_000
    assert got["children"] == 3 and got["spouse"] is True
    assert got["spouse_inherits"] == 1_500_000_000 * 3 // 9  # 1.5 / (1.5 + 3)


def test_a_widow_and_one_son_counted_together_and_her_share_said_first():
    got = inputs(
        "10억이에요, 빚 빼고요. 그중 5억은 제가, 나머지 5억은 아들이 받기로 했어요. 남은 가족은 저랑 아들 둘뿐이에요. "
        "네, 남편이 지난 5월에 떠났어요. 상속세가 얼마일까요?"
    )
    assert got["children"] == 1 and got["spouse"] is True
    assert got["spouse_inherits"] == 500_000_000


def test_a_judgments_parties_named_by_relation():
    got = inputs(
        "망 김○○은 2026. 2. 3. 사망하였고, 상속인으로는 배우자인 원고 1과 자녀인 원고 2, 원고 3, 원고 4가 있다. "
        "상속재산은 채무를 빼면 25억 원이며, 원고 1이 8억 원 상당을 상속하기로 하였다. 상속세는 얼마인가?"
    )
    assert got["spouse"] is True and got["children"] == 3
    assert got["spouse_inherits"] == 800_000_000


def test_the_one_whose_tax_is_asked_among_two_deaths():
    got = inputs(
        "올해 2월에 큰아버지가 돌아가셨고, 5월엔 어머니가 돌아가셨어요. 어머니 상속세만 궁금해요. 재산은 빚 빼고 "
        "10억이고, 아버지는 살아 계시고 4억을 받기로 했어요. 자녀는 저와 누나 둘이에요."
    )
    assert got["spouse"] is True and got["spouse_inherits"] == 400_000_000 and got["children"] == 2


def test_the_one_whose_inheritance_a_note_is_about_with_no_death_verb():
    got = inputs(
        "모친 상속 건 정리해 드립니다. 주택 감정가 9억, 예금 1억, 빚 빼면 10억입니다. 상속인은 부친과 자녀 셋이고 "
        "주택(9억)은 부친이 받으시기로 했습니다. 상속세가 얼마인지 여쭤봐 달라고 하셨어요."
    )
    assert got["spouse"] is True and got["spouse_inherits"] == 900_000_000


def test_an_estate_said_after_its_debts_were_deducted_is_the_estate():
    got = inputs(
        "아버지가 돌아가셨어요. 상속재산은 빚을 공제하고 16억이며 상속인은 어머니와 저 둘이에요. 상속세는 얼마인가요?"
    )
    assert got["estate"] == 1_600_000_000
