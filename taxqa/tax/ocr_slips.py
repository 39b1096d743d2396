"""Text a scanner's character recognition (OCR) made of a paper: letters standing for digits inside a number
("l2O,OOO,OOO", "2Ol9년", "O원"), a stray bar or tilde ("예|금", "3억원 ~", "7억 2,OOO만원 |"), and a figure smudged
past reading ("█?억 ~|천만원"). A letter is read as the digit it looks like only inside a run that holds a digit
or stands before a unit, and the reading says so, since it is a guess; a smudged figure is never guessed: it is
left out and asked for."""

from __future__ import annotations

import re

# letters a scanner gives for digits, and the digit each stands for
LOOKALIKE = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})
# a run of digits and lookalikes, its groups joined by , . / : (a date, an amount, a share), no Latin word around
RUN = re.compile(r"(?<![A-Za-z0-9])[0-9OolI]+(?:[,./:][0-9OolI]+)*(?![A-Za-z0-9])")
UNIT_AFTER = re.compile(r"\s?(?:원|억|만|천|백|년|개월|월|일|세|살|명|%)")
# a mark that hides a figure's digits: a block, a replacement character, a "?" inside a number
# (a "?" after a word ends a question: "얼마예요? 5억에 사서")
SMUDGE = r"[█▒▓■�]|(?<=[\d█▒▓■�])\?|(?<![^\s:：(])\?(?=[\d억만천])"
SMUDGED = re.compile(rf"(?:[\d,.~|]*\s*)(?:{SMUDGE})[\d\s,.~|?█▒▓■�억천백만]*원?")


def digits_read(text: str) -> tuple[str, list[str]]:
    """`text` with the lookalike letters of numbers read as digits, and what was read ("l2O → 120")."""
    read: list[str] = []

    def one(m: re.Match) -> str:
        run = m.group(0)
        if not re.search(r"[OolI]", run):
            return run
        if not re.search(r"\d", run) and not UNIT_AFTER.match(text, m.end()):
            return run  # "OCR", "l.l": letters, no figure
        if re.fullmatch(r"[OolI]+", run) and len(run) > 1:
            return run  # "Il원"?: two letters alone are too weak a sign
        digits = run.translate(LOOKALIKE)
        read.append(f"{run}→{digits}")
        return digits

    return RUN.sub(one, text), read


def without_strays(text: str) -> str:
    """A bar between a word's syllables ("예|금") and a bar or tilde left at a line's end after a figure ("3억원 ~",
    "2,000만원 |": not a range, nor a table, whose row starts with a bar) left out."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.count("|") > 1 or line.lstrip().startswith("|"):
            continue  # a table's row: its bars part cells
        line = re.sub(r"(?<=[가-힣])\|(?=[가-힣])", "", line)
        lines[i] = re.sub(r"^([^\n]*[\d원억만])[ \t]+[~|][ \t]*$", r"\1", line)
    return "\n".join(lines)


def smudged(text: str) -> tuple[str, list[str]]:
    """`text` with a figure too smudged to read left out (blanked, positions kept), and a doubt for each (Korean)."""
    doubts: list[str] = []

    def one(m: re.Match) -> str:
        raw = m.group(0).strip()
        if not re.search(r"[\d억천백만원]", raw):
            return m.group(0)
        line_start = text.rfind("\n", 0, m.start()) + 1
        label = re.sub(r"[\s:：|]+$", "", text[line_start : m.start()]).strip(" |")
        named = f"'{label}'의 " if label else ""
        doubts.append(f"{named}금액 '{raw}'은 글자가 번져 읽을 수 없어 계산에 넣지 않음: 정확한 금액을 알려 주세요")
        return " " * len(m.group(0))

    return SMUDGED.sub(one, text), doubts


def ocr_plain(text: str) -> tuple[str, list[str], list[str]]:
    """The question with what a scanner misread made plain: (text, what was assumed, what is unclear) in Korean."""
    text, doubts = smudged(text)
    text, read = digits_read(without_strays(text))
    assumed = []
    if read:
        shown = ", ".join(list(dict.fromkeys(read))[:6])
        assumed.append(f"스캔(OCR)에서 숫자 대신 찍힌 것으로 보이는 글자 O·l·I를 0·1로 읽음 ({shown})")
    return text, assumed, doubts
