"""A chat log pasted with its speakers ("오후 12:41 노차장: 저는 작년에 와이프한테 3억 넘겼는데"): a figure said by
someone other than the one who asks is that person's own case, never the asker's; where one became an input, the
result says so instead of standing as final."""

from __future__ import annotations

import re

from taxqa.tax.words import josa

# "오후 12:41 노차장: …", "[14:02] 김대리: …", "12:41 황과장 : …": a timed line and its speaker
LINE = re.compile(
    r"(?m)^[ \t]*\[?(?:(?:오전|오후)\s*)?\d{1,2}:\d{2}(?::\d{2})?\]?\s+(?:@)?([가-힣A-Za-z]{2,8})\s*[:：]\s*(\S[^\n]*)$"
)
ASKING = re.compile(r"[?？]|얼마|궁금|알려\s*주|계산해\s*주|나와요|나오나요|맞나요|인가요")


def flag_others_figures(reading) -> None:
    """Flag an input taken from the line of a speaker other than the one whose line asks last."""
    lines = list(LINE.finditer(reading.text))
    if len({m[1] for m in lines}) < 2:
        return
    asking = [m for m in lines if ASKING.search(m[2])]
    if not asking:
        return
    asker = asking[-1][1]
    for line in lines:
        if line[1] == asker:
            continue
        for m in reading.mentions:
            if m.type == "amount" and m.used_as and line.start(2) <= m.start < line.end(2):
                reading.unclear(
                    f"'{m.text}'은 {line[1]}(질문한 {josa(asker, '이가')} 아닌 사람)의 말인데 계산에 넣음: "
                    "질문자 본인의 금액인지 확인해 주세요"
                )
