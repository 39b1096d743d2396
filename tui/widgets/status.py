"""The status bar: model, adapter, loading progress and the last answer's speed and memory."""

from __future__ import annotations

import time
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Label, ProgressBar


def short(path: str) -> str:
    """A model or adapter as the user recognises it: the last folder name, or a hub id as is."""
    if not path:
        return ""
    p = Path(path)
    return p.name if p.is_absolute() or path.startswith((".", "~")) else path


class StatusBar(Horizontal):
    DEFAULT_CSS = """
    StatusBar { height: 1; background: $panel; color: $text-muted; padding: 0 1; }
    StatusBar Label { width: auto; margin-right: 2; }
    StatusBar #status-stats { width: 1fr; content-align: right middle; }
    StatusBar ProgressBar { width: 24; margin-right: 2; display: none; }
    StatusBar.loading ProgressBar { display: block; }
    """

    model: reactive[str] = reactive("")
    adapter: reactive[str] = reactive("")
    state: reactive[str] = reactive("")  # '', 'loading', 'error'
    stats: reactive[dict] = reactive(dict, always_update=True)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._load_started = 0.0

    def compose(self) -> ComposeResult:
        yield Label(id="status-model")
        yield ProgressBar(total=None, show_eta=False, show_percentage=False, id="status-progress")
        yield Label(id="status-stats")

    def on_mount(self) -> None:
        self.set_interval(0.5, self._tick)
        self._refresh_text()

    def _tick(self) -> None:
        if self.state == "loading":
            self._refresh_text()

    def start_loading(self, model: str, adapter: str) -> None:
        self._load_started = time.monotonic()
        self.model, self.adapter, self.state = model, adapter, "loading"

    def watch_model(self) -> None:
        self._refresh_text()

    def watch_adapter(self) -> None:
        self._refresh_text()

    def watch_state(self, state: str) -> None:
        self.set_class(state == "loading", "loading")
        self._refresh_text()

    def watch_stats(self) -> None:
        self._refresh_text()

    def _refresh_text(self) -> None:
        if not self.children:  # not composed yet
            return
        if not self.model:
            text = "모델 없음 — 설정(F2)에서 모델을 고르세요"
        else:
            text = f"모델 {short(self.model)}" + (f" · 어댑터 {short(self.adapter)}" if self.adapter else "")
            if self.state == "loading":
                text += f" · 불러오는 중 {time.monotonic() - self._load_started:.0f}초"
            elif self.state == "error":
                text += " · 불러오기 실패"
        self.query_one("#status-model", Label).update(text)
        s = self.stats
        parts = []
        if s.get("generation_tps"):
            parts.append(f"{s['generation_tps']:.1f} 토큰/초")
        if s.get("ttft"):
            parts.append(f"첫 토큰 {s['ttft']:.2f}초")
        if s.get("generation_tokens"):
            parts.append(f"{s['generation_tokens']} 토큰")
        if s.get("peak_memory_gb"):
            parts.append(f"메모리 {s['peak_memory_gb']:.2f} GB")
        self.query_one("#status-stats", Label).update(" · ".join(parts))
