"""`taxqa eval` on a tiny real checkpoint: JSON contract, metrics, MCQ log-likelihoods checked
against transformers, malformed CSV rows by line, and the comparison table and chart."""

from __future__ import annotations

import json
import math

import pytest

pytest.importorskip("mlx_lm")

from conftest import write_tiny_dataset  # noqa: E402

from taxqa.cli import main as taxqa_main  # noqa: E402

MCQ = """question,answer,A,B,C,D,Category
"증여세 과세표준이 1억원 이하일 때 세율은?",1,10%,20%,30%,40%,tax
"상속세 신고기한은
상속개시일이 속하는 달의 말일부터 몇 개월 이내인가?",3,3개월,5개월,6개월,9개월,tax
"부가가치세 일반과세자의 기본 세율은?",B,5%,10%,15%,20%,tax
"""


@pytest.fixture(scope="module")
def gemma(tiny_model):
    return tiny_model("gemma3")


@pytest.fixture(scope="module")
def run(gemma, tmp_path_factory):
    """One evaluation on the test split and a KMMLU-layout CSV, shared by the checks below."""
    root = tmp_path_factory.mktemp("eval")
    data = write_tiny_dataset(root / "dataset", n_train=2, n_valid=1, n_test=3)
    csv = root / "kmmlu_tax.csv"
    csv.write_text(MCQ, encoding="utf-8")
    out = root / "base.json"
    args = ["eval", "--model", str(gemma), "--data", str(data), "--mcq", str(csv), "--max-tokens", "6", "-o", str(out)]
    args += ["--ground", "both"]
    assert taxqa_main(args) == 0
    return json.loads(out.read_text(encoding="utf-8")), out, data, csv


def torch_logprobs(model_dir, ids):
    """log p(ids[t] | ids[:t]) straight from transformers: an independent implementation."""
    import torch
    from transformers import AutoModelForCausalLM

    model = AutoModelForCausalLM.from_pretrained(model_dir, dtype=torch.float32).eval()
    with torch.no_grad():
        logits = model(input_ids=torch.tensor([ids[:-1]])).logits[0]
    return torch.log_softmax(logits, -1).gather(-1, torch.tensor(ids[1:])[:, None])[:, 0].tolist()


def test_eval_json_contract_and_report(run):
    result, out, _, csv = run
    assert result["model"] and result["adapter"] is None
    d = result["dataset"]
    assert d["n"] == 3 and len(d["items"]) == 3
    for key in ("numeric_accuracy", "citation_accuracy", "chrf", "rougeL", "loss", "perplexity", "refusal_rate"):
        assert key in d
    assert d["numeric_n"] == 3 and d["citation_n"] == 3  # calculator items that state figures and cite
    assert 0 <= d["numeric_accuracy"] <= 1 and 0 <= d["chrf"] <= 100 and 0 <= d["rougeL"] <= 1
    assert d["perplexity"] == pytest.approx(math.exp(d["loss"]))
    item = d["items"][0]
    assert item["numeric"]["expected"] and item["citation"]["expected"] == ["상속세 및 증여세법 제53조"]
    (mcq,) = result["mcq"]
    assert mcq["file"] == str(csv) and mcq["n"] == 3
    assert [i["answer"] for i in mcq["items"]] == [1, 3, 2]  # 1-4, and a letter read as its number
    assert [i["line"] for i in mcq["items"]] == [2, 3, 5]  # a quoted field spans lines 3-4
    assert mcq["accuracy"] == pytest.approx(sum(i["correct"] for i in mcq["items"]) / 3)
    lo, hi = mcq["ci95"]
    assert 0 <= lo <= mcq["accuracy"] <= hi <= 1
    s = result["speed"]
    assert s["prompt_tps"] > 0 and s["generation_tps"] > 0 and s["ttft"] > 0 and s["peak_memory_gb"] > 0
    report = out.with_suffix(".md").read_text(encoding="utf-8")
    assert "numeric accuracy" in report and "chrF" in report and "95% CI" in report and "Speed" in report


