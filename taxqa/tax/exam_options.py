"""An exam question's answer options ("① 0원  ② 4,850,000원  ③ 19,400,000원"): the figures offered to choose from
are candidate answers, never facts of the case, so the line of options is left out of what is read."""

from __future__ import annotations

import re

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
# one option: a circled number and a bare figure (a label before the figure is a form's item, "① 매출: 1억")
OPTION = rf"[{CIRCLED}]\s*(?:약\s*)?[\d,.]+\s*(?:억|천만|백만|만|천)?\s*(?:[\d,.]+\s*(?:천만|백만|만|천)?\s*)?원?"
# two options or more and nothing else, on a line of their own or after the question mark of the stem
OPTIONS = re.compile(rf"(?m)(?:^|(?<=\?))[ \t]*(?:{OPTION}[ \t,/]*){{2,}}$")


def without_options(text: str) -> tuple[str, list[str]]:
    """The text with its lines of answer options blanked (positions kept), and the options left out."""
    left: list[str] = []

    def blank(m: re.Match) -> str:
        left.append(" ".join(m.group(0).split()))
        return " " * len(m.group(0))

    return OPTIONS.sub(blank, text), left
