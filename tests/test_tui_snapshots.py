"""Snapshots of the main screens (pytest-textual-snapshot): fixed size, no cursor blink, no model.

Update after a deliberate UI change with `pytest tests/test_tui_snapshots.py --snapshot-update`
and look at the SVGs under tests/__snapshots__/.
"""

from __future__ import annotations

import pytest

pytest.importorskip("textual")
pytest.importorskip("pytest_textual_snapshot")

from taxqa.records import QARecord, write_jsonl_atomic  # noqa: E402
from tui import grounding  # noqa: E402
from tui.app import TaxQAApp  # noqa: E402
from tui.screens.review import REJECTS_NAME  # noqa: E402
from tui.widgets.prompt_input import PromptInput  # noqa: E402

SIZE = (130, 38)
GIFT = "부모님께 20억원을 증여받았습니다. 증여세는 얼마인가요?"
WRONG = (
    "부모로부터 20억원을 증여받으면 증여재산공제 5,000만원을 빼고 과세표준에 세율을 적용합니다.\n\n"
    "- 과세표준: 19억 5,000만원\n- 증여세는 9,000만원입니다.\n\n(상속세 및 증여세법 제53조, 제56조)"
)


@pytest.fixture(autouse=True)
def xdg(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))


def no_blink(app: TaxQAApp) -> None:
    for area in app.screen.query("TextArea, Input"):
        area.cursor_blink = False


def chat_app(tmp_path) -> TaxQAApp:
    app = TaxQAApp(data_dir=tmp_path / "data")
    store = app.store
    store.new_conversation("종합소득세 과세표준 질문")
    conv = store.new_conversation()
    spouse = "배우자에게 5억원을 증여하면 증여세는?"
    store.add_message(conv.id, "user", spouse)
    partial = store.add_message(conv.id, "assistant", "배우자 증여재산공제는 6억원까지", status="streaming",
                                grounding={"calculation": grounding.calculation(spouse)})  # fmt: skip
    store.update_message(partial.id, status="cancelled")
    store.add_message(conv.id, "user", GIFT)
    g = {"calculation": grounding.calculation(GIFT), "verdict": grounding.verdict(GIFT, WRONG)}
    g["articles"] = grounding.panel(GIFT, k=2)["articles"]  # what the panel shows: the Case's articles
    store.add_message(conv.id, "assistant", WRONG, model="gemma3-4b", adapter="tax-lora", grounding=g)
    return app


def test_chat_screen(snap_compare, tmp_path):
    async def run_before(pilot):
        await pilot.pause()
        no_blink(pilot.app)
        pilot.app.chat.query_one(PromptInput).text = "근로소득 연봉 5천만원이면 근로소득공제는?"
        await pilot.pause(0.3)  # let the panels finish their layout

    assert snap_compare(chat_app(tmp_path), terminal_size=SIZE, run_before=run_before)


def _chat_before(*keys):
    async def run_before(pilot):
        await pilot.pause()
        no_blink(pilot.app)
        await pilot.press(*keys)
        await pilot.pause(0.3)  # let the panels finish their layout

    return run_before


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (200, 50)], ids=["80x24", "100x30", "200x50"])
def test_chat_screen_at_common_sizes(snap_compare, tmp_path, size):
    """The sizes people use: 80x24 shows the conversation alone (panels are overlays), 100x30 adds the
    grounding panel, 200x50 everything; the footer always shows the quit key."""
    assert snap_compare(chat_app(tmp_path), terminal_size=size, run_before=_chat_before())


@pytest.mark.parametrize("key", ["f3", "ctrl+b"], ids=["grounding", "conversations"])
def test_chat_overlays_at_80x24(snap_compare, tmp_path, key):
    assert snap_compare(chat_app(tmp_path), terminal_size=(80, 24), run_before=_chat_before(key))


def test_new_chat_at_100x30(snap_compare, tmp_path):
    """An empty new chat: the grounding panel invites a question and says nothing about amounts."""
    assert snap_compare(TaxQAApp(data_dir=tmp_path / "data"), terminal_size=(100, 30), run_before=_chat_before())


def test_settings_screen(snap_compare, tmp_path):
    app = TaxQAApp(data_dir=tmp_path / "data")

    async def run_before(pilot):
        await pilot.pause()
        app.settings.model = "gemma3-1b"  # shown in the form, not loaded (no weights can be fetched here)
        app.settings.recent_adapters = ["adapters/gemma3-1b-tax"]
        await pilot.press("f2")
        await pilot.pause()
        no_blink(app)

    assert snap_compare(app, terminal_size=(130, 44), run_before=run_before)


def test_review_screen(snap_compare, tmp_path):
    records = [
        QARecord(
            "부모에게 3억원을 증여받으면 과세표준은?",
            "과세표준은 2억 5,000만원입니다.",
            type="calc",
            source="calculator",
        ),
        QARecord(
            "간이과세자 음식점 매출 6천만원 부가세는?", "납부세액은 90만원입니다.", type="calc", source="calculator"
        ),
        QARecord("상속세 신고기한은 언제인가요?", "상속개시일이 속한 달의 말일부터 6개월 이내입니다.", type="student"),
    ]
    write_jsonl_atomic(tmp_path / "checked.jsonl", records)
    reject = QARecord("부모에게 20억 증여세는?", "9,000만원입니다.", type="teacher").to_dict()
    write_jsonl_atomic(tmp_path / REJECTS_NAME, [reject | {"reasons": ["numeric: 9,000만원 != 6억 140만원"]}])
    app = TaxQAApp(data_dir=tmp_path / "data", dataset=tmp_path / "checked.jsonl")

    async def run_before(pilot):
        await pilot.pause()
        pilot.app.screen.query_one("#review-path").value = "checked.jsonl"
        await pilot.press("down", "a")
        await pilot.pause()
        no_blink(pilot.app)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_tune_screen(snap_compare, tmp_path):
    app = TaxQAApp(data_dir=tmp_path / "data")

    async def run_before(pilot):
        await pilot.press("f4")
        await pilot.pause()
        screen = pilot.app.screen
        screen.query_one("#tune-model").value = "gemma3-1b"
        screen.query_one("#tune-data").value = "data/dataset"
        screen.query_one("#tune-out").value = "adapters/gemma3-1b-tax"
        rows = []
        for i in range(1, 41):
            rows.append({"iter": i * 5, "iters": 200, "train_loss": 3.2 / (1 + i * 0.08) + 0.4,
                         "tokens_per_sec": 812.0, "peak_memory_gb": 3.41})  # fmt: skip
            if i % 10 == 0:
                rows.append({"iter": i * 5, "iters": 200, "val_loss": 3.3 / (1 + i * 0.07) + 0.5})
        screen.add_rows(rows)
        await pilot.pause()
        no_blink(pilot.app)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
