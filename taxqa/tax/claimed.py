"""Figures the asker (or someone else) already worked out or heard and asks to have checked: "제가 계산해보니
증여세 970만원 나오던데 맞나요?", "공제 1억5천 빼면 과표 5천 → 세금 500 맞음?", "유튜브에서 … 10억까지는 0원이라던데,
그럼 … 7천 나오는 거 맞죠?", "형이 어디서 듣고 8억 넘게 나온다는데 ㄹㅇ임?". Their result and the steps to it are
what the answer checks, not facts of the case: they are left out of what the kind readers see (blanked, so
positions stay), while a fact said in the same sentence stays: one before "제가 계산해보니", one named by its
label as a premise ("총급여 5,000만원이면 …", "연봉 4,000만원, … 결정세액 150만원 맞나요?"). A sentence that
asks whether a heard or worked-out figure is right gives no amount at all when the case's amounts are said in
other sentences."""

from __future__ import annotations

import re

from taxqa.amounts import iter_amounts
from taxqa.tax.words import josa

# a sentence that asks to have a figure checked: "맞나요", "맞음?", "나오던데요?", "맞게 계산한 건지"
VERIFY = re.compile(
    r"맞(?:나요|나\s*[?？]|아요\s*[?？]|아\s*[?？]|음\s*[?？]|죠|지\s*[?？]|지요|는지|는\s*(?:건가요|거죠|거예요|건지|지)|습니까|을까요|게\s*(?:계산|한|했))"
    r"|(?:나오|나왔|나온다)\S{0,2}던데|나오더라고|나왔더라고|나오는데\s*(?:이게\s*)?맞"
)
# where the worked-out part starts: "제가 계산해보니", "계산기 돌려보니", "따져 보니까"
WORKED = re.compile(
    r"(?:(?:제가|내가|저희가|직접|혼자)\s*)?(?:계산(?:을)?\s*해\s*(?:보니|봤더니|봤는데|보면|보니까)|계산했더니|계산하니|"
    r"계산기\s*(?:로|를)?\s*(?:돌려|두드려)\s*보니|따져\s*(?:보니|봤더니)|뽑아\s*(?:보니|봤더니))"
)
# the result a checked calculation arrives at, and the steps to it: "증여세 970만원", "= 1억5천", "과표 5천 →"
RESULT_BEFORE = re.compile(r"(?:세금|세액|증여세|소득세|부가세|상속세|양도세)\S{0,2}\s*$|[=→]\s*$")
STEP_BEFORE = re.compile(r"(?:공제|[+\-−×])\S{0,2}\s*$")
STEP_AFTER = re.compile(  # "과표 5천 → 세금 500", which normalise reads as "과표 5천만이 세금에게 500"
    r"\s*(?:원)?\s*(?:→|=|×|\*|\+|에\s*\d{1,2}\s*%|빼|나오|나와|나왔|\S{0,3}던데|맞|(?:이|가)\s*[가-힣]{0,3}세금?에게)"
)
# a fact of the case said inside it: "연봉 4,000만원, … 결정세액이 150만원 정도던데 맞나요?", "과세표준 5,300만원이면"
FACT_BEFORE = re.compile(
    r"(?:연봉|총급여|월급|급여|매출|매입|과세표준|과표|소득금액|시가|양도가|취득가|받은\s*돈)\S{0,2}\s*\(?\s*$"
)
PREMISE_AFTER = re.compile(r"\s*(?:원)?\s*(?:이면|이라면|라면|면\s|이고|인데|이라고|라고)")
SENTENCE = re.compile(r"[^.?？!\n]*(?:[.?？!\n]+|$)")
# a sentence asking whether what it says is right ("맞죠?", "ㄹㅇ임?", "진짜인가요?") about a figure worked out or
# heard: a rate, a deduction taken off, a sum, a tax said to come out
ASKS_RIGHT = re.compile(
    r"(?:맞(?:죠|지요|나요|아요|는\s*거죠|는\s*건가요|는지|음|지|냐)|ㄹㅇ(?:임|이야|인가요)?|사실(?:인가요|이에요|임)"
    r"|진짜(?:인가요|임|예요|야)?|정말(?:인가요|이에요)?)\s*[?？]"
)
WORKED_OR_HEARD = re.compile(
    r"누진\s*공제|[%=+×]|빼고|뺀|빼면|해서\s*\d|나온다|나오는\s*(?:거|게)|낸다|[다라]던데|[다라]는데|[대래]요|듣고|들었"
)


