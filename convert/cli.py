"""`taxqa convert`: a PEFT LoRA adapter -> an MLX fused (4-bit) model or an mlx_lm adapter, verified."""

from __future__ import annotations

import argparse

from convert.fuse import QUANT_RECIPES


def build_parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Convert a PEFT LoRA/DoRA adapter (e.g. from `taxqa train`) for MLX. "
        "fused: merge into the base in fp32, then quantize with mlx_lm (4-bit affine, group 64 by default). "
        "adapter: an mlx_lm adapter folder to run unfused on an existing (4-bit) base, "
        "e.g. mlx-community/gemma-3-12b-it-4bit. Output is written atomically and verified against peft.",
    )
    parser.add_argument("--base", required=True, help="base model: registry name, local folder or hub id")
    parser.add_argument("--adapter", required=True, help="PEFT adapter folder (adapter_config.json + safetensors)")
    parser.add_argument("-o", "--out", required=True, help="output folder (must not exist or be empty)")
    parser.add_argument("--format", choices=("fused", "adapter"), default="fused", help="what to write (default fused)")
    quant = parser.add_mutually_exclusive_group()
    quant.add_argument("--no-quantize", action="store_true", help="fused: keep full precision (no quantization)")
    parser.add_argument("--q-bits", type=int, help="fused: bits per weight (default 4)")
    parser.add_argument("--q-group-size", type=int, help="fused: quantization group size (default 64)")
    parser.add_argument(
        "--dtype",
        choices=("bfloat16", "float16", "float32"),
        help="fused: precision of the unquantized parameters (default: the base's stored precision)",
    )
    parser.add_argument(
        "--embed-bits",
        type=int,
        help="fused: bits for embeddings and output head (Gemma3 ties them, so 8 keeps the head accurate)",
    )
    quant.add_argument("--quant-recipe", choices=QUANT_RECIPES, help="fused: mlx_lm mixed-bit recipe (not for Phi-2)")
    parser.add_argument("--no-verify", action="store_true", help="skip the comparison with the torch peft model")
    parser.add_argument(
        "--upload-repo",
        metavar="[OWNER/]NAME",
        help="upload the finished output to this Hugging Face model repo (token: HF_TOKEN or `hf auth login`)",
    )
    parser.add_argument(
        "--public", action="store_true", help="with --upload-repo: create the repo public (default private)"
    )
    return parser


FUSED_ONLY = ("no_quantize", "q_bits", "q_group_size", "dtype", "embed_bits", "quant_recipe")
QUANTIZE_ONLY = ("q_bits", "q_group_size", "embed_bits")


def flag(name: str) -> str:
    return "--" + name.replace("_", "-")


def check_combination(args) -> None:
    """Refuse flags that would be silently ignored in this combination."""
    from taxqa.errors import UserError

    given = [name for name in FUSED_ONLY if getattr(args, name) not in (None, False)]
    if args.format == "adapter" and given:
        raise UserError(f"{', '.join(map(flag, given))}: only for --format fused (an adapter keeps its base as is)")
    if args.no_quantize:
        quant = [name for name in QUANTIZE_ONLY if getattr(args, name) is not None]
        if quant:
            raise UserError(f"{', '.join(map(flag, quant))}: no quantization with --no-quantize")
    if args.public and not args.upload_repo:
        raise UserError("--public: only with --upload-repo")


def main(argv: list[str] | None = None, prog: str = "taxqa convert") -> int:
    args = build_parser(prog).parse_args(argv)
    check_combination(args)
    from taxqa.outputs import check_output_dir

    check_output_dir(args.out, "-o", inputs={"--base folder": args.base, "--adapter folder": args.adapter})
    from convert.run import Options, convert

    opts = Options(
        base=args.base,
        adapter=args.adapter,
        out=args.out,
        format=args.format,
        quantize=not args.no_quantize,
        q_bits=4 if args.q_bits is None else args.q_bits,
        q_group_size=64 if args.q_group_size is None else args.q_group_size,
        dtype=args.dtype,
        embed_bits=args.embed_bits,
        quant_recipe=args.quant_recipe,
        verify=not args.no_verify,
        upload_repo=args.upload_repo,
        private=not args.public,
    )
    convert(opts)
    return 0
