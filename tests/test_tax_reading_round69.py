"""Round 69 (set 86's flagged misses at their rules): a 1주택 said as a future condition ("나중에 1주택자가 되면
비과세라는데") is no claim; a leaving month "이번 달 말로 퇴사" gives the service with the month of joining."""

from __future__ import annotations

from taxqa.tax.reading import ask

AS_OF = "2026-06-01"


def test_a_future_single_house_is_a_condition():
    q = "혹시 제가 나중에 1주택자가 되면 비과세라는데, 지금은 집 세 채예요. 그중 하나 2016년 2월에 2억에 산 걸 지난달 3억 5천에 팔았어요. 양도세?"
    assert ask(q, as_of=AS_OF)["result"]["payable"] == 25_685_000


def test_leaving_at_the_end_of_this_month():
    q = "여행 중에 회사 연락: 이번 달 말로 퇴사 처리, 퇴직금 1억 1천. 2013년 4월에 입사했으니 세금은?"
    assert ask(q, as_of=AS_OF)["result"]["inputs"]["years"] == 14
