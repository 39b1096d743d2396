"""The demo's date is pinned: its records are the same whatever the system date (BENCHMARKS.md §15, round 10)."""

from datetime import date

import pytest

from taxqa.datagen.cli import main
from taxqa.demo import DEMO_AS_OF, DEMO_GROUNDING
from taxqa.tax import rates


def _generate(tmp_path, monkeypatch, system_day: date, name: str) -> bytes:
    monkeypatch.setattr(rates, "system_date", lambda: system_day)
    out = tmp_path / name
    args = ["generate", "--mode", "calc", "--n", "24", *DEMO_GROUNDING, "--no-progress", "-o", str(out)]
    assert main(args) == 0
    return out.read_bytes()


def test_pinned_date_gives_the_same_records_on_any_day(tmp_path, monkeypatch):
    monkeypatch.setenv(rates.AS_OF_ENV, DEMO_AS_OF)
    first = _generate(tmp_path, monkeypatch, date(2026, 12, 7), "a.jsonl")
    later = _generate(tmp_path, monkeypatch, date(2027, 3, 2), "b.jsonl")  # another year, other rate tables
    assert first == later
    assert DEMO_AS_OF.encode() in first  # the block's "계산 (YYYY-MM-DD 시행 법령 기준)" date


def test_without_the_pin_the_system_date_is_today(tmp_path, monkeypatch):
    monkeypatch.delenv(rates.AS_OF_ENV, raising=False)
    monkeypatch.setattr(rates, "system_date", lambda: date(2027, 3, 2))
    assert rates.parse_as_of(None) == date(2027, 3, 2)
    monkeypatch.setenv(rates.AS_OF_ENV, "2026-12-07")
    assert rates.parse_as_of(None) == date(2026, 12, 7)
    assert rates.parse_as_of("2025-01-01") == date(2025, 1, 1)  # an explicit date wins over both
    monkeypatch.setenv(rates.AS_OF_ENV, "not a date")
    with pytest.raises(rates.UserError):
        rates.today()


def test_unpinned_records_follow_the_system_date(tmp_path, monkeypatch):
    monkeypatch.delenv(rates.AS_OF_ENV, raising=False)
    first = _generate(tmp_path, monkeypatch, date(2026, 12, 7), "a.jsonl")
    later = _generate(tmp_path, monkeypatch, date(2027, 3, 2), "b.jsonl")
    assert first != later and b"2027-03-02" in later and b"2027-03-02" not in first
