"""The worker as the asker (taxqa.tax.dependents): a woman who speaks of her husband and of her own work
("한국 남편 있어요. 저 식당 주방 일해요, 1년 총급여 3,400만원") may have the 부녀자 deduction (소득세법
제51조①6나: a woman with a spouse, 종합소득금액 3천만원 or less); a husband said makes her one, and the answer says
so as its assumption. The worker's partner at home, when the worker is a parent or grandparent the asker speaks
of, is read here too (`partner_at_home`)."""

from __future__ import annotations

import re

from taxqa.amounts import iter_amounts

HUSBAND = r"(?:남편|신랑)"
# a woman with no spouse, head of her household: "부녀자", "여성 세대주", "미혼 여자고 세대주예요" (제51조①6가)
WOMAN_ALONE = r"부녀자|여성\s*세대주|배우자\s*(?:가\s*)?없는\s*여성|(?:미혼|싱글)\s*(?:여자|여성)\S{0,2}\s*세대주"
FORMER = r"(?:(?<![가-힣])전|前|이혼한|헤어진)\s*$"  # a spouse no longer: "전 남편", "이혼한 아내"
# the year said before a pay: "남편 작년 총급여 4800" (the spouse whose pay it is, the worker)
PAY_YEAR = r"(?:(?:작년|올해|지난\s*해|재작년|금년|\d{4}\s*년)\S{0,2}\s*)?"
# the husband is the worker: his pay given ("남편 연봉 6천") or his tax asked ("남편 결정세액")
HUSBAND_WORKS = (
    rf"{HUSBAND}\S{{0,2}}\s*(?:의\s*)?{PAY_YEAR}(?:(?:연봉|월급|총급여|급여)\s*(?:은|는|이|가|:)?\s*(?:약\s*)?\d"
    r"|(?:연말정산|결정세액|근로소득세|환급))"
)
# the asker says she works, or names her own pay
ASKER_WORKS = (
    r"(?<![가-힣])(?:저|제가|저는|나는|내가)\s+[^.?!,]{0,20}?(?:일해|일하|일합|근무|다녀요|다니고|다닙)"
    r"|(?<![가-힣])(?:제|내|저의|나의)\s*(?:연봉|월급|총급여|급여)"
)


def wife_at_work(text: str) -> re.Match | None:
    """The words said of the husband ("남편 있어요") when the worker is the asker, a married woman; None otherwise."""
    now = [m for m in re.finditer(HUSBAND, text) if not re.search(FORMER, text[max(0, m.start() - 6) : m.start()])]
    if not now or re.search(HUSBAND_WORKS, text) or not re.search(ASKER_WORKS, text):
        return None
    return re.compile(r"[^.,?!\s]*(?:\s+[^.,?!\s]+)?").match(
        text, now[0].start()
    )  # not only the word, which a later 안 may negate


SPOUSE_WORD = r"배우자|아내|남편|(?<![가-힣])부인|와이프|신랑|집사람|안사람"
# the spouse said to earn a little, in a way that gives no figure: "와이프는 프리랜서로 일을 조금 해요", "남편 알바해요"
SPOUSE_SOME_WORK = re.compile(
    rf"(?:{SPOUSE_WORD})\S{{0,2}}\s*[^.?!\d]{{0,16}}?(?:프리랜서|알바|아르바이트|파트\s*타임|부업|일(?:을)?\s*(?:조금|좀|약간)|(?:조금|좀|약간)\s*(?:벌|일))"
)
# the spouse asked about as a dependent: "와이프를 부양가족으로 넣으면", "남편 기본공제 받을 수 있나요"
SPOUSE_CLAIMED = re.compile(
    rf"(?:{SPOUSE_WORD})\S{{0,2}}\s*(?:를|을|도)?\s*(?:부양\s*가족|기본\s*공제|배우자\s*공제|공제\s*대상)"
)


def spouse_income_unknown(text: str) -> re.Match | None:
    """The spouse said to earn some income whose amount is not said, where it decides whether the spouse is a
    dependent (소득금액 100만원, 근로소득만이면 총급여 500만원 이하: 소득세법 제50조①2호): the words, else None."""
    work = SPOUSE_SOME_WORK.search(text)
    if work is None or not (SPOUSE_CLAIMED.search(text) or re.search(r"조금|좀|약간|알바|아르바이트|부업", work[0])):
        return None
    clause = re.split(r"[.?!\n]", text[work.start() :])[0]
    return None if re.search(r"\d", clause) else work


