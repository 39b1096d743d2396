"""`taxqa serve` as a real process on a free loopback port, ready when uvicorn says it listens."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServeProcess:
    """``with ServeProcess(args, env) as p:`` p.url; after the block p.out / p.err hold its output."""

    READY = "Uvicorn running on"

    def __init__(self, args: list[str], env=None, timeout: float = 120.0):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        command = [sys.executable, "-m", "taxqa", "serve", *args, "--port", str(self.port)]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        self.ready = threading.Event()
        self.lines: dict[str, list[str]] = {"out": [], "err": []}
        readers = [threading.Thread(target=self._read, args=(name,), daemon=True) for name in self.lines]
        for reader in readers:
            reader.start()
        self.readers = readers
        self.timeout = timeout

    def _read(self, name: str) -> None:
        for line in getattr(self.process, "stdout" if name == "out" else "stderr"):
            self.lines[name].append(line)
            if self.READY in line:
                self.ready.set()
        self.ready.set()  # the process ended: whoever waits looks at why

    def __enter__(self) -> ServeProcess:
        if not self.ready.wait(self.timeout) or self.process.poll() is not None:
            self.close()
            raise RuntimeError(f"taxqa serve did not start: {self.err[-2000:]}")
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
        self.process.wait(30)
        for reader in self.readers:
            reader.join(10)

    @property
    def out(self) -> str:
        return "".join(self.lines["out"])

    @property
    def err(self) -> str:
        return "".join(self.lines["err"])
