"""Settings saved between runs: a JSON file under the user config dir (or the --data-dir)."""

from __future__ import annotations

import json
import math
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
    recent_models: list[str] = field(default_factory=list)
    recent_adapters: list[str] = field(default_factory=list)
    path: Path | None = field(default=None, repr=False, compare=False)

    @classmethod
    def load(cls, path: str | Path) -> Settings:
        """Read the file; unknown or mistyped keys fall back to defaults (a damaged file never blocks the app)."""
        path = Path(path)
        settings = cls(path=path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return settings
        if not isinstance(data, dict):
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
            if isinstance(value, type(default)) and in_range(f.name, value):
                setattr(settings, f.name, value)
        return settings

    def save(self) -> None:
        if self.path is None:
            return
        data = {k: v for k, v in asdict(self).items() if k != "path"}
        write_atomic(self.path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")

    def remember(self, model: str = "", adapter: str = "") -> None:
        """Put a model/adapter at the front of the recent lists (kept short)."""
        for value, items in ((model, self.recent_models), (adapter, self.recent_adapters)):
            if value:
                if value in items:
                    items.remove(value)
                items.insert(0, value)
                del items[10:]
