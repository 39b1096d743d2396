"""`taxqa data split` and `taxqa data import`: split properties, dataset folder, seed import."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from taxqa.amounts import format_won
from taxqa.datagen.cli import main
from taxqa.datagen.dedup import is_near_duplicate
from taxqa.datagen.split import SPLITS, split_records
from taxqa.records import QARecord, read_qa, write_jsonl_atomic

RELATIONS = ["부모", "배우자", "자녀", "형제", "조부모"]


def make_records() -> list[QARecord]:
    records = []
    # 100 calc questions that differ in a figure or a relation: all distinct.
    for i in range(100):
        amount = (i // len(RELATIONS) + 1) * 100_000_000
        relation = RELATIONS[i % len(RELATIONS)]
        records.append(
            QARecord(
                question=f"{relation}에게서 {format_won(amount)}을 증여받으면 납부할 증여세는 얼마인가요?",
                answer="계산 결과는 다음과 같습니다. (상속세 및 증여세법 제53조)",
                type="calc",
                source="calculator",
                citations=["상속세 및 증여세법 제53조"],
            )
        )
    # 60 statute questions, teacher and student; every 6th has three near-duplicate rewordings.
    for i in range(60):
        qtype = "teacher" if i % 2 else "student"
        base = f"소득세법 제{i + 10}조에서 정한 비과세 소득의 범위와 요건은 무엇인가요"
        variants = [base + "?"]
        if i % 6 == 0:
            variants += [base + "??", base + "? 알려주세요", "  " + base + " ?"]
        for q in variants:
            records.append(QARecord(question=q, answer="설명입니다. (소득세법 제12조)", type=qtype, source="statute"))
    return records


def test_split_sizes_stratified_and_no_cross_split_near_dups():
    records = make_records()
    splits = split_records(records, valid=0.1, test=0.1, seed=3)
    assert sum(len(v) for v in splits.values()) == len(records) == 190
    assert len(splits["test"]) == pytest.approx(19, abs=3) and len(splits["valid"]) == pytest.approx(19, abs=3)
    # Stratified: each (source, type) stratum is in every split, roughly in proportion.
    for split in ("valid", "test"):
        strata = Counter((r.source, r.type) for r in splits[split])
        assert set(strata) == {("calculator", "calc"), ("statute", "teacher"), ("statute", "student")}
        assert strata[("calculator", "calc")] == pytest.approx(10, abs=2)
    # No near-duplicate of a held-out question in train (checked pairwise, not by the index).
    for held in ("test", "valid"):
        for t in splits[held]:
            assert not any(is_near_duplicate(t.question, r.question) for r in splits["train"])
    # Questions differing only in a figure or relation are not treated as duplicates: they spread over splits.
    calc_amounts = {r.question for s in ("test", "valid") for r in splits[s] if r.type == "calc"}
    assert len(calc_amounts) >= 15
    # Deterministic for a seed, different for another.
    again = split_records(records, valid=0.1, test=0.1, seed=3)
    assert [r.id for r in again["test"]] == [r.id for r in splits["test"]]
    other = split_records(records, valid=0.1, test=0.1, seed=4)
    assert [r.id for r in other["test"]] != [r.id for r in splits["test"]]


def test_split_cli_writes_dataset_folder(tmp_path):
    checked = tmp_path / "checked.jsonl"
    write_jsonl_atomic(checked, make_records())
    write_jsonl_atomic(
        tmp_path / "rejects.jsonl",
        [{"question": "q", "answer": "a", "reasons": ["numeric: 9,000만원 (expected 6억 2,000만원)", "korean: x"]}],
    )
    out = tmp_path / "dataset"
    assert main(["split", str(checked), "-o", str(out)]) == 0
    counts = {}
    for name in SPLITS:
        recs = list(read_qa(out / f"{name}.jsonl"))
        counts[name] = len(recs)
        mlx_rows = [
            json.loads(line) for line in (out / "mlx" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        ]
        assert len(mlx_rows) == len(recs)
        for rec, row in zip(recs, mlx_rows):
            assert row == {
                "messages": [{"role": "user", "content": rec.question}, {"role": "assistant", "content": rec.answer}]
            }
        assert "\\u" not in (out / "mlx" / f"{name}.jsonl").read_text(encoding="utf-8")
    assert sum(counts.values()) == 190 and min(counts.values()) > 0
    card = (out / "card.md").read_text(encoding="utf-8")
    assert f"| train | {counts['train']} |" in card and "calculator" in card and "teacher" in card
    assert "| numeric | 1 |" in card and "| korean | 1 |" in card


def test_split_rejects_bad_fractions_and_empty_input(tmp_path, capsys):
    from taxqa.cli import run_command

    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    assert run_command("taxqa.datagen.cli", ["split", str(empty), "-o", str(tmp_path / "d")], "taxqa data") == 2
    assert "no records" in capsys.readouterr().err
    checked = tmp_path / "c.jsonl"
    write_jsonl_atomic(checked, make_records()[:10])
    args = ["split", str(checked), "-o", str(tmp_path / "d"), "--valid", "0.6", "--test", "0.5"]
    assert run_command("taxqa.datagen.cli", args, "taxqa data") == 2
    assert "--valid" in capsys.readouterr().err


def test_import_seed_format(tmp_path):
    seed = tmp_path / "original.json"
    seed.write_text(
        json.dumps(
            [
                {
                    "question": "부모님께 20억원을 증여받으면 증여세는 얼마인가요?",
                    "answer": "증여세는 9,000만원입니다. (상속세 및 증여세법 제26조, 제53조)",
                    "type": "teacher",
                    "source": "상속세 및 증여세법",
                },
                {
                    "question": "증여세 신고기한은 언제인가요?",
                    "answer": "3개월 이내입니다.",
                    "type": "student",
                    "source": "국세청",
                },
            ],
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    out = tmp_path / "imported.jsonl"
    assert main(["import", str(seed), "-o", str(out)]) == 0
    recs = list(read_qa(out))
    assert [r.source for r in recs] == ["imported", "imported"]
    assert [r.type for r in recs] == ["teacher", "student"]
    assert recs[0].meta["original_source"] == "상속세 및 증여세법" and recs[1].meta["original_source"] == "국세청"
    assert "부모님께" in out.read_text(encoding="utf-8")
