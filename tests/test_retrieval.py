"""Retrieval for plain-language questions: recall on tests/data/retrieval_questions.tsv, the governing act
first, cited articles, lay terms read from data, JSON output, and dense fusion with a real (tiny, locally
built) sentence-transformers model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from taxqa.cli import run_command
from taxqa.corpus import intent, load_passages, resolve_citation, search, search_hits
from taxqa.corpus.query import expand, read_query, table
from taxqa.corpus.retrieve import Hit, _governing_first
from taxqa.records import PassageRecord, dumps

QUESTIONS = Path(__file__).parent / "data" / "retrieval_questions.tsv"
TOPICS = {"gift", "inheritance", "income", "wage", "vat", "filing", "deadline", "penalty", "refund", "exemption"}


def _questions() -> list[tuple[str, str, set[str]]]:
    rows = []
    for line in QUESTIONS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            topic, question, gold = line.split("\t")
            rows.append((topic, question, {g.strip() for g in gold.split("|")}))
    return rows


def test_question_set_is_large_varied_and_points_at_real_articles():
    rows = _questions()
    assert len(rows) >= 120
    assert TOPICS <= {t for t, _, _ in rows}
    assert len({q for _, q, _ in rows}) == len(rows)
    passages = load_passages()
    for _, question, gold in rows:
        for citation in gold:
            p = resolve_citation(citation, passages)
            assert p is not None and p.citation == citation, (question, citation)


def test_recall_on_plain_language_questions():
    rows = _questions()
    at1 = at5 = 0
    for _, question, gold in rows:
        cited = [p.citation for p, _ in search(question, k=5)]
        at1 += bool(cited) and cited[0] in gold
        at5 += any(c in gold for c in cited)
    assert at5 / len(rows) >= 0.9, f"recall@5 {at5 / len(rows):.3f}"
    assert at1 / len(rows) >= 0.7, f"recall@1 {at1 / len(rows):.3f}"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("상증법 53조", "상속세 및 증여세법 제53조"),
        ("부가세법 제49조", "부가가치세법 제49조"),
        ("소득세법 제47조", "소득세법 제47조"),
        ("증여세 공제 제53조", "상속세 및 증여세법 제53조"),  # a bare article: the act comes from the question
        ("부가세 신고는 49조에 있나요", "부가가치세법 제49조"),
        ("조특법 제30조의5 창업자금", "조세특례제한법 제30조의5"),  # a special act, named: first
    ],
)
def test_cited_articles_come_first(query, expected):
    assert search(query, k=3)[0][0].citation == expected


@pytest.mark.parametrize(
    "query",
    [
        "부모님께 20억원 증여받았는데 증여세는 얼마나 되나요?",
        "부가가치세 신고기한",
        "간이과세자 기준",
        "금 거래 부가세",
    ],
)
def test_governing_act_ranks_above_special_acts_and_decrees(query):
    q = read_query(query)
    assert q.acts and not q.named
    hits = search(query, k=10)
    first_governing = next(n for n, (p, _) in enumerate(hits) if p.law in q.acts and p.kind == "statute")
    assert first_governing < 3
    for p, _ in hits[:first_governing]:
        assert p.law != "조세특례제한법" and p.kind != "decree", p.citation


def test_named_decree_or_special_act_is_not_demoted():
    hits = search("상증법 시행령 증여재산 공제", k=5)
    assert any(p.kind == "decree" for p, _ in hits[:3])
    assert search("조세특례제한법 창업자금 증여세 과세특례", k=1)[0][0].law == "조세특례제한법"


def _p(n: int, law: str, kind: str = "statute") -> PassageRecord:
    return PassageRecord(
        id=f"p{n}", citation=f"{law} 제{n}조", law=law, article=f"제{n}조", title="", text="x", kind=kind
    )


def test_precedents_never_push_the_governing_article_out_of_the_top_3():
    q = read_query("증여세 신고")
    hits = [Hit(_p(1, "대법원", "precedent"), 9.0), Hit(_p(2, "조세특례제한법"), 8.5)]
    hits += [Hit(_p(3, "광주고등법원", "precedent"), 8.0), Hit(_p(4, "대법원", "precedent"), 7.0)]
    hits += [Hit(_p(5, "상속세 및 증여세법"), 6.0), Hit(_p(6, "대법원", "precedent"), 5.0)]
    order = [h.passage.id for h in _governing_first(hits, q, table()["special"])]
    assert order.index("p5") == 2 and order[:2] == ["p1", "p3"]  # precedents keep their order by relevance
    assert order.index("p2") > order.index("p5")  # the special act below the governing article
    assert sorted(order) == sorted(h.passage.id for h in hits)  # nothing lost


def test_a_precedent_heavy_question_keeps_the_governing_article_in_the_top_3():
    hits = search("양돈업 농가부업소득 비과세 사육 두수 소득세", k=5)
    assert any(p.kind == "precedent" for p, _ in hits)
    assert any(p.law == "소득세법" and p.kind == "statute" for p, _ in hits[:3])


def test_lay_terms_are_data_and_read_the_way_people_ask():
    assert len(table()["lay"]) >= 80
    for question, legal in [
        ("세금 늦게 내면 어떻게 돼요", "납부지연가산세"),
        ("세금 더 낸 거 돌려받을 수 있나요", "경정청구"),
        ("손녀에게 바로 주면", "세대를 건너뛴"),
        ("엄마랑 함께 살던 집", "동거주택"),
        ("신고 안 하면 어떻게 되나요", "무신고가산세"),
        ("세금 안 내도 되는 한도가 얼마예요", "공제"),
    ]:
        assert legal in " ".join(read_query(question).added), question
    assert "간이과세자" not in read_query("세율 구간이 어떻게 되나요").added  # 구간이 is not 간이


def test_search_hits_fields_and_why_chosen():
    hits = search_hits("세금을 늦게 내면 하루에 얼마씩 붙나요", k=3)
    assert [h["rank"] for h in hits] == [1, 2, 3]
    top = hits[0]
    assert top["citation"] == "국세기본법 제47조의4" and top["title"] == "납부지연가산세"
    assert top["kind"] == "statute" and top["effective_date"] and top["id"] and top["text"]
    assert "납부지연가산세" in top["matched"]
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    assert [(h["citation"], h["score"]) for h in hits] == [
        (p.citation, round(s, 4)) for p, s in search("세금을 늦게 내면 하루에 얼마씩 붙나요", k=3)
    ]


def test_cli_json_and_text_output(capsys):
    assert run_command("taxqa.corpus.cli", ["search", "상증법 53조", "-k", "3", "--json"], "taxqa corpus") == 0
    hits = json.loads(capsys.readouterr().out)
    assert len(hits) == 3 and hits[0]["citation"] == "상속세 및 증여세법 제53조" and hits[0]["rank"] == 1
    for h in hits:
        assert {"rank", "citation", "title", "score", "kind", "effective_date", "id", "text", "matched"} <= set(h)
    assert run_command("taxqa.corpus.cli", ["search", "상증법 53조", "-k", "2"], "taxqa corpus") == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and lines[0].startswith("1. 상속세 및 증여세법 제53조 (증여재산 공제) ")


def test_bad_corpus_files_are_one_line_errors(tmp_path, capsys):
    import gzip

    from taxqa.corpus import embedded_path

    truncated = tmp_path / "t.jsonl.gz"
    truncated.write_bytes(embedded_path().read_bytes()[:5000])
    empty = tmp_path / "e.jsonl.gz"
    empty.write_bytes(gzip.compress(b""))
    for path, message in [(truncated, "truncated or damaged gzip"), (empty, "no passages")]:
        assert run_command("taxqa.corpus.cli", ["search", "증여", "--corpus", str(path)], "taxqa corpus") == 2
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and message in err and str(path) in err


def _static_model(folder: Path, passages: list[PassageRecord]) -> str:
    """A real sentence-transformers model: bag of Hangul syllables with fixed random vectors (no download)."""
    import numpy as np
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import StaticEmbedding
    from tokenizers import Regex, Tokenizer, models, pre_tokenizers

    chars = sorted({c for p in passages for c in p.title + p.text if "가" <= c <= "힣"})
    vocab = {"[UNK]": 0, "[PAD]": 1, **{c: i + 2 for i, c in enumerate(chars)}}
    tokenizer = Tokenizer(models.WordLevel(vocab, unk_token="[UNK]"))
    tokenizer.pre_tokenizer = pre_tokenizers.Split(pattern=Regex("."), behavior="isolated")
    weights = np.random.default_rng(0).standard_normal((len(vocab), 32)).astype(np.float32)
    weights[:2] = 0
    SentenceTransformer(modules=[StaticEmbedding(tokenizer, embedding_weights=weights)]).save(str(folder))
    return str(folder)


def test_dense_fusion_with_a_local_model(tmp_path, monkeypatch, capsys):
    pytest.importorskip("sentence_transformers")
    monkeypatch.setenv("TAXQA_CACHE", str(tmp_path / "cache"))
    texts = {
        "제1조": ("목적", "이 법은 세금에 관하여 정한다."),
        "제2조": ("증여재산 공제", "거주자가 직계존속으로부터 증여를 받은 경우 5천만원을 공제한다."),
        "제3조": ("세율", "증여세는 과세표준에 세율을 곱하여 계산한다."),
        "제4조": ("신고기한", "증여를 받은 날이 속하는 달의 말일부터 3개월 이내에 신고하여야 한다."),
    }
    passages = [
        PassageRecord(
            id=f"s:{a}", citation=f"가법 {a}", law="가법", article=a, title=t, text=x, effective_date="2026-01-01"
        )
        for a, (t, x) in texts.items()
    ]
    corpus = tmp_path / "p.jsonl"
    corpus.write_text("".join(dumps(p.to_dict()) + "\n" for p in passages), encoding="utf-8")
    model = _static_model(tmp_path / "model", passages)

    loaded = load_passages(corpus)
    lexical = search_hits("증여 공제", k=4, passages=loaded)
    fused = search_hits("증여 공제", k=4, passages=loaded, embed_model=model)
    assert {h["via"] for h in lexical} == {"lexical"} and {h["via"] for h in fused} == {"fused"}
    assert fused[0]["citation"] == "가법 제2조"  # first in both rankings
    assert fused[0]["score"] == pytest.approx(2 / 61, abs=1e-4)  # reciprocal rank: 1/(60+1) twice
    vectors = list((tmp_path / "cache" / "dense").glob("*.npy"))
    assert len(vectors) == 1  # embedded once, kept for the next process

    from taxqa.corpus.dense import DenseIndex

    again = DenseIndex(model, loaded, cache_key="x")  # another key: embedded again, same vectors
    from taxqa.corpus.embedded import _cache_key

    cached = DenseIndex(model, loaded, cache_key=_cache_key(loaded))
    assert (cached.vectors == again.vectors).all()

    argv = ["search", "증여 공제", "--corpus", str(corpus), "--embed-model", model, "--json"]
    assert run_command("taxqa.corpus.cli", argv, "taxqa corpus") == 0
    assert json.loads(capsys.readouterr().out)[0]["via"] == "fused"
    argv[-2] = str(tmp_path / "no-model")
    assert run_command("taxqa.corpus.cli", argv, "taxqa corpus") == 2
    assert "embed-model" in capsys.readouterr().err


PUBLIC = Path(__file__).parent / "data" / "retrieval_public.tsv"
PLAIN2 = Path(__file__).parent / "data" / "retrieval_plain2.tsv"
HELD_OUT_PLAIN = [
    Path(__file__).parent / "data" / f"retrieval_plain{n}.tsv" for n in (3, 4, 5, 6)
]  # no floors: held out


def _rows(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"]


def test_public_and_plain2_sets_point_at_real_articles_and_name_their_sources():
    public, plain2 = _rows(PUBLIC), _rows(PLAIN2)
    held_out = [row for path in HELD_OUT_PLAIN for row in _rows(path)]
    assert len(public) >= 100 and len(plain2) >= 30 and len(held_out) >= 140
    assert sum(r[0] == "casebook" for r in public) >= 60
    assert all(len(r) == 4 and r[3].strip() for r in public)  # every pair says where it comes from
    assert all(len(r) == 3 for r in held_out)
    passages = load_passages()
    for row in [*public, *plain2, *held_out]:
        for citation in (g.strip() for g in row[2].split("|")):
            p = resolve_citation(citation, passages)
            assert p is not None and p.citation == citation, (row[1], citation)


def test_recall_on_text_written_by_others_does_not_fall_back():
    """The floors measured in round 2c (BENCHMARKS 9d: 0.80 and 0.95), not the goal: they must not drop."""
    for path, floor5 in [(PUBLIC, 0.78), (PLAIN2, 0.9)]:
        rows = _rows(path)
        found = 0
        for row in rows:
            gold = {g.strip() for g in row[2].split("|")}
            found += any(p.citation in gold for p, _ in search(row[1], k=5))
        assert found / len(rows) >= floor5, (path.name, found / len(rows))


def test_recall_at_1_on_the_casebook_does_not_fall_back():
    """Round 2c's floor (BENCHMARKS 9d: 0.63 measured), not the goal."""
    rows = [r for r in _rows(PUBLIC) if r[0] == "casebook"]
    first = sum(search(r[1], k=1)[0][0].citation in {g.strip() for g in r[2].split("|")} for r in rows)
    assert first / len(rows) >= 0.6, first / len(rows)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("창업중소기업 세액감면 적용 시 창업의 의미", "조세특례제한법 제6조"),
        ("8년 자경한 농지를 팔 때 양도세 감면 요건", "조세특례제한법 제69조"),
        ("부모님이 창업자금을 주시면 증여세 특례가 있나", "조세특례제한법 제30조의5"),
    ],
)
def test_a_question_asking_for_a_relief_finds_the_special_act_first(query, expected):
    assert read_query(query).wants_relief
    assert search(query, k=3)[0][0].citation == expected


