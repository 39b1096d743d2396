"""A 가족관계증명서 pasted as its table: "구분 | 성명 | 출생연월일 | 주민등록번호 | 성별", the certificate's own
person (본인) first and the family under "가족사항". Said as one sentence of who is whose: each person's relation to
the 본인, name and month of birth ("자녀 3명(정하은 1997년 3월생, …)"), from which the readers take ages as the law
counts them. The 주민등록번호 column (its masked digits are no amount), 성별, 본 (a clan seat, often in Hanja) and
등록기준지 are no facts of the case: left out. A person marked (사망) is said as dead."""

from __future__ import annotations

import re

TITLE = re.compile(r"(?m)^[ \t]*가족\s*관계\s*증명서[^\n]*\n?")
HEAD = re.compile(r"(?m)^[ \t]*구분\s*\|\s*성명\s*\|[^\n]*(?:출생|생년)[^\n]*$")
ROW = re.compile(r"(?m)^[ \t]*([가-힣]{1,4})\s*\|\s*([가-힣]{2,5})\s*(\(\s*사망\s*\))?\s*\|[^\n]*$")
BORN = re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월(?:\s*\d{1,2}\s*일)?|(\d{4})\s*[.\-]\s*(\d{1,2})\s*[.\-]\s*\d{1,2}")
# lines of the certificate that are no facts: its seat of registration, the "가족사항" heading
PLAIN = re.compile(r"(?m)^[ \t]*(?:등록\s*기준지[^\n]*|가족\s*사항\s*)$\n?")


def record_read(text: str) -> tuple[str, list[str]]:
    """The question with a pasted 가족관계증명서 table said as one sentence; what was assumed."""
    head = HEAD.search(text)
    if head is None:
        return text, []
    start = head.start()
    title = TITLE.search(text, 0, start + 1)
    if title is not None:
        start = min(start, title.start())
    people: list[tuple[str, str, bool, str]] = []
    end = head.end()
    pos = head.end()
    while True:
        gap = PLAIN.match(text, pos + 1) if pos < len(text) and text[pos] == "\n" else None
        nxt = pos + 1 if pos < len(text) and text[pos] == "\n" else pos
        if gap:
            nxt = gap.end()
        again = HEAD.match(text, nxt)
        if again:
            pos = end = again.end()
            continue
        row = ROW.match(text, nxt)
        if row is None:
            break
        born = BORN.search(row.group(0))
        month = f"{born[1] or born[3]}년 {int(born[2] or born[4])}월생" if born else ""
        people.append((row[1], row[2], bool(row[3]), month))
        pos = end = row.end()
    if not people:
        return text, []
    between = PLAIN.sub("", text[start : head.start()])
    between = TITLE.sub("", between)
    # the one person the asker's words name ("지우가 내야 하는"): their year of birth said first, as the readers of
    # a minor's age take it ("2016년생")
    asked = text[end:]
    named = [
        p for p in people if p[1] in asked or (len(p[1]) == 3 and re.search(rf"{p[1][1:]}(?![가-힣]{{2}})", asked))
    ]
    if len(named) == 1 and named[0][3]:
        relation, name, dead, month = named[0]
        born_year, born_month = month.split("년 ")
        people[people.index(named[0])] = (relation, name, dead, f"{born_year}년생({born_month.replace('생', '')})")
    own = next((p for p in people if p[0] == "본인"), None)
    groups: dict[str, list[str]] = {}
    for relation, name, dead, month in people:
        if relation == "본인":
            continue
        groups.setdefault(relation, []).append(f"{name}{' 사망' if dead else ''}{' ' + month if month else ''}")
    said = []
    if own:
        said.append(f"가족관계증명서의 본인은 {own[1]}({'사망, ' if own[2] else ''}{own[3]})")
    for relation, names in groups.items():
        said.append(f"{relation} {len(names)}명({', '.join(names)})" if len(names) > 1 else f"{relation} {names[0]}")
    sentence = ", ".join(said) + "."
    assumed = "가족관계증명서는 본인 기준의 관계와 출생 연월로 읽음 (주민등록번호·성별·본은 계산에 쓰지 않음)"
    return text[:start] + between + sentence + text[end:], [assumed]
