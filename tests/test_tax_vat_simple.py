"""간이과세 completed: 매입세금계산서 등 공제, 신용카드매출전표 등 발행세액공제 (부가가치세법 제46조) with
its yearly cap, and the 세금계산서 미수취 가산세 (제68조의2②1)."""

from __future__ import annotations

import pytest

from taxqa.errors import UserError
from taxqa.tax.vat import vat, vat_simple

MAN = 10_000


def simple(supply, industry="restaurant", as_of="2026-01-01", **kw):
    return vat_simple(supply, industry, as_of=as_of, **kw)


def test_purchase_and_card_credits():
    # 음식점 8천만: 8천만 × 15% × 10% = 120만; 매입 3천만 × 0.5% = 15만; 카드 7천만 × 1.3% = 91만 -> 14만
    r = simple("8천만원", purchases="3천만원", card_sales="7천만원")
    assert r.computed_tax == 120 * MAN
    assert [(c.label, c.amount) for c in r.credits][1] == ("신용카드매출전표 등 발행세액공제", 91 * MAN)
    assert (r.determined_tax, r.payable) == (14 * MAN, 14 * MAN)
    assert r.to_dict()["credits"][1]["article"] == "부가가치세법 제46조"


def test_credits_stop_at_the_tax():
    # 150만 - 매입 50만 -> 카드 1억 × 1.3% = 130만 but only 100만 is left (card sales above the supply are refused)
    r = simple("1억", industry="retail", purchases="1억", card_sales="1억")
    assert [c.amount for c in r.credits] == [50 * MAN, 100 * MAN] and r.payable == 0
    with pytest.raises(UserError, match="card_sales"):
        simple("1억", industry="service", purchases="2천만원", card_sales="5억")
    with pytest.raises(UserError, match="card_sales"):
        vat("1억", card_sales="2억")


def test_card_credit_rate_and_cap_by_date():
    # 일반과세 개인사업자: 납부세액 5천만, 카드 10억 × 1.3% = 1,300만 -> 연 1천만원 한도 (2026-12-31까지)
    assert vat("10억", "5억", card_sales="10억", as_of="2026-12-31").payable == 4_000 * MAN
    # 2027-01-01부터 1%, 연 500만원
    assert vat("10억", "5억", card_sales="10억", as_of="2027-01-01").payable == 4_500 * MAN
    assert vat("10억", "5억", card_sales="3억", as_of="2027-01-01").payable == 4_700 * MAN  # 3억 × 1% = 300만
    assert vat("1억", "2억", card_sales="1억", as_of="2026-01-01").payable == -1_000 * MAN  # 환급에는 공제 없음


def test_no_invoice_penalty_only_for_invoicing_simple_taxpayers():
    r = simple("8천만원", industry="retail", no_invoice="1천만원")  # 4,800만 이상: 0.5% = 5만원 가산세
    assert (r.computed_tax, r.extra["penalty"], r.determined_tax, r.payable) == (
        120 * MAN,
        5 * MAN,
        120 * MAN,  # 결정세액: credits only; the 가산세 is added to what is paid
        125 * MAN,
    )
    assert any(s.label == "세금계산서 미수취 가산세" and s.law == "부가가치세법 제68조의2" for s in r.steps)
    r = simple("4천만원", industry="retail", no_invoice="1천만원")  # 영수증 발급 간이과세자: 가산세 없고 납부의무 면제
    assert "penalty" not in r.extra and r.payable == 0
    assert any("미수취 가산세 없음" in n for n in r.notes)


def test_exemption_counts_all_credits():
    r = simple("4천만원", industry="retail", card_sales="3천만원")  # 60만 - 카드 39만 -> 면제 21만
    assert [c.amount for c in r.credits] == [0, 39 * MAN, 21 * MAN] and r.payable == 0


@pytest.mark.parametrize("field", ["card_sales", "no_invoice"])
def test_inputs_are_echoed(field):
    r = simple("8천만원", **{field: "1천만원"})
    assert r.inputs[field] == 1_000 * MAN


def test_statute_text(shared_data):
    from test_tax_statute import markdown_article

    path = shared_data / "legalize-kr/laws/vat_act_20260101.md"
    a46 = markdown_article(path, "제46조")[0]
    assert "연간 500만원을 한도로 하되, 2026년 12월 31일까지는 연간 1천만원을 한도로 한다" in a46
    assert "1퍼센트(2026년 12월 31일까지는 1.3퍼센트로 한다)" in a46
    assert "그 공급대가의 0.5퍼센트" in markdown_article(path, "제68조의2")[0]


def test_published_cases():
    # korean-tax-calc-mcp's cases, each checked by hand: 제조업 6천만 × 20% × 10% = 120만; 매입 1천만 × 0.5% = 5만;
    # 카드 2천만 × 1.3% = 26만; 미수취 100만 × 0.5% = 5천 -> 89만 5천
    r = simple("6천만원", industry="manufacturing", purchases="1천만원", card_sales="2천만원", no_invoice="100만원")
    assert ([c.amount for c in r.credits], r.extra["penalty"], r.payable) == ([50_000, 260_000], 5_000, 895_000)
    # 음식점 5,500만 × 15% × 10% = 82만 5천 - 매입 2,200만 × 0.5% = 11만 -> 71만 5천
    assert simple("5500만원", purchases="2200만원").payable == 715_000
