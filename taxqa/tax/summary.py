"""A story closed by its own summary ("TL;DR: …", "세 줄 요약", "요약하면"): the summary says the story's
figures again in shorthand ("빌라 5.5억" for "빌라(시세 5억 5천)"), so a figure said in both is one fact,
not two to add. A summary of two figures or more is the asker's settled account and is read alone (the story
around it holds rumours, old figures and asides); with one figure, that figure is blanked when the story said it
already (positions kept). Self-contained, for any kind's reader."""

from __future__ import annotations

import re

from taxqa.tax.words import iter_amounts

SUMMARY_ONLY = "(the summary read alone)"  # said back in place of the figures blanked

# the summary's marker, at a line's or sentence's start: "TL;DR:", "tl;dr", "세 줄 요약:", "3줄요약", "요약:"
MARKER = re.compile(
    r"(?im)(?:^|(?<=[.!?]\s))[ \t\[(]*(?:tl\s*;\s*dr|(?:세|3|한|1|두|2)\s*줄\s*요약|요약(?:하면|하자면)?)[\])]*\s*[:：)]?"
)


def unsummarised(text: str) -> tuple[str, list[str]]:
    """`text` with the summary's figures that the story said already blanked, and those figures' words; or the
    summary alone and [SUMMARY_ONLY]."""
    marks = list(MARKER.finditer(text))
    if not marks or marks[-1].start() < len(text) // 3:  # a summary closes a story; one on top is a heading
        return text, []
    cut = marks[-1].end()
    story = text[: marks[-1].start()]
    if len(list(iter_amounts(text[cut:]))) >= 2:  # the summary's own labelled figures, not the story's
        return text[cut:].strip(), [SUMMARY_ONLY]
    before = {a.value for a in iter_amounts(story)}
    if not before:
        return text, []
    out, said = text[:cut], []
    rest = text[cut:]
    last = 0
    for a in iter_amounts(rest):
        if a.value in before:
            out += rest[last : a.start] + " " * (a.end - a.start)
            said.append(a.text)
            last = a.end
    out += rest[last:]
    return out, said
