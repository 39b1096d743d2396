"""The one `taxqa` command. Subcommands are imported only when run, so `taxqa --help`
and light commands never pay for torch, mlx or textual."""

from __future__ import annotations

import importlib
import sys

from taxqa.errors import UserError

# name -> (module with main(argv, prog) -> int, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "tax": ("taxqa.tax.cli", "Korean tax calculators with statute citations (gift, inheritance, income, wage, vat)"),
    "corpus": ("taxqa.corpus.cli", "fetch law.go.kr data, build passages, BM25 search"),
    "data": ("taxqa.datagen.cli", "generate, check, split and import Q&A datasets"),
    "demo-model": ("taxqa.tiny", "build a tiny random-weight checkpoint (gemma3, gemma3-mm, phi2)"),
    "models": ("taxqa.models", "list the model registry"),
    "train": ("train_cuda.cli", "full-scale LoRA/QLoRA training with transformers + peft (CUDA, or CPU)"),
    "convert": ("convert.cli", "PEFT adapter -> MLX fused 4-bit model or MLX adapter, with parity checks"),
    "generate": ("taxqa.runtime.generate", "generate an answer with an MLX model (mlx_lm-style)"),
    "lora": ("taxqa.runtime.lora", "small MLX LoRA tuning on a dataset folder"),
    "eval": ("taxqa.runtime.evaluate", "evaluate a model: numeric/citation accuracy, chrF, ROUGE-L, loss, MCQ, speed"),
    "serve": ("taxqa.serve.cli", "OpenAI-compatible API + web chat on a local model or an upstream server"),
    "demo": ("taxqa.demo", "the offline end-to-end demo on embedded defaults"),
}


def usage() -> str:
    width = max(len(n) for n in COMMANDS)
    lines = [
        "usage: taxqa COMMAND [options]   (taxqa COMMAND --help for a command's options)",
        "",
        "Korean tax-law question answering with small language models.",
        "",
        "commands:",
    ]
    lines += [f"  {name:<{width}}  {help_}" for name, (_, help_) in COMMANDS.items()]
    return "\n".join(lines)


def run_command(module: str, argv: list[str], prog: str) -> int:
    """Run a command module's main, turning user errors into one clear line and exit 2."""
    try:
        return importlib.import_module(module).main(argv, prog=prog) or 0
    except UserError as exc:
        print(f"{prog}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{prog}: interrupted", file=sys.stderr)
        return 130


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(usage())
        return 0
    if argv[0] == "--version":
        from taxqa import __version__

        print(f"taxqa {__version__}")
        return 0
    name = argv[0]
    if name not in COMMANDS:
        print(f"taxqa: unknown command {name!r}\n\n{usage()}", file=sys.stderr)
        return 2
    return run_command(COMMANDS[name][0], argv[1:], prog=f"taxqa {name}")


if __name__ == "__main__":
    sys.exit(main())
