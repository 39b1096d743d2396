"""Numbers a speech-to-text engine wrote syllable by syllable ("일 억 이 천", "십 이 억", "삼 백 사 십 만 원",
"이천 십 팔 년"), written back as one number before any reader sees the question: amounts as the Hangul the
normaliser reads ("일억 이천", "삼백사십만 원"), years, months, days and ages as digits ("2018년", "28일").
A run is joined only when it cannot be read another way: every word of it a numeral, the whole a well-formed
number, and its end a unit (억, 만) or a counter (원, 년, 개월, 일, 살, 세); anything else is left as said, so
the readers ask about it."""

from __future__ import annotations

import re

from taxqa.tax.words import sino_number

DIGITS = "일이삼사오육칠팔구"
SMALL = "십백천"
# words of numeral syllables apart by single spaces, at least two of them
RUN = re.compile(rf"(?<![가-힣\d])(?<!\d )[{DIGITS}{SMALL}만억]+(?: [{DIGITS}{SMALL}만억]+)+(?: (?=년|개월|일|살|세))?")
# a counter right after a number (the 일 of a day not the start of 일요일, 일단 …)
COUNTER = re.compile(r"\s?(원|년|개월|일(?![가-힣]{0,1}(?:요일|단|부|반|단|시))|살|세(?!금|액|율|대))")
SECTION = re.compile(rf"(?:[{DIGITS}]?천)?(?:[{DIGITS}]?백)?(?:[{DIGITS}]?십)?[{DIGITS}]?")


def well_formed(syllables: str) -> bool:
    """'십이억', '삼백사십만', '이천십팔' are numbers; '이이', '십천', '억만' are not."""
    for part in re.split("[억만]", syllables):
        if not SECTION.fullmatch(part):
            return False
    sections = re.findall("[억만]", syllables)
    return sections in ([], ["억"], ["만"], ["억", "만"]) and not re.search("^[억만]|[억만][억만]", syllables)


def joined(text: str) -> str:
    """`text` with its spaced numeral runs written as one number where the run is unambiguous."""

    def join(m: re.Match) -> str:
        words, space = m[0].rstrip(" ").split(" "), " " if m[0].endswith(" ") else ""
        # the longest run of whole words (the last one cut at a unit: "억이고" -> "억" + "이고") that is a number
        for k in range(len(words), 1, -1):
            head, last = words[: k - 1], words[k - 1]
            for cut in range(len(last), 0, -1):
                said = "".join(head) + last[:cut]
                tail = last[cut:] + (" " + " ".join(words[k:]) if k < len(words) else "") + space
                if not well_formed(said):
                    continue
                shown = number(said, tail + m.string[m.end() :], "억" in "".join(head))
                if shown is not None:
                    return shown + (tail.lstrip(" ") if shown.isdigit() else tail)
        return m[0]

    text = RUN.sub(join, text)
    # one numeral word before a counter of time or age ("팔 개월", "칠 년"); not 이/일 alone ("이 년", "일 년 내내")
    return re.sub(
        rf"(?<![가-힣\d])([{DIGITS}]*[{SMALL}][{DIGITS}]?|[삼사오육칠팔구]) (?=(?:년|개월|살)(?![가-힣]{{0,1}}(?:도|간)))",
        lambda m: str(sino_number(m[1])) if well_formed(m[1]) else m[0],
        text,
    )


def number(said: str, rest: str, after_eok: bool) -> str | None:
    """How a well-formed run reads, given the text after it: the Hangul amount the normaliser reads, or digits
    before a counter; None when its end is no unit or counter."""
    if said[-1] in "억만" or (said.endswith("천") and after_eok):  # "일 억 이 천에": 만 left out after 억
        return re.sub("(?<=억)(?=.)", " ", said)
    counter = COUNTER.match(rest)
    if counter is None or "억" in said or "만" in said:
        return None
    return said if counter[1] == "원" else str(sino_number(said))
