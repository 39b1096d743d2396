"""Round 67 (set 84's flagged misses at their rules): 영감님 as the husband, ISO dates for the days of a late payment,
a "$" amount converted at the rate said, and an ISO date no amount."""

from __future__ import annotations

from taxqa.tax.fx import with_rate
from taxqa.tax.penalty_days import days_between_said
from taxqa.tax.reading import ask

AS_OF = "2026-06-01"


def test_an_old_womans_husband_said_yeonggam():
    q = "1203호 할머님 부탁: 작년 12월에 영감님 돌아가심, 자식 넷, 집이랑 예금 합쳐 8억이라 하심. 할머님 본인도 상속받으심. 상속세?"
    r = ask(q, as_of=AS_OF)["result"]
    assert r["inputs"]["spouse"] is True and r["inputs"]["children"] == 4 and r["payable"] == 0


def test_iso_dates_give_the_days_late_and_are_no_amount():
    assert days_between_said("납부기한 2026-03-31, 실제 납부 2026-05-10, 미납세액 3,300,000원", 2026)[0] == 40
    a = ask("납부기한 2026-03-31, 실제 납부 2026-05-10, 미납세액 3,300,000원 → 납부지연가산세 = ?", as_of=AS_OF)
    assert a["result"]["payable"] == 29_040 and not a["ambiguous"]


def test_a_dollar_sign_amount_is_converted_at_the_rate_said():
    assert "4,050만원(달러 환산)" in with_rate("미국 이모가 $30,000 보내줬어요. 환율 1달러=1,350원으로 해주세요")
    r = ask("미국 이모가 $30,000 보내줬어요. 환율 1달러=1,350원으로 해주세요. 증여세?", as_of=AS_OF)["result"]
    assert r["inputs"]["amount"] == 40_500_000 and r["payable"] == 2_958_500
