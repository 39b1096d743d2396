"""`taxqa generate`: answer a tax question with an MLX model, mlx_lm-style.

The answer streams to stdout (text only, so it pipes); statistics go to stderr.
"""

from __future__ import annotations

import argparse
import sys

from taxqa.errors import UserError
from taxqa.modelspec import is_provider_spec
from taxqa.options import COUNT, NON_NEGATIVE_INT, PROBABILITY_OPEN, TEMPERATURE, integer, number
from taxqa.prompt import DEFAULT_SYSTEM_PROMPT, render_prompt
from taxqa.runtime.backends import CHAT_BACKENDS, chat_engine, resolve_backend
from taxqa.textio import read_text_stream, text_arg


def build_parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Generate an answer to a tax question with an MLX model (mlx_lm-style). "
        "The answer streams to stdout; prompt/generation tokens-per-second and peak memory go to stderr.",
    )
    parser.add_argument(
        "--model",
        required=True,
        help="registry name (e.g. gemma3-4b), local MLX/HF folder or hub id, or PROVIDER:MODEL[@BASE_URL] "
        "(openai, ollama, lmstudio, anthropic; keys from OPENAI_API_KEY / ANTHROPIC_API_KEY)",
    )
    parser.add_argument("--adapter-path", help="folder of an MLX LoRA adapter (what `taxqa lora` writes)")
    parser.add_argument(
        "--backend",
        choices=CHAT_BACKENDS,
        default="mlx",
        help="mlx (default), torch (transformers + a PEFT adapter unmerged; CUDA bf16 or CPU) or auto "
        "(mlx where Metal is present)",
    )
    parser.add_argument("--prompt", "-p", required=True, help="the tax question; '-' reads it from stdin")
    parser.add_argument(
        "--system-prompt", default=None, help="system prompt (default: the Korean tax-expert prompt; '' for none)"
    )
    parser.add_argument("--max-tokens", "-m", type=COUNT, default=512, help="maximum tokens to generate (default 512)")
    parser.add_argument("--temp", type=TEMPERATURE, default=0.0, help="sampling temperature (default 0: greedy)")
    parser.add_argument(
        "--top-p", type=number(0, 1, lo_open=True), default=1.0, help="nucleus sampling threshold (default 1.0: off)"
    )
    parser.add_argument("--min-p", type=PROBABILITY_OPEN, default=0.0, help="min-p sampling threshold (default 0: off)")
    parser.add_argument("--seed", type=NON_NEGATIVE_INT, default=None, help="random seed for sampling")
    parser.add_argument("--max-kv-size", type=integer(8), default=None, help="cap the KV cache (a rotating cache)")
    parser.add_argument(
        "--check",
        action="store_true",
        help="when the question is computable, run the tax calculator and report whether the answer's figures agree",
    )
    parser.add_argument(
        "--no-ground",
        action="store_true",
        help="answer from the model alone (default: the prompt carries the retrieved articles and, for a "
        "computable question, the calculator's breakdown)",
    )
    parser.add_argument("--ground-k", type=COUNT, default=4, help="articles retrieved for the grounding (default 4)")
    parser.add_argument(
        "--ground-compact",
        action="store_true",
        help="the short grounding block of `taxqa data generate --ground-compact` (one line per article, the tax "
        "to pay last): for a model trained on it, such as the demo's tiny model",
    )
    noise = parser.add_mutually_exclusive_group()
    noise.add_argument(
        "--verbose", action="store_true", help="also print the prompt and the decode rate against the roofline"
    )
    noise.add_argument("--quiet", "-q", action="store_true", help="print the answer only (no statistics)")
    return parser


def read_question(prompt: str) -> str:
    if prompt == "-":
        raw = getattr(sys.stdin, "buffer", None)  # bytes, so CP949 or broken input gets a clear answer
        question = read_text_stream(raw, "stdin") if raw is not None else text_arg(sys.stdin.read(), "stdin")
    else:
        question = text_arg(prompt, "--prompt")
    question = question.strip()
    if not question:
        raise UserError("--prompt: the question is empty" + (" (nothing on stdin)" if prompt == "-" else ""))
    return question


