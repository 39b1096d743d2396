"""A figure its author corrects with an arrow in an update ("수정: 금액 잘못 적었어요 2천만원 → 4천만원", "정정: 과세표준
3억2천 → 2억8천"): the new figure is read where the old one was said, beside its label, and the arrow's pair is not
read again as two more figures."""

from __future__ import annotations

import re

from taxqa.amounts import iter_amounts

ARROW = re.compile(r"\s*(?:→|->|=>|⇒|➡️?|➔)\s*")
# the update that corrects: "수정:", "정정)", "잘못 적었어요", "금액 고쳐요", "바뀌었어요"
CORRECTING = re.compile(r"수정|정정|잘못|고쳐|고침|변경|바뀌|바뀜|틀렸")


def arrow_corrected(text: str) -> tuple[str, list[str]]:
    """(the text with each figure an update corrects by an arrow replaced by the new one, the notes)."""
    notes = []
    for line in reversed(list(re.finditer(r"[^\n]+", text))):
        if not CORRECTING.search(line.group(0)):
            continue
        found = list(iter_amounts(line.group(0)))
        for old, new in zip(found, found[1:], strict=False):
            between = line.group(0)[old.end : new.start]
            if not ARROW.fullmatch(between) or old.value == new.value:
                continue
            earlier = [a for a in iter_amounts(text[: line.start()]) if a.value == old.value]
            if not earlier:
                continue
            start, end = line.start() + old.start, line.start() + new.end
            text = text[:start] + " " * (end - start) + text[end:]  # the pair itself: not two more figures
            for a in iter_amounts(text[start : line.end()]):  # "9억5천은 옆 동 시세였어요": the old one explained
                if a.value == old.value:
                    text = text[: start + a.start] + " " * (a.end - a.start) + text[start + a.end :]
            for a in reversed(earlier):
                text = text[: a.start] + new.text + text[a.end :]
            notes.append(f"'{old.text} → {new.text}'(작성자의 수정)에 따라 앞의 {old.text}을 {new.text}으로 고쳐 읽음")
            break
    return text, notes
