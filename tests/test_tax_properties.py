"""Property-based checks: monotonic in the amount, never negative, deduction never above the base."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from taxqa.tax import gift_tax, income_tax, inheritance_tax, vat, vat_simple, wage_income
from taxqa.tax.rates import INDUSTRIES, RELATIONS

AS_OF = "2026-01-01"
won = st.integers(min_value=0, max_value=200_000_000_000)
pair = st.tuples(won, won).map(sorted)
FAST = settings(max_examples=150, deadline=None)


@FAST
@given(pair, st.sampled_from(RELATIONS), st.booleans())
def test_gift_monotonic_non_negative(amounts, relation, minor):
    skip = relation == "lineal_ascendant"
    lo, hi = (gift_tax(a, relation, minor=minor, generation_skip=skip, as_of=AS_OF) for a in amounts)
    for r in (lo, hi):
        assert 0 <= r.payable <= r.computed_tax
        assert 0 <= r.extra["deduction"] <= r.inputs["amount"]
        assert r.tax_base == r.inputs["amount"] - r.extra["deduction"]
        assert r.payable == r.computed_tax - sum(c.amount for c in r.credits)
    assert (lo.tax_base, lo.computed_tax, lo.payable) <= (hi.tax_base, hi.computed_tax, hi.payable)
    assert lo.tax_base <= hi.tax_base and lo.computed_tax <= hi.computed_tax and lo.payable <= hi.payable


@FAST
@given(won, won)
def test_gift_prior_never_negative(amount, prior):
    r = gift_tax(amount, "lineal_ascendant", prior=prior, as_of=AS_OF)
    assert 0 <= r.payable <= r.computed_tax
    assert all(c.amount >= 0 for c in r.credits)


@FAST
@given(pair, st.booleans(), st.integers(0, 5), st.integers(0, 100))
def test_inheritance_monotonic(estates, spouse, children, financial_pct):
    lo, hi = (
        inheritance_tax(e, spouse=spouse, children=children, financial=e * financial_pct // 100, as_of=AS_OF)
        for e in estates
    )
    for r in (lo, hi):
        assert 0 <= r.extra["deduction"] <= r.inputs["estate"]
        assert 0 <= r.payable <= r.computed_tax
    # with the same financial share the deduction grows slower than the estate
    same_fin = [inheritance_tax(e, spouse=spouse, children=children, as_of=AS_OF) for e in estates]
    assert same_fin[0].payable <= same_fin[1].payable


@FAST
@given(pair)
def test_income_and_wage_monotonic(amounts):
    lo, hi = (income_tax(a, as_of=AS_OF) for a in amounts)
    assert 0 <= lo.computed_tax <= hi.computed_tax and lo.extra["local_tax"] <= hi.extra["local_tax"]
    assert hi.computed_tax <= hi.tax_base * 45 // 100
    wl, wh = (wage_income(a, as_of=AS_OF) for a in amounts)
    for w in (wl, wh):
        assert 0 <= w.extra["deduction"] <= min(w.tax_base, 20_000_000)
    assert wl.extra["deduction"] <= wh.extra["deduction"] and wl.extra["income"] <= wh.extra["income"]


@FAST
@given(pair, won)
def test_vat_monotonic_in_sales(sales, purchases):
    lo, hi = (vat(s, purchases, as_of=AS_OF) for s in sales)
    assert lo.payable <= hi.payable


@FAST
@given(st.integers(0, 103_999_999), st.integers(0, 103_999_999), st.sampled_from(INDUSTRIES))
def test_vat_simple_never_negative(supply, purchases, industry):
    if industry == "realestate":
        supply = min(supply, 47_999_999)
    r = vat_simple(supply, industry, purchases, as_of=AS_OF)
    assert 0 <= r.payable <= r.computed_tax
    if supply < 48_000_000:
        assert r.payable == 0