def heard_spans(clean: str) -> list[tuple[int, int]]:
    """(start, end) of every amount in a sentence that asks whether a heard or worked-out figure is right, when
    the question says other amounts elsewhere (its only amounts are the case's: "14억인데 7천 나오는 거 맞죠?")."""
    sentences = [
        m.span()
        for m in SENTENCE.finditer(clean)
        if m.group(0).strip() and ASKS_RIGHT.search(m.group(0)) and WORKED_OR_HEARD.search(m.group(0))
    ]
    amounts = [(a.start, a.end) for a in iter_amounts(clean)]
    inside = [(a, b) for a, b in amounts if any(s <= a < e for s, e in sentences)]
    return [] if len(inside) == len(amounts) else inside


def claimed_spans(clean: str) -> tuple[list[tuple[int, int]], list[str]]:
    """(start, end) of each amount the question gives as a result or step to be checked, and the words of
    each checked part ("제가 계산해보니 …" to the end of its sentence, or the whole sentence)."""
    out, parts = [], []
    for s in SENTENCE.finditer(clean):
        sentence = s.group(0)
        if not VERIFY.search(sentence):
            continue
        worked = WORKED.search(sentence)
        start = s.start() + (worked.start() if worked else 0)
        found = [
            (start + a.start, start + a.end)
            for a in iter_amounts(clean[start : s.end()])
            if is_claimed(clean, start + a.start, start + a.end, bool(worked))
        ]
        if found:
            out += found
            parts.append(clean[found[0][0] : s.end()])
    return out, parts


def is_claimed(clean: str, start: int, end: int, worked: bool) -> bool:
    """Whether the amount at start:end of a checked sentence is the result or a step of the calculation checked
    (not a fact of the case); in a part said as worked out ("제가 계산해보니 …"), a bare amount is a step."""
    before, after = clean[max(0, start - 8) : start], clean[end : end + 10]
    if RESULT_BEFORE.search(before):
        return True
    if FACT_BEFORE.search(before) and (PREMISE_AFTER.match(after) or not STEP_AFTER.match(after)):
        return False
    return bool(STEP_AFTER.match(after) or STEP_BEFORE.search(before)) or worked


def drop_claimed(clean: str, reading) -> str:
    """Blank the checked figures of `clean`, mark their mentions, and say so in the reading."""
    from taxqa.tax.alignment import aligner  # clean is normalised ("작년" -> "2025년"): map back to the text

    spans, parts = claimed_spans(clean)
    heard = [span for span in heard_spans(clean) if not any(s < span[1] and span[0] < e for s, e in spans)]
    if heard:
        parts += [clean[slice(*sentence_at(clean, s))] for s, _ in heard]
        spans = sorted(spans + heard)
    if not spans:
        return clean
    to_text = aligner(clean, reading.text)
    for m in reading.mentions:
        if m.type in ("amount", "unreadable") and any(
            to_text(s) < m.end and m.start < to_text(e, end=True) for s, e in spans
        ):
            # like a figure taken back (taxqa.tax.corrections), no fact of the case: not placed, not asked about
            m.flags["claimed"] = m.flags["corrected"] = m.flags["context"] = True
            m.flags.pop("range", None)  # "8억 넘게 나온다는데": a bound of the figure heard, not of the case's
    words = ", ".join(f"'{clean[s:e].strip()}'" for s, e in spans)
    for s, e in spans:
        clean = clean[:s] + " " * (e - s) + clean[e:]
    reading.worked += parts  # the numbers of a checked calculation are no figures to ask about
    reading.assume(f"{josa(words, '은는')} 확인을 바라는 계산의 결과·과정 값으로 보고 계산의 입력에 넣지 않음")
    return clean


def sentence_at(clean: str, at: int) -> tuple[int, int]:
    """The span of the sentence of `clean` holding position `at`."""
    return next(m.span() for m in SENTENCE.finditer(clean) if m.start() <= at < max(m.end(), m.start() + 1))