def check_args(args) -> None:
    if args.max_tokens < 1:
        raise UserError(f"--max-tokens {args.max_tokens}: expected at least 1")
    if args.temp < 0:
        raise UserError(f"--temp {args.temp}: expected >= 0")
    if not 0 < args.top_p <= 1:
        raise UserError(f"--top-p {args.top_p}: expected a value in (0, 1]")
    if not 0 <= args.min_p < 1:
        raise UserError(f"--min-p {args.min_p}: expected a value in [0, 1)")
    if args.ground_k < 1:
        raise UserError(f"--ground-k {args.ground_k}: expected at least 1")
    if args.max_kv_size is not None and args.max_kv_size < 8:
        raise UserError(f"--max-kv-size {args.max_kv_size}: expected at least 8")


def report_check(case, answer: str) -> None:
    """Print the calculator's verdict on the answer's figures to stderr (the question's `Case`, read once)."""
    from taxqa.amounts import format_won
    from taxqa.case import NEEDS_CHECK, flags_of
    from taxqa.tax.checking import FIELD_LABELS
    from taxqa.tax.kinds import KINDS

    verdict = case.check(answer)
    flags = flags_of(case.reading)
    if verdict is None:
        for flag in flags:  # a tax question lacking a fact: say which instead of a figure
            print(f"check: {NEEDS_CHECK}: {flag}", file=sys.stderr)
        print("check: not a computable question (no calculator scenario found)", file=sys.stderr)
        return
    if not getattr(verdict, "checked", True):
        status = "not compared"
    else:
        status = "AGREE" if verdict.agree else "DISAGREE"
    if getattr(verdict, "understood", ""):
        print(f"check: 이렇게 이해했습니다: {verdict.understood}", file=sys.stderr)
    for flag in flags:  # the calculator's figure below rests on these: not the answer until checked
        print(f"check: {NEEDS_CHECK}: {flag}", file=sys.stderr)
    print(f"check: {status} — {verdict.reason}", file=sys.stderr)
    labels = {**FIELD_LABELS, "deduction": KINDS[verdict.kind].label_of("deduction")}
    expected = ", ".join(f"{labels.get(k, k)} {format_won(v)}" for k, v in verdict.expected.items())
    reference = " (가정에 따른 참고 계산, 최종 세액이 아님)" if flags else ""
    print(f"check: calculator ({verdict.kind or 'tax'}){reference}: {expected}", file=sys.stderr)
    for assumption in verdict.assumptions:
        if assumption not in flags:
            print(f"check: assumed {assumption}", file=sys.stderr)


def grounding_line(grounding: dict) -> str:
    """One stderr line naming what the model was given to read."""
    cited = ", ".join(a["citation"] for a in grounding["articles"]) or "none"
    calc = grounding.get("calculation")
    return f"ground: articles {cited}; calculator: {calc['kind'] if calc else 'not computable'}"


def print_stats(final, model=None, verbose: bool = False) -> None:
    print("==========", file=sys.stderr)
    cached = f" ({final.cached_tokens} cached)" if final.cached_tokens else ""
    print(f"Prompt: {final.prompt_tokens} tokens{cached}, {final.prompt_tps:.3f} tokens-per-sec", file=sys.stderr)
    print(f"Generation: {final.generation_tokens} tokens, {final.generation_tps:.3f} tokens-per-sec", file=sys.stderr)
    print(f"Peak memory: {final.peak_memory_gb:.3f} GB", file=sys.stderr)
    if verbose and model is not None:
        from taxqa.runtime.roofline import memory_bandwidth, roofline_tps, weight_bytes

        nbytes = weight_bytes(model)
        bw = memory_bandwidth()
        ceiling = roofline_tps(nbytes, bw.gbs)
        print(
            f"Roofline: {final.generation_tps / ceiling:.1%} of {ceiling:.1f} tokens-per-sec "
            f"({nbytes / 1e9:.3f} GB of weights per token at {bw.gbs:.0f} GB/s, {bw.source})",
            file=sys.stderr,
        )
        print(f"Time to first token: {final.ttft:.3f} s, finish: {final.finish_reason}", file=sys.stderr)


