"""Hand-checked cases for the tax calculators (every figure worked out from the statute by hand)."""

from __future__ import annotations

import pytest

from taxqa.errors import UserError
from taxqa.tax import gift_tax, income_tax, inheritance_tax, vat, vat_simple, wage_income
from taxqa.tax.compute import compute
from taxqa.tax.rates import select

AS_OF = "2026-01-01"


def gift(amount, relation="lineal_ascendant", **kw):
    return gift_tax(amount, relation, as_of=AS_OF, **kw)


# --- public examples -----------------------------------------------------------------------


def test_public_gift_example():
    r = gift("20억")
    assert (r.tax_base, r.computed_tax, r.payable) == (1_950_000_000, 620_000_000, 601_400_000)
    assert r.to_dict()["credits"] == [
        {
            "label": "신고세액공제 (3%)",
            "amount": 18_600_000,
            "law": "상속세 및 증여세법 제69조",
            "note": "기한 내 신고 가정",
            "article": "상속세 및 증여세법 제69조",
        }
    ]


def test_public_income_and_wage_examples():
    assert income_tax("5,000만원", as_of=AS_OF).computed_tax == 6_240_000
    w = wage_income("5000만", as_of=AS_OF).to_dict()
    assert (w["deduction"], w["income"]) == (12_250_000, 37_750_000)


# --- 증여세 --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "relation", "minor", "base", "computed", "payable"),
    [
        ("7억", "spouse", False, 100_000_000, 10_000_000, 9_700_000),
        ("6억", "spouse", False, 0, 0, 0),
        ("1억", "lineal_ascendant", False, 50_000_000, 5_000_000, 4_850_000),
        ("1억", "lineal_ascendant", True, 80_000_000, 8_000_000, 7_760_000),
        ("1억", "lineal_descendant", False, 50_000_000, 5_000_000, 4_850_000),
        ("1억", "other_relative", False, 90_000_000, 9_000_000, 8_730_000),
        ("1억", "other", False, 100_000_000, 10_000_000, 9_700_000),
        ("5억", "other", False, 500_000_000, 90_000_000, 87_300_000),
        ("31억", "other", False, 3_100_000_000, 1_090_000_000, 1_057_300_000),
    ],
)
def test_gift_by_relation(amount, relation, minor, base, computed, payable):
    r = gift(amount, relation, minor=minor)
    assert (r.tax_base, r.computed_tax, r.payable) == (base, computed, payable)
    assert any(s.law == "상속세 및 증여세법 제53조" for s in r.steps)


def test_marriage_birth_deduction():
    r = gift("3억", marriage_birth="1억")
    assert (r.tax_base, r.computed_tax, r.payable) == (150_000_000, 20_000_000, 19_400_000)
    assert "상속세 및 증여세법 제53조의2" in r.citations
    # the 1억 cap and the base floor
    assert gift("3억", marriage_birth="2억").tax_base == 150_000_000
    assert gift("1억", marriage_birth="1억").tax_base == 0


def test_marriage_birth_rules():
    with pytest.raises(UserError, match="lineal ascendant"):
        gift("3억", "spouse", marriage_birth="1억")
    with pytest.raises(UserError, match="not in force"):
        gift_tax("3억", "lineal_ascendant", marriage_birth="1억", as_of="2023-06-01")


def test_prior_gift_aggregated_with_computed_credit():
    # 1억 earlier + 2억 now: 3억 - 5천만 = 2.5억 -> 4천만; earlier alone 5천만 -> 500만 (limit 800만)
    r = gift("2억", prior="1억")
    assert (r.tax_base, r.computed_tax) == (250_000_000, 40_000_000)
    assert [(c.label, c.amount) for c in r.credits] == [("기납부세액공제", 5_000_000), ("신고세액공제 (3%)", 1_050_000)]
    assert r.payable == 33_950_000
    # the classic 국세청 example: 1억 + 1억 from the father -> 1,455만원
    assert gift("1억", prior="1억").payable == 14_550_000


def test_prior_gift_with_given_tax_and_limit():
    r = gift("2억", prior="1억", prior_tax="300만")
    assert r.credits[0].amount == 3_000_000 and r.payable == 40_000_000 - 3_000_000 - 1_110_000
    # 제58조②: the credit never exceeds 산출세액 × prior base / total base (4천만 × 0.5억/2.5억 = 800만)
    assert gift("2억", prior="1억", prior_tax="2천만").credits[0].amount == 8_000_000
    with pytest.raises(UserError, match="prior"):
        gift("2억", prior_tax="300만")


def test_small_prior_gift_not_aggregated_but_consumes_deduction():
    # 제47조②: under 1천만 not aggregated; the 10-year deduction (1천만) already used 500만
    r = gift("2천만", "other_relative", prior="500만")
    assert (r.tax_base, r.computed_tax, r.payable) == (15_000_000, 1_500_000, 1_455_000)
    assert not any(c.label == "기납부세액공제" for c in r.credits)


