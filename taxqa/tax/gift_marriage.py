"""The 혼인·출산 증여재산공제 (상증법 제53조의2) read from a gift question: whether a marriage or a birth is
said, and whether it falls in the window the deduction needs (혼인신고일 전후 2년, 출생일부터 2년).

A marriage said as long past ("결혼한 지는 5년 넘었어요", "혼인 8년차", "2018년에 결혼") gives none; one said
as near ("결혼 앞두고", "작년에 결혼", "다음 달 결혼식") gives it; one said with no time ("기혼자", "결혼했는데")
is taken as the question's premise but flagged, since the figure rests on a date the question does not give."""

from __future__ import annotations

import re

from taxqa.tax.negation import negated
from taxqa.tax.rates import parse_as_of, select

MARRIAGE = (
    r"(?<![재미비])(?:혼인|결혼)(?!\s*(?:중|관계|한\s*(?:배우자|남편|아내)|생활))|기혼|신혼|(?<![가-힣])(?<!울\s)(?<!우리\s)(?<!제\s)(?<!내\s)(?<!저희\s)(?:신랑|신부(?!님))|"
    r"(?<![가-힣])(?:장가|시집)\s*(?:을\s*)?(?:가|갈|간|갔|보내|보낼|보냈)"  # "아들 장가갈 때", "딸 시집보내면서"
)
# "계모(아버지와 재혼, 혼인신고 되어 있음)": the marriage that makes a step-parent is the giver's, not the donee's
STEP = r"재혼|계모|계부|새아버지|새어머니|새엄마|새아빠|의붓"
# 입양 as the donee's own child taken in, not "친양자로 입양된 아들에게" (the donee the one adopted, long ago)
BIRTH = r"출산|출생|(?:아이|아기|애기|첫째|둘째|셋째|쌍둥이)(?:를|을)?\s*낳|득남|득녀|입양(?!된|\s*(?:보낸|간|갔))"
# words that put the marriage near the gift: planned, just done, this or last year, its wedding or 신혼
NEAR = (
    r"예정|앞두|앞둔|준비|곧|이번에|올해|작년|지난\s*(?:달|해|주)|신혼|다음\s*(?:달|해|주)|내년|몇\s*달|"
    r"할\s*(?:때|거|건데|예정|계획)|하는|한다|하려|할게|합니다|해요|하면서|결혼식|상견례|혼수|식\s*올|"
    r"(?:결혼|혼인)\s*(?:자금|비용|축하|선물)|전후\s*2\s*년|2\s*년\s*(?:이내|안|내)|최근|방금|얼마\s*전|갓|"
    r"(?<![가-힣])(?:신랑|신부(?!님))|하객|축의금|갈\s*때|보내면서|보낼\s*때"  # a wedding toast: the wedding is today
)


def window_of(text: str, start: int, end: int, width: int = 20) -> str:
    return text[max(0, start - width) : end + width]


def timing(text: str, m: re.Match, reading) -> str:
    """'long' (outside the 2-year window), 'near' (inside it) or 'unsaid' for the marriage word `m`."""
    year = parse_as_of(reading.as_of).year
    if re.match(r"\S{0,2}\s*(?:한\s*)?지\s*(?:꽤\s*|좀\s*|너무\s*)?(?:오래|한참)", text[m.end() :]) or re.search(
        r"오래\s*전에?\s*$", text[max(0, m.start() - 8) : m.start()]
    ):
        return "long"  # "결혼한 지 오래돼서", "오래 전에 결혼했고"
    for d in reading.mentions:
        if abs(d.start - m.start()) >= 20 or d.value is None:
            continue
        if d.type == "duration" and not re.match(r"\s*(?:만에|후|뒤|이내|안에|내|동안)", text[d.end : d.end + 4]):
            months = 12 * (d.value.get("years") or 0) + (d.value.get("months") or 0)
            if months > 24 and not d.value.get("range"):
                return "long"  # "결혼한 지는 5년 넘었어요", "혼인 8년차", "혼인신고는 3년 전에"
            if months:
                return "near"
        if d.type == "date" and d.value.get("year"):
            return "long" if year - d.value["year"] > 2 else "near"  # "2018년에 결혼"
    if re.search(NEAR, window_of(text, m.start(), m.end(), 12)):
        return "near"
    return "unsaid"


