"""Settings: model and adapter picker, system prompt, sampling, theme."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.validation import Number
from textual.widgets import Button, Checkbox, Footer, Header, Input, Label, Select, TextArea

from tui.settings import Settings, in_range


def hf_cache_models() -> list[str]:
    """Model repos in the Hugging Face cache (empty when there is none)."""
    try:
        from huggingface_hub import scan_cache_dir

        return sorted(r.repo_id for r in scan_cache_dir().repos if r.repo_type == "model")
    except Exception:  # no cache dir, unreadable cache: nothing to offer
        return []


def model_choices(settings: Settings) -> list[tuple[str, str]]:
    """(label, value) for the model picker: recent choices, the registry, the HF cache."""
    from taxqa.models import REGISTRY

    seen: dict[str, str] = {}
    for m in settings.recent_models:
        seen.setdefault(m, f"최근: {m}")
    for name, spec in REGISTRY.items():
        seen.setdefault(name, f"{name} ({spec.mlx_id})")
    for repo in hf_cache_models():
        seen.setdefault(repo, f"HF 캐시: {repo}")
    return [(label, value) for value, label in seen.items()]


def adapter_choices(settings: Settings, data_dir: Path) -> list[tuple[str, str]]:
    """(label, value) for the adapter picker: recent adapters and those the tune screen made."""
    found = list(settings.recent_adapters)
    root = data_dir / "adapters"
    if root.is_dir():
        found += sorted(str(p) for p in root.iterdir() if (p / "adapters.safetensors").exists())
    return [(a, a) for a in dict.fromkeys(found)]


class SettingsScreen(Screen[dict | None]):
    """Dismisses with the changed values (a dict of Settings fields), or None when cancelled."""

    BINDINGS = [Binding("ctrl+s", "save", "저장"), Binding("escape", "cancel", "취소")]
    DEFAULT_CSS = """
    SettingsScreen VerticalScroll { padding: 0 2; }
    SettingsScreen Input, SettingsScreen Select { width: 80; }
    SettingsScreen #system-prompt { height: 6; width: 80; }
    SettingsScreen .row { height: auto; }
    SettingsScreen .row > Input { width: 24; margin-right: 2; }
    SettingsScreen .row > Label { width: 26; }
    SettingsScreen #buttons { height: auto; margin: 1 0; }
    SettingsScreen Button { margin-right: 2; }
    """

    def __init__(self, settings: Settings, data_dir: Path) -> None:
        super().__init__()
        self.settings, self.data_dir = settings, Path(data_dir)

    def compose(self) -> ComposeResult:
        s = self.settings
        yield Header()
        with VerticalScroll():
            yield Label("설정", classes="screen-title")
            yield Label("모델 (레지스트리 이름, 로컬 폴더 또는 허브 ID)", classes="form-label")
            models = model_choices(s)
            yield Select(models, prompt="목록에서 고르기", id="model-pick", allow_blank=True)
            yield Input(s.model, placeholder="예: gemma3-4b 또는 /path/to/model", id="model")
            yield Label("어댑터 (비우면 어댑터 없이)", classes="form-label")
            yield Select(adapter_choices(s, self.data_dir), prompt="목록에서 고르기", id="adapter-pick")
            yield Input(s.adapter, placeholder="MLX 어댑터 폴더", id="adapter")
            yield Label("시스템 프롬프트", classes="form-label")
            yield TextArea(s.system_prompt, id="system-prompt", soft_wrap=True)
            with Horizontal(classes="row"):
                yield Label("온도 (0 = 결정적)", classes="form-label")
                yield Label("top-p", classes="form-label")
                yield Label("최대 토큰", classes="form-label")
            with Horizontal(classes="row"):
                yield Input(str(s.temperature), id="temperature", type="number", validators=[Number(0, 2)])
                yield Input(str(s.top_p), id="top-p", type="number", validators=[Number(0.01, 1)])
                yield Input(str(s.max_tokens), id="max-tokens", type="integer", validators=[Number(1, 32768)])
            yield Checkbox("근거를 읽고 답하기 (관련 조문과 계산기 결과를 모델에 줌)", s.ground, id="ground")
            yield Label("테마", classes="form-label")
            themes = sorted(self.app.available_themes)
            yield Select([(t, t) for t in themes], value=s.theme if s.theme in themes else Select.BLANK, id="theme")
            with Horizontal(id="buttons"):
                yield Button("저장", variant="primary", id="save")
                yield Button("취소", id="cancel")
        yield Footer()

    @on(Select.Changed, "#model-pick")
    def model_picked(self, event: Select.Changed) -> None:
        if event.value is not Select.BLANK:
            self.query_one("#model", Input).value = str(event.value)

    @on(Select.Changed, "#adapter-pick")
    def adapter_picked(self, event: Select.Changed) -> None:
        if event.value is not Select.BLANK:
            self.query_one("#adapter", Input).value = str(event.value)

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        inputs = [self.query_one(f"#{name}", Input) for name in ("temperature", "top-p", "max-tokens")]
        names = ("temperature", "top_p", "max_tokens")
        bad = [i for i, n in zip(inputs, names) if not i.is_valid or not in_range(n, _number(i.value))]
        if bad:
            self.notify("숫자 값을 확인하세요 (온도 0~2, top-p 0.01~1, 최대 토큰 1 이상).", severity="error")
            bad[0].focus()
            return
        theme = self.query_one("#theme", Select).value
        self.dismiss(
            {
                "model": self.query_one("#model", Input).value.strip(),
                "adapter": self.query_one("#adapter", Input).value.strip(),
                "system_prompt": self.query_one("#system-prompt", TextArea).text,
                "temperature": float(inputs[0].value),
                "top_p": float(inputs[1].value),
                "max_tokens": int(inputs[2].value),
                "theme": self.settings.theme if theme is Select.BLANK else str(theme),
                "ground": self.query_one("#ground", Checkbox).value,
            }
        )

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None