def test_minimum_tax_base():
    r = gift("1,040만", "other_relative")
    assert (r.tax_base, r.computed_tax, r.payable) == (400_000, 0, 0)
    assert "과세최저한" in r.steps[-1].label and r.steps[-1].law == "상속세 및 증여세법 제55조"
    r = gift("1,050만", "other_relative")
    assert (r.tax_base, r.computed_tax, r.payable) == (500_000, 50_000, 48_500)


def test_generation_skip_30_and_40_percent():
    r = gift("10억", generation_skip=True)  # 9.5억 -> 2.25억, +30%
    assert (r.tax_base, r.computed_tax, r.payable) == (950_000_000, 292_500_000, 283_725_000)
    assert "상속세 및 증여세법 제57조" in r.citations
    r = gift("30억", minor=True, generation_skip=True)  # minor, over 20억: +40%
    assert (r.tax_base, r.computed_tax, r.payable) == (2_980_000_000, 1_444_800_000, 1_401_456_000)
    r = gift("20억", minor=True, generation_skip=True)  # exactly 20억 is not over: +30%
    assert r.computed_tax == 632_000_000 * 13 // 10
    with pytest.raises(UserError, match="세대생략"):
        gift("1억", "spouse", generation_skip=True)


def test_gift_bad_input():
    for bad in ("이십억", "-5억", "abc", ""):
        with pytest.raises(UserError):
            gift(bad)
    with pytest.raises(UserError, match="relation"):
        gift("1억", "friend")


# --- 상속세 -------------------------------------------------------------------------------


def test_inheritance_children_only_lump_sum():
    r = inheritance_tax("10억", children=2, as_of=AS_OF)
    assert (r.tax_base, r.computed_tax, r.payable) == (500_000_000, 90_000_000, 87_300_000)
    assert "상속세 및 증여세법 제21조" in r.citations


def test_inheritance_with_spouse_minimum():
    assert inheritance_tax("10억", spouse=True, children=2, as_of=AS_OF).payable == 0
    r = inheritance_tax("30억", spouse=True, children=2, financial="5억", as_of=AS_OF)
    assert (r.tax_base, r.computed_tax, r.payable) == (1_900_000_000, 600_000_000, 582_000_000)


def test_spouse_share_limit():
    # 40억, spouse takes 20억, 2 children: legal share 40억 × 3/7 = 17억 1,428만 5,714원
    r = inheritance_tax("40억", spouse_inherits="20억", children=2, as_of=AS_OF)
    assert r.tax_base == 4_000_000_000 - 500_000_000 - 1_714_285_714
    assert (r.computed_tax, r.payable) == (554_285_714, 537_657_143)
    # 30억 cap
    r = inheritance_tax("100억", spouse_inherits="60억", children=1, as_of=AS_OF)
    assert r.tax_base == 10_000_000_000 - 500_000_000 - 3_000_000_000


def test_spouse_alone_gets_no_lump_sum():
    r = inheritance_tax("50억", spouse_inherits="50억", as_of=AS_OF)
    assert r.tax_base == 5_000_000_000 - 200_000_000 - 3_000_000_000
    assert (r.computed_tax, r.payable) == (560_000_000, 543_200_000)
    # deduction limit (제24조): never more than the estate
    r = inheritance_tax("10억", spouse_inherits="10억", as_of=AS_OF)
    assert (r.tax_base, r.payable, r.extra["deduction"]) == (0, 0, 1_000_000_000)


def test_financial_deduction():
    def base(fin):
        return inheritance_tax("20억", children=1, financial=fin, as_of=AS_OF).tax_base

    assert base("1,500만") == 2_000_000_000 - 500_000_000 - 15_000_000  # 2천만 이하: 전액
    assert base("5천만") == 2_000_000_000 - 500_000_000 - 20_000_000  # 20% = 1천만 < 2천만
    assert base("5억") == 2_000_000_000 - 500_000_000 - 100_000_000  # 20%
    assert base("15억") == 2_000_000_000 - 500_000_000 - 200_000_000  # 한도 2억


def test_minor_children_deduction():
    # 2억 + 3 × 5천만 + (9 + 4) × 1천만 = 4.8억 < 5억 -> 일괄공제
    assert inheritance_tax("20억", children=3, minor_children_years=[9, 4], as_of=AS_OF).tax_base == 1_500_000_000
    # 2억 + 4 × 5천만 + (18 + 17 + 10) × 1천만 = 8.5억 > 5억
    r = inheritance_tax("20억", children=4, minor_children_years=[18, 17, 10], as_of=AS_OF)
    assert r.tax_base == 1_150_000_000
    with pytest.raises(UserError):
        inheritance_tax("20억", children=1, minor_children_years=[3, 4], as_of=AS_OF)
    with pytest.raises(UserError):
        inheritance_tax("20억", children=1, minor_children_years=[25], as_of=AS_OF)


