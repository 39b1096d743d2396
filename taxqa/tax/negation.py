"""Negated fact words, read from kiwipiepy morphemes: the noun phrase a negation stands after in its
clause ("아내는 소득이 없습니다", "부정행위 없음", "부정행위는 해당 없음", "신고하지 않았고",
"신고 못 했어요", "사기나 이중장부 같은 건 전혀 없어요", "장애 ×"), so a reader asks `negated(...)`
of the word it is about to take as a present fact instead of writing a phrase list of its own.
"""

from __future__ import annotations

import functools
import re

NEGATION_FORMS = {("아니", "VCN"), ("없", "VA"), ("않", "VX"), ("못", "VX")}
MARKS = {"×", "✗", "✘", "X", "x", "Ｘ"}  # a form's "no" mark after a word: "장애 ×", "부정행위: X"
ADVERBS = {
    "전혀",
    "절대",
    "아예",
    "하나도",
    "하나",  # kiwi splits 하나도 into 하나 + 도
    "아무것",
    "딱히",
    "별로",
    "따로",
    "특별히",
    "전부",
    "모두",
    "다",
    "역시",
    "또",
    "아직",
}
VOID = {
    "해당",
    "해당사항",
    "사항",
    "것",
    "거",
    "건",
    "적",
    "일",
    "그런",
    "이런",
    "그",
}  # "X는 해당 없음", "X 같은 건 없어요"


def _is_negation(toks: list, k: int) -> bool:
    t = toks[k]
    if (t.form, t.tag[:3]) in NEGATION_FORMS or (t.form in ("안", "못", "없이") and t.tag == "MAG"):
        return True
    if t.form == "아" and k + 1 < len(toks) and (toks[k + 1].form, toks[k + 1].tag) == ("님", "XSN"):
        return True  # "해당 아님": kiwi reads 아님 after a noun as 아 + the suffix 님
    if t.form in MARKS and t.tag in ("SL", "SW", "SO") and k > 0:
        before = toks[k - 1] if toks[k - 1].form not in (":", "：", "(") else toks[k - 2] if k > 1 else None
        after = toks[k + 1] if k + 1 < len(toks) else None
        return bool(
            before and before.tag.startswith("NN") and (after is None or after.tag[:2] in ("SF", "SP", "SS", "SE"))
        )
    return False


# verbs of doing a wrong or an act, whose object or topic a negation of the verb negates
DOING = {"하", "저지르", "쓰", "치", "꾸미"}


def _phrase(toks: list, j: int) -> int:
    """The first token of the noun phrase ending at token j (j itself when it is no noun)."""
    while j >= 0 and (
        toks[j].tag.startswith(("NN", "SN", "SL", "XR", "XPN"))
        or toks[j].tag == "XSN"
        or (toks[j].form in ("·", "ㆍ", "/") and j > 0 and toks[j - 1].tag.startswith("NN"))  # "혼인·출산 공제"
    ):
        j -= 1
    if j >= 0 and toks[j].tag == "MM" and toks[j + 1].tag == "NNB":  # "한 채", "두 명": the count is the phrase's
        j -= 1
    return j + 1


def _double_negations(toks: list) -> set:
    """ "소득이 없는 게 아니라", "부부가 아닌 건 아니에요", "없었던 건 아니고": a negation said to be no
    negation cancels itself, so the noun it stands after is present."""
    cancelled = set()
    for k in range(len(toks) - 2):
        j = k + 1
        while j < len(toks) and toks[j].tag == "EP":  # "없었던 건": the tense between
            j += 1
        if not _is_negation(toks, k) or j >= len(toks) or toks[j].tag != "ETM":
            continue
        j += 1
        if j < len(toks) and toks[j].form in ("것", "거", "게", "건") and toks[j].tag == "NNB":
            j += 1
            while j < len(toks) and toks[j].tag.startswith("J"):
                j += 1
            if j < len(toks) and (toks[j].form, toks[j].tag[:3]) == ("아니", "VCN"):
                cancelled |= {k, j}
    return cancelled


