"""One chat message: a header line and Markdown that an answer streams into."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Label, Markdown
from textual.widgets.markdown import MarkdownStream

from tui.history import STATUS_LABELS
from tui.widgets.status import short


class MessageView(Vertical):
    DEFAULT_CSS = """
    MessageView { height: auto; margin: 0 0 1 0; padding: 0 1; }
    MessageView.user { background: $boost; border-left: thick $primary; }
    MessageView.assistant { border-left: thick $success; }
    MessageView.assistant.unfinished { border-left: thick $warning; }
    MessageView .message-header { color: $text-muted; text-style: bold; }
    MessageView .message-mark { color: $warning; display: none; }
    MessageView.unfinished .message-mark { display: block; }
    MessageView Markdown { margin: 0; padding: 0; }
    MessageView.selected { background: $boost; }
    """

    @dataclass
    class Clicked(Message):
        view: MessageView

    def __init__(self, role: str, content: str = "", *, message_id: int | None = None, status: str = "complete",
                 model: str = "", adapter: str = "", grounding: dict | None = None) -> None:  # fmt: skip
        super().__init__(classes=role)
        self.role, self.content, self.message_id = role, content, message_id
        self.status, self.model, self.adapter = status, model, adapter
        self.grounding: dict = grounding or {}
        self.stream: MarkdownStream | None = None

    def compose(self) -> ComposeResult:
        if self.role == "user":
            header = "질문"
        else:
            header = "답변" + (f" · {short(self.model)}" if self.model else "")
            header += f" + {short(self.adapter)}" if self.adapter else ""
        yield Label(header, classes="message-header")
        yield Markdown(self.content)
        yield Label("", classes="message-mark")

    def on_mount(self) -> None:
        self.set_status(self.status)

    def on_click(self) -> None:
        self.post_message(self.Clicked(self))

    @property
    def markdown(self) -> Markdown:
        return self.query_one(Markdown)

    def set_status(self, status: str) -> None:
        self.status = status
        unfinished = self.role == "assistant" and status not in ("complete", "streaming")
        self.set_class(unfinished, "unfinished")
        self.query_one(".message-mark", Label).update(f"⚠ {STATUS_LABELS.get(status, status)}" if unfinished else "")

    def start_stream(self) -> None:
        self.stream = Markdown.get_stream(self.markdown)

    async def append(self, text: str) -> None:
        self.content += text
        if self.stream is None:
            self.start_stream()
        await self.stream.write(text)

    async def stop_stream(self) -> None:
        if self.stream is not None:
            stream, self.stream = self.stream, None
            await stream.stop()
