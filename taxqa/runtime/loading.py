"""Load an MLX model for generation: registry names, local folders or hub ids, with an adapter."""

from __future__ import annotations

import warnings
from contextlib import contextmanager
from pathlib import Path

from taxqa.errors import UserError
from taxqa.models import model_folder

TOKENIZER_FILES = ("tokenizer.json", "tokenizer.model", "vocab.json", "tokenizer.tiktoken")


@contextmanager
def peft_wrapping():
    """Around `get_peft_model` / `PeftModel.from_pretrained`: peft 0.21 reads transformers 5's deprecated
    `is_gradient_checkpointing` when it wraps a model, a FutureWarning no user can act on (the
    replacement, `is_activation_checkpointing`, is for peft to call). Only that warning is hidden."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="`is_gradient_checkpointing` is deprecated", category=FutureWarning)
        yield


def check_tokenizer_files(path: Path, model: str) -> None:
    """A model folder without its tokenizer would run on a stand-in: refuse it by name."""
    if not any((path / name).exists() for name in TOKENIZER_FILES) and not any(path.glob("*.tiktoken")):
        raise UserError(
            f"--model {model}: {path}에 토크나이저 파일이 없습니다 ({', '.join(TOKENIZER_FILES)} 중 하나가 필요합니다). "
            "힌트: 기반 모델 폴더에서 토크나이저 파일을 복사하세요."
        )


def check_adapter(adapter_path: str | Path | None) -> Path | None:
    if adapter_path is None:
        return None
    path = Path(adapter_path).expanduser()
    missing = [n for n in ("adapter_config.json", "adapters.safetensors") if not (path / n).exists()]
    if missing:
        raise UserError(
            f"--adapter-path {adapter_path}: {', '.join(missing)} 파일이 없습니다 (MLX 어댑터 폴더가 필요합니다). "
            "힌트: PEFT 어댑터(`taxqa train` 출력)는 --backend torch로 실행하세요."
        )
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
    check_tokenizer_files(folder, model)
    adapter = check_adapter(adapter_path)
    try:
        mlx_model, tokenizer = load(str(folder), adapter_path=str(adapter) if adapter else None)
    except (ValueError, KeyError, OSError, RuntimeError) as exc:  # RuntimeError: a corrupt or truncated file
        raise UserError(
            f"--model {model}: mlx_lm이 {folder}를 불러오지 못했습니다 ({type(exc).__name__}: {exc}). "
            "힌트: MLX 또는 Hugging Face 모델 폴더(config.json, 가중치, 토크나이저)가 온전한지 확인하세요."
        ) from exc
    add_answer_stop_tokens(tokenizer)
    return mlx_model, tokenizer
