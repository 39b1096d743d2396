"""연말정산 (`salary`) by hand from 소득세법 제47·50·51·51의3·52·55·59·59의2·59의4조."""

from __future__ import annotations

from datetime import date

import pytest

from taxqa.errors import UserError
from taxqa.tax.rates import progressive, select
from taxqa.tax.salary import child_credit_amount, salary_tax, wage_credit_limit

MAN = 10_000
AS_OF = "2026-01-01"
DAY = date(2026, 1, 1)


def pay(salary, **kw):
    kw.setdefault("as_of", AS_OF)
    return salary_tax(salary, **kw)


def credit(r, label):
    return next(c.amount for c in r.credits if c.label == label)


def test_salary_50m_single_worker():
    # 근로소득공제 1,200만 + 500만 × 5% = 1,225만; 소득금액 3,775만; 기본공제 150만 -> 과세표준 3,625만
    # 산출세액 84만 + 2,225만 × 15% = 417만 7,500; 근로소득세액공제 71만5천 + 287만7,500 × 30% = 157만 8,250
    # -> 한도 74만 - 1,700만 × 8/1000 = 60만 4천 < 66만 -> 66만; 표준세액공제 13만 -> 결정세액 338만 7,500
    r = pay("5천만원")
    assert (r.tax_base, r.computed_tax) == (36_250_000, 4_177_500)
    assert credit(r, "근로소득세액공제") == 660_000 and credit(r, "표준세액공제") == 130_000
    assert (r.determined_tax, r.payable, r.local_tax) == (3_387_500, 3_387_500, 338_750)
    d = r.to_dict()
    assert d["credits"][0]["article"] == "소득세법 제59조" and d["determined_tax"] == 3_387_500
    assert any("연금보험료" in a for a in d["assumptions"]) and any("특별세액공제" in a for a in d["assumptions"])


def test_family_with_pension_insurance_and_withheld():
    # 6,000만: 근로소득공제 1,275만 -> 4,725만; 기본공제 4명 600만, 연금 225만, 보험료 200만 -> 과세표준 3,700만
    # 산출세액 84만 + 2,300만 × 15% = 429만; 근로소득세액공제 161만 2천 -> 한도 66만; 자녀 2명 55만 (2025~)
    # 보험료공제를 신청했으므로 표준세액공제 없음 -> 결정세액 308만; 기납부 200만 -> 추가 납부 108만
    r = pay("6천만원", dependents=3, children=2, pension="225만원", insurance="200만원", withheld="200만원")
    assert (r.tax_base, r.computed_tax, r.determined_tax, r.payable) == (37_000_000, 4_290_000, 3_080_000, 1_080_000)
    assert [c.label for c in r.credits] == ["근로소득세액공제", "자녀세액공제"]
    assert credit(r, "자녀세액공제") == 550_000
    assert (r.local_tax, r.extra["local_payable"]) == (308_000, 108_000)
    refund = pay("6천만원", dependents=3, children=2, pension="225만원", insurance="200만원", withheld="400만원")
    assert refund.payable == -920_000 and refund.steps[-1].label == "환급받을 세액"


def test_credits_never_exceed_the_tax():
    # 1,500만: 공제 350만 + 1,000만 × 40% = 750만 -> 과세표준 600만, 산출세액 36만
    # 근로소득세액공제 55% = 19만 8천, 표준세액공제 13만 -> 결정세액 3만 2천
    r = pay("1500만원")
    assert (r.computed_tax, r.determined_tax) == (360_000, 360_000 - 198_000 - 130_000)
    # 자녀 2명 (기본공제 3명 450만 -> 과세표준 300만, 산출세액 18만): 근로 9만 9천, 자녀 55만 -> 남은 8만 1천, 표준 0
    r = pay("1500만원", children=2)
    assert r.computed_tax == 180_000
    assert [c.amount for c in r.credits] == [99_000, 81_000, 0] and r.determined_tax == 0


def test_personal_deduction_capped_at_income():
    r = pay("500만원", dependents=2)  # 소득금액 150만 < 인적공제 450만 (제51조④)
    assert (r.tax_base, r.computed_tax, r.determined_tax) == (0, 0, 0)
    assert any("제51조④" in n for n in r.notes)


