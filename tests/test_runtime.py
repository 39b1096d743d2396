"""MLX runtime on tiny real checkpoints: `taxqa generate`, `taxqa lora` and the chat engine."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

pytest.importorskip("mlx_lm")

from conftest import compile_disabled, lora_args, write_tiny_dataset  # noqa: E402

from taxqa.cli import main as taxqa_main  # noqa: E402

Q1 = "부모에게서 5억원을 증여받으면 증여세는 얼마인가요?"
Q2 = "배우자라면 어떻게 달라지나요?"
Q3 = "신고기한은 언제인가요?"


@pytest.fixture(scope="module")
def gemma(tiny_model) -> Path:
    return tiny_model("gemma3")


@pytest.fixture(scope="module")
def gemma_q4(gemma, tmp_path_factory) -> Path:
    from mlx_lm import convert

    out = tmp_path_factory.mktemp("q4") / "gemma3-q4"
    convert(str(gemma), str(out), quantize=True, q_group_size=32, q_bits=4)
    return out


@pytest.fixture(scope="module")
def adapter(mlx_adapter, gemma):
    """The session's `taxqa lora` run of 4 iterations on the tiny gemma3 (conftest `mlx_adapter`)."""
    trained = mlx_adapter("gemma3")
    assert trained.code == 0 and trained.base == gemma
    return trained


def collect(chunks):
    chunks = list(chunks)
    assert chunks and chunks[-1].done and all(not c.done for c in chunks[:-1])
    return SimpleNamespace(text="".join(c.text for c in chunks), final=chunks[-1], chunks=chunks)


# --- generate ---------------------------------------------------------------------------------


@pytest.mark.parametrize("arch", ["gemma3", "gemma3-mm", "phi2"])
def test_generate_streams_answer_and_stats(tiny_model, capsys, arch):
    assert taxqa_main(["generate", "--model", str(tiny_model(arch)), "--prompt", Q1, "--max-tokens", "5"]) == 0
    out, err = capsys.readouterr()
    assert out.endswith("\n") and "Prompt:" not in out
    assert "Prompt:" in err and "tokens-per-sec" in err and "Generation: 5 tokens" in err and "Peak memory:" in err


def test_generate_quiet_stdin_seed_and_kv_cap(gemma, capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(Q1 + "\n"))
    base = ["generate", "--model", str(gemma), "--max-tokens", "6", "--quiet"]
    assert taxqa_main([*base, "--prompt", "-"]) == 0
    from_stdin, err = capsys.readouterr()
    assert err == ""
    assert taxqa_main([*base, "--prompt", Q1]) == 0
    assert capsys.readouterr().out == from_stdin  # greedy: same question, same answer
    sampled = [*base, "--prompt", Q1, "--temp", "1.0", "--top-p", "0.9", "--min-p", "0.05", "--seed", "7"]
    assert taxqa_main(sampled) == 0
    first = capsys.readouterr().out
    assert taxqa_main(sampled) == 0
    assert capsys.readouterr().out == first  # same seed, same sample
    assert taxqa_main([*base, "--prompt", Q1, "--max-kv-size", "32"]) == 0
    assert capsys.readouterr().out.strip()


def test_generate_verbose_roofline_and_check(gemma, capsys):
    args = ["generate", "--model", str(gemma), "--prompt", Q1, "--max-tokens", "4", "--verbose", "--check"]
    assert taxqa_main(args) == 0
    err = capsys.readouterr().err
    assert "<start_of_turn>model" in err  # the rendered prompt
    assert "Roofline:" in err and "of" in err and "GB/s" in err
    assert "check:" in err  # the calculator's verdict (a random model's figures never agree)
    # grounded by default: the prompt carries the articles and the calculator's breakdown
    assert "ground: articles 상속세 및 증여세법" in err and "calculator: gift" in err
    assert "[참고 조문]" in err and "[계산기 결과]" in err and "- 납부할 증여세: " in err


def test_generate_check_says_what_needs_checking_before_the_figure(gemma, capsys):
    split = "아버지가 저한테 1억, 누나한테 2억 줬어요. 증여세 각각 얼마예요?"
    assert taxqa_main(["generate", "--model", str(gemma), "--prompt", split, "--max-tokens", "2", "--check"]) == 0
    err = capsys.readouterr().err
    assert "check: 확인이 필요합니다: " in err and "누가 얼마를" in err
    assert "(가정에 따른 참고 계산, 최종 세액이 아님)" in err


