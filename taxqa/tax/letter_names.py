"""Parties named by short document words. A legal document's parties named by 갑·을·병·정 ("상속인: 을(처), 병(장남, 만 41세) … 을이 12억 원을 상속"): each
letter defined by the relation in brackets after it is read as that relation's word wherever it stands alone, so
the readers see "배우자가 12억 원을 상속"."""

from __future__ import annotations

import re

LETTERS = "갑을병정무기경신임계"
# the relation a document writes in brackets, as the word the readers know
RELATION = {"처": "배우자", "부인": "배우자", "남편": "배우자", "배우자": "배우자"}
# "피상속인 갑(부, …)": the deceased's own relation to the asker is no heir; its letter is left as it is
KEPT = {"부", "모", "본인"}
DEFINED = re.compile(rf"(?<![가-힣])([{LETTERS}])\s*\(\s*([가-힣]{{1,3}})\s*(?=[,)])")
# a particle after a letter (all of them end in a consonant) and its form after a word ending in a vowel
PARTICLE = {"이": "가", "은": "는", "과": "와", "을": "를"}


def has_final(word: str) -> bool:
    """Whether a Hangul word ends in a final consonant (받침)."""
    return "가" <= word[-1] <= "힣" and (ord(word[-1]) - 0xAC00) % 28 != 0


# a judgment's parties defined by relation: "상속인으로는 처인 원고 1과 자녀인 원고 2(1988년생), 원고 3(1992년생)이 있다"
PARTY = r"(?:원고|피고|청구인)\s*\d(?!\d)"
COURT_DEFINED = re.compile(
    rf"(?<![가-힣])(처|배우자|아내|남편|부인|자녀|자식|아들|딸)인\s*({PARTY}(?:\s*\([^()]*\))?"
    rf"(?:\s*,\s*{PARTY}(?:\s*\([^()]*\))?)*)(이|가|은|는|과|와)?"
)


def court_parties(text: str) -> tuple[str, list[str]]:
    """A judgment's "처인 원고 1" as "배우자(원고 1)", and that party said later ("원고 1이 10억 원 상당을") as 배우자;
    "자녀인 원고 2(…), 원고 3(…)" as "자녀 2명(원고 2(…), 원고 3(…))": the relations the readers know."""
    read: list[str] = []

    def defined(m: re.Match) -> str:
        relation, parties, particle = RELATION.get(m.group(1), m.group(1)), m.group(2), m.group(3) or ""
        names = re.findall(PARTY, parties)
        if relation == "배우자" and len(names) == 1:
            read.append(f"{names[0]}={relation}")
            return f"배우자({names[0]}){PARTICLE.get(particle, particle)}"
        if relation in ("자녀", "자식", "아들", "딸"):
            read.append(f"{', '.join(names)}={relation}")
            particle = {v: k for k, v in PARTICLE.items()}.get(particle, particle)  # "…명(…)이": after 명's final
            return f"{relation} {len(names)}명({parties}){particle}"
        return m.group(0)

    text = COURT_DEFINED.sub(defined, text)
    for said in read:
        name, relation = said.split("=")
        if relation == "배우자":  # "원고 1이 10억 원 상당을": not the one in the definition's brackets
            text = re.sub(
                rf"(?<!\(){re.escape(name)}(?!\d)(이|가|은|는|과|와|을|를|의|에게)?",
                lambda m: "배우자" + PARTICLE.get(m.group(1) or "", m.group(1) or ""),
                text,
            )
    return text, read


def named_parties(text: str) -> tuple[str, list[str]]:
    """The text with the letters of two defined parties or more written as their relations, and what was read."""
    text, read = court_parties(text)
    if read:
        return text, read
    defined = {
        m.group(1): RELATION.get(m.group(2), m.group(2)) for m in DEFINED.finditer(text) if m.group(2) not in KEPT
    }
    if len(defined) < 2:  # one bracket after a syllable like 을 is no document's list of parties
        return text, []

    def relation(m: re.Match) -> str:
        word, particle = defined[m.group(1)], m.group(2) or ""
        if particle in PARTICLE and not has_final(word):
            particle = PARTICLE[particle]
        return word + particle

    def head(m: re.Match) -> str:  # "을(처, …)": the relation named first, the letter kept in the brackets
        return f"{defined[m.group(1)]}({m.group(1)}"

    letters = "".join(defined)
    text = re.sub(rf"(?<![가-힣])([{letters}])\s*\(\s*[가-힣]{{1,3}}\s*(?=[,)])", head, text)
    text = re.sub(rf"(?<![가-힣(])([{letters}])(이|가|은|는|과|와|을|를|에게|의|도|만)?(?=[\s,.)]|$)", relation, text)
    return text, [f"{k}={v}" for k, v in defined.items()]


# "상속 부 '26.2월 사망 / 상속인 모+자녀2 / 모 실제상속 9억": a telegraph's 부·모, standing alone between separators
SHORT_KIN = re.compile(r"(?<![가-힣A-Za-z0-9])([부모])(?=\s*[+/,·)]|\s+(?:실제|사망|별세|['’]?\d))")


def short_kin(text: str) -> str:
    """An inheritance question's lone 부 and 모 (a telegraph's or a form's father and mother) in full words."""
    return SHORT_KIN.sub(lambda m: {"부": "아버지", "모": "어머니"}[m.group(1)], text)
