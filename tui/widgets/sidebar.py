"""The conversation list with a search box."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Label, ListItem, ListView

from tui.history import Conversation

TITLE_CELLS = 26  # what fits in the list at its narrowest (the 32-column overlay at 80x24)


def fit_title(title: str, cells: int = TITLE_CELLS) -> str:
    """Cut a title to ``cells`` terminal cells on a character boundary (Hangul is two cells wide), so the
    list never splits a wide character, which showed as blanks in the Ctrl+B overlay."""
    from rich.cells import cell_len

    title = " ".join(title.split())
    if cell_len(title) <= cells:
        return title
    out, used = [], 0
    for ch in title:
        width = cell_len(ch)
        if used + width > cells - 1:
            break
        out.append(ch)
        used += width
    return "".join(out) + "…"


class ConversationItem(ListItem):
    def __init__(self, conversation: Conversation) -> None:
        super().__init__(Label(fit_title(conversation.title or "새 대화"), markup=False))
        self.conversation = conversation


class Sidebar(Vertical):
    DEFAULT_CSS = """
    Sidebar { width: 30; border-right: vkey $panel-lighten-2; }
    Sidebar #sidebar-title { text-style: bold; padding: 0 1; color: $text-accent; }
    Sidebar Input { margin: 0; }
    Sidebar ListView { height: 1fr; }
    Sidebar ListItem Label { width: 1fr; height: 1; text-wrap: nowrap; }
    """

    @dataclass
    class Selected(Message):
        conversation_id: int

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.current_id: int | None = None

    def compose(self) -> ComposeResult:
        yield Label("대화 목록", id="sidebar-title")
        yield Input(placeholder="대화 검색", id="search")
        yield ListView(id="conversations")

    @property
    def search_text(self) -> str:
        return self.query_one("#search", Input).value

    async def show(self, conversations: list[Conversation], current_id: int | None) -> None:
        self.current_id = current_id
        view = self.query_one(ListView)
        await view.clear()
        await view.extend(ConversationItem(c) for c in conversations)
        for i, c in enumerate(conversations):
            if c.id == current_id:
                view.index = i
                break

    def on_list_view_selected(self, event: ListView.Selected) -> None:
        event.stop()
        if isinstance(event.item, ConversationItem) and event.item.conversation.id != self.current_id:
            self.post_message(self.Selected(event.item.conversation.id))
