"""The worker as the asker (taxqa.tax.dependents): a woman who speaks of her husband and of her own work
("한국 남편 있어요. 저 식당 주방 일해요, 1년 총급여 3,400만원") may have the 부녀자 deduction (소득세법
제51조①6나: a woman with a spouse, 종합소득금액 3천만원 or less); a husband said makes her one, and the answer says
so as its assumption."""

from __future__ import annotations

import re

HUSBAND = r"(?:남편|신랑)"
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
