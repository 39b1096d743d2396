"""The chat screen: conversation list, the conversation, the grounding panel, the status bar."""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Input

from tui import grounding as ground
from tui.model_thread import Failed, Finished, Grounded, Loaded, LoadFailed, Loading, Token
from tui.widgets.dialogs import ConfirmDialog, TextDialog
from tui.widgets.grounding_panel import GroundingPanel
from tui.widgets.message import MessageView
from tui.widgets.prompt_input import PromptInput
from tui.widgets.sidebar import Sidebar
from tui.widgets.status import StatusBar

# Below these widths the side panels stop sharing the row with the conversation and become overlays,
# closed until toggled (Ctrl+B list, F3 grounding), so the conversation keeps a usable width.
SIDEBAR_INLINE_MIN = 130  # conversation list beside the chat at this width or more
GROUNDING_INLINE_MIN = 100  # grounding panel beside the chat at this width or more
SAVE_EVERY_SECONDS = 0.5  # how often a streaming answer is written to the history
FINISH_STATUS = {"stop": "complete", "length": "length", "cancelled": "cancelled"}


@dataclass
class ModelEvent(Message):
    """An event from the model thread, delivered on the UI thread."""

    event: object


@dataclass
class Answer:
    """The answer being generated."""

    request_id: int
    message_id: int
    conversation_id: int
    question: str
    view: MessageView | None  # None once the user has switched to another conversation
    saved_at: float = 0.0
    text: str = ""


