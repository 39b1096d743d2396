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


def named_parties(text: str) -> tuple[str, list[str]]:
    """The text with the letters of two defined parties or more written as their relations, and what was read."""
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