def test_local_income_tax_mirrors_rank_below_the_income_tax_unless_asked():
    for query in ("과세표준이 1억이면 소득세 세율은 몇 퍼센트", "금융소득 종합과세 기준 금액"):
        assert not any(p.law == "지방세법" for p, _ in search(query, k=3)), query
    assert search("지방소득세 세율", k=1)[0][0].law == "지방세법"


def test_the_concept_said_in_everyday_words_outranks_a_context_word():
    top = [p.citation for p, _ in search("연말정산 때 아이 둘이면 애들 몫으로 세금 깎아주는 금액", k=3)]
    assert top[0] == "소득세법 제59조의2"
    assert search("혼인 출산 증여 공제", k=1)[0][0].citation == "상속세 및 증여세법 제53조의2"


def test_titles_are_covered_by_rare_bigrams_not_connectives():
    from taxqa.corpus.rerank import cover, grams

    assert grams("창업중소기업 등에 대한 세액감면") >= {"창업", "중소", "세액", "감면"}
    assert not {"대한", "에대"} & grams("창업중소기업 등에 대한 세액감면")
    idf = {g: 1.0 for g in grams("월세액에 대한 세액공제")}
    assert cover(grams("월세액에 대한 세액공제"), "월세액세액공제시임차주택", idf) == 1.0
    assert cover(grams("세율"), "세율이얼마", {"세율": 1.0}) < 0.5  # a two-syllable title says little


