"""Figures given first as a bare numbered list and explained afterwards: "1) 1억 2천 2) 7,800만 3) 3,300만. 1번은 …
매출 공급가액, 2번은 … 매입 공급가액, …" or "… 순서대로 과세표준, 사업연도 길이, 중간예납 세액이에요". Each figure
is said with its explanation ("매출 공급가액 1억 2천"), and the bare list is blanked, so a figure is read once,
with what it is. A list whose explanations cannot all be matched is left as it is. A list of figures and words
("1) 7억 2) 1억5천 3) 2019년 4) 남편") whose items later sentences name ("이번에 받은 돈이 1번이고") is read into
those sentences (items_read)."""

from __future__ import annotations

import re

# "1) 1억 2천 2) 7,800만 3) 3,300만." at the start of the question: two items or more, each only a figure
# an item's mark: "1)", "1.", and letters as documents use them, "(가)", "가)", "A)" (said later as "(가)는", "A는");
# an item may be a count ("3) 2명") or a bare yes ("4) 있음", explained later as "4번은 아버지가 살아 계시다는 뜻")
ITEM = (
    r"(\d|(?<![가-힣])\(?[가나다라마바]|(?<![A-Za-z])\(?[A-E])\s*[).]\s*"
    r"(\d[\d,.]*\s*(?:억|천만|백만|만|천|원|개월|년|%|명|살|세|채|일)?(?:\s*\d[\d,.]*\s*(?:천만|백만|만|천|원))*"
    r"|(?:있음|있어요|예|네)(?![가-힣]))\s*"
)
YES = re.compile(r"있음|있어요|예|네")
# "아버지가 살아 계시다는 뜻이에요": what a yes item means, the fact itself
MEANS = re.compile(r"^(.*?(?:다|이라|라)?)는\s*뜻\s*(?:이에요|예요|입니다|이고요|이고|이며|임)?\s*[,.]?\s*$")
LIST = re.compile(rf"^\s*(?:{ITEM}){{2,}}[.]?\s*")
ONE = re.compile(ITEM)
SAYS = re.compile(  # "1번은 …, 2번은 …", "(가)는 …", "A는 …"
    r"(?:(?<!\d)(\d)\s*번|\(([가나다라마바])\)|(?<![A-Za-z])\(?([A-E])\)?)\s*(?:은|는|이|:)\s*"
)
IN_ORDER = re.compile(r"(?:순서대로|차례대로|차례로)\s*[,:]?\s*")
END = re.compile(r"(?:이에요|예요|입니다|이고요|이고|임|요)?\s*[.\n]|$")
COPULA = re.compile(r"\s*(?:이에요|예요|입니다|이고요|이고|이며|임)?\s*[,.]?\s*$")


def with_figure(label: str, figure: str) -> str:
    """ "사업연도 길이(1월~12월)" and "12개월" -> "사업연도 길이 12개월(1월~12월)": the figure after the words that
    name it, before a closing bracket's note and the copula."""
    if YES.fullmatch(figure):  # "아버지가 살아 계시다는 뜻" for "있음": the fact the item says yes to
        means = MEANS.match(label.strip())
        return f"{means[1]}는 것" if means else ""
    body = COPULA.sub("", label)
    note = re.search(r"\([^()]*\)$", body)
    if note:  # "예금·적금이에요(대출은 없었어요)": the copula before the note too
        body, tail = COPULA.sub("", body[: note.start()]), note[0]
    else:
        tail = ""
    return f"{body.rstrip()} {figure}{tail}"


def top_level_parts(text: str) -> list[tuple[int, int]]:
    """The spans of `text` between commas outside brackets."""
    spans, depth, start = [], 0, 0
    for k, ch in enumerate(text):
        depth += ch in "([" and 1 or ch in ")]" and -1 or 0
        if ch == "," and depth == 0:
            spans.append((start, k))
            start = k + 1
    spans.append((start, len(text)))
    return spans


def label(said: re.Match) -> str:
    """The mark a sentence names ("1번은" -> "1", "(가)는" -> "가")."""
    return next(g for g in said.groups() if g)


def explained_list(text: str) -> tuple[str, bool]:
    """The question with a leading numbered list of bare figures said where each is explained; and whether it was."""
    head = LIST.match(text)
    if head is None:
        return text, False
    figures = {m[1].strip("("): m[2].strip() for m in ONE.finditer(head[0])}
    rest = text[head.end() :]
    says = list(SAYS.finditer(rest))
    if says and {label(m) for m in says} == set(figures):
        out, at = [], 0
        for n, m in enumerate(says):
            stop = says[n + 1].start() if n + 1 < len(says) else END.search(rest, m.end()).start()
            said = with_figure(rest[m.end() : stop], figures[label(m)])
            if not said:  # a yes item whose meaning is not said as "…는 뜻": the list is left as it is
                return text, False
            out += [rest[at : m.start()], said]
            at = stop
            out.append(", " if n + 1 < len(says) else "")
        return " " * head.end() + "".join(out) + rest[at:], True
    order = IN_ORDER.search(rest)
    if order is None:
        return text, False
    end = END.search(rest, order.end())
    clause = rest[order.end() : end.start()]
    spans = top_level_parts(clause)
    if len(spans) != len(figures):
        return text, False
    said = ", ".join(with_figure(clause[a:b].strip(), fig) for (a, b), fig in zip(spans, figures.values()))
    return " " * head.end() + rest[: order.start()] + said + rest[end.start() :], True


# the list at the question's start: items "1) …", "1. …", "(1) …", "①" in order, each a few words
ITEM_MARK = re.compile(r"(?:\(\s*(\d)\s*\)|(?<![\d.,])(\d)\s*[).](?!\d))\s*")
# a sentence naming an item: "1번이고", "2번은", "3번 연도에"; not "1번째", "번호", "2번 받았어요" (a count)
REFERENCE = re.compile(r"(?<![\d.,])(\d)\s*번(?!\s*(?:째|지|호|\d)|\s*(?:받|주|했|냈|나눠|에\s*걸쳐|씩))")


def items_read(text: str) -> str:
    """The text with a leading numbered list of figures read into the sentences that name its items."""
    # a mark only where ITEM_MARK takes one ("1." not inside "1.1.1."): else the items split a run every way
    head = re.match(r"\s*((?:(?:\(\s*\d\s*\)|(?<![\d.,])\d\s*[).](?!\d))\s*[^\n()]{1,14}?\s*){3,9})[.:]\s+(?=\S)", text)
    if not head:
        return text
    marks = list(ITEM_MARK.finditer(head[1]))
    numbers = [int(m[1] or m[2]) for m in marks]
    if numbers != list(range(1, len(marks) + 1)):
        return text
    items = {n: head[1][m.end() : nxt.start() if nxt else len(head[1])].strip(" ,/") for n, m, nxt in
             zip(numbers, marks, marks[1:] + [None])}  # fmt: skip
    rest = text[head.end() :]
    if not any(int(r[1]) in items for r in REFERENCE.finditer(rest)):
        return text  # the list is no key to what follows: left as it is
    rest = REFERENCE.sub(lambda r: items.get(int(r[1]), r[0]), rest)
    return re.sub(r"(\d{4}\s*년)\s*(?:연도|년도)", r"\1", rest)  # "2019년 연도에": the year said once
