"""The chat app on a provider model (`taxqa-tui --model openai:…@URL`): the real openai SDK against the
loopback stand-in, through the app's own engine door (`chat_engine`)."""

from __future__ import annotations

import json
import sys
import time
from functools import partial
from pathlib import Path

import pytest

pytest.importorskip("textual")
pytest.importorskip("openai")

sys.path.insert(0, str(Path(__file__).resolve().parent))

from llm_server import LLMServer  # noqa: E402
from tui_kit import anyio_backend, xdg  # noqa: E402, F401 - fixtures are found by name (xdg is autouse)

from taxqa.runtime.backends import chat_engine  # noqa: E402
from tui.app import TaxQAApp, build_parser  # noqa: E402
from tui.widgets.message import MessageView  # noqa: E402
from tui.widgets.prompt_input import PromptInput  # noqa: E402

pytestmark = pytest.mark.anyio
ANSWER = "증여세는 6억 140만원입니다. 근거: 상속세 및 증여세법 제53조, 제56조."
GIFT = "부모님께 20억원을 증여받으면 증여세는 얼마인가요?"


@pytest.fixture(autouse=True)
def no_openai_key(monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)


async def wait_for(pilot, condition, timeout=60.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.05)


async def test_chat_app_answers_from_a_provider_model(tmp_path):
    with LLMServer(responder=lambda api, body: ANSWER) as server:
        spec = f"openai:stand-in@{server.openai_base_url}"
        assert build_parser().parse_args(["--model", spec]).model == spec
        app = TaxQAApp(model=spec, data_dir=tmp_path / "data", engine_factory=partial(chat_engine, "auto"))
        async with app.run_test(size=(140, 40)) as pilot:
            await wait_for(pilot, lambda: app.model_ready)
            app.chat.query_one(PromptInput).text = GIFT
            await pilot.press("enter")
            await wait_for(pilot, lambda: app.chat.answer is None)
            user, answer = list(app.chat.query(MessageView))
            assert user.content == GIFT and answer.content == ANSWER
        sent = json.dumps(server.requests[-1]["body"], ensure_ascii=False)
        assert "[참고 조문]" in sent and "[계산기 결과]" in sent  # the grounding the panel shows
