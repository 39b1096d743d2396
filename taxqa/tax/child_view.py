"""The family said by a child about a parent's pay (taxqa.tax.dependents): "우리 아빠 연봉이 7천이고 엄마는 집에
계세요. 저는 중3이고 동생은 초등학교 5학년이에요" — the worker is the parent, the other parent the spouse, the asker
and the siblings the children, each a 기본공제 dependent while 20 or under (제50조), a 자녀세액공제 from 8."""

from __future__ import annotations

import re

from taxqa.tax.credits import child_counts, child_table, year_note
from taxqa.tax.family import DEATH

# the pay said as a parent's own ("우리 아빠 연봉이", "엄마가 간호사로 월 380"), not "애 아빠 연봉" (the asker's spouse)
PARENT_WORKER = re.compile(
    r"(?<![가-힣])(?<!애\s)(?<!애들\s)(아빠|아버지|엄마|어머니)(?:의|가|는|이|께서)?\s*(?:(?:[가-힣]{1,6}\s)?[가-힣]{1,6}(?:로|으로)\s*)?"
    r"(?:(?:올해|작년|1\s*년|일\s*년|연간|한\s*해)\s*){0,2}"  # "아빠 올해 1년 월급 총액"
    r"(?:연봉|월급|총급여|급여|월\s*\d)"
)
SCHOOL = r"(?:초|초등학교|초등학생|중|중학교|중학생|고|고등학교|고등학생)\s*\d|(?:초등|중|고등)학생|(?:만\s*)?\d{1,2}\s*(?:살|세)"  # "저는 만 14살"
ASKER_CHILD = re.compile(rf"(?<![가-힣])(?:저|나)(?:는|도|요)?\s*\(?\s*(?:{SCHOOL})")
SIBLING = re.compile(r"(?<![가-힣])(?:남동생|여동생|동생|형|누나|오빠|언니)(?=[은는이가도랑와하(\s,])")
# a grandparent the family lives with or supports: the worker's parent (or the spouse's), a 기본공제 dependent at 60
GRANDPARENT = re.compile(
    r"(?<![가-힣])(?:친|외)?(?:할머니|할아버지|할무니|할매|할배|할부지)(?=[은는이가도랑와하를을(\s,])"
)
CARED = r"(?:같이|함께)\s*(?:사는|살고\s*있는|사시는|살아|살고)\s*$|^[^.?!]{0,30}?(?:부양|모시|모셔|모심|(?:같이|함께)\s*(?:사는|사세요|사셔|사시|살아|살고|사심))"
# a friend's parent named by the child ("민수 아버지 총급여가"): the child said again alone, with an age or grade
NAMED_WORKER = re.compile(
    r"(?<![가-힣])([가-힣]{2,3})\s+(?:아빠|아버지|엄마|어머니)(?:의|가|는|이|께서)?\s*(?:연봉|월급|총급여|급여)"
)
NOT_NAMES = r"우리|저희|울|내|제|나의|저의|친구|애|애들|남편|아내|와이프|신랑|손님|고객"
EARNS = r"일\s*하|일해|직장|회사\s*다니|출근|맞벌이|연봉|월급|소득\s*있|돈\s*벌|장사"
OTHER_PARENT = {"아빠": "엄마|어머니", "아버지": "엄마|어머니", "엄마": "아빠|아버지", "어머니": "아빠|아버지"}


SCHOOLS = ((r"초(?:등학교|등학생)?\s*(\d)", 6), (r"중(?:학교|학생)?\s*(\d)", 12), (r"고(?:등학교|등학생)?\s*(\d)", 15))


def age_of(said: str) -> int | None:
    """The age in a person's clause: "17살", or from the school grade ("중3" 15, "초등학교 5학년" 11, "고1" 16)."""
    if years := re.search(r"(\d{1,2})\s*(?:살|세)", said):
        return int(years[1])
    grades = [(m.start(), base + int(m[1])) for school, base in SCHOOLS for m in re.finditer(school, said)]
    return min(grades)[1] if grades else None  # the grade said first is the person's own


def person_clause(text: str, start: int) -> str:
    """The words said of a person, up to the end of the clause: "저는 중3이고", "오빠(대학생, 21살) 있어요"."""
    end = re.search(r"[.?!,](?![^()]*\))|이고|이며|인데|(?<=\))", text[start:])  # not a comma inside brackets
    return text[start : start + end.end()] if end else text[start:]


def grandparent_age(text: str, start: int) -> int | None:
    """The age said of a grandparent, also after a bracket that only says whose parent ("할머니(아빠 엄마) 76세")."""
    clause = person_clause(text, start)
    age = age_of(clause)
    if age is None and clause.endswith(")"):
        age = age_of(person_clause(text, start + len(clause)))
    return age


