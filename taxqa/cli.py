"""The one `taxqa` command. Subcommands are imported only when run, so `taxqa --help`
and light commands never pay for torch, mlx or textual."""

from __future__ import annotations

import importlib
import os
import sys

from taxqa.errors import UserError

# name -> (module with main(argv, prog) -> int, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "tax": ("taxqa.tax.cli", "11 tax calculators citing the statute; `tax ask` reads a question"),
    "corpus": ("taxqa.corpus.cli", "fetch law.go.kr data, build passages, find articles for a question"),
    "data": ("taxqa.datagen.cli", "generate, check, split and import Q&A datasets"),
    "demo-model": ("taxqa.tiny", "build a tiny random-weight checkpoint (gemma3, gemma3-mm, phi2)"),
    "models": ("taxqa.models", "list the model registry"),
    "train": ("train_cuda.cli", "LoRA/QLoRA training with transformers + peft (CUDA, or CPU)"),
    "convert": ("convert.cli", "PEFT adapter -> MLX fused 4-bit model or MLX adapter, verified"),
    "generate": ("taxqa.runtime.generate", "generate a grounded answer (MLX or torch backend)"),
    "lora": ("taxqa.runtime.lora", "small MLX LoRA tuning on a dataset folder"),
    "eval": ("taxqa.runtime.evaluate", "evaluate a model: key figures, citations, chrF, loss, MCQ, speed"),
    "serve": ("taxqa.serve.cli", "OpenAI-compatible API + web chat (local model or upstream server)"),
    "mcp": ("taxqa.mcp.cli", "MCP server: calculators, question reading, statutes as agent tools"),
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


def _fault_message(exc: BaseException) -> str | None:
    """One line for the faults a user's files or environment cause (the safety net behind UserError)."""
    if isinstance(exc, RecursionError):
        return "input nested too deeply to read (e.g. JSON with thousands of nested brackets)"
    if isinstance(exc, UnicodeDecodeError):
        return f"input is not UTF-8 text (byte {exc.start}: {exc.reason}); save it as UTF-8"
    if isinstance(exc, UnicodeEncodeError):
        return f"text that is not valid Unicode ({exc.reason}); expected UTF-8 text"
    if isinstance(exc, MemoryError):
        return "out of memory: the input or model is too large for this machine"
    if isinstance(exc, OSError) and exc.filename is not None:
        return f"{exc.filename}: {exc.strerror or exc}"
    name = type(exc).__name__
    first = (str(exc).splitlines() or [""])[0][:300]
    if (
        name == "SafetensorError"
        or "safetensors" in first.lower()
        or (isinstance(exc, RuntimeError) and first.startswith(("[load", "[read]", "[safetensors")))
    ):
        return f"unreadable model or checkpoint file (corrupt or truncated): {first}"
    if name == "HeaderTooLarge" or "header too large" in first.lower() or "incomplete metadata" in first.lower():
        return f"unreadable safetensors file (corrupt or truncated): {first}"
    return None


def _quiet_broken_pipe() -> None:
    """Output piped into `head` and closed: stop quietly, as Unix tools do."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def run_command(module: str, argv: list[str], prog: str) -> int:
    """Run a command module's main(argv, prog), turning user errors into one clear line and exit 2."""
    return run_main(lambda a, p: importlib.import_module(module).main(a, prog=p), argv, prog)


def _safe_streams() -> None:
    """A file name or argument with bytes that are not UTF-8 is printed escaped, never a traceback."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError, OSError):
            pass


def _error(prog: str, message: str) -> None:
    from taxqa.redaction import redact

    print(f"{prog}: error: {redact(message)}", file=sys.stderr)


def run_main(func, argv: list[str] | None, prog: str) -> int:
    """Every entry point (`taxqa COMMAND`, `python -m ...`, `taxqa-tui`) goes through here."""
    _safe_streams()
    try:
        code = func(argv, prog) or 0
        sys.stdout.flush()
        return code
    except UserError as exc:
        _error(prog, str(exc).replace("\n", " ").strip() or type(exc).__name__)
        return 2
    except KeyboardInterrupt:
        print(f"{prog}: interrupted", file=sys.stderr)
        return 130
    except SystemExit as exc:
        if exc.code == 2:  # argparse has printed its one-line error: callers in Python get 2 back, as for UserError
            return 2
        raise
    except BrokenPipeError:
        _quiet_broken_pipe()
        return 0
    except Exception as exc:
        message = _fault_message(exc)
        if message is None:
            raise
        _error(prog, message)
        return 2


def _top_level(argv: list[str], prog: str) -> int:
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(usage())
    else:
        from taxqa import __version__

        print(f"taxqa {__version__}")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help", "help", "--version"):
        return run_main(_top_level, argv, "taxqa")
    name = argv[0]
    if name not in COMMANDS:
        print(f"taxqa: unknown command {name!r}\n\n{usage()}", file=sys.stderr)
        return 2
    return run_command(COMMANDS[name][0], argv[1:], prog=f"taxqa {name}")


if __name__ == "__main__":
    sys.exit(main())
