"""Which VAT status a business has now, when a question tells a story of it: "간이과세자였다가 작년 7월 1일부로
일반과세자로 바뀌었어요", "간이로 등록하려다가 일반과세자로 개업했어요", "일반으로 바꿀까 고민했는데 간이과세자로
남았어요". The status a business settled in is the last one said as done; a plan dropped or a supposition
("만약 간이로 했으면") is not."""

from __future__ import annotations

import re

# a status said as reached or kept: "일반과세자로 바뀌었어요", "일반과세자로 개업했어요", "간이과세자로 남았어요"
SETTLED = re.compile(
    r"(간이|일반)(?:과세)?(?:자|사업자)?\s*(?:로|으로)\s*(?:(?:바로|계속|그냥|다시)\s*)?"
    r"(?:바뀌었|바뀌어|바뀜|바뀐|전환(?:됐|되었|했|됨)|변경(?:됐|되었|했|됨)|개업했|개업해|등록했|등록해서|시작했|남았|남아)"
)


def settled_status(text: str) -> str | None:
    """'간이' or '일반': the status the story ends in, by the last change or stay said as done; None if none is."""
    found = [m[1] for m in SETTLED.finditer(text)]
    return found[-1] if found else None
