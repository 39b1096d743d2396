"""Reading stability: the question read again with a change that keeps its meaning, and flagged when the
inputs move. A reading that rests on the order its statements happen to come in, or on where the asker put
spaces, is a guess the rules made, not what the question says.

The changes: the spaces normalised (runs of spaces and tabs one space, a space before a particle taken away
nowhere: only runs), and the order of two independent statements before the question swapped (sentences
that point back — 그, 거기, 근데, 말고, 아니 … — are never moved). The second reading runs without these nets.
"""

from __future__ import annotations

import re

# a sentence that leans on the one before it cannot move
LEANS = re.compile(
    r"^\s*(?:그|이|저|거기|그거|그걸|그것|그중|그래서|그런데|근데|그리고|그럼|그러면|그러니까|하지만|또|또한|"
    r"아니|말고|정정|수정|참|아\s|대신|둘\s*다|모두|전부|합쳐|각각|단|다만|게다가|그때|당시|이후|나중|이번|그\s)"
)
# a sentence ends at . ? ! or a line break, not at the point of "3.8억" or "2019.4"
SENTENCE = re.compile(r"(?:[^.?!\n]|(?<=\d)\.(?=\s*\d))+(?:[.?!]+|\n|$)")
# the parts of one amount written apart ("1억 2천 5백", "3천 3백만"): written together they are the same amount
AMOUNT_GAP = re.compile(r"(\d\s*(?:억|천|백))\s+(\d{1,4}\s*(?:천|백|만|원))")
_busy = False  # the second reading must not re-read again


def variants(text: str, swap: bool = True) -> list[tuple[str, str]]:
    """(what was changed, the changed question); `swap`: also two independent statements swapped."""
    out = []
    spaced = re.sub(r"[ \t\u3000]{2,}", " ", text).strip()
    if spaced != text.strip():
        out.append(("띄어쓰기", spaced))
    joined = text
    while (again := AMOUNT_GAP.sub(r"\1\2", joined)) != joined:  # "1억 2천 5백": two gaps, one after the other
        joined = again
    if joined != text:
        out.append(("금액 안의 띄어쓰기", joined))
    parts = [p for p in SENTENCE.findall(text) if p.strip()]
    statements = [p for p in parts if not re.search(r"[?？]|얼마|궁금|알려|계산", p)]
    if swap and len(parts) >= 3 and len(statements) >= 2:
        a, b = statements[0], statements[1]
        i, j = parts.index(a), parts.index(b)
        if j == i + 1 and not LEANS.match(b) and not LEANS.match(a):
            swapped = parts[:i] + [b.strip() + " ", a.strip() + " "] + parts[j + 1 :]
            out.append(("문장 순서", "".join(swapped).strip()))
    return out


def figures(reading) -> dict | None:
    """The figures of a reading's inputs (None when the calculator refuses them)."""
    from taxqa.errors import UserError
    from taxqa.tax.compute import compute
    from taxqa.tax.kinds import KINDS

    try:
        return KINDS[reading.kind].figure_values(compute(reading.kind, **reading.inputs, as_of=reading.as_of))
    except UserError:
        return None


def flag_unstable(reading, found, swap: bool = True) -> None:
    """Flag an answer whose figures change when the question is read again with its meaning kept."""
    global _busy
    if _busy or reading.kind is None or reading.missing:
        return
    from taxqa.tax.cue_words import label
    from taxqa.tax.reading import read_question

    _busy = True
    try:
        for what, text in variants(reading.text, swap):
            other = read_question(text, as_of=reading.as_of)
            if other.kind == reading.kind and not other.missing and figures(other) != figures(reading):
                moved = sorted(label(reading.kind, k) for k in set(other.inputs) | set(reading.inputs)
                               if other.inputs.get(k) != reading.inputs.get(k))  # fmt: skip
                reading.unclear(
                    f"{what}만 바꿔 읽으면 계산이 달라집니다({', '.join(moved) or '세목'}): 질문을 읽은 방식이 확실하지 않아 "
                    "확인이 필요합니다"
                )
                return
    finally:
        _busy = False


def flag_unstable_spacing(reading, found) -> None:
    """The same, with the spaces changed only (no sentence moved)."""
    flag_unstable(reading, found, swap=False)


TRIED = [
    ("reread", flag_unstable),
    ("reread_spacing", flag_unstable_spacing),
]  # measured, not run (bench/nets_catch.py)
