"""Parsers, cleaning, version choice, chunking, de-duplication and the build/search CLI."""

from __future__ import annotations

import copy
import gzip
import json
from pathlib import Path

import pytest

from taxqa.cli import run_command
from taxqa.corpus.build import build, chunk_parts, read_passage_file
from taxqa.corpus.clean import NearDupFilter, clean_text
from taxqa.corpus.parse import ParseError, parse_interpretation_json, parse_markdown, parse_precedent_json
from taxqa.corpus.parse import parse_statute_json as parse_json
from taxqa.errors import UserError


def _law(name="가상세법", date="20240101", units=None) -> dict:
    return {"법령": {"기본정보": {"법령명_한글": name, "시행일자": date}, "조문": {"조문단위": units or []}}}


def _row(no, content, title="", branch=None, hang=None, kind="조문"):
    row = {"조문번호": str(no), "조문여부": kind, "조문내용": content, "조문제목": title}
    if branch:
        row["조문가지번호"] = str(branch)
    if hang is not None:
        row["항"] = hang
    return row


def test_statute_json_shapes():
    units = [
        _row(1, "            제1장 총칙", kind="전문"),
        _row(1, "제1조(목적) 이 법은 세금을 정한다.", "목적"),
        _row(
            2,
            "제2조(정의)",
            "정의",
            hang={"호": [{"호내용": "  1. 증여", "목": {"목내용": "    가. 무상 이전"}}, {"호내용": "  2. 상속"}]},
        ),
        _row(
            2,
            "제2조의3(세율)",
            "세율",
            branch=3,
            hang=[
                {"항번호": "①", "항내용": " ① 세율은 다음과 같다."},
                {
                    "항번호": "②",
                    "항내용": [
                        ["② 표:", "<img src='x'>", "┌─┬─┐", "│A  │1%  │", "├─┼─┤", "│B  │2%  │", "└─┴─┘", "</img>"]
                    ],
                },
            ],
        ),
        _row(3, "제3조 삭제 <2015.12.15>"),
    ]
    out = list(parse_json(_law(units=units), "t.json"))
    assert [u.article for u in out] == ["제1조", "제2조", "제2조의3", "제3조"]
    first, second, third, deleted = out
    assert first.title == "목적" and first.parts == ["이 법은 세금을 정한다."]
    assert first.effective_date == "2024-01-01" and first.source_url.endswith("/법령/가상세법/제1조")
    assert second.parts == ["1. 증여\n가. 무상 이전\n2. 상속"]
    assert third.parts == ["① 세율은 다음과 같다.", "② 표:\nA | 1%\nB | 2%"]
    assert deleted.deleted and not third.deleted
    assert third.citation == "가상세법 제2조의3"


def test_statute_json_bad_shapes():
    with pytest.raises(ParseError, match="t.json: expected a '법령' object"):
        list(parse_json({"x": 1}, "t.json"))
    with pytest.raises(ParseError, match="법령명_한글 is missing"):
        list(parse_json({"법령": {"기본정보": {}, "조문": {"조문단위": []}}}, "t.json"))
    with pytest.raises(ParseError, match=r"조문단위\[0\]: 조문번호 'x'"):
        list(parse_json(_law(units=[_row("x", "제x조")]), "t.json"))


def test_real_statute_json_has_branch_articles_and_tables(shared_data):
    obj = json.loads((shared_data / "law.go.kr" / "income_tax_act_20250101.json").read_text(encoding="utf-8"))
    units = list(parse_json(obj, "income"))
    assert {u.law for u in units} == {"소득세법"}
    articles = {u.article for u in units}
    assert "제47조" in articles and any("의" in a for a in articles)
    tax_rate = next(u for u in units if u.article == "제55조")
    text = "\n".join(tax_rate.parts)
    assert "1,400만원 이하 | 과세표준의 6퍼센트" in text and "<img" not in text


