"""Reading causes fixed in lane K, each tested in wording of its own: relatives named the way families name them
(a grandparent's brother, the asker as the grandparent, a dead child's line inheriting in its place, a brother's
widow beside his parents), trades named by what they are (an unmanned ice-cream shop, an online store, a coin
karaoke), a spoken amount down to its 십 with 만 left out, and 취득세 named as the thing asked after a gift."""

from __future__ import annotations

from reading_cases import inputs, reading

from taxqa.tax.reading import read_question


def test_a_grandfathers_younger_brother_is_another_relative_not_a_grandparent():
    got = inputs(
        "할아버지 동생 되시는 분이 저 취직 축하한다고 3천만원을 보내 주신답니다. 전 스물여덟이에요. 증여세 있나요?"
    )
    assert got["relation"] == "other_relative" and not got.get("generation_skip")


def test_jongjobu_said_by_the_family_name_is_another_relative():
    r = reading(
        "큰할아버지께서 저한테 4천만원을 주셨습니다. 저는 서른다섯 살이고 이번이 처음 받는 돈입니다. 증여세는요?"
    )
    assert r.inputs["relation"] == "other_relative" and not r.inputs.get("generation_skip")
    assert any("세대생략" in a for a in r.assumptions)


def test_a_great_uncles_wife_gives_no_relatives_deduction():
    got = inputs("작은할머니가 저한테 2천만원을 주셨어요. 저는 성인이고 다른 증여는 없어요. 증여세 얼마예요?")
    assert got["relation"] == "other"


def test_the_asker_naming_themself_a_grandmother_gives_the_grandchild_a_skipped_generation():
    got = inputs(
        "할미다. 친손녀가 대학 들어간다고 해서 그 애 통장에 오천만원 넣어 줄 생각이야. 만 스무 살이고 애 아빠는 건강해. 증여세 얼마냐?"
    )
    assert got["relation"] == "lineal_ascendant" and got["generation_skip"] is True
    assert got["amount"] == 50_000_000


def test_a_dead_childs_widow_and_children_inheriting_in_place_are_not_counted_as_children():
    r = reading(
        "외할아버지가 이번에 돌아가셨어요. 외할머니는 오래전에 돌아가셨고, 엄마도 작년에 먼저 가셨어요. 상속인은 "
        "이모 둘이랑, 엄마 몫은 아빠랑 저랑 오빠가 대습상속으로 받아요. 순재산 9억, 금융재산은 없어요. 상속세 얼마예요?"
    )
    assert r.inputs["estate"] == 900_000_000 and not r.inputs.get("spouse")
    assert r.inputs["children"] == 2


def test_a_brothers_widow_and_his_parents_inherit_from_the_brother():
    got = inputs(
        "오빠가 작년 겨울에 사고로 세상을 떠났어요. 자녀는 없고 상속인은 새언니(올케)와 저희 부모님 두 분입니다. "
        "오빠 재산은 채무 빼고 10억이고 올케가 그중 4억을 받기로 했어요. 금융재산은 없습니다. 상속세는요?"
    )
    assert got["spouse"] is True and got["parents"] == 2 and got["spouse_inherits"] == 400_000_000
    assert got["estate"] == 1_000_000_000


def test_an_unmanned_ice_cream_shop_is_retail_for_the_simplified_vat():
    got = inputs(
        "무인 아이스크림 할인점 하는 간이과세자예요. 작년 공급대가 3,800만원, 세금계산서 받은 매입 2,500만원. 부가세 얼마죠?"
    )
    assert got["industry"] == "retail" and got["supply"] == 38_000_000


def test_a_coin_karaoke_is_a_service_not_a_coin_and_sales_unknown_are_asked():
    r = read_question(
        "동생이 코인노래방을 간이과세로 해요. 매입 세금계산서는 700만원인데 매출은 정산이 안 끝나서 아직 몰라요. 부가세는?",
        as_of="2026-06-01",
    )
    assert r.kind == "vat-simple"
    assert any("공급대가" in m for m in r.missing) and "supply" not in r.inputs
    assert not any("가상자산" in m for m in r.missing)