def test_a_concept_named_by_its_term_is_found_in_a_special_act_too():
    # a title phrase of 조세특례제한법 lifts its demotion; a defined term finds the defining article
    assert search("통합투자세액공제 적용대상 투자금액 산정방법", k=3)[0][0].citation == "조세특례제한법 제24조"
    assert "조세특례제한법 제95조의2" in [p.citation for p, _ in search("월세액 세액공제시 임차주택 기준시가", k=3)]
    assert "국세기본법 제26조의2" in [p.citation for p, _ in search("가산세의 부과제척기간 기산일", k=3)]


def test_section_sign_citations_from_rulings():
    assert read_query("상증법§45의4 적용 가능한지 여부").citations == ["상속세 및 증여세법 제45조의4"]
    assert read_query("법인법§46②(1)에 따른 사업기간요건").citations == ["법인세법 제46조"]


def test_hits_say_which_clause_matched():
    top = search_hits("상속세 부과제척기간은 몇 년인가요", k=1)[0]
    assert top["citation"] == "국세기본법 제26조의2" and top["title"] == "국세의 부과제척기간"
    assert top["clause"] == "제4항" and "상속세" in top["clause_text"]
    from taxqa.prompt import context_block

    block = context_block({"articles": [top], "calculation": None})
    assert "국세기본법 제26조의2 (국세의 부과제척기간) 제4항" in block


