"""`taxqa mcp`: taxqa's calculators, question reading and statutes as Model Context Protocol tools.

taxqa mcp                      stdio (what Claude Desktop, Cursor and other agents launch)
taxqa mcp --http [--port 8765] streamable HTTP at http://127.0.0.1:PORT/mcp
                               (--api-key / $TAXQA_API_KEY: clients send 'Authorization: Bearer KEY';
                               any --host but loopback needs a key, as for `taxqa serve`)

Offline; the SDK loads when the server starts, the corpus on the first search.
"""

from __future__ import annotations

import argparse
import sys

from taxqa.errors import UserError
from taxqa.serve.keys import add_listen_arguments, check_bind, key_problem

PATH = "/mcp"


def build_parser(prog: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=prog,
        description="Serve taxqa as MCP tools: ask_tax, compute_tax, search_law, get_article, list_tax_kinds. "
        "stdio by default; --http for streamable HTTP on 127.0.0.1.",
    )
    p.add_argument("--http", action="store_true", help=f"serve streamable HTTP at http://HOST:PORT{PATH}")
    add_listen_arguments(p, port=8765, when="with --http: ")
    return p


def require_key(app, api_key: str | None):
    """The ASGI app behind the key check of `taxqa serve` (401 with a JSON-RPC error body)."""
    if not api_key:
        return app

    async def guarded(scope, receive, send):
        if scope["type"] == "http":
            headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
            problem = key_problem(headers.get("authorization", ""), api_key)
            if problem:
                from starlette.responses import JSONResponse

                body = {"jsonrpc": "2.0", "id": None, "error": {"code": -32001, "message": problem}}
                await JSONResponse(body, status_code=401, headers={"WWW-Authenticate": "Bearer"})(scope, receive, send)
                return
        await app(scope, receive, send)

    return guarded


def http_app(server, host: str, api_key: str | None):
    return require_key(server.streamable_http_app(streamable_http_path=PATH, host=host), api_key)


def main(argv: list[str] | None = None, prog: str = "taxqa mcp") -> int:
    args = build_parser(prog).parse_args(argv)
    if args.http:
        check_bind(args.host, args.api_key)
        if not 0 <= args.port <= 65535:
            raise UserError(f"--port {args.port}: expected 0..65535")
    try:
        from taxqa.mcp.server import build_server
    except ImportError as exc:
        raise UserError(f"the MCP SDK is not installed ({exc}); install it with: pip install 'taxqa[mcp]'") from None
    server = build_server()
    if not args.http:
        server.run("stdio")
        return 0
    serve_http(http_app(server, args.host, args.api_key), args.host, args.port, args.api_key, prog)
    return 0


def serve_http(app, host: str, port: int, api_key: str | None, prog: str) -> None:
    """uvicorn on a socket bound here, so `--port 0` can say which port it got."""
    import socket

    import uvicorn

    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        raise UserError(f"--host {host} --port {port}: cannot bind ({exc.strerror or exc})") from None
    sock.listen(128)  # connections wait in the backlog until uvicorn accepts them
    bound = sock.getsockname()[1]
    where = f"http://{'[' + host + ']' if ':' in host else host}:{bound}{PATH}"
    print(f"{prog}: MCP over streamable HTTP at {where}  (auth: {'on' if api_key else 'off'})", file=sys.stderr)
    sys.stderr.flush()
    uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[sock])
