"""Whose sale a 양도소득세 question asks about: another person's sale told beside the asker's own ("누나는 작년에
땅을 8억에 팔았고(5억에 샀던 거), 저는 올해 상가를 … 제 양도소득세만") is that person's own tax, not the asker's;
its words are set aside before the prices are read (taxqa.tax.transfer_reading)."""

from __future__ import annotations

import re

from taxqa.tax.asked_only import THEIRS

# another person as the one who sold: "누나는", "형이", "친구는" (not a spouse: a couple's houses are one 세대's)
OTHER = (
    r"(?<![가-힣])(?:친?형|누나|언니|오빠|(?:남|여)?동생|친구|사촌|삼촌|이모|고모|외삼촌|지인|동료|옆집\S{0,2})"
    r"\s*(?:은|는|이|가|도)(?![가-힣])"
)
# the asker as the one who sold: "저는", "전", "제가", "저도"
ASKER = r"(?<![가-힣])(?:저는|전|제가|저도|나는|난|내가)(?![가-힣])"
SOLD = r"팔았|팔고|팔아|판\s|매도|양도했|처분"
# the asker asks for their own tax alone: "제 양도소득세만", "제 것만", "저만 알려주세요"
ONLY_MINE = rf"(?:제|내|저의|나의|본인)\s*(?:양도\s*(?:소득)?세|세금|{THEIRS})\s*만|(?<![가-힣])저만\s"


def others_sale(text: str) -> tuple[int, int] | None:
    """The span of another person's sale, told before the asker's own, when only the asker's tax is asked."""
    if not re.search(ONLY_MINE, text):
        return None
    other = re.search(OTHER, text)
    mine = re.search(ASKER, text[other.end() :]) if other else None
    if other is None or mine is None:
        return None
    end = other.end() + mine.start()
    told = text[other.start() : end]
    if not re.search(SOLD, told) or not re.search(r"\d", told) or re.search(r"[.?!\n]\s*\S", told):
        return None  # not a sale with its figures, said in the one sentence just before the asker's
    if not re.search(SOLD, text[end:]):
        return None
    return other.start(), end


def without_others_sale(text: str, reading) -> str:
    """`text` with another person's sale blanked (its place kept) and its amounts set aside, said as assumed."""
    span = others_sale(text)
    if span is None:
        return text
    a, b = span
    reading.assume(f"'{text[a:b].strip()[:40]}'은 다른 사람의 양도라 질문자의 양도소득세 계산에 넣지 않음")
    for m in reading.mentions:
        if m.type in ("amount", "duration", "date") and a <= m.start and m.end <= b:
            m.flags["corrected"] = True
    return text[:a] + re.sub(r"\S", " ", text[a:b]) + text[b:]