def test_a_reading_with_a_calculation_ranks_its_articles_first():
    from taxqa.tax.reading import ask

    question = "총급여 5천만원 직장인인데 자녀 둘이면 연말정산 세금 얼마"
    reading = ask(question)
    assert reading["result"] and "소득세법 제59조의2" in reading["result"]["citations"]
    plain = [p.citation for p, _ in search(question, k=5)]
    read = [p.citation for p, _ in search(question, k=5, reading=reading)]
    applied = set(reading["result"]["citations"])
    assert sum(c in applied for c in read) >= sum(c in applied for c in plain) and read[0] in applied


def test_term_table_is_built_from_the_corpus_and_reviewed():
    from taxqa.corpus.terms import dropped, keys_of, title_phrases

    assert title_phrases("창업중소기업 등에 대한 세액감면") == [
        "창업중소기업등에대한세액감면",
        "창업중소기업",
        "세액감면",
    ]
    p = resolve_citation("소득세법 제59조의2")
    assert ("자녀세액공제", "title") in keys_of(p)
    rows = _rows(Path(__file__).parents[1] / "taxqa" / "corpus" / "data" / "terms.tsv")
    assert len(rows) > 1000 and {r[0] for r in rows} <= {"keep", "drop"}
    assert dropped() == {r[1] for r in rows if r[0] == "drop"}


def test_search_needs_no_analyser_in_a_new_process():
    """The shipped vocabulary reads queries: `taxqa corpus search` never imports kiwipiepy, bm25s or scipy
    once the index is saved (a first run builds it if this cache lacks it: from the vocabulary, without
    kiwipiepy too)."""
    import os
    import subprocess
    import sys

    script = (
        "import sys\n"
        "sys.modules['kiwipiepy'] = None\n"
        "from taxqa.corpus import search_hits\n"
        "hit = search_hits('아이가 둘인데 자녀세액공제 얼마예요', 1)[0]\n"
        "print(hit['citation'], 'bm25s' in sys.modules, 'scipy' in sys.modules, 'pydantic' in sys.modules)\n"
    )
    env = dict(os.environ)
    first = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=300)
    assert first.returncode == 0, first.stderr[-2000:]
    again = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=300)
    assert again.returncode == 0, again.stderr[-2000:]
    assert again.stdout.split() == ["소득세법", "제59조의2", "False", "False", "False"]


def test_an_everyday_phrasing_names_its_concept_only_for_an_act_the_question_points_at():
    # 자녀 ... 공제 in a question about 상속공제 is not 소득세법's 자녀세액공제
    assert "자녀세액공제" not in read_query("자녀 1명당 5천만원 상속공제 되나요").concepts
    assert "자녀세액공제" in read_query("아이 둘 키우는데 연말정산에서 세금 얼마나 빼줘요").concepts
    # a special act's relief and 국세기본법's rules fit whatever act the question's words name
    assert "월세액" in read_query("월세 사는 직장인인데 소득세 공제 되나요").concepts
    assert "부과제척기간" in read_query("10년 전에 빠뜨린 상속세도 지금 와서 부과할 수 있어요").concepts


