"""Figures the asker wants checked, not facts of the case: "유튜브에서 … 10억까지는 0원이라던데, 그럼 14억에서 10억
빼고 4억에 20%, 누진공제 1천 해서 7천 나오는 거 맞죠?", "형이 어디서 듣고 8억 넘게 나온다는데 ㄹㅇ임?". A sentence that
asks whether a worked-out or heard figure is right gives no input; the case's facts are said in the other sentences."""

from __future__ import annotations

import re

from taxqa.amounts import iter_amounts

# the sentence asks whether what it says is right
ASKS_RIGHT = re.compile(
    r"(?:맞(?:죠|지요|나요|아요|는\s*거죠|는\s*건가요|는지|음|지|냐)|ㄹㅇ(?:임|이야|인가요)?|사실(?:인가요|이에요|임)"
    r"|진짜(?:인가요|임|예요|야)?|정말(?:인가요|이에요)?)\s*[?？]"
)
# and says a figure worked out or heard: a rate, a deduction taken off, a sum, a tax said to come out
WORKED_OR_HEARD = re.compile(
    r"누진\s*공제|[%=+×]|빼고|뺀|빼면|해서\s*\d|나온다|나오는\s*(?:거|게)|낸다|[다라]던데|[다라]는데|[대래]요|듣고|들었"
)
SENTENCE = re.compile(r"[^.?!\n]*(?:[.?!\n]+|$)")


def drop_checked(clean: str, reading) -> str:
    """The amounts of a sentence that asks whether a worked-out or heard figure is right, blanked (positions kept)
    when the case's amounts are said in other sentences; the reading says so and their mentions are context."""
    spans = [
        m.span()
        for m in SENTENCE.finditer(clean)
        if m.group(0).strip() and ASKS_RIGHT.search(m.group(0)) and WORKED_OR_HEARD.search(m.group(0))
    ]
    if not spans:
        return clean
    amounts = list(iter_amounts(clean))
    inside = [a for a in amounts if any(s <= a.start < e for s, e in spans)]
    if not inside or len(inside) == len(amounts):  # "14억인데 7천 나오는 거 맞죠?": the only amounts are the case's
        return clean
    for a in inside:
        clean = clean[: a.start] + " " * (a.end - a.start) + clean[a.end :]
    words = ", ".join(f"'{a.text}'" for a in inside)
    reading.assume(f"질문자가 맞는지 묻는 계산·들은 금액({words})은 입력으로 쓰지 않고 나머지 사실로 직접 계산함")
    from taxqa.tax.mentions import aligner  # clean is normalised ("작년" -> "2025년"): map back to the text

    to_text = aligner(clean, reading.text)
    for s, e in spans:
        a, b = to_text(s), to_text(e, end=True)
        reading.worked.append(reading.text[a:b])  # its bare numbers ("세금 500 맞음?") are the sum checked, not unread
        for m in reading.mentions:
            if m.type == "amount" and a <= m.start < b:
                m.flags["context"] = True
                m.flags.pop("range", None)  # "8억 넘게 나온다는데": a bound of the figure heard, not of the case's
    return clean
