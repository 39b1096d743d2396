"""The systematic sweep (tests/bad_inputs.py): outputs never over what a command did not make,
damaged files, bad numbers, undecodable or huge text, bad prompts on stdin."""

from __future__ import annotations

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