def named_child(text: str) -> re.Match | None:
    """ "친구 민수 아버지 얘기예요 … 민수(고2, 17살)랑": the named child of the worker, said with an age or grade."""
    worker = NAMED_WORKER.search(text)
    if worker is None or re.fullmatch(NOT_NAMES, worker[1]):
        return None
    alone = re.finditer(rf"(?<![가-힣]){worker[1]}(?!\s*(?:아빠|아버지|엄마|어머니|할머니|할아버지|[가-힣]))", text)
    return next((m for m in alone if re.match(rf"\s*\(?\s*(?:{SCHOOL})", text[m.end() :])), None)


def grandparents(text: str, reading, said: list[str]) -> int:
    """The grandparents the family lives with or supports, without income: the worker's dependents, 70 or
    older a 경로우대 each (제51조①1)."""
    cared = [g for g in GRANDPARENT.finditer(text) if re.search(CARED, text[max(0, g.start() - 12) : g.start()])
             or re.search(CARED, text[g.end() : g.end() + 40].split(".")[0])]  # fmt: skip
    cared = [g for g in cared if not re.search(rf"{DEATH}|{EARNS}|연금", person_clause(text, g.start()))]
    # "할머니(75살)도 같이 사시는데 할머니도 소득이 없어요": the same word again in the sentence is the same person
    cared = [g for i, g in enumerate(cared) if not any(
        h.group(0) == g.group(0) and not re.search(r"[.?!\n]", text[h.end() : g.start()]) for h in cared[:i])]  # fmt: skip
    old = [g for g in cared if (grandparent_age(text, g.start()) or 0) >= 70]
    if cared:
        said.append(f"부양하는 조부모 {len(cared)}명")
        reading.assume("함께 살거나 부양하는 조부모는 소득이 없는 기본공제대상자(근로자의 직계존속)로 가정")
    if old:
        reading.fact("elderly", len(old), ", ".join(person_clause(text, g.start()) for g in old))
    return len(cared)


def child_view(text: str, reading, said: list[str]) -> int | None:
    """The dependents when the asker is a child asking about a parent's pay; None when the question is not that."""
    worker = PARENT_WORKER.search(text)
    asker = ASKER_CHILD.search(text) or named_child(text)
    if worker is None or asker is None:
        return None
    dependents = qualifying = 0
    table, year = child_table(reading.as_of, text)
    ages = []
    for person in [asker, *SIBLING.finditer(text)]:
        words = person_clause(text, person.start())
        age = age_of(words)
        if age is None and re.search(r"대학|군대|군인|직장|취업|결혼|성인", words):
            continue  # "오빠(대학생)": grown, not a dependent without an age that says otherwise
        if age is not None and age > 20:
            continue
        dependents += 1
        qualifying += age is None or child_counts(table, year, age)  # 자녀세액공제 by its age (제59조의2, 부칙)
        ages += [] if age is None else [age]
    if note := year_note(reading.as_of, ages, text):
        reading.unclear(note)
    children = dependents
    other = next(re.finditer(rf"(?<![가-힣])(?:{OTHER_PARENT[worker[1]]})", text), None)
    if other is not None:
        told = text[other.start() : other.start() + 30].split(".")[0]
        if re.search(DEATH, told) or re.search(r"이혼|안\s*계", told):
            if children:  # "아빠는 몇 년 전에 돌아가셨고": the worker raises the children alone (한부모공제)
                reading.fact("single_parent", True, told)
        elif not re.search(EARNS, told):
            dependents += 1
            said.append("소득 없는 배우자")
    dependents += grandparents(text, reading, said)
    if qualifying:
        reading.fact("children", qualifying, asker.group(0))
    if children:
        said.append(f"자녀 {children}명")
    reading.assume(
        f"'{worker.group(1)}'의 연말정산으로 보아 질문한 사람과 형제를 자녀로, 다른 부모를 배우자로 봄 "
        "(자녀는 20세 이하·소득 없음)"
    )
    return dependents


# a child the asker says they claim, beside one the spouse claims: "14살 딸은 제가 공제받기로 했어요"
MINE_CLAIMED = re.compile(
    r"(?:\d{1,2}\s*(?:살|세)\s*)?(?:큰|작은)?(?:아들|딸|애|아이|첫째|둘째|셋째|막내)\S{0,2}\s*(?:은|는|도)?\s*"
    r"(?:제가|저는|내가|나는)\s*(?:공제|올리|올려|올릴|넣|받)"
)


def askers_claimed(text: str) -> tuple[int, str] | None:
    """(how many, the words) of the children the asker says they claim themselves, or None."""
    found = [m.group(0) for m in MINE_CLAIMED.finditer(text)]
    return (len(found), ", ".join(found)) if found else None
