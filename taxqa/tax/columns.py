"""A table typed with spaces (fixed-width columns): a header line of words and rows under it, each cell apart
from the next by two spaces or more. Read as sentences: one row as "header value, header value."; several rows
of a period (months, quarters) as each money column's total, since the question asks the tax of the period. A
column of counts ("손님 수", "직원수") is no money and is left out; "(원)" after a header is the cells' unit."""

from __future__ import annotations

import re

from taxqa.tax.layout import AGE_HEAD, PHONE_HEAD

GAP = re.compile(r"[ \t]{2,}")
FIGURE = re.compile(r"-?\d{1,3}(?:,\d{3})+|-?\d+")
COUNT_HEAD = re.compile(r"(?:수|인원|명|건수|횟수|비율|%)\s*(?:\((?:명|건|개|회)\))?$")  # "손님 수", "직원수(명)"
# a row of a period: its figures are parts of the period asked ("7월", "2분기", "2026.03"); rows of other things
# ("아파트", "예금") are left to the readers as they are
PERIOD_ROW = re.compile(r"\d{1,2}\s*월|[1-4]\s*분기|[1-4]Q|Q[1-4]|\d{4}[.\-/]\d{1,2}\.?|[12]\s*기|[상하]반기", re.I)
TOTAL_ROW = re.compile(r"합\s*계|총\s*계|계|누계|total", re.I)


def cells(line: str) -> list[str]:
    return [c for c in GAP.split(line.strip()) if c]


def money_column(head: str, values: list[str]) -> bool:
    """A column of won: its header names no count and every cell is a figure of four digits or more."""
    return not COUNT_HEAD.search(head) and all(FIGURE.fullmatch(v) and len(v.replace(",", "")) >= 4 for v in values)


def won(figure: int) -> str:
    return f"{figure:,}원"


def said(head: str) -> str:
    return re.sub(r"\s*\((?:원|₩)\)\s*$", "", head)  # "과세표준(원)": the unit is said with each figure


def rows_as_sentences(text: str) -> tuple[str, list[str]]:
    """The question with each space-aligned table written as sentences; and what was assumed in doing so."""
    lines = text.split("\n")
    out: list[str] = []
    notes: list[str] = []
    i = 0
    while i < len(lines):
        head = cells(lines[i])
        j = i + 1
        while j < len(lines) and len(head) >= 3 and len(cells(lines[j])) == len(head) and GAP.search(lines[j]):
            j += 1
        rows = [cells(line) for line in lines[i + 1 : j]]
        if not rows or re.search(r"\d", lines[i]) or not all(re.search(r"\d", "".join(r[1:])) for r in rows):
            out.append(lines[i])
            i += 1
            continue
        money = [k for k in range(len(head)) if money_column(head[k], [r[k] for r in rows])]
        totals = [r for r in rows if TOTAL_ROW.fullmatch(r[0].strip())]
        if len(rows) == 1 or totals:
            row = (totals or rows)[-1]
            aged = {k for k in range(len(head)) if re.fullmatch(AGE_HEAD, head[k]) and re.fullmatch(r"\d{1,3}", row[k])}
            parts = [  # "나이 12" is an age ("12세"); a contact column's number is none of the case's
                f"{said(head[k])} {won(int(row[k].replace(',', '')))}"
                if k in money
                else f"{head[k]} {row[k]}세"
                if k in aged
                else f"{head[k]} {row[k]}"
                for k in range(len(head))
                if (k in money or k in aged or not FIGURE.fullmatch(row[k]) and not COUNT_HEAD.search(head[k]))
                and not re.fullmatch(PHONE_HEAD, head[k])
            ]
            out.append(", ".join(parts) + ".")
        elif money and all(PERIOD_ROW.fullmatch(r[0].strip()) for r in rows if r not in totals):
            first, last = rows[0][0], rows[-1][0]
            sums = [f"{said(head[k])} {won(sum(int(r[k].replace(',', '')) for r in rows))}" for k in money]
            out.append(f"{first}~{last} 합계: " + ", ".join(sums) + ".")
            notes.append(f"표의 {first}~{last} {len(rows)}개 행을 열마다 더한 합계로 계산함")
        else:
            out += lines[i:j]
        i = j
    return "\n".join(out), notes
