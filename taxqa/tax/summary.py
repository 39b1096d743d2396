"""A long story closed by its own summary ("TL;DR: 간이과세 분식집, 연 공급대가 7,200만 / …", "세 줄 요약: …"): the
summary restates the facts the asker settled on, while the story around it holds rumours, old figures and asides,
so the summary alone is read."""

from __future__ import annotations

import re

SUMMARY = re.compile(
    r"(?im)^[ \t]*(?:TL\s*;?\s*DR|tldr|(?:세|3)\s*줄\s*요약|한\s*줄\s*요약|요약하면|요약)\s*[:：)\]-]\s*"
)


def summary_only(text: str) -> tuple[str, bool]:
    """The summary after a story of some length, when it gives a figure; else the text as it is."""
    m = SUMMARY.search(text)
    if m is None or m.start() < 100 or not re.search(r"\d", text[m.end() :]):
        return text, False
    return text[m.end() :].strip(), True
