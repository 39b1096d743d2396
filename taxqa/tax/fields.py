"""A form's answers read as the sentences the readers take: a field answered no ("미성년자 여부: N",
"부정행위: X", "1세대1주택: 아니오", "장애: ✗") and a question-shaped label answered no on its line or
the next ("Q. 배우자 소득 있음? A. 아니요", "신고는 했나요?\n아니요") become a negated clause ("미성년자
여부 아님", "배우자 소득 없음", "신고 안 함"), so `negation.negated()` / `present()` see them like any other
negation; an emoji said as a no ("절대 🙅") is the word 없음.
"""

from __future__ import annotations

import re

NO = r"(?:N|No|NO|no|X|x|×|✗|✘|❌|🙅\S*|아니오|아니요|아뇨|아니|비해당|미해당|해당\s*없음|해당\s*안\s*됨)"
LABEL = r"(?=[0-9]{0,3}[가-힣])[가-힣0-9][가-힣0-9 ·()]{0,24}?"
# "미성년자 여부: N", "부정행위 - X", "1세대1주택 = 아니오" at a line's start or after a field separator
FIELD_NO = re.compile(rf"(?m)(^|[,;/|])(\s*[-•*]?\s*)({LABEL})\s*[:：=\-]\s*{NO}(?=\s*(?:$|[,.;/|(]|\s))")
# "Q. 배우자 소득 있음? A. 아니요", "고의였나요?\n아니요": a question then its no, on its line or the next
ASKED_NO = re.compile(
    rf"(?m)(^|[.!]\s)(\s*(?:Q\d*\s*[.:)]\s*)?)([^\n?？]{{1,40}}?)\s*[?？]"
    rf"(?:\s*(?:A\d*\s*[.:)])\s*|[ \t]*\n\s*(?:A\d*\s*[.:)]\s*)?)({NO}|없음|없어요|없습니다|없고)(?![가-힣A-Za-z])"
)
EMOJI_NO = re.compile(r"(?<=[가-힣\s])\s*(?:🙅|❌|🚫|⛔|🙅‍♂️|🙅‍♀️)[\u200d\ufe0f♂♀]*")
HAS = re.compile(r"\s*(?:있음|있나요|있어요|있습니까|있었나요|있었어요|있었습니까|있니|있어|있는지|유무|여부)$")
DID = re.compile(r"\s*(?:했나요|했어요|했습니까|하셨나요|하셨어요|하셨습니까|했니|했음|함|하였나요|했는지)$")
IS = re.compile(r"\s*(?:이었나요|였나요|인가요|이에요|예요|입니까|이야|임|이었어요|였어요|인지|이신가요|세요)$")


def _negated_clause(label: str, none: bool = False) -> str:
    """ "배우자 소득 있음" -> "배우자 소득 없음"; "신고는 했나요" -> "신고 안 함"; "고의였나요" -> "고의 아님"."""
    label = label.strip()
    if HAS.search(label):
        return HAS.sub("", label) + " 없음"
    if DID.search(label):
        core = re.sub(r"(?<=[가-힣])(?:은|는|을|를|도)$", "", DID.sub("", label))
        return core + " 안 함"
    return IS.sub("", label) + (" 없음" if none else " 아님")  # "Q. 자녀? A. 없음": 자녀 없음


def field_answers(text: str) -> str:
    text = EMOJI_NO.sub(" 없음", text)
    text = ASKED_NO.sub(lambda m: f"{m[1]}{_negated_clause(m[3], m[4].startswith('없'))}", text)
    return FIELD_NO.sub(lambda m: f"{m[1]}{m[2]}{_negated_clause(m[3])}", text)
