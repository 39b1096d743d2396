"""Reading causes fixed in lane U (상속세, held-out p51-p54), each tested in wording of its own: "both of us" said
after the asker and a sibling ("나와 내 남동생은 둘 다"), a news story's list of heirs counted with words between
("A씨와, 그리고 대구에 사는 여동생 세 사람"), and the spouse's part named with its price in brackets
("주택(시가 7억원)은 어머니 몫으로")."""

from __future__ import annotations

from reading_cases import inputs


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
