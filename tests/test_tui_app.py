"""Pilot tests of taxqa-tui: every screen and flow, on a tiny real MLX model."""

from __future__ import annotations

import json
import math
import re
import time

import pytest

pytest.importorskip("mlx_lm")
pytest.importorskip("textual")

from textual.widgets import DataTable, Input, Label, TextArea  # noqa: E402

from taxqa.grounding import figure_check  # noqa: E402
from taxqa.records import QARecord, read_jsonl, write_jsonl_atomic  # noqa: E402
from tui.app import TaxQAApp, main  # noqa: E402
from tui.history import HistoryStore  # noqa: E402
from tui.screens.chat import ChatScreen  # noqa: E402
from tui.screens.review import REJECTS_NAME, ReviewScreen  # noqa: E402
from tui.screens.settings import SettingsScreen  # noqa: E402
from tui.screens.tune import TuneScreen  # noqa: E402
from tui.settings import SETTINGS_NAME, Settings  # noqa: E402
from tui.widgets.dialogs import ConfirmDialog  # noqa: E402
from tui.widgets.grounding_panel import ArticleItem, GroundingPanel, once_each  # noqa: E402
from tui.widgets.message import MessageView  # noqa: E402
from tui.widgets.prompt_input import PromptInput  # noqa: E402
from tui.widgets.sidebar import ConversationItem, Sidebar  # noqa: E402
from tui.widgets.status import StatusBar  # noqa: E402

pytestmark = pytest.mark.anyio

GIFT = "부모님께 20억원을 증여받으면 증여세는 얼마인가요?"
SIZE = (140, 40)


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture(autouse=True)
def xdg(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))


@pytest.fixture(scope="module")
def gemma(tiny_model):
    return str(tiny_model("gemma3"))


async def wait_for(pilot, condition, timeout=60.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.05)


def make_app(tmp_path, model=None, **kwargs) -> TaxQAApp:
    app = TaxQAApp(model=model, data_dir=tmp_path / "data", **kwargs)
    app.settings.max_tokens = 8
    return app


async def ask(pilot, app, question, max_tokens=8):
    app.settings.max_tokens = max_tokens
    app.chat.query_one(PromptInput).text = question
    await pilot.press("enter")
    await wait_for(pilot, lambda: app.chat.answer is None)


def views(app):
    return list(app.chat.query(MessageView))


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


def write_review_files(folder):
    records = [QARecord(f"질문 {i}번: 배우자에게 {i}억원 증여", f"답변 {i}", type="calc", source="calculator")
               for i in range(3)]  # fmt: skip
    write_jsonl_atomic(folder / "checked.jsonl", records)
    reject = QARecord("거절된 질문: 부모에게 3억원", "틀린 답", type="teacher", source="statute").to_dict()
    reject |= {"reasons": ["numeric: 세액 불일치"], "where": "line 4"}
    write_jsonl_atomic(folder / REJECTS_NAME, [reject, {"raw": "망가진 줄", "reasons": ["schema"], "where": "line 5"}])
    return folder / "checked.jsonl"


async def test_review_accept_and_reject(tmp_path):
    dataset = write_review_files(tmp_path)
    app = make_app(tmp_path, dataset=dataset)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.review is not None)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 5
        await pilot.press("r")  # reject the first dataset item -> it moves to rejects.jsonl
        await pilot.press("a")  # accept the second one -> it stays, marked
        table.move_cursor(row=3)
        await pilot.press("a")  # accept the reject -> it moves into checked.jsonl
        await pilot.press("a")  # the broken row cannot become a QA record
        await pilot.pause()
        checked = [obj for _, obj in read_jsonl(dataset)]
        rejects = [obj for _, obj in read_jsonl(tmp_path / REJECTS_NAME)]
        assert [r["question"] for r in checked] == ["질문 1번: 배우자에게 1억원 증여", "질문 2번: 배우자에게 2억원 증여",
                                                    "거절된 질문: 부모에게 3억원"]  # fmt: skip
        assert checked[0]["meta"]["review"]["decision"] == "accepted" and "review" not in checked[1]["meta"]
        assert checked[2]["meta"]["review"]["reasons"] == ["numeric: 세액 불일치"] and "reasons" not in checked[2]
        assert rejects[0]["question"] == "질문 0번: 배우자에게 0억원 증여"
        assert rejects[0]["meta"]["review"]["decision"] == "rejected" and "review:" in rejects[0]["reasons"][0]
        assert rejects[1] == {"raw": "망가진 줄", "reasons": ["schema"], "where": "line 5"}
        assert "승인 2 · 반려 1" in str(app.screen.query_one("#review-counts").render())
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ChatScreen))


