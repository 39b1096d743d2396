"""A short pre-training of a tiny checkpoint (`taxqa demo-model --train-on FILE`).

A random-weight model cannot learn, in the few LoRA steps a CPU allows, the one skill grounding
needs: to copy the calculator's figure and the governing article from the context block into the
answer. So before LoRA the tiny model is trained in full, for a few hundred steps, on the QA
records it is given (rendered by the one prompt renderer, with their grounding, exactly as
training and evaluation render them) and on a little of the embedded corpus. The loss is the
language-model loss on the whole example plus the loss on the answer alone (``loss="both"``), or the
answer's alone (``loss="answer"``, no corpus): the demo's choice, with which the copying skill formed
for every seed tried in bench/bench_copy_skill.py (BENCHMARKS.md §15, round 4).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path

from taxqa.errors import UserError


def read_training_records(path: str | Path) -> list:
    """QA records of a JSONL file or a dataset folder (its train.jsonl)."""
    from taxqa.records import QARecord, read_jsonl

    path = Path(path)
    if path.is_dir():
        path = path / "train.jsonl"
    if not path.is_file():
        raise UserError(f"--train-on {path}: no such file (expected QA records in JSONL or a dataset folder)")
    records = [QARecord.from_dict(obj, where=f"{path}:{n}") for n, obj in read_jsonl(path)]
    if not records:
        raise UserError(f"--train-on {path}: no records")
    return records


def record_texts(records: list) -> list[str]:
    """The text of each record as the model reads it (context block, question, answer): tokenizer training."""
    from taxqa.prompt import user_text

    return [f"{user_text(r.question, r.grounding)}\n\n{r.answer}" for r in records]


def answer_head(answer: str) -> str:
    """The answer's first paragraph (where the figure is stated) and its article line ("관련 조문: …"):
    the part a tiny model must get right, without the long breakdown it would spend its steps on."""
    paragraphs = [p.strip() for p in answer.strip().split("\n\n") if p.strip()]
    if not paragraphs:
        return answer
    head = paragraphs[0]
    cited = [line for line in answer.splitlines() if line.startswith("관련 조문") and line not in head]
    return "\n".join([head, *cited])


def encode_records(tokenizer, records: list, *, max_length: int, system: str | None) -> list[tuple[list[int], int]]:
    from taxqa.prompt import encode_example

    examples = []
    for r in records:
        answer = answer_head(r.answer)
        examples.append(encode_example(tokenizer, r.question, answer, system=system,
                                       max_length=max_length, grounding=r.grounding))  # fmt: skip
    return examples


def with_random_figure(record, rng: random.Random):
    """``record``'s (answer, grounding) with the block's last figure (the tax to pay) replaced, in the
    block and in the answer alike, by a random amount of 10만 to 100억원; None when the block has no
    figure the answer states. On such an example only copying from the block predicts the answer's
    figure: a model trained on a few hundred records otherwise learns each question's figure by heart
    and copies nothing on new ones (BENCHMARKS.md §15, rounds 5-6)."""
    import copy

    from taxqa.amounts import format_won

    steps = (((record.grounding or {}).get("calculation") or {}).get("result") or {}).get("steps") or ()
    if not steps:
        return None
    old = format_won(steps[-1]["amount"])
    if old not in record.answer:
        return None
    amount = int(10 ** rng.uniform(5, 10))
    amount -= amount % 10 ** rng.randint(1, 4)
    grounding = copy.deepcopy(record.grounding)
    grounding["calculation"]["result"]["steps"][-1]["amount"] = amount
    return record.answer.replace(old, format_won(amount)), grounding


def encode_corpus(tokenizer, texts: list[str], *, max_length: int, n: int) -> list[tuple[list[int], int]]:
    """Up to ``n`` corpus chunks of ``max_length`` tokens (no answer part: start = len)."""
    chunks = []
    for text in texts:
        ids = list(tokenizer.encode(text, add_special_tokens=True))
        for i in range(0, len(ids) - 16, max_length):
            chunks.append((ids[i : i + max_length], 0))
            if len(chunks) >= n:
                return chunks
    return chunks


def pretrain(
    model,
    tokenizer,
    records: list,
    corpus: list[str],
    *,
    steps: int,
    lr: float,
    batch_size: int = 8,
    max_length: int = 768,
    seed: int = 0,
    loss: str = "both",
    warmup: int = 0,
    random_figures: float = 0.0,
    system_prompt: str | None = None,
    log: Callable[[str], None] | None = None,
) -> dict:
    """Train ``model`` in place; returns {steps, first_loss, last_loss, seconds}. ``random_figures``: the
    share of record examples drawn with a random figure in place of the block's (`with_random_figure`).
    ``system_prompt``: None trains with the one generation uses, "" with no system turn (as `taxqa eval`)."""
    import torch

    from taxqa.prompt import DEFAULT_SYSTEM_PROMPT

    system = DEFAULT_SYSTEM_PROMPT if system_prompt is None else system_prompt or None

    # Matrices this small gain nothing from a second thread and lose to its synchronisation (measured
    # on 2 shared cores: 0.8 s a step on one thread, 2.0 s on two); restored afterwards.
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        return _pretrain(model, tokenizer, records, corpus, steps=steps, lr=lr, batch_size=batch_size,
                         max_length=max_length, seed=seed, loss=loss, warmup=warmup,
                         random_figures=random_figures, system=system, log=log)  # fmt: skip
    finally:
        torch.set_num_threads(threads)


def _schedule(opt, steps: int, lr: float, warmup: int):
    """A linear warm-up then a constant rate (``warmup`` > 0: how the copying skill formed fastest in
    bench/bench_copy_skill.py), else a one-cycle schedule."""
    import torch

    if warmup > 0:
        return torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / warmup))
    return torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=lr, total_steps=steps, pct_start=0.1)


def train_step(model, opt, sched, batch: list[tuple[list[int], int]], pad: int, loss: str = "both") -> float:
    """One optimiser step on ``batch`` ((token ids, where the answer starts; 0 for none) each): the loss on
    the answer, plus the whole sequence's with ``loss="both"``; gradients clipped at 1.0. Returns the loss."""
    import torch

    width = max(len(ids) for ids, _ in batch)
    ids = torch.full((len(batch), width), pad, dtype=torch.long)
    mask = torch.zeros((len(batch), width), dtype=torch.long)
    answer = torch.zeros((len(batch), width), dtype=torch.bool)
    for row, (tokens, first) in enumerate(batch):
        ids[row, : len(tokens)] = torch.tensor(tokens)
        mask[row, : len(tokens)] = 1
        if first:
            answer[row, first : len(tokens)] = True
    target, valid, on_answer = ids[:, 1:], mask[:, 1:].bool(), answer[:, 1:]
    if loss == "answer" and on_answer.any() and hasattr(model, "lm_head"):
        total = torch.nn.functional.cross_entropy(_answer_logits(model, ids, mask, on_answer), target[on_answer])
    else:
        logits = model(input_ids=ids, attention_mask=mask).logits[:, :-1].float()
        nll = torch.nn.functional.cross_entropy(logits.transpose(1, 2), target, reduction="none")
        on_answer_loss = nll[on_answer].mean() if on_answer.any() else nll.new_zeros(())
        total = on_answer_loss if loss == "answer" else nll[valid].mean() + on_answer_loss
    total.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
    sched.step()
    opt.zero_grad(set_to_none=True)
    return total.item()