def test_generate_no_ground_sends_the_question_alone(gemma, capsys):
    args = ["generate", "--model", str(gemma), "--prompt", Q1, "--max-tokens", "2", "--verbose", "--no-ground"]
    assert taxqa_main(args) == 0
    err = capsys.readouterr().err
    assert "[참고 조문]" not in err and "ground:" not in err and Q1 in err


def test_roofline_table_and_measurement():
    from taxqa.runtime.roofline import apple_bandwidth, memory_bandwidth, roofline_fraction, roofline_tps

    assert apple_bandwidth("Apple M1") == 68
    assert apple_bandwidth("Apple M2") == apple_bandwidth("M3") == 100
    assert apple_bandwidth("Apple M4") == 120
    assert apple_bandwidth("Apple M4 Pro") == 273
    assert apple_bandwidth("Apple M4 Max") == 546
    assert apple_bandwidth("Intel Xeon") is None
    assert memory_bandwidth("Apple M4 Pro").gbs == 273
    measured = memory_bandwidth("Intel Xeon")
    assert measured.gbs > 0.1 and "measured" in measured.source
    # a 4 GB model on an M4 Pro: at most ~68 tokens/s; 34 tokens/s is half the roofline
    assert roofline_tps(4_000_000_000, 273) == pytest.approx(68.25)
    assert roofline_fraction(34.125, 4_000_000_000, 273) == pytest.approx(0.5)


def test_generate_stops_on_end_of_turn(gemma):
    import mlx.core as mx

    from taxqa.prompt import encode_prompt, render_prompt
    from taxqa.runtime.loading import load_model
    from taxqa.runtime.streaming import stream_answer

    model, tokenizer = load_model(str(gemma))
    eot = tokenizer.convert_tokens_to_ids("<end_of_turn>")
    assert {eot, tokenizer.eos_token_id} <= set(tokenizer.eos_token_ids)
    prompt = encode_prompt(tokenizer, render_prompt(tokenizer, Q1))

    def end_after_two(tokens, logits):  # make the model close its turn after two tokens
        if len(tokens) >= len(prompt) + 2:
            return mx.where(mx.arange(logits.shape[-1]) == eot, 100.0, -100.0)[None]
        return logits

    got = collect(stream_answer(model, tokenizer, prompt, max_tokens=20, logits_processors=[end_after_two]))
    assert got.final.finish_reason == "stop" and got.final.generation_tokens == 3
    assert "<end_of_turn>" not in got.text


def test_generate_four_bit_with_and_without_adapter(gemma_q4, tmp_path, capsys):
    data = write_tiny_dataset(tmp_path / "ds", n_train=4, n_valid=2, n_test=1)
    out = tmp_path / "q4-adapter"
    with compile_disabled():  # QLoRA-style: LoRA on the 4-bit base, with checkpointing and accumulation
        rc = taxqa_main(lora_args(gemma_q4, data, out, "--iters", "2", "--grad-checkpoint",
                                  "--grad-accumulation-steps", "2", "--fine-tune-type", "dora"))  # fmt: skip
    assert rc == 0
    assert json.loads((out / "adapter_config.json").read_text())["fine_tune_type"] == "dora"
    base = ["generate", "--model", str(gemma_q4), "--prompt", Q1, "--max-tokens", "6", "--quiet"]
    assert taxqa_main(base) == 0
    plain = capsys.readouterr().out
    assert taxqa_main([*base, "--adapter-path", str(out)]) == 0
    tuned = capsys.readouterr().out
    assert plain.strip() and tuned.strip()


def test_generate_user_errors(gemma, tmp_path, capsys):
    assert taxqa_main(["generate", "--model", str(tmp_path / "nothing"), "--prompt", "q"]) == 2
    assert "no such folder" in capsys.readouterr().err
    assert taxqa_main(["generate", "--model", "nobody-here/no-such-model", "--prompt", "q"]) == 2
    assert "Hugging Face Hub" in capsys.readouterr().err
    assert taxqa_main(["generate", "--model", str(gemma), "--adapter-path", str(tmp_path), "--prompt", "q"]) == 2
    assert "adapters.safetensors" in capsys.readouterr().err
    assert taxqa_main(["generate", "--model", str(gemma), "--prompt", "q", "--top-p", "0"]) == 2


