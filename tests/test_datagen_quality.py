"""The quality gate (`taxqa data check`) on good and bad items, incl. the original's 9,000만원 example."""

from __future__ import annotations

import json

import pytest

from taxqa.datagen.cli import main
from taxqa.datagen.dedup import facts_signature, is_near_duplicate
from taxqa.datagen.quality import korean_ratio
from taxqa.records import read_jsonl, read_qa

GIFT_Q = "부모님께 20억원을 증여받으면 증여세는 얼마인가요?"
CITE = "(상속세 및 증여세법 제26조, 제53조)"


def item(question, answer, **kw):
    return {"question": question, "answer": answer, "type": "teacher", "source": "statute", **kw}


GOOD = [
    item(
        "증여재산공제는 배우자로부터 증여받을 때 얼마까지 받을 수 있나요?",
        "배우자로부터 증여받는 경우 10년간 합산하여 6억원까지 증여재산공제를 받을 수 있습니다. (상속세 및 증여세법 제53조)",
    ),
    item(
        "부가가치세 간이과세자의 기준 금액은 어떻게 정해지나요?",
        "직전 연도 공급대가의 합계액이 일정 금액에 미달하는 개인사업자가 간이과세자가 됩니다.",
        citations=["부가가치세법 제61조"],
    ),
    # The right figures for the original's example: accepted, verification kept in meta.
    item(
        GIFT_Q,
        "증여재산 20억원에서 직계존속 증여재산공제 5,000만원을 빼면 과세표준은 19억 5,000만원입니다. "
        "세율(10억원 초과 30억원 이하: 2억 4,000만원 + 초과분의 40%)을 적용한 산출세액은 6억 2,000만원이고, "
        f"신고세액공제 3%를 빼면 납부할 세액은 6억 140만원입니다. {CITE}",
        type="calc",
        source="calculator",
    ),
    # Differs from the one above only in a figure / a relation: different questions, both kept.
    item(
        "부모님께 30억원을 증여받으면 증여세는 얼마인가요?",
        "과세표준은 29억 5,000만원, 산출세액은 10억 2,000만원, 납부할 세액은 9억 8,940만원입니다. " + CITE,
        type="calc",
        source="calculator",
    ),
]

BAD = {
    "numeric": item(
        GIFT_Q + " ", f"부모로부터 20억원을 증여받으면 증여세는 9,000만원입니다. {CITE}", source="imported"
    ),
    "korean": item(
        "What is the gift tax deduction for a spouse in Korea?",
        "It is 600 million won over ten years under article 53.",
    ),
    "length": item("증여세?", "6억원. (상속세 및 증여세법 제53조)"),
    "citation_missing": item(
        "상속세 신고기한은 언제까지인가요?", "상속개시일이 속하는 달의 말일부터 6개월 이내에 신고해야 합니다."
    ),
    "citation_unresolved": item(
        "가상세 과세 요건은 무엇인가요?",
        "가상세법에 따라 일정 요건을 갖추면 과세합니다.",
        citations=["가상세법 제999조"],
    ),
    "duplicate": GOOD[0],
    "near_duplicate": item(
        "증여재산공제는 배우자로부터 증여받을 때 얼마까지 받을 수 있나요??",
        "배우자에게서 받은 증여는 6억원까지 공제됩니다. (상속세 및 증여세법 제53조)",
    ),
    "schema": {"question": "부모에게 받은 돈도 증여세 대상인가요?", "answer": 3, "type": "teacher", "source": "blog"},
}


@pytest.fixture
def checked(tmp_path):
    raw = tmp_path / "raw.jsonl"
    lines = [json.dumps(x, ensure_ascii=False) for x in GOOD + list(BAD.values())]
    lines.insert(2, "{not json")
    raw.write_text("\n".join(lines) + '\n{"question": "torn', encoding="utf-8")
    out, rejects = tmp_path / "checked.jsonl", tmp_path / "checked.rejects.jsonl"  # named after -o
    assert main(["check", str(raw), "-o", str(out)]) == 0
    return list(read_qa(out)), [row for _, row in read_jsonl(rejects)]


def test_good_items_pass_with_their_checks_recorded(checked):
    accepted, _ = checked
    assert [r.question for r in accepted] == [g["question"] for g in GOOD]
    calc = accepted[2]
    assert calc.meta["check"]["verification"]["agree"] is True
    assert "상속세 및 증여세법 제26조" in calc.citations and "상속세 및 증여세법 제53조" in calc.citations
    assert accepted[1].citations == ["부가가치세법 제61조"]


def test_every_bad_item_rejected_with_its_reason(checked):
    _, rejects = checked
    codes = [{r.split(":", 1)[0] for r in row["reasons"]} for row in rejects]
    assert any("invalid JSON" in r for r in rejects[0]["reasons"])
    by_question = {row.get("question"): c for row, c in zip(rejects[1:], codes[1:])}
    bad = list(BAD.items())
    for (name, _), row_codes in zip(bad, codes[1:]):
        expected = name.split("_")[0] if name.startswith("citation") else name
        assert expected in row_codes, (name, row_codes)
    assert by_question["What is the gift tax deduction for a spouse in Korea?"] >= {"korean", "citation"}
    assert len(rejects) == len(BAD) + 1  # the torn last line is not an item