async def test_tune_with_a_tiny_model(tmp_path, gemma):
    from conftest import write_tiny_dataset

    data = write_tiny_dataset(tmp_path / "dataset", n_train=8, n_valid=0, n_test=0)
    out = tmp_path / "adapter"
    app = make_app(tmp_path, gemma)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4")
        await wait_for(pilot, lambda: isinstance(app.screen, TuneScreen))
        screen = app.screen
        assert screen.query_one("#tune-model", Input).value == gemma
        screen.query_one("#tune-data", Input).value = str(data)
        screen.query_one("#tune-out", Input).value = str(out)
        screen.query_one("#tune-iters", Input).value = "2"
        screen.query_one("#tune-batch", Input).value = "2"
        await pilot.click("#start")
        await wait_for(pilot, lambda: screen.returncode is not None, timeout=120)
        assert screen.returncode == 0, "\n".join(screen.query_one("#tune-log").lines)
        assert [i for i, _ in screen.train_points] == [1, 2] and all(loss > 0 for _, loss in screen.train_points)
        assert "토큰/초" in str(screen.query_one("#progress").render())
        assert app.settings.recent_adapters[0] == str(out) and (out / "adapters.safetensors").exists()
        await wait_for(pilot, lambda: app.model_ready)
        await pilot.click("#use")  # chat with the new adapter
        await wait_for(pilot, lambda: isinstance(app.screen, ChatScreen))
        await wait_for(pilot, lambda: app.model_ready and app.model_thread_adapter == str(out))
        await ask(pilot, app, GIFT, max_tokens=3)
        assert views(app)[-1].adapter == str(out)


@pytest.mark.parametrize("anyio_backend", ["asyncio"])
def test_main_parses_arguments(anyio_backend):
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0


# -- the app at the sizes people use (issue 19) -------------------------------------------------------


@pytest.mark.parametrize(
    "size,sidebar,grounding",
    [((80, 24), False, False), ((100, 30), False, True), ((200, 50), True, True)],
)
async def test_panels_by_width_and_the_chat_keeps_its_room(tmp_path, size, sidebar, grounding):
    app = TaxQAApp(data_dir=tmp_path / "data")
    async with app.run_test(size=size) as pilot:
        await pilot.pause(0.2)
        chat = app.chat
        assert chat.query_one(Sidebar).display is sidebar
        assert chat.query_one(GroundingPanel).display is grounding
        assert chat.query_one("#chat").size.width >= min(54, size[0])  # never the 22 columns of old
        assert chat.query_one(PromptInput).size.width > 20
        assert app.return_code is None  # no crash at start


async def test_overlays_open_and_close_without_touching_the_saved_choice(tmp_path):
    app = TaxQAApp(data_dir=tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        panel = app.chat.query_one(GroundingPanel)
        await pilot.press("f3")
        assert panel.display and panel.has_class("overlay")
        await pilot.press("ctrl+b")  # one overlay at a time
        assert app.chat.query_one(Sidebar).display and not panel.display
        await pilot.press("ctrl+b")
        assert not app.chat.query_one(Sidebar).display
        assert app.settings.show_grounding and app.settings.show_sidebar  # a passing look is not a setting
        await pilot.resize_terminal(200, 50)
        await pilot.pause(0.2)
        assert panel.display and not panel.has_class("overlay")


async def test_empty_chat_says_nothing_about_amounts(tmp_path):
    app = TaxQAApp(data_dir=tmp_path / "data")
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause(0.2)
        texts = [str(label.render()) for label in app.chat.query_one(GroundingPanel).query(Label)]
        assert not any("계산할 수 있는 질문이 아닙니다" in t for t in texts)
        assert any("질문을 보내면" in t for t in texts)


async def test_command_palette_and_footer_speak_korean_and_show_quit(tmp_path):
    app = TaxQAApp(data_dir=tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert titles and all(re.search("[가-힣]", t) for t in titles), titles
        shown = [b for b in app.screen.active_bindings.values() if b.binding.show]
        assert shown[0].binding.key == "ctrl+q" and shown[0].binding.description == "종료"
        await pilot.press("ctrl+p")
        await pilot.pause(0.2)
        palette_input = app.screen.query_one("CommandInput")
        assert palette_input.placeholder == "명령 검색…"


def test_settings_file_numbers_out_of_range_fall_back(tmp_path):
    path = tmp_path / SETTINGS_NAME
    path.write_text('{"max_tokens": -5, "temperature": NaN, "top_p": 7, "articles": 3}', encoding="utf-8")
    s = Settings.load(path)
    assert s.max_tokens == 512 and s.temperature == 0.0 and s.top_p == 1.0 and s.articles == 3
    assert not math.isnan(s.temperature)
    json.loads(path.read_text(encoding="utf-8").replace("NaN", "null"))  # the file itself is left as it was


def test_each_assumption_once():
    items = [
        "배우자 실제 상속액이 없어 배우자상속공제 최소 5억원 적용",
        "거주자로 가정",
        "배우자 실제 상속액이 주어지지 않아 최소 배우자상속공제 5억원 적용",
        "신고기한 내 신고하여 신고세액공제 3%를 적용한 것으로 가정",
    ]
    assert once_each(items) == [items[0], items[1], items[3]]


@pytest.mark.parametrize("damage", ["corrupt-db", "data-dir-is-a-file"])
async def test_starts_on_a_damaged_history_and_says_so(tmp_path, damage):
    data = tmp_path / "data"
    if damage == "corrupt-db":
        data.mkdir()
        (data / "history.sqlite3").write_bytes(b"garbage, not SQLite" * 100)
    else:
        data.write_text("a user's file", encoding="utf-8")
    app = TaxQAApp(data_dir=data)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
        assert isinstance(app.screen, ChatScreen)
        shown = [n.message for n in app._notifications]
        assert any(("손상" in m) if damage == "corrupt-db" else ("메모리" in m) for m in shown), shown
    if damage == "corrupt-db":
        assert [p for p in data.iterdir() if ".corrupt-" in p.name]
    else:
        assert data.read_text(encoding="utf-8") == "a user's file"
