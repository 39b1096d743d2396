"""The definitions bridge (taxqa.corpus.bridge): terms coined in the statutes, reached from their descriptions."""

from taxqa.corpus import bridge
from taxqa.corpus.query import read_query

STATUTE = (
    '1. "상속개시일"이란 피상속인이 사망한 날을 말한다.\n'
    "② 납세지 관할 세무서장은 거주자가 연금계좌에 납입한 금액 중 퇴직소득금액 (이하 "
    '"연금계좌 납입액"이라 한다)을 공제한다.'
)


def test_descriptions_read_both_ways_of_coining_a_term():
    found = dict(bridge.descriptions(STATUTE))
    assert found["상속개시일"] == "피상속인이 사망한 날"
    assert found["연금계좌 납입액"].endswith("퇴직소득금액 ")  # cut at the clause before it, not the whole sentence


def test_description_words_need_two_rare_words_beyond_the_term():
    assert bridge.description_words("상속개시일", "피상속인이 사망한 날", {}) == ["상속인", "사망"]
    # one written word ("대통령령으로 정하는 직계비속" -> 직계비속) is a synonym, not a description
    assert bridge.description_words("영농자녀등", "대통령령으로 정하는 직계비속", {}) == []
    # common words (in more than RARE_SHARE of the passages) say no one concept
    assert bridge.description_words("상속개시일", "피상속인이 사망한 날", {"상속인": 0.5, "사망": 0.5}) == []


def test_shipped_table_kept_rows_name_their_term_and_dropped_rows_do_not():
    rows = [line.split("\t") for line in _table_lines()]
    kept = next(r for r in rows if r[0] == "keep")
    assert kept[1] in bridge.terms(kept[2].split())
    dropped = next(r for r in rows if r[0] == "drop")
    assert dropped[1] not in bridge.terms(dropped[2].split())


def test_rebuild_keeps_the_review_marks(tmp_path):
    shipped = tmp_path / "bridge.tsv"
    shipped.write_text("".join(line + "\n" for line in _table_lines()), encoding="utf-8")
    marks = bridge.review(shipped)
    assert "drop" in marks.values()
    assert all(v in ("keep", "drop") for v in marks.values())


def test_a_question_saying_a_description_gets_the_term_as_added():
    row = next(line.split("\t") for line in _table_lines() if line.startswith("keep"))
    q = read_query(" ".join(row[2].split()) + " 세금")
    assert row[1] in q.added


def _table_lines():
    from importlib import resources

    text = (resources.files("taxqa.corpus") / "data" / bridge.TABLE).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]