def test_original_9000man_example_rejected_with_the_right_figure(checked):
    _, rejects = checked
    row = next(r for r in rejects if "9,000만원" in r.get("answer", ""))
    numeric = [r for r in row["reasons"] if r.startswith("numeric")]
    assert numeric and "9,000만원" in numeric[0]
    assert "6억 2,000만원" in numeric[0] or "6억 140만원" in numeric[0]
    verification = row["verification"]
    assert verification["agree"] is False
    assert verification["expected"]["computed_tax"] == 620_000_000
    assert verification["expected"]["payable"] == 601_400_000


def test_near_duplicate_rule_respects_figures_and_facts():
    a = "부모님께 20억원을 증여받으면 증여세는 얼마인가요?"
    assert is_near_duplicate(a, "부모님께  20억 원을 증여받으면 증여세는 얼마인가요?")
    assert not is_near_duplicate(a, "부모님께 30억원을 증여받으면 증여세는 얼마인가요?")
    assert not is_near_duplicate(a, "배우자에게 20억원을 증여받으면 증여세는 얼마인가요?")
    assert not is_near_duplicate(a, "조부모님께 20억원을 증여받으면 증여세는 얼마인가요?")
    assert not is_near_duplicate(a, "부모님께 20억원을 상속받으면 상속세는 얼마인가요?")
    assert facts_signature("1억 5천만원과 2,000만원")[0] == (150_000_000, 20_000_000)
    assert not is_near_duplicate(
        "어머니로부터 3,000만원을 증여받을 때 세액은? 10년 안에 1억원을 이미 증여받았습니다.",
        "어머니로부터 1억원을 증여받을 때 세액은? 10년 안에 3,000만원을 이미 증여받았습니다.",
    )
    assert not is_near_duplicate(
        "간이과세자(운수업)의 공급대가가 2,800만원이고 매입액이 900만원일 때 납부세액은?",
        "간이과세자(음식점업)의 공급대가가 2,800만원이고 매입액이 900만원일 때 납부세액은?",
    )
    # Same legal relation, same figures: a paraphrase, so a near-duplicate.
    assert is_near_duplicate(
        "고모에게서 5,000만원을 증여받았습니다. 증여세는?", "이모에게서 5,000만원을 증여받았습니다. 증여세는?"
    )


def test_korean_ratio():
    assert korean_ratio("상속세 및 증여세법 제53조 (2025)") == 1.0
    assert korean_ratio("gift tax 증여세") == pytest.approx(3 / 10)
    assert korean_ratio("123 !!") == 0.0


def test_calc_record_must_state_the_scenarios_figures():
    from taxqa.datagen.quality import QualityGate

    gate = QualityGate()
    off_topic = {
        "question": "부모님께 20억원을 증여받으면 증여세는 얼마인가요?",
        "answer": "좋은 질문입니다. 증여는 가족 간의 중요한 일이니 세무사와 상담해 보세요. (상속세 및 증여세법 제53조)",
        "type": "calc",
        "source": "calculator",
    }
    record, reasons, _ = gate.check(off_topic, "line 1")
    assert record is None and any(r.startswith("numeric:") and "states none" in r for r in reasons)
    stated = dict(off_topic, answer="산출세액은 6억 2,000만원입니다. (상속세 및 증여세법 제53조, 제56조)")
    record, reasons, _ = gate.check(stated, "line 2")
    assert record is not None, reasons
    teacher = dict(off_topic, type="teacher", source="statute", question=off_topic["question"] + " 일반론")
    assert not any("states none" in r for r in gate.check(teacher, "line 3")[1])  # only calc records must


def test_missing_fact_calc_record_names_the_fact_and_states_no_figure():
    from taxqa.datagen.quality import QualityGate

    gate = QualityGate()
    item = {
        "question": "증여를 받았는데 증여세는 얼마인가요?",
        "answer": "증여받은 금액과 증여자와의 관계를 알려 주셔야 계산할 수 있습니다. (상속세 및 증여세법 제53조)",
        "type": "calc",
        "source": "calculator",
        "meta": {"variant": "missing"},
    }
    record, reasons, _ = gate.check(item, "line 1")
    assert record is not None, reasons
    invented = dict(
        item, question=item["question"] + " 다시", answer="납부할 세액은 1,940만원입니다. (상속세 및 증여세법 제53조)"
    )
    record, reasons, _ = gate.check(invented, "line 2")
    assert record is None and any("missing-fact answer states a tax figure" in r for r in reasons), reasons
    unmarked = dict(item, question=item["question"] + " 또", meta={})
    assert gate.check(unmarked, "line 3")[0] is None  # without the marker it is an off-topic calc record


@pytest.mark.parametrize(
    "secret",
    [
        "sk-proj-AbCdEfGhIjKlMnOpQrStUv12",
        "sk-ant-api03-AbCdEfGhIjKlMnOp",
        "hf_AbCdEfGhIjKlMnOpQrStUvWx",
        "Bearer abcdefghijklmnop1234",
    ],
)
def test_key_shaped_text_is_rejected(secret):
    from taxqa.datagen.quality import QualityGate

    item = {
        "question": "상속세 신고기한은 언제까지인가요?",
        "answer": f"상속개시일이 속하는 달의 말일부터 6개월 이내입니다. 참고 키: {secret} (상속세 및 증여세법 제67조)",
        "type": "teacher",
        "source": "statute",
    }
    record, reasons, _ = QualityGate().check(item, "line 1")
    assert record is None and any(r.startswith("secret:") for r in reasons)
    assert QualityGate().check(dict(item, answer=item["answer"].replace(secret, "없음")), "line 1")[0] is not None
