"""The dataset folder: what `taxqa data split` writes and `taxqa train`, `taxqa lora` and
`taxqa eval` read — train.jsonl, valid.jsonl and test.jsonl of QA records (plus card.md and
mlx/). This is the one reader of its splits; every problem is a one-line error naming the file.
"""

from __future__ import annotations

from pathlib import Path

from taxqa.errors import UserError
from taxqa.records import QARecord, read_qa

SPLITS = ("train", "valid", "test")  # the one list of split names (written by taxqa/datagen/split.py)
TRAIN, VALID, TEST = SPLITS
HELD_OUT = (TEST, VALID)  # the splits no training reads, filled first


class DatasetError(UserError):
    """A dataset folder or split that cannot be used; the message names the file."""


def split_file(data: str | Path, name: str) -> Path:
    """Where split ``name`` of the dataset folder ``data`` lives."""
    if name not in SPLITS:
        raise ValueError(f"unknown split {name!r}; expected one of {SPLITS}")
    return Path(data).expanduser() / f"{name}.jsonl"


def read_split(
    data: str | Path, name: str, *, required: bool = True, allow_empty: bool = True, option: str = "--data"
) -> list[QARecord]:
    """The QA records of one split; [] for a missing split that is not ``required``."""
    folder = Path(data).expanduser()
    path = split_file(folder, name)
    if not folder.is_dir():
        raise DatasetError(
            f"{option} {data}: not a folder (expected a dataset folder with {name}.jsonl, as `taxqa data split` writes)"
        )
    if not path.is_file():
        if required:
            raise DatasetError(f"{option} {data}: no {name}.jsonl (run `taxqa data split` to make a dataset folder)")
        return []
    records = list(read_qa(path))
    if not records and not allow_empty:
        raise DatasetError(f"{path}: the {name} split is empty")
    return records
