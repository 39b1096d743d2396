"""Write the analysed vocabulary of a passages file: every distinct Hangul word -> its content morphemes.

    python -m taxqa.corpus.vocab [passages.jsonl.gz] -o taxqa/corpus/data/words.tsv.gz

`make corpus-data` runs it on the embedded corpus after rebuilding it. The file is sorted and gzipped with
no timestamp, so the same passages and the same kiwipiepy give the same bytes.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from collections.abc import Sequence
from pathlib import Path

from taxqa.records import PassageRecord


def analyse_all(passages: Sequence[PassageRecord]) -> dict[str, tuple[str, ...]]:
    """Every Hangul word of the passages (titles and texts) analysed by kiwipiepy, each on its own."""
    from taxqa.corpus.morph import _content, kiwi, words

    todo = sorted({w for p in passages for w in words(f"{p.title}\n{p.text}") if "가" <= w[0] <= "힣"})
    return {word: _content(tokens) for word, tokens in zip(todo, kiwi().tokenize(todo))}


def write_vocabulary(found: dict[str, tuple[str, ...]], out: Path) -> None:
    from taxqa.records import write_atomic

    text = "".join(f"{w}\t{' '.join(found[w])}\n" for w in sorted(found))
    write_atomic(out, gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m taxqa.corpus.vocab", description=__doc__.split("\n")[0])
    parser.add_argument("passages", nargs="?", help="passages.jsonl(.gz) (default: the embedded corpus)")
    parser.add_argument("-o", "--output", required=True, help="words.tsv.gz to write")
    args = parser.parse_args(argv)
    from taxqa.corpus.embedded import load_passages

    found = analyse_all(load_passages(args.passages))
    write_vocabulary(found, Path(args.output))
    print(f"wrote {len(found)} analysed words to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
