"""Splits and the dataset folder (`taxqa data split`).

Near-duplicate questions are grouped first (union-find over the quality
gate's near-duplicate rule) and a group goes whole into one split, so no
near-duplicate of a test question is in train. Groups are then dealt into
train/valid/test per stratum (source, type) by a seeded shuffle, with the
split sizes rounded by largest remainder across strata so the totals match.
"""

from __future__ import annotations

import json
import math
import random
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from taxqa.datagen.dedup import DEFAULT_THRESHOLD, NearDupIndex
from taxqa.dataset import HELD_OUT, SPLITS, TEST, TRAIN, VALID
from taxqa.errors import UserError
from taxqa.outputs import MARKER, atomic_folder, check_output_dir, made_by
from taxqa.prompt import chat_messages
from taxqa.records import QARecord, read_jsonl, write_atomic, write_jsonl_atomic

MADE_BY = "data split"
DATASET_FILES = frozenset({f"{s}.jsonl" for s in SPLITS} | {"card.md", "mlx", MARKER})


def near_dup_groups(records: Sequence[QARecord], threshold: float = DEFAULT_THRESHOLD) -> list[list[int]]:
    """Indices of records grouped by the near-duplicate relation (transitively), in input order."""
    parent = list(range(len(records)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    index = NearDupIndex(threshold)
    for i, record in enumerate(records):
        for j in index.matches(record.question):
            parent[find(i)] = find(j)
        index.add(i, record.question)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(records)):
        groups[find(i)].append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def _quotas(sizes: dict[Any, int], fraction: float, total: int) -> dict[Any, int]:
    """Per-stratum counts for one split: proportional, largest remainder, summing to round(fraction * total)."""
    want = round(fraction * total)
    if fraction > 0 and want == 0 and total >= 3:
        want = 1  # a split asked for is never empty when there is something to put in it
    exact = {k: fraction * n for k, n in sizes.items()}
    quota = {k: math.floor(v) for k, v in exact.items()}
    rest = want - sum(quota.values())
    for k in sorted(exact, key=lambda k: (-(exact[k] - quota[k]), str(k)))[: max(0, rest)]:
        quota[k] += 1
    return quota


def split_records(
    records: Sequence[QARecord],
    valid: float = 0.1,
    test: float = 0.1,
    seed: int = 0,
    threshold: float = DEFAULT_THRESHOLD,
) -> dict[str, list[QARecord]]:
    if valid < 0 or test < 0 or valid + test >= 1:
        raise UserError(f"--valid {valid} and --test {test}: each must be >= 0 and together < 1")
    groups = near_dup_groups(records, threshold)
    strata: dict[tuple[str, str], list[list[int]]] = defaultdict(list)
    for group in groups:
        first = records[group[0]]
        strata[(first.source, first.type)].append(group)
    sizes = {k: sum(len(g) for g in gs) for k, gs in strata.items()}
    total = len(records)
    quota = {TEST: _quotas(sizes, test, total), VALID: _quotas(sizes, valid, total)}
    rng = random.Random(seed)
    out: dict[str, list[int]] = {s: [] for s in SPLITS}
    for key in sorted(strata):
        stratum = list(strata[key])
        rng.shuffle(stratum)
        filled = dict.fromkeys(HELD_OUT, 0)
        for group in stratum:
            # A group goes to the first held-out split it fits in whole, else to train.
            target = next((s for s in HELD_OUT if filled[s] + len(group) <= quota[s][key]), TRAIN)
            if target != TRAIN:
                filled[target] += len(group)
            out[target].extend(group)
    return {s: [records[i] for i in sorted(idx)] for s, idx in out.items()}


def mlx_row(record: QARecord) -> dict[str, Any]:
    """mlx_lm's chat format, rendered by the one prompt renderer (the grounding in the user turn)."""
    return chat_messages(record.question, record.answer, grounding=record.grounding)


def _table(title: str, counts: dict[str, Counter]) -> list[str]:
    keys = sorted({k for c in counts.values() for k in c})
    lines = [f"## {title}", "", "| | " + " | ".join(SPLITS) + " | total |", "|---|" + "---:|" * (len(SPLITS) + 1)]
    for k in keys:
        row = [counts[s][k] for s in SPLITS]
        lines.append(f"| {k} | " + " | ".join(str(n) for n in row) + f" | {sum(row)} |")
    return lines + [""]


def _writer(record: QARecord) -> str:
    """Who wrote the text: the provider and model, the calculator templates, or the seed import."""
    meta = record.meta
    if meta.get("model"):
        return f"{meta.get('provider', 'llm')} {meta['model']}"
    if meta.get("writer") == "template":
        return "calculator templates"
    return record.source if record.source == "imported" else "unknown"


def distinct_n(texts: list[str], n: int) -> float | None:
    """Distinct-n: unique word n-grams / all word n-grams over ``texts`` (1.0 = no n-gram repeats)."""
    grams = [tuple(words[i : i + n]) for t in texts for words in [t.split()] for i in range(len(words) - n + 1)]
    return len(set(grams)) / len(grams) if grams else None


def _text_stats(records: list[QARecord]) -> list[str]:
    """Distinct-n and length (characters) of questions and answers, by type."""
    lines = ["## Text statistics", "", "Distinct-n over whitespace words (unique n-grams / all n-grams); lengths in"]
    lines += [
        "characters.",
        "",
        "| type | field | n | distinct-1 | distinct-2 | distinct-3 | mean len | median | min | max |",
    ]
    lines += ["|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    groups = {"all": records} | {t: [r for r in records if r.type == t] for t in sorted({r.type for r in records})}
    for name, rows in groups.items():
        for field in ("question", "answer"):
            texts = [getattr(r, field) for r in rows]
            if not texts:
                continue
            lengths = sorted(len(t) for t in texts)
            d = [distinct_n(texts, n) for n in (1, 2, 3)]
            cells = " | ".join("–" if x is None else f"{x:.3f}" for x in d)
            lines.append(f"| {name} | {field} | {len(texts)} | {cells} | {sum(lengths) / len(lengths):.0f} | "
                         f"{lengths[len(lengths) // 2]} | {lengths[0]} | {lengths[-1]} |")  # fmt: skip
    return lines + [""]


def _grounding_section(splits: dict[str, list[QARecord]]) -> list[str]:
    records = [r for rs in splits.values() for r in rs]
    lines = ["## Grounding", ""]
    lines += [
        'A record may carry `grounding`: `{"articles": [{"citation", "text", ...}], "calculation": {...} | null}`'
    ]
    lines += [
        "(`calculation` is `taxqa tax ask --json`: kind, inputs, understood, assumptions, missing, result). Every"
    ]
    lines += ["consumer renders it with the one prompt renderer (`taxqa.prompt.context_block`) before the question."]
    mixes = {json.dumps(r.meta["grounding_mix"], sort_keys=True) for r in records if r.meta.get("grounding_mix")}
    for mix in sorted(mixes):
        lines += ["", f"Mix asked of `taxqa data generate --mode calc`: `{mix}`"]
    lines.append("")
    counts = {s: Counter(_variant(r) for r in splits[s]) for s in SPLITS}
    return lines + _table("Grounding variants", counts)[2:]


def _variant(record: QARecord) -> str:
    if record.meta.get("variant"):
        return str(record.meta["variant"])
    return "grounded" if record.grounding else "none"


def card_text(splits: dict[str, list[QARecord]], source: Path, rejects: Path | None, seed: int) -> str:
    lines = [
        "# Dataset card",
        "",
        f"Built by `taxqa data split` from `{source.name}` (seed {seed}). QA records (id, question, answer,",
        "type, source, citations, meta, grounding) in train/valid/test.jsonl; the same splits in mlx_lm's chat",
        "format in mlx/ (the grounding rendered into the user turn). Near-duplicate questions are kept in one split.",
        "",
        "## Counts",
        "",
        "| split | records |",
        "|---|---:|",
    ]
    lines += [f"| {s} | {len(splits[s])} |" for s in SPLITS]
    lines += [f"| total | {sum(len(v) for v in splits.values())} |", ""]
    lines += _table("Sources", {s: Counter(r.source for r in splits[s]) for s in SPLITS})
    lines += _table("Types", {s: Counter(r.type for r in splits[s]) for s in SPLITS})
    lines += _table("Written by", {s: Counter(_writer(r) for r in splits[s]) for s in SPLITS})
    lines += _grounding_section(splits)
    lines += _text_stats([r for s in SPLITS for r in splits[s]])
    cited = Counter(c.split(" 제")[0] for rs in splits.values() for r in rs for c in r.citations)
    if cited:
        lines += ["## Cited laws", "", "| law | citations |", "|---|---:|"]
        lines += [f"| {law} | {n} |" for law, n in cited.most_common()] + [""]
    if rejects is not None:
        reasons: Counter = Counter()
        n_rejects = 0
        for _, row in read_jsonl(rejects, skip_torn_tail=True):
            n_rejects += 1
            reasons.update({str(r).split(":", 1)[0] for r in row.get("reasons", [])})
        lines += [f"## Rejected by the quality gate ({rejects.name}: {n_rejects} items)", ""]
        lines += ["| reason | items |", "|---|---:|"] + [f"| {r} | {n} |" for r, n in reasons.most_common()] + [""]
    return "\n".join(lines)


def check_dataset_folder(out_dir: str | Path, label: str = "-o", inputs=None, force: bool = False) -> Path:
    """The dataset folder may be new, empty, or a dataset folder (made by `taxqa data split`, or holding
    only its files) — then only with --force; a folder holding anything else is never replaced."""
    overwrites = sorted(DATASET_FILES - {MARKER})
    real = check_output_dir(out_dir, label, inputs=inputs, overwrites=overwrites, force=force)
    if real.is_dir() and any(real.iterdir()) and made_by(real) != MADE_BY:
        other = sorted(p.name for p in real.iterdir() if p.name not in DATASET_FILES)
        if other:
            raise UserError(
                f"{label} {out_dir}: holds files `taxqa data split` did not write ({', '.join(other[:3])}); "
                "the dataset folder is written whole: choose a new or empty folder"
            )
    return real


def write_dataset(splits: dict[str, list[QARecord]], out_dir: str | Path, source: str | Path, seed: int = 0) -> Path:
    """Write the whole dataset folder at once: built beside it and swapped in, so a kill leaves the old
    splits or the new ones, never a mix (a train/test leak)."""
    out_dir, source = Path(out_dir), Path(source)
    from taxqa.datagen.quality import default_rejects

    rejects = default_rejects(source, existing=True)

    def may_replace(folder: Path) -> None:
        check_dataset_folder(folder, force=True)

    with atomic_folder(out_dir, MADE_BY, "-o", may_replace=may_replace) as tmp:
        for name in SPLITS:
            write_jsonl_atomic(tmp / f"{name}.jsonl", splits[name])
            write_jsonl_atomic(tmp / "mlx" / f"{name}.jsonl", [mlx_row(r) for r in splits[name]])
        write_atomic(tmp / "card.md", card_text(splits, source, rejects, seed))
    return out_dir
