"""Upload a finished folder to the Hugging Face Hub: the one upload path of `taxqa train` and `taxqa convert`.

The token comes from HF_TOKEN or `hf auth login`'s stored token (both outside the repo) and
is never printed; HF_ENDPOINT points the upload at another Hub (tests use a loopback one).
"""

from __future__ import annotations

import os
from pathlib import Path

from taxqa.errors import UserError


def check_hub_ready(repo: str, flag: str) -> str:
    """Before the long work: a repo id of the right shape and a token; returns the token."""
    if repo.count("/") > 1 or not all(repo.split("/")):
        raise UserError(f"{flag} {repo!r}: expected NAME (in the token's own namespace) or OWNER/NAME")
    token = os.environ.get("HF_TOKEN")
    if not token:
        from huggingface_hub import get_token

        token = get_token()
    if not token:
        raise UserError(f"{flag} needs a Hub token with write access: set HF_TOKEN or run `hf auth login`")
    return token


def upload_folder(
    folder: Path,
    repo: str,
    *,
    flag: str,
    private: bool = True,
    ignore_patterns: list[str] | None = None,
    message: str = "taxqa upload",
) -> str:
    """Create the repo if needed and upload ``folder``; returns the commit URL.

    A failure says why and that the local folder is complete; the exception text carries
    the URL and the server's message, never the token."""
    from huggingface_hub import HfApi

    token = check_hub_ready(repo, flag)
    api = HfApi(endpoint=os.environ.get("HF_ENDPOINT"), token=token)
    try:
        # a bare NAME lands in the token's namespace; the Hub answers with the full id
        repo = api.create_repo(repo, repo_type="model", private=private, exist_ok=True).repo_id
        info = api.upload_folder(
            repo_id=repo,
            folder_path=str(folder),
            repo_type="model",
            ignore_patterns=ignore_patterns,
            commit_message=message,
        )
    except Exception as exc:  # refused, unreachable, rate-limited: the HTTP stack's own types vary by version
        first_line = f"{type(exc).__name__}: " + (str(exc).splitlines() or [""])[0]
        raise UserError(f"{flag} {repo}: upload failed ({first_line}); {folder} is complete locally") from None
    return str(getattr(info, "commit_url", info))
