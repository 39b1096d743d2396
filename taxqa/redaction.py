"""The one redaction point: secrets never reach a file, a log, stderr or an error message.

Two layers: the secrets we hold (keys loaded from the environment or the config file, registered with
``register``) are removed wherever they appear — whole, as any 8-character piece (a server echoing
``sk-...abcd1234``), and base64-encoded (a Basic auth header); and anything *shaped* like a key
(OpenAI/Anthropic/Google/AWS/xAI/Groq/HF/GitHub tokens, bearer tokens, JWTs, ``key=...`` in a URL) is
removed from messages and flagged by the quality gate.
"""

from __future__ import annotations

import base64
import os
import re
from collections.abc import Iterable
from typing import Any

MASK = "***"
PIECE = 8  # the shortest piece of a held secret that is removed on its own (in messages)
MIN_SECRET = 8  # shorter values are not treated as secrets (they would mask ordinary words)
SECRET_ENV = ("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "LAW_OC", "TAXQA_API_KEY")

KEY_SHAPES = re.compile(
    r"sk-ant-[A-Za-z0-9_\-]{6,}|\bsk-[A-Za-z0-9_\-]{8,}|\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{8,}"
    r"|\b(?:hf|ghp|gho|ghs|ghu|github_pat)_[A-Za-z0-9_]{8,}|\b(?:gsk|glpat)_[A-Za-z0-9]{20,}|\bxai-[A-Za-z0-9]{20,}"
    r"|\bAIza[0-9A-Za-z_\-]{20,}|\b(?:AKIA|ASIA)[0-9A-Z]{16}\b|\bxox[abpr]-[A-Za-z0-9\-]{8,}"
    r"|\beyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{4,}"
    r"|(?i:bearer|basic)\s+[^\s\"',;)}\]]{8,}"
    r"|(?i:(?<=[?&])(?:api[_-]?key|key|token|access_token|oc|secret)=)[^&\s\"'#]+"
)

_held: set[str] = set()


def register(*secrets: Any) -> None:
    """Remember secrets this process holds (keys, tokens) so every writer and message drops them."""
    for secret in secrets:
        if isinstance(secret, str) and len(secret.strip()) >= MIN_SECRET:
            _held.add(secret.strip())


def held() -> list[str]:
    found = set(_held)
    for name in SECRET_ENV:
        value = os.environ.get(name, "").strip()
        if len(value) >= MIN_SECRET:
            found.add(value)
    return sorted(found, key=len, reverse=True)


def _forms(secret: str) -> list[str]:
    """The secret, its base64 at the three byte alignments, and the same for ``user:secret`` pairs."""
    forms = [secret]
    raw = secret.encode("utf-8")
    for pad in range(3):
        enc = base64.b64encode(b"\0" * pad + raw).decode("ascii")
        # drop the characters that mix in the padding bytes or the following data
        start = (pad * 4 + 2) // 3
        forms.append(enc[start : len(enc) - 4].rstrip("="))
    return [f for f in forms if len(f) >= min(PIECE, len(secret))]


def _mask_secret(text: str, secret: str, pieces: bool) -> str:
    for form in _forms(secret):
        if form in text:
            text = text.replace(form, MASK)
        if pieces and len(form) >= 2 * PIECE:
            # any piece of PIECE characters (a prefix, a suffix, a window)
            for i in range(len(form) - PIECE + 1):
                piece = form[i : i + PIECE]
                if piece in text:
                    text = text.replace(piece, MASK)
    return re.sub(r"(?:\*\*\*)+", MASK, text) if MASK in text else text


def redact_known(text: Any, secrets: Iterable[Any] = (), *, pieces: bool = False) -> str:
    """``text`` without the secrets we hold (and ``secrets``), whole or base64-encoded: what every file
    writer applies. ``pieces``: also any 8-character piece of them (for messages)."""
    text = str(text)
    extra = ["" if s is None else str(s).strip() for s in secrets]
    for secret in sorted({*held(), *(s for s in extra if len(s) >= 4)}, key=len, reverse=True):
        text = _mask_secret(text, secret, pieces)
    return text


def redact(text: Any, secrets: Iterable[Any] = ()) -> str:
    """For messages: the held secrets (and pieces of them) and anything shaped like a key removed. Redact a whole message
    before cutting it short: a cut key no longer looks like one."""
    text = redact_known(text, secrets, pieces=True)
    return KEY_SHAPES.sub(lambda m: "Bearer ***" if m.group(0)[:6].lower() == "bearer" else MASK, text)


def has_key_shape(text: str) -> bool:
    """True if ``text`` holds something shaped like a key (the quality gate rejects such records)."""
    return bool(KEY_SHAPES.search(text)) or redact_known(text) != text
