"""양도소득세 (`transfer`) by hand from 소득세법 제89·95·103·104조 and 시행령 제160조."""

from __future__ import annotations

import pytest

from taxqa.errors import UserError
from taxqa.tax.transfer import transfer_tax

EOK, MAN = 100_000_000, 10_000


def sell(price, acquired, held, as_of="2026-01-01", **kw):
    return transfer_tax(price, acquired, held_years=held, as_of=as_of, **kw)


def ltd_step(r):
    return next((s for s in r.steps if s.label.startswith("장기보유특별공제")), None)


def test_one_house_above_12eok():
    # 5억에 사서 10년 거주한 집을 15억에: 양도차익 10억, 과세분 10억 × 3억/15억 = 2억
    # 장기보유특별공제 표2 보유 40% + 거주 40% = 80% -> 1억6천만; 소득금액 4천만; 기본공제 250만 -> 3,750만
    # 산출세액 84만 + 2,350만 × 15% = 436만 5천; 지방소득세 43만 6,500
    r = sell("15억", "5억", 10, resided_years=10, one_house=True)
    assert (r.extra["gain"], r.extra["taxable_gain"], r.extra["ltd"]) == (10 * EOK, 2 * EOK, 16_000 * MAN)
    assert (r.tax_base, r.computed_tax, r.determined_tax, r.payable) == (37_500_000, 4_365_000, 4_365_000, 4_365_000)
    assert r.local_tax == 436_500
    assert "소득세법 제89조" in r.citations and "소득세법 제95조" in r.citations


def test_one_house_exemption_boundary_at_12eok():
    r = sell("12억", "5억", 5, one_house=True)
    assert (r.tax_base, r.computed_tax, r.payable, r.local_tax) == (0, 0, 0, 0)
    assert any("비과세" in n for n in r.notes)
    r = sell(12 * EOK + 12_000, 2 * EOK, 5, one_house=True)  # 양도차익 × 12,000 / 12억 0,001만
    assert r.extra["taxable_gain"] == (10 * EOK + 12_000) * 12_000 // (12 * EOK + 12_000)


def test_high_price_threshold_was_9eok_before_2021_12_08():
    assert sell("10억", "5억", 5, one_house=True, as_of="2021-12-08").computed_tax == 0
    r = sell("10억", "5억", 5, one_house=True, as_of="2021-12-07")
    assert r.extra["taxable_gain"] == 5 * EOK * 1 // 10  # 5억 × (10억 - 9억) / 10억 = 5천만


def test_one_house_needs_two_years():
    r = sell("6억", "5억", 1, one_house=True)  # 1년 이상 2년 미만 주택: 60% (기본세율보다 큼)
    assert r.tax_base == 1 * EOK - 2_500_000 and r.computed_tax == (1 * EOK - 2_500_000) * 60 // 100
    assert any("2년 이상 보유" in n for n in r.notes)


@pytest.mark.parametrize(("held", "pct"), [(2, 0), (3, 6), (4, 8), (10, 20), (14, 28), (15, 30), (25, 30)])
def test_general_table_1(held, pct):
    r = sell("10억", "5억", held)
    assert r.extra["ltd"] == 5 * EOK * pct // 100
    assert (ltd_step(r) is None) == (pct == 0)


@pytest.mark.parametrize(
    ("held", "resided", "pct"),
    [(3, 3, 24), (5, 2, 28), (5, 5, 40), (10, 2, 48), (10, 10, 80), (20, 20, 80), (8, 1, 16)],
)
def test_one_house_table_2(held, resided, pct):
    # (8, 1): under 2 years of residence -> 표1 16%
    r = sell("24억", "12억", held, resided_years=resided, one_house=True)
    assert r.extra["taxable_gain"] == 6 * EOK  # 12억 × (24억 - 12억) / 24억
    assert r.extra["ltd"] == 6 * EOK * pct // 100


def test_resided_defaults_to_held_for_a_one_house():
    r = sell("15억", "5억", 10, one_house=True)
    assert r.inputs["resided_years"] == 10 and r.extra["ltd"] == 16_000 * MAN
    assert any("거주" in a for a in r.to_dict()["assumptions"])


def test_short_holding_rates_and_the_larger_of_two():
    assert sell("6억", "5억", 0).computed_tax == 97_500_000 * 70 // 100  # 주택 1년 미만 70%
    assert sell("6억", "5억", 0, asset="land").computed_tax == 97_500_000 * 50 // 100
    assert sell("6억", "5억", 1, asset="land").computed_tax == 97_500_000 * 40 // 100
    # 토지 1년 이상 2년 미만, 과세표준 20억: 기본세율 3억8,406만 + 10억 × 45% = 8억3,406만 > 40% = 8억
    assert sell(22 * EOK + 2_500_000, 2 * EOK, 1, asset="land").computed_tax == 834_060_000
    # before 2021-06-01: 주택 1년 미만 40%, 1년 이상은 기본세율
    assert sell("6억", "5억", 0, as_of="2021-05-31").computed_tax == 97_500_000 * 40 // 100
    assert sell("6억", "5억", 1, as_of="2021-05-31").computed_tax == 15_900_000 + 9_500_000 * 35 // 100  # 2021 rows


def test_basic_rates_and_expenses():
    # 10억 - 5억 - 경비 1억 = 4억; 표1 10년 20% = 8천만; 3억2천만 - 250만 = 3억1,750만
    r = sell("10억", "5억", 10, expenses="1억")
    assert r.tax_base == 317_500_000 and r.computed_tax == 94_060_000 + 17_500_000 * 40 // 100
    assert r.local_tax == r.computed_tax // 10


def test_loss_and_errors():
    r = sell("4억", "5억", 3)
    assert (r.tax_base, r.computed_tax, r.payable) == (0, 0, 0)
    with pytest.raises(UserError, match="held_years"):
        transfer_tax("4억", "3억", held_years=-1)
    with pytest.raises(UserError, match="resided_years"):
        sell("4억", "3억", 3, resided_years=5)
    with pytest.raises(UserError, match="one_house"):
        sell("4억", "3억", 3, asset="land", one_house=True)


def test_figures_are_in_the_statute(shared_data):
    from test_tax_statute import markdown_article

    path = shared_data / "legalize-kr/laws/income_tax_act_20260421.md"
    assert "12억원을 초과하는 고가주택" in markdown_article(path, "제89조")[0]
    a95 = markdown_article(path, "제95조")[0]
    assert all(p in a95 for p in ("3년 이상 4년 미만       │100분의 6", "15년 이상 │100분의 30", "10년 이상         │100분의 40",
                                  "2년 이상 3년 미만     │100분의 8"))  # fmt: skip
    assert "연 250만원을 공제" in markdown_article(path, "제103조")[0]
    a104 = markdown_article(path, "제104조")[0]
    assert "100분의 40[주택" in a104 and "100분의 60]" in a104 and "100분의 50(주택" in a104 and "100분의 70)" in a104
