"""A ledger's running totals: "1월 15,200,000 / 2월까지 누계 31,000,000 / 3월까지 누계 48,500,000". Each figure of
the line is part of the last running total, which alone is the period's figure: the line's figures become that
total alone, said where the first one was (beside the line's label), the text keeping its length."""

from __future__ import annotations

import re

from taxqa.amounts import iter_amounts

RUNNING = re.compile(r"(?:까지\s*)?누계\S{0,2}\s*[:：]?\s*$")  # the words right before a running total


def last_running_totals(clean: str, reading) -> str:
    """`clean` with a line of two or more running totals said as its last total alone."""
    start = 0
    for line in clean.split("\n"):
        found = list(iter_amounts(line))
        totals = [a for a in found if RUNNING.search(line[max(0, a.start - 12) : a.start])]
        if len(totals) >= 2:
            # the total moves to where the line's first figure was, nearest the line's label (length kept);
            # the month or words of a part ("1월", "2월까지 누계") go with the parts
            first = re.search(r"(?:\d{1,2}\s*월\S{0,3}\s*)?$", line[: found[0].start])
            s, e = start + first.start(), start + totals[-1].end
            clean = clean[:s] + totals[-1].text.ljust(e - s) + clean[e:]
            reading.assume(f"누계 중 마지막 '{totals[-1].text}'을 기간 합계로 보고 그 앞 금액은 합계의 일부로 봄")
        start += len(line) + 1
    return clean


# "1~5월 누계 412,300 → 연간 예상 1,104,000": a part of the year's total, then the year's figure it projects
PROJECTED = re.compile(
    r"\s*(?:원)?\s*(?:→|->|=>|⇒|➡)\s*(?:연간|연|올해|1년|12월까지|연말까지)\s*(?:예상|추정|환산)\S{0,2}\s*[:：]?\s*$"
)


def projected_totals(clean: str, reading) -> str:
    """`clean` with a running total that the line projects to the whole year left out: the year's figure alone
    is the case's (the text keeping its length)."""
    found = list(iter_amounts(clean))
    for a, b in zip(found, found[1:]):
        if RUNNING.search(clean[max(0, a.start - 12) : a.start]) and PROJECTED.fullmatch(clean[a.end : b.start]):
            clean = clean[: a.start] + " " * (a.end - a.start) + clean[a.end :]
            reading.assume(f"누계 '{a.text}' 대신 연간 예상액 '{b.text}'으로 계산함")
            for m in reading.mentions:  # the readers that sum a label's figures see it as replaced
                if m.type == "amount" and m.start == a.start:
                    m.flags["corrected"] = True
    return clean