def set_aside(text: str, m: re.Match) -> bool:
    """'혼인·출산 증여재산공제는 적용하지 않으며': the deduction said not to be applied."""
    return bool(
        re.match(
            # '"혼인·출산 공제": "해당 없음"' (a JSON value in quotes), '공제를 신청하지 아니하였고' (a judgment's wording)
            r"[^.?!\n]{0,16}?공제\S{0,2}\s*[\"'“”]?\s*(?:적용하지\s*않|적용\s*안|적용\s*(?:X|제외)|제외|빼고|안\s*(?:될|되|돼|됨)|못\s*받|"
            r"(?:신청|적용)\s*(?:하지|을\s*하지)?\s*(?:않|아니)|"
            r"[Xx×](?![가-힣A-Za-z])|안\s*받|해당\s*(?:없|안|X)|대상\s*(?:아니|아님|X|외))",  # "혼인공제는 X", "해당 없음"
            text[m.end() :],
        )
        # "결혼·출산이랑은 상관없는 돈이고": the gift said to have nothing to do with a marriage or birth
        or re.match(
            r"[^.?!\n]{0,12}?(?:이랑|랑|과|와|하고)\S{0,2}\s*(?:상관|관계|관련)\s*(?:없|X)|[^.?!\n]{0,8}?무관",
            text[m.end() :],
        )
    )


def not_yet(text: str, m: re.Match) -> bool:
    """'결혼은 아직이고요': no marriage yet, and none planned in the question."""
    said = re.match(r"\S{0,2}\s*(?:은|는|도)?\s*아직(?:이|은|도|이고|이에요|입니다|이라|\s|[.,]|$)", text[m.end() :])
    return bool(said) and not re.search(r"예정|앞두|다음\s*달|내년|올해\s*안|날\s*잡", text)


def read_marriage_birth(text: str, reading, relation: str, generation_skip: bool) -> None:
    """Set `marriage_birth` on `reading` when a marriage or birth in the window is said (제53조의2)."""
    if reading.inputs.get("minor"):  # "시아버님이 울 아들(7살)한테 … 신랑은": a marriage said is another's
        return
    said = [
        x
        for x in re.finditer(f"{MARRIAGE}|{BIRTH}", text)
        if not negated(text, *x.span())
        and not re.search(STEP, text[max(0, x.start() - 15) : x.start()])
        and not not_yet(text, x)
        and not set_aside(text, x)
    ]
    if not said:
        return
    m, when = None, "long"
    for x in said:
        t = (
            "near"
            if re.fullmatch(BIRTH, x.group(0)) and timing(text, x, reading) != "long"
            else timing(text, x, reading)
        )
        if t != "long":
            m, when = x, t
            break
    if m is None:  # every marriage or birth said is long past
        reading.assume(f"혼인·출산('{said[0].group(0)}')이 2년보다 오래 전이라 혼인·출산 증여재산공제 없음 (제53조의2)")
        return
    if relation != "lineal_ascendant":  # 직계존속, grandparents included (제53조의2①): a skipped generation too
        return
    limit = select("gift", parse_as_of(reading.as_of))["marriage_birth"]
    if not limit:
        return
    if when == "unsaid" and m.group(0) == "기혼":  # a status, not an event: the window is not met as said
        reading.unclear(
            "혼인신고일이 증여일 전후 2년 이내인지 확인이 필요 (혼인·출산 증여재산공제, 제53조의2): 공제 없이 계산"
        )
        return
    reading.fact("marriage_birth", limit, m.group(0))
    reading.say("혼인·출산 공제")
    if when == "unsaid":
        reading.unclear(
            "혼인(출산) 시기가 없어 증여일 전후 2년 이내로 보고 혼인·출산 증여재산공제 적용: 혼인신고일 확인이 필요"
        )
    else:
        reading.assume("혼인·출산 증여재산공제 요건(혼인신고일 전후 2년 또는 출생일부터 2년 이내)을 충족한다고 가정")
