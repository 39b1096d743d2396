"""Small modal dialogs: ask for a line of text, or confirm."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

DIALOG_CSS = """
TextDialog, ConfirmDialog { align: center middle; }
TextDialog > Vertical, ConfirmDialog > Vertical {
    width: 60; height: auto; padding: 1 2; border: thick $accent; background: $surface;
}
TextDialog Horizontal, ConfirmDialog Horizontal { height: auto; margin-top: 1; align-horizontal: right; }
TextDialog Button, ConfirmDialog Button { margin-left: 1; }
"""


class TextDialog(ModalScreen[str | None]):
    """Returns the text entered, or None when cancelled."""

    DEFAULT_CSS = DIALOG_CSS
    BINDINGS = [("escape", "cancel", "취소")]

    def __init__(self, prompt: str, value: str = "") -> None:
        super().__init__()
        self.prompt, self.value = prompt, value

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.prompt)
            yield Input(self.value, id="dialog-input")
            with Horizontal():
                yield Button("확인", variant="primary", id="ok")
                yield Button("취소", id="cancel")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(self.query_one(Input).value if event.button.id == "ok" else None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDialog(ModalScreen[bool]):
    DEFAULT_CSS = DIALOG_CSS
    BINDINGS = [("escape", "cancel", "취소"), ("y", "ok", "예")]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.question)
            with Horizontal():
                yield Button("예", variant="error", id="ok")
                yield Button("아니오", id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "ok")

    def action_ok(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
