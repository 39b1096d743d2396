"""The API-key rules every taxqa HTTP server follows (`taxqa serve`, `taxqa mcp --http`).

The key comes from --api-key or $TAXQA_API_KEY; binding anything but a loopback address needs
one; with a key, requests must send ``Authorization: Bearer KEY`` (compared in constant time).
"""

from __future__ import annotations

import hmac
import ipaddress

from taxqa.errors import UserError

API_KEY_ENV = "TAXQA_API_KEY"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_bind(host: str, api_key: str | None) -> None:
    """UserError when `host` is not loopback and there is no key."""
    if not is_loopback(host) and not api_key:
        raise UserError(
            f"--host {host}: binding a non-loopback address needs an API key "
            f"(--api-key or ${API_KEY_ENV}); without one, bind 127.0.0.1"
        )


def key_problem(authorization: str, api_key: str | None) -> str | None:
    """Why a request with this Authorization header is refused, or None when it may pass."""
    if not api_key:
        return None
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        return "missing API key: send 'Authorization: Bearer <key>'"
    if not hmac.compare_digest(token.strip().encode(), api_key.encode()):
        return "invalid API key"
    return None
