"""Ways of writing a question that are not sentences, read as plain text before any reader sees it: a hashtag
(a list item, or an amount inside a sentence), telegraph units ("근속 17y 4m") and an intake checklist's unticked
boxes ("- [ ] 다주택 중과"). An exam stem's answer options are left out in taxqa.tax.exam_options."""

from __future__ import annotations

import re

# "#퇴직금 #1억5천 #근속18년": hashtags in a row are a list; "필요경비는 #1천1백만", "3월에 #2억3천 주고 산": an
# amount tagged inside a sentence (after a Hangul word that is no tag) is read as the sentence's own word
HASHTAG = re.compile(r"(?:^|\s)#(?=[가-힣]|\d[\d,.]*\s*(?:[억만천백대살세]|년|개월|달))")


def _hashtag(text: str, m: re.Match) -> str:
    head = text[: m.start()].rstrip(" \t")
    word = re.search(r"\S+$", head)
    inline = (
        word is not None
        and not word.group(0).startswith("#")
        and re.search(r"[가-힣]$", word.group(0))
        and text[m.end()].isdigit()
    )
    return " " if inline else " / "


def plain_hashtags(text: str) -> str:
    return HASHTAG.sub(lambda m: _hashtag(text, m), text).strip(" /")


# "근속 17y 4m", "보유 11y 거주 7y", "12yrs": years and months in English letters; an "m" only right after a year
# (alone it may be metres)
YEARS = re.compile(r"(?<![A-Za-z\d.])(\d{1,2})\s?(?:y|yr|yrs|Y)(?![A-Za-z])")
MONTHS = re.compile(r"(?<=\d년)\s*(\d{1,2})\s?(?:m|mo|mos|M)(?![A-Za-z²㎡])")


def telegraph_units(text: str) -> str:
    return MONTHS.sub(r" \1개월", YEARS.sub(r"\1년", text))


# "- [ ] 다주택 중과" on an intake checklist whose other boxes are ticked: a condition not ticked says nothing of
# the case (not even its opposite). Only a short label is such a condition: "[ ] 남은 재산 9억, 형제 셋이 나눔" is a
# to-do item that still tells the facts; a box with its answer after it ("□ 배우자 생존 — 아니오") is a field, read
# in taxqa.tax.fields
TICKED_BOX = re.compile(r"\[\s*[xXvV✓✔]\s*\]")
UNTICKED = re.compile(r"(?m)^[ \t]*(?:[-*•][ \t]*)?\[ \][ \t]*([가-힣0-9]+(?:[ \t][가-힣0-9]+){0,2})[ \t]*$\n?")


def without_unticked(text: str) -> str:
    if not TICKED_BOX.search(text):
        return text
    # not a figure ("[ ] 재산 9억"), nor a task ("[ ] 상속세 알아보기", "[ ] 세액 얼마")
    task = r"\d\s*[억천백만원%]|얼마|[기다요음함]$"
    return UNTICKED.sub(lambda m: m.group(0) if re.search(task, m[1]) else "", text)


# a tax office's shorthand written out, so each reader sees its own words: "혼공 1억 쓰고" (the 혼인·출산
# 증여재산공제), "양소 얼마" (양도소득세), "필경은 1,200" (필요경비)
SHORT_WORDS = {"혼공": "혼인공제", "양소": "양도소득세", "양소세": "양도소득세", "필경": "필요경비"}
SHORT = re.compile(
    rf"(?<![가-힣])({'|'.join(sorted(SHORT_WORDS, key=len, reverse=True))})(?=[\s은는이가을를도만,.:)?]|$)"
)


def plain_abbreviations(text: str) -> str:
    return SHORT.sub(lambda m: SHORT_WORDS[m[1]], text)
