"""--backend torch: transformers + a PEFT adapter left unmerged, in the chat engine, `taxqa generate`,
the chat app's model thread and `taxqa serve`; --backend auto."""

from __future__ import annotations

import sys
from functools import partial

import pytest

torch = pytest.importorskip("torch")
peft = pytest.importorskip("peft")


@pytest.fixture(scope="module")
def adapter(tiny_model, tmp_path_factory):
    """A PEFT LoRA adapter on the tiny gemma3 with random (non-zero) B matrices, so it changes the answers."""
    from transformers import AutoModelForCausalLM

    base = tiny_model("gemma3")
    model = AutoModelForCausalLM.from_pretrained(base, dtype=torch.float32)
    torch.manual_seed(0)  # lora_A's initialisation: the same adapter on every run
    lora = peft.get_peft_model(model, peft.LoraConfig(r=4, lora_alpha=8, target_modules=["q_proj", "v_proj", "o_proj"]))
    generator = torch.Generator().manual_seed(0)
    with torch.no_grad():
        for name, param in lora.named_parameters():
            if "lora_B" in name:
                param.copy_(torch.randn(param.shape, generator=generator) * 0.5)
    out = tmp_path_factory.mktemp("peft-adapter")
    lora.save_pretrained(out)
    return base, out


def reference_answer(base, adapter_dir, prompt_ids, max_new_tokens):
    """What peft + transformers' own generate() says (greedy): its text, its model, the full token ids, and
    how many leading steps chose clearly (best logit over the second by more than 1e-3)."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from taxqa.runtime.backends import torch_stop_ids

    tokenizer = AutoTokenizer.from_pretrained(base)
    model = AutoModelForCausalLM.from_pretrained(base, dtype=torch.float32)
    model = peft.PeftModel.from_pretrained(model, adapter_dir).eval()
    stops = torch_stop_ids(tokenizer)
    ids = torch.tensor([prompt_ids])
    with torch.no_grad():
        out = model.generate(
            input_ids=ids, attention_mask=torch.ones_like(ids), max_new_tokens=max_new_tokens, do_sample=False,
            eos_token_id=stops, pad_token_id=stops[0], output_scores=True, return_dict_in_generate=True,
        )  # fmt: skip
    gaps = [float(top[0] - top[1]) for top in (step[0].topk(2).values for step in out.scores)]
    clear = next((i for i, gap in enumerate(gaps) if gap <= 1e-3), len(gaps))
    new = out.sequences[0, len(prompt_ids) :].tolist()
    if new and new[-1] in stops:
        new = new[:-1]
    return tokenizer.decode(new, skip_special_tokens=False), model, out.sequences, clear


def test_torch_engine_runs_the_adapter_unmerged_and_matches_peft_generate(adapter):
    from taxqa.runtime.torch_chat import TorchChatEngine

    base, adapter_dir = adapter
    engine = TorchChatEngine(str(base), str(adapter_dir))
    assert isinstance(engine.model, peft.PeftModel)  # not merged into the base weights
    assert any("lora_A" in name for name, _ in engine.model.named_parameters())
    question = "증여세는 어떻게 계산하나요?"
    chunks = list(engine.stream(question, max_tokens=12))
    final = chunks[-1]
    assert final.done and final.finish_reason in ("stop", "length") and final.generation_tokens <= 12
    prompt = engine.prompt_tokens(question)
    _, reference, sequence, clear = reference_answer(base, adapter_dir, prompt, 12)
    with torch.no_grad():  # the same numbers as peft's own model, position by position
        assert torch.allclose(engine.model(input_ids=sequence).logits, reference(input_ids=sequence).logits, atol=1e-4)
    # Random weights leave near-ties that another thread count may break either way: the engine's own
    # decoding loop must give peft's greedy tokens over the steps where peft's choice was clear.
    assert clear >= 3
    expected = reference_answer(base, adapter_dir, prompt, clear)[0]
    assert "".join(c.text for c in engine.stream(question, max_tokens=clear)) == expected
    plain = TorchChatEngine(str(base))
    assert "".join(c.text for c in plain.stream(question, max_tokens=12)) != "".join(c.text for c in chunks)


def test_torch_engine_seed_cancel_and_stop(tiny_model):
    from taxqa.runtime.torch_chat import TorchChatEngine

    engine = TorchChatEngine(str(tiny_model("gemma3")))

    def answer(**kw):
        return "".join(c.text for c in engine.stream("상속세?", max_tokens=16, **kw))

    assert answer(temp=1.2, seed=5) == answer(temp=1.2, seed=5)
    greedy = answer()
    assert answer(temp=1.2, top_p=1e-6, seed=1) == greedy
    stop = greedy[6:8]
    assert answer(stop=[stop]) == greedy[: greedy.find(stop)].rstrip()
    calls = []
    chunks = list(engine.stream("상속세?", max_tokens=16, should_stop=lambda: len(calls.append(1) or calls) > 3))
    assert chunks[-1].finish_reason == "cancelled" and chunks[-1].generation_tokens == 3


def test_auto_backend_picks_torch_without_metal():
    from taxqa.errors import UserError
    from taxqa.runtime.backends import has_metal, resolve_backend

    if sys.platform == "linux":
        assert not has_metal() and resolve_backend("auto") == "torch"
    assert resolve_backend("mlx") == "mlx" and resolve_backend("torch") == "torch"
    with pytest.raises(UserError, match="--backend"):
        resolve_backend("tpu")


def test_generate_backend_torch_prints_the_engines_answer(adapter, capsys):
    from taxqa.runtime.generate import main
    from taxqa.runtime.torch_chat import TorchChatEngine

    base, adapter_dir = adapter
    argv = ["--model", str(base), "--adapter-path", str(adapter_dir), "-p", "양도소득세?", "-m", "10", "--no-ground"]
    argv += ["--backend"]
    assert main([*argv, "torch"]) == 0
    out, err = capsys.readouterr()
    expected = "".join(
        c.text for c in TorchChatEngine(str(base), str(adapter_dir)).stream("양도소득세?", max_tokens=10)
    )
    assert out == expected + "\n"
    assert "Generation:" in err and "tokens-per-sec" in err


def test_generate_torch_refuses_an_mlx_adapter(tiny_model, tmp_path):
    from taxqa.errors import UserError
    from taxqa.runtime.generate import main

    (tmp_path / "adapter_config.json").write_text('{"fine_tune_type": "lora"}', encoding="utf-8")
    with pytest.raises(UserError, match="PEFT adapter"):
        main(["--model", str(tiny_model("gemma3")), "--adapter-path", str(tmp_path), "-p", "x", "--backend", "torch"])


def test_tui_model_thread_on_the_torch_backend(adapter):
    import queue

    from taxqa.runtime.backends import chat_engine
    from tui.app import build_parser
    from tui.model_thread import Finished, Loaded, ModelThread, Token

    assert build_parser().parse_args(["--backend", "torch"]).backend == "torch"
    base, adapter_dir = adapter
    events: queue.Queue = queue.Queue()
    thread = ModelThread(events.put, partial(chat_engine, "torch"))
    try:
        thread.load(str(base), str(adapter_dir))
        thread.generate("증여세?", max_tokens=6)
        seen = []
        while not seen or not isinstance(seen[-1], Finished):
            seen.append(events.get(timeout=60))
        assert any(isinstance(e, Loaded) for e in seen) and any(isinstance(e, Token) for e in seen)
    finally:
        thread.stop()


def test_serve_on_torch_with_the_adapter(adapter):
    openai = pytest.importorskip("openai")
    from taxqa.runtime.torch_chat import TorchChatEngine
    from taxqa.serve.cli import BackgroundServer, build_parser, make_app, make_worker

    base, adapter_dir = adapter
    args = build_parser("taxqa serve").parse_args(
        ["--model", str(base), "--adapter-path", str(adapter_dir), "--backend", "torch", "--served-model-name", "t"]
    )
    worker = make_worker(args)
    server = BackgroundServer(make_app(args, worker))
    try:
        client = openai.OpenAI(base_url=f"{server.url}/v1", api_key="x", max_retries=0)
        reply = client.chat.completions.create(
            model="t", messages=[{"role": "user", "content": "부가세?"}], max_tokens=8, extra_body={"ground": False}
        )
    finally:
        server.close()
        worker.close()
    expected = "".join(c.text for c in TorchChatEngine(str(base), str(adapter_dir)).stream("부가세?", max_tokens=8))
    assert reply.choices[0].message.content == expected
