"""The family said by a parent about a son's or daughter's pay (taxqa.tax.dependents): "막내아들이 회사에 다니는데
작년 총급여가 6천 … 저희 내외를 부양가족으로 올렸고, 며느리는 전업주부 … 손주가 둘" — the worker is the asker's
child, the daughter- or son-in-law the worker's spouse, the grandchildren the worker's children, and the asker (with
the asker's own spouse) the worker's parents: each a 기본공제 dependent, 70 or older a 경로우대 (소득세법 제51조①1).
`read_own_age` tells the other view apart: an age of 70 or more said by the worker of themself."""

from __future__ import annotations

import re

from taxqa.tax.words import NATIVE_ONES, NATIVE_TENS
from taxqa.tax.worker_self import PAY_YEAR

# the asker's child whose pay it is: "아들이 올해 연봉", "막내아들이 회사에 다니는데 작년 총급여가"
CHILD_WORKER = re.compile(
    r"(?<![가-힣])(?:막내|큰|작은|첫째|둘째|셋째|외)?\s*(아들|딸)\S{0,2}\s*(?:이|가|은|는|의)?\s*(?:올해\s*|작년\s*)?"
    r"(?:(?:회사|직장)\S{0,2}\s*(?:다니|나가|출근)\S{0,4}\s*)?" + PAY_YEAR + r"(?:연봉|월급|총급여|급여)"
)
# the family said from the asker's side, rewritten with words of the same length so positions still match the mentions
VIEW_OF_SON = (("며느리", "아내 "), ("손주", "자녀"), ("손자", "자녀"), ("손녀", "자녀"))
VIEW_OF_DAUGHTER = (("사위", "남편"), ("손주", "자녀"), ("손자", "자녀"), ("손녀", "자녀"))

# the asker's own spouse, said by an elderly parent: the worker's other parent, not the worker's spouse
ASKER_SPOUSE = r"집사람|안사람|마누라|아내|와이프|남편|영감|바깥양반|할멈"
# the asker and that spouse together: "저희 내외", "우리 부부", "저랑 집사람"
COUPLE = (
    r"(?<![가-힣])(?:저희|우리)\s*(?:내외|부부|두\s*사람|노부부)"
    rf"|(?<![가-힣])(?:저|나)(?:와|랑|하고)\s*(?:{ASKER_SPOUSE})|(?:{ASKER_SPOUSE})(?:와|과|랑|하고)\s*(?:저|나)(?![가-힣])"
)
CLAIMED = r"[^.?!]{0,14}?(?:부양|기본공제|올렸|올려|올리|넣었|넣어|모시|모셔)"
AGE = (
    r"(?:올해\s*)?(?:만\s*)?(?:(\d{2,3})\s*(?:세|살)?(?![\d만억천원%년월일명])"
    r"|(예순|일흔|여든|아흔)\s*(하나|다섯|여섯|일곱|여덟|아홉|둘|셋|넷)?)"
)


def _age(m: re.Match) -> int:
    return int(m[1]) if m[1] else NATIVE_TENS[m[2]] + NATIVE_ONES.get(m[3] or "", 0)


def worker_view(text: str) -> tuple[str, re.Match | None]:
    """The text as the worker would say it when the worker is the asker's son or daughter, and that worker's words."""
    worker = CHILD_WORKER.search(text)
    if worker is None:
        return text, None
    view = text[: worker.start(1)] + "본인"[: len(worker.group(1))] + text[worker.end(1) :]
    # the asker's couple and the asker's spouse are the worker's parents (counted by asker_parents when claimed):
    # their words are blanked, not read again as the worker's own spouse
    view = re.sub(rf"{COUPLE}|{ASKER_SPOUSE}", lambda m: " " * len(m[0]), view)
    # the asker's sons and daughters are the worker and the worker's siblings, never the worker's children:
    # "아들 앞으로 올렸습니다", "아들 결정세액은요?" is the worker again
    view = re.sub(
        r"(?<![가-힣])(?:막내|큰|작은|외)?(?:아들|딸)(?!네|\s*\(?\s*\d)",
        lambda m: "본인"[: len(m[0])].ljust(len(m[0])),
        view,
    )
    for said, seen in VIEW_OF_SON if worker.group(1) == "아들" else VIEW_OF_DAUGHTER:
        view = view.replace(said, seen)
    return view, worker