def test_mcq_items_match_a_direct_log_likelihood(run, gemma):
    from transformers import AutoTokenizer

    from taxqa.prompt import DEFAULT_SYSTEM_PROMPT, encode_prompt, render_prompt
    from taxqa.runtime.mcq import LETTERS, mcq_prompt_text, read_mcq

    result, _, _, csv = run
    tokenizer = AutoTokenizer.from_pretrained(gemma)
    for question, item in zip(read_mcq(csv), result["mcq"][0]["items"]):
        prompt = encode_prompt(
            tokenizer, render_prompt(tokenizer, mcq_prompt_text(question), system=DEFAULT_SYSTEM_PROMPT)
        )
        direct = []
        for letter in LETTERS:
            option = tokenizer.encode(letter, add_special_tokens=False)
            direct.append(sum(torch_logprobs(gemma, prompt + option)[len(prompt) - 1 :]))
        assert item["logprobs"] == pytest.approx(direct, abs=2e-3)
        assert item["pred"] == max(range(4), key=lambda i: direct[i]) + 1
        assert item["correct"] == (item["pred"] == item["answer"])


def test_dataset_loss_matches_a_direct_computation(run, gemma):
    from transformers import AutoTokenizer

    from taxqa.prompt import DEFAULT_SYSTEM_PROMPT, encode_example
    from taxqa.records import read_qa

    result, _, data, _ = run
    tokenizer = AutoTokenizer.from_pretrained(gemma)
    nll, count = 0.0, 0
    items = result["dataset"]["items"]
    assert result["dataset"]["ground"] == "on" and all(i["grounding"]["articles"] for i in items)
    for record, item in zip(read_qa(data / "test.jsonl"), items):
        ids, start = encode_example(
            tokenizer, record.question, record.answer, system=DEFAULT_SYSTEM_PROMPT, grounding=item["grounding"]
        )
        answer = torch_logprobs(gemma, ids)[start - 1 :]
        nll -= sum(answer)
        count += len(answer)
    assert result["dataset"]["loss"] == pytest.approx(nll / count, abs=1e-3)


def test_torch_backend_agrees_with_mlx(run, gemma, tmp_path):
    result, _, data, csv = run
    out = tmp_path / "torch.json"
    args = ["eval", "--backend", "torch", "--model", str(gemma), "--data", str(data), "--mcq", str(csv),
            "--max-tokens", "6", "--ground", "both", "-o", str(out)]  # fmt: skip
    assert taxqa_main(args) == 0
    torch_result = json.loads(out.read_text(encoding="utf-8"))
    assert torch_result["backend"] == "torch"
    assert torch_result["dataset"]["loss"] == pytest.approx(result["dataset"]["loss"], abs=1e-3)
    assert [i["pred"] for i in torch_result["mcq"][0]["items"]] == [i["pred"] for i in result["mcq"][0]["items"]]
    # (greedy texts are not compared: a random model's near-ties may break differently in torch and MLX)
    assert torch_result["speed"]["generation_tps"] > 0


def test_ground_sections_for_both_modes(run):
    result, out, _, _ = run
    assert set(result["ground"]) == {"on", "off"} and result["ground_modes"] == ["on", "off"]
    for mode, g in result["ground"].items():
        for key in ("key_figure_accuracy", "figure_consistency", "citation_accuracy", "invented_figure_rate", "n"):
            assert key in g, (mode, key)
        assert g["n"] == 3 and g["computable_n"] == 3  # the calculator reads every test question
        assert all(i["grounded"] == (mode == "on") for i in g["items"])
        for item in g["items"]:  # judged by the calculator on what the answer says, whatever it is
            assert item["figure"]["expected"] is not None
            assert item["figure"]["key_figure_ok"] == (item["figure"]["stated"] == item["figure"]["expected"])
    report = out.with_suffix(".md").read_text(encoding="utf-8")
    assert "| key-figure accuracy (the asked figure stated and right) |" in report and "ground off" in report


