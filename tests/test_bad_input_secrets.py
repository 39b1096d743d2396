"""The sweep, continued: keys never reach stderr or the gate, damaged settings and history,
gzip and old line ends, resume and review keep what they read."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from bad_input_kit import (  # noqa: F401 - fixtures are used as test parameters
    GOOD_QA,
    assert_one_line_error,
    make_inputs,
    model_files,
    pristine,
    run,
    run_case,
    shared_work,
    tree_hashes,
)
from bad_inputs import (  # noqa: E402
    GATE_FIELDS,
    HELD_FORMS,
    HELD_KEY,
    HISTORY_COLUMNS,
    KEY_SHAPES,
    SECRET_CONTEXTS,
    SETTINGS_FILES,
    SETTINGS_VALUES,
)

from taxqa.cli import (
    main,
    run_main,  # noqa: E402
)
from taxqa.errors import UserError  # noqa: E402


def _raise_with(secret: str, context: str):
    def func(argv, prog):
        if context == "user-error":
            raise UserError(f"server said: invalid key {secret} (401)")
        if context == "os-error-filename":
            raise OSError(2, "No such file or directory", f"/tmp/{secret}/x.json")
        raise UserError(f"GET https://api.example.com/v1/models?key={secret.replace(' ', '%20')}&page=2 failed")

    return func


@pytest.mark.parametrize("context", SECRET_CONTEXTS)
@pytest.mark.parametrize("shape", list(KEY_SHAPES))
def test_sweep_key_shapes_never_reach_stderr(shape, context, capsys):
    secret = KEY_SHAPES[shape]
    assert run_main(_raise_with(secret, context), [], "taxqa x") == 2
    err = capsys.readouterr().err
    token = secret.split()[-1]
    assert token not in err and token[-10:] not in err, err


@pytest.mark.parametrize("form", list(HELD_FORMS))
def test_sweep_pieces_and_base64_of_a_held_key_never_reach_stderr(form, capsys, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", HELD_KEY)
    shown = HELD_FORMS[form]
    assert run_main(_raise_with(shown, "user-error"), [], "taxqa x") == 2
    err = capsys.readouterr().err
    core = shown[2:-2] if len(shown) > 12 else shown
    assert core not in err, err


@pytest.fixture(scope="module")
def gate_passages():
    from taxqa.corpus import load_passages

    return load_passages(None)


@pytest.mark.parametrize("field", GATE_FIELDS)
@pytest.mark.parametrize("shape", list(KEY_SHAPES))
def test_sweep_the_gate_rejects_a_key_in_any_field(shape, field, gate_passages):
    from taxqa.datagen.quality import QualityGate

    key = KEY_SHAPES[shape]
    row = dict(GOOD_QA, citations=["상속세 및 증여세법 제53조"], meta={})
    if field == "citation":
        row["citations"] = [f"상속세 및 증여세법 제53조 {key}"]
    elif field == "meta":
        row["meta"] = {"note": key}
    else:
        row[field] = f"{row[field]} {key}"
    record, reasons, _ = QualityGate(gate_passages).check(row, "line 1")
    assert record is None and any(r.startswith("secret") for r in reasons), reasons


# --- the chat app: settings and history files it must read without losing them ----------------------
@pytest.mark.parametrize("name", list(SETTINGS_FILES) + ["folder-at-path"])
def test_sweep_damaged_settings_are_kept_and_reported(name, tmp_path):
    pytest.importorskip("textual")
    from tui.settings import Settings

    path = tmp_path / "tui-settings.json"
    if name == "folder-at-path":
        path.mkdir()
    else:
        path.write_bytes(SETTINGS_FILES[name])
    before = {p.name: (p.read_bytes() if p.is_file() else None) for p in tmp_path.iterdir()}
    settings = Settings.load(path)
    settings.temperature = 0.5
    settings.save()
    kept = [p for p in tmp_path.iterdir() if p.name != path.name] + ([path] if path.is_dir() else [])
    original = before[path.name]
    if original is None:
        assert path.is_dir() and settings.notices  # nothing saved over a folder, and the user is told
    elif original:
        assert settings.notices and any(p.is_file() and p.read_bytes() == original for p in kept), kept


@pytest.mark.parametrize("name", list(SETTINGS_VALUES))
def test_sweep_bad_setting_values_fall_back(name, tmp_path):
    pytest.importorskip("textual")
    from tui.settings import Settings

    path = tmp_path / "tui-settings.json"
    path.write_text(SETTINGS_VALUES[name], encoding="utf-8")
    settings = Settings.load(path)
    assert settings.save() in (True, False)
    assert 0 <= settings.temperature <= 2 and 1 <= settings.max_tokens <= 32768 and isinstance(settings.model, str)


def _history_missing(path: Path, table: str, column: str | None) -> None:
    import sqlite3

    db = sqlite3.connect(path)
    for name, columns in HISTORY_COLUMNS.items():
        if name == table and column is None:
            continue
        cols = ["id INTEGER PRIMARY KEY"] + [f"{c} {d}" for c, d in columns.items() if (name, c) != (table, column)]
        db.execute(f"CREATE TABLE {name} ({', '.join(cols)})")
    if table != "conversations" or column is not None:
        db.execute("INSERT INTO conversations(id) VALUES (1)")
    db.execute("PRAGMA user_version=1")
    db.commit()
    db.close()


def _history_cases():
    cases = [(t, c) for t, cols in HISTORY_COLUMNS.items() for c in cols]
    return cases + [(t, None) for t in HISTORY_COLUMNS]


@pytest.mark.parametrize("table,column", _history_cases())
def test_sweep_history_missing_a_table_or_column_opens(table, column, tmp_path):
    pytest.importorskip("textual")
    from tui.history import HistoryStore

    path = tmp_path / "history.sqlite3"
    _history_missing(path, table, column)
    store = HistoryStore(path)
    conv = store.new_conversation("t")
    store.add_message(conv.id, "user", "증여세 질문")
    assert [m.content for m in store.messages(conv.id)] == ["증여세 질문"]
    assert store.conversations()
    store.close()


# --- read right, not silently wrong: gzip and CR-only datasets; nothing lost on resume or review ----
def _qa_lines(n: int) -> list[str]:
    return [json.dumps(dict(GOOD_QA, question=f"{GOOD_QA['question']} ({i})"), ensure_ascii=False) for i in range(n)]


@pytest.mark.parametrize("layout", ["gzip", "cr-only", "crlf", "gzip-cr-only"])
def test_sweep_check_reads_gzip_and_old_mac_line_ends(layout, tmp_path, capsys):
    import gzip

    sep = "\r" if "cr-only" in layout else "\r\n" if layout == "crlf" else "\n"
    data = (sep.join(_qa_lines(3)) + sep).encode("utf-8")
    src = tmp_path / ("raw.jsonl.gz" if "gzip" in layout else "raw.jsonl")
    src.write_bytes(gzip.compress(data) if "gzip" in layout else data)
    assert main(["data", "check", str(src), "-o", str(tmp_path / "checked.jsonl")]) == 0
    assert len((tmp_path / "checked.jsonl").read_text(encoding="utf-8").splitlines()) == 3


@pytest.mark.parametrize("tail", ["complete-no-newline", "torn", "complete-crlf-no-newline"])
def test_sweep_resume_keeps_a_last_record_without_newline(tail, tmp_path):
    from taxqa.records import AppendWriter, read_jsonl

    path = tmp_path / "raw.jsonl"
    first, second = ({"i": 1, "meta": {"key": "a"}}, {"i": 2, "meta": {"key": "b"}})
    body = json.dumps(first) + "\n" + json.dumps(second)
    path.write_text(body + ("\r" if "crlf" in tail else "") if tail != "torn" else body[:-5], encoding="utf-8")
    with AppendWriter(path) as writer:
        writer.write({"i": 3, "meta": {"key": "c"}})
    rows = [obj["i"] for _, obj in read_jsonl(path)]
    assert rows == ([1, 3] if tail == "torn" else [1, 2, 3])


@pytest.mark.parametrize("name", ["checked.jsonl", "checked.jsonl.gz"])
def test_sweep_review_keeps_extra_fields_and_gzip(name, tmp_path):
    pytest.importorskip("textual")
    import gzip

    from tui.screens.review import ReviewSet

    rows = [dict(GOOD_QA, question=f"{GOOD_QA['question']} ({i})", grounding=None, extra={"mine": i}) for i in range(3)]
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    path = tmp_path / name
    path.write_bytes(gzip.compress(text.encode()) if name.endswith(".gz") else text.encode())
    review = ReviewSet(path)
    review.decide(0, "rejected")
    review.decide(1, "accepted")
    raw = path.read_bytes()
    if name.endswith(".gz"):
        raw = gzip.decompress(raw)  # still gzip, as its name says
    kept = [json.loads(line) for line in raw.decode().splitlines()]
    assert [r["extra"] for r in kept] == [{"mine": 1}, {"mine": 2}]


@pytest.mark.parametrize("where", ["answer", "question", "citation"])
def test_sweep_a_key_the_server_echoes_is_never_written(where, tmp_path, monkeypatch, capsys):
    from llm_server import LLMServer, default_responder

    key = "sk-" + "echoEcho" * 6

    def echo(api, body):
        reply = default_responder(api, body)
        for qa in reply["qa"]:
            if where == "citation":
                qa["citations"] = [*qa["citations"], f"상속세 및 증여세법 제53조 {key}"]
            else:
                qa[where] = f"{qa[where]} (key {key})"
        return reply

    monkeypatch.setenv("OPENAI_API_KEY", key)
    with LLMServer(responder=echo) as server:
        raw = tmp_path / "raw.jsonl"
        args = ["data", "generate", "--mode", "distill", "--provider", "openai", "--base-url",
                server.openai_base_url, "--n", "1", "--no-progress", "-o", str(raw)]  # fmt: skip
        assert main(args) == 0
    assert main(["data", "check", str(raw), "-o", str(tmp_path / "checked.jsonl")]) == 0
    err = capsys.readouterr().err
    for path in tmp_path.iterdir():
        assert key not in path.read_text(encoding="utf-8"), path
    assert key not in err


# --- hangs: inputs that never end or would fill memory are refused up front -------------------------
HANG_CASES = {
    "generate-n-1e11": ("data generate --mode calc --n 100000000000 -o {d}/g.jsonl", "--n"),
    "generate-n-2e6": ("data generate --mode calc --n 2000000 -o {d}/g.jsonl", "--n"),
    "eval-data-fifo": ("eval --model {d}/model_bad --data {d}/pipe -o {d}/e.json", "pipe"),
    "eval-data-dev-zero": ("eval --model {d}/model_bad --data /dev/zero -o {d}/e.json", "/dev/zero"),
    "import-dev-zero": ("data import /dev/zero -o {d}/i.jsonl", "/dev/zero"),
    "split-dev-zero": ("data split /dev/zero -o {d}/s", "/dev/zero"),
    "check-dev-zero": ("data check /dev/zero -o {d}/c.jsonl", "/dev/zero"),
    "check-fifo": ("data check {d}/pipe -o {d}/c.jsonl", "pipe"),
    "demo-model-huge": ("demo-model --arch gemma3 --out {d}/m --size 4096x65536", "--size"),
    "demo-model-5000-digits": ("demo-model --arch gemma3 --out {d}/m --size " + "9" * 5000 + "x64", "--size"),
    "corpus-build-dev-zero": ("corpus build /dev/zero -o {d}/p.jsonl", None),
    "o-is-dev-null-dir": ("data import {d}/seed.json -o /dev/null/x.jsonl", None),
}


@pytest.mark.parametrize("case_id", list(HANG_CASES))
def test_sweep_inputs_that_never_end_are_refused(case_id, shared_work, capsys):
    command, fragment = HANG_CASES[case_id]
    run_case([a.replace("{d}", str(shared_work)) for a in command.split(" ")], capsys, shared_work, fragment)


@pytest.mark.parametrize("reader", ["check", "split"])
def test_sweep_a_100_mb_line_is_one_error(reader, tmp_path, capsys):
    path = tmp_path / "huge.jsonl"
    with open(path, "wb") as fh:
        fh.write(b'{"question": "' + b"a" * (100 * 2**20) + b'"}\n')
    code, err = run(["data", reader, str(path), "-o", str(tmp_path / "out")], capsys)
    assert_one_line_error(code, err, "MB")


@pytest.mark.parametrize("command", ["check", "split", "import-missing", "check-o"])
def test_sweep_a_file_name_with_a_non_utf8_byte(command, tmp_path, capsys):
    """`\\xff` in a file name (Python keeps it as a surrogate escape): read, written and named in
    messages without a traceback."""
    name = os.fsdecode(b"data\xff.jsonl")
    src = tmp_path / name
    src.write_text("".join(_qa_lines(3)[i] + "\n" for i in range(3)), encoding="utf-8")
    argv = {
        "check": ["data", "check", str(src), "-o", str(tmp_path / "c.jsonl")],
        "split": ["data", "split", str(src), "-o", str(tmp_path / os.fsdecode(b"ds\xff"))],
        "import-missing": ["data", "import", str(tmp_path / os.fsdecode(b"none\xff.json")), "-o", str(tmp_path / "i")],
        "check-o": ["data", "check", str(src), "-o", str(tmp_path / os.fsdecode(b"out\xfe.jsonl"))],
    }[command]
    code, err = run(argv, capsys)
    assert "Traceback" not in err and code == (2 if command == "import-missing" else 0), err


@pytest.mark.parametrize("where", ["under-a-file", "proc"])
def test_sweep_a_data_folder_that_cannot_be_written(where, tmp_path):
    """The chat app's data folder cannot be written (read-only, or not a folder at all): the history is
    kept in memory and settings are not saved, each said in Korean; nothing crashes."""
    pytest.importorskip("textual")
    from tui.history import HistoryStore
    from tui.settings import Settings

    (tmp_path / "file").write_text("x", encoding="utf-8")
    folder = tmp_path / "file" / "data" if where == "under-a-file" else Path("/proc/taxqa-data")
    settings = Settings.load(folder / "tui-settings.json")
    assert settings.save() is False and settings.notices
    store = HistoryStore(folder / "history.sqlite3")
    conv = store.new_conversation("t")
    store.add_message(conv.id, "user", "질문")
    assert store.notices and [m.content for m in store.messages(conv.id)] == ["질문"]
