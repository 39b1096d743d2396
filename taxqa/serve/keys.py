"""The API-key rules every taxqa HTTP server follows (`taxqa serve`, `taxqa mcp --http`).

The key comes from --api-key or $TAXQA_API_KEY; binding anything but a loopback address needs
one; with a key, requests must send ``Authorization: Bearer KEY`` (compared in constant time).
"""

from __future__ import annotations

import argparse
import hmac
import ipaddress
import os

from taxqa.errors import UserError

API_KEY_ENV = "TAXQA_API_KEY"


def add_listen_arguments(p: argparse.ArgumentParser, *, port: int, when: str = "") -> None:
    """--host, --port and --api-key, the same for every taxqa HTTP server (``when``: 'with --http: ')."""
    p.add_argument(
        "--host", default="127.0.0.1", help=f"{when}address to bind (default 127.0.0.1; any other needs an API key)"
    )
    p.add_argument("--port", type=int, default=port, help=f"{when}port (default {port}; 0: any free port)")
    p.add_argument(
        "--api-key",
        default=os.environ.get(API_KEY_ENV),
        help=f"{when}require 'Authorization: Bearer KEY' (default: ${API_KEY_ENV}; prefer the env var, "
        "a flag shows in the process list)",
    )


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