def negation_mentions(text: str, toks: list) -> list:
    """'1세대1주택 아님', '부정행위는 아님', '자녀는 없고': the nouns a negation word stands after."""
    from taxqa.tax.mentions import Mention

    found = []
    cancelled = _double_negations(toks)
    for k, t in enumerate(toks):
        if k in cancelled or not _is_negation(toks, k):
            continue
        j = k - 1
        while j >= 0 and toks[j].tag in ("MAG", "MAJ") and toks[j].form not in ("안", "못", "없이"):
            j -= 1  # "신고를 그냥 전혀 안 했어요": any adverb between the noun and its negation
        if t.form in ("안", "못") and j >= 0 and toks[j].tag in ("JKB", "JKC"):
            continue  # "부정행위로 안 냈으면": the verb is negated, not the noun said as its means
        if (
            t.form in ("안", "못")
            and k + 1 < len(toks)
            and toks[k + 1].form == "받"
            and j >= 1
            and (toks[j].form, toks[j].tag) == ("도", "JX")
            and toks[j - 1].tag in ("NR", "NNB", "NP")
        ):
            continue  # "엄마는 하나도 안 받고": nothing is received, the one who receives it is there
        while j >= 0 and (
            toks[j].tag.startswith(("J", "XS"))
            or toks[j].form in ADVERBS
            or (toks[j].tag == "EC" and toks[j].form in ("지", "게"))  # "신고하지 않았고"
            or toks[j].form in (":", "：", "(")
        ):
            j -= 1
        if j >= 2 and toks[j].tag == "VV" and toks[j].form in DOING and toks[j - 1].tag in ("JX", "JKO"):
            j -= 2  # "부정행위는 하지 않았어요", "이중장부를 쓰진 않았고": the noun of a verb of doing, negated
        last = j
        first = _phrase(toks, j)
        if last < first:
            continue
        # "부정행위는 해당 없음", "사기 같은 건 없어요", "사기 친 거 그런 건 없고": the phrase before
        for _ in range(2):
            if not ({toks[i].form for i in range(first, last + 1)} <= VOID and first > 0):
                break
            j = first - 1
            while j >= 0 and (
                toks[j].tag.startswith(("J", "ETM", "VCP"))
                or toks[j].form == "같"
                or toks[j].tag in ("VV", "XSV")
                or toks[j].form in ("뭐", "무엇", "뭔가", "무언가")  # "사기나 뭘 숨긴 건": the 뭘 the verb takes
            ):  # "한 채뿐인 건", "사기 친 거": a verb of the noun's between
                j -= 1
            if j >= 0 and toks[j].tag.startswith(("NN", "XR")):
                last, first = j, _phrase(toks, j)
        if (
            first > 2
            and [x.tag for x in toks[first - 2 : first]] == ["XSA", "ETM"]
            and toks[first - 3].tag[:2]
            in (
                "NN",
                "XR",
            )
        ):  # "부정한 행위는 없어요": the adjective said of the noun goes with it
            first = _phrase(toks, first - 3)
        while first > 1 and toks[first - 1].tag == "JC" and toks[first - 2].tag.startswith("NN"):
            first = _phrase(toks, first - 2)  # "사기나 이중장부 같은 건"
        if (
            first > 2
            and (toks[first - 1].tag, toks[first - 2].form) == ("ETM", "같")
            and toks[first - 3].tag.startswith("NN")
        ):  # "이중장부 같은 부정행위는 없고": the example said before what it is an example of
            first = _phrase(toks, first - 3)
            while first > 1 and toks[first - 1].tag == "JC" and toks[first - 2].tag.startswith("NN"):
                first = _phrase(toks, first - 2)  # "사기나 이중장부 같은 부정행위는": every example listed
        start, end = toks[first].start, toks[last].start + toks[last].len
        found.append(Mention(text[start : t.start + t.len], start, t.start + t.len, "negation", text[start:end]))
    return found


@functools.lru_cache(maxsize=64)
def _negations_of(text: str) -> tuple:
    """The question's negations, analysed once however many words the readers ask about (a reader asks
    per match, several times a question)."""
    from taxqa.tax.mentions import tokens

    return tuple(negation_mentions(text, tokens(text)))


def negated(text: str, start: int, end: int, found: list | None = None) -> bool:
    """Whether the word at text[start:end] is inside a noun phrase its clause negates."""
    found = _negations_of(text) if found is None else found
    return any(m.type == "negation" and m.start <= start and end <= m.start + len(m.value) for m in found)


def present(pattern: str, text: str, found: list | None = None) -> re.Match | None:
    """The first match of `pattern` in `text` that no negation covers ("부정행위 없음" is no fraud)."""
    found = _negations_of(text) if found is None else found
    return next((m for m in re.finditer(pattern, text) if not negated(text, m.start(), m.end(), found)), None)


def negated_match(pattern: str, text: str, found: list | None = None) -> re.Match | None:
    """The first match of `pattern` in `text` that a negation covers ("신고를 아예 안 했어요": 신고 negated)."""
    found = _negations_of(text) if found is None else found
    return next((m for m in re.finditer(pattern, text) if negated(text, m.start(), m.end(), found)), None)
