"""퇴직소득세 (`retirement`) by hand from 소득세법 제48조① and 제55조②."""

from __future__ import annotations

from datetime import date

import pytest

from taxqa.errors import UserError
from taxqa.tax.rates import progressive, select
from taxqa.tax.retirement import retirement_tax

MAN, EOK = 10_000, 100_000_000


def tax(pay, years, as_of="2026-01-01", **kw):
    return retirement_tax(pay, years, as_of=as_of, **kw)


def test_published_cases():
    # korean-tax-calc-mcp's published figures, each checked by hand:
    # 1억, 10년: 근속연수공제 1,500만 -> 환산급여 (1억 - 1,500만) × 12 / 10 = 1억200만
    # -> 환산급여공제 6,170만 + 200만 × 45% = 6,260만 -> 과세표준 3,940만 -> 84만 + 2,540만 × 15% = 465만
    # -> 465만 ÷ 12 × 10 = 387만 5천
    r = tax("1억", 10)
    assert (r.extra["service_deduction"], r.extra["converted_pay"], r.extra["converted_deduction"]) == (
        15_000_000, 102_000_000, 62_600_000)  # fmt: skip
    assert (r.tax_base, r.extra["converted_tax"], r.computed_tax) == (39_400_000, 4_650_000, 3_875_000)
    assert tax("5천만원", 5).computed_tax == 2_143_750
    assert tax("300만원", 5).computed_tax == 0


@pytest.mark.parametrize(
    ("years", "deduction_2023", "deduction_2016"),
    [(1, 100 * MAN, 30 * MAN), (5, 500 * MAN, 150 * MAN), (6, 700 * MAN, 200 * MAN), (10, 1_500 * MAN, 400 * MAN),
     (11, 1_750 * MAN, 480 * MAN), (20, 4_000 * MAN, 1_200 * MAN), (25, 5_500 * MAN, 1_800 * MAN)],
)  # fmt: skip
def test_service_deduction_both_tables(years, deduction_2023, deduction_2016):
    assert progressive(years, select("retirement", date(2023, 1, 1))["service"])[0] == deduction_2023
    assert progressive(years, select("retirement", date(2022, 12, 31))["service"])[0] == deduction_2016
    assert tax(10 * EOK, years).extra["service_deduction"] == deduction_2023


@pytest.mark.parametrize(
    ("converted", "deduction"),
    [(800 * MAN, 800 * MAN), (7_000 * MAN, 4_520 * MAN), (1 * EOK, 6_170 * MAN), (3 * EOK, 15_170 * MAN),
     (4 * EOK, 18_670 * MAN)],
)  # fmt: skip
def test_converted_pay_deduction_boundaries(converted, deduction):
    assert progressive(converted, select("retirement", date(2026, 1, 1))["converted"])[0] == deduction


def test_part_year_counts_as_a_year_and_deduction_limit():
    assert tax("1억", "9.2").inputs["years"] == 10 and tax("1억", "9.2").computed_tax == 3_875_000
    r = tax("300만원", 5)  # 근속연수공제 500만 > 퇴직소득 300만 -> 300만 (제48조②)
    assert r.extra["service_deduction"] == 3_000_000 and r.tax_base == 0


def test_local_tax_and_withheld():
    r = tax("1억", 10, withheld="300만원")
    assert r.local_tax == 465_000 * 10 // 12 and r.payable == 875_000
    for pay, years in [("3억", 25), ("7천만원", 3), ("12억 3,456만원", 31)]:
        r = tax(pay, years)
        assert abs(r.local_tax - r.computed_tax // 10) <= 1


def test_2022_table_gives_more_tax():
    assert tax("1억", 10, as_of="2022-06-30").computed_tax > tax("1억", 10).computed_tax


def test_bad_years():
    for bad in ("0", "-3", "열년"):
        with pytest.raises(UserError, match="years"):
            tax("1억", bad)


def test_tables_match_the_statute(shared_data):
    from test_tax_statute import markdown_article

    text, day = markdown_article(shared_data / "legalize-kr/laws/income_tax_act_20260421.md", "제48조")
    for phrase in ("100만원×근속연수", "500만원+200만원×(근속연수－5년)", "1천500만원+250만원×(근속연수－10년)",
                   "4천만원+300만원×(근속연수－20년)", "8백만원+(8백만원 초과분의 60퍼센트)", "4천520만원+(7천만원 초과분의 55퍼센트)",
                   "6천170만원+(1억원 초과분의 45퍼센트)", "1억5천170만원+(3억원 초과분의"):  # fmt: skip
        assert phrase in text, phrase
    assert select("retirement", day)["service"][-1] == (20, None, 40_000_000, (3_000_000, 1))


def test_reading_years_before_a_workplace_and_dates_with_days_and_relative_years():
    from taxqa.tax.reading import read_question

    r = read_question("퇴직금 5천만원 받았소. 스무해 아니고 이십오년을 한 직장에 다녔지. 세금은?", as_of="2026-06-01")
    assert r.inputs["years"] == 25
    q = "올해 2월 28일자로 퇴사, 2011년 3월 2일 입사, 퇴직금 9천만원. 퇴직소득세 산출세액?"
    r = read_question(q, as_of="2026-06-01")
    assert r.inputs["years"] == 15  # 2011.3 ~ 2026.2: 14년 11개월, a part year is a year
