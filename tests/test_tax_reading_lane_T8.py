"""Lane T cause tests, round eight: a transcript of a talk whose answerer's example figures are not the asker's
facts, and a pay said as what is left after the 비과세 is taken out (the larger figure before it not cut again)."""

from __future__ import annotations

from taxqa.tax.layout import asker_turns
from taxqa.tax.reading import read_question
from tests.reading_cases import AS_OF, inputs, reading


def test_transcript_keeps_only_the_askers_turns():
    text = "수강생: 저는 간이과세자예요.\n세무사: 예를 들어 음식점이면 10%이고 3천만 원이면…\n수강생: 공급대가는 4,200만 원이요."
    kept, others = asker_turns(text)
    assert "음식점" not in kept and "3천만" not in kept
    assert "4,200만" in kept and others == ["세무사"]


def test_text_with_labels_but_no_answerer_is_no_transcript():
    text = "매출: 1억\n매입: 4천만"
    assert asker_turns(text) == (text, [])


def test_answerers_example_industry_is_not_taken_and_industry_is_asked():
    q = (
        "질문자: 간이과세로 하고 있는데 부가세가 궁금합니다.\n"
        "강사: 업종마다 부가가치율이 다른데요, 가령 음식점업이면 10%…\n"
        "질문자: 네, 작년 공급대가가 6,000만 원이고 세금계산서 받은 매입은 900만 원입니다. 얼마 내나요?"
    )
    r = reading(q)
    assert r.kind == "vat-simple"
    assert r.result is None
    assert any("업종" in m for m in r.missing)


def test_answerers_example_prices_are_not_the_sale():
    q = (
        "질문자: 2025년 2월에 오피스텔 말고 아파트를 3억 1천에 샀고 2026년 4월에 팔았어요.\n"
        "강사: 그러면 단기 양도라서요, 예를 들어 2억에 사서 2억 6천에 팔면…\n"
        "질문자: 판 금액은 3억 6천이에요. 다른 집이 있어서 비과세는 아니고 경비는 300만 원입니다. 양도세는요?"
    )
    got = inputs(q)
    assert got["price"] == 360_000_000
    assert got["acquired"] == 310_000_000


def test_pay_said_after_the_exempt_is_taken_out_is_the_total_pay():
    q = "연봉은 9천(상여 포함)인데 비과세 식대 빼면 총급여가 8,760만이에요. 근로소득공제 얼마인가요?"
    assert inputs(q)["salary"] == 87_600_000


def test_bare_figure_after_the_exempt_cut_names_the_pay_said_with_its_unit():
    q = "총급여 4200만원일 때 근로소득공제는요? 계약 연봉은 4440인데 식대 비과세 240 빼면 4200이라고 하네요"
    assert inputs(q)["salary"] == 42_000_000


def test_answerers_plain_question_stays_to_name_the_next_answer():
    text = "세무사: 매출이 얼마세요?\n질문자: 2억이요\n세무사: 가령 도매업이면 5%예요"
    kept, others = asker_turns(text)
    assert "매출이 얼마세요" in kept and "도매업" not in kept and others == ["세무사"]


def test_a_brackets_bound_heard_with_its_rate_is_not_the_base():
    q = "과세표준 5천 넘으면 24%라던데 제 과세표준은 6,200만 원이에요. 종합소득세 산출세액은요?"
    assert inputs(q)["base"] == 62_000_000


def test_a_bare_shop_names_no_industry_but_a_shop_of_goods_does():
    bare = "간이과세자예요. 작년 공급대가 5,000만 원이고 가게는 재작년에 열었어요. 부가세 얼마예요?"
    r = reading(bare)
    assert r.result is None and any("업종" in m for m in r.missing)
    goods = "과일가게 하는 간이과세자예요. 작년 공급대가 5,000만 원이에요. 부가세 얼마예요?"
    assert inputs(goods)["industry"] == "retail"


def test_a_shop_its_noodle_dish_names_is_a_restaurant():
    q = "쌀국수 가게를 하는 간이과세자입니다. 작년 공급대가 4,000만 원이에요. 부가세는요?"
    assert inputs(q)["industry"] == "restaurant"


def test_a_monthly_cost_the_worker_pays_is_no_part_of_the_pay():
    r = reading("총급여 4,500만원이에요. 통근버스 요금으로 매달 8만원씩 나가요. 근로소득공제 얼마죠?")
    assert r.inputs["salary"] == 45_000_000 and r.result is not None and not r.missing


def test_a_monthly_meal_allowance_beside_the_pay_is_still_asked_about():
    r = reading("총급여 4,500만원이고 식대로 매달 20만원씩 받아요. 근로소득공제 얼마죠?")
    assert not any("낸 비용" in a for a in r.assumptions)


def test_acquisition_tax_told_as_a_cost_of_the_sale_is_not_the_tax_asked():
    q = (
        "2015년 4월에 5억에 산 아파트를 2026년 3월에 9억에 팔았어요. 법무사비랑 취득세 등 경비는 1,500만원이었고 "
        "다른 집도 있어요. 세금 얼마 나와요?"
    )
    r = reading(q)
    assert r.kind == "transfer" and r.inputs["expenses"] == 15_000_000


def test_acquisition_tax_asked_by_itself_is_still_not_computed():
    r = read_question("이번에 5억 아파트 사는데 취득세 얼마 나와요?", as_of=AS_OF)
    assert r.kind is None and r.tax_name == "취득세"
