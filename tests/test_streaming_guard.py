"""What reaches an answer: never a special token's text, and never a prompt past the model's context."""

from __future__ import annotations

import pytest

pytest.importorskip("mlx.core")

from taxqa.errors import UserError  # noqa: E402


@pytest.fixture(scope="module")
def loaded(tiny_model):
    from taxqa.runtime.loading import load_model

    return load_model(str(tiny_model("gemma3")))


def forced(prompt_len: int, ids: list[int]):
    """A logits processor making the real model emit ``ids`` in order (then whatever it likes)."""
    import mlx.core as mx

    def process(tokens, logits):
        step = len(tokens) - prompt_len
        if 0 <= step < len(ids):
            return mx.where(mx.arange(logits.shape[-1]) == ids[step], 100.0, -100.0)[None]
        return logits

    return process


def test_special_tokens_never_reach_the_answer(loaded):
    from taxqa.prompt import encode_prompt, render_prompt
    from taxqa.runtime.streaming import stream_answer

    model, tokenizer = loaded
    prompt = encode_prompt(tokenizer, render_prompt(tokenizer, "부모님께 증여받으면?"))
    word = tokenizer.encode("부모님께", add_special_tokens=False)
    sot, bos, eot = (tokenizer.convert_tokens_to_ids(t) for t in ("<start_of_turn>", "<bos>", "<end_of_turn>"))
    ids = [sot, *word, bos, sot, *word, eot]
    chunks = list(stream_answer(model, tokenizer, prompt, max_tokens=30, logits_processors=[forced(len(prompt), ids)]))
    text = "".join(c.text for c in chunks)
    assert text == "부모님께부모님께"
    assert chunks[-1].finish_reason == "stop"


def test_a_prompt_past_the_context_is_refused(loaded):
    from taxqa.runtime.streaming import check_prompt_fits, context_length, stream_answer

    model, tokenizer = loaded
    limit = context_length(model)
    assert limit == 4096  # the tiny gemma3's max_position_embeddings
    check_prompt_fits(model, limit - 1)
    with pytest.raises(UserError, match="context is 4096 tokens"):
        list(stream_answer(model, tokenizer, [5] * (limit + 10), max_tokens=5))
