"""A figure of someone else told beside the asker's own ("같이 나온 박과장은 근속 22년에 2억 좀 넘게 받았대요"):
a coworker named by a title is never the asker, so an amount said of one and placed nowhere is a comparison, not a
fact of the case to ask about (no range or unplaced flag for it, only a note)."""

from __future__ import annotations

import re

# "박과장은", "김 부장도", "입사 동기는": a coworker said as the topic of the clause the amount is in
COWORKER = (
    r"((?:(?<![가-힣])[가-힣]\s*)?(?:과장|부장|차장|대리|팀장|주임|실장|상무|전무|동기|동료|선배|후배)(?:님)?)"
    r"\s*(?:은|는|도|이|가)\s"
)


def coworker_figure(reading, m) -> str | None:
    """The coworker an unplaced amount is said of, or None."""
    if m.used_as is not None:
        return None
    text = reading.text
    left = max([x.end() for x in re.finditer(r"[?!\n]|[.](?!\d)", text[: m.start])] or [0])
    said = re.search(COWORKER, text[left : m.start])
    mine = re.search(r"(?<![가-힣])(?:제|저|내|나|저희|우리)(?:가|는|도|의)?\s", text[left : m.start])
    if said is None or (mine and mine.start() > said.start()):  # "박과장은 … 제 퇴직금 1억": the asker's again
        return None
    return said.group(1)
