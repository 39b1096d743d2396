"""A loopback stand-in for the Hugging Face Hub: just enough HTTP API for create_repo + upload_folder.

Every file is declared "regular" at preupload, so the real huggingface_hub client sends it
inline (base64) in the NDJSON commit; `requests` keeps (path, Authorization, body) of each call.
"""

from __future__ import annotations

import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class HubStandIn(BaseHTTPRequestHandler):
    requests: list  # set per server by serve()

    def _reply(self, obj: dict, code: int = 200) -> None:
        data = json.dumps(obj).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.requests.append((self.path, self.headers.get("Authorization"), body))
        base = f"http://127.0.0.1:{self.server.server_port}"
        if self.path == "/api/repos/create":
            asked = json.loads(body)
            name = f"{asked.get('organization') or 'me'}/{asked['name']}"  # no organization: the token's user
            return self._reply({"url": f"{base}/{name}", "name": name})
        if self.path == "/api/validate-yaml":
            return self._reply({"errors": [], "warnings": []})
        if "/preupload/" in self.path:
            files = json.loads(body)["files"]
            return self._reply(
                {"files": [{"path": f["path"], "uploadMode": "regular", "shouldIgnore": False} for f in files]}
            )
        if "/commit/" in self.path:
            repo = self.path.removeprefix("/api/models/").split("/commit/")[0]
            return self._reply({"commitUrl": f"{base}/{repo}/commit/{'a' * 40}", "commitOid": "a" * 40})
        return self._reply({"error": "not found"}, 404)

    def log_message(self, *args):
        pass


class HubServer:
    def __init__(self):
        handler = type("Handler", (HubStandIn,), {"requests": []})
        self.requests = handler.requests
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.endpoint = f"http://127.0.0.1:{self.httpd.server_port}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def committed_files(self) -> dict[str, bytes]:
        """path -> content of every file in the last commit."""
        commit = [json.loads(line) for line in self.requests[-1][2].decode().splitlines()]
        return {c["value"]["path"]: base64.b64decode(c["value"]["content"]) for c in commit if c["key"] == "file"}

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
