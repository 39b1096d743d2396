"""Lane U cause tests, round seven (inheritance reader): a holiday or a native-numeral age between the one who died
and the verb, a share named with its amount before whose it is, one tax asked for alone, a stepmother married to
the deceased, a childless spouse beside a living parent-in-law, a list of heirs counted as a whole, a particle left
out, a comment chain, spoken pauses, a form's aside with a comma, CSV rows with a net total."""

from __future__ import annotations

from taxqa.tax.children_count import count_children
from taxqa.tax.heirs import heirs
from taxqa.tax.layout import author_replies, uncsv
from tests.reading_cases import answer, inputs, reading


def test_holiday_and_native_numeral_age_before_the_death_verb_and_a_share_named_with_its_amount():
    q = (
        "어머니가 재작년 설 연휴에 여든둘로 돌아가셨습니다. 상속인은 아버지와 저, 여동생이에요. "
        "빚 정리하고 남은 재산이 12억이고 그중 아버지가 사시는 주택 5억은 아버지 명의로 하기로 했어요. 상속세는?"
    )
    got = inputs(q)
    assert got["spouse"] is True
    assert got["spouse_inherits"] == 500_000_000
    assert got["estate"] == 1_200_000_000


def test_one_tax_asked_alone_and_a_later_sale_price_is_not_the_estate():
    q = (
        "아버지 재산을 형제 둘이 상속받았고 어머니는 먼저 돌아가셨어요. 부채 빼고 11억입니다. 물려받은 땅은 "
        "내년에 13억 정도에 팔 생각이라 양도소득세도 궁금한데 그건 다음에 여쭐게요. 상속세만 일단 계산해 주세요."
    )
    r = reading(q)
    assert r.kind == "inheritance"
    assert r.inputs["estate"] == 1_100_000_000
    assert not any("여러 세금" in line for line in r.ambiguous)


def test_stepmother_married_to_the_deceased_is_his_spouse_and_her_unadopted_son_is_no_heir():
    q = (
        "아버지가 올봄에 돌아가셨어요. 상속인은 계모(아버지와 재혼해서 혼인신고까지 마친 분)와 저, 여동생, "
        "그리고 두 분이 입양한 막내예요. 계모가 데리고 온 오빠는 입양을 안 해서 상속인이 아니에요. "
        "재산은 빚 빼고 18억이고 계모는 법정상속분대로 받기로 했어요. 상속세 얼마예요?"
    )
    r = reading(q)
    assert r.inputs["spouse"] is True
    assert r.inputs["children"] == 3
    assert r.inputs["spouse_inherits"] == 600_000_000  # 1.5 / (1.5 + 3) of 18억
    assert not any("재혼" in line for line in r.ambiguous)


def test_childless_spouse_asking_beside_a_living_father_in_law():
    q = (
        "아내가 자식 없이 먼저 떠났습니다. 장모님은 3년 전에 돌아가셨고 장인어른은 건강하셔서 장인어른과 제가 "
        "상속인입니다. 재산은 빚 빼고 15억이고 저는 법정상속분대로 받습니다. 상속세는 얼마일까요?"
    )
    got = inputs(q)
    assert got["spouse"] is True
    assert got["children"] == 0
    assert got["parents"] == 1
    assert got["spouse_inherits"] == 900_000_000  # 1.5 / 2.5 of 15억
    a = answer(q)
    assert not a["ambiguous"]


def test_parents_in_law_both_said_dead_are_no_heirs():
    h = heirs("남편이 작년에 세상을 떠났어요. 자녀는 없고 시부모님은 두 분 다 예전에 돌아가셨어요. 재산 12억.")
    assert h.decedent == "spouse"
    assert h.parents == 0


def test_a_count_after_a_list_of_heirs_counts_the_list():
    assert count_children("상속인은 아버지, 나, 여동생 셋이에요", speaker_is_child=True)[0] == 2
    assert count_children("상속인은 아버지랑 저, 여동생 셋이에요", speaker_is_child=True)[0] == 2
    assert count_children("상속인은 아버지, 나, 여동생 둘이에요", speaker_is_child=True)[0] == 3


