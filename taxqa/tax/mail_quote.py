"""An e-mail reply with the older message quoted below it: the reply's own figures are the facts, the quoted
message's are older (often the very figures the reply corrects), so the quote is left out."""

from __future__ import annotations

import re

# where a quoted older message starts: "-----Original Message-----", "--- 원본 메일 ---", "보낸 사람: …",
# "On Mon, … wrote:", "2026년 5월 3일 (월) 오후 2:10, 정대표 님이 작성:"
QUOTE_HEAD = re.compile(
    r"(?m)^[ \t]*(?:-{2,}\s*(?:Original\s+Message|Forwarded\s+message|원본\s*(?:메일|메시지)|전달된\s*메시지)\s*-{2,}"
    r"|(?:From|보낸\s*사람)\s*:.*$"
    r"|On\s.{4,80}\swrote:|.{4,60}님이\s*작성:?)"
)


def without_quote(text: str) -> tuple[str, bool]:
    """The reply without the older message quoted below it, and whether one was left out. Only a quote below a
    reply that itself gives a figure is left out: "> 재산: 9억 / 상속세 계산 부탁드려요" quotes the very facts
    asked about, and a forwarded message on top ("--- 원래 메시지 --- …") may be the case itself."""
    head = QUOTE_HEAD.search(text)
    if head is None:
        return text, False
    body = text[: head.start()].rstrip()
    if len(re.findall(r"[가-힣]", body)) < 20 or not re.search(r"\d", body):
        return text, False
    return body, True
