"""The vocabulary bridge: terms coined in the statutes reached from their descriptions (taxqa.corpus.bridge), and the
term table's everyday phrasings written in round 11 (taxqa/corpus/data/terms.tsv)."""

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


def test_everyday_phrasings_name_their_concept_and_not_where_they_overreached():
    """Phrasings of the term table (its reviewed last column) written in round 11: each names its concept in
    everyday words, and the three narrowed ones stay out of the questions they first took over."""
    said = {
        "사장이 회사 돈 빌려 쓰고 이자 안 내도 괜찮아?": "부당행위계산의부인",
        "친구랑 동업으로 카페 하는데 이익은 각자 지분대로 나눠서 신고해요?": "공동사업",
        "프리랜서 디자이너인데 클라이언트가 3.3% 떼고 줬어요 이거 왜 떼는 거예요": "원천징수의무",
        "돌아가신 분 재산이 5억 안 되면 세금 없다던데": "일괄공제",
        "만든 물건을 전부 해외로 내보내면 부가세율이 영 퍼센트라던데": "재화의수출",
    }
    for question, term in said.items():
        assert term in read_query(question).concepts, question
    overreach = {
        "프리랜서로 3.3% 떼인 사람도 5월에 소득세 신고해야 돼?": "원천징수의무",  # asks about filing
        "배우자가 상속받으면 최소 5억은 공제된다던데": "일괄공제",  # the spouse's own deduction
        "해외 고객한테 디자인 용역 제공하면 영세율 되나요": "재화의수출",  # a service, not goods
        "아버지한테 2억을 이자 안 내고 빌렸는데 이자만큼 증여세 나와?": "부당행위계산의부인",  # no company
    }
    for question, term in overreach.items():
        assert term not in read_query(question).concepts, question
