"""Can a tiny demo checkpoint learn the copying skill grounding needs, and how many steps does it take?

Issue #28 asks the demo's tiny model to copy the calculator's figure from the grounding block. This
bench isolates that skill from everything else: each example is a block of labelled figures (the
calculator's wording, `format_won` amounts, random values) and one question about one label; the
answer must repeat that label's figure. The model is the demo's own (`taxqa.tiny`: tokenizer trained
on the bundled statutes with digits split, a random-weight Gemma3 text model), trained in full with
AdamW on the answer loss plus the language-model loss, and judged by greedy decoding on fresh
examples: the first amount of the answer must equal the figure, to the won.

    python bench/bench_copy_skill.py                         # 2x128, 800 steps, checked every 200
    python bench/bench_copy_skill.py --size 4x256 --heads 4 --lr 1e-3 --steps 400
    python bench/bench_copy_skill.py --quick                 # 40 steps: the bench runs at all

The recipe that copies in 600 steps (BENCHMARKS.md section 15): digit groups as tokens, the asked
label fixed and last in the block (the demo asks the payable figure), the answer loss alone, 4 heads
with 4 kv heads, rope 1e4, lr 6e-3 after a short warm-up (0.65-0.90 over three seeds):

    python bench/bench_copy_skill.py --numbers groups --ask "납부할 세액" --no-bullet --lr 6e-3 \
        --warmup 30 --loss answer --heads 4 --kv-heads 4 --rope 10000 --steps 600 --every 200 --checks 20

A flat loss and 0 right over the steps the demo can afford (a few hundred) means the copying circuit
has not formed yet: the demo's figures cannot be better than that.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import print_table, write_result  # noqa: E402

LABELS = ("과세표준", "산출세액", "공제", "납부할 세액", "가산세")


def example(rng: random.Random, n_labels: int, bullet: str = "- ", asked: str = "") -> tuple[str, str, int]:
    """(prompt, answer, figure): ``n_labels`` labelled figures, each line after ``bullet`` ("" puts a label at
    its line's start, tokenized as in the question), and a question about one: ``asked`` (last in the block;
    the demo asks the payable figure) or any."""
    from taxqa.amounts import format_won

    labels = rng.sample([x for x in LABELS if x != asked], n_labels - bool(asked)) + ([asked] if asked else [])
    values = {label: rng.randrange(1, 10 ** rng.randint(4, 10)) * 1000 for label in labels}
    block = "\n".join(f"{bullet}{label}: {format_won(v)}" for label, v in values.items())
    asked = asked or rng.choice(labels)
    return f"{block}\n\n{asked}은 얼마인가요?\n", f"{asked}은 {format_won(values[asked])}입니다.", values[asked]


def build(args):
    import torch
    import transformers as tf

    from taxqa.tiny import parse_size
    from taxqa.tiny_model import gemma_text_config
    from taxqa.tiny_tokenizer import tokenizer_training_text, train_tokenizer

    kwargs = {"numbers": args.numbers} if args.numbers != "digits" else {}
    tokenizer = train_tokenizer("gemma3", args.vocab, tokenizer_training_text(), **kwargs)
    layers, hidden = parse_size(args.size)
    torch.manual_seed(args.seed)
    config = gemma_text_config(len(tokenizer), layers, hidden, tokenizer)
    if args.heads:
        config.num_attention_heads = config.num_key_value_heads = args.heads
        config.head_dim = config.query_pre_attn_scalar = hidden // args.heads
    if args.kv_heads:
        config.num_key_value_heads = args.kv_heads
    if args.rope:
        for rope in config.rope_parameters.values():
            rope["rope_theta"] = args.rope
    return tokenizer, tf.Gemma3ForCausalLM(config)


def accuracy(model, tokenizer, rng: random.Random, n: int, shape: dict) -> float:
    import torch

    from taxqa.amounts import iter_amounts

    right = 0
    model.eval()
    with torch.no_grad():
        for i in range(n):
            prompt, _, figure = example(rng, **shape)
            ids = torch.tensor([tokenizer.encode(prompt, add_special_tokens=True)])
            out = model.generate(ids, max_new_tokens=24, do_sample=False)
            text = tokenizer.decode(out[0, ids.shape[1] :], skip_special_tokens=True)
            first = next(iter_amounts(text), None)
            if i == 0:  # one sample answer per check
                print(f"  wanted {figure:,}, said {text!r}", flush=True)
            right += first is not None and first.value == figure
    model.train()
    return right / n


def train(args) -> list[dict]:
    import torch

    from taxqa.tiny_pretrain import train_step

    torch.set_num_threads(1)  # a tiny model loses more to a second thread than it gains (BENCHMARKS 15)
    shape = {"n_labels": args.labels, "bullet": "" if args.no_bullet else "- ", "asked": args.ask}
    tokenizer, model = build(args)
    rng, held_out = random.Random(args.seed), random.Random(args.seed + 1)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.0, betas=(0.9, 0.98))
    warm = max(1, args.warmup)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / warm))
    rows, start = [], time.perf_counter()
    for step in range(1, args.steps + 1):
        n_labels = (
            min(args.labels, 1 + step * args.labels // max(1, args.curriculum)) if args.curriculum else args.labels
        )
        batch = []
        for _ in range(args.batch):
            prompt, answer, _ = example(rng, **{**shape, "n_labels": n_labels})
            p = tokenizer.encode(prompt, add_special_tokens=True)
            batch.append((p + tokenizer.encode(answer, add_special_tokens=False), len(p)))
        loss = train_step(model, opt, sched, batch, pad=0, loss=args.loss)
        if step % args.every == 0 or step == args.steps:
            right = accuracy(model, tokenizer, held_out, args.checks, shape)
            rows.append({"step": step, "loss": round(loss, 3), "right": right,
                         "seconds": round(time.perf_counter() - start, 1)})  # fmt: skip
            print(f"step {step}: loss {loss:.3f}, right {right:.2f}", flush=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="2x128", help="LAYERSxHIDDEN of the tiny Gemma3 (default: the demo's 2x128)")
    parser.add_argument("--heads", type=int, default=0, help="attention heads (default: taxqa.tiny_model's choice)")
    parser.add_argument("--vocab", type=int, default=1536, help="tokenizer size (default: the demo's 1536)")
    parser.add_argument("--steps", type=int, default=800)
    parser.add_argument("--every", type=int, default=200, help="check every N steps")
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--lr", type=float, default=3e-3)
    parser.add_argument("--checks", type=int, default=30, help="fresh examples per check")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--numbers",
        default="digits",
        choices=("digits", "groups", "runs"),
        help="how the tokenizer cuts numbers (taxqa.tiny_tokenizer.train_tokenizer)",
    )
    parser.add_argument(
        "--loss", default="both", choices=("both", "answer"), help="answer loss, plus the whole sequence's"
    )
    parser.add_argument("--warmup", type=int, default=0, help="linear warm-up steps")
    parser.add_argument("--kv-heads", type=int, default=0)
    parser.add_argument("--rope", type=float, default=0, help="rope_theta of every layer (default Gemma3's)")
    parser.add_argument(
        "--curriculum", type=int, default=0, help="grow the block from 1 to --labels labels over N steps"
    )
    parser.add_argument("--labels", type=int, default=len(LABELS), help="labelled figures in a block (1-5)")
    parser.add_argument("--ask", default="", choices=("", *LABELS), help="always ask this label (it comes last)")
    parser.add_argument("--no-bullet", action="store_true", help="labels at line start, no '- '")
    parser.add_argument("--quick", action="store_true", help="40 steps, 5 checks: the bench runs at all")
    parser.add_argument("--json", help="write the result here (default bench/results/copy_skill.json)")
    args = parser.parse_args(argv)
    if args.quick:
        args.steps, args.every, args.checks = 40, 40, 5
    rows = train(args)
    print_table(f"Copying a labelled figure: tiny Gemma3 {args.size}, lr {args.lr}, batch {args.batch}",
                ["step", "loss", "right", "seconds"], [[r["step"], r["loss"], r["right"], r["seconds"]] for r in rows])  # fmt: skip
    write_result("copy_skill", {"args": vars(args), "rows": rows}, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
