"""A bare numbered list of figures explained afterwards: "1) 7억 2) 1억5천 3) 2019년 4) 남편. 이번에 받은 돈이
1번이고, 2번은 3번 연도에 받은 돈이에요". The list alone says nothing; its items are read where the sentences after
it name them ("1번", "2번은"), and the list itself is left out."""

from __future__ import annotations

import re

# the list at the question's start: items "1) …", "1. …", "(1) …", "①" in order, each a few words
ITEM = re.compile(r"(?:\(\s*(\d)\s*\)|(?<![\d.,])(\d)\s*[).](?!\d))\s*")
# a sentence naming an item: "1번이고", "2번은", "3번 연도에"; not "1번째", "번호", "2번 받았어요" (a count)
REFERENCE = re.compile(r"(?<![\d.,])(\d)\s*번(?!\s*(?:째|지|호|\d)|\s*(?:받|주|했|냈|나눠|에\s*걸쳐|씩))")


def items_read(text: str) -> str:
    """The text with a leading numbered list of figures read into the sentences that name its items."""
    head = re.match(r"\s*((?:(?:\(\s*\d\s*\)|\d\s*[).])\s*[^\n()]{1,14}?\s*){3,9})[.:]\s+(?=\S)", text)
    if not head:
        return text
    marks = list(ITEM.finditer(head[1]))
    numbers = [int(m[1] or m[2]) for m in marks]
    if numbers != list(range(1, len(marks) + 1)):
        return text
    items = {n: head[1][m.end() : nxt.start() if nxt else len(head[1])].strip(" ,/") for n, m, nxt in
             zip(numbers, marks, marks[1:] + [None])}  # fmt: skip
    rest = text[head.end() :]
    if not any(int(r[1]) in items for r in REFERENCE.finditer(rest)):
        return text  # the list is no key to what follows: left as it is
    rest = REFERENCE.sub(lambda r: items.get(int(r[1]), r[0]), rest)
    return re.sub(r"(\d{4}\s*년)\s*(?:연도|년도)", r"\1", rest)  # "2019년 연도에": the year said once