def test_compare_writes_table_and_chart(run, tmp_path):
    result, out, _, _ = run
    tuned = dict(result, adapter="adapters/tax", dataset=dict(result["dataset"], numeric_accuracy=0.5))
    other = tmp_path / "tuned.json"
    other.write_text(json.dumps(tuned, ensure_ascii=False), encoding="utf-8")
    assert taxqa_main(["eval", "--compare", str(out), str(other), "-o", str(tmp_path / "cmp.md")]) == 0
    table = (tmp_path / "cmp.md").read_text(encoding="utf-8")
    assert "+ tax" in table and "| numeric accuracy | 0.000 | 0.500 |" in table and "MCQ kmmlu_tax.csv" in table
    assert "| key-figure accuracy (ground on) |" in table and "| key-figure accuracy (ground off) |" in table
    assert (tmp_path / "cmp.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert taxqa_main(["eval", "--compare", str(tmp_path / "nope.json"), "-o", str(tmp_path / "x.md")]) == 2


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('question,answer,A,B,C,D\n"q1",1,a,b,c,d\n"q2\ncontinued",2,a,b,c,d\n"q3",5,a,b,c,d\n', 5, "expected 1-4"),
        ("question,answer,A,B,C,D\nq1,1,a,b,c\n", 2, "5 fields, expected 6"),
        ("question,answer,A,B,C\nq1,1,a,b,c\n", 1, "header lacks D"),
        ("question,answer,A,B,C,D\n,1,a,b,c,d\n", 2, "empty question"),
    ],
)
def test_malformed_csv_row_is_reported_by_line(gemma, tmp_path, capsys, text, line, message):
    csv = tmp_path / "bad.csv"
    csv.write_text(text, encoding="utf-8")
    assert taxqa_main(["eval", "--model", str(gemma), "--mcq", str(csv), "-o", str(tmp_path / "o.json")]) == 2
    err = capsys.readouterr().err
    assert f"{csv}:{line}:" in err and message in err
    assert not (tmp_path / "o.json").exists()


def test_metrics_on_korean_text():
    from taxqa.runtime import metrics

    ref = "과세표준은 2억 5,000만원이고 산출세액은 4,000만원입니다. (상속세 및 증여세법 제53조, 제56조)"
    good = "과세표준 250,000,000원, 산출세액 4천만원 — 상속세및증여세법 제 53조에 따릅니다."
    assert metrics.numeric_match(ref, good)["correct"]
    assert metrics.numeric_match(ref, "과세표준은 2억 5,000만원입니다.")["missing"] == [40_000_000]
    assert metrics.numeric_match("세율은 10%입니다.", good) is None  # no figure to check
    assert metrics.citation_match(["상속세 및 증여세법 제53조"], good)["correct"]
    assert not metrics.citation_match(["소득세법 제55조"], good)["correct"]
    assert metrics.citation_match([], good) is None
    # character-level ROUGE-L sees Korean (rouge-score's default tokenizer would see nothing)
    _, (same,) = metrics.rouge_l([ref], [ref])
    _, (partial,) = metrics.rouge_l([good], [ref])
    assert same == pytest.approx(1.0) and 0 < partial < 1
    corpus, (sentence,) = metrics.chrf([good], [ref])
    assert 0 < corpus < 100 and sentence == pytest.approx(corpus)
    assert metrics.is_refusal("죄송하지만 답변드리기 어렵습니다.")
    # an empty or unreadable answer is "no answer", counted apart from refusals
    assert not metrics.is_refusal("  ") and metrics.is_no_answer("  ") and metrics.is_no_answer("\ufffd\n…")
    assert not metrics.is_no_answer("증여세는 6억 140만원입니다.")
    assert not metrics.is_refusal(good)
    assert metrics.wilson_ci95(0, 10)[0] == 0 and metrics.wilson_ci95(10, 10)[1] == pytest.approx(1.0)


def test_question_file_gets_grounding_metrics_only(gemma, tmp_path):
    questions = tmp_path / "questions.txt"
    questions.write_text(
        "부모님으로부터 20억원을 증여받으면 증여세는 얼마인가요?\n\n아버지에게서 돈을 증여받으면 증여세는 얼마인가요?\n",
        encoding="utf-8",
    )
    out = tmp_path / "q.json"
    args = ["eval", "--model", str(gemma), "--data", str(questions), "--max-tokens", "4", "--no-ground", "-o", str(out)]
    assert taxqa_main(args) == 0
    result = json.loads(out.read_text(encoding="utf-8"))
    assert "dataset" not in result and list(result["ground"]) == ["off"]
    g = result["ground"]["off"]
    assert g["n"] == 2 and g["computable_n"] == 1 and g["missing_facts_n"] == 1  # no amount: nothing to compute
    assert g["items"][1]["figure"] is None and g["items"][1]["invented"] is not None
