"""A help-desk ticket whose body takes back a figure of its title ("[연말정산 문의] … / 원천징수 148만" and then
"제목에 원천징수 148만이라고 했는데 … 다시 보니 231만원이네요"): the figure taken back is blanked wherever it is
said, so the body's new figure is the one read."""

from __future__ import annotations

import re

# "제목에 원천징수 148만이라고 했는데", "제목엔 5천으로 적었는데": the title's figure, said as a slip
TITLE_SLIP = re.compile(
    r"제목\s*(?:에서?|엔|에는)\s*[^.?!\n\d]{0,16}?(\d[\d,.]*\s*(?:억|천만|백만|만|천)?\s*원?)\s*"
    r"(?:이라고|라고|으로|로)\s*(?:했|적었|썼|쓴|적은|올렸|올린|나갔)"
)


def title_taken_back(text: str) -> tuple[str, str | None]:
    """The ticket with the figure its body says the title had wrong blanked everywhere (spaces, so positions
    stay); and that figure, or None when the body takes none back."""
    slip = TITLE_SLIP.search(text)
    if slip is None:
        return text, None
    said = re.escape(slip[1].rstrip())
    text = re.sub(rf"(?<![\d,.]){said}(?![\d,.])", lambda m: " " * len(m[0]), text)
    return text, slip[1].rstrip()
