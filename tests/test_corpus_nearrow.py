"""The everyday rows a question is near to without saying their exact words (taxqa.corpus.nearrow), and what
that does to the ranking. The questions are worded for these tests, in none of the retrieval sets."""

import pytest

from taxqa.corpus import load_passages, nearrow, search
from taxqa.corpus.query import read_query


def _first(question: str) -> str:
    return nearrow.near(question)[0][0]


def test_a_question_in_other_words_is_nearest_to_its_row():
    assert _first("고지서 내용이 틀린 것 같은데 고지한 그 세무서에 먼저 다시 봐 달라고 해도 돼") == "이의신청"
    assert _first("퀵서비스 오토바이로 배송하고 건당 받는 돈은 무슨 소득이야") == "사업소득"
    assert _first("벌이가 적으면 나라에서 주는 지원금 받을 자격 있나") == "근로장려금의신청자격"


def test_a_rows_exclusion_keeps_it_away_and_a_said_row_needs_no_guess():
    near = dict(nearrow.near("아이 둘 키우는데 벌이가 적으면 나라에서 주는 지원금 받을 자격"))
    assert "근로장려금의신청자격" not in near  # its row says "- 아이 ~ 둘": that is 자녀장려금
    assert "자녀장려금의신청자격" in near
    assert read_query("노후 대비 개인연금에 넣은 돈 돌려받나").near == []  # said exactly: the row itself fires


def test_a_wording_said_but_for_one_part_is_near():
    rows = nearrow._rows()[0]
    n = next(i for i, r in enumerate(rows) if "중소기업의 결손금 소급공제에 따른 환급" in r[0])
    question = "작은 회사인데 올해 손해 본 걸로 지난해 낸 법인세 일부를 되찾을 수 있어"
    assert dict(nearrow.near(question)).get("중소기업의결손금소급공제에따른환급") == nearrow.PARTIAL
    assert nearrow._partly_said(n, question)
    assert not nearrow._partly_said(n, "올해 회사 매출이 늘었어")


@pytest.mark.parametrize(
    ("question", "gold"),
    [
        ("작은 회사인데 올해 손해 본 걸로 지난해 낸 법인세 일부를 되찾을 수 있어", {"법인세법 제72조"}),
        ("가게 차리면서 산 냉장고 부가세 돌려받을 수 있어", {"부가가치세법 제38조", "부가가치세법 제59조"}),
    ],
)
def test_the_near_row_brings_its_article_first(question, gold, monkeypatch):
    passages = load_passages()
    assert search(question, 5, passages)[0][0].citation in gold
    monkeypatch.setattr(nearrow, "near", lambda *a, **k: [])
    assert search(question, 5, passages)[0][0].citation not in gold  # without the matcher it is not first
