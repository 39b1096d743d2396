"""A bank account's history pasted as its table: "거래일시 | 적요 | 출금 | 입금 | 잔액 | 메모", a row a transfer.
The 잔액 column is the balance after each row, never an amount of the case; the other rows are the asker's
everyday spending and pay. The asker says which transfers the question is about ("엄마 1억·아빠 7천"), so
where the words after the table name an amount the table is left out, its figures taken from those words alone;
where they name none, each deposit is said with its memo and the balance left out, and the asker is asked which
transfer is the case."""

from __future__ import annotations

import re

from taxqa.amounts import iter_amounts

# the header: a date column, a description, money out and in, and the balance
HEAD = re.compile(
    r"(?m)^[ \t]*\|?[ \t]*(?:거래\s*)?(?:일시|일자|날짜)[ \t]*\|[^\n]*(?:출금|찾으신)[^\n]*\|[^\n]*(?:입금|맡기신)[^\n]*\|"
    r"[^\n]*잔\s*액[^\n]*$"
)

# "위에 엄마 1억·아빠 7천 말고": the asker points at rows of the table above and adds what is besides them
POINTER = re.compile(r"위(?:에|의)?\s*([^.?!,]{1,40}?)\s*(?:말고|외에|빼고|이외에)")


def cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def ledger_read(text: str) -> tuple[str, list[str], list[str]]:
    """The question with a pasted account history left out or said without its balances; what was assumed; what
    is unclear."""
    head = HEAD.search(text)
    if head is None:
        return text, [], []
    names = cells(head.group(0))
    end = head.end()
    rows = []
    for m in re.finditer(r"(?m)^[^\n]*\|[^\n]*$", text[head.end() :]):
        if text[end : head.end() + m.start()].strip():
            break
        rows.append(cells(m.group(0)))
        end = head.end() + m.end()
    before, rest = text[: head.start()], text[end:]
    column = {n: i for i, n in enumerate(names)}
    deposit = next((i for n, i in column.items() if "입금" in n or "맡기신" in n), None)
    memo = next((i for n, i in column.items() if "메모" in n or "내용" in n), None)
    pointed = POINTER.search(rest)
    if pointed and deposit is not None and memo is not None:
        # "위에 엄마 1억·아빠 7천 말고 …": the rows pointed at, said with their memo's giver, the pointer kept as such
        said = []
        for row in rows:
            giver = row[memo].split()[0] if memo < len(row) and row[memo].strip() else ""
            if giver and deposit < len(row) and re.search(r"\d", row[deposit]) and giver in pointed[1]:
                said.append(f"{giver}가 {row[deposit]}원")
        if said:
            rest = rest[: pointed.start()] + "위 입금 말고" + rest[pointed.end() :]
            assumed = f"통장 거래내역 중 질문이 가리킨 입금({', '.join(said)})만 계산에 넣음 (잔액은 금액이 아님)"
            return before + ", ".join(said) + " 보내줬어요.\n" + rest.lstrip("\n"), [assumed], []
    if next(iter_amounts(rest), None) is not None:
        said = "통장 거래내역 표는 질문에서 말한 거래의 근거로 보고, 금액은 질문 본문에 적힌 것만 계산에 넣음 (잔액은 금액이 아님)"
        return before + rest.lstrip("\n"), [said], []
    lines = []
    for row in rows:
        if deposit is None or deposit >= len(row) or not re.search(r"\d", row[deposit]):
            continue
        words = " ".join(c for i, c in enumerate(row) if i not in (deposit,) and i in (1, memo) and c)
        lines.append(f"{words} 입금 {row[deposit]}원.")
    unclear = ["통장 거래내역 중 어느 입금이 이번 사안인지 알 수 없음: 해당 거래(누가 얼마를)를 확인해 주세요"]
    return before + "\n".join(lines) + "\n" + rest.lstrip("\n"), [], unclear
