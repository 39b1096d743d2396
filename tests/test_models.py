"""The model registry, its one meaning of family, training defaults and the one name -> folder resolver;
the one dataset-folder reader."""

from __future__ import annotations

import json

import pytest

from taxqa.dataset import DatasetError, read_split, split_file
from taxqa.errors import UserError
from taxqa.models import (
    FAMILIES,
    FAMILY_TARGETS,
    GENERIC_TRAINING,
    REGISTRY,
    family_of,
    model_folder,
    resolve_folder,
    training_defaults,
)


def test_one_meaning_of_family():
    assert family_of("phi") == family_of("phi-msft") == "phi2"
    assert family_of("gemma3") == family_of("gemma3_text") == "gemma3"
    assert family_of("llama") == "llama" and family_of(None) == ""
    for spec in REGISTRY.values():
        assert spec.family in FAMILIES.values() and spec.family in FAMILY_TARGETS
        assert spec.lora_targets == FAMILY_TARGETS[spec.family]


def test_training_defaults_come_from_the_spec_or_the_generic_table():
    assert training_defaults(None) == GENERIC_TRAINING and GENERIC_TRAINING["gradient_checkpointing"] is False
    big = training_defaults(REGISTRY["gemma3-12b"])
    assert (big["batch"], big["accum"], big["learning_rate"], big["gradient_checkpointing"]) == (1, 16, 1e-4, True)
    small = training_defaults(REGISTRY["gemma3-1b"])
    assert (small["batch"], small["accum"], small["learning_rate"]) == (4, 4, 2e-4)
    assert set(big) == set(GENERIC_TRAINING)


def test_models_json_lists_every_field(capsys):
    from taxqa.models import main

    assert main(["--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert set(listed) == set(REGISTRY)
    assert listed["gemma3-12b"]["train_batch"] == 1 and listed["phi2"]["family"] == "phi2"


def test_resolver_takes_local_folders_and_names_what_is_wrong(tmp_path):
    folder = tmp_path / "m"
    folder.mkdir()
    with pytest.raises(UserError, match=r"--base .*has no config.json"):
        resolve_folder(str(folder), mlx=False, option="--base")
    (folder / "config.json").write_text("{}", encoding="utf-8")
    assert resolve_folder(str(folder), mlx=True) == (folder, None)
    assert model_folder(str(folder)) == folder
    with pytest.raises(UserError, match="--model not/a/hub/id: no such folder"):
        model_folder("not/a/hub/id")


def test_the_one_dataset_reader(tmp_path):
    from conftest import write_tiny_dataset

    data = write_tiny_dataset(tmp_path / "ds", n_train=3, n_valid=1, n_test=2)
    assert len(read_split(data, "train")) == 3 and len(read_split(data, "test")) == 2
    assert split_file(data, "valid") == data / "valid.jsonl"
    (data / "valid.jsonl").unlink()
    assert read_split(data, "valid", required=False) == []
    with pytest.raises(DatasetError, match="no valid.jsonl"):
        read_split(data, "valid")
    (data / "test.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(DatasetError, match="the test split is empty"):
        read_split(data, "test", allow_empty=False)
    with pytest.raises(DatasetError, match="--data .*: not a folder"):
        read_split(tmp_path / "missing", "train")
    with pytest.raises(ValueError):
        split_file(data, "dev")
