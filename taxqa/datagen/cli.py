"""`taxqa data`: generate, check, split and import Q&A datasets."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from taxqa.errors import UserError
from taxqa.options import COUNT, FRACTION, NON_NEGATIVE, NON_NEGATIVE_INT, POSITIVE, TEMPERATURE, integer, price_pair
from taxqa.outputs import check_output_file, jsonl_of
from taxqa.textio import check_regular

MAX_ITEMS = 1_000_000  # more is a typo (1e11 items would fill memory before the first request)
EXIT_FAILED_ITEMS = 1
EXIT_BUDGET = 3


def _parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description="Generate, check, split and import Q&A datasets.")
    sub = parser.add_subparsers(dest="action", required=True, metavar="{generate,check,split,import}")

    gen = sub.add_parser(
        "generate",
        help="generate Q&A with an LLM (distill) or from the tax calculators (calc)",
        description="Append generated Q&A records to -o; re-running the same command resumes where it stopped. "
        f"Exit codes: 0 all done, {EXIT_FAILED_ITEMS} some items failed after retries (re-run to retry), "
        f"{EXIT_BUDGET} --max-cost reached.",
    )
    gen.add_argument(
        "--mode",
        choices=("distill", "calc"),
        required=True,
        help="distill: an LLM writes Q&A from statute passages; calc: Q&A from the tax calculators (no LLM needed)",
    )
    gen.add_argument(
        "--provider",
        choices=("openai", "anthropic", "openai-compatible"),
        help="LLM API to call (distill needs one; calc uses one only to reword answers)",
    )
    gen.add_argument("--model", help="model name (default: config file, else gpt-4o-mini / claude-haiku-4-5)")
    gen.add_argument("--base-url", help="API base URL, e.g. http://127.0.0.1:8080/v1 for mlx_lm.server or Ollama")
    gen.add_argument(
        "--config",
        help="YAML config with keys (default: $TAXQA_CONFIG, else taxqa/config.yaml in the user config folder)",
    )
    gen.add_argument(
        "--api-key-env", help="environment variable holding the key (default OPENAI_API_KEY / ANTHROPIC_API_KEY)"
    )
    gen.add_argument("--passages", help="passages.jsonl for distill (default: the embedded corpus)")
    gen.add_argument(
        "--n",
        type=integer(1, MAX_ITEMS),
        help=f"distill: passages to use (2 items each; default all); calc: items (default 100, at most {MAX_ITEMS:,})",
    )
    gen.add_argument(
        "--seed", type=NON_NEGATIVE_INT, default=0, help="passage order / scenario sampling seed (default 0)"
    )
    gen.add_argument("--concurrency", type=COUNT, default=8, help="requests in flight (default 8)")
    gen.add_argument("--max-cost", type=NON_NEGATIVE, help="stop starting new requests once this many USD are spent")
    gen.add_argument(
        "--price", type=price_pair, help="INPUT,OUTPUT USD per 1M tokens, overriding the built-in price table"
    )
    gen.add_argument("--timeout", type=POSITIVE, default=120.0, help="seconds per request (default 120)")
    gen.add_argument(
        "--max-retries", type=NON_NEGATIVE_INT, default=6, help="retries per item on 429/5xx/timeouts (default 6)"
    )
    gen.add_argument("--retry-base", type=NON_NEGATIVE, default=1.0, help="first backoff in seconds (default 1)")
    gen.add_argument("--max-tokens", type=COUNT, default=2048, help="most tokens per reply (default 2048)")
    gen.add_argument("--temperature", type=TEMPERATURE, help="sampling temperature (default: the model's)")
    gen.add_argument("--no-json-mode", action="store_true", help="do not ask for JSON mode / tool use")
    gen.add_argument("--no-progress", action="store_true", help="no progress bar")
    gen.add_argument("-o", "--output", required=True, help="raw.jsonl (appended to)")
    ground = gen.add_argument_group("grounding mix (calc mode; recorded in each record's meta and the dataset card)")
    ground.add_argument("--grounded", type=FRACTION, default=0.5, help="share with articles + breakdown (default 0.5)")
    ground.add_argument(
        "--distractor", type=FRACTION, default=0.2, help="share with articles of other taxes mixed in (default 0.2)"
    )
    ground.add_argument(
        "--missing",
        type=FRACTION,
        default=0.15,
        help="share of questions lacking a fact; answer says what (default 0.15)",
    )
    ground.add_argument("--ground-k", type=COUNT, default=4, help="articles per grounded item (default 4)")
    ground.add_argument("--ground-chars", type=COUNT, default=1600, help="characters of article text (default 1600)")
    ground.add_argument("--no-ground", action="store_true", help="no grounding at all (every item plain)")
    ground.add_argument(
        "--ground-compact",
        action="store_true",
        help="a short block for tiny models: one line per article, the breakdown ending with the tax to pay "
        "labelled '납부할 세액' for every tax, only questions asking for it, answers stating that line first (the demo)",
    )

    chk = sub.add_parser("check", help="the quality gate: keep good items, record every rejection with its reasons")
    chk.add_argument("input", help="raw.jsonl")
    chk.add_argument("-o", "--output", required=True, help="checked.jsonl")
    chk.add_argument("--rejects", help="rejected items with reasons (default: OUT.rejects.jsonl beside -o OUT.jsonl)")
    chk.add_argument("--corpus", help="passages.jsonl to resolve citations in (default: the embedded corpus)")
    chk.add_argument("--min-korean", type=FRACTION, default=0.5, help="minimum Hangul share of letters (default 0.5)")
    chk.add_argument(
        "--near-dup-threshold",
        type=FRACTION,
        default=0.7,
        help="3-gram Jaccard (0-1) for near-duplicates (default 0.7)",
    )

    spl = sub.add_parser("split", help="train/valid/test dataset folder with card.md and mlx/")
    spl.add_argument("input", help="checked.jsonl")
    spl.add_argument("-o", "--output", required=True, help="dataset folder")
    spl.add_argument("--valid", type=FRACTION, default=0.1, help="share of records for valid.jsonl (default 0.1)")
    spl.add_argument("--test", type=FRACTION, default=0.1, help="share of records for test.jsonl (default 0.1)")
    spl.add_argument("--seed", type=NON_NEGATIVE_INT, default=0, help="shuffle seed: same seed, same split (default 0)")
    spl.add_argument(
        "--near-dup-threshold",
        type=FRACTION,
        default=0.7,
        help="3-gram Jaccard (0-1) above which questions stay in one split (default 0.7)",
    )
    spl.add_argument("--force", action="store_true", help="overwrite the splits of an existing dataset folder")

    imp = sub.add_parser("import", help="the original seed's JSON array as QA records (source: imported)")
    imp.add_argument("input", help="original.json")
    imp.add_argument("-o", "--output", required=True, help="imported.jsonl")
    return parser


def _generate(args: argparse.Namespace) -> int:
    from taxqa.datagen.engine import run_items
    from taxqa.datagen.providers import ChatProvider, price_for, resolve_provider

    check_output_file(
        args.output,
        "-o",
        inputs={"--passages": args.passages, "--config": args.config},
        ours=jsonl_of("meta.key"),
        what="`taxqa data generate` output (JSONL records with meta.key) to resume",
    )
    provider = None
    price = None
    if args.provider:
        config = resolve_provider(
            args.provider,
            model=args.model,
            base_url=args.base_url,
            config_path=args.config,
            api_key_env=args.api_key_env,
            timeout=args.timeout,
            max_tokens=args.max_tokens,
            temperature=args.temperature,
            json_mode=not args.no_json_mode,
        )
        price = price_for(config.provider, config.model, args.price)
        if price is None and args.max_cost is not None:
            raise UserError(f"no price known for model {config.model!r}: pass --price INPUT,OUTPUT (USD per 1M tokens)")
        provider = ChatProvider(config)
        where = f" at {config.base_url}" if config.base_url else ""
        print(f"{args.mode}: {config.provider} {config.model}{where}", file=sys.stderr)
    elif args.mode == "distill":
        raise UserError("--mode distill needs --provider (openai, anthropic or openai-compatible with --base-url)")

    if args.mode == "distill":
        from taxqa.corpus import load_passages
        from taxqa.datagen.distill import distill_items, make_producer, select_passages

        passages = load_passages(args.passages)
        items = distill_items(select_passages(passages, args.n, args.seed))
        produce = make_producer(provider)
    else:
        from taxqa.datagen.calc import calc_items, make_producer
        from taxqa.datagen.grounded import Mix

        mix = None
        if not args.no_ground:
            mix = Mix(args.grounded, args.distractor, args.missing, args.ground_k, args.ground_chars,
                      args.ground_compact).check()  # fmt: skip
        items = calc_items(args.n or 100, args.seed, mix)
        produce = make_producer(provider, mix)

    async def run():
        try:
            return await run_items(
                items,
                produce,
                args.output,
                concurrency=args.concurrency,
                max_cost=args.max_cost,
                price=price,
                max_retries=args.max_retries,
                base_delay=args.retry_base,
                progress=False if args.no_progress else None,
                seed=args.seed,
            )
        finally:
            if provider is not None:
                await provider.close()

    stats = asyncio.run(run())
    print(f"{args.output}: {stats.summary()}", file=sys.stderr)
    from taxqa.redaction import redact

    for key, error in stats.failed[:5]:
        print(f"  failed {key}: {redact(error)}", file=sys.stderr)
    if stats.failed:
        return EXIT_FAILED_ITEMS
    return EXIT_BUDGET if stats.budget_exhausted and stats.not_started else 0


def _check(args: argparse.Namespace) -> int:
    from taxqa.datagen.quality import Limits, check_file, default_rejects

    passages = None
    if args.corpus:
        from taxqa.corpus import load_passages

        passages = load_passages(args.corpus)
    rejects = Path(args.rejects) if args.rejects else default_rejects(args.output)
    inputs = {"input": args.input, "--corpus": args.corpus}
    check_output_file(args.output, "-o", inputs=inputs, ours=jsonl_of("question"), what="JSONL file of QA records")
    check_output_file(
        rejects, "--rejects", inputs=inputs, outputs={"-o": args.output}, ours=jsonl_of("reasons"), what="rejects file"
    )
    limits = Limits(min_korean=args.min_korean, near_dup_threshold=args.near_dup_threshold)
    result = check_file(args.input, args.output, rejects, passages, limits)
    print(f"{result.summary()}; wrote {args.output} and {rejects}", file=sys.stderr)
    return 0


def _split(args: argparse.Namespace) -> int:
    from taxqa.datagen.split import SPLITS, check_dataset_folder, split_records, write_dataset
    from taxqa.records import read_qa

    path = Path(args.input)
    check_regular(path)  # missing, a folder, a FIFO or /dev/zero: one line, never a hang
    check_dataset_folder(args.output, "-o", inputs={"input": path}, force=args.force)
    records = list(read_qa(path))
    if not records:
        raise UserError(f"{path}: no records to split")
    splits = split_records(records, args.valid, args.test, args.seed, args.near_dup_threshold)
    out = write_dataset(splits, args.output, path, args.seed)
    counts = ", ".join(f"{s} {len(splits[s])}" for s in SPLITS)
    print(f"{out}: {counts} (card.md, mlx/)", file=sys.stderr)
    return 0


def _import(args: argparse.Namespace) -> int:
    from taxqa.records import import_seed, write_jsonl_atomic

    path = Path(args.input)
    check_regular(path)  # missing, a folder, a FIFO or /dev/zero: one line, never a hang
    check_output_file(
        args.output, "-o", inputs={"input": path}, ours=jsonl_of("question"), what="JSONL file of QA records"
    )
    n = write_jsonl_atomic(args.output, import_seed(path))
    print(f"{args.output}: {n} records imported from {path}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None, prog: str = "taxqa data") -> int:
    args = _parser(prog).parse_args(argv)
    action = {"generate": _generate, "check": _check, "split": _split, "import": _import}[args.action]
    return action(args)


if __name__ == "__main__":
    from taxqa.cli import run_command

    sys.exit(run_command("taxqa.datagen.cli", sys.argv[1:], "taxqa data"))
