"""`taxqa-tui`: a Korean tax Q&A assistant in the terminal, on a local MLX model.

taxqa-tui [--model PATH_OR_NAME] [--adapter-path DIR] [--data-dir DIR] [--dataset FILE]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from functools import partial
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen

from taxqa.records import write_atomic
from taxqa.runtime.backends import CHAT_BACKENDS, chat_engine
from tui.history import HistoryStore, default_data_dir
from tui.model_thread import Loaded, LoadFailed, Loading, ModelThread, default_engine
from tui.screens.chat import ChatScreen, ModelEvent
from tui.settings import SETTINGS_NAME, Settings, default_config_dir


class TaxQAApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "taxqa"
    ENABLE_COMMAND_PALETTE = True
    # Our own palette binding (so Textual adds no English "palette" one) and Korean everywhere a user looks.
    BINDINGS = [
        Binding("ctrl+p", "command_palette", "명령", show=False, priority=True, tooltip="명령 팔레트를 엽니다"),
        Binding("ctrl+q", "quit", "종료", priority=True, tooltip="taxqa-tui를 끝냅니다"),
    ]

    def __init__(
        self,
        *,
        model: str | None = None,
        adapter_path: str | None = None,
        system_prompt: str | None = None,
        ground_compact: bool | None = None,
        data_dir: str | Path | None = None,
        dataset: str | Path | None = None,
        engine_factory=default_engine,
    ) -> None:
        super().__init__()
        self.data_dir = Path(data_dir) if data_dir else default_data_dir()
        config_dir = Path(data_dir) if data_dir else default_config_dir()
        self.settings = Settings.load(config_dir / SETTINGS_NAME)
        if model:  # the command line wins and is remembered, like a choice made in the settings
            self.settings.model, self.settings.adapter = model, adapter_path or ""
        elif adapter_path:
            self.settings.adapter = adapter_path
        if system_prompt is not None:  # e.g. "" for a model trained without one (the demo's): remembered too
            self.settings.system_prompt = system_prompt
        if ground_compact is not None:  # remembered too; the settings file turns it off again
            self.settings.ground_compact = ground_compact
        self.dataset = str(dataset) if dataset else ""
        self.store = HistoryStore.open_default(self.data_dir)
        self.engine_factory = engine_factory
        self.model: ModelThread | None = None
        self.model_thread_model = self.model_thread_adapter = ""
        self.model_loading = False
        self.chat = ChatScreen()

    # -- lifecycle ----------------------------------------------------------------------
    def get_default_screen(self) -> Screen:
        return self.chat

    def on_mount(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        self.model = ModelThread(lambda event: self.post_message(ModelEvent(event)), self.engine_factory)
        for notice in [*self.store.notices, *self.settings.notices]:
            self.notify(notice, severity="warning", timeout=15)
        self.settings.on_notice = lambda message: self.notify(message, severity="warning", timeout=15)
        if self.store.interrupted:
            self.notify(
                f"지난 실행에서 중단된 답변 {self.store.interrupted}개를 표시해 두었습니다.", severity="warning"
            )
        if self.settings.model:
            self.load_model(self.settings.model, self.settings.adapter)
        if self.dataset:
            self.action_review()

    def on_unmount(self) -> None:
        if self.model is not None:
            self.model.stop()
        self.store.close()

    def watch_theme(self, theme: str) -> None:
        if hasattr(self, "settings") and self.settings.theme != theme:
            self.settings.theme = theme
            self.settings.save()

    # -- the model ----------------------------------------------------------------------
    @property
    def model_ready(self) -> bool:
        return bool(self.model_thread_model) and not self.model_loading

    def load_model(self, model: str, adapter: str = "") -> None:
        """Switch to ``model`` (+ ``adapter``): the model thread unloads the old one first."""
        if self.chat.answer is not None:
            self.chat.action_cancel()
        self.model_loading = True
        self.settings.model, self.settings.adapter = model, adapter or ""
        self.settings.remember(model, adapter)
        self.settings.save()
        self.model.load(model, adapter or "")

    async def on_model_event(self, message: ModelEvent) -> None:
        event = message.event
        if isinstance(event, Loading):
            self.model_loading = True
            self.model_thread_model = self.model_thread_adapter = ""
        elif isinstance(event, Loaded):
            self.model_loading = False
            self.model_thread_model, self.model_thread_adapter = event.model, event.adapter
        elif isinstance(event, LoadFailed):
            self.model_loading = False
        await self.chat.handle_model_event(event)

    # -- other screens ------------------------------------------------------------------
    def action_settings(self) -> None:
        from tui.screens.settings import SettingsScreen

        def done(changed: dict | None) -> None:
            if not changed:
                return
            model, adapter = changed.pop("model"), changed.pop("adapter")
            for key, value in changed.items():
                setattr(self.settings, key, value)
            self.settings.save()
            if self.settings.theme in self.available_themes:
                self.theme = self.settings.theme
            if model and (model, adapter) != (self.model_thread_model, self.model_thread_adapter):
                self.load_model(model, adapter)

        self.push_screen(SettingsScreen(self.settings, self.data_dir), done)

    def action_tune(self) -> None:
        from tui.screens.tune import TuneScreen

        # installed, so a run keeps going (and its screen keeps its curve) while the user chats
        if not self.is_screen_installed("tune"):
            self.install_screen(TuneScreen(self.settings, self.data_dir), "tune")
        self.push_screen("tune")

    def action_review(self) -> None:
        from tui.screens.review import ReviewScreen

        self.push_screen(ReviewScreen(self.dataset))

    def adapter_trained(self, path: str) -> None:
        """A tuning run finished: the adapter joins the picker's list."""
        self.settings.remember(adapter=path)
        self.settings.save()

    def export_conversation(self, conversation_id: int) -> Path:
        conv = self.store.conversation(conversation_id)
        slug = re.sub(r"[^\w가-힣]+", "-", conv.title if conv else "").strip("-")[:40] or "conversation"
        path = self.data_dir / "exports" / f"{conversation_id:04d}-{slug}.md"
        write_atomic(path, self.store.export_markdown(conversation_id))
        return path

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette", placeholder="명령 검색…"))

    def search_themes(self) -> None:
        from textual.theme import ThemeProvider

        self.push_screen(CommandPalette(providers=[ThemeProvider], placeholder="테마 검색…"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's built-in commands, in Korean (the palette speaks one language), then ours."""
        yield SystemCommand("테마 바꾸기", "화면 테마를 고릅니다", self.action_change_theme)
        yield SystemCommand("종료", "taxqa-tui를 끝냅니다", self.action_quit)
        if screen.query("HelpPanel"):
            yield SystemCommand("키 도움말 닫기", "키 도움말 패널을 닫습니다", self.action_hide_help_panel)
        else:
            yield SystemCommand("키 도움말", "지금 쓸 수 있는 키를 보여 줍니다", self.action_show_help_panel)
        if screen.maximized is not None:
            yield SystemCommand("원래 크기로", "최대화한 창을 원래 크기로 되돌립니다", screen.action_minimize)
        elif screen.focused is not None and screen.focused.allow_maximize:
            yield SystemCommand("최대화", "선택한 창을 화면 가득 보여 줍니다", screen.action_maximize)
        yield SystemCommand(
            "스크린샷 저장", "지금 화면을 SVG 파일로 저장합니다", lambda: self.set_timer(0.1, self.deliver_screenshot)
        )
        if screen is self.chat:
            yield SystemCommand("새 대화", "새 대화를 시작합니다", self.chat.action_new_conversation)
            yield SystemCommand("대화 이름 변경", "지금 대화의 이름을 바꿉니다", self.chat.action_rename)
            yield SystemCommand("대화 삭제", "지금 대화를 삭제합니다", self.chat.action_delete)
            yield SystemCommand(
                "Markdown으로 내보내기", "지금 대화를 Markdown 파일로 저장합니다", self.chat.action_export
            )
            yield SystemCommand(
                "근거 패널 열기/닫기", "조문과 계산기 패널을 보이거나 숨깁니다", self.chat.action_toggle_grounding
            )
            yield SystemCommand("답변 취소", "생성 중인 답변을 멈춥니다", self.chat.action_cancel)
        yield SystemCommand("설정", "모델, 어댑터, 시스템 프롬프트, 샘플링, 테마", self.action_settings)
        yield SystemCommand("튜닝", "데이터셋으로 LoRA 어댑터를 학습합니다", self.action_tune)
        yield SystemCommand("데이터셋 검토", "생성된 데이터와 반려 항목을 승인/반려합니다", self.action_review)


def build_parser(prog: str = "taxqa-tui") -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=prog, description="Korean tax Q&A chat in the terminal, on a local MLX model.")
    p.add_argument(
        "--model",
        help="registry name (e.g. gemma3-4b), local MLX/HF model folder or hub id, or PROVIDER:MODEL[@BASE_URL] "
        "(openai, ollama, lmstudio, anthropic; keys from OPENAI_API_KEY / ANTHROPIC_API_KEY)",
    )
    p.add_argument("--adapter-path", help="MLX adapter folder (adapter_config.json + adapters.safetensors)")
    p.add_argument(
        "--data-dir",
        help="folder for the history and settings (default: the user data dir, e.g. $XDG_DATA_HOME/taxqa)",
    )
    p.add_argument("--dataset", help="open the review screen on this dataset JSONL (e.g. checked.jsonl)")
    p.add_argument(
        "--system-prompt",
        help="system prompt to chat with, remembered in the settings ('' for none, as the demo's model was "
        "trained; default: the settings' prompt)",
    )
    p.add_argument(
        "--ground-compact",
        action="store_true",
        default=None,
        help="give the model the short grounding block of `taxqa data generate --ground-compact` (one line per "
        "article, the tax to pay last), as the demo's tiny model was trained; remembered in the settings",
    )
    p.add_argument("--backend", choices=CHAT_BACKENDS, default="mlx", help="mlx (default), torch (transformers + "
                   "a PEFT adapter; CUDA or CPU) or auto (mlx where Metal is present)")  # fmt: skip
    return p


def run_app(argv: list[str] | None = None, prog: str = "taxqa-tui") -> int:
    from taxqa.errors import UserError
    from tui.screens.review import is_rejects_file

    args = build_parser(prog).parse_args(argv)
    if args.dataset:
        if not Path(args.dataset).is_file():
            raise UserError(f"--dataset {args.dataset}: no such file (expected a dataset JSONL, e.g. checked.jsonl)")
        if is_rejects_file(args.dataset):
            raise UserError(
                f"--dataset {args.dataset}: is the quality gate's rejects; open the dataset it belongs to "
                "(e.g. checked.jsonl) and its rejects are shown beside it"
            )
    app = TaxQAApp(
        model=args.model,
        adapter_path=args.adapter_path,
        system_prompt=args.system_prompt,
        ground_compact=args.ground_compact,
        data_dir=args.data_dir,
        dataset=args.dataset,
        engine_factory=partial(chat_engine, args.backend),
    )
    app.run()
    return app.return_code or 0


def main(argv: list[str] | None = None, prog: str = "taxqa-tui") -> int:
    """The `taxqa-tui` entry point: the same error handling as every `taxqa` command."""
    from taxqa.cli import run_main

    return run_main(run_app, argv, prog)


if __name__ == "__main__":
    sys.exit(main())
