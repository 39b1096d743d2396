"""The net on figures said relative to other figures: a relation the question says ("산 값의 두 배", "작년 대비 10%
줄었어요", "4,100에서 300 올랐고", "첫째만큼") that `relative_figures` did not work out and no reader took in is
flagged, so a figure is never stated from the base amount as if the relation were not said."""

from __future__ import annotations

import re

from taxqa.tax.family import KIN
from taxqa.tax.fractions import SHARE
from taxqa.tax.relative_figures import DOWN, EXACT, PERSON, TIMES, UP
from taxqa.tax.words import quoted

FIGURE = r"\d[\d,.]*\s*(?:억|천만|백만|만|천)?\s*(?:원)?"
# the words of a relation with a figure in it, said after its base (the base itself may be an amount or a word)
RELATION_SAID = re.compile(
    rf"(?:의|보다)\s*{EXACT}{TIMES}\s*배"  # "산 값의 두 배", "작년의 1.5배"
    rf"|(?:대비|에\s*비해)\s*{EXACT}\d{{1,3}}(?:\.\d+)?\s*(?:%|퍼센트|프로)"  # "작년 대비 10%", "형 대비 50%"
    # "작년보다 10% 늘었", "5천에서 10% 올랐"; not "수입 5,000만원에서 3.3% 떼고" (tax withheld, no relation)
    rf"|(?:보다|에서)\s*{EXACT}\d{{1,3}}(?:\.\d+)?\s*(?:%|퍼센트|프로)\s*(?:정도|가량|쯤)?\s*(?:가|이)?\s*(?:{UP}|{DOWN})"
    rf"|(?<=\d)\s*(?:원)?\s*에서\s*(?:[가-힣]{{1,4}}\s+)?{EXACT}{FIGURE}\s*(?:이|가|을|를)?\s*(?:{UP}|{DOWN})"  # "4,100에서 300 올랐"
    # "작년보다 2천 더"; not "낼 세금보다 1,500만원 적게 냈어요" (the tax short is the very figure a penalty is on)
    rf"|(?<!세금)(?<!세액)보다\s*{EXACT}\d[\d,.]*\s*(?:억|천만|백만|만|천)\s*(?:원)?\s*(?:더|덜|많|적)"
    rf"|(?:값|가격|가액|시세|시가|매출|연봉|급여|월급|수입|소득|금액|재산)\s*의\s*{EXACT}(?:{SHARE})"  # "매출의 60%"
    rf"|(?<![가-힣])(?:{PERSON}|{KIN.pattern}|작년|전년|지난\s*해)\s*만큼"  # "첫째만큼", "작년만큼"
    # "상여는 두 달치"; not "13개월(보너스 한 달치 포함)", the bonus in the months said
    r"|(?:상여|보너스)\S{0,2}\s*(?:는|은|도)?\s*\S{1,2}\s*(?:달|개월)\s*치(?!\s*(?:포함|들어))"
)
OPERAND = re.compile(r"\d+(?:\.\d+)?\s*(?:%|퍼센트|프로)|절반|(?<![가-힣])반(?![가-힣])|\S+\s*분의\s*\S+")


def covered(words: str, reading) -> bool:
    """Did a reader or the worked-out pass take the relation in (its words, or its share, said in a note)?"""
    said = " ".join(reading.assumptions + reading.ambiguous + reading.missing)
    if any(words in w for w in reading.worked) or words in said:
        return True
    notes = reading.assumptions + reading.ambiguous + reading.missing
    # "'절반 지분': 전체 16억원 중 지분 50%를 받은 금액으로 계산": the share of the relation, read by a reader
    operand = OPERAND.search(words)
    if operand and any(
        re.search(rf"(?<![\d.]){re.escape(operand.group(0))}", note) and re.search(r"지분|몫|일부|전체", note)
        for note in notes
    ):
        return True
    # "'2억'은 다른 가격과의 차이로 보아 4억원으로 계산": the figure of the relation, worked out by a reader
    figure = re.search(r"\d[\d,.]*\s*(?:억|천만|백만|만|천)?\s*(?:원)?", words)
    return bool(figure) and any(
        f"'{figure.group(0).strip()}'" in note and re.search(r"차이|계산|범위|더해|빼", note) for note in notes
    )


PARTICLE = re.compile(r"(?:이|가|은|는|의|도|에서|보다|만큼)$")


def about_an_input(reading, m: re.Match) -> bool:
    """Does a relation said in the question bear on an amount the reading used? Its base is an amount, or its base
    word ("작년", "첫째") is said in a sentence with an amount used, or its own sentence has one. Not "집값이 작년보다
    15% 올랐다길래 팔았어요" beside prices said on their own: an aside."""
    text = reading.text
    head = re.match(r"[가-힣]+", m.group(0))
    before = re.search(r"(\S+)\s*$", text[: m.start()])
    word = (
        head.group(0)
        if head and not re.match(r"의|보다|대비|에서|에", head.group(0))
        else (before[1] if before else "")
    )
    word = PARTICLE.sub("", word.strip("()")) or word
    if re.search(r"\d", word):
        return True
    used = [a for a in reading.mentions if a.type == "amount" and a.used_as]
    for s in re.finditer(r"[^.?!\n]+", text):
        has_used = any(s.start() <= a.start < s.end() for a in used)
        if has_used and (s.start() <= m.start() < s.end() or (len(word) > 1 and word in s.group(0))):
            return True
    return False


def flag_relative(reading) -> None:
    """Flag the first relation left uncomputed and untaken: its figure is not the one the question means; and an
    amount worked out that no input took (its note would otherwise read as the reading's account of it)."""
    if reading.kind is None:
        return
    for m in reading.mentions:
        if m.type == "amount" and m.used_as is None and m.clean.strip() in reading.worked:
            reading.unclear(
                f"{quoted(m.text.strip(), '을를')} {m.clean.strip()}으로 계산했지만 계산에 넣지 않음: 무엇의 금액인지 확인 필요"
            )
            return
    found = [w for w in reading.relative if not covered(w, reading)]
    found += [
        m.group(0).strip()
        for m in RELATION_SAID.finditer(reading.text)
        if not covered(m.group(0).strip(), reading) and about_an_input(reading, m)
    ]
    if not found:
        return
    words = found[0]
    if words.endswith("만큼"):
        reading.unclear(
            f"{quoted(words, '은는')} 다른 사람·때의 금액에 견준 말이라 이 계산의 금액이 얼마인지 알 수 없음: 금액을 확인해 주세요"
        )
        return
    reading.unclear(
        f"{quoted(words, '은는')} 다른 금액에 견준 값인데 계산에 반영하지 못함: 계산에 넣을 금액을 확인해 주세요"
    )
