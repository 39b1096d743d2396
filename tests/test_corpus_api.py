"""The embedded corpus and the API other stages use: load, search, resolve and find citations."""

from __future__ import annotations

import gzip
import json

import pytest

from taxqa.corpus import embedded_path, find_citations, iter_corpus_texts, load_passages, resolve_citation, search
from taxqa.records import PassageRecord

LAWS_2026 = {
    "상속세 및 증여세법",
    "상속세 및 증여세법 시행령",
    "소득세법",
    "부가가치세법",
    "법인세법",
    "국세기본법",
    "조세특례제한법",
    "지방세법",
}


@pytest.fixture(scope="module")
def passages() -> list[PassageRecord]:
    return load_passages()


def test_embedded_corpus_is_package_data_with_all_sources(passages):
    assert embedded_path().name == "passages.jsonl.gz"
    assert load_passages() is passages  # cached
    laws = {p.law for p in passages if p.kind in ("statute", "decree")}
    assert laws == LAWS_2026
    assert {p.kind for p in passages} == {"statute", "decree", "precedent"}
    assert {p.article for p in passages if p.kind == "precedent"} == {"2013두13266", "2024누1698", "2024누11197"}
    ids = [p.id for p in passages]
    assert len(ids) == len(set(ids))
    for p in passages:
        assert p.text.strip() and p.citation.startswith(p.law)
        assert "OC=" not in p.source_url and "\\u" not in p.text
        assert p.text == p.text.strip() and "  " not in p.text
    # compact: gzip, Korean written as is
    with gzip.open(embedded_path(), "rt", encoding="utf-8") as fh:
        first = fh.readline()
    assert "상" in first or "소" in first or "법" in first
    assert set(json.loads(first)) == set(PassageRecord.model_fields)


def test_newest_version_wins_and_deleted_articles_are_dropped(passages):
    p = resolve_citation("상속세 및 증여세법 제53조", passages)
    assert p is not None and p.effective_date == "2026-01-01"  # legalize-kr 2026, not law.go.kr 2025
    assert p.title == "증여재산 공제"
    assert "6억원" in p.text and "5천만원" in p.text
    assert resolve_citation("상속세 및 증여세법 제7조", passages) is None  # 삭제 <2015.12.15>
    # every passage of a law comes from one version (the 2025 JSON has no article the 2026 text lacks)
    dates = {p.effective_date for p in passages if p.law == "소득세법"}
    assert dates == {"2026-04-21"}


def test_rate_table_is_readable_text(passages):
    p = resolve_citation("상속세및증여세법 제26조", passages)
    assert "1억원 초과 5억원 이하 | 1천만원 + (1억원을 초과하는 금액의 100분의 20)" in p.text
    assert "30억원 초과 | 10억4천만원 + (30억원을 초과하는 금액의 100분의 50)" in p.text
    assert "<img" not in p.text and "│" not in p.text and "┌" not in p.text


def test_long_articles_are_chunked_by_paragraph(passages):
    parts = [p for p in passages if p.citation == "상속세 및 증여세법 제53조의2"]
    assert len(parts) >= 2
    assert parts[0].id == "statute:상속세및증여세법:제53조의2" and parts[1].id.endswith("#2")
    assert all(len(p.text) <= 1200 for p in parts)
    assert parts[0].text.startswith("①") and any(p.text.startswith(("③", "④", "⑤", "⑥", "⑦")) for p in parts[1:])


def test_search_finds_article_53_first():
    hits = search("증여재산 공제 한도", k=5)
    assert hits[0][0].citation == "상속세 및 증여세법 제53조"
    assert [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)
    assert len({p.citation for p, _ in hits}) == len(hits)  # one hit per article


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("상속세 세율", "상속세 및 증여세법 제26조"),
        ("배우자 상속공제", "상속세 및 증여세법 제19조"),
        ("혼인 출산 증여 공제", "상속세 및 증여세법 제53조의2"),
        ("부가가치세 세율", "부가가치세법 제30조"),
        ("상증법 제53조의2", "상속세 및 증여세법 제53조의2"),
        ("세대를 건너뛴 상속 할증", "상속세 및 증여세법 제27조"),
    ],
)
def test_search_ranks_the_obvious_article_first(query, expected):
    assert search(query, k=3)[0][0].citation == expected


def test_search_on_given_passages_and_empty_queries():
    mine = [
        PassageRecord(
            id="a", citation="가법 제1조", law="가법", article="제1조", title="목적", text="이 법은 세금을 정한다."
        ),
        PassageRecord(
            id="b", citation="가법 제2조", law="가법", article="제2조", title="정의", text="증여란 무상 이전이다."
        ),
    ]
    assert search("증여 정의", k=5, passages=mine)[0][0].id == "b"
    assert search("", passages=mine) == []
    assert search("!!!", passages=mine) == []


@pytest.mark.parametrize(
    "citation",
    [
        "상속세 및 증여세법 제53조",
        "상속세및증여세법 제53조",
        "상속세및증여세법제53조",
        "상증법 제53조",
        "상속세 및 증여세법 제53조 제1항",
        "상속세 및 증여세법 제53조제2호",
        "  상속세 및 증여세법  제 53 조  ",
    ],
)
def test_resolve_citation_spellings(citation, passages):
    p = resolve_citation(citation, passages)
    assert p is not None and p.citation == "상속세 및 증여세법 제53조"


