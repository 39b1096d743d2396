"""The reviewed tables' file form, shared by terms.tsv, bridge.tsv and neighbours.tsv.

Each is a generator's proposals with a review mark in the first column (keep / drop / new, or the table's
own marks), a `#` header line saying what the columns are, and is rewritten whole by its generator, which
keeps the marks a review gave: so reading the marks and writing the file are the same for all three.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from pathlib import Path


def read_rows(path) -> list[list[str]]:
    """The table's rows as columns (the header and blank lines left out); none when the file is absent."""
    source = Path(path) if isinstance(path, str) else path  # a Path or an importlib.resources Traversable
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


def shipped(table: str):
    """The table as shipped in the package (taxqa/corpus/data/TABLE)."""
    from importlib import resources

    return resources.files("taxqa.corpus") / "data" / table


def marks_source(parser: argparse.ArgumentParser, out: Path, header: str, table: str):
    """Where a rebuild into `out` takes its review marks from: `out` itself when it is this table (its first
    line is the header), the shipped table when `out` is new. Any other existing path is refused through
    `parser.error` before work starts, so a wrong -o never overwrites another file or drops the marks."""
    if not out.exists():
        return shipped(table)
    first = ""
    if out.is_file():
        with open(out, encoding="utf-8", errors="replace") as f:
            first = f.readline().rstrip("\n")
    if first != f"# {header}":
        parser.error(f"{out}: not a {table} table (its first line is not '# {header.split()[0]} ...'); not overwritten")
    return out


def write_table(out: Path, header: str, rows: Iterable[list[str]]) -> None:
    """Write the table atomically: the `#` header line, then one tab-separated line per row."""
    from taxqa.records import write_atomic

    write_atomic(out, f"# {header}\n" + "".join("\t".join(r) + "\n" for r in rows))
