"""Rules from the misses of probe sets p6 and p7 (BENCHMARKS.md section 13): a giver asking about a relief they
want, pay said after tax, months of work in the year, one amount read as two prices, Korean field names, bank
interest named as a tax we do not compute."""

from __future__ import annotations

from taxqa.tax.reading import ask

AS_OF = "2026-06-01"


def test_a_relief_received_does_not_make_the_child_the_giver():
    a = ask("딸 시집보낼 때 1억 줬어요. 혼인신고는 지난달에 했고 혼인공제 받으면 증여세는요?", as_of=AS_OF)
    assert a["inputs"]["relation"] == "lineal_ascendant"
    assert a["inputs"]["marriage_birth"] == 100_000_000 and a["result"]["payable"] == 0


def test_pay_after_tax_asks_for_the_gross_pay():
    a = ask("세후로 한 달에 270 받는데 연말정산 결정세액은 얼마일까요?", as_of=AS_OF)
    assert a["result"] is None and any("세전" in m or "총급여" in m for m in a["missing"])
    a = ask("실수령 월 310 정도예요. 연말정산 결정세액 얼마 나올까요?", as_of=AS_OF)
    assert a["result"] is None and any("세전" in m for m in a["missing"])
    a = ask("세후 월 280 받는데 세전은 월 330이에요. 부양가족 없고 결정세액?", as_of=AS_OF)
    assert a["inputs"]["salary"] == 39_600_000  # the pay before tax, said beside the one after it


def test_months_worked_in_the_year_multiply_the_monthly_pay():
    a = ask("3월부터 10월까지 일했고 매달 250씩 받았어요. 결정세액은요?", as_of=AS_OF)
    assert a["inputs"]["salary"] == 20_000_000  # 8 months
    assert any("8개월" in x for x in a["assumptions"])
    a = ask("올해 9월에 취업해서 12월까지 월급 300씩 받았어요. 부양가족 없고 결정세액은?", as_of=AS_OF)
    assert a["inputs"]["salary"] == 12_000_000  # 4 months


def test_a_sale_price_alone_is_not_also_the_purchase_price():
    a = ask("시골 땅 팔았는데 5억 받았어요 양도세 얼마예요", as_of=AS_OF)
    assert "acquired" not in a["inputs"] and any("취득가액" in m for m in a["missing"])


def test_an_amount_placed_twice_is_told_in_korean_field_names():
    a = ask("아버지가 돌아가셨고 재산은 전부 예금 8억이에요. 어머니와 저 둘이 상속인. 상속세는?", as_of=AS_OF)
    twice = [x for x in a["missing"] if "두 곳에" in x]
    assert twice and all(not any(c.isascii() and c.isalpha() for c in x) for x in twice), twice


def test_bank_interest_is_named_and_not_computed():
    a = ask("적금 이자로 2백 받았는데 세금 얼마나 떼나요?", as_of=AS_OF)
    assert a["kind"] is None and a["tax_name"] == "이자·배당소득세"


def test_tax_already_taken_after_the_pay_is_the_withheld_tax():
    a = ask("연봉 6천, 회사에서 미리 세금 300만원 떼갔어요. 부양가족 없어요. 연말정산하면 얼마 더 내나요", as_of=AS_OF)
    assert a["inputs"] == {"salary": 60_000_000, "withheld": 3_000_000}


def test_held_under_a_year():
    a = ask("땅을 산 지 일 년이 채 안 됐는데 2억에 사서 2억 5천에 팔면 양도세", as_of=AS_OF)
    assert a["inputs"]["held_years"] == 0


def test_a_grown_child_of_two_said_with_ages_is_no_dependent():
    a = ask("연봉 6천, 딸 23살이랑 아들 15살 키워요 아내는 맞벌이. 결정세액?", as_of=AS_OF)
    assert a["inputs"]["dependents"] == 1 and a["inputs"]["children"] == 1
    assert any("딸 23살" in x and "20세" in x for x in a["assumptions"])


def test_purchases_said_as_bought_by_card_count_once():
    a = ask("매출 공급가액 1억이고 매입은 카드로 2천 샀어요 부가세 얼마", as_of=AS_OF)
    assert a["inputs"]["purchases"] == 20_000_000  # the one amount, not added again as a card purchase


def test_flags_name_inputs_in_korean():
    a = ask("퇴직금 1억 받는데 회사에서 원천징수를 얼마 했는지 모르겠어요 근속 10년 퇴직소득세는?", as_of=AS_OF)
    lines = [x for x in a["missing"] if "계산(" in x]
    assert lines and all(not any("a" <= c <= "z" for c in x) for x in lines), lines
