"""What of the finished adapter folder goes to the Hugging Face Hub (the upload itself: taxqa.hub)."""

from __future__ import annotations

from pathlib import Path

from taxqa.errors import UserError

# Trainer checkpoints and TensorBoard logs stay on the pod; the Hub gets the adapter itself.
UPLOAD_IGNORE = ["checkpoints/*", "tensorboard/*", "*.log", "nohup.out"]


def push_adapter(output: Path, repo: str, *, private: bool = True) -> str:
    """Create the repo if needed and upload the adapter (no checkpoints or logs); returns the commit URL."""
    from taxqa.hub import upload_folder

    if not (output / "adapter_config.json").is_file():
        raise UserError(f"{output}: no adapter_config.json to upload")
    return upload_folder(
        output, repo, flag="--push-to-hub", private=private, ignore_patterns=UPLOAD_IGNORE, message="taxqa LoRA adapter"
    )