def test_resolve_citation_other_cases(passages):
    assert resolve_citation("상속세 및 증여세법 제53조의2", passages).article == "제53조의2"
    assert resolve_citation("상증령 제46조", passages).law == "상속세 및 증여세법 시행령"
    assert resolve_citation("상속세 및 증여세법 시행령 제46조", passages).kind == "decree"
    assert resolve_citation("2013두13266", passages).kind == "precedent"
    assert resolve_citation("대법원 2015. 10. 15. 선고 2013두13266 판결", passages).article == "2013두13266"
    for missing in ("제53조", "상속세 및 증여세법 제999조", "없는법 제1조", ""):
        assert resolve_citation(missing, passages) is None
    assert resolve_citation("소득세법 제47조").title == "근로소득공제"  # embedded by default


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(상속세 및 증여세법 제26조, 제53조)", ["상속세 및 증여세법 제26조", "상속세 및 증여세법 제53조"]),
        ("상속세및증여세법 제53조제1항에 따라", ["상속세 및 증여세법 제53조"]),
        ("상증법 제53조 및 제53조의2", ["상속세 및 증여세법 제53조", "상속세 및 증여세법 제53조의2"]),
        (
            "소득세법 제47조와 같은 법 시행령, 국세기본법 제26조의2제4항",
            ["소득세법 제47조", "국세기본법 제26조의2"],
        ),
        ("상속세 및 증여세법 시행령 제46조", ["상속세 및 증여세법 시행령 제46조"]),
        ("민법 제1000조, 제1001조", ["민법 제1000조", "민법 제1001조"]),
        (
            "구 상속세 및 증여세법(2007. 12. 31. 법률 제8828호로 개정되기 전의 것) 제2조 제3항",
            ["상속세 및 증여세법 제2조"],
        ),
        ("제19조부터 제23조까지는 조문만 있다", []),
        ("이 법 제3조와 동법 제4조", []),
        ("세금 이야기", []),
    ],
)
def test_find_citations(text, expected):
    assert find_citations(text) == expected


def test_iter_corpus_texts_gives_plain_korean_text():
    texts = list(iter_corpus_texts())
    assert len(texts) == len(load_passages())
    assert texts[0].split("\n", 1)[0].endswith(")")
    assert sum(len(t) for t in texts) > 1_000_000


def test_index_is_saved_and_reused_between_processes(tmp_path, monkeypatch):
    from taxqa.corpus.bm25 import Index
    from taxqa.corpus.store import cache_folder as _cache_folder

    monkeypatch.setenv("TAXQA_CACHE", str(tmp_path))
    mine = [
        PassageRecord(id=f"p{i}", citation=f"가법 제{i}조", law="가법", article=f"제{i}조", title=t, text=f"{t} 규정")
        for i, t in enumerate(["증여 공제", "상속 공제", "세율"], 1)
    ]
    first = Index(mine, cache_key="file-v1")
    folder = _cache_folder("file-v1")
    assert (folder / "meta.json.gz").is_file() and (folder / "text").is_dir() and not list(tmp_path.rglob(".tmp-*"))
    saved = {f.relative_to(folder): f.stat().st_mtime_ns for f in folder.rglob("*") if f.is_file()}
    second = Index(mine, cache_key="file-v1")
    assert [second.doc_set(i) for i in range(3)] == [first.doc_set(i) for i in range(3)]
    assert {"증여", "공제"} <= first.doc_set(0)
    scores = second.scores(["증여", "공제"], [], "증여 공제")
    assert list(scores.argsort()[::-1][:2]) == [0, 1]
    # Another process, where building an index is impossible (no bm25s) and so is analysing a word (no
    # kiwipiepy): it must map the saved one from disk.
    import subprocess
    import sys

    script = (
        "import json, sys\n"
        "sys.modules['bm25s'] = sys.modules['kiwipiepy'] = None\n"
        "from taxqa.corpus.bm25 import Index\n"
        "from taxqa.records import PassageRecord\n"
        "mine = [PassageRecord.from_dict(json.loads(line)) for line in sys.stdin]\n"
        "scores = Index(mine, cache_key='file-v1').scores(['증여', '공제'], [], '증여 공제')\n"
        "print(json.dumps([int(i) for i in scores.argsort()[::-1][:2]]))\n"
    )
    lines = "".join(json.dumps(p.to_dict(), ensure_ascii=False) + "\n" for p in mine)
    proc = subprocess.run([sys.executable, "-c", script], input=lines, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-1000:]
    assert json.loads(proc.stdout) == [0, 1]
    assert {f.relative_to(folder): f.stat().st_mtime_ns for f in folder.rglob("*") if f.is_file()} == saved
    assert _cache_folder("file-v2") != folder  # another file version, another cache
    for f in folder.rglob("*"):  # a damaged saved index is rebuilt, not fatal
        if f.is_file():
            f.write_bytes(b"garbage")
    assert Index(mine, cache_key="file-v1").scores(["세율"], [], "세율").argmax() == 2
