"""Which 항/호 of an article a question matched: shown with each hit so a reader sees why it was chosen.

    best_clause(text, words) -> ("제3항 제1호", "출산하거나 입양 신고한 공제대상자녀가 첫째인 경우: 연 30만원")

The article text is cut into its 항 (①, ②, ...) and 호 ("1.", "1의2.") lines; the one containing most of
the query's words (morphemes, and legal terms of 3+ characters as written) wins, earlier ones on a tie.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from taxqa.corpus.morph import morphs

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PARAGRAPH = re.compile(rf"^\s*([{_CIRCLED}])\s*")
_ITEM = re.compile(r"^\s*(\d+)(?:의(\d+))?\.\s*")
HEADING_CHARS = 80


def units(text: str) -> list[tuple[str, str]]:
    """(label, line) for each 항 and 호 line of an article, in order: ("제2항", "② ..."), ("제2항 제1호", ...)."""
    out: list[tuple[str, str]] = []
    paragraph = ""
    for line in text.splitlines():
        m = _PARAGRAPH.match(line)
        if m:
            paragraph = f"제{_CIRCLED.index(m.group(1)) + 1}항"
            out.append((paragraph, line[m.end() :].strip()))
            continue
        m = _ITEM.match(line)
        if m:
            item = f"제{m.group(1)}호" + (f"의{m.group(2)}" if m.group(2) else "")
            out.append((f"{paragraph} {item}".strip(), line[m.end() :].strip()))
    return out


def best_clause(text: str, words: Sequence[str]) -> tuple[str, str]:
    """The label and opening of the 항/호 that contains most of ``words``; ("", "") when none does."""
    wanted = [w for w in dict.fromkeys(words) if w]
    if not wanted:
        return "", ""
    best, best_score = ("", ""), 0
    for label, line in units(text):
        have = set(morphs(line))
        score = sum(1 for w in wanted if w in have or (len(w) >= 3 and w in line))
        if score > best_score:
            best, best_score = (label, line), score
    label, line = best
    line = re.sub(r"\s*<(개정|신설)[^>]*>", "", line)
    return label, line[:HEADING_CHARS] + ("…" if len(line) > HEADING_CHARS else "")