def test_a_relief_said_in_everyday_words_is_not_forced_below_the_general_act():
    for question in ("월세 사는 직장인인데 소득세 공제 되나요", "원룸 집세 내는 회사원도 세금 공제 받나요"):
        assert search(question, k=1)[0][0].citation == "조세특례제한법 제95조의2", question


def test_an_exception_article_yields_to_the_rule_unless_asked_for():
    from taxqa.corpus.rerank import asks_exception

    assert not asks_exception("집 팔 때 필요경비 뭐가 들어가요") and asks_exception("필요경비 계산 특례")
    assert search("집 팔 때 필요경비 뭐가 들어가요", k=1)[0][0].citation == "소득세법 제97조"
    assert search("양도소득의 필요경비 계산 특례는 언제 적용돼요", k=1)[0][0].citation == "소득세법 제97조의2"


def test_vat_exemption_said_as_면제_reads_as_면세():
    from taxqa.corpus.query import expand

    assert "면세" in expand("신용카드 제휴 용역의 부가가치세 면제 여부")
    assert "면세" not in expand("증여세 면제 한도")


def test_a_phrasing_that_matches_any_question_fails_the_table_build():
    from taxqa.corpus.terms import table_rows

    passages = load_passages()
    with pytest.raises(ValueError, match="matches any question"):
        table_rows(passages, {"부과제척기간": ("keep", "(몇\\s*년|)")})


def test_embedded_passages_carry_the_record_fields():
    from taxqa.corpus import load_passages
    from taxqa.records import PassageRecord

    p = load_passages()[0]
    assert set(p.to_dict()) == set(PassageRecord.model_fields)
    assert PassageRecord.from_dict(p.to_dict()).citation == p.citation


def test_cross_references_name_the_article_they_point_at():
    from taxqa.corpus import load_passages
    from taxqa.corpus.terms import references

    refs = references(load_passages())
    assert ("직장공제회", "xref") in refs["소득세법 제16조"]  # "...제16조제1항제10호에 따른 직장공제회" elsewhere
    # a decree's "법 제5조" is its act's article, and "「지방세기본법」 제49조 및 제50조" names no 지방세법 article
    decree = [
        PassageRecord(
            f"d{n}", f"시험법 시행령 제{n}조", "시험법 시행령", f"제{n}조", "제목", "법 제5조에 따른 시험대상자를 본다."
        )
        for n in (1, 2)
    ]
    own = PassageRecord("d5", "시험법 시행령 제5조", "시험법 시행령", "제5조", "다른 제목", "본문이다.")
    assert references([*decree, own]) == {}
    act = [
        PassageRecord(f"a{n}", f"시험법 제{n}조", "시험법", f"제{n}조", "제목", "제5조에 따른 시험대상자를 본다.")
        for n in (1, 2)
    ]
    target = PassageRecord("a5", "시험법 제5조", "시험법", "제5조", "다른 제목", "본문이다.")
    # a noun in more than 2 % of the passages names no article: enough others to keep it rare
    others = [
        PassageRecord(f"o{n}", f"기타법 제{n}조", "기타법", f"제{n}조", "제목", "다른 내용이다.") for n in range(200)
    ]
    assert references([*act, target, *others]) == {"시험법 제5조": [("시험대상자", "xref")]}
    assert references([*act, target]) == {}  # in 2 of 3 passages: generic


def test_an_article_of_a_several_tax_act_is_titled_with_its_chapters_tax():
    from taxqa.corpus import load_passages
    from taxqa.corpus.indexing import chapter_taxes

    passages = load_passages()
    tax = dict(zip((p.citation for p in passages), chapter_taxes(passages)))
    assert tax["지방세법 제115조"] == "재산세"  # 납기
    assert tax["지방세법 제20조"] == "취득세"  # 신고 및 납부
    assert tax["지방세법 제23조"] == "등록면허세"  # a chapter's 정의: the tax of the article after it
    assert tax["소득세법 제70조"] == ""
    # 취득세 is a word of the question (지방세법 carries eleven taxes): its 신고 및 납부, not 지방소득세's
    assert search("취득세 신고는 언제까지 해요", k=1)[0][0].citation == "지방세법 제20조"


def test_a_sanction_article_yields_to_the_duty_unless_the_question_asks_about_the_sanction():
    duty = [p.citation for p, _ in search("현금영수증 발급 의무가 있는 업종", k=2)]
    assert "소득세법 제162조의3" in duty
    assert search("현금영수증 발급 안 하면 가산세 얼마예요", k=2)[0][0].title.endswith("가산세")


def test_the_everyday_lexicon_is_checked_against_the_corpus_vocabulary():
    """Every statute word of the shipped lexicon is the corpus's; a word the corpus lacks, a word listed twice
    or a malformed line fails the check (and so `python -m taxqa.corpus.terms`)."""
    from taxqa.corpus import lexicon

    assert lexicon.check() == []
    rows = lexicon.read_lexicon(lexicon._text())
    assert len(rows) > 100
    bad = lexicon.check([("팔다", ("양도",)), ("팔다", ("양도",)), ("가게", ("사업장", "세무교섭권"))])
    assert bad == ["팔다: listed twice", "가게: not in the corpus vocabulary: 세무교섭권"]
    with pytest.raises(ValueError, match="everyday word"):
        lexicon.read_lexicon("팔다 양도\n")