SIBLING_AT_HOME = re.compile(
    r"((?:남동생|여동생|동생|형|누나|오빠|언니))(?:\s*\(([^()]{0,12})\))?\S{0,2}\s*(?:(?:제가|저는|내가)\s*)?"
    r"(?:데리고\s*)?(?:같이|함께)\s*(?:살|사는|삽)()"
)


def sibling_at_home(text: str, reading) -> re.Match | None:
    """A brother or sister said to live with the worker, who is a 기본공제대상자 only when 20 or younger, 60 or
    older, or disabled (소득세법 제50조①3호라, 장애인은 나이 제한 없음): the match when one of these is said, else
    None (the sibling flagged when it is not)."""
    lives = SIBLING_AT_HOME.search(text)
    if lives is None:
        return None
    near = text[max(0, lives.start() - 10) : lives.end()]
    age = re.search(r"(\d{1,2})\s*(?:살|세)", lives.group(2) or near)
    if re.search(r"장애", near) or (age and not 20 < int(age[1]) < 60):
        return lives
    reading.unclear(
        f"'{lives.group(0)}': 형제자매는 20세 이하·60세 이상이거나 장애인이어야 기본공제 대상이라 "
        "부양가족에 넣지 않음: 나이·장애 여부를 확인해 주세요"
    )
    return None


# a parent or grandparent whose pay is asked about, and the other one of the couple
PARTNER = {"할아버지": "할머니", "할머니": "할아버지", "아버지": "어머니|엄마", "아빠": "엄마|어머니", "어머니": "아버지|아빠",
           "엄마": "아빠|아버지"}  # fmt: skip


def partner_at_home(text: str) -> re.Match | None:
    """The worker's partner said without income when the worker is a parent or grandparent the asker speaks of."""
    worker = re.search(
        r"(?<![가-힣])(?:외|친)?(할아버지|할머니|아버지|아빠|어머니|엄마)(?:\([^()]{0,12}\))?[^.?!]{0,20}?(?:연봉|월급|총급여|급여)"
        r"|(?<![가-힣])(?:외|친)?(할아버지|할머니)\S{0,2}\s*(?:의\s*)?연말정산",  # "할아버지 연말정산이요 (제가 대신 씀)"
        text,
    )
    if worker is None:
        return None
    # "할머니는 72세, 소득 전혀 없으시고": an age with its comma may come before the income said
    return re.search(
        rf"(?<![가-힣])(?:외|친)?(?:{PARTNER[worker[1] or worker[2]]})(?:\([^()]{{0,12}}\))?\s*(?:는|은|도)?\s*"
        r"(?:[^.,?!\s]{1,8}\s+|\d{2,3}\s*(?:세|살)\S{0,2},?\s*)?"
        r"(?:(?:소득|수입|벌이)\S{0,2}\s*(?:이\s*)?(?:전혀\s*|하나도\s*|아예\s*)?(?:없|0)|전업|주부|무직)",
        text,
    )


# "올해 3월에 이직하면서 연봉이 꽤 올랐는데": the pay of the year asked changed, its new figure not said
PAY_CHANGED = re.compile(
    r"(?:연봉|월급|급여|봉급)\S{0,2}\s*(?:이|가|도)?\s*(?:꽤|많이|좀|조금|크게|확|훨씬)?\s*"
    r"(?:올랐|오른|올라서|인상됐|인상되었|늘었|줄었|깎였|바뀌었|달라졌)"
)


def pay_changed_unsaid(text: str) -> re.Match | None:
    """The words saying the pay of this year changed when no figure is said with them (none later in the sentence,
    and the question asks of this year): the figure read is an older year's, not the one asked."""
    m = PAY_CHANGED.search(text)
    if m is None or not re.search(r"올해|금년|이번\s*해", text):
        return None
    rest = re.split(r"[.?!\n]", text[m.end() :], maxsplit=1)[0]
    return None if next(iter_amounts(rest), None) is not None else m
