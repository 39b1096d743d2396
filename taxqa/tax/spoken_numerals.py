"""Numbers a speech-to-text engine wrote syllable by syllable ("일 억 이 천", "십 이 억", "삼 백 사 십 만 원",
"이천 십 팔 년"), written back as one number before any reader sees the question: amounts as the Hangul the
normaliser reads ("일억 이천", "삼백사십만 원"), years, months, days and ages as digits ("2018년", "28일").
A run is joined only when it cannot be read another way: every word of it a numeral, the whole a well-formed
number, and its end a unit (억, 만) or a counter (원, 년, 개월, 일, 살, 세); anything else is left as said, so
the readers ask about it."""

from __future__ import annotations

import re

from taxqa.tax.words import has_batchim, sino_number

DIGITS = "일이삼사오육칠팔구"
SMALL = "십백천"
# words of numeral syllables apart by single spaces, at least two of them
RUN = re.compile(rf"(?<![가-힣\d])(?<!\d )[{DIGITS}{SMALL}만억]+(?: [{DIGITS}{SMALL}만억]+)+(?: (?=년|개월|일|살|세))?")
# a counter right after a number (the 일 of a day not the start of 일요일, 일단 …)
COUNTER = re.compile(
    r"\s?(원|퍼센트|프로(?![가-힣])|년|개월|일(?![가-힣]{0,1}(?:요일|단|부|반|단|시))|살|세(?!금|액|율|대))"
)
SECTION = re.compile(rf"(?:[{DIGITS}]?천)?(?:[{DIGITS}]?백)?(?:[{DIGITS}]?십)?[{DIGITS}]?")


def well_formed(syllables: str) -> bool:
    """'십이억', '삼백사십만', '이천십팔' are numbers; '이이', '십천', '억만' are not."""
    for part in re.split("[억만]", syllables):
        if not SECTION.fullmatch(part):
            return False
    sections = re.findall("[억만]", syllables)
    return sections in ([], ["억"], ["만"], ["억", "만"]) and not re.search("^[억만]|[억만][억만]", syllables)


SAID_DIGIT = {**{d: str(i + 1) for i, d in enumerate(DIGITS)}, "영": "0", "공": "0"}
# "일 점 오 억", "영 점 오 억": a decimal said aloud before a unit
POINT = re.compile(
    r"(?<![가-힣])([일이삼사오육칠팔구영공]) 점 ([일이삼사오육칠팔구영공](?: [일이삼사오육칠팔구영공])?) ?(?=[억만](?![가-힣]))"
)
# "육 이 공 공 만 원": digits said one by one (a 영 or 공 among them, no 십 백 천) before a unit
DIGIT_RUN = re.compile(
    r"(?<![가-힣])(?=[^억만]*[영공])([일이삼사오육칠팔구영공](?: [일이삼사오육칠팔구영공]){1,4}) ?(?=[억만](?![가-힣]))"
)


def said_digits(words: str) -> str:
    return "".join(SAID_DIGIT[w] for w in words.split(" "))


def figure_value(words: list[str]) -> int | None:
    """The value of a figure said word by word ("삼 억 사 천 만 원", "일 점 오 억", "육 이 공 공 만 원", "사 천"),
    or None when the words are no number."""
    said = "".join(words[:-1] if words and words[-1] == "원" else words)
    unit = {"억": 10**8, "만": 10**4}.get(said[-1:], 1)
    if m := re.fullmatch(r"([일이삼사오육칠팔구영공])점([일이삼사오육칠팔구영공]{1,2})[억만]", said):
        return int(said_digits(m[1]) + said_digits(m[2])) * unit // 10 ** len(m[2])
    if re.fullmatch(r"[일이삼사오육칠팔구영공]{2,5}[억만]?", said) and re.search("[영공]", said):
        return int(said_digits(" ".join(said.rstrip("억만")))) * unit
    if not said or not well_formed(said) or not re.fullmatch(f"[{DIGITS}{SMALL}만억]+", said):
        return None
    total = 0
    for part, size in re.findall(r"([^억만]*)(억|만|$)", said):
        if part or size:
            total += (sino_number(part) if part else 1) * {"억": 10**8, "만": 10**4, "": 1}[size]
    return total


def joined(text: str) -> str:
    """`text` with its spaced numeral runs written as one number where the run is unambiguous."""
    text = POINT.sub(lambda m: f"{said_digits(m[1])}.{said_digits(m[2])}", text)
    text = DIGIT_RUN.sub(lambda m: said_digits(m[1]), text)

    def join(m: re.Match) -> str:
        words, space = m[0].rstrip(" ").split(" "), " " if m[0].endswith(" ") else ""
        # the longest run of whole words (the last one cut at a unit: "억이고" -> "억" + "이고") that is a number;
        # failing that, the run after its first word ("가액 이 오 천 사 백 만 원": 이 is the subject's particle)
        before = m.string[max(0, m.start() - 2) : m.start()]
        particle = words[0] == "이" and len(words) > 2 and re.fullmatch("[가-힣] ", before) and has_batchim(before[0])
        for first in (0, 1) if particle else (0,):
            for k in range(len(words), first + 1, -1):
                head, last = words[first : k - 1], words[k - 1]
                for cut in range(len(last), 0, -1):
                    said = "".join(head) + last[:cut]
                    tail = last[cut:] + (" " + " ".join(words[k:]) if k < len(words) else "") + space
                    if not well_formed(said):
                        continue
                    shown = number(said, tail + m.string[m.end() :], "억" in "".join(head))
                    if shown is not None:
                        lead = words[0] + " " if first else ""
                        return lead + shown + (tail.lstrip(" ") if shown.isdigit() else tail)
        return m[0]

    text = RUN.sub(join, text)
    text = re.sub(r"(?<![\d.])(\d{1,3}) (?:퍼센트|프로)(?![가-힣])", r"\1%", text)  # "오 십 퍼센트": 50%
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