def test_additional_deductions():
    # 3,000만: 공제 975만 -> 2,025만; 기본 2명 300만 + 경로 100만 + 장애 200만 + 부녀자 50만 -> 1,375만
    r = pay("3천만원", dependents=1, elderly=1, disabled=1, woman=True)
    assert (r.tax_base, r.computed_tax) == (13_750_000, 825_000)  # 1,375만 × 6%
    assert pay("6천만원", woman=True).tax_base == pay("6천만원").tax_base  # 소득금액 3천만 초과: 부녀자공제 없음
    assert pay("3천만원", children=1, single_parent=True, woman=True).tax_base == 20_250_000 - 3_000_000 - 1_000_000
    with pytest.raises(UserError, match="elderly/disabled"):
        pay("3천만원", elderly=2)
    with pytest.raises(UserError, match="dependents"):
        pay("3천만원", dependents=-1)


@pytest.mark.parametrize(
    ("salary", "limit"),
    [
        (30_000_000, 740_000),
        (33_000_000, 740_000),
        (33_000_001, 739_999),  # 74만 - 0.008 원 -> 739,999.992 -> floored to the won
        (40_000_000, 684_000),  # 74만 - 700만 × 8/1000
        (43_000_000, 660_000),
        (70_000_000, 660_000),
        (70_000_001, 659_999),
        (100_000_000, 500_000),  # 66만 - 3천만 / 2 -> floor 50만
        (120_000_000, 500_000),
        (120_000_001, 499_999),
        (200_000_000, 200_000),
    ],
)
def test_wage_credit_limit_boundaries(salary, limit):
    assert wage_credit_limit(salary, select("salary", DAY)["wage_credit_limit"])[0] == limit


def test_wage_credit_table_and_published_cases():
    table = select("salary", DAY)
    by_rate = lambda tax: progressive(tax, table["wage_credit"])[0]  # noqa: E731
    assert by_rate(1_300_000) == 715_000 and by_rate(1_300_100) == 715_030
    # korean-tax-calc-mcp's published cases: (산출세액, 총급여) -> 공제
    for tax, salary, expected in [(900_000, 30_000_000, 495_000), (2_000_000, 60_000_000, 660_000),
                                  (4_182_750, 65_400_000, 660_000)]:  # fmt: skip
        assert min(by_rate(tax), wage_credit_limit(salary, table["wage_credit_limit"])[0]) == expected


def test_child_credit_by_year():
    def amount(n, day):
        return child_credit_amount(n, select("child_credit", date.fromisoformat(day)))

    assert [amount(n, "2023-06-01") for n in (0, 1, 2, 3)] == [0, 150_000, 300_000, 600_000]
    assert [amount(n, "2024-06-01") for n in (1, 2, 3, 4)] == [150_000, 350_000, 650_000, 950_000]
    assert [amount(n, "2025-06-01") for n in (1, 2, 3, 4)] == [250_000, 550_000, 950_000, 1_350_000]
    r = pay("8천만원", children=3, as_of="2024-06-01")
    assert credit(r, "자녀세액공제") == 650_000 and r.inputs["dependents"] == 3  # children counted as dependents


def test_dates_before_the_salary_tables_are_refused():
    with pytest.raises(UserError, match="no salary table"):
        pay("5천만원", as_of="2022-12-31")


def test_figures_are_in_the_statute(shared_data):
    from test_tax_statute import markdown_article

    path = shared_data / "legalize-kr/laws/income_tax_act_20260421.md"
    a59, day = markdown_article(path, "제59조")
    table = select("salary", day)
    for phrase in ("130만원 이하", "100분의 55", "71만5천원", "130만원을 초과하는 금액의 100분의", "30)", "3천 300만원 이하인 경우: 74만원",
                   "66만원으로 한다", "1억2천만원 이하", "50만원으로 한다", "20만원으로 한다", "8/1000", "1/2"):  # fmt: skip
        assert phrase in a59, phrase
    assert table["wage_credit"][1][2] == 715_000 and table["wage_credit_limit"][-1][-1] == 200_000
    assert "1명당 연 150만원" in markdown_article(path, "제50조")[0] and table["basic_per_person"] == 1_500_000
    a51 = markdown_article(path, "제51조")[0]
    assert all(p in a51 for p in ("1명당 연 100만원", "1명당 연 200만원", "3천만원 이하", "연 50만원"))
    a592 = markdown_article(path, "제59조의2")[0]
    child = select("child_credit", day)
    assert "연 25만원" in a592 and "연 55만원" in a592 and "1명당 연 40만원" in a592
    assert (child["one"], child["two"], child["each_more"]) == (250_000, 550_000, 400_000)
    assert "연 13만원" in markdown_article(path, "제59조의4")[0] and table["standard_credit"] == 130_000