def test_inheritance_bad_input():
    with pytest.raises(UserError):
        inheritance_tax("10억", financial="20억", as_of=AS_OF)
    with pytest.raises(UserError):
        inheritance_tax("10억", children=-1, as_of=AS_OF)


# --- 종합소득세, 근로소득공제 -------------------------------------------------------------


@pytest.mark.parametrize(
    ("base", "tax"),
    [
        (0, 0),
        (14_000_000, 840_000),
        (14_000_001, 840_000),
        (14_000_100, 840_015),
        (50_000_000, 6_240_000),
        (88_000_000, 15_360_000),
        (150_000_000, 37_060_000),
        (300_000_000, 94_060_000),
        (500_000_000, 174_060_000),
        (1_000_000_000, 384_060_000),
        (1_100_000_000, 429_060_000),
    ],
)
def test_income_brackets(base, tax):
    r = income_tax(base, as_of=AS_OF)
    assert r.computed_tax == tax
    assert r.extra["local_tax"] == tax // 10
    assert r.payable == tax


def test_income_table_by_effective_date():
    assert income_tax("5000만", as_of="2022-12-31").computed_tax == 5_820_000 + 4_000_000 * 24 // 100
    assert select("income_tax_rates", __import__("datetime").date(2026, 4, 21))["effective"] == "2023-01-01"


@pytest.mark.parametrize(
    ("salary", "deduction"),
    [
        (0, 0),
        (5_000_000, 3_500_000),
        (15_000_000, 7_500_000),
        (45_000_000, 12_000_000),
        (100_000_000, 14_750_000),
        (150_000_000, 15_750_000),
        (362_500_000, 20_000_000),
        (450_000_000, 20_000_000),
    ],
)
def test_wage_deduction(salary, deduction):
    r = wage_income(salary, as_of=AS_OF)
    assert (r.extra["deduction"], r.extra["income"]) == (deduction, salary - deduction)


# --- 부가가치세 --------------------------------------------------------------------------


def test_vat_general_payable_and_refund():
    r = vat("1억", "6천만", as_of=AS_OF)
    assert (r.tax_base, r.computed_tax, r.payable) == (100_000_000, 10_000_000, 4_000_000)
    r = vat("1억", "1.5억", as_of=AS_OF)
    assert r.payable == -5_000_000 and r.steps[-1].label == "환급세액"


def test_vat_simple():
    r = vat_simple("6,000만", "restaurant", "2,000만", as_of=AS_OF)  # 6천만 × 15% × 10% - 2천만 × 0.5%
    assert (r.tax_base, r.computed_tax, r.payable) == (60_000_000, 900_000, 800_000)
    assert vat_simple("1억", "retail", "5천만", as_of=AS_OF).payable == 1_250_000
    assert vat_simple("1억", "service", as_of=AS_OF).payable == 3_000_000
    assert vat_simple("1억", "lodging", as_of=AS_OF).payable == 2_500_000
    assert vat_simple("1억", "manufacturing", as_of=AS_OF).payable == 2_000_000
    assert vat_simple("1억", "professional", as_of=AS_OF).payable == 4_000_000


def test_vat_simple_exemption_below_48m():
    r = vat_simple("4,000만", "restaurant", "2,000만", as_of=AS_OF)
    assert (r.computed_tax, r.payable) == (600_000, 0)
    assert r.credits[-1].law == "부가가치세법 제69조"
    assert vat_simple("4,800만", "restaurant", "2,000만", as_of=AS_OF).payable == 620_000


def test_vat_simple_credit_never_exceeds_tax_and_threshold():
    assert vat_simple("5천만", "restaurant", "5억", as_of=AS_OF).payable == 0
    with pytest.raises(UserError, match="threshold"):
        vat_simple("1억 400만", "retail", as_of=AS_OF)
    with pytest.raises(UserError, match="industry"):
        vat_simple("5천만", "casino", as_of=AS_OF)


def test_compute_dispatcher_and_json_contract():
    d = compute("gift", amount="20억", relation="lineal_ascendant", as_of=AS_OF).to_dict()
    for key in ("tax_base", "computed_tax", "credits", "payable", "steps", "as_of"):
        assert key in d
    assert d["as_of"] == AS_OF
    assert all(set(s) >= {"label", "amount", "law"} and isinstance(s["amount"], int) for s in d["steps"])
    assert compute("income", base="5000만", as_of=AS_OF).to_dict()["local_tax"] == 624_000
    with pytest.raises(UserError):
        compute("property", amount=1)
    with pytest.raises(UserError):
        compute("gift", amount=1, relation="spouse", nonsense=True)
