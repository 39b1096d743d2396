"""An e-mail reply read as its newest message only: the older messages quoted under it ("> …" lines, a
"-----Original Message-----" block, a "…님이 작성:" header) are earlier states of the case, replaced by what
the reply says now; a sentence of the reply that points back at the quote ("아래 메일의 13억은 빚 빼기 전
숫자였어요") names an old figure, not a new one. Self-contained, for every kind's reader."""

from __future__ import annotations

import re

from taxqa.tax.words import iter_amounts

# the header a mail client writes above the message it quotes
HEADER = re.compile(
    r"(?m)^[ \t>]*(?:-{2,}\s*(?:Original Message|Forwarded message|원본\s*메(?:시|세)지|전달된\s*메(?:시|세)지)\s*-{2,}"
    r"|On .{4,80} wrote:|.{4,80}님이\s*작성:)[ \t]*$",
    re.IGNORECASE,
)
QUOTED = re.compile(r"(?m)^[ \t]*>")
# a sentence of the reply about the quoted message: "아래 메일의 13억은", "지난번 메일에 쓴 금액은"
POINTS_BACK = re.compile(
    r"(?:아래|밑의?|이전|지난(?:번)?|앞(?:서|의)?|처음|먼저\s*보낸|원래)\s*(?:메일|메시지|글|문의)"
)

# a reply's own words: without a mail header, "> " lines close a reply only when it reads as one
REPLY_WORDS = r"답변|답장|회신|메일|말씀하신|말씀해\s*주신|문의\s*드린|보내\s*드린|Re:|RE:"


def newest_message(text: str) -> tuple[str, bool]:
    """The reply without the older messages it quotes, and whether any were left out. A text that is all
    quote (a message pasted with its "> " marks) is left as it is."""
    cut = HEADER.search(text)
    lines = (text[: cut.start()] if cut else text).rstrip().split("\n")
    if cut is None:  # "> " lines with no header: a quote only as a block closing a reply, not bullets
        tail = len(lines)
        while tail and QUOTED.match(lines[tail - 1]):
            tail -= 1
        if tail == len(lines) or not re.search(REPLY_WORDS, "\n".join(lines[:tail])):
            return text, False
    kept = [line for line in lines if not QUOTED.match(line)]
    if not any(line.strip() for line in kept):
        return text, False
    reply = "\n".join(kept).rstrip()
    old = {a.value for a in iter_amounts(text[len(reply) :] if cut is None else text[cut.start() :])}
    old |= {a.value for line in lines if QUOTED.match(line) for a in iter_amounts(line)}
    return set_aside_old(reply, old), True


def set_aside_old(reply: str, old: set) -> str:
    """The reply with the quote's figures blanked where it names them as the old ones: "아래 메일의 13억은 빚
    빼기 전 숫자였어요" (the new figure stays)."""
    out, last = "", 0
    for a in iter_amounts(reply):
        start = max(reply.rfind(c, 0, a.start) for c in ".?!\n(") + 1
        # not "매출을 1억 1천이라고 드렸는데 … 다시 보니 1억 2천 4백": a figure said as the one given before is
        # left to taxqa.tax.corrections, which puts the new one in its place beside its label
        if a.value in old and POINTS_BACK.search(reply[start : a.start]):
            out += reply[last : a.start] + " " * (a.end - a.start)
            last = a.end
    return out + reply[last:]
