"""A land register's 갑구 (ownership) pasted as its table: "순위번호 | 등기목적 | 접수 | 등기원인 | 권리자 및 기타사항",
each row "3 | 소유권이전 | 2016년4월22일 제27745호 | 2016년3월30일 매매 | 소유자 한도윤 780114-1****** … / 거래가액
금385,000,000원". Only the asker's row is the case: the row they name ("3번이 저고요"), else the last transfer of
ownership. It is said as a sentence: a purchase by its 접수 day (the register's day, the latest the ownership
passed) and its 거래가액; a gift or inheritance by its day and cause. The other rows are earlier owners' dealings,
and the row number, 접수번호 and the masked 주민등록번호 of every row are filing marks, never amounts: left out."""

from __future__ import annotations

import re

HEAD = re.compile(r"(?m)^[^\n]*순\s*위\s*번\s*호\s*\|[^\n]*등\s*기\s*(?:목\s*적|원\s*인)[^\n]*$")
ROW = re.compile(r"(?m)^\s*(\d{1,3}(?:-\d{1,2})?)\s*\|([^\n|]*)\|([^\n|]*)\|([^\n|]*)\|([^\n]*)$")
DATE = re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일")
PRICE = re.compile(r"거래\s*가액\s*(?:금\s*)?([\d,]+)\s*원")
# "3번이 저고요", "3번이 제 명의", "순위 3번이 저예요": the row the asker names as theirs
MINE = re.compile(
    r"(?<![\d-])(\d{1,3}(?:-\d{1,2})?)\s*번\s*(?:이|은|이요|가)?\s*(?:저|제\s*(?:명의|거|것|이름)|나|본인)"
)
# "4번 민규가 제 아들": the row of someone the asker names
NAMED = re.compile(r"(?<![\d-])(\d{1,3}(?:-\d{1,2})?)\s*번\s*(?:이|은|의)?\s*[가-힣]{1,4}(?:이|가|는|은)?\s")
TRANSFER = re.compile(r"소유권\s*(?:이전|보존)")
TITLE = re.compile(r"(?m)^[^\n]*【\s*갑\s*구\s*】[^\n]*\n?|^\[집합건물\][^\n]*\n?")


def day(m: re.Match) -> str:
    return f"{m[1]}년 {int(m[2])}월 {int(m[3])}일"


def said_row(cells: list[str]) -> str | None:
    """The row as the asker's sentence, or None when it is no transfer of ownership with a dated cause."""
    _, purpose, received, cause, holder = cells
    if not TRANSFER.search(purpose):
        return None
    filed, caused = DATE.search(received), DATE.search(cause)
    why = re.sub(r"[\d\s년월일]", "", cause)
    price = PRICE.search(holder)
    if why == "매매" and filed and price:
        return f"{day(filed)}에 {int(price[1].replace(',', '')):,}원에 샀음."
    if why in ("증여", "상속", "협의분할에의한상속") and (caused or filed):
        return f"{day(caused or filed)} {why} 등기."
    return None


def registry_read(text: str) -> tuple[str, list[str], list[str]]:
    """The question with a pasted 갑구 table said as its asker's row alone; what was assumed; what is unclear."""
    head = HEAD.search(text)
    if head is None:
        return text, [], []
    rows = []
    end = head.end()
    for m in ROW.finditer(text, head.end()):
        if text[end : m.start()].strip():
            break
        rows.append(m)
        end = m.end()
    if not rows:
        return text, [], []
    rest = text[end:]
    named = MINE.search(rest) or NAMED.search(rest)
    by_number = {r[1]: r for r in rows}
    mine = by_number.get(named[1]) if named else None
    if mine is None:
        mine = next((r for r in reversed(rows) if TRANSFER.search(r[2]) and "보존" not in r[2]), None)
    sentence = said_row([mine[i].strip() for i in range(1, 6)]) if mine else None
    start = head.start()
    before = TITLE.sub("", text[:start])
    if sentence is None:
        unclear = [
            "등기부 갑구에서 이번 사안의 등기(취득일·거래가액)를 읽지 못해 계산에 넣지 않음: 취득일과 금액을 적어 주세요"
        ]
        return before + rest, [], unclear
    assumed = [
        f"등기부 갑구 {mine[1]}번 등기를 이번 사안으로 읽음 ({sentence.rstrip('.')}); "
        "다른 순위의 거래가액과 접수번호·주민등록번호는 계산에 넣지 않음"
    ]
    if "샀음" in sentence:
        assumed.append("등기 접수일을 취득일로 봄 (잔금을 더 일찍 치렀으면 그날이 취득일)")
    return before + sentence + "\n" + rest.lstrip("\n"), assumed, []