def test_a_study_cafe_is_a_service_not_a_restaurant():
    got = inputs(
        "스터디카페 운영하는 간이과세자입니다. 1년 공급대가 5,000만원, 세금계산서 매입 1,000만원. 부가세 계산해 주세요."
    )
    assert got["industry"] == "service"


def test_a_spoken_amount_down_to_its_tens_takes_the_man_left_out():
    got = inputs(
        "일반과세자 1기 매출 공급가액 8천2백, 세금계산서 받은 매입 공급가액 5천1백5십이에요. 부가세 얼마 내요?"
    )
    assert got["sales"] == 82_000_000 and got["purchases"] == 51_500_000


def test_acquisition_tax_named_as_what_the_asker_wants_to_know_after_a_gift():
    r = read_question(
        "시아버님이 남편한테 아파트를 증여해 주시기로 했어요. 증여세는 따로 알아봤고요, 제가 알고 싶은 건 등기할 때 내는 "
        "취득세입니다. 얼마 정도일까요?",
        as_of="2026-06-01",
    )
    assert r.kind is None and any("취득세" in m for m in r.missing)


def test_the_tax_on_taking_a_title_over_is_the_acquisition_tax():
    r = read_question("아버지 땅을 제 명의로 옮길 때 내는 세금이 궁금해요. 공시지가 1억입니다.", as_of="2026-06-01")
    assert r.kind is None and any("취득세" in m for m in r.missing)


def test_a_card_deduction_the_asker_sets_aside_is_no_unread_cue():
    r = reading(
        "일반과세자예요. 2기 매출 공급가액 9천만원, 매입 공급가액 6천만원. 카드 발행 공제는 제외하고 계산해 주세요. 부가세는?"
    )
    assert not any("카드" in line for line in r.ambiguous)


def test_a_sisters_husband_and_her_living_parent_inherit_from_the_sister():
    got = inputs(
        "여동생이 병으로 먼저 갔어요. 애는 없었고 상속인은 제부랑 우리 아버지예요(엄마는 오래전에 돌아가셨어요). "
        "동생 재산은 빚 빼고 6억, 금융재산은 없어요. 상속세 얼마 나와요?"
    )
    assert got["spouse"] is True and got["parents"] == 1 and got["estate"] == 600_000_000


def test_uncles_counted_after_their_word_are_each_a_child_of_the_grandparent():
    got = inputs(
        "할머니가 돌아가셨어요. 할아버지는 먼저 가셨고 상속인은 아빠랑 고모 두 분이에요. 재산 11억, 금융재산 없음. 상속세는?"
    )
    assert got["children"] == 3 and not got.get("spouse")


def test_a_butcher_shop_and_a_meal_kit_store_are_retail():
    for shop in ("동네 정육점", "무인 밀키트 매장"):
        got = inputs(
            f"{shop} 하는 간이과세자입니다. 1년 공급대가 4천만원, 세금계산서 받은 매입 1,800만원. 부가세 얼마?"
        )
        assert got["industry"] == "retail", shop


def test_a_husbands_younger_brother_gives_as_a_relative_by_marriage():
    got = inputs(
        "시동생이 저희 집 이사한다고 저한테 1,500만원을 보태 줬어요. 저는 마흔이고 다른 증여는 없어요. 증여세 나오나요?"
    )
    assert got["relation"] == "other_relative" and got["amount"] == 15_000_000


def test_an_adopted_son_is_a_lineal_descendant_and_his_own_adoption_no_birth_relief():
    r = reading(
        "몇 해 전 친양자로 들인 딸한테 전세금 보태라고 7천만원을 주려고요. 딸은 스물아홉, 미혼입니다. 증여세는요?"
    )
    assert r.inputs["relation"] == "lineal_ascendant" and r.inputs["amount"] == 70_000_000
    assert not any("누구인지" in line for line in r.ambiguous)
    got = inputs("입양된 아들(31살)에게 제가 6천만원을 줄 생각입니다. 다른 증여는 없어요. 증여세 얼마죠?")
    assert "marriage_birth" not in got


def test_a_hangul_amount_down_to_its_tens_keeps_the_tens():
    got = inputs("일반과세자 1기 매출 공급가액 칠천이백, 매입 공급가액 삼천육백오십이요. 카드매출 없어요. 부가세 얼마?")
    assert got["sales"] == 72_000_000 and got["purchases"] == 36_500_000
