"""Training data: a dataset folder of QA records -> token ids with answer-only labels.

Every example goes through ``taxqa.prompt.encode_example`` (the one renderer), so
the prompt tokens are exactly those generation sees, and the loss falls on the
answer and its terminator (``<end_of_turn>`` or EOS) only.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from pathlib import Path

from taxqa.dataset import read_split, split_file
from taxqa.errors import UserError
from taxqa.records import QARecord, import_seed, read_qa

IGNORE_INDEX = -100
SPLITS = ("train.jsonl", "valid.jsonl")


class DataError(UserError):
    """A dataset that cannot be trained on; the message names the file."""


@dataclass
class Splits:
    train: list[QARecord]
    valid: list[QARecord]
    files: list[Path]  # what was read, for the dataset hash
    note: str = ""


def load_splits(path: str | Path, *, validation_split: float = 0.1, seed: int = 42) -> Splits:
    """The train and validation records of a `taxqa data split` folder (or the original's seed JSON)."""
    path = Path(path).expanduser()
    if not path.exists():
        raise DataError(
            f"dataset not found: {path} (expected a folder with train.jsonl and valid.jsonl, "
            "as `taxqa data split` writes, or a seed JSON array)"
        )
    if path.is_file():
        records = list(read_qa(path)) if path.suffix == ".jsonl" else import_seed(path)
        if len(records) < 2:
            raise DataError(f"{path}: {len(records)} records; need at least 2 to hold out a validation split")
        train, valid = _split(records, validation_split, seed)
        note = (
            f"{path.name}: no validation file, held out {len(valid)} of {len(records)} records ({validation_split:.0%})"
        )
        return Splits(train, valid, [path], note)
    train_file, valid_file = split_file(path, "train"), split_file(path, "valid")
    train = read_split(path, "train", allow_empty=False, option="dataset")
    if not valid_file.is_file():
        train, valid = _split(train, validation_split, seed)
        note = f"{path}: no valid.jsonl, held out {len(valid)} train records ({validation_split:.0%}) for validation"
        return Splits(train, valid, [train_file], note)
    valid = read_split(path, "valid", allow_empty=False, option="dataset")  # early stopping and the best checkpoint
    return Splits(train, valid, [train_file, valid_file])


def _split(records: list[QARecord], fraction: float, seed: int) -> tuple[list[QARecord], list[QARecord]]:
    order = list(range(len(records)))
    random.Random(seed).shuffle(order)
    n_valid = max(1, round(len(records) * fraction))
    held = set(order[:n_valid])
    return [r for i, r in enumerate(records) if i not in held], [r for i, r in enumerate(records) if i in held]


def dataset_hash(files: list[Path]) -> str:
    digest = hashlib.sha256()
    for file in files:
        digest.update(file.name.encode() + b"\0")
        with open(file, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    return "sha256:" + digest.hexdigest()


def encode_records(
    tokenizer, records: list[QARecord], *, max_length: int, truncation: bool = True, system: str | None = None
) -> tuple[list[dict], int]:
    """Examples {input_ids, labels} and how many over-long records were dropped (truncation off)."""
    from taxqa.prompt import encode_example

    examples, dropped = [], 0
    for record in records:
        ids, start = encode_example(
            tokenizer,
            record.question,
            record.answer,
            system=system,
            max_length=max_length if truncation else None,
            grounding=record.grounding,
        )
        if len(ids) > max_length:
            dropped += 1
            continue
        examples.append({"input_ids": ids, "labels": [IGNORE_INDEX] * start + ids[start:]})
    return examples, dropped


def pack_examples(examples: list[dict], max_length: int) -> list[dict]:
    """Whole examples binned into rows of at most ``max_length`` (first fit, longest first).

    Each example keeps its own position ids (0, 1, ...), which is how transformers
    tells packed sequences apart: attention never crosses from one into another.
    """
    rows: list[list[dict]] = []
    room: list[int] = []
    for example in sorted(examples, key=lambda e: -len(e["input_ids"])):
        n = len(example["input_ids"])
        for i, free in enumerate(room):
            if n <= free:
                rows[i].append(example)
                room[i] -= n
                break
        else:
            rows.append([example])
            room.append(max_length - n)
    packed = []
    for row in rows:
        packed.append(
            {
                "input_ids": [t for e in row for t in e["input_ids"]],
                "labels": [t for e in row for t in e["labels"]],
                "position_ids": [p for e in row for p in range(len(e["input_ids"]))],
            }
        )
    return packed


class Collator:
    """Pads a batch to its longest row (a multiple of ``pad_to_multiple_of``), never to max_length.

    Adds ``real_tokens`` (non-pad tokens in the batch) for the throughput count; the
    trainer removes it before the forward pass.
    """

    def __init__(self, pad_id: int, pad_to_multiple_of: int | None = None):
        self.pad_id = pad_id
        self.multiple = pad_to_multiple_of

    def __call__(self, batch: list[dict]) -> dict:
        import torch

        width = max(len(e["input_ids"]) for e in batch)
        if self.multiple:
            width = -(-width // self.multiple) * self.multiple
        packed = "position_ids" in batch[0]
        ids, labels, mask, positions = [], [], [], []
        for e in batch:
            pad = width - len(e["input_ids"])
            ids.append(e["input_ids"] + [self.pad_id] * pad)
            labels.append(e["labels"] + [IGNORE_INDEX] * pad)
            mask.append([1] * len(e["input_ids"]) + [0] * pad)
            if packed:  # the padding tail is a sequence of its own, so nothing attends across into it
                positions.append(e["position_ids"] + list(range(pad)))
        out = {"input_ids": torch.tensor(ids), "labels": torch.tensor(labels)}
        if packed:
            out["position_ids"] = torch.tensor(positions)  # no attention_mask: transformers reads the packing
        else:
            out["attention_mask"] = torch.tensor(mask)
        out["real_tokens"] = torch.tensor(sum(map(sum, mask)))
        return out


def pad_id_for(tokenizer) -> int:
    """Phi-2 has no pad token: pad with EOS (padded positions carry no loss and no attention)."""
    if tokenizer.pad_token_id is not None:
        return tokenizer.pad_token_id
    if tokenizer.eos_token_id is None:
        raise DataError("the tokenizer has neither a pad nor an EOS token")
    return tokenizer.eos_token_id