def _answer_logits(model, ids, mask, on_answer):
    """The logits of the answer's positions alone, as the model's own forward computes them (output
    head, then its soft-capping): with the answer loss the other positions' logits are never used, and
    with a vocabulary of 2,636 the output head costs about as much as the two layers of the demo's model."""
    import torch

    hidden = model.model(input_ids=ids, attention_mask=mask).last_hidden_state[:, :-1]
    logits = model.lm_head(hidden[on_answer]).float()
    cap = getattr(model.config, "final_logit_softcapping", None)
    return torch.tanh(logits / cap) * cap if cap else logits


def _pretrain(model, tokenizer, records, corpus, *, steps, lr, batch_size, max_length, seed, loss, warmup,
              random_figures, system, log):  # fmt: skip
    import torch

    from taxqa.prompt import encode_example

    def draw(i: int) -> tuple[list[int], int]:
        """Record ``i``'s example, with a random figure in ``random_figures`` of the draws."""
        if random_figures and rng.random() < random_figures:
            variant = with_random_figure(records[i], rng)
            if variant is not None:
                answer, grounding = variant
                return encode_example(tokenizer, records[i].question, answer_head(answer),
                                      system=system, max_length=max_length, grounding=grounding)  # fmt: skip
        return examples[i]

    examples = encode_records(tokenizer, records, max_length=max_length, system=system)
    answer_only = len(examples)
    if loss == "both":  # corpus chunks have no answer part: only the whole-sequence loss learns from them
        examples += encode_corpus(tokenizer, corpus, max_length=max_length // 2, n=max(1, len(examples) // 8))
    rng = random.Random(seed)
    torch.manual_seed(seed)
    model.train()
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.0, betas=(0.9, 0.98))
    sched = _schedule(opt, steps, lr, warmup)
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
    start, losses = time.perf_counter(), []
    for step in range(steps):
        # mostly records (the skill), some corpus chunks (the language)
        batch = [draw(rng.randrange(answer_only)) if rng.random() < 0.9 else rng.choice(examples)
                 for _ in range(batch_size)]  # fmt: skip
        total = train_step(model, opt, sched, batch, pad, loss)
        losses.append(total)
        if log and (step + 1) % max(1, steps // 5) == 0:
            recent = losses[-max(1, steps // 5) :]
            log(f"pre-training step {step + 1}/{steps}: loss {sum(recent) / len(recent):.3f}")
    model.eval()
    return {
        "steps": steps,
        "first_loss": round(losses[0], 4) if losses else None,
        "last_loss": round(sum(losses[-10:]) / len(losses[-10:]), 4) if losses else None,
        "seconds": round(time.perf_counter() - start, 1),
        "loss": loss,
        "warmup": warmup,
        "random_figures": random_figures,
        "system_prompt": system or "",
        "records": answer_only,
        "corpus_chunks": len(examples) - answer_only,
    }
