"""Heirs who take a place not their own, for the heirs reader (taxqa.tax.heirs): a grandchild and a dead child's
spouse inheriting in that child's place (대습상속, 민법 제1001·1003조②), and the spouse of the asker's sibling (올케,
매형) when the sibling is the one who died.

자녀공제 (상증법 제20조①1호) counts the deceased's own children alive at the death: a child who died before is not
one, and those who inherit in the child's place (the asker's mother, the asker and siblings) are not children of
the deceased, so they are left out of the count. Their share is the dead child's, which the legal share of a living
spouse of the deceased (1.5 : 1 per child's line) still counts: then the line is counted as one child, and flagged.
"""

from __future__ import annotations

import re

from taxqa.tax.children_count import counted_in

# the wife of the asker's brother, the husband of the asker's sister, as the asker names them
BROTHERS_WIFE = r"올케(?:언니)?|형수님?|제수씨?|(?:남동생|동생|오빠|형)\s*(?:의\s*)?(?:댁|아내|부인|와이프|처)"
SISTERS_HUSBAND = r"매형|매부|매제|제부|형부|(?:여동생|동생|누나|언니)\s*(?:의\s*)?(?:남편|신랑)"
GRANDMOTHER = r"할머|할매|할미|할망|할무니|조모"
IN_PLACE = r"대습|(?:아빠|아버지|엄마|어머니|부친|모친)\S{0,2}\s*몫"


def grand_sex(words: str) -> str:
    """'m' for a grandmother word, 'f' for a grandfather word: a grandparent's partner is of the other sex."""
    return "m" if re.search(GRANDMOTHER, words) else "f"


def parent_side(words: str) -> str:
    """'m' for the asker's mother, 'f' for the father, '' for neither (부모님)."""
    return (
        "m"
        if re.search(r"모친|어머|엄마|어미|에미|애미", words)
        else "f"
        if re.search(r"부친|아버|아빠|아비|애비", words)
        else ""
    )


def in_place(text: str, deceased: str, dead: list, uncles: list, h) -> tuple[list, int]:
    """The deceased grandparent's children among `uncles` (the asker's parents and uncles said alive), with the
    asker's parent who died before (in `dead`) and the words that name that parent's share left out, and the other
    parent too when that one inherits in the dead parent's place (an in-law of the deceased, not a child); and the
    lines to count beside them: the dead child's line, one, only where a living spouse's legal share counts it."""
    gone = {parent_side(m.words) for m in dead if m.category == "parent"} - {""}
    if not gone:
        return uncles, 0
    own = "m" if deceased.startswith("외") else "f" if deceased.startswith("친") else ""  # the deceased's child
    in_law = bool(re.search(IN_PLACE, text)) or (own != "" and own in gone)
    kept = [
        m
        for m in uncles
        if not (m.category == "parent" and (parent_side(m.words) in gone or in_law or parent_side(m.words) == ""))
    ]
    if len(kept) == len(uncles):
        return uncles, 0
    if h.spouse:  # 민법 제1009·1010조: the dead child's line takes a child's share beside the spouse's 1.5
        h.ambiguous.append(
            "먼저 돌아가신 자녀의 몫(대습상속)을 배우자 법정상속분 계산에 자녀 1명으로 셈: 자녀공제(제20조①)에서 "
            "대습상속인을 자녀로 볼지는 확인이 필요"
        )
        return kept, 1
    h.notes.append(
        "먼저 돌아가신 자녀의 몫을 받는 대습상속인(손자녀·그 배우자)은 자녀공제의 자녀 수에 넣지 않음: "
        "피상속인의 생존 자녀만 셈 (제20조①)"
    )
    return kept, 0


def headcount(text: str, said: list) -> int:
    """How many people the family mentions `said` name: one each, or the count said right after the word ("이모
    둘", "삼촌 두 분")."""
    total = 0
    for m in said:
        found = [c for p, _, c in counted_in(text, re.escape(m.words)) if p == m.start]
        total += found[0] if found else 1
    return total
