"""보유기간 from the day bought and the day sold, each said as a date with the verb or label that names it:
"2018년 6월에 … 상가를 3억에 샀어요", "(취득일 2016. 2. 10.)", "잔금은 2026년 5월 22일에 받았고", "12월에 … 샀어요"
(a month alone, in the year said just before it). A holding counts in whole years (소득세법 제95조④)."""

from __future__ import annotations

import re

# "2018년 6월 3일", "올해(2026년) 5월", "2016. 2. 10.", "2020.07", or a month alone ("12월에") taking the year said before it
DATE = re.compile(
    r"(?<![\d.,])(?:(\d{4})\s*년\s*\)?\s*(\d{1,2})\s*월(?:\s*(\d{1,2})\s*일)?"
    r"|(\d{4})\s*[.\-/]\s*(\d{1,2})(?!\d)(?:\s*[.\-/]\s*(\d{1,2})(?!\d))?\.?"
    r"|(\d{1,2})\s*월(?:\s*(\d{1,2})\s*일)?)"
)
# a label just before the date: "(취득일 2016. 2. 10.)", "잔금은 2026년 5월 22일에"
# "산 건 2017년 3월이고 판 건 올해 4월": the verb made a noun names the date after it
BOUGHT_LABEL = re.compile(
    r"(?:(?:취득|매수|매입|구입|분양)\s*(?:일자|일|시점|날)?|(?<![가-힣])(?:산|샀던)\s*(?:건|게|거|것|날|때|시점))\s*(?:은|는|이|가|:)?\s*$"
)
SOLD_LABEL = re.compile(
    r"(?:(?:양도|매도|처분|잔금)\s*(?:일자|일|시점|날)?|(?<![가-힣])(?:판|팔았던)\s*(?:건|게|거|것|날|때|시점))\s*(?:은|는|이|가|:)?\s*$"
)
# the verb said after the date, in its sentence: "4억 2천만 주고 들어왔어요", "…를 양도하였다", "넘겼습니다"
BOUGHT_VERB = (
    r"(?<![가-힣])(?:샀|산(?=\s|거|것|건|게|을|$)|사서|사고|삼(?=[\s,.]|$)|사들)|매수|취득(?!세|가|일)|매입|구입|분양"
    r"|주고\s*(?:들어|샀|산|사)|들어왔|들어온|(?<![가-힣])사\s*(?:두고|뒀|두었|놓고|놨)"  # "사 두고 다시 나갔다"
)
SOLD_VERB = r"(?<![가-힣])(?:팔(?![천백십억만])|판(?=\s|거|것|건|게|을|$)|팜)|매도|양도(?!소득|세|가|차|일|자)|처분|넘기|넘긴|넘겼|넘김|잔금"
SENTENCE_END = re.compile(r"[?!\n]|\.(?=\s*[^\d\s)])|\.\s*$")


def dated(text: str) -> list[tuple[str, tuple[int, int, int], str]]:
    """Each date said with what it dates ('bought', 'sold' or '' when neither is said by it), in order."""
    found = []
    year = None  # the year of the last full date, for a month said alone after it
    matches = list(DATE.finditer(text))
    for i, m in enumerate(matches):
        if m[7]:
            if re.search(r"(?:이번|올해|올|지난|작년|내년|다음)\s*$", text[max(0, m.start() - 4) : m.start()]):
                continue  # "이번 5월에": a month of the year the question is asked in, not of the year said before
            line_start = text.rfind("\n", 0, m.start())
            if year is None or year[1] < line_start or (found and int(m[7]) < found[-1][1][1]):
                continue  # no year said before it on its line, or a month before the last date's: not dated
            if found and found[-1][2] == "moved":
                continue  # "2018년 5월에 전입해서 … 잔금이 7월 15일": the move's year is not the sale's
            when = (year[0], int(m[7]), int(m[8] or 0))
        else:
            y, mo, d = (m[1], m[2], m[3]) if m[1] else (m[4], m[5], m[6])
            when = (int(y), int(mo), int(d or 0))
            year = (int(y), m.start())
        if not 1 <= when[1] <= 12:
            continue
        before = text[max(0, m.start() - 10) : m.start()]
        stop = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        if year_said := re.search(r"(?<!\d)\d{4}\s*년|작년|올해|재작년|지난\s*해", text[m.end() : stop]):
            stop = m.end() + year_said.start()  # "2020년 3월에 이사 와서 2021년에 샀어요": the verb is the later year's
        end = SENTENCE_END.search(text, m.end())
        after = text[m.end() : min(stop, end.start() if end else len(text))]
        what = "bought" if BOUGHT_LABEL.search(before) else "sold" if SOLD_LABEL.search(before) else ""
        if not what and re.match(r"\s*(?:에|쯤|경)?\s*(?:전입|이사\s*(?:와|왔|오|들어|했)|입주)", text[m.end() :]):
            what = "moved"  # "2019년 2월에 전입해서 … 이번에 팔아요": the day moved in, neither bought nor sold
        if not what:
            verbs = [(v.start(), "bought") for v in re.finditer(BOUGHT_VERB, after)]
            verbs += [(v.start(), "sold") for v in re.finditer(SOLD_VERB, after)]
            what = min(verbs)[1] if verbs else ""
        found.append((m.group(0), when, what))
    return found


def held_by_dates(text: str) -> tuple[int, str] | None:
    """The whole years from the one date of purchase to the one date of sale, and the words said; None when
    either is not dated by its own words, or more than one date is said for either."""
    said = dated(text)
    bought = {w for _, w, what in said if what == "bought"}
    sold = {w for _, w, what in said if what == "sold"}
    if len(bought) != 1 or len(sold) != 1:
        return None
    (y1, m1, d1), (y2, m2, d2) = bought.pop(), sold.pop()
    months = (y2 - y1) * 12 + m2 - m1
    if d1 and d2 and d2 < d1:
        months -= 1  # "2016. 2. 10. ~ 2026. 2. 5.": the tenth year is not full
    if months < 0:
        return None
    words = " ~ ".join(next(s for s, w, what in said if what == k) for k in ("bought", "sold"))
    return months // 12, words


# "2018년 4월에 귀국해서 그때부터 그 집에 살다가": the years lived from a date said to the date sold
LIVED_FROM = re.compile(r"(?:그때|그\s*해|그\s*달)?\s*부터\s*(?:(?:그|이)\s*집\S{0,2}\s*|쭉\s*|계속\s*)*(?:살|거주)")


def lived_since(text: str) -> re.Match | None:
    """The whole years from the date the living began ("… 그때부터 그 집에 살다가") to the one date of sale, as a
    match of the number (the held years are read alike); None when either date is not said."""
    said = dated(text)
    sold = {w for _, w, what in said if what == "sold"}
    if len(sold) != 1:
        return None
    matches = list(DATE.finditer(text))
    for i, m in enumerate(matches):
        end = SENTENCE_END.search(text, m.end())
        stop = min(end.start() if end else len(text), matches[i + 1].start() if i + 1 < len(matches) else len(text))
        after = text[m.end() : stop]  # the living begun at this date, not at a later one
        began = LIVED_FROM.search(after)
        if m[1] and began and not re.search(r"팔|판|매도|양도", after[: began.start()]):
            (y2, m2, _) = sold.pop()
            months = (y2 - int(m[1])) * 12 + m2 - int(m[2])
            return re.match(r"(\d+)", str(months // 12)) if months >= 0 else None
    return None
