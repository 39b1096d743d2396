"""Every command against a table of bad inputs: one error line, exit code 2, no traceback, and not one
byte of any file changed (the whole working folder is hashed before and after)."""

from __future__ import annotations

import json
import subprocess
import sys

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

from taxqa.cli import main

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
