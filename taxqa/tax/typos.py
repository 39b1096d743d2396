"""Slips of fast typing in the words a tax question turns on, set right before any reader sees it: a tax's 세 typed
as 셰, 쎄, 새 or 서 ("증여새", "상속셰", "양도서", "법인쎄"), a tax's name split ("취득 세"), "연말정선", "퇴직굼",
"중계수수료", "예그", "잇구요", "업써요", a unit typed twice ("23억원원"). Only whole words are changed, so "부가서비스", "양도서류" or "증여 세 번"
stay as they are; each change is said as assumed."""

from __future__ import annotations

import re

TAX_STEM = r"증여|상속|양도|부가|취득|법인|재산|종부|가산|양도소득|종합소득|퇴직소득|근로소득|소득"
PARTICLE_END = r"(?=(?:[은는이가을를도만랑와과의]|이랑|에요|예요|요|에여)?(?![가-힣]))"
# a tax's name with a space allowed between its syllables ("퇴직 소 득 세"): at least one there, or nothing changes
SPACED_NAMES = "|".join(
    r"\s?".join(name)
    for name in ("가산세", "퇴직소득세", "종합소득세", "양도소득세", "부가가치세", "과세표준", "산출세액", "결정세액")
)
SLIPS = [
    # "가 산 세", "퇴직 소 득 세", "부가 가치세": a tax's name dictated syllable by syllable
    (re.compile(rf"(?<![가-힣])(?:{SPACED_NAMES})(?![가-힣])"), lambda m: re.sub(r"\s", "", m[0])),
    (re.compile(rf"(?<![가-힣])({TAX_STEM})(?:셰|쎄|새|쌔|서|써){PARTICLE_END}"), r"\1세"),
    (re.compile(rf"(?<![가-힣])({TAX_STEM})\s세{PARTICLE_END}(?!\s*(?:번|건|명|개|채|곳|차례|살))"), r"\1세"),
    # "증여 새는": a tax's 세 dictated apart and misheard, before words that ask about a tax
    (
        re.compile(
            rf"(?<![가-힣])({TAX_STEM})\s(?:새|셰|쎄)(?=\s*(?:[은는이가을를도]|얼마|계산|신고|질문|문의|[?.,]|$))"
        ),
        r"\1세",
    ),
    (re.compile(rf"(?<![가-힣])부과세{PARTICLE_END}"), "부가세"),  # "부과세": 부가세 misheard or mistyped
    (re.compile(r"연말\s*정선"), "연말정산"),
    (re.compile(r"퇴직굼"), "퇴직금"),
    (re.compile(r"(?<![가-힣])예그(?=\s*\d|\s*[은는이을도]?\s)"), "예금"),  # "은행 예그 1억"
    (
        re.compile(r"(?<![가-힣])잇(?=구요|구여|어요|어여|습니다|는데여)"),
        "있",
    ),  # "1억 잇구요" (잇다, to join, takes 고)
    (re.compile(r"(?<![가-힣])(?:업|없)(?:써|서)(?=요|여)"), "없어"),  # "비용은 업써요"
    (re.compile(r"(?<![가-힣])업(?=습니다)"), "없"),
    (re.compile(r"중계\s*(수수료|보수)"), r"중개\1"),
    (re.compile(r"(\d[\d,.]*\s*[억만천]?\s*원)원(?![가-힣])"), r"\1"),
]


def without_slips(text: str) -> tuple[str, list[str]]:
    """(the text with typing slips in tax words set right, 'slip → word' for each)."""
    changed: list[str] = []
    for pattern, right in SLIPS:

        def fix(m: re.Match, right=right) -> str:
            word = right(m) if callable(right) else m.expand(right)
            if word != m[0]:
                changed.append(f"{m[0]} → {word}")
            return word

        text = pattern.sub(fix, text)
    return text, changed
