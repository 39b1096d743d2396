"""Figures a pasted chat log takes back: a later turn of the same speaker that says a figure before was wrong
("고객: 8억에 팔기로 했어요 / 고객: 아니다 8억은 처음 부른 거고 최종 7억 6천"). Kept apart from corrections.py,
which calls it last, for its size."""

from __future__ import annotations

import re

from taxqa.amounts import iter_amounts

# A pasted chat log: "상담원: …" / "고객: …" turns on their own lines
TURN = re.compile(r"(?m)^\s*(고객|손님|상담원|상담사|세무사|직원|질문자|문의자|나|저)\s*[:：]")
# a turn that opens by taking something back: "아니다 …", "아 죄송해요, …", "아 3천은 지난 기수 거였네요", "아 (1,200)
# 아니고 1,250이요" (its figure already blanked by CORRECTED)
# (not a bare 아니요 or 죄송한데: an answer "no" or a polite opening takes nothing back)
TURN_TAKES_BACK = re.compile(r"\s*(?:(?:아+|앗|아참|어)\s*[,.]?\s*)?(?:아니(?:다|고|라)|죄송|잘못|정정|헷갈|착각)")
# words that say the figure before them was wrong: "8억은 처음 부른 거고", "3천은 지난 기수 거였네요"
WAS_WRONG = re.compile(r"[^.,?!\n]{0,16}?(?:처음|지난|작년|잘못|아니|착각|예전|이전|틀렸|헷갈|거였|것이었|말고)")
# words in the turn itself that own a mistake: "아니다 제가 헷갈렸네요", "죄송해요 잘못 말했어요"
# a turn that adds a figure rather than replacing one: "아니다 그리고 상여 500도 있어요"
ADDED = re.compile(r"그리고|또한?\s|추가|도\s*(?:있|받|냈|들었|나왔)")
MISTAKE = re.compile(r"아니다|헷갈렸|착각|잘못|정정|틀렸|아니라|아니고")
TURN_OPENS = re.compile(r"\s*(?:아+|앗|아참|어)\s*[,.]?\s+(?=\d)")  # "아 3천은 …": an interjection, then a figure
TURN_FIGURE = re.compile(r"(?<![\d,.])\d[\d,.]*\s*(?:년|개월|달|일)(?![가-힣]{0,1}(?:에|부터|까지))")


def turns(text: str) -> list[tuple[str, int, int]]:
    """(speaker, start, end) of each turn of a pasted chat log; [] when the text is not one."""
    heads = list(TURN.finditer(text))
    if len(heads) < 2:
        return []
    return [
        (h.group(1), h.end(), heads[i + 1].start() if i + 1 < len(heads) else len(text)) for i, h in enumerate(heads)
    ]


def drop_chat_taken_back(clean: str, reading) -> str:
    """'고객: 8억에 팔기로 했어요 / 고객: 아니다 8억은 처음 부른 거고 최종 7억 6천에 계약했어요': a later turn of
    the same speaker that takes back a figure. A figure the taking-back turn repeats ("8억은", "3천은 지난 기수
    거였네요") is wrong wherever said; with none repeated, the one figure of that speaker's previous turn goes
    ("5개월쯤 뒤에 했어요 / 아니다 제가 헷갈렸네요. 수정신고한 날은 3월 10일"). Blanked, so positions stay."""
    said = turns(clean)
    for n, (who, start, end) in enumerate(said):
        body = clean[start:end]
        opens = TURN_OPENS.match(body)
        if not (TURN_TAKES_BACK.match(body) or opens):
            continue
        here = list(iter_amounts(body))
        before = [a for a in iter_amounts(clean[:start]) if any(a.value == b.value for b in here)]
        repeated = [b for b in here if any(a.value == b.value for a in before)]
        # "3천은 지난 기수 거였네요. 이번 기수 매입은 4,000만원": the repeated figure, then a new one
        topic = re.match(r"\s*(?:원)?\s*(?:은|는)", body[repeated[0].end :]) if repeated else None
        if topic and len(here) > len(repeated) and WAS_WRONG.match(body[repeated[0].end + topic.end() :]):
            wrong = {a.value for a in repeated}
            for a in [x for x in iter_amounts(clean[:end]) if x.value in wrong]:
                clean = clean[: a.start] + " " * (a.end - a.start) + clean[a.end :]
                reading.assume(f"'{a.text}'은 뒤에서 고쳐 말한 금액으로 보고 계산에서 뺌")
            for m in reading.mentions:
                if m.type == "amount" and m.value in wrong:
                    m.flags["corrected"] = True
            continue
        if opens or not (here or TURN_FIGURE.search(body) or re.search(r"\d{1,2}\s*월\s*\d{1,2}\s*일", body)):
            continue
        last = said[n - 1] if n else None  # the same speaker's turn just before, nothing asked between
        if last is None or last[0] != who or not MISTAKE.search(body) or ADDED.search(body):
            continue
        figures = list(iter_amounts(clean[last[1] : last[2]])) + list(TURN_FIGURE.finditer(clean[last[1] : last[2]]))
        if len(figures) != 1:
            continue
        f = figures[0]
        a, b = (f.start, f.end) if hasattr(f, "value") else f.span()
        a, b = last[1] + a, last[1] + b
        words = clean[a:b]
        clean = clean[:a] + " " * (b - a) + clean[b:]
        reading.assume(f"'{words.strip()}'은 다음 말에서 고쳐 말한 값으로 보고 계산에서 뺌")
        from taxqa.tax.alignment import aligner  # clean is normalised ("작년" -> "2025년"): map back to the text

        to_text = aligner(clean, reading.text)
        a, b = to_text(a), to_text(b, end=True)
        for m in reading.mentions:
            if m.start < b and a < m.end:
                m.flags["corrected"] = True
    return clean


def said_again(reading, unknown: re.Match) -> bool:
    """ "아니다 제가 헷갈렸네요": a past confusion owned in a chat turn whose figure was read as taken back,
    no fact unknown."""
    past = re.match(r"헷갈렸|착각했", reading.text[unknown.start() : unknown.start() + 3])
    return bool(past) and any("고쳐 말한" in a for a in reading.assumptions)
