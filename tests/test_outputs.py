"""The output-path guard: outputs are never inputs or each other, and taxqa replaces only what it made."""

from __future__ import annotations

import json
import os
import stat

import pytest

from taxqa.datagen.cli import main as data_main
from taxqa.errors import UserError
from taxqa.outputs import MARKER, check_output_dir, check_output_file, mark_made, remove_made
from taxqa.records import write_atomic

QA = {
    "question": "부모님께 3억원을 증여받으면 증여세 과세표준은 얼마인가요?",
    "answer": "과세표준은 2억 5,000만원입니다. (상속세 및 증여세법 제53조)",
    "type": "calc",
    "source": "calculator",
}


def test_replace_only_what_taxqa_made(tmp_path):
    user = tmp_path / "user"
    user.mkdir()
    (user / "thesis.txt").write_text("irreplaceable", encoding="utf-8")
    with pytest.raises(UserError, match="not made by taxqa"):
        check_output_dir(user, replace=True)
    with pytest.raises(UserError, match="refusing to delete"):
        remove_made(user)
    assert (user / "thesis.txt").read_text(encoding="utf-8") == "irreplaceable"
    made = mark_made(tmp_path / "made")
    (made / "old.bin").write_bytes(b"x")
    assert check_output_dir(made, replace=True) == made.resolve()
    remove_made(made)
    assert not made.exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    check_output_dir(empty, replace=True)  # an empty folder holds nothing to lose


def test_a_folder_that_held_other_files_is_never_marked(tmp_path):
    user = tmp_path / "user"
    user.mkdir()
    (user / "mine.txt").write_text("x")
    mark_made(user)  # e.g. `data split -o user` wrote beside the user's file
    assert not (user / MARKER).exists()
    with pytest.raises(UserError, match="not made by taxqa"):
        check_output_dir(user, replace=True)  # so a later replace still refuses


def test_current_folder_is_never_replaced(tmp_path, monkeypatch):
    mark_made(tmp_path / "run")
    (tmp_path / "run" / "f").write_text("x")
    monkeypatch.chdir(tmp_path / "run")
    with pytest.raises(UserError, match="current folder"):
        check_output_dir(".", replace=True)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UserError, match="current folder"):
        remove_made(".")


def test_file_outputs_are_not_inputs_folders_or_each_other(tmp_path):
    data = tmp_path / "in.jsonl"
    data.write_text("{}\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(data)
    with pytest.raises(UserError, match="is also the input"):
        check_output_file(link, inputs={"input": data})  # the same file by another name
    with pytest.raises(UserError, match="is a folder"):
        check_output_file(tmp_path)
    with pytest.raises(UserError, match="is also -o"):
        check_output_file(tmp_path / "a.jsonl", "--rejects", outputs={"-o": tmp_path / "a.jsonl"})
    with pytest.raises(UserError, match="is a file, not a folder"):
        check_output_file(data / "x.jsonl")
    assert check_output_file(tmp_path / "new" / "deep" / "out.jsonl") == (tmp_path / "new/deep/out.jsonl").resolve()


def test_atomic_writes_keep_the_users_umask(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "a.json", "{}")
        assert stat.S_IMODE((tmp_path / "a.json").stat().st_mode) == 0o644
        os.umask(0o077)
        write_atomic(tmp_path / "b.json", "{}")
        assert stat.S_IMODE((tmp_path / "b.json").stat().st_mode) == 0o600
    finally:
        os.umask(old)


def test_tiny_checkpoints_carry_the_marker_and_usual_modes(tiny_model):
    path = tiny_model("gemma3")
    assert (path / MARKER).is_file()
    check_output_dir(path, replace=True)  # demo-model may rebuild it
    for file in path.iterdir():
        assert stat.S_IMODE(file.stat().st_mode) & 0o044, file  # readable by others under umask 022


def test_two_checks_in_one_folder_keep_their_own_rejects_and_split_counts_right(tmp_path):
    bad = dict(QA, answer="증여세는 9,000만원입니다. (상속세 및 증여세법 제53조)", question=QA["question"] + " (2)")
    for name, rows in (("a", [QA, bad]), ("b", [dict(QA, question=QA["question"] + " (b)"), bad, bad])):
        (tmp_path / f"{name}-raw.jsonl").write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
        )
        assert data_main(["check", str(tmp_path / f"{name}-raw.jsonl"), "-o", str(tmp_path / f"{name}.jsonl")]) == 0
    a_rejects = (tmp_path / "a.rejects.jsonl").read_text(encoding="utf-8").splitlines()
    b_rejects = (tmp_path / "b.rejects.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(a_rejects) == 1 and len(b_rejects) == 2
    assert (
        data_main(["split", str(tmp_path / "a.jsonl"), "-o", str(tmp_path / "ds"), "--valid", "0", "--test", "0"]) == 0
    )
    assert "a.rejects.jsonl: 1 items" in (tmp_path / "ds" / "card.md").read_text(encoding="utf-8")
    assert (tmp_path / "ds" / MARKER).is_file()


def test_split_over_an_existing_dataset_needs_force(tmp_path):
    (tmp_path / "checked.jsonl").write_text(json.dumps(QA, ensure_ascii=False) + "\n", encoding="utf-8")
    args = ["split", str(tmp_path / "checked.jsonl"), "-o", str(tmp_path / "ds"), "--valid", "0", "--test", "0"]
    assert data_main(args) == 0
    with pytest.raises(UserError, match="--force"):
        data_main(args)
    assert data_main([*args, "--force"]) == 0


def test_review_never_opens_a_rejects_file(tmp_path):
    pytest.importorskip("textual")
    from tui.screens.review import ReviewSet

    (tmp_path / "checked.rejects.jsonl").write_text(json.dumps(QA, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(UserError, match="반려 목록"):
        ReviewSet(tmp_path / "checked.rejects.jsonl")
    (tmp_path / "checked.jsonl").write_text(json.dumps(QA, ensure_ascii=False) + "\n", encoding="utf-8")
    review = ReviewSet(tmp_path / "checked.jsonl")
    assert review.rejects_path.name == "checked.rejects.jsonl"
