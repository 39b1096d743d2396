"""법인세 (법인세법 제55조) by hand from the statute, each bracket boundary and each dated table."""

from __future__ import annotations

import pytest

from taxqa.errors import UserError
from taxqa.tax.corporate import corporate_tax
from taxqa.tax.rates import select

EOK, MAN = 100_000_000, 10_000


def tax(base, as_of="2026-01-01", **kw):
    return corporate_tax(base, as_of=as_of, **kw)


@pytest.mark.parametrize(
    ("base", "expected"),
    [
        (0, 0),
        (2 * EOK, 2_000 * MAN),  # 2억 × 10%
        (2 * EOK + 10, 2_000 * MAN + 2),  # the next 10원 at 20%
        (5 * EOK, 8_000 * MAN),  # 2천만 + 3억 × 20%
        (200 * EOK, 39 * EOK + 8_000 * MAN),  # 2천만 + 198억 × 20%
        (3_000 * EOK, 655 * EOK + 8_000 * MAN),  # 39억8천만 + 2,800억 × 22%
        (3_500 * EOK, 780 * EOK + 8_000 * MAN),  # 655억8천만 + 500억 × 25%
    ],
)
def test_2026_table_boundaries(base, expected):
    r = tax(base)
    assert (r.tax_base, r.computed_tax, r.determined_tax, r.payable) == (base, expected, expected, expected)


def test_2025_table_is_one_point_lower_and_2026_differs():
    assert tax("5억", as_of="2025-01-01").computed_tax == 7_500 * MAN  # 1,800만 + 3억 × 19%
    assert tax("5억", as_of="2025-12-31").computed_tax == 7_500 * MAN
    assert tax("5억", as_of="2026-01-01").computed_tax == 8_000 * MAN
    assert tax(200 * EOK, as_of="2025-01-01").computed_tax == 37 * EOK + 8_000 * MAN


def test_older_tables_published_cases():
    # korean-tax-calc-mcp's published figures: 3억 = 4천만 (2016-2022) / 3,700만 (2023-2025);
    # 3,500억 = 765.8억 (2017, no 25% row), 780.8억 (2018), 745.8억 (2023)
    assert tax("3억", as_of="2020-01-01").computed_tax == 4_000 * MAN
    assert tax("3억", as_of="2024-01-01").computed_tax == 3_700 * MAN
    assert tax(3_500 * EOK, as_of="2017-01-01").computed_tax == 76_580 * 1_000_000
    assert tax(3_500 * EOK, as_of="2018-01-01").computed_tax == 78_080 * 1_000_000
    assert tax(3_500 * EOK, as_of="2023-01-01").computed_tax == 74_580 * 1_000_000


def test_small_company_table_of_55_1_2():
    assert tax("3억", as_of="2025-01-01", small=True).computed_tax == 5_700 * MAN  # 3억 × 19% (published case)
    assert tax("3억", small=True).computed_tax == 6_000 * MAN  # 2026: 3억 × 20%
    assert tax(200 * EOK, small=True).computed_tax == 40 * EOK
    assert tax(3_000 * EOK, small=True).computed_tax == 656 * EOK  # 40억 + 2,800억 × 22%
    r = tax("3억", as_of="2024-06-30", small=True)  # before 2025 the general table applies (published case)
    assert r.computed_tax == 3_700 * MAN and any("일반 세율" in n for n in r.notes)


def test_local_tax_is_the_tenth_table():
    assert tax("5억").local_tax == 800 * MAN  # 200만 + 3억 × 2%
    assert tax("5억", as_of="2025-01-01").local_tax == 750 * MAN
    assert tax("3억", small=True).local_tax == 600 * MAN
    for base in (1, 2 * EOK, 7 * EOK + 12_345, 250 * EOK, 4_000 * EOK):
        r = tax(base)
        assert r.local_tax == r.computed_tax // 10


def test_short_business_year_and_prepaid():
    r = tax("1억", months=6)  # 1억 ÷ 6 × 12 = 2억 -> 2천만 -> × 6/12
    assert r.computed_tax == 1_000 * MAN and r.local_tax == 100 * MAN
    assert tax("2억", months=6).computed_tax == 3_000 * MAN  # 4억 -> 6천만 -> 3천만
    r = tax("5억", prepaid="3천만원")
    assert (r.determined_tax, r.payable) == (8_000 * MAN, 5_000 * MAN)
    assert tax("1억", prepaid="2천만원").payable == -1_000 * MAN  # refund
    with pytest.raises(UserError, match="months"):
        tax("1억", months=13)
    with pytest.raises(UserError, match="base"):
        tax("-5억")


def test_json_contract():
    d = tax("5억").to_dict()
    for key in ("tax_base", "computed_tax", "credits", "determined_tax", "payable", "local_tax", "steps", "as_of"):
        assert key in d
    assert d["citations"][:2] == ["법인세법 제13조", "법인세법 제55조"] and d["assumptions"]
    assert d["inputs"] == {"base": 5 * EOK, "small": False, "months": 12, "prepaid": None}


def test_tables_match_the_2026_statute(shared_data):
    from test_tax_statute import markdown_article, parse_table

    text, effective = markdown_article(shared_data / "legalize-kr/laws/corporate_tax_act_20260101.md", "제55조")
    general, small = text.split("2\\. 제60조의2")
    table = select("corporate_tax_rates", effective)
    assert parse_table(general) == table["brackets"]
    assert parse_table(small) == table["small"]
    text, effective = markdown_article(shared_data / "legalize-kr/laws/local_tax_act_20260101.md", "제103조의20")
    general, small = text.split("2\\. 「법인세법」 제60조의2")
    table = select("local_corporate_tax_rates", effective)
    assert parse_table(general) == table["brackets"]
    assert parse_table(small) == table["small"]
