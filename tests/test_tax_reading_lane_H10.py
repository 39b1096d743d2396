"""Reading causes fixed in lane H (양도소득세, 퇴직소득세), each tested in wording of its own: months joined to the
years by a word, a service span said with 근속기간 and 부터/까지, telegraph units (17y 4m), a part of the years
held that was lived in ("그중 …"), a space-aligned table, an inherited asset's purchase price, an area that is no
price, an amount tagged inline, an exam's answer options, a checklist's unticked condition, and a price someone
said replaced by the one a contract shows."""

from __future__ import annotations

from reading_cases import inputs, reading

from taxqa.tax.exam_options import without_options
from taxqa.tax.layout import spaced_columns
from taxqa.tax.shorthand import plain_hashtags, telegraph_units, without_unticked


def test_months_joined_to_the_years_by_a_word_make_a_part_year():
    got = inputs("저는 그 회사에서 일하였다 21년 그리고 5개월 동안. 나는 받았다 퇴직금 1억 3천만원. 퇴직소득세는?")
    assert got["years"] == 22


def test_a_service_span_after_its_label_counts_its_days():
    got = inputs("퇴직금 9천만 원. 근속기간은 2010. 4. 1.부터 2026. 3. 31.까지이다. 퇴직소득세는 얼마?")
    assert got["years"] == 16


def test_years_and_months_written_in_english_letters():
    assert telegraph_units("근속 9y 2m / 보유 6y") == "근속 9년 2개월 / 보유 6년"
    assert telegraph_units("면적 84m") == "면적 84m"  # an m alone may be metres
    assert inputs("퇴직금 6천 / 근속 9y 2m / 세금?")["years"] == 10
    got = inputs("양도세 / 빌라 / 취득 2억 → 양도 3.5억 / 보유 8y 거주 3y / 얼마?")
    assert (got["held_years"], got["resided_years"]) == (8, 3)


def test_the_years_lived_said_as_a_part_of_those_held():
    got = inputs(
        "B씨는 2014년 5억에 산 아파트를 올해 16억에 팔았다. 12년을 보유했고 그중 4년은 부모님과 같이 실제로 살았다. "
        "B씨 세대의 집은 이것 하나다. 양도소득세는?"
    )
    assert (got["held_years"], got["resided_years"]) == (12, 4)


def test_a_space_aligned_table_is_read_by_its_header():
    table = "구분   취득일        취득가액(원)    양도일        양도가액(원)\n토지   2018.04.02    95,000,000      2026.04.30    240,000,000"
    assert spaced_columns(table).split("\n")[0] == "구분\t취득일\t취득가액\t양도일\t양도가액"
    got = inputs(f"양도세 계산해 주세요.\n\n{table}\n\n보유 8년, 경비 없음.")
    assert (got["price"], got["acquired"]) == (240_000_000, 95_000_000)


def test_an_inherited_asset_without_its_value_asks_for_the_purchase_price():
    r = reading("15년 전 어머니께 물려받은 논 800평을 이번에 2억에 팔았어요. 법무사 비용 120만원. 양도세는?")
    assert any("취득가액" in m for m in r.missing)
    assert "acquired" not in r.inputs


def test_an_amount_tagged_inside_a_sentence_is_its_word():
    assert plain_hashtags("수리비는 #8백만 들었어요") == "수리비는 8백만 들었어요"
    assert plain_hashtags("#양도세 #5억") == "양도세 / 5억"
    got = inputs("2017년에 #1억9천 주고 산 오피스텔 (주거용 아님) 올해 #2억6천 에 팔았어요. 경비는 #9백만 ✨ 양도세?")
    assert got["expenses"] == 9_000_000


def test_an_exam_stems_options_are_not_facts():
    stem = "문 7. 甲은 5년 보유한 상가를 9억원에 양도하였다. 甲의 양도소득세는?\n① 1,200,000원  ② 3,400,000원  ③ 5,600,000원"
    kept, left = without_options(stem)
    assert kept.strip() == stem.split("\n")[0] and len(left) == 1
    labelled = "① 양도가액 7억 ② 취득가액 4억 ③ 양도세?"
    assert without_options(labelled) == (labelled, [])
    r = reading(stem)
    assert "acquired" not in r.inputs and any("취득가액" in m for m in r.missing)


def test_an_unticked_condition_on_a_ticked_checklist_says_nothing():
    sheet = "- [x] 1세대 1주택\n- [ ] 조정지역 중과\n- [ ] 잔금 3억 받기"
    assert without_unticked(sheet) == "- [x] 1세대 1주택\n- [ ] 잔금 3억 받기"
    assert without_unticked("[ ] 다주택 중과") == "[ ] 다주택 중과"  # no box ticked: not a checklist of ticks
    got = inputs(
        "검토표\n- [x] 1세대 1주택\n- 양도가액: 14억\n- 취득가액: 6억\n- 보유기간: 10년\n- 거주기간: 10년\n"
        "- [ ] 다주택 중과\n양도세?"
    )
    assert got["one_house"] is True


def test_a_price_someone_said_gives_way_to_the_contracts():
    got = inputs(
        "어머니가 상가를 파세요. 살 때 3억이라고 하시는데 계약서 보니 3억 4천이에요. 7억에 팔고 10년 보유, 경비 없음. 양도세?"
    )
    assert got["acquired"] == 340_000_000
