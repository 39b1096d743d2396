"""Reading causes fixed in lane U (상속세, held-out p51-p54), each tested in wording of its own: "both of us" said
after the asker and a sibling ("나와 내 남동생은 둘 다"), a news story's list of heirs counted with words between
("A씨와, 그리고 대구에 사는 여동생 세 사람"), the spouse's part named with its price in brackets
("주택(시가 7억원)은 어머니 몫으로"), "only child" in English, an exam's answer options (①②③, never inputs), a
document's parties named by letters defined in brackets ("을(처) … 을이 10억 원을 상속"), and a telegraph's lone
부·모 ("상속인 부+자녀3 / 부 실제상속 7억")."""

from __future__ import annotations

from reading_cases import inputs

from taxqa.tax.reading import read_question


def test_both_of_us_after_the_asker_and_a_sibling_is_no_count_of_siblings():
    got = inputs(
        "나의 어머니는 돌아가셨다. 그녀가 남긴 재산은 15억원이다 (빚은 빼진 금액). 상속인은 나와 나의 남동생이다. "
        "나와 나의 남동생은 둘 다 성인이다. 상속세는 얼마인가요?"
    )
    assert got["children"] == 2


def test_a_news_story_counts_its_heirs_with_words_between():
    got = inputs(
        "대전에 사는 B씨(45)는 올해 1월 어머니를 여의었다. 빚을 정리하고 남은 재산은 18억원. 상속인은 아버지(80)와 "
        "B씨, 그리고 대구에 사는 여동생(41) 세 사람이다. 아버지는 8억원을 받기로 했다. 상속세는 모두 얼마일까?"
    )
    assert got["children"] == 2 and got["spouse_inherits"] == 800_000_000


def test_the_spouse_part_named_with_its_price_in_brackets():
    got = inputs(
        "아버지가 돌아가셨고 빚을 다 빼고 남은 재산은 20억입니다. 상속인은 어머니와 저, 여동생입니다. 어머니가 사시는 "
        "주택(시가 7억원)은 어머니 몫으로 하고 나머지는 저희가 나누기로 했어요. 상속세는?"
    )
    assert got["spouse_inherits"] == 700_000_000 and got["children"] == 2


def test_only_child_said_in_english_is_one_child():
    got = inputs(
        "Mom 지난달 passed away. 빚 다 빼고 net estate 9억. Heirs: Dad + 나 (Only child, 40세). 상속세 payable은?"
    )
    assert got["children"] == 1 and got["spouse"] is True


def test_exam_answer_options_are_no_facts_and_the_missing_estate_is_asked():
    r = read_question(
        "문 3. 피상속인 乙이 2026년 3월 사망하였다. 상속인은 배우자와 자녀 3명이며 장례비용 600만원을 지출하였다. "
        "납부할 상속세는?\n① 0원  ② 2,910,000원  ③ 12,610,000원  ④ 55,290,000원",
        as_of="2026-06-01",
    )
    assert any("상속재산" in line for line in r.missing)
    assert "estate" not in r.inputs


def test_a_document_names_its_parties_by_letters_defined_in_brackets():
    got = inputs(
        "상속재산 분할협의서. 피상속인 갑(부, 2026. 1. 9. 사망). 상속인: 을(처), 병(장녀, 만 38세), 정(차남, 만 12세). "
        "상속세 과세가액은 25억 원이며 을이 10억 원을 상속하고 병과 정이 나머지를 나눈다. 상속세는 얼마인가?"
    )
    assert got["spouse"] is True and got["spouse_inherits"] == 1_000_000_000
    assert got["children"] == 2 and got["minor_children_years"] == [7]


def test_a_telegraph_lone_mother_and_father():
    got = inputs("상속 모 '26.1월 사망 / 과세가액(빚 차감후) 19억 / 상속인 부+자녀3 / 부 실제상속 7억 / 상속세?")
    assert got["spouse"] is True and got["spouse_inherits"] == 700_000_000 and got["children"] == 3
