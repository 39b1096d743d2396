"""Pilot tests of taxqa-tui: every screen and flow, on a tiny real MLX model."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("mlx_lm")
pytest.importorskip("textual")

from textual.widgets import Input, TextArea  # noqa: E402
from tui_kit import GIFT, SIZE, anyio_backend, ask, gemma, make_app, views, wait_for, xdg  # noqa: E402, F401 - fixtures are found by name (xdg is autouse)

from taxqa.grounding import figure_check  # noqa: E402
from tui.app import TaxQAApp  # noqa: E402
from tui.history import HistoryStore  # noqa: E402
from tui.screens.chat import ChatScreen  # noqa: E402
from tui.screens.settings import SettingsScreen  # noqa: E402
from tui.settings import SETTINGS_NAME  # noqa: E402
from tui.widgets.dialogs import ConfirmDialog  # noqa: E402
from tui.widgets.grounding_panel import ArticleItem, GroundingPanel  # noqa: E402
from tui.widgets.prompt_input import PromptInput  # noqa: E402
from tui.widgets.sidebar import ConversationItem  # noqa: E402
from tui.widgets.status import StatusBar  # noqa: E402

pytestmark = pytest.mark.anyio


async def test_send_stream_and_ground(tmp_path, gemma):
    app = make_app(tmp_path, gemma)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.focused, PromptInput)  # the question box has focus at start
        await wait_for(pilot, lambda: app.model_ready)
        await pilot.press(*"첫 줄")
        await pilot.press("shift+enter")
        await pilot.press(*"둘째 줄")
        assert app.chat.query_one(PromptInput).text == "첫 줄\n둘째 줄" and not views(app)
        app.chat.query_one(PromptInput).text = GIFT
        await pilot.press("enter")
        assert app.chat.query_one(PromptInput).text == ""
        await wait_for(pilot, lambda: app.chat.answer is None)
        user, answer = views(app)
        assert user.content == GIFT and answer.content and answer.status in ("length", "complete")
        assert app.chat.query_one("#status-stats").render().plain.count("토큰/초") == 1
        # the grounding panel: the calculator's breakdown, its assumptions, and the retrieved articles
        panel = app.chat.query_one(GroundingPanel)

        def panel_text() -> str:
            return " ".join(str(w.render()) for w in panel.query("Static, Label"))

        # the panel is redrawn when the verdict arrives: wait for the final drawing
        await wait_for(pilot, lambda: app.chat.query(ArticleItem) and "verdict" in panel.grounding)
        await wait_for(pilot, lambda: "6억 140만원" in panel_text())
        text = panel_text()
        assert "6억 140만원" in text and "성인으로 가정" in text and "상증법 제53조" in text
        # the model read exactly what the panel shows
        assert panel.grounding["grounded"] is True and "모델이 아래 근거를 읽고 답했습니다." in text
        # the verdict is the calculator's own check of the answer shown, for the figures the panel shows
        verdict = panel.grounding["verdict"]
        assert verdict == figure_check(GIFT, answer.content)
        assert verdict["kind"] == "gift" and verdict["asked"] == "payable"
        assert verdict["expected"]["payable"] == 601_400_000
        item = panel.query(ArticleItem).first()
        item.collapsed = False
        await wait_for(pilot, lambda: item.query(".article-text"))
        # the history holds the whole turn with its grounding
        store = HistoryStore.open_default(tmp_path / "data")
        conv = store.conversations()[0]
        assert conv.title == GIFT
        rows = store.messages(conv.id)
        assert [m.status for m in rows] == ["complete", answer.status] and rows[1].content == answer.content
        assert rows[1].grounding["calculation"]["figures"]["payable"] == 601_400_000 and rows[1].grounding["articles"]
        store.close()


async def test_disagreeing_figure_is_marked(tmp_path):
    app = make_app(tmp_path)
    store = app.store
    conv = store.new_conversation()
    store.add_message(conv.id, "user", GIFT)
    from tui import grounding

    g = {"calculation": grounding.calculation(GIFT), "verdict": grounding.verdict(GIFT, "증여세는 9,000만원입니다.")}
    store.add_message(conv.id, "assistant", "증여세는 9,000만원입니다.", grounding=g)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        panel = app.chat.query_one(GroundingPanel)
        marks = [w for w in panel.query(".disagree")]
        assert marks and "다릅니다" in str(marks[0].render())
        assert "9,000만원 != 계산값 6억 140만원" in " ".join(str(w.render()) for w in panel.query("Static"))


async def test_cancel_with_escape_then_next_turn(tmp_path, gemma):
    app = make_app(tmp_path, gemma)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.model_ready)
        app.settings.max_tokens = 3000  # far more than the time the test takes to press Esc
        app.chat.query_one(PromptInput).text = "종합소득 과세표준 5천만원이면 소득세는?"
        await pilot.press("enter")
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.chat.answer is None)
        cancelled = views(app)[-1]
        assert cancelled.status == "cancelled" and cancelled.has_class("unfinished")
        frozen = cancelled.content
        await ask(pilot, app, GIFT, max_tokens=4)
        assert cancelled.content == frozen  # no token of the cancelled request arrived later
        assert views(app)[-1].status in ("length", "complete") and views(app)[-1].content
        rows = app.store.messages(app.chat.conversation_id)
        assert [m.status for m in rows][:2] == ["complete", "cancelled"] and rows[1].content == frozen
        # the cancelled turn is not part of the next prompt
        assert app.store.turns(app.chat.conversation_id) == [(GIFT, views(app)[-1].content)]


async def test_switching_conversation_mid_answer_cancels_it(tmp_path, gemma):
    app = make_app(tmp_path, gemma)
    other = app.store.new_conversation("다른 대화")
    app.store.add_message(other.id, "user", "다른 질문")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.model_ready)
        await pilot.press("ctrl+n")
        app.settings.max_tokens = 3000
        app.chat.query_one(PromptInput).text = GIFT
        await pilot.press("enter")
        first = app.chat.conversation_id
        await app.chat.open_conversation(other.id)
        await wait_for(pilot, lambda: app.chat.answer is None)
        assert [v.content for v in views(app)] == ["다른 질문"]  # nothing of the old answer shows up here
        rows = app.store.messages(first)
        assert rows[1].status == "cancelled" and len(rows[1].content) < 3000
        await app.chat.open_conversation(first)
        assert views(app)[-1].status == "cancelled" and views(app)[-1].content == rows[1].content


async def test_conversations_switch_rename_search_delete_export(tmp_path):
    app = make_app(tmp_path)
    first = app.store.new_conversation()
    app.store.add_message(first.id, "user", "상속세 질문입니다")
    app.store.add_message(first.id, "assistant", "상속세 답변입니다")
    second = app.store.new_conversation()
    app.store.add_message(second.id, "user", "부가가치세 질문입니다")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.chat.conversation_id == second.id  # the newest opens
        items = list(app.chat.query(ConversationItem))
        assert [i.conversation.id for i in items] == [second.id, first.id]
        await pilot.click(items[1])
        await wait_for(pilot, lambda: app.chat.conversation_id == first.id)
        assert [v.content for v in views(app)] == ["상속세 질문입니다", "상속세 답변입니다"]
        # rename (Ctrl+R)
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: app.screen.query("#dialog-input"))
        app.screen.query_one("#dialog-input", Input).value = "상속 상담"
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.store.conversation(first.id).title == "상속 상담")
        # search
        app.chat.query_one("#search", Input).value = "부가가치세"
        await wait_for(pilot, lambda: len(app.chat.query(ConversationItem)) == 1)
        assert app.chat.query_one(ConversationItem).conversation.id == second.id
        app.chat.query_one("#search", Input).value = ""
        await wait_for(pilot, lambda: len(app.chat.query(ConversationItem)) == 2)
        # export (Ctrl+S)
        await pilot.press("ctrl+s")
        exported = list((tmp_path / "data" / "exports").glob("*.md"))
        assert len(exported) == 1 and "# 상속 상담" in exported[0].read_text(encoding="utf-8")
        # new conversation (Ctrl+N) is empty until the first question
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: app.chat.conversation_id is None)
        assert views(app) == []
        await pilot.click(list(app.chat.query(ConversationItem))[1])
        await wait_for(pilot, lambda: app.chat.conversation_id == first.id)
        # delete (F8) after confirming
        await pilot.press("f8")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await wait_for(pilot, lambda: app.store.conversation(first.id) is None)
        assert app.chat.conversation_id is None and len(app.chat.query(ConversationItem)) == 1


async def test_restart_shows_history_and_marks_interrupted(tmp_path, gemma):
    app = make_app(tmp_path, gemma)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.model_ready)
        await ask(pilot, app, GIFT, max_tokens=4)
        answer = views(app)[-1].content
    # simulate a crash mid-answer in another run: the row was left 'streaming'
    store = HistoryStore.open_default(tmp_path / "data")
    conv = store.conversations()[0]
    store.add_message(conv.id, "user", "두 번째 질문")
    row = store.add_message(conv.id, "assistant", "", status="streaming")
    store.update_message(row.id, content="일부만 나온 답")
    store.close()

    again = TaxQAApp(data_dir=tmp_path / "data")  # the model comes from the saved settings
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.settings.model == gemma
        shown = views(again)
        assert [v.content for v in shown] == [GIFT, answer, "두 번째 질문", "일부만 나온 답"]
        assert shown[-1].status == "interrupted" and shown[-1].has_class("unfinished")
        assert "중단" in str(shown[-1].query_one(".message-mark").render())
        await wait_for(pilot, lambda: again.model_ready)


def test_the_command_lines_system_prompt_wins_and_empty_means_none(tmp_path, gemma):
    from tui.app import build_parser

    args = build_parser().parse_args(["--model", gemma, "--system-prompt", ""])
    app = TaxQAApp(model=args.model, system_prompt=args.system_prompt, data_dir=tmp_path / "data")
    assert app.settings.system_prompt == ""  # the demo's model was trained without one
    assert TaxQAApp(model=gemma, data_dir=tmp_path / "other").settings.system_prompt  # not given: the settings'


async def test_settings_screen_saves_and_switches_model(tmp_path, gemma):
    import shutil

    other = str(shutil.copytree(gemma, tmp_path / "other-model"))
    app = make_app(tmp_path, gemma)
    async with app.run_test(size=(140, 50)) as pilot:
        await wait_for(pilot, lambda: app.model_ready)
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, SettingsScreen))
        screen = app.screen
        screen.query_one("#model", Input).value = other
        screen.query_one("#temperature", Input).value = "0.3"
        screen.query_one("#max-tokens", Input).value = "64"
        screen.query_one("#system-prompt", TextArea).text = "간단히 답하세요."
        screen.query_one("#theme").value = "nord"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ChatScreen))
        await wait_for(pilot, lambda: app.model_ready and app.model_thread_model == other)
        assert app.theme == "nord"
        saved = json.loads((tmp_path / "data" / SETTINGS_NAME).read_text(encoding="utf-8"))
        assert saved["model"] == other and saved["temperature"] == 0.3 and saved["max_tokens"] == 64
        assert saved["system_prompt"] == "간단히 답하세요." and saved["theme"] == "nord"
        assert saved["recent_models"][:2] == [other, gemma]
        # a bad number is refused, the screen stays
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, SettingsScreen))
        app.screen.query_one("#top-p", Input).value = "7"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ChatScreen))


async def test_command_palette_and_grounding_toggle(tmp_path):
    app = make_app(tmp_path)
    conv = app.store.new_conversation("기존 대화")
    app.store.add_message(conv.id, "user", "질문")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.chat.conversation_id == conv.id
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"새 대화")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.chat.conversation_id is None)
        panel = app.chat.query_one(GroundingPanel)
        assert panel.display
        await pilot.press("f3")
        assert not panel.display and app.settings.show_grounding is False
        # loading shows in the status bar (a moving bar and the seconds so far) while the UI keeps working
        status = app.chat.query_one(StatusBar)
        assert "모델 없음" in str(status.query_one("#status-model").render())
        status.start_loading("gemma3-4b", "")
        await pilot.pause()
        assert status.has_class("loading") and status.query_one("#status-progress").display
        assert "gemma3-4b · 불러오는 중" in str(status.query_one("#status-model").render())
        status.state = ""
        # without a model, sending explains what to do and keeps the question
        app.chat.query_one(PromptInput).text = "질문"
        await pilot.press("enter")
        await pilot.pause()
        assert app.chat.query_one(PromptInput).text == "질문" and not views(app)
