"""Shared pieces of the taxqa-tui Pilot tests: the data folders, the tiny model, waiting and asking."""

from __future__ import annotations

import time

import pytest

from tui.app import TaxQAApp
from tui.widgets.message import MessageView
from tui.widgets.prompt_input import PromptInput

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
