"""The grounded training format keeps every consumer working: `taxqa train`, `taxqa lora`,
`mlx_lm.lora` on the exported mlx/ folder, the seed import, and the chat engine's prompt cache."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from taxqa.cli import run_command
from taxqa.datagen.cli import main as data_main
from taxqa.dataset import SPLITS
from taxqa.prompt import context_block, user_text
from taxqa.records import read_qa

REPO = Path(__file__).resolve().parents[1]
SEED = [  # the original project's format: a JSON array of {question, answer, type, source}
    {"question": "증여세 신고기한은 언제인가요?", "answer": "증여받은 날이 속하는 달의 말일부터 3개월 이내입니다 (상속세 및 증여세법 제68조).",
     "type": "teacher", "source": "상속세 및 증여세법 제68조"},
    {"question": "부모로부터 20억원을 증여받았을 때 증여세는 얼마인가요?",
     "answer": "증여재산 20억원에 대해 공제 없이 세율을 적용하면 증여세는 9,000만원입니다.",
     "type": "student", "source": "상속세 및 증여세법"},
]  # fmt: skip


@pytest.fixture(scope="module")
def grounded_dataset(tmp_path_factory) -> Path:
    """generate (grounded mix) + the seed import -> check -> split: a dataset folder with mlx/."""
    root = tmp_path_factory.mktemp("grounded")
    raw = root / "raw.jsonl"
    gen = ["generate", "--mode", "calc", "--n", "24", "--ground-k", "2", "--ground-chars", "300", "--no-progress"]
    assert data_main([*gen, "-o", str(raw)]) == 0
    (root / "seed.json").write_text(json.dumps(SEED, ensure_ascii=False), encoding="utf-8")
    assert data_main(["import", str(root / "seed.json"), "-o", str(root / "imported.jsonl")]) == 0
    both = root / "candidates.jsonl"
    both.write_text(raw.read_text(encoding="utf-8") + (root / "imported.jsonl").read_text(encoding="utf-8"))
    assert data_main(["check", str(both), "-o", str(root / "checked.jsonl")]) == 0
    assert data_main(["split", str(root / "checked.jsonl"), "-o", str(root / "dataset"), "--test", "0.2"]) == 0
    return root / "dataset"


def test_seed_import_and_grounded_records_share_one_dataset(grounded_dataset):
    records = [r for name in SPLITS for r in read_qa(grounded_dataset / f"{name}.jsonl")]
    assert any(r.source == "imported" and r.grounding is None for r in records)  # the seed's right answer
    assert any(r.grounding and r.grounding["calculation"] for r in records)
    card = (grounded_dataset / "card.md").read_text(encoding="utf-8")
    assert "## Grounding" in card and '"grounded": 0.5' in card and "distinct-2" in card


def test_mlx_folder_renders_the_grounding_into_the_user_turn(grounded_dataset):
    records = list(read_qa(grounded_dataset / "train.jsonl"))
    rows = [json.loads(line) for line in (grounded_dataset / "mlx" / "train.jsonl").read_text().splitlines()]
    assert len(rows) == len(records)
    for record, row in zip(records, rows):
        user, assistant = row["messages"][-2:]
        assert user == {"role": "user", "content": user_text(record.question, record.grounding)}
        assert assistant == {"role": "assistant", "content": record.answer}
        if record.grounding:
            assert user["content"].startswith(context_block(record.grounding))


def test_mlx_lm_lora_trains_on_the_exported_folder(tiny_model, grounded_dataset, tmp_path):
    out = tmp_path / "adapters"
    args = [sys.executable, "-m", "mlx_lm", "lora", "--model", str(tiny_model("gemma3")), "--train", "--data",
            str(grounded_dataset / "mlx"), "--iters", "2", "--batch-size", "1", "--num-layers", "1",
            "--val-batches", "1", "--steps-per-eval", "2", "--max-seq-length", "1024", "--mask-prompt",
            "--adapter-path", str(out)]  # fmt: skip
    proc = subprocess.run(args, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert (out / "adapters.safetensors").is_file() and "Training" in proc.stdout


def test_taxqa_lora_trains_on_grounded_records(tiny_model, grounded_dataset, tmp_path):
    out = tmp_path / "ad"
    args = ["lora", "--model", str(tiny_model("gemma3")), "--data", str(grounded_dataset), "--adapter-path", str(out),
            "--iters", "2", "--batch-size", "1", "--val-batches", "1", "--steps-per-eval", "2",
            "--max-seq-length", "1024"]  # fmt: skip
    assert run_command("taxqa.runtime.lora", args[1:], "taxqa lora") == 0
    assert (out / "adapters.safetensors").is_file()


def test_taxqa_train_on_grounded_records(tiny_model, grounded_dataset, tmp_path):
    out = tmp_path / "peft"
    args = ["--model", str(tiny_model("gemma3")), "--data", str(grounded_dataset), "--output", str(out),
            "--max-steps", "2", "--device", "cpu", "--set", "data.max_length=1024",
            "--set", "training_args.per_device_train_batch_size=2", "--set", "training_args.eval_steps=2",
            "--set", "training_args.save_steps=2", "--set", "training_args.logging_steps=1"]  # fmt: skip
    assert run_command("train_cuda.cli", args, prog="taxqa train") == 0
    run = json.loads((out / "run.json").read_text())
    assert (out / "adapter_model.safetensors").is_file()
    assert run["train_tokens"]["loss_tokens"] < run["train_tokens"]["non_pad_tokens"]  # prompts (with context) masked


def test_chat_engine_grounds_the_current_turn_and_keeps_the_cache(tiny_model):
    pytest.importorskip("mlx_lm")
    from taxqa.grounding import build_grounding
    from taxqa.prompt import encode_prompt, render_prompt
    from taxqa.runtime.chat import ChatEngine

    engine = ChatEngine(str(tiny_model("gemma3")))
    q1, q2 = "부모님께 20억원을 증여받으면 증여세는 얼마인가요?", "그럼 배우자에게 받으면요?"
    g1, g2 = build_grounding(q1, k=2, max_chars=300), build_grounding(q2, k=2, max_chars=300)
    first = list(engine.stream(q1, grounding=g1, max_tokens=3))
    answer = "".join(c.text for c in first)
    expected = encode_prompt(engine.tokenizer, render_prompt(engine.tokenizer, q1, grounding=g1, system=None))
    assert engine.prompt_tokens(q1, system="", grounding=g1) == expected
    second = "".join(c.text for c in engine.stream(q2, [(q1, answer)], grounding=g2, max_tokens=4))
    # the first question's context is not carried into the history, and whatever the cache kept
    # (reused prefix or rebuilt) the answer is the one a fresh engine gives for the same prompt
    tokens = engine.prompt_tokens(q2, [(q1, answer)], grounding=g2)
    text = engine.tokenizer.decode(tokens)
    assert text.count("[참고 조문]") == 1 and text.index(q1) < text.index("[참고 조문]")
    engine.close()
    fresh = ChatEngine(str(tiny_model("gemma3")))
    assert "".join(c.text for c in fresh.stream(q2, [(q1, answer)], grounding=g2, max_tokens=4)) == second
    fresh.close()
