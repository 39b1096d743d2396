"""Grounding: the context block of the one prompt renderer, build_grounding, and the record field."""

import json

import pytest

from taxqa import prompt
from taxqa.grounding import build_grounding, fit_articles, merge_articles, trim
from taxqa.records import QARecord, RecordError, read_qa, write_jsonl_atomic

QUESTION = "부모님으로부터 20억원을 증여받으면 증여세는 얼마인가요?"
GROUNDING = {
    "articles": [
        {
            "citation": "상속세 및 증여세법 제53조",
            "text": "직계존속으로부터 증여를 받은 경우: 5천만원",
            "effective_date": "2026-01-01",
        }
    ],
    "calculation": {
        "kind": "gift",
        "inputs": {"amount": 2_000_000_000, "relation": "lineal_ascendant"},
        "understood": "이렇게 이해했습니다: 직계존속으로부터 증여 20억원",
        "assumptions": ["수증자는 성인으로 가정"],
        "missing": [],
        "result": {
            "as_of": "2026-01-01",
            "steps": [
                {"label": "증여재산공제 (직계존속)", "amount": 50_000_000, "law": "상속세 및 증여세법 제53조"},
                {"label": "납부할 증여세", "amount": 601_400_000, "law": "상속세 및 증여세법 제69조"},
            ],
            "notes": [],
        },
    },
}


@pytest.fixture(scope="module")
def tokenizers(tiny_model):
    from transformers import AutoTokenizer

    return {arch: AutoTokenizer.from_pretrained(tiny_model(arch)) for arch in ("gemma3", "phi2")}


def test_context_block_has_citation_date_text_and_breakdown():
    block = prompt.context_block(GROUNDING)
    assert block.startswith(prompt.ARTICLES_HEADER)
    assert "1. 상속세 및 증여세법 제53조 · 시행 2026-01-01\n직계존속으로부터 증여를 받은 경우: 5천만원" in block
    assert "이해한 내용: 직계존속으로부터 증여 20억원" in block
    assert "가정: 수증자는 성인으로 가정" in block
    assert "- 납부할 증여세: 6억 140만원 (상속세 및 증여세법 제69조)" in block
    assert prompt.context_block(None) == prompt.context_block({}) == ""
    assert prompt.context_block({"articles": [], "calculation": None}) == ""


def test_missing_facts_say_so_instead_of_figures():
    calc = {"kind": "gift", "understood": "", "assumptions": [], "missing": ["증여받은 금액"], "result": None}
    block = prompt.context_block({"articles": [], "calculation": calc})
    assert "빠진 사실: 증여받은 금액" in block and "계산할 수 없습니다" in block and "원" not in block.split("\n")[-2]


def test_block_is_identical_in_both_formats_and_sits_before_the_question(tokenizers):
    block = prompt.context_block(GROUNDING)
    plain = prompt.render_prompt(tokenizers["phi2"], QUESTION, system="S", grounding=GROUNDING)
    assert plain == f"S\n\n{block}\n\n### 질문: {QUESTION}\n\n### 답변: "
    chat = prompt.render_prompt(tokenizers["gemma3"], QUESTION, system="S", grounding=GROUNDING)
    assert chat == f"<bos><start_of_turn>user\nS\n\n{block}\n\n{QUESTION}<end_of_turn>\n<start_of_turn>model\n"
    # history turns carry no grounding; only the current question does
    with_history = prompt.render_prompt(
        tokenizers["phi2"], "그럼 배우자는?", history=[(QUESTION, "6억")], grounding=GROUNDING
    )
    assert with_history.index(QUESTION) < with_history.index(block)
    assert with_history.count(prompt.ARTICLES_HEADER) == 1


@pytest.mark.parametrize("arch", ["gemma3", "phi2"])
def test_training_and_inference_render_the_same_prompt(tokenizers, arch):
    tok = tokenizers[arch]
    ids, start = prompt.encode_example(tok, QUESTION, "6억 140만원입니다.", system="S", grounding=GROUNDING)
    assert ids[:start] == prompt.encode_prompt(
        tok, prompt.render_prompt(tok, QUESTION, system="S", grounding=GROUNDING)
    )
    ex = prompt.render_example(tok, QUESTION, "답", grounding=GROUNDING)
    assert prompt.context_block(GROUNDING) in ex.prompt
    row = prompt.chat_messages(QUESTION, "답", "S", grounding=GROUNDING)
    assert row["messages"][1] == {"role": "user", "content": prompt.user_text(QUESTION, GROUNDING)}


def test_build_grounding_for_a_computable_question():
    g = build_grounding(QUESTION, k=4, max_chars=1200)
    assert set(g) == {"articles", "calculation"}
    calc = g["calculation"]
    assert calc["kind"] == "gift" and calc["result"]["payable"] == 601_400_000
    assert {"kind", "inputs", "understood", "assumptions", "missing", "result"} <= set(calc)
    citations = [a["citation"] for a in g["articles"]]
    assert len(citations) == len(set(citations)) <= 4
    assert "상속세 및 증여세법 제53조" in citations  # the deduction that decides the figure
    assert all(a["text"] and a["effective_date"] for a in g["articles"])
    assert sum(len(a["text"]) for a in g["articles"]) <= 1200 + 4 * 2
    json.dumps(g, ensure_ascii=False)  # stored as is in records and the chat history


def test_build_grounding_without_calculation():
    g = build_grounding("증여재산공제 한도는 어떻게 되나요?", k=3)
    assert g["calculation"] is None and 1 <= len(g["articles"]) <= 3
    assert build_grounding(QUESTION, k=2, calculate=False)["calculation"] is None


def test_trim_and_fit():
    text = "가나다라마바사. " * 100
    cut = trim(text, 100)
    assert len(cut) <= 102 and cut.endswith("…")
    articles = [{"citation": f"법 제{i}조", "text": "가" * n} for i, n in enumerate([50, 2000, 3000])]
    fitted = fit_articles(articles, 1000)
    assert fitted[0]["text"] == "가" * 50 and sum(len(a["text"]) for a in fitted) <= 1000 + 4
    assert articles[1]["text"] == "가" * 2000  # the input is not changed
    merged = merge_articles([{"citation": "법 제1조"}], [{"citation": "법  제1조"}, {"citation": "법 제2조"}], 1)
    assert [a["citation"] for a in merged] == ["법 제1조"]


def test_records_carry_grounding_and_old_records_still_read(tmp_path):
    path = tmp_path / "qa.jsonl"
    grounded = QARecord(question=QUESTION, answer="답", type="calc", source="calculator", grounding=GROUNDING)
    write_jsonl_atomic(path, [grounded, QARecord(question="q", answer="a")])
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert rows[0]["grounding"]["articles"][0]["effective_date"] == "2026-01-01"
    assert "grounding" not in rows[1]  # records without grounding look as before
    back = list(read_qa(path))
    assert back[0] == grounded and back[1].grounding is None
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"question": "q", "answer": "a", "grounding": {"articles": [{"text": "t"}]}}\n', encoding="utf-8")
    with pytest.raises(RecordError, match=r"bad.jsonl:1: field 'grounding'.*citation"):
        list(read_qa(bad))
