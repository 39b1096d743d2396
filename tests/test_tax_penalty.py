"""가산세 and 부과제척기간 (`penalty`) by hand from 국세기본법 제26조의2, 제47조의2~4, 제48조②."""

from __future__ import annotations

import pytest

from taxqa.errors import UserError
from taxqa.tax.penalty import penalty

MAN = 10_000


def fine(kind, tax, as_of="2026-07-01", **kw):
    return penalty(kind, tax, as_of=as_of, **kw)


def test_no_return_general_and_fraud():
    r = fine("no-return", "1천만원")
    assert (r.tax_base, r.computed_tax, r.determined_tax, r.payable, r.local_tax) == (1_000 * MAN, 200 * MAN, 200 * MAN,
                                                                                       200 * MAN, 0)  # fmt: skip
    assert fine("no-return", "1천만원", fraud=True).payable == 400 * MAN
    assert fine("no-return", "1천만원", fraud=True, offshore=True).payable == 600 * MAN
    assert r.extra["total_with_tax"] == 1_200 * MAN


def test_under_report_published_case():
    assert fine("under-report", 10_000_000).payable == 1_000_000
    assert fine("under-report", 10_000_000, fraud=True).payable == 4_000_000  # korean-tax-calc-mcp's case


@pytest.mark.parametrize(("days", "expected"), [(1, 2_200), (30, 66_000), (365, 803_000), (0, 0)])
def test_late_payment_by_days(days, expected):
    assert fine("late-payment", "1천만원", days=days).payable == expected  # 1천만 × 일수 × 22/100,000


def test_late_payment_rate_is_dated():
    assert fine("late-payment", "1천만원", days=100, as_of="2022-02-14").payable == 250_000
    assert fine("late-payment", "1천만원", days=100, as_of="2022-02-15").payable == 220_000
    assert fine("late-payment", "1천만원", days=100, as_of="2019-01-01").payable == 300_000


@pytest.mark.parametrize(("months", "off"), [(0, 50), (1, 50), (2, 30), (3, 30), (4, 20), (6, 20), (7, 0)])
def test_late_filing_reduction(months, off):
    r = fine("no-return", "1천만원", months_late=months)
    assert r.computed_tax == 200 * MAN and r.determined_tax == 200 * MAN * (100 - off) // 100
    assert [c.amount for c in r.credits] == ([200 * MAN * off // 100] if off else [])


@pytest.mark.parametrize(("months", "off"), [(1, 90), (3, 75), (6, 50), (12, 30), (18, 20), (24, 10), (25, 0)])
def test_amended_return_reduction(months, off):
    assert fine("under-report", "1천만원", months_late=months).determined_tax == 100 * MAN * (100 - off) // 100


def test_reduction_table_before_2020():
    assert fine("under-report", "1천만원", months_late=1, as_of="2019-06-01").determined_tax == 50 * MAN  # 50% off
    assert fine("no-return", "1천만원", months_late=3, as_of="2019-06-01").determined_tax == 160 * MAN  # 20% off


def test_no_return_with_late_payment_and_reduction():
    # 무신고 200만 (1개월 내 기한후신고 50% 감면 -> 100만) + 납부지연 30일 6만6천 (감면 없음)
    r = fine("no-return", "1천만원", days=30, months_late=1)
    assert (r.computed_tax, r.determined_tax) == (2_066_000, 1_066_000)
    assert r.to_dict()["credits"][0]["article"] == "국세기본법 제48조"


def test_limitation_periods():
    r = penalty(limitation=True, due_date="2024-03-31", case="offshore-fraud", as_of="2026-07-01")
    assert (r.extra["limitation_years"], r.extra["limitation_end"]) == (15, "2039-03-31")  # published case
    r = penalty(limitation=True, due_date="2025-05-31", as_of="2026-07-01")
    assert (r.extra["limitation_years"], r.extra["limitation_start"], r.extra["limitation_end"]) == (
        5, "2025-06-01", "2030-05-31")  # fmt: skip
    years = {c: penalty(limitation=True, due_date="2020-03-31", case=c).extra["limitation_years"]
             for c in ("no-return", "fraud", "offshore", "inheritance-gift", "inheritance-gift-no-return")}  # fmt: skip
    assert years == {
        "no-return": 7,
        "fraud": 10,
        "offshore": 7,
        "inheritance-gift": 10,
        "inheritance-gift-no-return": 15,
    }
    assert penalty(limitation=True, due_date="2020-03-31", case="gift-fraud").extra["limitation_years"] == 15
    assert penalty(limitation=True, due_date="2020-03-31", case="under-report").extra["limitation_years"] == 5
    leap = penalty(limitation=True, due_date="2024-02-29", as_of="2026-01-01")
    assert leap.extra["limitation_end"] == "2029-02-28"
    old = penalty(limitation=True, due_date="2015-05-31", as_of="2026-01-01")
    assert old.extra["expired"] is True and old.to_dict()["inputs"]["case"] == "general"


def test_bad_inputs():
    with pytest.raises(UserError, match="kind"):
        fine("late", "1천만원")
    with pytest.raises(UserError, match="days"):
        fine("late-payment", "1천만원")
    with pytest.raises(UserError, match="offshore"):
        fine("no-return", "1천만원", offshore=True)
    with pytest.raises(UserError, match="case"):
        penalty(limitation=True, due_date="2024-03-31", case="sometimes")
    with pytest.raises(UserError, match="due_date"):
        penalty(limitation=True, due_date="31/03/2024")
    with pytest.raises(UserError, match="--kind"):
        penalty(tax="1천만원")


def test_rates_are_in_the_statute(shared_data):
    from test_tax_statute import markdown_article

    path = shared_data / "legalize-kr/laws/national_tax_basic_act_20260602.md"
    a472 = markdown_article(path, "제47조의2")[0]
    assert all(p in a472 for p in ("100분의 40(역외거래", "100분의 60)", "제1호 외의 경우: 100분의 20"))
    assert "제1호 외의 경우: 과소신고납부세액등의 100분의 10" in markdown_article(path, "제47조의3")[0]
    a48 = markdown_article(path, "제48조")[0]
    for phrase in ("1개월 이내에 수정신고한 경우: 해당 가산세액의 100분의 90", "1년 6개월 초과 2년 이내에 수정신고한 경우: 해당 가산세액의 100분의 10",
                   "1개월 이내에 기한 후 신고를 한 경우: 해당 가산세액의 100분의 50",
                   "3개월 초과 6개월 이내에 기한 후 신고를 한 경우: 해당 가산세액의 100분의 20"):  # fmt: skip
        assert phrase in a48, phrase
    a262 = markdown_article(path, "제26조의2")[0]
    assert (
        "5년으로 한다" in a262 and "7년(역외거래의 경우 10년)" in a262 and "10년(역외거래에서 발생한 부정행위" in a262
    )
    assert "15년)" in a262 and "10년으로 하고" in a262


def test_published_late_payment_case():
    assert fine("late-payment", 1_000_000, days=30).payable == 6_600  # 100만 × 30일 × 22/100,000


def test_after_notice_adds_three_percent():
    r = fine("late-payment", "1천만원", days=30, after_notice=True)  # 6만6천 + 30만
    assert r.payable == 366_000 and "국세기본법 제47조의4" in r.citations
    assert fine("no-return", "1천만원", after_notice=True).payable == 2_300_000  # 200만 + 30만
    with pytest.raises(UserError, match="after_notice"):
        fine("late-payment", "1천만원", days=30, after_notice=True, as_of="2019-06-01")
