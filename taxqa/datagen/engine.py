"""The generation engine: bounded async concurrency, retries (taxqa.retry: backoff, or the
server's Retry-After), a cost budget, append-only output and resume.

Each work item has a deterministic key (``distill:<passage id>``,
``calc:<seed>:<index>``) and a number of parts (records it yields). Every
record carries ``meta.key`` and ``meta.part``; on start the engine reads the
output (skipping a torn last line, which AppendWriter cuts off on reopen) and
only runs items with a missing part, writing only the missing parts. So
re-running the same command after a crash or kill -9 ends with every item
exactly once.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from taxqa.datagen.providers import Price, RetryableError, Usage
from taxqa.records import AppendWriter, QARecord, RecordError, read_jsonl
from taxqa.retry import acall_with_retries

# produce(item) -> (records, usage); raises RetryableError for a try worth repeating.
Producer = Callable[["WorkItem"], Awaitable[tuple[list[QARecord], Usage]]]


@dataclass(frozen=True)
class WorkItem:
    key: str
    parts: int
    payload: Any = None


@dataclass
class RunStats:
    total: int = 0  # work items asked for
    already_done: int = 0  # complete in the output before this run
    completed: int = 0  # completed in this run
    written: int = 0  # records written in this run
    retries: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (key, last error)
    usage: Usage = Usage()
    cost: float = 0.0
    budget_exhausted: bool = False
    not_started: int = 0
    elapsed: float = 0.0

    def summary(self) -> str:
        parts = [
            f"{self.completed} items done in {self.elapsed:.1f}s ({self.written} records)",
            f"{self.already_done} already in the output",
        ]
        if self.usage.input_tokens or self.usage.output_tokens or self.cost:  # no LLM (calc mode): no token line
            parts.append(f"{self.usage.input_tokens:,} in / {self.usage.output_tokens:,} out tokens, ${self.cost:.4f}")
        if self.retries:
            parts.append(f"{self.retries} retries")
        if self.failed:
            parts.append(f"{len(self.failed)} failed (re-run to retry them)")
        if self.budget_exhausted:
            parts.append(f"budget reached, {self.not_started} items not started (re-run with a larger --max-cost)")
        return "; ".join(parts)


def completed_parts(path: str | Path) -> dict[str, set[int]]:
    """key -> parts already written; a torn last line is ignored (the writer will cut it)."""
    done: dict[str, set[int]] = {}
    path = Path(path)
    if not path.exists():
        return done
    for lineno, obj in read_jsonl(path, skip_torn_tail=True):
        meta = obj.get("meta") if isinstance(obj, dict) else None
        if not isinstance(meta, dict) or "key" not in meta:
            raise RecordError(
                f"{path}:{lineno}: no meta.key: not an output of `taxqa data generate`; use a new -o file"
            )
        done.setdefault(str(meta["key"]), set()).add(int(meta.get("part", 0)))
    return done


async def run_items(
    items: Sequence[WorkItem],
    produce: Producer,
    out_path: str | Path,
    *,
    concurrency: int = 8,
    max_cost: float | None = None,
    price: Price | None = None,
    max_retries: int = 6,
    base_delay: float = 1.0,
    max_delay: float = 60.0,
    progress: bool | None = None,
    seed: int = 0,
) -> RunStats:
    """Run every item not yet complete in ``out_path``; append its records as they arrive."""
    from tqdm.auto import tqdm

    if concurrency < 1:
        raise ValueError("concurrency must be >= 1")
    started = time.perf_counter()
    done = completed_parts(out_path)
    pending = [it for it in items if len(done.get(it.key, ())) < it.parts]
    stats = RunStats(total=len(items), already_done=len(items) - len(pending))
    rng = random.Random(seed)
    queue = iter(pending)
    write_lock = asyncio.Lock()
    fatal: list[BaseException] = []
    # progress=None: a bar only on a terminal (tqdm's disable=None).
    bar = tqdm(total=len(pending), unit="item", dynamic_ncols=True, disable=None if progress is None else not progress)

    def account(usage: Usage) -> None:
        stats.usage = stats.usage + usage
        if price is not None:
            stats.cost = price.cost(stats.usage)

    def over_budget() -> bool:
        return max_cost is not None and stats.cost >= max_cost

    def refresh() -> None:
        u = stats.usage
        text = f"tok {u.input_tokens:,}/{u.output_tokens:,} ${stats.cost:.4f}"
        if stats.retries:
            text += f" retry {stats.retries}"
        if stats.failed:
            text += f" failed {len(stats.failed)}"
        bar.set_postfix_str(text, refresh=False)

    def on_retry(_exc: BaseException) -> None:
        stats.retries += 1
        refresh()

    async def produce_once(item: WorkItem) -> list[QARecord]:
        try:
            records, usage = await produce(item)
        except RetryableError as exc:
            account(exc.usage)
            raise
        account(usage)
        return records

    async def attempt(item: WorkItem) -> list[QARecord] | None:
        """The item's records, or None (recorded in stats.failed) after max_retries retries."""
        try:
            return await acall_with_retries(
                produce_once,
                item,
                attempts=max_retries + 1,
                retry_on=RetryableError,
                base=base_delay,
                cap=max_delay,
                rng=rng,
                on_retry=on_retry,
            )
        except RetryableError as exc:
            stats.failed.append((item.key, str(exc)))
            return None

    async def worker(writer: AppendWriter) -> None:
        while not fatal:
            if over_budget():
                stats.budget_exhausted = True
                return
            item = next(queue, None)
            if item is None:
                return
            try:
                records = await attempt(item)
            except Exception as exc:  # a fatal provider error or a bug: stop every worker
                fatal.append(exc)
                return
            if records is not None:
                if len(records) != item.parts:
                    raise AssertionError(f"{item.key}: produced {len(records)} records, expected {item.parts}")
                have = done.get(item.key, set())
                rows = []
                for part, record in enumerate(records):
                    if part not in have:
                        record.meta = {**record.meta, "key": item.key, "part": part}
                        rows.append(record)
                async with write_lock:
                    await asyncio.to_thread(_write_all, writer, rows)
                stats.completed += 1
                stats.written += len(rows)
            bar.update(1)
            refresh()

    writer = AppendWriter(out_path)
    try:
        await asyncio.gather(*(worker(writer) for _ in range(min(concurrency, max(1, len(pending))))))
    finally:
        writer.close()
        bar.close()
        stats.elapsed = time.perf_counter() - started
    stats.not_started = len(pending) - stats.completed - len(stats.failed)
    if fatal:
        raise fatal[0]
    return stats


def _write_all(writer: AppendWriter, rows: list[QARecord]) -> None:
    for row in rows:
        writer.write(row)
