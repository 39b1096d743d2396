"""An asking price (호가) is what a seller or a listing hoped for, never the price paid or a gift's value:
"호가는 15억에 내놨었는데 최종 실거래가는 14억 2천", "처음에 12억 3천에 내놨다가 11억 5천에 계약",
"네이버 호가는 3억 5천까지 붙어 있는데 감정평가가 3억 1천". Set aside before any kind's reader, for every kind
(the sale price, a gift's or an estate's value)."""

from __future__ import annotations

import re

from taxqa.amounts import iter_amounts

# "호가는 15억", "네이버 호가 3억 5천까지", "매물 호가가 9억": the listing's word before the amount
ASKING_BEFORE = re.compile(r"호가\s*(?:는|가|은|도|만|:)?\s*(?:약|대략|최고)?\s*$")
# "4억 1천은 처음 부른 값이고 깎아서 4억에 넘겼다": the value named as the first asked, the same value said before
# it as the price (taken back) is that asking price too
NAMED_ASKING = re.compile(
    r"\s*(?:원)?\s*(?:은|는|이)\s*(?:처음\S{0,2}\s*|원래\s*)?(?:부른|불렀던|내놓은|내놨던)\s*(?:값|가격|금액)"
)
# "12억 3천에 내놨다가", "15억으로 내놓았는데", "9억에 매물로 올렸다가": the amount listed at
ASKING_AFTER = re.compile(
    NAMED_ASKING.pattern
    + r"|\s*(?:원)?\s*(?:에|으로|로)\s*(?:처음\S{0,2}\s*)?(?:내놨|내놓았|내놓|내어\s*놓|매물로\s*(?:올렸|올려|내놨|내놓)|올려\s*놨)"
)

# the price dealt at or the value appraised, said beside an asking price: "최종 실거래가는", "11억 5천에 계약",
# "감정평가가 3억 1천으로"
DEALT = r"깎아서|넘겼|실거래|매매가|확정|계약|감정|평가|신고|최종|결국|팔렸|팔았|팔기로|매도했|양도가|증여가액|시가"


def asking(text: str, start: int, end: int) -> bool:
    """Whether the amount at text[start:end] is an asking price, by the words just before or after it."""
    after = text[end : end + 20]
    return bool(ASKING_BEFORE.search(text[max(0, start - 14) : start]) or ASKING_AFTER.match(after))


def without_asking(clean: str, reading) -> str:
    """`clean` with each asking price blanked and its mention set aside, when the price dealt at or the value
    appraised is said beside it. A lone one stays: the seller's own listing ("15억에 내놨어요. 양도세 얼마?") is the
    price the sale is planned at, said as assumed; a listing's 호가 is no value, so it is flagged."""
    found = list(iter_amounts(clean))
    listed = [a for a in found if asking(clean, a.start, a.end)]
    named = {a.value for a in listed if NAMED_ASKING.match(clean[a.end : a.end + 20])}
    listed += [a for a in found if a.value in named and a not in listed and a.start < max(b.start for b in listed)]
    dealt = [a for a in found if a not in listed and re.search(DEALT, clean[max(0, a.start - 16) : a.end + 12])]
    for a in listed:
        if not dealt:
            if ASKING_BEFORE.search(clean[max(0, a.start - 14) : a.start]):
                reading.unclear(f"'{a.text}'은 호가(내놓은 가격)로 보임: 실제 거래가격이나 평가액을 확인해 주세요")
            else:
                reading.assume(f"'{a.text}'은 내놓은 가격: 그 가격에 팔린다고 보고 계산")
            continue
        clean = clean[: a.start] + re.sub(r"\S", " ", clean[a.start : a.end]) + clean[a.end :]
        reading.assume(f"'{a.text}'은 호가(내놓은 가격)라 실제 가격이 아니므로 계산에 넣지 않음")
        for m in reading.mentions:
            if m.type == "amount" and a.start <= m.start and m.end <= a.end:
                m.flags["corrected"] = True
    return clean
