"""A tax site's screen pasted as "항목 : 값" lines with the moment it was looked at ("조회일시 : 2026-03-06 15:22:10").
The day looked at is the asker's "오늘": a payment or a late return made "오늘" is dated by it, so the readers count
the days and months late from the screen's due date. Lines that only file the record (조회일시, 접수번호, a time of
day) are no figure of the case and are left out; where the screen states the tax added by a corrected return
(추가 납부할 세액), the first and the corrected totals it is the difference of are left out too."""

from __future__ import annotations

import re

ISO = r"(\d{4})\s*-\s*(\d{1,2})\s*-\s*(\d{1,2})"
FIELD = re.compile(r"(?m)^[ \t]*([가-힣][가-힣A-Za-z()·/ ]{0,24}?)[ \t]*[:：][ \t]*(\S.*?)[ \t]*$")
LOOKED = re.compile(rf"(?m)^[ \t]*조회\s*일시\s*[:：]\s*{ISO}[^\n]*\n?")
# a line that files the record, never a figure of the case: "접수번호 : 128-2026-1-50412****"
RECORD = re.compile(r"(?m)^[ \t]*(?:접수\s*번호|관리\s*번호|사업자\s*등록\s*번호)\s*[:：][^\n]*\n?")
RETURN = re.compile(r"신고\s*구분\s*[:：]\s*(기한\s*후\s*신고|수정\s*신고)")
FILED_AT = re.compile(rf"접수\s*일시\s*[:：]\s*{ISO}")
DUE_PAY = re.compile(rf"납부\s*기한\s*[:：]\s*{ISO}")
# "오늘 바로 이체하면", "추가세액도 오늘 냈는데", "세금도 오늘 바로 낼 건데": paid the day looked at
TODAY_PAID = re.compile(r"오늘\S{0,12}\s*(?:\S+\s*){0,3}?(?:이체|납부|냈|낼|내면|내려|낸|입금)")
TODAY_FILED = re.compile(r"오늘\S{0,12}\s*(?:\S+\s*){0,3}?(?:기한\s*후\s*신고|수정\s*신고|신고)")
# the tax a corrected return adds, and the two totals it is the difference of
ADDED = re.compile(r"(?m)^[ \t]*(?:추가\s*(?:납부할?|자진\s*납부)\s*세액|차액)\s*[:：]")
TOTALS = re.compile(r"(?m)^[ \t]*(?:당초\s*신고|수정\s*신고)\s*(?:납부\s*)?세액\s*[:：][^\n]*\n?")
# "건수 : 6,812" beside a total: a count of slips, no amount
COUNT = re.compile(r"[ \t]+(?:건수|매수|횟수)\s*[:：]\s*[\d,]+(?=[ \t]*$)", re.M)
CLOCK = re.compile(r"(\d{4}-\d{1,2}-\d{1,2})\s+\d{1,2}:\d{2}(?::\d{2})?")


def dated(m: re.Match) -> str:
    return f"{int(m[1])}-{int(m[2]):02d}-{int(m[3]):02d}"


def screen_read(text: str) -> tuple[str, list[str]]:
    """The question with a pasted screen's record lines left out and the day it was looked at said as the day
    paid or filed where the asker pays or files "오늘"; what was assumed."""
    looked = LOOKED.search(text)
    if looked is None or len(FIELD.findall(text)) < 3:
        return text, []
    today = dated(re.search(ISO, looked.group(0)))
    prose = text[looked.end() :]
    lines = [m for m in FIELD.finditer(text)]
    end = lines[-1].end()  # the screen ends with its last "항목 : 값" line; the asker's words follow
    asked = text[end:]
    said: list[str] = []
    added: list[str] = []
    kind = RETURN.search(text[:end])
    if kind:
        filed = FILED_AT.search(text[:end])
        if filed or TODAY_FILED.search(asked):
            day = dated(filed) if filed else today
            added.append(f"{day}에 {''.join(kind[1].split())}.")
            if TODAY_PAID.search(asked):
                added.append("세금도 그날 같이 납부.")
    elif DUE_PAY.search(text[:end]) and TODAY_PAID.search(asked):
        added.append(f"실제 납부 {today}.")
    head = text[: looked.start()] + prose[: end - looked.end()]
    if ADDED.search(head):
        head, n = TOTALS.subn("", head)
        if n:
            said.append("화면의 당초·수정 신고 세액은 추가 납부할 세액의 계산 근거라 계산에 넣지 않음")
    head = COUNT.sub("", CLOCK.sub(r"\1", RECORD.sub("", head)))
    if added:
        said.append(f"화면의 조회일시({today})를 질문한 날('오늘')로 봄")
        head = head.rstrip("\n") + "\n" + " ".join(added)
    return head + asked, said
