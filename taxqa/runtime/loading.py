"""Load an MLX model for generation: registry names, local folders or hub ids, with an adapter."""

from __future__ import annotations

import re
from pathlib import Path

from taxqa.errors import UserError

HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*/[\w.-]+$")
# What mlx_lm needs from a hub repo (the same patterns mlx_lm's own download uses).
HUB_PATTERNS = ["*.json", "*.safetensors", "*.py", "tokenizer.model", "*.tiktoken", "*.txt", "*.jsonl", "*.jinja"]


def model_folder(model: str) -> Path:
    """A local folder for ``model``: a registry name (its MLX 4-bit id), a path, or a hub id fetched."""
    from taxqa.models import resolve_model

    resolved = resolve_model(model, mlx=True)
    path = Path(resolved).expanduser()
    if path.exists():
        if not (path / "config.json").exists():
            raise UserError(f"--model {model}: {path} has no config.json (expected a Hugging Face/MLX model folder)")
        check_tokenizer_files(path, model)
        return path
    if not HUB_ID.match(resolved):
        raise UserError(f"--model {model}: no such folder, and not a registry name or hub id (owner/name)")
    try:
        from huggingface_hub import snapshot_download

        return Path(snapshot_download(resolved, allow_patterns=HUB_PATTERNS))
    except Exception as exc:  # offline, unknown repo, gated repo: all end the same way for the user
        raise UserError(
            f"--model {model}: could not fetch {resolved} from the Hugging Face Hub "
            f"({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}). "
            f"Download it where there is internet (`hf download {resolved}`) and pass the local folder."
        ) from exc


TOKENIZER_FILES = ("tokenizer.json", "tokenizer.model", "vocab.json", "tokenizer.tiktoken")


def check_tokenizer_files(path: Path, model: str) -> None:
    """A model folder without its tokenizer would run on a stand-in: refuse it by name."""
    if not any((path / name).exists() for name in TOKENIZER_FILES) and not any(path.glob("*.tiktoken")):
        raise UserError(
            f"--model {model}: {path} has no tokenizer files (expected one of {', '.join(TOKENIZER_FILES)}); "
            "copy them from the base model"
        )


def check_adapter(adapter_path: str | Path | None) -> Path | None:
    if adapter_path is None:
        return None
    path = Path(adapter_path).expanduser()
    missing = [n for n in ("adapter_config.json", "adapters.safetensors") if not (path / n).exists()]
    if missing:
        raise UserError(f"--adapter-path {adapter_path}: missing {', '.join(missing)} (expected an MLX adapter folder)")
    return path


def add_answer_stop_tokens(tokenizer) -> None:
    """Stop on the token that closes an answer, not only EOS (Gemma3: `<end_of_turn>`)."""
    from taxqa.prompt import answer_terminator

    vocab = tokenizer.get_vocab()
    candidates = {"<end_of_turn>"}
    try:
        candidates.add(answer_terminator(tokenizer).strip())
    except ValueError:
        pass
    for token in candidates:
        if token in vocab:
            tokenizer.add_eos_token(token)


def load_model(model: str, adapter_path: str | Path | None = None):
    """(model, tokenizer) through ``mlx_lm.load``, stopping on every end-of-answer token."""
    from mlx_lm import load

    folder = model_folder(model)
    adapter = check_adapter(adapter_path)
    try:
        mlx_model, tokenizer = load(str(folder), adapter_path=str(adapter) if adapter else None)
    except (ValueError, KeyError, OSError, RuntimeError) as exc:  # RuntimeError: a corrupt or truncated file
        raise UserError(f"--model {model}: mlx_lm could not load {folder}: {type(exc).__name__}: {exc}") from exc
    add_answer_stop_tokens(tokenizer)
    return mlx_model, tokenizer