def asker_parents(text: str, reading, said: list[str]) -> int:
    """The asker and the asker's spouse, claimed by the worker, their child ("저희 내외를 부양가족으로 올렸고",
    "저를 부양가족으로"): how many, and those said to be 70 or older ("저는 일흔여섯, 집사람은 일흔셋") set as 경로우대."""
    if CHILD_WORKER.search(text) is None:
        return 0
    couple = re.search(rf"(?:{COUPLE})\s*(?:를|을|도|는|은)?{CLAIMED}", text)
    alone = None if couple else re.search(rf"(?<![가-힣])(?:저|나)(?:를|을|도){CLAIMED}", text)
    if couple is None and alone is None:
        return 0
    who = [re.search(r"(?<![가-힣])(?:저는|저도|나는|(?:제|내)\s*나이(?:는|가)?)\s*" + AGE, text)]
    if couple:
        who.append(re.search(rf"(?:{ASKER_SPOUSE})(?:은|는|이|가|도)?\s*(?:나이\S{{0,2}}\s*)?" + AGE, text))
    ages = [m for m in who if m]
    young = [m for m in ages if _age(m) < 60]
    n = len(who) - len(young)
    if young:  # 기본공제 for a parent from 60 (제50조①3가)
        reading.assume(f"'{', '.join(m[0] for m in young)}': 60세 미만인 부모는 기본공제대상자가 아니라 뺌")
    if n == 0:
        return 0
    said.append(f"부양하는 부모(질문자 내외) {n}명")
    reading.assume("질문자(근로자의 부모)를 소득이 없는 기본공제대상자로 봄")
    old = [m for m in ages if _age(m) >= 70]
    if old:  # the words include the asker's own age, so it is not counted again as the worker's own
        reading.fact("elderly", len(old), ", ".join(m[0] for m in old))
        said.append(f"70세 이상 {len(old)}명")
    return n


def read_own_age(text: str, reading, said: list[str]) -> None:
    """ "총급여 1,800만원, 78세세요", "저는 72세": the worker's own age of 70 or more (경로우대, 제51조①1), added to
    the family's."""
    if CHILD_WORKER.search(text):  # "저는 여든하나 … 아들이 연봉": the age said is the asker's, the worker's parent
        return
    counted = " ".join(f.words for f in reading.facts if f.name == "elderly")
    own = [a for a in reading.mentions if a.type == "age" and a.value >= 70 and re.search(
        r"(?:저는|본인은?|나이는?|제\s*나이|내\s*나이|(?:총급여|연봉|급여|월급)[^.?!]{0,12})\s*$", reading.text[max(0, a.start - 16) : a.start])]  # fmt: skip
    if own and own[0].text not in counted:
        reading.fact("elderly", reading.inputs.get("elderly", 0) + 1, own[0].text)
        said.append("본인 70세 이상")


# "아버지는 1953년생 뱀띠라", "어머니(1958년생)": a parent said with the year of birth
PARENT_BORN = re.compile(
    r"(?<![가-힣])(아버지|어머니|아버님|어머님|아빠|엄마|부친|모친)(?:는|은|께서는|\s*\()\s*((?:19)\d{2})\s*년생"
)
# "두 분 다 소득 없이 저랑 같이 사시고", "두 분 모두 제가 모셔요": both parents at home with the worker
BOTH_AT_HOME = re.compile(
    r"두\s*분\s*(?:다|모두)\s*[^.?!]{0,24}?(?:(?:같이|함께)\s*(?:사시|사세|살고|살아|지내)|모시|모셔|부양)"
)


def parents_born(text: str, reading, said: list[str]) -> int:
    """Both parents said each with a year of birth and then together as living with the worker ("아버지는 1953년생
    뱀띠라 우리 나이로 일흔넷이고, 어머니는 1958년생 … 두 분 다 … 같이 사시고"): two dependents from 60 (제50조①3가),
    경로우대 for those 70 or older in the year (the year less the year of birth, not a 우리 나이 said beside it)."""
    born = list(PARENT_BORN.finditer(text))
    home = BOTH_AT_HOME.search(text)
    if len({m[1] for m in born}) != 2 or home is None or home.start() < born[-1].end() or not reading.as_of:
        return 0
    if re.search(r"소득\S{0,2}\s*(?:이\s*)?있", text[born[0].start() : home.end()]):
        return 0  # a parent with income of their own is no dependent
    ages = [int(reading.as_of[:4]) - int(m[2]) for m in born]
    if min(ages) < 60:
        return 0
    said.append("부양하는 부모 2명")
    reading.assume("같이 사는 부모님은 소득이 없는 기본공제대상자로 봄 (나이는 태어난 해로 셈)")
    old = [m for m, age in zip(born, ages) if age >= 70]
    if old:
        reading.fact("elderly", reading.inputs.get("elderly", 0) + len(old), ", ".join(m[0] for m in old))
        said.append(f"70세 이상 {len(old)}명")
    return 2


def parent_aged(text: str, parent: re.Match | None, as_of: str | None) -> re.Match | None:
    """A parent's age in brackets after the word, 70 or older: "어머니(72)도 모시고", or a year of birth
    "엄마(1953년 9월생, 소득 없음)" 70 or more years before the year the 연말정산 settles (the year before the law
    date's) — the 경로우대 age (제51조①1); else None."""
    if parent is None:
        return None
    after = text[parent.end(1) :]
    if (bare := re.match(r"\s*\(\s*(\d{2,3})\s*\)", after)) and 70 <= int(bare[1]) < 130:
        return bare
    born = as_of and re.match(r"\s*\(\s*((?:19|20)\d{2})\s*년\s*(?:\d{1,2}\s*월\s*)?생", after)
    return born if born and int(as_of[:4]) - 1 - int(born[1]) >= 70 else None