class ChatScreen(Screen):
    # priority: these work while the question box has focus. The footer shows the everyday keys (quit first,
    # so it is there at 80 columns); the rest are in the command palette (Ctrl+P) and the key help.
    BINDINGS = [
        Binding("ctrl+q", "app.quit", "종료", priority=True),
        Binding("escape", "cancel", "취소", priority=True),
        Binding("ctrl+n", "new_conversation", "새 대화", priority=True),
        Binding("ctrl+b", "toggle_sidebar", "목록", priority=True),
        Binding("f3", "toggle_grounding", "근거", priority=True),
        Binding("f2", "app.settings", "설정", priority=True),
        Binding("f4", "app.tune", "튜닝", priority=True),
        Binding("f5", "app.review", "검토", priority=True),
        Binding("ctrl+r", "rename", "이름 변경", show=False, priority=True),
        Binding("ctrl+s", "export", "내보내기", show=False, priority=True),
        Binding("f8", "delete", "삭제", show=False, priority=True),
        Binding("ctrl+f", "search", "검색", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.conversation_id: int | None = None
        self.answer: Answer | None = None
        self.groundings: dict[int, dict] = {}  # message id -> grounding, while articles are fetched
        self.cases: dict[int, object] = {}  # message id -> the question's Case (read once, on the model thread)

    @property
    def store(self):
        return self.app.store

    @property
    def settings(self):
        return self.app.settings

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            yield Sidebar(id="sidebar")
            with Vertical(id="chat"):
                yield VerticalScroll(id="messages")
                yield PromptInput(id="prompt", placeholder="세법 질문을 입력하세요 (Enter 보내기, Shift+Enter 줄바꿈)")
            yield GroundingPanel(id="grounding")
        yield StatusBar(id="status")
        yield Footer(compact=True, show_command_palette=False)  # every key fits in 80 columns

    # -- layout -----------------------------------------------------------------------
    def panel_is_overlay(self, panel_id: str) -> bool:
        width = self.app.size.width
        return width < (SIDEBAR_INLINE_MIN if panel_id == "sidebar" else GROUNDING_INLINE_MIN)

    def apply_layout(self) -> None:
        """Inline panels follow the saved settings; overlay panels (narrow terminals) start closed."""
        for panel_id, shown in (("sidebar", self.settings.show_sidebar), ("grounding", self.settings.show_grounding)):
            panel = self.query_one(f"#{panel_id}")
            overlay = self.panel_is_overlay(panel_id)
            if overlay != panel.has_class("overlay"):
                panel.set_class(overlay, "overlay")
                panel.display = False if overlay else shown
            elif not overlay:
                panel.display = shown
        self._cover_chat()

    def _cover_chat(self) -> None:
        """An open overlay panel takes the whole row: the conversation under it is hidden meanwhile, so no
        Hangul is cut in half where the two would overlap (it showed as blanks in the Ctrl+B list)."""
        covered = any(p.has_class("overlay") and p.display for p in self.query("#sidebar, #grounding"))
        self.query_one("#chat").display = not covered

    def on_resize(self) -> None:
        self.apply_layout()

    def _toggle_panel(self, panel_id: str) -> bool:
        panel = self.query_one(f"#{panel_id}")
        panel.display = not panel.display
        if panel.has_class("overlay"):  # a passing look on a narrow terminal: not saved
            if panel.display:
                other = self.query_one("#grounding" if panel_id == "sidebar" else "#sidebar")
                if other.has_class("overlay"):
                    other.display = False
            self._cover_chat()
            if not panel.display:
                self.query_one(PromptInput).focus()
            return False
        return True

    async def on_mount(self) -> None:
        self.title = "taxqa · 세법 상담"
        self.apply_layout()
        conversations = self.store.conversations()
        await self.open_conversation(conversations[0].id if conversations else None)
        self.query_one(PromptInput).focus()

    # -- conversations --------------------------------------------------------------------
    async def refresh_sidebar(self) -> None:
        sidebar = self.query_one(Sidebar)
        await sidebar.show(self.store.conversations(sidebar.search_text), self.conversation_id)

    async def open_conversation(self, conversation_id: int | None) -> None:
        """Show a conversation (None: an empty new one, created when the first question is sent)."""
        answer = self.answer
        if answer is not None:  # it ends as 'cancelled' in the history; its view goes away
            self.action_cancel()
            view, answer.view = answer.view, None
            if view is not None:
                await view.stop_stream()
        self.conversation_id = conversation_id
        messages = self.query_one("#messages", VerticalScroll)
        await messages.remove_children()
        last_grounding = None
        if conversation_id is not None:
            views = []
            for m in self.store.messages(conversation_id):
                views.append(MessageView(m.role, m.content, message_id=m.id, status=m.status, model=m.model,
                                         adapter=m.adapter, grounding=m.grounding))  # fmt: skip
                if m.role == "assistant":
                    last_grounding = m.grounding
            await messages.mount_all(views)
            messages.scroll_end(animate=False)
        conv = self.store.conversation(conversation_id) if conversation_id else None
        self.sub_title = conv.title if conv and conv.title else "새 대화"
        await self.query_one(GroundingPanel).show(last_grounding)
        await self.refresh_sidebar()

    @on(Sidebar.Selected)
    async def switch_conversation(self, event: Sidebar.Selected) -> None:
        await self.open_conversation(event.conversation_id)
        sidebar = self.query_one(Sidebar)
        if sidebar.has_class("overlay"):  # picked: the overlay gets out of the way
            sidebar.display = False
            self._cover_chat()
        self.query_one(PromptInput).focus()

    @on(Input.Changed, "#search")
    async def search_changed(self) -> None:
        await self.refresh_sidebar()

    async def action_new_conversation(self) -> None:
        await self.open_conversation(None)
        self.query_one(PromptInput).focus()

    def action_search(self) -> None:
        sidebar = self.query_one(Sidebar)
        if not sidebar.display:
            self.action_toggle_sidebar()
        self.query_one("#search", Input).focus()

    def action_toggle_sidebar(self) -> None:
        if self._toggle_panel("sidebar"):
            self.settings.show_sidebar = bool(self.query_one(Sidebar).display)
            self.settings.save()

    def action_toggle_grounding(self) -> None:
        if self._toggle_panel("grounding"):
            self.settings.show_grounding = bool(self.query_one(GroundingPanel).display)
            self.settings.save()

    def action_rename(self) -> None:
        if self.conversation_id is None:
            self.notify("이름을 바꿀 대화가 없습니다.", severity="warning")
            return
        conv = self.store.conversation(self.conversation_id)
        conversation_id = self.conversation_id

        async def done(title: str | None) -> None:
            if title and title.strip():
                self.store.rename(conversation_id, title)
                if self.conversation_id == conversation_id:
                    self.sub_title = title.strip()
                await self.refresh_sidebar()

        self.app.push_screen(TextDialog("대화 이름", conv.title if conv else ""), done)

    def action_delete(self) -> None:
        if self.conversation_id is None:
            return
        conversation_id = self.conversation_id

        async def done(ok: bool | None) -> None:
            if ok:
                if self.conversation_id == conversation_id:
                    await self.open_conversation(None)
                self.store.delete(conversation_id)
                await self.refresh_sidebar()
                self.notify("대화를 삭제했습니다.")

        self.app.push_screen(ConfirmDialog("이 대화를 삭제할까요? 되돌릴 수 없습니다."), done)

    def action_export(self) -> None:
        if self.conversation_id is None:
            self.notify("내보낼 대화가 없습니다.", severity="warning")
            return
        try:
            path = self.app.export_conversation(self.conversation_id)
        except OSError as exc:
            self.notify(
                f"내보낼 수 없습니다: {exc.filename or ''} ({exc.strerror or type(exc).__name__})", severity="error"
            )
            return
        self.notify(f"Markdown으로 내보냈습니다: {path}")

    # -- asking -----------------------------------------------------------------------
    @on(PromptInput.Submitted)
    async def submitted(self, event: PromptInput.Submitted) -> None:
        await self.send(event.text)

    async def send(self, question: str) -> None:
        if self.answer is not None:
            self.notify("답변을 생성하는 중입니다. Esc로 취소할 수 있습니다.", severity="warning")
            return
        if not self.app.model_ready:
            self.notify("먼저 모델을 불러오세요 (F2 설정).", severity="error")
            return
        self.query_one(PromptInput).clear()
        if self.conversation_id is None:
            self.conversation_id = self.store.new_conversation().id
        history = self.store.turns(self.conversation_id)
        user = self.store.add_message(self.conversation_id, "user", question)
        grounding = {"calculation": None, "pending": True}
        s = self.settings
        model, adapter = self.app.model_thread_model, self.app.model_thread_adapter
        row = self.store.add_message(self.conversation_id, "assistant", "", status="streaming", model=model,
                                     adapter=adapter, grounding=grounding)  # fmt: skip
        messages = self.query_one("#messages", VerticalScroll)
        view = MessageView("assistant", "", message_id=row.id, status="streaming", model=model, adapter=adapter,
                           grounding=grounding)  # fmt: skip
        await messages.mount_all([MessageView("user", question, message_id=user.id), view])
        messages.anchor()
        view.start_stream()
        # the model thread retrieves the articles and runs the calculator first: the panel shows
        # that grounding (Grounded event) and the model reads exactly it (unless grounding is off)
        request_id = self.app.model.generate(question, history, system=s.system_prompt, max_tokens=s.max_tokens,
                                             temp=s.temperature, top_p=s.top_p, use_grounding=s.ground,
                                             ground=partial(self.read_case, row.id, question, s.articles,
                                                            s.ground_compact))  # fmt: skip
        self.answer = Answer(request_id, row.id, self.conversation_id, question, view, time.monotonic())
        self.groundings[row.id] = grounding
        await self.query_one(GroundingPanel).show(grounding)
        conv = self.store.conversation(self.conversation_id)
        self.sub_title = conv.title if conv else ""
        await self.refresh_sidebar()

    def read_case(self, message_id: int, question: str, k: int, compact: bool = False) -> dict:
        """On the model thread: read the question once; the panel, the prompt and the answer's
        figure check all take this one Case."""
        case = self.cases[message_id] = ground.read(question, k)
        return ground.panel(case) | ({"compact": True} if compact else {})

    async def grounding_ready(self, message_id: int, found: dict, used: bool) -> None:
        grounding = self.groundings.get(message_id)
        if grounding is None:
            return
        grounding.update(found, grounded=used)
        grounding.pop("pending", None)
        self.store.update_message(message_id, grounding=grounding)
        await self.show_grounding_if_current(message_id, grounding)

    async def show_grounding_if_current(self, message_id: int, grounding: dict) -> None:
        for view in self.query(MessageView):
            if view.message_id == message_id:
                view.grounding = grounding
                await self.query_one(GroundingPanel).show(grounding)
                return

    def action_cancel(self) -> None:
        if self.answer is not None:
            self.app.model.cancel(self.answer.request_id)

    async def on_message_view_clicked(self, event: MessageView.Clicked) -> None:
        if event.view.role == "assistant":
            await self.query_one(GroundingPanel).show(event.view.grounding)

    # -- model events -----------------------------------------------------------------
    async def handle_model_event(self, event: object) -> None:
        status = self.query_one(StatusBar)
        if isinstance(event, Loading):
            status.start_loading(event.model, event.adapter)
        elif isinstance(event, Loaded):
            status.model, status.adapter, status.state = event.model, event.adapter, ""
            self.notify(f"모델을 불러왔습니다 ({event.seconds:.1f}초)")
        elif isinstance(event, LoadFailed):
            status.state = "error"
            self.notify(f"모델을 불러오지 못했습니다: {event.error}", severity="error", timeout=10)
        answer = self.answer
        if answer is None or getattr(event, "request_id", None) != answer.request_id:
            return  # a cancelled or finished request's late events never reach another answer
        if isinstance(event, Grounded):
            await self.grounding_ready(answer.message_id, event.grounding, event.used)
        elif isinstance(event, Token):
            answer.text += event.text
            if answer.view is not None:
                await answer.view.append(event.text)
            if time.monotonic() - answer.saved_at >= SAVE_EVERY_SECONDS:
                self.store.update_message(answer.message_id, content=answer.text)
                answer.saved_at = time.monotonic()
        elif isinstance(event, Finished):
            await self.finish(answer, FINISH_STATUS.get(event.finish_reason, "complete"), event.stats)
        elif isinstance(event, Failed):
            await self.finish(answer, "error", {})
            self.notify(f"답변 생성 오류: {event.error}", severity="error", timeout=10)

    async def finish(self, answer: Answer, status: str, stats: dict) -> None:
        self.answer = None
        if answer.view is not None:
            await answer.view.stop_stream()
            answer.view.set_status(status)
        grounding = self.groundings.pop(answer.message_id, {})
        grounding.pop("pending", None)  # cancelled before the grounding was built: nothing more will come
        case = self.cases.pop(answer.message_id, None)
        if case is not None and grounding.get("calculation") and answer.text.strip():
            grounding["verdict"] = ground.verdict(case, answer.text)  # the Case the panel showed
        self.store.update_message(answer.message_id, content=answer.text, status=status, stats=stats,
                                  grounding=grounding)  # fmt: skip
        if stats:
            self.query_one(StatusBar).stats = stats
        await self.show_grounding_if_current(answer.message_id, grounding)