def test_markdown_statute_and_precedent(shared_data):
    md = (shared_data / "legalize-kr" / "laws" / "vat_act_20260101.md").read_text(encoding="utf-8")
    units = list(parse_markdown(md, "vat.md"))
    assert units[0].law == "부가가치세법" and units[0].effective_date == "2026-01-01"
    assert all("**" not in p and "\\." not in p for u in units for p in u.parts)
    assert not any(u.article.startswith("제1조") and "부칙" in u.title for u in units)
    prec_md = next((shared_data / "legalize-kr" / "precedents").glob("supreme_*.md")).read_text(encoding="utf-8")
    (prec,) = parse_markdown(prec_md, "prec.md")
    assert prec.kind == "precedent" and prec.citation == "대법원 2015. 10. 15. 선고 2013두13266 판결"
    assert [p.split("\n")[0] for p in prec.parts] == [
        "【판시사항】",
        "【판결요지】",
        "【참조조문】",
        "【참조판례】",
        "【판례내용】",
    ]
    with pytest.raises(ParseError, match="front matter is not closed"):
        list(parse_markdown("---\n제목: x\n", "bad.md"))


def test_precedent_and_interpretation_json():
    prec = parse_precedent_json(
        {
            "PrecService": {
                "사건번호": "2020두1",
                "법원명": "대법원",
                "선고일자": "20200102",
                "판례정보일련번호": "123",
                "사건명": "증여세부과처분취소",
                "판시사항": "가.<br/>나. &lt;중요&gt;",
                "판례내용": "【주 문】<br/>상고를 기각한다.",
            }
        }
    )
    assert prec.citation == "대법원 2020. 1. 2. 선고 2020두1 판결"
    assert prec.parts == ["【판시사항】\n가.\n나. <중요>", "【판례내용】\n【주 문】\n상고를 기각한다."]
    assert prec.source_url.endswith("precInfoP.do?precSeq=123")
    expc = parse_interpretation_json({"ExpcService": {"안건번호": "24-1", "안건명": "질의", "회답": "그렇다."}})
    assert expc.kind == "ruling" and expc.citation == "법제처 24-1" and expc.parts == ["【회답】\n그렇다."]
    with pytest.raises(ParseError, match="사건번호 is missing"):
        parse_precedent_json({"PrecService": {"판례내용": "x"}}, "p.json")


def test_clean_text_keeps_korean_angle_brackets_and_nfc():
    decomposed = "\u1100\u1161"  # 가 as conjoining jamo
    assert clean_text(f"<p>{decomposed}  나</p> <개정 2010.1.1>&amp;") == "가 나\n<개정 2010.1.1>&"


def test_chunk_parts_groups_whole_paragraphs():
    parts = ["① " + "가" * 500, "② " + "나" * 500, "③ " + "다" * 500, "④ " + "라" * 3000]
    chunks = chunk_parts(parts, 1200)
    assert chunks[0].startswith("①") and "②" in chunks[0] and chunks[1].startswith("③")
    assert all(len(c) <= 1200 for c in chunks[:2]) and "".join(chunks).count("라") == 3000


def _write(path: Path, obj) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    return path


def test_versions_newest_article_wins_older_only_articles_kept(tmp_path):
    old = _law(
        date="20240101",
        units=[
            _row(1, "제1조(목적) 옛 목적", "목적"),
            _row(2, "제2조(옛조문) 남는다", "옛조문"),
            _row(3, "제3조(x) 곧 삭제"),
        ],
    )
    new = _law(date="20260101", units=[_row(1, "제1조(목적) 새 목적", "목적"), _row(3, "제3조 삭제 <2025.1.1>")])
    _write(tmp_path / "src" / "old.json", old)
    _write(tmp_path / "src" / "new.json", new)
    (tmp_path / "src" / "README.md").write_text("# notes\n", encoding="utf-8")
    notes = []
    stats = build([tmp_path / "src"], tmp_path / "p.jsonl", note=notes.append)
    got = {p.article: (p.text, p.effective_date) for p in read_passage_file(tmp_path / "p.jsonl")}
    assert got == {"제1조": ("새 목적", "2026-01-01"), "제2조": ("남는다", "2024-01-01")}
    assert stats.superseded == 2 and len(notes) == 1 and "README.md" in notes[0]


