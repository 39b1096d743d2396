"""The expansion table built from kiwipiepy's morpheme embeddings and reviewed (taxqa.corpus.neighbours,
taxqa/corpus/data/neighbours.tsv): reading it, matching its everyday words in a question, and the terms a
question gets from it."""

from importlib import resources

import pytest

from taxqa.corpus import neighbours
from taxqa.corpus.morph import _KNOWN, load_vocabulary
from taxqa.corpus.query import read_query

TABLE = (
    "# mark<TAB>lay word<TAB>corpus nouns\n"
    "keep\t트럭\t승용차:0.65:-0.08 자동차:0.58:-0.14\n"
    "drop\t아버지\t고향:0.55:-0.10\n"
    "new\t동쪽\t인근:0.62:-0.17\n"
)


def test_only_reviewed_rows_are_read_with_their_best_noun():
    assert neighbours.read_table(TABLE) == {"트럭": "승용차"}


def test_a_kept_row_without_nouns_is_an_error():
    with pytest.raises(ValueError, match="keep<TAB>lay word"):
        neighbours.read_table("keep\t트럭\t\n")


def test_a_lay_word_is_matched_bare_with_a_particle_or_with_hada():
    rows = {"트럭": "승용차", "은퇴": "퇴직"}
    assert neighbours.lay_word("트럭", rows) == "트럭"
    assert neighbours.lay_word("트럭을", rows) == "트럭"
    assert neighbours.lay_word("트럭이랑", rows) == "트럭"
    assert neighbours.lay_word("은퇴하며", rows) == "은퇴"
    assert neighbours.lay_word("은퇴했는데", rows) == "은퇴"
    assert neighbours.lay_word("트럭커", rows) == ""  # another word that begins the same
    assert neighbours.lay_word("택시", rows) == ""


def test_shipped_table_maps_everyday_words_to_corpus_nouns():
    assert neighbours.lookup("은퇴하며 받은 돈으로 트럭을 샀어") == [("은퇴", "퇴직"), ("트럭", "승용차")]
    assert neighbours.expansion("세금 얼마야") == []


def test_every_kept_noun_is_a_morpheme_of_the_corpus():
    load_vocabulary()
    kept = neighbours.table()
    assert kept, "the shipped table has reviewed rows"
    assert [noun for noun in kept.values() if noun not in _KNOWN] == []


def test_shipped_rows_are_marked_and_scored():
    text = (resources.files("taxqa.corpus") / "data" / neighbours.TABLE).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert {r[0] for r in rows} <= {"keep", "drop", "new"}
    for _mark, word, targets in rows:
        for target in targets.split():
            _noun, cos, csls = target.rsplit(":", 2)
            assert float(cos) >= neighbours.MIN_COSINE and float(csls) >= neighbours.MIN_CSLS, (word, target)


def test_rebuild_keeps_the_review_marks(tmp_path):
    path = tmp_path / "neighbours.tsv"
    path.write_text(TABLE, encoding="utf-8")
    assert neighbours.review(path) == {"트럭": "keep", "아버지": "drop", "동쪽": "new"}


def test_a_question_gets_the_corpus_noun_as_an_added_term():
    query = read_query("삼십 년 근속 끝에 은퇴하며 받은 돈에 세금이 붙어")
    assert "퇴직" in query.expansion
    assert "퇴직" not in read_query("삼십 년 근속 끝에 퇴직하며 받은 돈에 세금이 붙어").expansion  # said already
