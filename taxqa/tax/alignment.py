"""Positions in the normalised question ("작년" -> "2025년", slips mended) mapped back to the question as written,
so a mention found in one is shown and marked in the other."""

from __future__ import annotations

import difflib
import os


def aligner(clean: str, text: str):
    """A function mapping a position in the normalised question to one in the question."""
    # the matcher grows with the product of the lengths: the common head and tail are matched outside it
    head = len(os.path.commonprefix([clean, text]))
    tail = len(os.path.commonprefix([clean[head:][::-1], text[head:][::-1]]))
    middle = difflib.SequenceMatcher(
        None, clean[head : len(clean) - tail], text[head : len(text) - tail], autojunk=False
    )
    ops = [("equal", 0, head, 0, head)] if head else []
    ops += [(tag, i1 + head, i2 + head, j1 + head, j2 + head) for tag, i1, i2, j1, j2 in middle.get_opcodes()]
    if tail:
        ops.append(("equal", len(clean) - tail, len(clean), len(text) - tail, len(text)))

    def to_text(i: int, end: bool = False) -> int:
        for tag, i1, i2, j1, j2 in ops:
            if i1 <= i < i2 or (end and i == i2 and i2 > i1):
                return j1 + (i - i1) if tag == "equal" else (j2 if end else j1)
        return len(text)

    return to_text
