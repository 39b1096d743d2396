"""Bookkeeping entries pasted as a table: "구분 | 차변 계정과목 | 금액 | 대변 계정과목 | 금액 | 적요", an entry's
further lines starting with an empty first cell, or one line an entry: "2026-02-27 | (차) 외상매출금 253,000,000 |
(대) 제품매출 230,000,000 / 부가세예수금 23,000,000 | 납품분". Each line is an account and its amount, and most
accounts are no figure of a tax: the 보통예금 paid, the 외상매출금 owed (sales with their VAT), 급여, 자본금.
For a VAT question the entries are read as a VAT return is: the sales are the credits to a 매출 account (공급가액);
the purchases are the debits booked beside a 부가세대급금 (공급가액 of the 세금계산서 received); the card and
cash-receipt sales are the debits of card receivables or cash against a sale (with their VAT), where the entry
says so. For any other question the asker states the figure asked, and the entries are left out."""

from __future__ import annotations

import re

from taxqa.amounts import format_won

HEAD = re.compile(r"(?m)^[^\n|]*\|[^\n]*차\s*변[^\n]*\|[^\n]*대\s*변[^\n]*$")
ONE_LINE = re.compile(r"(?m)^[^\n|]*\|\s*\(\s*차\s*\)[^\n|]*\|\s*\(\s*대\s*\)[^\n]*$")
FIGURE = re.compile(r"(?<![\d,])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\d,])\d{4,}(?![\d,])")
SALES = re.compile(r"매출(?!\s*원가|\s*채권|\s*할인|\s*환입)$|매출(?=\s*\()")
OUTPUT_VAT = re.compile(r"부가\S*예수금|매출\s*부가세")
INPUT_VAT = re.compile(r"부가\S*대급금|매입\s*부가세")
CARD = re.compile(r"카드|현금\s*영수증")
CARD_DEBIT = re.compile(r"카드\s*미수금|^현금$")
VAT_ASKED = re.compile(r"부가세|부가가치세|VAT", re.I)


class Entry:
    def __init__(self, memo: str = ""):
        self.debits: list[tuple[str, int]] = []
        self.credits: list[tuple[str, int]] = []
        self.memo = memo


def figure(cell: str) -> int | None:
    m = FIGURE.search(cell)
    return int(m[0].replace(",", "")) if m else None


def line_parts(cell: str) -> list[tuple[str, int]]:
    """ "제품매출 230,000,000 / 부가세예수금 23,000,000": each account and its amount."""
    out = []
    for part in re.split(r"\s*/\s*", re.sub(r"\(\s*[차대]\s*\)", "", cell)):
        if (value := figure(part)) is not None:
            out.append((FIGURE.sub("", part).strip(), value))
    return out


def entries_of(text: str) -> tuple[list[Entry], int, int] | None:
    """The entries of the pasted table, with where it starts and ends; None when there is none."""
    head = HEAD.search(text)
    if head:
        names = [c.strip() for c in head.group(0).strip().strip("|").split("|")]
        debit = next(i for i, n in enumerate(names) if "차" in n and "변" in n)
        credit = next(i for i, n in enumerate(names) if "대" in n and "변" in n)
        memo = next((i for i, n in enumerate(names) if "적요" in n or "내용" in n), None)
        entries: list[Entry] = []
        end = head.end()
        for m in re.finditer(r"(?m)^[^\n]*\|[^\n]*$", text[head.end() :]):
            if text[end : head.end() + m.start()].strip():
                break
            end = head.end() + m.end()
            cells = [c.strip() for c in m.group(0).split("|")]
            if cells[0] or not entries:
                entries.append(Entry(cells[memo] if memo is not None and memo < len(cells) else ""))
            for at, side in ((debit, entries[-1].debits), (credit, entries[-1].credits)):
                if at + 1 < len(cells) and cells[at] and (value := figure(cells[at + 1])) is not None:
                    side.append((cells[at], value))
        return entries, head.start(), end
    rows = list(ONE_LINE.finditer(text))
    if not rows:
        return None
    entries = []
    for m in rows:
        cells = [c.strip() for c in m.group(0).split("|")]
        entry = Entry(cells[3] if len(cells) > 3 else "")
        entry.debits, entry.credits = line_parts(cells[1]), line_parts(cells[2])
        entries.append(entry)
    return entries, rows[0].start(), rows[-1].end()


def journal_read(text: str) -> tuple[str, list[str], list[str]]:
    """The question with pasted entries said as a VAT return's figures, or left out; what was assumed; what is
    unclear."""
    found = entries_of(text)
    if found is None:
        return text, [], []
    entries, start, end = found
    before, rest = text[:start], text[end:]
    if not VAT_ASKED.search(rest):
        said = "전표(분개)의 계정별 금액은 질문에서 말한 금액의 근거로 보고 계산에 넣지 않음"
        return before + rest.lstrip("\n"), [said], []
    sales = card = purchases = 0
    unclear = []
    for e in entries:
        sold = sum(v for account, v in e.credits if SALES.search(account))
        vat_in = sum(v for account, v in e.debits if INPUT_VAT.search(account))
        if sold:
            sales += sold
            if CARD.search(e.memo) or any(CARD_DEBIT.search(a) for a, _ in e.debits):
                card += sum(v for a, v in e.debits if not INPUT_VAT.search(a))
        if vat_in:
            bought = sum(v for account, v in e.debits if not INPUT_VAT.search(account))
            if abs(bought - vat_in * 10) > 10:  # a 세금계산서's tax is a tenth of its 공급가액
                unclear.append(
                    f"전표 '{e.memo}'의 매입세액과 공급가액이 맞지 않아 공급가액을 세액의 10배로 봄: 확인해 주세요"
                )
                bought = vat_in * 10
            purchases += bought
    said = []
    if sales:
        said.append(f"매출 공급가액 {format_won(sales)}.")
    if purchases:
        said.append(f"세금계산서 받은 매입 공급가액 {format_won(purchases)}.")
    if card:
        said.append(f"신용카드·현금영수증 매출(부가세 포함) {format_won(card)}.")
    if not said:
        unclear.append("전표에서 매출·매입 공급가액을 읽지 못함: 공급가액을 적어 주세요")
        return before + rest.lstrip("\n"), [], unclear
    assumed = [
        "전표를 부가세 신고처럼 읽음: 매출 계정의 대변 금액이 매출, 부가세대급금과 함께 적힌 차변 금액이 세금계산서 매입 "
        "(보통예금·외상매출금·급여 등은 세금 계산의 금액이 아님)"
    ]
    return before + " ".join(said) + "\n" + rest.lstrip("\n"), assumed, unclear
