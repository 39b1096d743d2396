"""The chat app at the sizes people use: panels by width, Korean commands, the quit key, sane settings."""

from __future__ import annotations

import json
import math
import re

import pytest

pytest.importorskip("textual")

from textual.widgets import Label  # noqa: E402

from tui.app import TaxQAApp  # noqa: E402
from tui.settings import SETTINGS_NAME, Settings  # noqa: E402
from tui.widgets.grounding_panel import GroundingPanel, once_each  # noqa: E402
from tui.widgets.prompt_input import PromptInput  # noqa: E402
from tui.widgets.sidebar import Sidebar  # noqa: E402

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture(autouse=True)
def xdg(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))


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
