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
    rf"|(?:대비|에\s*비해|보다)\s*{EXACT}\d{{1,3}}(?:\.\d+)?\s*(?:%|퍼센트|프로)"  # "작년 대비 10%", "형보다 20%"
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
    operand = OPERAND.search(words)
    if operand and re.search(rf"(?<![\d.]){re.escape(operand.group(0))}", said):
        return True
    figure = re.search(r"\d[\d,.]*\s*(?:억|천만|백만|만|천)?\s*(?:원)?", words)  # "'2억'은 다른 가격과의 차이로 보아"
    return bool(figure and f"'{figure.group(0).strip()}'" in said)


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
        m.group(0).strip() for m in RELATION_SAID.finditer(reading.text) if not covered(m.group(0).strip(), reading)
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