def test_everyday_words_reach_the_statutes_words_in_their_usual_forms():
    from taxqa.corpus.lexicon import expand, verb_forms

    assert {"팔아", "팔았", "판", "파는", "팔면", "팝니"} <= verb_forms("팔")
    assert {"고쳐", "고쳤", "고친", "고칠"} <= verb_forms("고치")
    assert {"물려줘", "물려줬", "물려준"} <= verb_forms("물려주")
    assert expand("상가를 세 놓고 받은 돈") == ["임대"]
    assert "양도" in expand("아파트 팔았어요") and "주택" in expand("집을 샀다")
    assert "주택" not in expand("집중해서") and expand("사업") == []  # a one-syllable word or stem is whole
    assert "소득" in expand("장사해서 번 돈") and "소득" not in expand("1년에 몇 번 신고해")  # 번: a counter
    assert expand("물건 떼 올 때") == ["재화", "상품", "매입"]  # the phrase, not 떼다 (원천징수)
    q = read_query("가게 통장에 들어온 돈")
    assert {"사업장", "계좌"} <= set(q.lexicon) and "계좌" not in q.terms  # weaker than the question's own words
    hits = search("물려받은 재산 세금 신고는 언제까지", 5)
    assert "상속세 및 증여세법 제67조" in [p.citation for p, _ in hits]


def test_an_everyday_question_naming_no_tax_gets_the_act_its_statute_words_point_at():
    """사다 -> 취득 points at 지방세법's 취득세 chapter, 갖다 + 집 -> 보유 소유 주택 at its 재산세 chapter: counted from
    the corpus (taxqa.corpus.acts), used only when neither a tax name nor a lay phrase points at an act."""
    from taxqa.corpus import acts
    from taxqa.corpus.bm25 import index_for
    from taxqa.corpus.embedded import _cache_key

    passages = load_passages()
    search("증여재산 공제 한도", 1)
    index = index_for(passages, _cache_key(passages))
    assert acts.vote(index, ["취득", "매입", "주택"])[:2] == ("지방세법", "취득세")
    assert acts.vote(index, ["보유", "소유", "주택"])[:2] == ("지방세법", "재산세")
    assert acts.vote(index, ["양도", "소득"]) == ("", "", 0.0)  # words every income act uses decide nothing
    assert {p.law for p, _ in search("아파트 장만하면 내는 세금", 5)} == {"지방세법"}
    assert search("집 팔면 양도세 얼마", 1)[0][0].law == "소득세법"  # a named tax outweighs the words' vote
    assert search("가게 차리면 내는 세금", 1)[0][0].law != "조세특례제한법"  # a special act only for a relief


def test_money_received_for_work_or_a_refund_is_not_a_gift():
    from taxqa.corpus.query import expand

    assert "증여" in expand("아버지한테 받은 돈") and "증여" in expand("삼촌이 보내준 현금")
    for text in (
        "알바 뛰고 받은 돈",
        "편의점 일해서 받은 돈",
        "아빠 약값 환급받을 수 있나",
        "월급으로 받은 돈",
        "퇴사하고 받은 돈",
        "나라에서 주는 지원금 받은 돈",
        "일본 주식 팔고 남은 돈",  # 주 of 주식 is not 주다
    ):
        assert "증여" not in expand(text), text
    assert "중소기업" in expand("조그만 회사 다니는데") and "중소기업" not in expand("회사 다니는데")
    assert search("청년인데 작은 회사 입사하면 소득세 감면", 2)[0][0].citation == "조세특례제한법 제30조"


def test_everyday_relief_verbs_ask_for_a_relief():
    for text in ("세금 좀 빼주나요", "세금 덜 내는 방법", "세금 줄여주는 거", "감면되나요"):
        assert read_query(text).wants_relief, text
    assert not read_query("세금 언제까지 내요").wants_relief


