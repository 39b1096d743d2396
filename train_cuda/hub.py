"""Upload the finished adapter folder to the Hugging Face Hub (token from HF_TOKEN)."""

from __future__ import annotations

import os
from pathlib import Path

from taxqa.errors import UserError

# Trainer checkpoints and TensorBoard logs stay on the pod; the Hub gets the adapter itself.
UPLOAD_IGNORE = ["checkpoints/*", "tensorboard/*", "*.log", "nohup.out"]


def check_hub_ready(repo: str) -> str:
    """Before training: a repo id of the right shape and a token, so a long run does not end in an error."""
    if repo.count("/") != 1 or not all(repo.split("/")):
        raise UserError(f"--push-to-hub {repo!r}: expected OWNER/NAME")
    token = os.environ.get("HF_TOKEN")
    if not token:
        raise UserError("--push-to-hub needs HF_TOKEN in the environment (a token with write access)")
    return token


def upload_plan(output: Path, repo: str, *, private: bool = True) -> dict:
    """The arguments of HfApi.upload_folder for an adapter folder."""
    if repo.count("/") != 1 or not all(repo.split("/")):
        raise UserError(f"--push-to-hub {repo!r}: expected OWNER/NAME")
    if not (output / "adapter_config.json").is_file():
        raise UserError(f"{output}: no adapter_config.json to upload")
    return {
        "repo_id": repo,
        "folder_path": str(output),
        "repo_type": "model",
        "ignore_patterns": UPLOAD_IGNORE,
        "commit_message": "taxqa LoRA adapter",
        "private": private,
    }


def push_adapter(output: Path, repo: str, *, private: bool = True, endpoint: str | None = None) -> str:
    """Create the repo if needed and upload; returns the commit URL. Needs HF_TOKEN."""
    from huggingface_hub import HfApi
    from huggingface_hub.errors import HfHubHTTPError

    plan = upload_plan(output, repo, private=private)
    token = check_hub_ready(repo)
    api = HfApi(endpoint=endpoint, token=token)
    try:
        api.create_repo(plan["repo_id"], repo_type="model", private=plan.pop("private"), exist_ok=True)
        info = api.upload_folder(**plan)
    except HfHubHTTPError as exc:
        # the exception text carries the URL and server message, never the token
        raise UserError(f"upload to {repo} failed: {str(exc).splitlines()[0]}") from None
    return str(getattr(info, "commit_url", info))
