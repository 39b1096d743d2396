"""Round 70 (set 87's misses at their rules), each tested on wording of its own: a 간이 shop's purchases said a few
words before 공급대가; a purchase said "이십 년 전에 … 주고 산"; values listed in the order their labels are said
("순서예요"); a share's own value ("지분 시가 7억"); the asker who earns while the worker is the asker's spouse; the
gift of the person the question names ("동생 거만")."""

from __future__ import annotations

from taxqa.tax.reading import ask

AS_OF = "2026-06-01"


def inputs(q: str) -> dict:
    return ask(q, as_of=AS_OF)["inputs"]


def test_simple_purchases_said_a_few_words_before_their_supply_price():
    q = "간이과세 음식점입니다. 1년 공급대가 6천, 매입은 세금계산서로 받은 것 공급대가 2천 2백. 부가세 얼마예요?"
    assert inputs(q)["purchases"] == 22_000_000


def test_bought_years_ago_with_the_price_in_spoken_numbers():
    q = "삼십 년 전에 이천만 원 주고 산 땅을 올해 2억에 팔았어요. 집은 아니에요. 양도세는?"
    assert inputs(q)["held_years"] == 30


def test_values_paired_with_labels_said_in_order():
    a = inputs("매출, 매입 순서로 1억 2천, 7천. 일반과세자 부가세?")
    assert (a["sales"], a["purchases"]) == (120_000_000, 70_000_000)
    a = inputs("8억, 5억, 9년 — 양도가액, 취득가액, 보유기간 순이에요. 두 채 중 하나. 양도세?")
    assert (a["price"], a["acquired"], a["held_years"]) == (800_000_000, 500_000_000, 9)


def test_a_value_said_of_the_share_itself_is_not_halved():
    assert (
        inputs("아버지가 상가 지분 절반을 저한테 주신대요. 그 지분의 평가액은 3억이래요. 증여세?")["amount"]
        == 300_000_000
    )
    answer = ask("엄마가 땅 지분 30%를 저한테 넘겨주셨고 지분 가액 2억이에요. 증여세 얼마?", as_of=AS_OF)
    assert answer["inputs"]["amount"] == 200_000_000 and not answer["ambiguous"]
    # the whole's value beside a share said before it is still the whole
    assert inputs("아버지가 집지분 절반 넘기려는데 집값이 12억이에요. 증여세?")["amount"] == 600_000_000


def test_the_asker_who_earns_is_no_dependent_of_the_spouse_asked_about():
    a = inputs("아내 연봉이 7천이고 저도 월급 300 받아요. 아내 결정세액 궁금해요. 아들 12살 하나")
    assert a["dependents"] == 1 and a["children"] == 1
    a = inputs("와이프 연봉 5천, 나는 전업이고 애 둘(10살, 12살). 결정세액?")  # the asker at home still counts
    assert a["dependents"] == 3


def test_the_gift_of_the_person_the_question_names():
    q = "제가 아빠한테 5천 받았고 동생은 할머니한테 8천 받았어요. 동생 거만 계산해 주세요. 동생 25살이고 아빠 엄마 살아계세요"
    a = inputs(q)
    assert a["amount"] == 80_000_000 and a["generation_skip"] is True
    a = inputs("아내는 장모님께 2억 받았고 저는 아버지께 1억 받았어요. 아내 증여세만 알려주세요")
    assert a["amount"] == 200_000_000 and a["relation"] == "lineal_ascendant"
