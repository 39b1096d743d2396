"""A question is read once into a `Case`: every surface (tax ask, generate --check, serve, the chat
app, eval, the quality gate) reads and computes it once and shows that same case."""

from __future__ import annotations

import dataclasses
import json
from types import SimpleNamespace

import pytest

from taxqa.case import read_case
from taxqa.tax.kinds import KINDS

GIFT = "부모님께 20억원을 증여받으면 증여세는 얼마인가요?"
RIGHT = "납부할 세액은 6억 140만원입니다."
WRONG = "증여세는 9,000만원입니다."


@pytest.fixture
def calls(monkeypatch):
    """Counts of every question reader and calculator call, through the registry (the real functions run)."""
    counts = {"read": 0, "compute": 0}

    def counting(name, fn):
        def wrapper(*args, **kwargs):
            counts[name] += 1
            return fn(*args, **kwargs)

        return wrapper

    for key, kind in list(KINDS.items()):
        changes = {"calculator": counting("compute", kind.calculator)}
        if kind.reader is not None:
            changes["reader"] = counting("read", kind.reader)
        monkeypatch.setitem(KINDS, key, dataclasses.replace(kind, **changes))
    return counts


def test_case_holds_reading_result_and_articles():
    case = read_case(GIFT, k=3)
    assert case.kind == "gift" and case.result.payable == 601_400_000
    assert case.reading["result"]["payable"] == 601_400_000 and case.reading["understood"]
    assert {"kind", "inputs", "understood", "assumptions", "missing", "result"} <= set(case.reading)
    assert 1 <= len(case.articles) <= 3 and case.articles[0]["citation"].startswith("상속세 및 증여세법")
    assert case.grounding() == {"articles": case.articles, "calculation": case.reading}
    not_computable = read_case("증여세 신고기한은 언제인가요?", retrieve=False)
    assert not_computable.calculation is None and not_computable.grounding()["calculation"] is None
    assert not_computable.check(RIGHT) is None


def test_nothing_checked_is_not_agreement():
    verdict = read_case(GIFT, retrieve=False).check("증여세는 증여받은 달의 말일부터 3개월 안에 신고합니다.")
    assert verdict is not None and verdict.checked is False and verdict.agree is None


def test_tax_ask_reads_and_computes_once(calls, capsys):
    from taxqa.tax.cli import main

    assert main(["ask", GIFT, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["result"]["payable"] == 601_400_000
    assert calls == {"read": 1, "compute": 1}


def test_generate_check_uses_the_case(calls, capsys):
    from taxqa.runtime.generate import report_check

    case = read_case(GIFT, k=2)
    report_check(case, WRONG)
    assert "DISAGREE" in capsys.readouterr().err
    assert calls == {"read": 1, "compute": 1}


def test_serve_ground_route_reads_and_computes_once(calls):
    from starlette.testclient import TestClient

    from taxqa.serve.app import ServeConfig, create_app

    app = create_app(ServeConfig(model_id="tiny", backend="torch"), None)  # the route never reaches the model
    with TestClient(app) as client:
        body = client.post("/v1/taxqa/ground", json={"question": GIFT, "answer": WRONG}).json()
    assert body["calculation"]["result"]["payable"] == 601_400_000 and body["articles"]
    assert body["check"]["agree"] is False
    assert calls == {"read": 1, "compute": 1}


def test_chat_app_panel_prompt_and_verdict_share_one_case(calls):
    from tui import grounding as ground
    from tui.screens.chat import ChatScreen

    screen = SimpleNamespace(cases={})
    panel = ChatScreen.read_case(screen, 7, GIFT, 2)  # what the model thread runs for message 7
    case = screen.cases[7]
    assert ground.model_context(panel)["calculation"] is case.reading  # the prompt reads the panel's case
    assert panel["calculation"]["figures"]["payable"] == case.result.payable
    assert ground.verdict(case, WRONG)["agree"] is False and ground.verdict(case, RIGHT)["agree"] is True
    assert calls == {"read": 1, "compute": 1}


def test_chat_app_gives_a_tiny_model_the_compact_block_it_was_trained_on(tmp_path):
    from taxqa.datagen.grounded import PAYABLE_LABEL
    from tui import grounding as ground
    from tui.app import TaxQAApp, build_parser
    from tui.screens.chat import ChatScreen

    screen = SimpleNamespace(cases={})
    full = ground.model_context(ChatScreen.read_case(screen, 1, GIFT, 2))
    compact = ground.model_context(ChatScreen.read_case(screen, 2, GIFT, 2, True))
    steps = compact["calculation"]["result"]["steps"]
    assert (
        steps == [{"label": PAYABLE_LABEL, "amount": 601_400_000}] and len(full["calculation"]["result"]["steps"]) > 1
    )
    assert all(a["text"] == "" for a in compact["articles"]) and any(a.get("text") for a in full["articles"])
    args = build_parser("taxqa-tui").parse_args(["--ground-compact"])
    app = TaxQAApp(ground_compact=args.ground_compact, data_dir=tmp_path / "data")
    assert app.settings.ground_compact is True  # remembered like --system-prompt
    assert TaxQAApp(data_dir=tmp_path / "other").settings.ground_compact is False  # the default: the full block


def test_chat_panel_respects_the_as_of_date():
    from tui import grounding as ground

    case = ground.read(GIFT, 1, as_of="2023-06-01")
    panel = ground.panel(case)
    assert case.as_of == "2023-06-01" and panel["calculation"]["as_of"] == case.result.as_of
    assert panel["calculation"]["figures"]["payable"] == case.result.payable


def test_eval_reads_each_question_once_across_modes(calls):
    from taxqa.records import QARecord
    from taxqa.runtime.ground_eval import item_grounding, judge
    from taxqa.runtime.ground_eval import read_case as eval_case

    record = QARecord.from_dict({"question": GIFT, "answer": RIGHT, "type": "calc", "source": "calculator"})
    case = eval_case(record, 2)
    for mode in ("on", "off"):
        item_grounding(record, mode, 2, case)
        figure = judge(record, case, WRONG)["figure"]
        assert figure["key_figure_ok"] is False and figure["expected"] == 601_400_000
    assert calls == {"read": 1, "compute": 1}


def test_quality_gate_reads_once(calls):
    from taxqa.datagen.quality import QualityGate

    checker = QualityGate()
    record = {"question": GIFT, "answer": WRONG + " 근거: 상속세 및 증여세법 제53조", "type": "teacher",
              "source": "statute", "citations": ["상속세 및 증여세법 제53조"]}  # fmt: skip
    _, reasons, extra = checker.check(record, "x:1")
    assert any(r.startswith("numeric:") for r in reasons) and extra["verification"]["agree"] is False
    assert calls == {"read": 1, "compute": 1}