# --- lora -----------------------------------------------------------------------------------


def test_lora_dataset_puts_loss_on_answers_only(gemma):
    from mlx_lm import load

    from taxqa.records import QARecord
    from taxqa.runtime.lora import tokenize_records

    _, tokenizer = load(str(gemma))
    record = QARecord(question="과세표준은?", answer="2억 5,000만원입니다.", type="calc", source="calculator")
    dataset = tokenize_records(tokenizer, [record], system=None, max_length=512)
    ids, offset = dataset.process(dataset[0])
    assert len(dataset[0]) == len(ids)  # mlx_lm sorts batches by this length
    assert tokenizer.decode(ids[offset:]) == "2억 5,000만원입니다.<end_of_turn>"
    assert "과세표준은?" in tokenizer.decode(ids[:offset]) and "2억" not in tokenizer.decode(ids[:offset])


def test_lora_trains_logs_and_changes_the_model(gemma, adapter, capsys):
    from mlx_lm import load

    from taxqa.records import read_qa
    from taxqa.runtime.backends import MLXBackend
    from taxqa.runtime.lora import tokenize_records

    names = {p.name for p in adapter.path.iterdir()}
    assert {"adapter_config.json", "adapters.safetensors", "train_log.jsonl", "training_state.json"} <= names
    assert {"0000002_adapters.safetensors", "0000004_adapters.safetensors"} <= names
    rows = [json.loads(line) for line in (adapter.path / "train_log.jsonl").read_text().splitlines()]
    train_rows = [r for r in rows if "train_loss" in r]
    assert [r["iter"] for r in train_rows] == [1, 2, 3, 4]
    for r in train_rows:
        assert {"iter", "train_loss", "tokens_per_sec", "learning_rate", "peak_memory_gb", "time"} <= set(r)
    assert any("val_loss" in r for r in rows)
    assert json.loads((adapter.path / "training_state.json").read_text()) == {"iters_done": 4}

    # mlx_lm loads the adapter as is, and it moved the model toward the training answers
    model, tokenizer = load(str(gemma), adapter_path=str(adapter.path))
    assert model is not None
    records = list(read_qa(adapter.data / "train.jsonl"))[:4]
    examples = tokenize_records(tokenizer, records, system=json.loads(
        (adapter.path / "adapter_config.json").read_text())["system_prompt"], max_length=512)  # fmt: skip

    def answer_nll(backend):
        total = 0.0
        for i in range(len(examples)):
            ids, offset = examples.process(examples[i])
            total -= sum(backend.sequence_logprobs(ids)[offset - 1 :])
        return total

    base, tuned = MLXBackend(str(gemma)), MLXBackend(str(gemma), str(adapter.path))
    assert answer_nll(tuned) < answer_nll(base) - 1.0
    # and `taxqa generate` runs with it on the fp base
    args = ["generate", "--model", str(gemma), "--adapter-path", str(adapter.path), "--prompt", Q1, "-m", "4"]
    assert taxqa_main(args) == 0
    assert "Generation: 4 tokens" in capsys.readouterr().err


def test_lora_resume_continues_counting(gemma, adapter, tmp_path):
    import shutil

    path = shutil.copytree(adapter.path, tmp_path / "resumed")  # the session's adapter stays as trained
    before = (path / "adapters.safetensors").read_bytes()
    second = (path / "0000002_adapters.safetensors").read_bytes()
    with compile_disabled():
        assert taxqa_main(lora_args(gemma, adapter.data, path, "--iters", "6", "--resume")) == 0
    assert (path / "adapters.safetensors").read_bytes() != before
    assert json.loads((path / "training_state.json").read_text()) == {"iters_done": 6}
    assert {f"{i:07d}_adapters.safetensors" for i in (2, 4, 6)} <= {p.name for p in path.iterdir()}
    assert (path / "0000002_adapters.safetensors").read_bytes() == second  # the first run's, kept
    assert not list(path.glob(".resume-*"))
    iters = [json.loads(line)["iter"] for line in (path / "train_log.jsonl").read_text().splitlines()]
    assert max(iters) == 6 and [i for i in iters if i > 4]  # appended after the first run's rows
    assert taxqa_main(lora_args(gemma, adapter.data, path, "--iters", "6", "--resume")) == 0  # nothing left


