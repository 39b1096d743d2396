"""Round 72 (set 89's misses at their rules), each tested on wording of its own: a gift from a spouse's parent to a
사위 or 며느리 (or from the bride's side to the groom) is an 인척's; an industry said not to be the business is passed
over; "N년 택시 몰고" is the years of service; 마누라 is the spouse; a scanned form's spaced letters are joined when
they make a relative or a tax word, and only then."""

from __future__ import annotations

from taxqa.tax.fields import spaced_letters
from taxqa.tax.reading import ask

AS_OF = "2026-06-01"


def inputs(q: str) -> dict:
    return ask(q, as_of=AS_OF)["inputs"]


def test_a_gift_to_a_child_in_law_is_an_in_laws():
    assert inputs("시아버님이 며느리한테 4천 주신대요. 며느리 증여세?")["relation"] == "other_relative"
    a = inputs("신랑 쪽 어머니가 신부한테 3천만원 주신대요. 증여세 얼마예요?")
    assert a["relation"] == "other_relative" and not a.get("marriage_birth")
    assert inputs("아버지가 저한테 결혼자금 1억 주셨어요. 저는 신부예요")["relation"] == "lineal_ascendant"


def test_an_industry_said_not_to_be_the_business():
    assert inputs("간이과세, 소매 말고 미용실이에요. 공급대가 6천. 부가세?")["industry"] == "service"
    assert inputs("간이과세 음식점이에요, 공급대가 6천. 부가세?")["industry"] == "restaurant"


def test_years_of_driving_are_the_service():
    assert inputs("택시 15년 몰았고 회사 그만두면서 퇴직금 9천 받았어요. 세금?")["years"] == 15


def test_the_wife_called_manura_is_the_spouse():
    a = inputs("연봉 4천 5백인데 마누라랑 애 하나(10살) 먹여 살려요. 결정세액?")
    assert (a["dependents"], a["children"]) == (2, 1)


def test_spaced_letters_joined_only_into_known_words():
    assert spaced_letters("증여자 : 할 머 니 / 수증자 : 손 녀") == "증여자 : 할머니 / 수증자 : 손 녀"
    assert spaced_letters("퇴 직 소 득 원 천 징 수 영 수 증") == "퇴직소득원천징수영수증"
    assert spaced_letters("집 두 채 중 하나 팔아요") == "집 두 채 중 하나 팔아요"
    a = inputs("[스캔] 증 여 계 약 서 / 증여자 : 아 버 지 / 수증자 : 딸 (만 29세) / 금액 : 8천만원")
    assert (a["amount"], a["relation"]) == (80_000_000, "lineal_ascendant")


def test_a_child_in_law_read_as_ones_own_child_is_flagged():
    from taxqa.tax import people_nets
    from taxqa.tax.reading import read_question

    reading = read_question("장모님이 사위 앞으로 7천 넣어 주셨대요. 증여세?", as_of=AS_OF)
    reading.inputs["relation"] = "lineal_ascendant"  # as if a rule had read 장모님 as the receiver's own parent
    people_nets.flag_in_law_as_own_child(reading)
    assert any("인척" in x for x in reading.ambiguous)
    reading = read_question("신랑 어머님이 결혼하는 신랑한테 1억 주신대요", as_of=AS_OF)  # his own mother
    people_nets.flag_in_law_as_own_child(reading)
    assert not any("인척" in x for x in reading.ambiguous)