def write_answer(chunks) -> tuple[str, object]:
    """Stream the answer's text to stdout; (answer, last chunk with the statistics)."""
    answer, final = [], None
    for chunk in chunks:
        if chunk.text:
            answer.append(chunk.text)
            sys.stdout.write(chunk.text)
            sys.stdout.flush()
        if chunk.done:
            final = chunk
    sys.stdout.write("\n")
    sys.stdout.flush()
    return "".join(answer), final


def generate_remote(args, question: str, grounding: dict | None, check) -> int:
    """The answer from a provider model (`--model openai:…`, `ollama:…`, `lmstudio:…`, `anthropic:…`);
    ``check(answer)`` reports the calculator's verdict (with --check)."""
    if args.max_kv_size is not None:
        raise UserError("--max-kv-size: a provider model's server manages its own cache")
    engine = chat_engine(args.backend, args.model, args.adapter_path)  # the one door: a RemoteEngine
    if args.verbose:
        from taxqa.prompt import user_text

        print(f"==========\n{user_text(question, grounding)}\n==========", file=sys.stderr)
    try:
        answer, final = stream_answer(engine, question, grounding, args)
    finally:
        engine.close()
    if final is not None and not args.quiet:
        cost = "not priced" if engine.cost_usd is None else f"${engine.cost_usd:.5f}"
        print("==========", file=sys.stderr)
        print(f"Prompt: {final.prompt_tokens} tokens; time to first token {final.ttft:.3f} s", file=sys.stderr)
        print(
            f"Generation: {final.generation_tokens} tokens, {final.generation_tps:.3f} tokens-per-sec", file=sys.stderr
        )
        print(f"Model: {engine.spec.label}; finish: {final.finish_reason}; cost {cost}", file=sys.stderr)
    if args.check:
        check(answer)
    return 0


def stream_answer(engine, question: str, grounding: dict | None, args: argparse.Namespace):
    """(answer, last chunk): the answer streamed to stdout with the command line's sampling options
    (a provider engine leaves out what its API lacks, such as ``min_p``)."""
    chunks = engine.stream(
        question,
        grounding=grounding,
        system=args.system_prompt,
        max_tokens=args.max_tokens,
        temp=args.temp,
        top_p=args.top_p,
        min_p=args.min_p,
        seed=args.seed,
    )
    return write_answer(chunks)


def main(argv: list[str] | None = None, prog: str = "taxqa generate") -> int:
    args = build_parser(prog).parse_args(argv)
    check_args(args)
    question = read_question(args.prompt)
    from taxqa.case import read_case

    # read and computed once, and only when the grounding or the check needs it (the analyser costs seconds)
    case = (
        read_case(question, k=args.ground_k, retrieve=not args.no_ground) if args.check or not args.no_ground else None
    )
    grounding = None if args.no_ground else case.grounding()
    if grounding is not None and not args.quiet:
        print(grounding_line(grounding), file=sys.stderr)
    if grounding is not None and args.ground_compact:
        from taxqa.datagen.grounded import compact_grounding

        grounding = compact_grounding(grounding)  # the block the model was trained on
    if is_provider_spec(args.model):
        return generate_remote(args, question, grounding, lambda answer: report_check(case, answer))
    backend = resolve_backend(args.backend, args.model, args.adapter_path)
    if args.max_kv_size is not None and backend != "mlx":
        raise UserError("--max-kv-size: only --backend mlx has a rotating KV cache")
    options = {"max_kv_size": args.max_kv_size} if args.max_kv_size is not None else {}
    engine = chat_engine(backend, args.model, args.adapter_path, **options)
    if args.verbose:
        system = DEFAULT_SYSTEM_PROMPT if args.system_prompt is None else args.system_prompt
        text = render_prompt(engine.tokenizer, question, system=system or None, grounding=grounding)
        print(f"==========\n{text}\n==========", file=sys.stderr)
    answer, final = stream_answer(engine, question, grounding, args)
    if final is not None and not args.quiet:
        print_stats(final, engine.model if backend == "mlx" else None, args.verbose)
    if args.check:
        report_check(case, answer)
    return 0


if __name__ == "__main__":
    from taxqa.cli import run_command

    sys.exit(run_command("taxqa.runtime.generate", sys.argv[1:], "taxqa generate"))
