"""Checked numbers for command-line options: argparse ``type=`` callables that refuse NaN, infinities
and values out of range with a message naming the range (argparse exits 2 with one error line)."""

from __future__ import annotations

import argparse
import math


def _bounds(lo: float | None, hi: float | None, lo_open: bool, hi_open: bool) -> str:
    left = "" if lo is None else f"{'>' if lo_open else '>='} {lo:g}"
    right = "" if hi is None else f"{'<' if hi_open else '<='} {hi:g}"
    return " and ".join(p for p in (left, right) if p) or "a finite number"


def number(lo: float | None = None, hi: float | None = None, *, lo_open: bool = False, hi_open: bool = False):
    """A finite float within [lo, hi] (open ends with ``lo_open`` / ``hi_open``)."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
        ok = math.isfinite(value)
        ok = ok and (lo is None or (value > lo if lo_open else value >= lo))
        ok = ok and (hi is None or (value < hi if hi_open else value <= hi))
        if not ok:
            raise argparse.ArgumentTypeError(f"{text!r}: expected a number {_bounds(lo, hi, lo_open, hi_open)}")
        return value

    parse.__name__ = "number"
    return parse


def integer(lo: int | None = None, hi: int | None = None):
    """A whole number within [lo, hi]."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            raise argparse.ArgumentTypeError(f"{text!r}: expected a whole number {_bounds(lo, hi, False, False)}")
        return value

    parse.__name__ = "integer"
    return parse


FRACTION = number(0, 1)  # a share or threshold in [0, 1]
PROBABILITY_OPEN = number(0, 1, hi_open=True)  # dropout: 1 would drop everything
TEMPERATURE = number(0, 100)
POSITIVE = number(0, lo_open=True)
NON_NEGATIVE = number(0)
COUNT = integer(1)
NON_NEGATIVE_INT = integer(0)


def price_pair(text: str) -> str:
    """``INPUT,OUTPUT`` USD per 1M tokens: two finite numbers >= 0 (returned as given for the price table)."""
    parts = text.split(",")
    if len(parts) != 2:
        raise argparse.ArgumentTypeError(f"{text!r}: expected INPUT,OUTPUT USD per 1M tokens, e.g. 0.15,0.6")
    for part in parts:
        try:
            value = float(part)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r}: {part!r} is not a number") from None
        if not math.isfinite(value) or value < 0:
            raise argparse.ArgumentTypeError(f"{text!r}: prices must be finite numbers >= 0")
    return text
