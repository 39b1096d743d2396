"""Settings saved between runs: a JSON file under the user config dir (or the --data-dir)."""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import platformdirs

from taxqa.prompt import DEFAULT_SYSTEM_PROMPT
from taxqa.records import write_atomic

SETTINGS_NAME = "tui-settings.json"
# Numbers a hand-edited settings file may hold; anything else (NaN, -5, 1e9) falls back to the default.
RANGES = {"temperature": (0.0, 2.0), "top_p": (0.01, 1.0), "max_tokens": (1, 32768), "articles": (0, 20)}


def in_range(name: str, value) -> bool:
    lo, hi = RANGES.get(name, (None, None))
    if lo is None:
        return True
    return isinstance(value, int | float) and math.isfinite(value) and lo <= value <= hi


def default_config_dir() -> Path:
    return Path(platformdirs.user_config_dir("taxqa", appauthor=False))


@dataclass
class Settings:
    model: str = ""
    adapter: str = ""
    system_prompt: str = DEFAULT_SYSTEM_PROMPT
    temperature: float = 0.0
    top_p: float = 1.0
    max_tokens: int = 512
    theme: str = "textual-dark"
    show_grounding: bool = True
    show_sidebar: bool = True
    articles: int = 4  # statute articles retrieved per question
    ground: bool = True  # the model reads the panel's articles and calculation before answering
    ground_compact: bool = False  # in the short block a tiny model was trained on (the demo's, --ground-compact)
    recent_models: list[str] = field(default_factory=list)
    recent_adapters: list[str] = field(default_factory=list)
    path: Path | None = field(default=None, repr=False, compare=False)
    notices: list[str] = field(default_factory=list, repr=False, compare=False)  # for the user, in Korean
    on_notice: Callable[[str], None] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def load(cls, path: str | Path) -> Settings:
        """Read the file; unknown or mistyped keys fall back to defaults (a damaged file never blocks the app).

        A file that cannot be read is never overwritten: unreadable, it is left alone and nothing is
        saved this run; damaged (not JSON), it is moved aside first. Either way the user is told."""
        path = Path(path)
        settings = cls(path=path)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return settings
        except OSError as exc:
            settings.path = None
            settings.notices.append(
                f"설정 파일 {path}을(를) 읽을 수 없어({exc.strerror or type(exc).__name__}) 기본 설정으로 시작합니다. "
                "파일은 그대로 두고, 이번 실행의 설정은 저장하지 않습니다."
            )
            return settings
        try:
            data = json.loads(raw.decode("utf-8"))
        except (ValueError, RecursionError):
            data = None
        if not isinstance(data, dict):
            settings._move_aside(path)
            return settings
        for f in fields(cls):
            if f.name == "path" or f.name not in data:
                continue
            default = getattr(settings, f.name)
            value = data[f.name]
            if isinstance(default, bool) != isinstance(value, bool):
                continue
            if isinstance(default, float) and isinstance(value, int):
                value = float(value)
            if isinstance(value, str) and any("\ud800" <= ch <= "\udfff" for ch in value):
                continue  # not valid Unicode: it could never be saved again
            if isinstance(value, type(default)) and in_range(f.name, value):
                setattr(settings, f.name, value)
        return settings

    def _move_aside(self, path: Path) -> None:
        target = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            path.rename(target)
        except OSError:
            self.path = None
            self.notices.append(f"설정 파일 {path}이(가) 손상되어 기본 설정으로 시작합니다. 파일은 그대로 둡니다.")
            return
        self.notices.append(f"설정 파일이 손상되어 {target.name}(으)로 옮겨 두고 기본 설정으로 시작합니다.")

    def save(self) -> bool:
        """Write the settings atomically; a folder that cannot be written is reported, never a crash."""
        if self.path is None:
            return False
        data = {k: v for k, v in asdict(self).items() if k not in ("path", "notices", "on_notice")}
        try:
            write_atomic(self.path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        except OSError as exc:
            message = f"설정을 {self.path.parent}에 저장할 수 없습니다({exc.strerror or type(exc).__name__})."
            if message not in self.notices:
                self.notices.append(message)
                if self.on_notice is not None:
                    self.on_notice(message)
            return False
        return True

    def remember(self, model: str = "", adapter: str = "") -> None:
        """Put a model/adapter at the front of the recent lists (kept short)."""
        for value, items in ((model, self.recent_models), (adapter, self.recent_adapters)):
            if value:
                if value in items:
                    items.remove(value)
                items.insert(0, value)
                del items[10:]