def test_near_duplicate_precedents_are_dropped(tmp_path):
    base = {
        "사건번호": "2020두1",
        "법원명": "대법원",
        "선고일자": "20200102",
        "판례내용": " ".join(f"이 사건 처분은 제{i}조에 따라 적법하다고 판단한 원심은 정당하다." for i in range(60)),
    }
    near = copy.deepcopy(base) | {"사건번호": "2020두2"}
    near["판례내용"] = near["판례내용"].replace("제7조", "제8조")
    other = copy.deepcopy(base) | {"사건번호": "2020두3", "판례내용": "전혀 다른 내용의 판결이다. " * 40}
    lines = [json.dumps({"PrecService": x}, ensure_ascii=False) for x in (base, base, near, other)]
    dump = tmp_path / "dump.jsonl.gz"
    dump.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8")))
    stats = build([dump], tmp_path / "p.jsonl.gz", note=lambda m: None)
    assert (stats.decisions, stats.exact_dups, stats.near_dups) == (2, 1, 1)
    assert {p.article for p in read_passage_file(tmp_path / "p.jsonl.gz")} == {"2020두1", "2020두3"}
    f = NearDupFilter()
    assert not f.is_duplicate("완전히 새로운 문서 " * 20) and f.is_duplicate("완전히  새로운 문서 " * 20)


def test_bad_input_leaves_nothing_half_written(tmp_path):
    good = _write(tmp_path / "a" / "good.json", _law(units=[_row(1, "제1조(목적) 목적", "목적")]))
    bad = tmp_path / "a" / "zbad.json"
    bad.write_text('{"법령": {"기본정보": ', encoding="utf-8")
    out = tmp_path / "out" / "p.jsonl"
    with pytest.raises(ParseError, match=r"zbad.json:1: invalid JSON"):
        build([tmp_path / "a"], out, note=lambda m: None)
    assert not out.exists() and list(out.parent.iterdir()) == []
    (tmp_path / "notes.txt").write_text("not law\n", encoding="utf-8")
    with pytest.raises(UserError, match="no passages found"):
        build([tmp_path / "notes.txt"], out, note=lambda m: None)
    with pytest.raises(UserError, match="missing.json: no such file or folder"):
        build([good, tmp_path / "missing.json"], out, note=lambda m: None)
    assert good.exists() and not out.exists() and list(out.parent.iterdir()) == []


def test_build_and_search_cli(tmp_path, shared_data, capsys):
    out = tmp_path / "p.jsonl"
    src = shared_data / "legalize-kr" / "laws" / "inheritance_gift_tax_act_20260101.md"
    assert run_command("taxqa.corpus.cli", ["build", str(src), "-o", str(out)], "taxqa corpus") == 0
    assert "wrote 1" in capsys.readouterr().out
    assert run_command("taxqa.corpus.cli", ["search", "증여재산 공제 한도", "--corpus", str(out)], "taxqa corpus") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("1. 상속세 및 증여세법 제53조 (증여재산 공제) ") and lines[1].startswith("2. ")
    assert (
        run_command("taxqa.corpus.cli", ["search", "증여", "--corpus", str(tmp_path / "no.jsonl")], "taxqa corpus") == 2
    )
    assert "no.jsonl: no such passages file" in capsys.readouterr().err
    (tmp_path / "bad.jsonl").write_text('{"id": "x"}\n', encoding="utf-8")
    assert (
        run_command("taxqa.corpus.cli", ["search", "증여", "--corpus", str(tmp_path / "bad.jsonl")], "taxqa corpus")
        == 2
    )
    assert "bad.jsonl:1: missing field 'citation'" in capsys.readouterr().err
    assert (
        run_command("taxqa.corpus.cli", ["build", "--embedded", "-o", str(tmp_path / "e.jsonl")], "taxqa corpus") == 0
    )
    assert len(read_passage_file(tmp_path / "e.jsonl")) > 2000