def test_the_one_sent_off_without_a_particle_and_the_spouse_named_before_the_part_taken():
    q = (
        "엄마 보내드린 지 두 달 됐어요\n대출 다 갚으니까 남은 재산이 딱 12억\n상속인은 아빠, 나, 여동생 셋\n"
        "아빠가 상가(4억) 가져가시고 나머지는 우리 둘이\n상속세 얼마 나와요?"
    )
    got = inputs(q)
    assert got["spouse"] is True
    assert got["children"] == 2
    assert got["spouse_inherits"] == 400_000_000


def test_only_the_authors_lines_of_a_comment_chain_are_facts():
    post = (
        "[원글] 외할머니가 돌아가셨어요. 상속인은 엄마랑 이모 둘이에요\n"
        "ㄴ 익명5: 저희는 8억이었는데 세금 없었어요\n"
        "ㄴ 글쓴이: 재산은 빚 빼고 9억이에요"
    )
    text, dropped = author_replies(post)
    assert dropped == ["익명5"]
    assert "8억" not in text and "9억" in text
    got = inputs(post)
    assert got["estate"] == 900_000_000


def test_spoken_pauses_between_the_subject_and_the_verb_and_in_an_amount():
    q = (
        "음… 아버지가… 지난달에 돌아가셨어요. 어머니는… 음 벌써 오 년 전에 먼저 가셨고요. 상속인은 저랑 형 둘이고 "
        "둘 다 성인이에요. 집이 육억이고… 예금이 이억 삼천… 이억 삼천 있어요. 빚은 없어요. 상속세 얼마예요?"
    )
    got = inputs(q)
    assert got.get("spouse") in (None, False)
    assert got["children"] == 2
    assert got["estate"] == 830_000_000
    assert got["financial"] == 230_000_000


def test_a_forms_aside_with_a_comma_and_the_spouse_share_said_inside_a_clause():
    q = (
        "【사실관계】\n1) 피상속인: 모친 (2026. 1. 3. 사망)\n2) 상속인: 부친, 장녀(45세), 차남(41세)\n\n"
        "| 항목 | 금액 |\n|---|---|\n| 아파트(거주, 시가) | 1,200,000,000 |\n| 토지(공시지가) | 300,000,000 |\n"
        "| 예금 | 200,000,000 |\n| 장례비용 | △8,000,000 |\n\n"
        "4) 부친이 아파트 중 5억원 상당을 실제로 상속받기로 함\n【질의사항】 납부할 상속세액은?"
    )
    got = inputs(q)
    assert got["estate"] == 1_700_000_000 - 8_000_000
    assert got["children"] == 2
    assert got["spouse_inherits"] == 500_000_000
    assert got["financial"] == 200_000_000


def test_csv_rows_with_a_net_total_row():
    rows = "항목,금액,메모\n주택,700000000,시세\n예금,90000000,\n관리비 미납,-10000000,\n합계(빚 뺀 것),780000000,"
    assert uncsv(rows).splitlines() == [
        "주택 700000000원 (시세).",
        "예금 90000000원.",
        "관리비 미납 △10000000원.",
        "합계(빚 뺀 것) 780000000원.",
    ]
    q = f"아버지 돌아가셨고 어머니는 안 계세요. 정리한 표예요.\n\n{rows}\n\n상속인: 저(35), 동생(30). 상속세는요?"
    got = inputs(q)
    assert got["estate"] == 780_000_000
    assert got["children"] == 2
    assert got["financial"] == 90_000_000


def test_guards_an_unregistered_partner_a_bullet_list_and_another_subjects_share():
    h = heirs("아버지가 돌아가셨어요. 새어머니는 혼인신고는 안 했어요. 자녀는 저 혼자예요. 재산 10억")
    assert h.spouse is False
    assert author_replies("재산 내역\nㄴ 아파트: 5억\nㄴ 예금: 1억") == ("재산 내역\nㄴ 아파트: 5억\nㄴ 예금: 1억", [])
    got = inputs(
        "아버지가 돌아가셨어요. 재산은 빚 빼고 12억이에요. 어머니가 계시고 저희 남매는 각각 3억을 받기로 했어요."
    )
    assert got["spouse"] is True
    assert "spouse_inherits" not in got
