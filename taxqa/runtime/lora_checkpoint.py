"""What `taxqa lora` saves so that a killed run resumes where it stopped, as if never stopped.

mlx_lm's tuner writes its checkpoints in place (a kill mid-write leaves a torn file),
numbers them by the run's own iteration and keeps no optimizer state, and its batch
order draws on numpy's global RNG, which validation also draws from. So `taxqa lora`
lets mlx_lm save only a scratch file and saves here instead, at each save iteration:

- `NNNNNNN_adapters.safetensors` and `adapters.safetensors`, each written to a temp file
  and renamed, numbered by the total iteration across resumed runs;
- `optimizer.safetensors`: Adam's step and moments, tagged with that iteration;
- `training_state.json` last, so the iteration it names is always on disk in full.

A resumed run loads the adapter and the optimizer state and skips the batches already
seen, from a batch order that depends on the seed alone.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from taxqa.records import write_atomic

STATE_FILE = "training_state.json"
ADAPTER_FILE = "adapters.safetensors"
OPTIMIZER_FILE = "optimizer.safetensors"
SCRATCH_FILE = ".mlx_lm_scratch_adapters.safetensors"


def read_state(adapter_path: Path) -> dict:
    path = adapter_path / STATE_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def write_state(adapter_path: Path, iters_done: int) -> None:
    write_atomic(adapter_path / STATE_FILE, json.dumps({"iters_done": iters_done}) + "\n")


def save_safetensors_atomic(path: Path, arrays: dict, metadata: dict | None = None) -> None:
    import mlx.core as mx

    from taxqa.outputs import atomic_path

    with atomic_path(path, suffix=".safetensors") as tmp:
        mx.save_safetensors(str(tmp), arrays, metadata=metadata or {})


def save_checkpoint(adapter_path: Path, model, optimizer, iters_done: int, *, numbered: bool) -> None:
    from mlx.utils import tree_flatten

    weights = dict(tree_flatten(model.trainable_parameters()))
    if numbered:
        save_safetensors_atomic(adapter_path / f"{iters_done:07d}_{ADAPTER_FILE}", weights)
    save_safetensors_atomic(adapter_path / ADAPTER_FILE, weights)
    state = dict(tree_flatten(optimizer.state))
    save_safetensors_atomic(adapter_path / OPTIMIZER_FILE, state, {"iters_done": str(iters_done)})
    write_state(adapter_path, iters_done)


def restore_optimizer(adapter_path: Path, optimizer, iters_done: int) -> bool:
    """Load the saved Adam state if it belongs to the saved adapter; False (fresh moments) if not."""
    import mlx.core as mx
    from mlx.utils import tree_unflatten

    path = adapter_path / OPTIMIZER_FILE
    if not path.exists():
        print(f"note: no {OPTIMIZER_FILE} in {adapter_path}: Adam restarts with fresh moments", file=sys.stderr)
        return False
    arrays, metadata = mx.load(str(path), return_metadata=True)
    saved_at = int(metadata.get("iters_done", -1))
    if saved_at != iters_done:
        print(
            f"note: {path} is from iteration {saved_at}, the adapter from {iters_done}: "
            "Adam restarts with fresh moments",
            file=sys.stderr,
        )
        return False
    learning_rate = optimizer.learning_rate
    optimizer.state = tree_unflatten(list(arrays.items()))
    optimizer.learning_rate = learning_rate  # this run's --learning-rate, not the saved one
    return True


def training_batches(order_seed: int, skip: int):
    """mlx_lm's iterate_batches, with the training order a function of ``order_seed`` alone, minus ``skip`` batches."""
    from mlx_lm.tuner.trainer import iterate_batches

    def batches(dataset, batch_size, max_seq_length, loop=False, seed=None, comm_group=None):
        inner = iterate_batches(dataset, batch_size, max_seq_length, loop=loop, comm_group=comm_group)
        return _own_rng(inner, order_seed, skip) if loop else inner  # loop=False: validation

    return batches


def _own_rng(inner, seed: int, skip: int):
    import numpy as np

    mine = np.random.RandomState(seed).get_state()
    drawn = 0
    while True:
        outer = np.random.get_state()
        np.random.set_state(mine)
        try:
            batch = next(inner)
        finally:
            mine = np.random.get_state()
            np.random.set_state(outer)
        drawn += 1
        if drawn > skip:
            yield batch