def test_what_a_question_asks_is_read_from_words_no_article_uses():
    from taxqa.corpus.intent import asked

    assert asked("재산세 언제 내?") == ["deadline"]
    assert asked("취득세 몇 퍼센트야") == ["rate"]
    assert asked("이것도 세금 안 내도 돼?") == ["exemption"]
    assert asked("낸 세금 돌려받을 수 있어?") == ["refund"]
    assert asked("연말정산 서류 뭐 챙겨?") == ["papers"]
    assert asked("얼마까지 공제돼요") == []  # an amount, not a deadline
    assert "deadline" not in asked("배우자한테 6억까지는 세금 없어?")  # 억까지, 만원까지: an amount too
    assert asked("종소세 목돈이라 나눠서 내도 돼?") == ["installments"]
    assert asked("취득한 날은 언제로 봐요") == ["timing"]  # the date a rule fixes, not a filing deadline
    assert asked("후원금 수취 시 부가가치세 과세 여부") == ["taxable"]
    assert "taxable" not in asked("증여세 비과세 대상인가요")
    assert asked("예치금 이용료의 소득구분") == ["income_kind"]
    assert asked("손녀한테 3천만원까지는 세금 없지?") == ["allowance"]  # a 공제, not a 비과세
    assert asked("주식 배당까지 합치면 세율 몇 프로야") == ["rate"]  # 까지 합치면: including, not a deadline
    assert asked("등록면허세가 얼마야") == ["rate"]
    assert "rate" not in asked("수출하면 부가세율이 0%라던데")  # 영세율: its own articles, not 「세율」
    assert "재해" in read_query("태풍에 가게가 잠겨서 신고를 못 했어").added
    assert "레저세" in read_query("경륜장 가서 표 사는 것도 세금 붙어?").added
    assert "물납" in read_query("상속세를 상가로 대신 낼 수 있어?").added
    assert asked("중과세율로 부과한 처분") == []  # a surcharge, not the rate article
    assert "deadline" not in asked("기한 넘겨서 하면 가산세 얼마나 붙어")  # the 가산세 article answers


def test_a_sibling_article_answering_the_question_comes_up_inside_the_governing_unit():
    # 주택 (보유) votes for 재산세; among its articles 언제 asks for the 납기, not the rate or the taxpayer
    top = [p.citation for p, _ in search("집 가지고 있으면 여름에 날아오는 세금 언제 내?", k=5)]
    assert "지방세법 제115조" in top
    # a named tax's own refund article comes before 국세기본법's 환급 articles
    refund = [p.citation for p, _ in search("수출하는 회사는 부가세를 빨리 돌려받을 수 있다던데", k=2)]
    assert "부가가치세법 제59조" in refund


def test_a_sibling_the_lexical_score_never_reaches_is_pooled_by_what_the_question_asks():
    # 몇 퍼 asks for the rate; nothing else the question says is in 법인세법 제55조 「세율」, the act's general rate
    top = [p.citation for p, _ in search("가게 이익이 1억 정도면 법인세 몇 퍼 나와", k=3)]
    assert "법인세법 제55조" in top
    # 과세 여부 in the VAT act: its 과세대상, supply and 면세 articles, whatever the transaction is called
    top = [p.citation for p, _ in search("팬이 보내준 후원금 부가가치세 과세 여부", k=5)]
    assert "부가가치세법 제11조" in top
    # 세금 안 내도 asks for the act's 비과세 article; 신고 안 해도 is a duty's exception, not a tax's
    assert search("회사에서 주는 식대도 세금 안 내도 돼요", k=1)[0][0].citation == "소득세법 제12조"
    # a refund asked about with 언제 is about the refund, not pooled filing deadlines
    assert search("부가세 환급금 언제 들어와요", k=1)[0][0].citation == "부가가치세법 제59조"


def test_a_concept_said_in_everyday_words_outranks_the_setting_in_a_plain_question():
    # the question's only corpus words are its setting (연말정산); the issue is said in everyday words
    assert search("아빠 틀니 해드린 돈 연말정산에 넣을 수 있나", k=1)[0][0].citation == "소득세법 제59조의4"
    assert search("둘째 생겼는데 연말정산 때 더 돌려받나", k=1)[0][0].citation == "소득세법 제59조의2"


def test_사고_after_a_word_is_the_verb_사다_not_an_accident():
    bought = read_query("상가 사고 바로 되팔면 세금 많아?")
    assert "사고" not in bought.terms and "재해" not in bought.added and "취득" in bought.lexicon
    for accident in ("사고가 나서 가게 문을 닫았는데 신고 기한 연장돼?", "교통사고로 입원해서 신고를 못 했어"):
        assert "재해" in read_query(accident).added, accident


def test_a_company_asking_without_naming_a_tax_is_read_under_the_corporate_tax_act():
    q = read_query("우리 법인 장부 닫고 나서 신고는 언제까지야")
    assert "법인세법" in q.primary
    top = [p.citation for p, _ in search("주식회사 차려서 남긴 이익에 매기는 세율", k=3)]
    assert "법인세법 제55조" in top
    # 공익법인 is 상증법's, and a question naming its act keeps it
    assert "법인세법" not in read_query("공익법인에 출연한 재산 상속세 빠지나").primary


def test_the_tax_kind_the_reader_knew_ranks_its_calculators_articles_for_a_how_much_question():
    question = "종합소득세 계산할 때 세율 표가 어떻게 되나요"
    income = {"kind_articles": ["소득세법 제55조", "소득세법 제47조"]}
    assert search(question, k=1, reading=income)[0][0].citation == "소득세법 제55조"
    # not a how-much question: the kind's articles do not move it
    where = "종합소득세 신고는 어디에 하나요"
    assert [p.citation for p, _ in search(where, k=3, reading=income)] == [p.citation for p, _ in search(where, k=3)]


