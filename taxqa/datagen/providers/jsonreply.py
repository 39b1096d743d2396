"""JSON out of a model's text reply: plain, fenced, with a preamble, trailing commas or missing closers."""

from __future__ import annotations

import json
import re
from typing import Any


def parse_json_reply(text: str) -> Any:
    """The JSON value in a model's reply; ValueError when there is none or it cannot be repaired."""
    text = text.strip()
    fence = re.search(r"```(?:json|JSON)?\s*\n?(.*?)(?:```|$)", text, re.S)
    if fence:
        text = fence.group(1).strip()
    start = min((i for i in (text.find("{"), text.find("[")) if i >= 0), default=-1)
    if start < 0:
        raise ValueError("no JSON object in the reply")
    text = text[start:]
    try:
        return json.JSONDecoder().raw_decode(text)[0]  # ignores prose after the object
    except json.JSONDecodeError:
        pass
    except RecursionError:
        raise ValueError("the reply nests too deeply") from None
    try:
        return json.loads(_close_json(text))
    except RecursionError:
        raise ValueError("the reply nests too deeply") from None


def _close_json(text: str) -> str:
    """Drop trailing commas and close the brackets a cut-off reply left open.

    A reply cut inside a string or right after a key is not repaired: its last
    value would be silently truncated, so the caller asks again.
    """
    stack: list[str] = []
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "{[":
            stack.append("}" if ch == "{" else "]")
        elif ch in "}]" and stack:
            stack.pop()
    body = text.rstrip()
    if in_string or body.endswith(":"):
        raise ValueError("the reply was cut off inside a value")
    body = re.sub(r",\s*([}\]])", r"\1", body).rstrip().rstrip(",")
    return body + "".join(reversed(stack))
