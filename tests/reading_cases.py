"""Helpers the reader's cause tests share (tests/test_tax_reading_*.py): one question read at the sets' date."""

from __future__ import annotations

from taxqa.tax.reading import ask, read_question

AS_OF = "2026-06-01"


def inputs(q: str) -> dict:
    """The calculator inputs read from question `q`."""
    return read_question(q, as_of=AS_OF).inputs


def reading(q: str):
    """The reading of `q`, which must have found the tax it is about."""
    r = read_question(q, as_of=AS_OF)
    assert r.kind is not None, r.missing
    return r


def answer(q: str) -> dict:
    """The answer to `q`, which must give a figure."""
    a = ask(q, as_of=AS_OF)
    assert a["result"] is not None, a["missing"]
    return a