def test_a_named_taxs_own_refund_article_comes_before_the_general_acts():
    # 환급 expands to 국세기본법's 국세환급금 articles; the question names 부가세, whose act has its own 환급
    assert search("부가세 환급금 언제 들어와요", k=1)[0][0].citation == "부가가치세법 제59조"
    # a sanction stays with 국세기본법: its 가산세 articles answer for every tax
    assert search("증여세 신고 안 하고 넘어가면 어떻게 돼요", k=1)[0][0].citation == "국세기본법 제47조의2"


def test_a_unit_with_many_filing_titles_pools_those_naming_what_the_question_names():
    # 소득세법 has 33 신고/납부 titles, too many to pool by order; 양도 names five, the first is 예정신고
    assert search("오피스텔 판 양도세는 언제까지 신고해야 해", k=1)[0][0].citation == "소득세법 제105조"
    # 연말정산 names nine titles, none of them a 신고 title; the first states the rule
    assert search("연말정산은 보통 언제 하는 거야", k=1)[0][0].citation == "소득세법 제137조"
    # which office: the act's 과세 관할
    assert search("상속세는 어느 세무서에 내", k=1)[0][0].citation == "상속세 및 증여세법 제6조"


def test_lay_rows_add_a_concept_only_where_the_question_asks_it():
    # a shop is a business; only starting one asks for its registration
    assert "사업자등록" not in read_query("가게 인테리어 비용 부가세").added
    assert "사업자등록" in read_query("가게를 새로 차리면 등록은 언제까지").added
    # the 0 of 10% is no zero rate
    assert "영세율" not in read_query("부가세는 다 10%야").added
    assert "영세율" in read_query("수출하면 0% 라던데").added
    # a parent matters where the relation sets an amount, not in what was done
    assert "직계존속" not in read_query("부모님 집에 공짜로 사는데 괜찮아").added
    assert "직계존속" in read_query("부모님께 받으면 얼마까지 공제돼").added
    # a creator's 후원금 is no donation; a church's 헌금 is, and 연말정산 asks its deduction
    assert "기부금" not in read_query("유튜버가 받은 후원금").added
    assert "특별세액공제" in read_query("교회 헌금 연말정산").concepts


def test_the_vat_name_does_not_pull_the_acts_special_case_titles():
    # 「재화의 수입에 대한 부가가치세 납부의 유예」 repeats the tax's name; 제50조 is the import filing
    assert search("외국에서 물건 수입하면 부가세는 어디에 신고하고 내", k=1)[0][0].citation == "부가가치세법 제50조"


def test_a_companys_own_costs_are_read_under_the_corporate_tax_act():
    assert "법인세법" in read_query("회사 비용으로 떨어지는 접대비 한도").primary
    assert search("회사 돈으로 산 노트북 비용 처리돼?", k=1)[0][0].law == "법인세법"
    # 회사 as where one works is no company asking
    assert "법인세법" not in read_query("회사에서 받는 월급에 붙는 세금").primary


def test_deadline_siblings_of_one_act_put_the_general_rule_first():
    # 법인세법 제60조 (과세표준 등의 신고) states the filing; 제84조 is 청산소득's
    assert search("법인세 신고 마감 언제", k=1)[0][0].citation == "법인세법 제60조"


def test_a_filing_question_sets_the_income_kinds_definition_aside():
    assert search("퇴직금도 따로 신고해야 돼?", k=1)[0][0].citation == "소득세법 제71조"
    assert search("지난해 번 돈 세금 신고는 언제 해", k=1)[0][0].citation == "소득세법 제70조"
    # a correction of a return is no filing of earnings
    assert "확정신고" not in expand("지난해 번 돈 신고한 걸 고쳐야 해")


def test_filing_periods_are_deadline_asks_and_taxed_asks_the_exemption():
    assert "deadline" in intent.asked("종소세 신고 기간 알려줘")
    assert "exemption" in intent.asked("상여금도 과세돼?")


def test_who_pays_and_a_relief_are_asks_of_their_own():
    assert "payer" in intent.asked("올해 재산세 고지서는 누구 앞으로 나와")
    assert "payer" in intent.asked("지방교육세는 누가 내는 세금이에요")
    assert "relief" in intent.asked("가게 처음 차린 청년도 세금 깎아줘?")
    assert "relief" not in intent.asked("얼마까지 공제돼요")  # an amount asked, not a relief
    # who pays: the 납세의무자 article, not the filing and collection one beside it
    top = search("취득세 고지서에 지방교육세가 같이 붙어 있는데 이건 누가 내는 세금이에요", k=1)
    assert top[0][0].citation == "지방세법 제150조"
    # a relief asked: the 공제 or 감면 article, not the rule it relieves (근로소득, 가산세 부과)
    assert (
        search("월급쟁이 총급여에서 일정 비율을 뭉텅 빼 주는 계산은 어떻게 돼", k=1)[0][0].citation == "소득세법 제47조"
    )
    assert search("가산세가 나왔는데 사정이 있으면 좀 줄여 주기도 해?", k=1)[0][0].citation == "국세기본법 제48조"
