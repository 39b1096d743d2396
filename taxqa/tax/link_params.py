"""A calculator's link pasted with the facts in its query string ("…/result?price=1350000000&buy=680000000&
region=%EC%84%9C%EC%9A%B8"). A parameter's name is a site's own word, so its value is placed only where the
words around the link say what the name holds ("buy는 2017년에 산 값", "hold랑 live는 보유 9년 실거주 9년"):
there the value is said after those words. A value the prose says again (280만원 beside shortTax=2800000) adds
nothing; a number whose name is not explained is left out and asked about, never placed by its name alone. The
link itself is blanked (positions kept). urllib.parse reads the query (percent-encoding, "+", blank values)."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

from taxqa.amounts import iter_amounts

URL = re.compile(r"(?:https?://|(?<![\w@/.])www\.)[^\s<>\"'「」()]+")
LINKED = r"(?:\s*(?:,|및|랑|이랑|와|과|하고)\s*[A-Za-z_][\w]*)*"  # "hold랑 live는": names sharing the words after them
# what the prose says a name holds, up to the clause's end: "buy는 2017년에 산 값," "house=1은 … 1주택이라는 뜻이래요"
MEANING = (
    r"(?<![A-Za-z0-9_]){name}(?:\s*=\s*[^\s은는이가]*)?{linked}\s*(?:은|는|이|가|란|이란)\s+"
    r"(?P<words>(?:\([^()\n]*\)|,(?=\d)|[^,.?!\n()])+?)"
    r"(?P<end>\s*(?:이라는\s*뜻|라는\s*뜻|이에요|예요|이요|입니다|이고|이래요|래요|이며|임)?\s*(?:[,.?!\n]|$))"
)
# the unit a bare small number takes from the words naming it
UNITS = [(r"나이|살", "세"), (r"일수|며칠|\d+일", "일"), (r"개월|달", "개월"), (r"보유|거주|근속|연수|년", "년"),
         (r"명|부양|자녀|인원", "명")]  # fmt: skip


def number_of(value: str) -> int | None:
    """A parameter's value as a number ("80,000,000" too), else None."""
    plain = value.replace(",", "").strip()
    return int(plain) if re.fullmatch(r"\d{1,15}", plain) else None


def figures_in(words: str) -> set[int]:
    """Every figure said in `words`: amounts in won and bare numbers (a count, years, days)."""
    found = {a.value for a in iter_amounts(words)}
    return found | {int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", words) if n.replace(",", "").isdigit()}


def counted(prose: str) -> set[int]:
    """The figures `prose` says with a unit: amounts in won, and counts of days, months, years or people ("122일")."""
    found = {a.value for a in iter_amounts(prose)}
    units = r"\s*(?:일|개월|달|년|명|세|살|%|채|건)"
    return found | {int(m[1].replace(",", "")) for m in re.finditer(rf"(?<![\d,.])(\d[\d,]*)(?={units})", prose)}


def said_with_unit(number: int, words: str) -> str | None:
    """The number as the words naming it count it: won for a big figure, else the unit those words give."""
    if number >= 1000:
        return f"{number:,}원"
    unit = next((u for pattern, u in UNITS if re.search(pattern, words)), None)
    return f"{number}{unit}" if unit else None


def link_params(text: str) -> tuple[str, list[str], list[str]]:
    """The question with the facts of a pasted link's query said in its prose: (text, assumed, unclear) in Korean."""
    links = [m for m in URL.finditer(text) if urlsplit(m.group(0)).query]
    if not links:
        return text, [], []
    prose = text
    for m in links:  # the link blanked: its digits are no figures of their own
        prose = prose[: m.start()] + " " * len(m.group(0)) + prose[m.end() :]
    placed, told, unexplained, unread = [], [], [], []
    inserts: list[tuple[int, str]] = []
    for link in links:
        for name, value in parse_qsl(urlsplit(link.group(0)).query, keep_blank_values=True):
            value, number = value.strip(), number_of(value)
            shown = f"{name}={value}"
            if not value:
                continue  # a blank box says nothing; what the prose says of it stands
            pattern = MEANING.format(name=re.escape(name), linked=LINKED)
            meant = re.search(pattern, prose)
            if meant is not None:
                words = meant["words"].strip()
                if (number is not None and number in figures_in(words)) or (number is None and value in words):
                    told.append(shown)  # "price는 이번에 파는 값 13억5천": said in the words already
                    continue
                said = said_with_unit(number, words) if number is not None else value
                if said is None:
                    unread.append(shown)
                    continue
                inserts.append((meant.start("end"), f" {said}"))
                placed.append(f"{name} → {words} {said}")
            elif number is not None and number in counted(prose):
                told.append(shown)  # "shortTax=2800000" beside "280만원 덜 신고": the same figure
            elif number is not None:
                unread.append(shown)
            else:
                unexplained.append(shown)
    for at, said in sorted(inserts, reverse=True):
        prose = prose[:at] + said + prose[at:]
    assumed, unclear = [], []
    if placed:
        assumed.append(f"링크 주소의 값을 본문에서 설명한 뜻으로 읽음 ({'; '.join(placed)})")
    if told:
        assumed.append(f"링크 주소의 값({', '.join(told)})은 본문에 같은 값이 있어 한 번만 계산함")
    if unexplained:
        assumed.append(f"링크 주소의 값({', '.join(unexplained)})은 무슨 뜻인지 적혀 있지 않아 계산에 넣지 않음")
    if unread:
        unclear.append(
            f"링크 주소의 값({', '.join(unread)})은 무엇의 숫자인지 적혀 있지 않아 계산에 넣지 않음: "
            "무엇의 금액·숫자인지 알려 주세요"
        )
    return prose, assumed, unclear
