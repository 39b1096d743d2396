"""Causes found by the held-out sets p47-p50 and the review of the sixth session (the integrator's share), each
tested in wording of its own rather than a set's question."""

from __future__ import annotations

from reading_cases import reading


def test_an_amount_of_a_tax_filed_apart_that_the_reader_took_is_asked_not_claimed_left_out():
    # the same figure is said for the 부가세 filed apart and as the pay: saying it was left out would be untrue
    r = reading(
        "부가세는 따로 신고했어요(매출 5,100만 원). 그건 빼고 연말정산만요. 총급여 5,100만 원, 부양가족 없어요."
    )
    assert r.inputs.get("salary") == 51_000_000
    assert any("불분명" in a for a in r.ambiguous)
    assert not any("넣지 않음" in a for a in r.assumptions)


def test_an_amount_of_a_tax_filed_apart_is_said_left_out_when_it_was():
    r = reading(
        "부가세는 따로 신고했어요(매출 3,300만 원). 그건 빼고 연말정산만요. 총급여 5,100만 원, 부양가족 없어요."
    )
    assert r.inputs.get("salary") == 51_000_000
    assert any("'3,300만원'은 따로 신고한" in a for a in r.assumptions)


def test_last_year_said_of_a_birth_does_not_move_the_year_of_the_pay():
    from taxqa.tax.credits import child_table

    assert child_table("2026-06-01", "작년에 둘째가 태어났어요. 총급여 6천이에요")[1] == 2026
    assert child_table("2026-06-01", "작년 총급여가 6천이었어요. 애는 둘")[1] == 2025
    assert child_table("2026-06-01", "작년에 회사에서 받은 총급여가 6천")[1] == 2025