def test_lora_resumed_run_equals_an_uninterrupted_one(gemma, adapter, tmp_path):
    """2 iterations, then --resume to 4, ends where the fixture's straight 4 iterations did:
    same Adam moments (optimizer.safetensors) and the same batches (the order depends on the seed alone)."""
    import mlx.core as mx

    out = tmp_path / "ad"
    with compile_disabled():
        assert taxqa_main(lora_args(gemma, adapter.data, out, "--iters", "2")) == 0
        saved, meta = mx.load(str(out / "optimizer.safetensors"), return_metadata=True)
        assert meta["iters_done"] == "2" and saved["step"].item() == 2
        assert taxqa_main(lora_args(gemma, adapter.data, out, "--iters", "4", "--resume")) == 0
    straight = mx.load(str(adapter.path / "0000004_adapters.safetensors"))
    resumed = mx.load(str(out / "adapters.safetensors"))
    assert straight.keys() == resumed.keys()
    for name in straight:
        assert mx.allclose(straight[name], resumed[name], atol=1e-6).item(), name
    from taxqa.outputs import MARKER

    assert [p.name for p in out.glob(".*")] == [MARKER]  # no scratch or partial files left; taxqa made it


@pytest.mark.slow
def test_lora_kill_9_then_resume(gemma, adapter, tmp_path):
    """kill -9 mid-run: what is on disk is a whole checkpoint that the state file names, and
    --resume finishes from it."""
    import os
    import signal
    import subprocess
    import sys
    import time

    import mlx.core as mx

    out = tmp_path / "ad"
    argv = [sys.executable, "-m", "taxqa", *lora_args(gemma, adapter.data, out, "--iters", "400")]
    env = os.environ | {"MLX_DISABLE_COMPILE": "1"}  # see compile_disabled
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 180
    while not (out / "0000006_adapters.safetensors").exists():
        assert proc.poll() is None and time.monotonic() < deadline, "training ended before it could be killed"
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    done = json.loads((out / "training_state.json").read_text())["iters_done"]
    assert done >= 4 and done % 2 == 0
    _, meta = mx.load(str(out / "optimizer.safetensors"), return_metadata=True)
    assert int(meta["iters_done"]) >= done  # written before the state file
    assert mx.load(str(out / "adapters.safetensors"))  # whole, not torn
    resumed = subprocess.run(
        [*argv[:-1], str(done + 2), "--resume"], env=env, capture_output=True, text=True, timeout=300
    )
    assert resumed.returncode == 0, resumed.stderr
    assert f"after {done} iterations" in resumed.stderr
    assert json.loads((out / "training_state.json").read_text())["iters_done"] == done + 2


def test_lora_user_errors(gemma, tmp_path, capsys):
    data = write_tiny_dataset(tmp_path / "ds", n_train=2, n_valid=1, n_test=1)
    assert taxqa_main(lora_args(gemma, tmp_path / "missing", tmp_path / "a", "--iters", "1")) == 2
    assert "not a folder" in capsys.readouterr().err
    assert taxqa_main(lora_args(gemma, data, tmp_path / "a", "--iters", "1", "--batch-size", "3")) == 2
    assert "only 2 records" in capsys.readouterr().err
    assert taxqa_main(lora_args(gemma, data, tmp_path / "empty", "--iters", "1", "--resume")) == 2
    assert "to resume from" in capsys.readouterr().err
    assert taxqa_main(lora_args(gemma, data, tmp_path / "a", "--iters", "1", "--num-layers", "9")) == 2
    assert "the model has 2 layers" in capsys.readouterr().err


# --- chat engine ----------------------------------------------------------------------------


def test_chat_engine_streams_with_stats(gemma, adapter):
    from taxqa.runtime.chat import ChatEngine

    engine = ChatEngine(str(gemma), adapter_path=str(adapter.path))
    assert engine.model_name == str(gemma) and engine.adapter_path == str(adapter.path)
    got = collect(engine.stream(Q1, max_tokens=4))
    final = got.final
    assert final.finish_reason == "length" and final.generation_tokens == 4
    assert final.prompt_tokens == len(engine.prompt_tokens(Q1)) and final.cached_tokens == 0
    assert final.prompt_tps > 0 and final.generation_tps > 0 and final.ttft > 0 and final.peak_memory_gb > 0
    assert len(got.chunks) >= 2  # streamed, not one block
    engine.close()
    assert engine.model is None
    with pytest.raises(RuntimeError):
        list(engine.stream(Q1))
