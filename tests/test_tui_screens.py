"""Pilot tests of taxqa-tui, continued: review, tuning, arguments, layout by size, overlays, settings
and damaged history."""

from __future__ import annotations

import json
import math
import re

import pytest

pytest.importorskip("mlx_lm")
pytest.importorskip("textual")

from textual.widgets import DataTable, Input, Label  # noqa: E402
from tui_kit import GIFT, SIZE, anyio_backend, ask, gemma, make_app, views, wait_for, xdg  # noqa: E402, F401 - fixtures are found by name (xdg is autouse)

from taxqa.records import QARecord, read_jsonl, write_jsonl_atomic  # noqa: E402
from tui.app import TaxQAApp, main  # noqa: E402
from tui.screens.chat import ChatScreen  # noqa: E402
from tui.screens.review import REJECTS_NAME, ReviewScreen  # noqa: E402
from tui.screens.tune import TuneScreen  # noqa: E402
from tui.settings import SETTINGS_NAME, Settings  # noqa: E402
from tui.widgets.grounding_panel import GroundingPanel, once_each  # noqa: E402
from tui.widgets.prompt_input import PromptInput  # noqa: E402
from tui.widgets.sidebar import Sidebar  # noqa: E402

pytestmark = pytest.mark.anyio


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
