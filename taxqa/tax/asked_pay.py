"""The pay of the one person a question asks about, when several people's pays are listed ("삼남매 연봉이 큰형
7,200, 누나 3,100, 저 4,800이에요. 저만 계산해 주세요", "제 총급여 6,200만, 아내 총급여 3,900만. 아내 것만"): 근로소득세
and 근로소득공제 are each worker's own, so only the asked person's figure is the 총급여 (the others are not summed
or taken in its place). Used by the 연말정산 and 근로소득공제 readers."""

from __future__ import annotations

import re

from taxqa.amounts import iter_amounts
from taxqa.tax.asked_only import ASKER, ASKING, ONLY_END, PEOPLE, THEIRS
from taxqa.tax.words import josa

# the one asked about: "저만 계산해 주세요", "아내 것만 알려주세요", "아내 근로소득공제가 얼마인가요 … 것만"
ONLY = re.compile(rf"(?<![가-힣])({ASKER}|{PEOPLE})\s*(?:의\s*)?(?:{THEIRS}\s*{ONLY_END}|{THEIRS}?\s*만\s*{ASKING})")
PAY_WORD = r"(?:연봉|총급여|급여|월급)"


def named_in(person: str, segment: str) -> bool:
    """Whether `segment` (the words just before an amount) names `person` as the one whose pay it is."""
    if re.fullmatch(ASKER, person):
        return bool(re.search(rf"(?<![가-힣])(?:{ASKER})(?:는|도|의|가)?(?![가-힣])", segment))
    return bool(re.search(rf"(?<![가-힣])(?:큰|작은)?{person}(?:의|이|가|은|는|도)?(?![가-힣])", segment))


def asked_pay(text: str, notes: list[str]):
    """The amount said of the person asked about, when at least two pays are said each beside its own person and
    the question asks for one of them only; None otherwise. A note naming the others is added to `notes`."""
    only = ONLY.search(text)
    if only is None:
        return None
    person = only[1]
    pays, prev = [], 0
    for a in iter_amounts(text[: only.start()]):
        segment = text[prev : a.start]
        prev = a.end
        segment = segment[max([m.end() for m in re.finditer(r"[.?!\n]", segment)] or [0]) :]
        if re.search(rf"(?<![가-힣])(?:{ASKER}|{PEOPLE})", segment) or (pays and re.fullmatch(r"[\s,·]*", segment)):
            pays.append((a, segment))
    if len(pays) < 2 or not any(re.search(PAY_WORD, s) for _, s in pays[:1]):
        return None  # one pay said: nothing to choose; the first must be said as a pay
    mine = [a for a, s in pays if named_in(person, s)]
    if len(mine) != 1:
        return None
    others = ", ".join(f"'{a.text}'" for a, _ in pays if a is not mine[0])
    notes.append(
        f"'{only.group(0).strip()}': {person} 몫 {mine[0].text}만 총급여로 계산 ({josa(others, '은는')} 다른 사람의 급여)"
    )
    return mine[0]


# "동생은 연봉 7,200 받는다고 자랑하던데 걔는 미혼이라", "동기 혜진이는 연봉 4,100인데 부양가족이 없어서": a sentence
# about another worker's own pay (not the spouse's, whose pay decides the 배우자공제)
OTHER_WORKER = re.compile(
    r"(?<![가-힣])(?:친?형|누나|언니|오빠|(?:남|여)?동생|친구|동기|동료|선배|후배|[가-힣]{1,3}(?<=[가-힣])이)"
    r"(?:는|도)\s+(?:연봉|월급|총급여|급여|과표)"
)


def others_blanked(text: str) -> str:
    """The text without the sentences about another worker's pay (positions kept): their family ("부양가족이 없어서")
    and figures are theirs, not the asker's."""
    for m in OTHER_WORKER.finditer(text):
        start = max([x.end() for x in re.finditer(r"[.?!\n]\s", text[: m.start()])] or [0])
        end = re.search(r"[.?!\n](?!\d)|$", text[m.end() :])
        end = m.end() + end.start()
        text = text[:start] + " " * (end - start) + text[end:]
    return text
