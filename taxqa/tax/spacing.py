"""A question typed without spaces ("딸한테2억주려고하는데증여세얼마예요", a phone's habit) spaced by the morpheme
analyser before any reader sees it: the readers look for words and particles apart, and a squashed run read as it
is gave wrong figures without a flag. Only the long runs are spaced; a text with spaces as usual is left alone."""

from __future__ import annotations

import re

# a run of Hangul and digits this long, with no space or mark in it, is no word of Korean written as usual (a list
# joined by "·", ",", "+" or markup is written so on purpose)
SQUASHED = re.compile(r"[가-힣\d]*[가-힣][가-힣\d]*")
# in a text with hardly a space at all, a run with marks in it is squashed too ("연봉5,800만원부양가족없음")
SQUASHED_WITH_MARKS = re.compile(r"\S*[가-힣]\S*")
LONGEST_WORD = 14


def spaced(text: str) -> tuple[str, bool]:
    """`text` with each squashed run spaced, and whether any was."""
    hardly = len(re.findall(r"\s", text.strip())) * 15 < len(text.strip())
    runs = [m for m in (SQUASHED_WITH_MARKS if hardly else SQUASHED).finditer(text) if len(m.group(0)) >= LONGEST_WORD]
    if not runs:
        return text, False
    from taxqa.corpus.morph import kiwi

    out, last = [], 0
    for m in runs:
        out.append(text[last : m.start()])
        # "12 억": the analyser sets a unit apart from its digits; the amounts are read with them together
        out.append(re.sub(r"(\d)\s+(?=[억만천백원])", r"\1", kiwi().space(m.group(0), reset_whitespace=False)))
        last = m.end()
    out.append(text[last:])
    return "".join(out), True
