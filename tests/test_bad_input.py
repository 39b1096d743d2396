"""Every command against a table of bad inputs: one error line, exit code 2, no traceback, and not one
byte of any file changed (the whole working folder is hashed before and after)."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import write_tiny_dataset

from taxqa.cli import main

GOOD_QA = {
    "question": "부모님께 3억원을 증여받으면 증여세 과세표준은 얼마인가요?",
    "answer": "과세표준은 2억 5,000만원입니다. (상속세 및 증여세법 제53조)",
    "type": "calc",
    "source": "calculator",
}


@pytest.fixture(scope="module")
def model_files(tiny_model):
    """config.json and tokenizer files of a real tiny checkpoint (copied into each case's folder)."""
    return tiny_model("gemma3")


def make_inputs(root: Path, model_files: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    line = json.dumps(GOOD_QA, ensure_ascii=False) + "\n"
    (root / "raw.jsonl").write_text(line, encoding="utf-8")
    (root / "checked.jsonl").write_text(line, encoding="utf-8")
    write_tiny_dataset(root / "dataset", n_train=6, n_valid=2, n_test=2)
    (root / "garbage.json").write_bytes(b"\xff\xfe\x81\x00\xfa\xfb not text")
    (root / "nested.json").write_text("[" * 200_000, encoding="utf-8")
    (root / "nested.jsonl").write_text("[" * 200_000 + "\n", encoding="utf-8")
    (root / "userdir").mkdir()
    (root / "userdir" / "notes.txt").write_text("the user's own notes\n", encoding="utf-8")
    # a model folder whose weights are corrupt, and one without tokenizer files
    bad = root / "model_bad"
    bad.mkdir()
    for name in ("config.json", "tokenizer.json", "tokenizer_config.json", "chat_template.jinja"):
        if (model_files / name).exists():
            shutil.copy(model_files / name, bad / name)
    (bad / "model.safetensors").write_bytes(b"\x08\x00\x00\x00\x00\x00\x00\x00{broken")
    shutil.copytree(model_files, root / "model_good")
    notok = root / "model_notok"
    notok.mkdir()
    shutil.copy(model_files / "config.json", notok / "config.json")
    shutil.copy(model_files / "model.safetensors", notok / "model.safetensors")
    adapter = root / "adapter_bad"
    adapter.mkdir()
    (adapter / "adapter_config.json").write_text(
        json.dumps({"num_layers": 2, "lora_parameters": {"rank": 8, "scale": 20.0, "dropout": 0.0}}), encoding="utf-8"
    )
    (adapter / "adapters.safetensors").write_bytes(os.urandom(64))
    (adapter / "training_state.json").write_text('{"iters_done": 2}\n', encoding="utf-8")
    return root


def tree_hashes(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
        for p in sorted(root.rglob("*"))
    }


# (id, argv with {d} for the working folder, a fragment the error line must contain)
CASES = [
    # data check: outputs that are inputs or each other, numbers out of range, missing / read-only
    ("check-o-is-rejects", "data check {d}/raw.jsonl -o {d}/out.jsonl --rejects {d}/out.jsonl", "--rejects"),
    ("check-rejects-is-input", "data check {d}/raw.jsonl -o {d}/out.jsonl --rejects {d}/raw.jsonl", "input"),
    ("check-o-is-input", "data check {d}/raw.jsonl -o {d}/raw.jsonl", "input"),
    ("check-o-is-folder", "data check {d}/raw.jsonl -o {d}/userdir", "folder"),
    ("check-read-only", "data check {d}/raw.jsonl -o /proc/taxqa-out.jsonl", "cannot write"),
    ("check-min-korean-nan", "data check {d}/raw.jsonl -o {d}/o.jsonl --min-korean nan", "--min-korean"),
    ("check-near-dup-2", "data check {d}/raw.jsonl -o {d}/o.jsonl --near-dup-threshold 2", "--near-dup-threshold"),
    ("check-missing-input", "data check {d}/nope.jsonl -o {d}/o.jsonl", "no such file"),
    # data split: into the folder it reads, over an existing dataset, bad fractions
    ("split-into-its-folder", "data split {d}/dataset/train.jsonl -o {d}/dataset", "holds the input"),
    ("split-over-dataset", "data split {d}/checked.jsonl -o {d}/dataset", "--force"),
    ("split-valid-2", "data split {d}/checked.jsonl -o {d}/new --valid 2", "--valid"),
    ("split-test-nan", "data split {d}/checked.jsonl -o {d}/new --test nan", "--test"),
    ("split-seed-negative", "data split {d}/checked.jsonl -o {d}/new --seed -1", "--seed"),
    # data import: unreadable bytes, nesting, output over the input
    ("import-garbage-bytes", "data import {d}/garbage.json -o {d}/o.jsonl", "UTF-8"),
    ("import-nested", "data import {d}/nested.json -o {d}/o.jsonl", "nested"),
    ("import-o-is-input", "data import {d}/garbage.json -o {d}/garbage.json", "input"),
    # data generate: numbers that did nothing or ran forever
    ("generate-max-retries", "data generate --mode calc --max-retries -1 -o {d}/o.jsonl", "--max-retries"),
    ("generate-price", "data generate --mode calc --price=-1,-1 -o {d}/o.jsonl", "--price"),
    ("generate-temperature", "data generate --mode calc --temperature nan -o {d}/o.jsonl", "--temperature"),
    ("generate-concurrency", "data generate --mode calc --concurrency 0 -o {d}/o.jsonl", "--concurrency"),
    ("generate-o-folder", "data generate --mode calc -o {d}/userdir", "folder"),
    # tax: amounts that used to be misread
    ("tax-misplaced-comma", "tax gift --amount 1,0000 --relation lineal_ascendant", "1,0000"),
    ("tax-numbers-side-by-side", "tax gift --amount 5_3 --relation lineal_ascendant", "5 3"),
    ("tax-arabic-digits", "tax gift --amount ٣٠٠ --relation lineal_ascendant", "ASCII"),
    ("tax-giant", "tax gift --amount " + "9" * 5000 + " --relation lineal_ascendant", "too long"),
    # demo-model / demo: never remove what taxqa did not make
    ("demo-model-cwd", "demo-model --arch gemma3 --out .", "current folder"),
    ("demo-model-user-folder", "demo-model --arch gemma3 --out {d}/userdir", "not made by taxqa"),
    ("demo-model-vocab", "demo-model --arch gemma3 --out {d}/m --vocab-size 10", "--vocab-size"),
    ("demo-fresh-user-folder", "demo --out {d}/userdir --fresh", "not made by taxqa"),
    ("demo-into-user-folder", "demo --out {d}/userdir", "not made by taxqa"),
    ("convert-o-is-file", "convert --base gemma3-1b --adapter {d}/adapter_bad -o {d}/raw.jsonl", "is a file"),
    # eval: outputs checked before the model is loaded
    ("eval-o-is-test-file", "eval --model {d}/model_bad --data {d}/dataset -o {d}/dataset/test.jsonl", "input"),
    ("eval-o-is-folder", "eval --model {d}/model_bad --data {d}/dataset -o {d}/userdir", "folder"),
    ("eval-report-is-o", "eval --model {d}/model_bad --data {d}/dataset -o {d}/r.json --report {d}/r.json", "-o"),
    ("eval-max-tokens", "eval --model {d}/model_bad --data {d}/dataset -o {d}/r.json --max-tokens 0", "--max-tokens"),
    ("eval-nested-data", "eval --model {d}/model_bad --data {d}/nested.jsonl -o {d}/r.json", "nested"),
    ("eval-corrupt-weights", "eval --model {d}/model_bad --data {d}/dataset -o {d}/r.json", "model_bad"),
    # lora
    ("lora-dropout", "lora --model {d}/model_bad --data {d}/dataset --dropout 2", "--dropout"),
    ("lora-rank-zero", "lora --model {d}/model_bad --data {d}/dataset --rank 0", "--rank"),
    ("lora-into-data", "lora --model {d}/model_bad --data {d}/dataset --adapter-path {d}/dataset", "--data"),
    (
        "lora-replace-user-folder",
        "lora --model {d}/model_bad --data {d}/dataset --adapter-path {d}/userdir",
        "not made",
    ),
    (
        "lora-resume-other-rank",
        "lora --model {d}/model_bad --data {d}/dataset --batch-size 2 --adapter-path {d}/adapter_bad --resume --rank 4",
        "--rank 4",
    ),
    (
        "lora-corrupt-weights",
        "lora --model {d}/model_bad --data {d}/dataset --batch-size 2 --adapter-path {d}/a",
        "corrupt",
    ),
    (
        "lora-resume-corrupt-checkpoint",
        "lora --model {d}/model_good --data {d}/dataset --batch-size 2 --adapter-path {d}/adapter_bad --resume",
        "corrupt",
    ),
    (
        "generate-corrupt-adapter-weights",
        "generate --model {d}/model_good -p 질문 --adapter-path {d}/adapter_bad",
        "adapter",
    ),
    # generate
    ("generate-temp-nan", "generate --model {d}/model_bad -p 질문 --temp nan", "--temp"),
    ("generate-max-tokens", "generate --model {d}/model_bad -p 질문 --max-tokens -5", "--max-tokens"),
    ("generate-no-tokenizer", "generate --model {d}/model_notok -p 질문", "tokenizer"),
    ("generate-corrupt-weights", "generate --model {d}/model_bad -p 질문", "model_bad"),
    ("generate-corrupt-adapter", "generate --model {d}/model_bad -p 질문 --adapter-path {d}/userdir", "adapter"),
    # convert / corpus / models
    ("convert-o-holds-adapter", "convert --base {d}/model_bad --adapter {d}/adapter_bad -o {d}", "holds the --"),
    ("corpus-build-o-is-source", "corpus build {d}/raw.jsonl -o {d}/raw.jsonl", "input"),
    ("corpus-fetch-o-is-file", "corpus fetch --law 소득세법 -o {d}/raw.jsonl", "is a file"),
    ("train-output-is-data", "train --check --data {d}/dataset --output {d}", "--data"),
    ("corpus-max-chars", "corpus build --embedded -o {d}/p.jsonl --max-chars -5", "--max-chars"),
    ("models-unknown-flag", "models --bogus", "unrecognized"),
]


def run(argv: list[str], capsys, stdin: bytes | None = None) -> tuple[int, str]:
    old_stdin = sys.stdin
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse
        code = exc.code
    finally:
        sys.stdin = old_stdin
    return code, capsys.readouterr().err


def assert_one_line_error(code: int, err: str, fragment: str) -> None:
    assert "Traceback" not in err, err
    errors = [line for line in err.splitlines() if "error:" in line]
    assert len(errors) == 1, err
    assert code == 2, (code, err)
    assert fragment in errors[0], errors[0]


@pytest.mark.parametrize("case_id,command,fragment", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_one_line_exit_2_and_changes_nothing(
    case_id, command, fragment, tmp_path, model_files, capsys, monkeypatch
):
    work = make_inputs(tmp_path / "work", model_files)
    monkeypatch.chdir(work)
    before = tree_hashes(work)
    argv = [a.replace("{d}", str(work)) for a in command.split(" ")]
    argv = [a.replace("5_3", "5 3") for a in argv]
    code, err = run(argv, capsys)
    assert_one_line_error(code, err, fragment)
    assert tree_hashes(work) == before, "a refused command changed or left files"


def test_generate_prompt_from_stdin_in_an_unknown_encoding(tmp_path, model_files, capsys):
    work = make_inputs(tmp_path / "work", model_files)
    code, err = run(["generate", "--model", str(work / "model_bad"), "-p", "-"], capsys, stdin=b"\xff\xfe\x81\xfa\xfb")
    assert_one_line_error(code, err, "stdin")


def test_cp949_seed_imports(tmp_path, capsys):
    seed = [
        {
            "question": "부모님께 20억원을 증여받으면 증여세는?",
            "answer": "산출세액은 6억 2,000만원입니다.",
            "type": "teacher",
        }
    ]
    path = tmp_path / "seed.json"
    path.write_bytes(json.dumps(seed, ensure_ascii=False).encode("cp949"))
    assert main(["data", "import", str(path), "-o", str(tmp_path / "out.jsonl")]) == 0
    assert "부모님께" in (tmp_path / "out.jsonl").read_text(encoding="utf-8")


def taxqa_cli(*args: str) -> list[str]:
    return [sys.executable, "-c", "import sys; from taxqa.cli import main; sys.exit(main())", *args]


@pytest.mark.parametrize(
    "args", [("tax", "gift", "--amount", "20억", "--relation", "lineal_ascendant"), ("--version",), ("--help",)]
)
def test_broken_pipe_is_quiet(args):
    """`taxqa ... | head -1`, `taxqa --version | true`: the reader goes away; no BrokenPipeError traceback."""
    proc = subprocess.Popen(taxqa_cli(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # like `head` exiting before the output is written
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) in (0, 1, 120) and "Traceback" not in err and "BrokenPipe" not in err, err


def test_no_colour_codes_when_not_a_terminal():
    for args in (("models",), ("tax", "gift", "--amount", "20억", "--relation", "lineal_ascendant")):
        out = subprocess.run(taxqa_cli(*args), capture_output=True, timeout=60)
        assert out.returncode == 0 and b"\x1b[" not in out.stdout + out.stderr


def test_tui_entry_point_uses_the_same_error_handling(tmp_path):
    rejects = tmp_path / "checked.rejects.jsonl"
    rejects.write_text("", encoding="utf-8")
    script = "import sys; from tui.app import main; sys.exit(main())"
    for args in (["--dataset", str(rejects)], ["--dataset", str(tmp_path / "nope.jsonl")]):
        out = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=60)
        assert out.returncode == 2 and "Traceback" not in out.stderr
        assert out.stderr.startswith("taxqa-tui: error: --dataset") and len(out.stderr.strip().splitlines()) == 1


# --- the systematic sweep (tests/bad_inputs.py): outputs, damaged files, numbers, text ----------------
import stat  # noqa: E402

from bad_inputs import (  # noqa: E402
    BAD_TEXTS,
    LENIENT,
    READERS,
    SPECIAL_PATHS,
    STDIN_BYTES,
    bad_contents,
    numeric_cases,
    output_cases,
    reader_cases,
    text_cases,
)


def make_user_files(root: Path) -> None:
    """What a user keeps beside taxqa's files: none of it may be written, replaced or removed."""
    (root / "notes.txt").write_text("the user's own notes\n", encoding="utf-8")
    (root / "notes_nonl.txt").write_text("notes without a trailing newline", encoding="utf-8")
    (root / "README.md").write_text("# my project\n", encoding="utf-8")
    (root / "dataset" / "card.md").write_text("# my dataset card\n", encoding="utf-8")
    (root / "mine.rejects.jsonl").write_text("my own list, not rejects\n", encoding="utf-8")
    (root / "seed.json").write_text(json.dumps([GOOD_QA], ensure_ascii=False), encoding="utf-8")
    (root / "link_notes.txt").symlink_to(root / "notes.txt")
    (root / "dangling.jsonl").symlink_to(root / "nowhere.jsonl")
    (root / "loop.jsonl").symlink_to(root / "loop.jsonl")
    os.mkfifo(root / "pipe")
    (root / "dataset" / ".taxqa-made").write_text('{"made_by": "data split"}\n', encoding="utf-8")


def snapshot(root: Path) -> dict[str, tuple]:
    """Names, sizes, modification times and modes of everything under ``root`` (FIFOs never opened)."""
    out = {}
    for p in sorted(root.rglob("*")):
        st = p.lstat()
        kind = stat.S_IFMT(st.st_mode)  # a folder's own mtime moves when a writability probe comes and goes
        out[str(p.relative_to(root))] = (kind,) if kind == stat.S_IFDIR else (kind, st.st_size, st.st_mtime_ns)
    return out


@pytest.fixture(scope="module")
def pristine(tmp_path_factory, model_files) -> Path:
    root = make_inputs(tmp_path_factory.mktemp("sweep") / "work", model_files)
    make_user_files(root)
    return root


@pytest.fixture
def shared_work(pristine, monkeypatch) -> Path:
    monkeypatch.chdir(pristine)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.delenv("LAW_OC", raising=False)
    return pristine


def run_case(argv: list[str], capsys, work: Path, fragment: str | None, *, exits=(2,)) -> None:
    before = snapshot(work)
    code, err = run(argv, capsys)
    assert "Traceback" not in err, err[-2000:]
    assert code in exits, (code, err[-2000:])
    if code == 2:
        errors = [line for line in err.splitlines() if "error:" in line]
        assert len(errors) == 1, err[-2000:]
        assert fragment is None or fragment in errors[0], errors[0]
        assert snapshot(work) == before, "a refused command changed, added or removed files"


OUTPUT_CASES = output_cases()


@pytest.mark.parametrize("case_id,command,fragment,kind", OUTPUT_CASES, ids=[c[0] for c in OUTPUT_CASES])
def test_sweep_outputs_never_over_what_the_command_did_not_make(case_id, command, fragment, kind, shared_work, capsys):
    argv = [a.replace("{d}", str(shared_work)) for a in command.split(" ")]
    run_case(argv, capsys, shared_work, fragment)


READER_CASES = reader_cases()


@pytest.mark.parametrize("case_id,reader,name,kind", READER_CASES, ids=[c[0] for c in READER_CASES])
def test_sweep_damaged_inputs_are_one_line_errors(case_id, reader, name, kind, pristine, tmp_path, capsys, monkeypatch):
    work = tmp_path / "w"
    work.mkdir()
    for entry in ("model_bad", "dataset"):
        os.symlink(pristine / entry, work / entry)  # read only; the snapshot covers `work` itself
    os.mkfifo(work / "pipe")
    (work / "userdir").mkdir()
    (work / "dangling.jsonl").symlink_to(work / "nowhere.jsonl")
    (work / "loop.jsonl").symlink_to(work / "loop.jsonl")
    if name in SPECIAL_PATHS:
        bad = SPECIAL_PATHS[name].replace("{d}", str(work))
    else:
        suffix, data = bad_contents()[name]
        bad = str(work / f"bad{suffix}")
        Path(bad).write_bytes(data)
    monkeypatch.chdir(work)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    rid = case_id.split("-reads-")[0]
    argv = [a.replace("{d}", str(work)).replace("{F}", bad) for a in READERS[rid].split(" ")]
    run_case(argv, capsys, work, None, exits=(0, 2) if rid in LENIENT else (2,))


NUMERIC_CASES = numeric_cases()


@pytest.mark.parametrize("case_id,command,option,kind", NUMERIC_CASES, ids=[c[0] for c in NUMERIC_CASES])
def test_sweep_bad_numbers_name_the_option(case_id, command, option, kind, shared_work, capsys):
    head, _, value = command.rpartition(" ")
    argv = [a.replace("{d}", str(shared_work)) for a in head.split(" ")] + [value]
    if not option.startswith("--"):  # "-k VALUE"
        head2, _, opt = head.rpartition(" ")
        argv = [a.replace("{d}", str(shared_work)) for a in head2.split(" ")] + [opt, value]
    run_case(argv, capsys, shared_work, option)


TEXT_CASES = text_cases()


@pytest.mark.parametrize("case_id,command,text_id,kind", TEXT_CASES, ids=[c[0] for c in TEXT_CASES])
def test_sweep_undecodable_or_huge_text_arguments(case_id, command, text_id, kind, shared_work, capsys):
    argv = [BAD_TEXTS[text_id] if a == "{Q}" else a.replace("{d}", str(shared_work)) for a in command.split(" ")]
    run_case(argv, capsys, shared_work, None)


@pytest.mark.parametrize("stdin_id", list(STDIN_BYTES))
def test_sweep_bad_prompts_on_stdin(stdin_id, shared_work, capsys):
    code, err = run(["generate", "--model", str(shared_work / "model_bad"), "-p", "-"], capsys, STDIN_BYTES[stdin_id])
    assert_one_line_error(code, err, "stdin" if stdin_id != "blank" else "empty")


# --- leaks: keys never reach stderr, and the gate keeps none ----------------------------------------
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

from taxqa.cli import run_main  # noqa: E402
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
