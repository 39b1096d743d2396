"""A form's answers read as the sentences the readers take: a field answered no ("미성년자 여부: N",
"부정행위: X", "1세대1주택: 아니오", "장애: ✗") and a question-shaped label answered no on its line or
the next ("Q. 배우자 소득 있음? A. 아니요", "신고는 했나요?\n아니요") become a negated clause ("미성년자
여부 아님", "배우자 소득 없음", "신고 안 함"), so `negation.negated()` / `present()` see them like any other
negation; an emoji said as a no ("절대 🙅") is the word 없음. Before that, a form's other ways of giving
an answer are written as "label: answer": any separator between a label and its answer ("□ 배우자 생존 —
아니오", "자녀 → 2"), a ticked option among the listed ones ("( )예 (V)아니오", "[ ] 예 [x] 아니오"), an
inline self-answer without Q./A. marks ("고의? 아니요.", "남편 소득? 있어요"); a life verb negated with the
person as its subject ("생존해 계시지 않아요") is a death; an identifier ("#4471", "사번 2231") is no amount.
"""

from __future__ import annotations

import re

from taxqa.tax.family import KIN
from taxqa.tax.words import KOREAN_COUNTS, josa

# "N/A" is not applicable, said before "N" so that its "/A" is not left over
NO = r"(?:N/A|n/a|N\.A\.|N|No|NO|no|ㄴㄴ|無|X|x|×|✗|✘|❌|🙅\S*|아니오|아니요|아뇨|아니|비해당|미해당|해당\s*없음|해당\s*안\s*됨)"
LABEL = r"(?=[0-9]{0,3}[가-힣])[가-힣0-9][가-힣0-9 ·()]{0,24}?"
# "미성년자 여부: N", "부정행위 - X", "1세대1주택 = 아니오" at a line's start or after a field separator
FIELD_NO = re.compile(
    rf"(?m)(^|[,;/|])(\s*(?:[-•*□■▪◦①-⑳]|\d{{1,2}}[.)])?\s*)({LABEL})\s*[:：=\-]\s*({NO}|없음|없어요|없습니다)(?=\s*(?:$|[,.;/|(]|\s))"
)
# "Q. 배우자 소득 있음? A. 아니요", "고의였나요?\n아니요": a question then its no, on its line or the next
ASKED_NO = re.compile(
    rf"(?m)(^|[.!?？/|—]\s|\s-\s)(\s*(?:Q\d*\s*[.:)]\s*)?)([^\n?？]{{1,40}}?)\s*[?？]"
    rf"(?:\s*(?:A\d*\s*[.:)])\s*|[ \t]*(?=아니요|아니오|아뇨|없음|없어요|없습니다|No\b|NO\b|no\b|N\b|ㄴㄴ|無)|[ \t]*\n\s*(?:A\d*\s*[.:)]\s*)?)({NO}|없음|없어요|없습니다|없고)(?![가-힣A-Za-z])"
)
EMOJI_NO = re.compile(r"(?<=[가-힣\s])\s*(?:🙅|❌|🚫|⛔|🙅‍♂️|🙅‍♀️)[\u200d\ufe0f♂♀]*")
HAS = re.compile(
    r"\s*(?:있으신가요|있으세요|있으십니까|계신가요|계십니까|있음|있나요|있어요|있습니까|있었나요|있었어요|있었습니까|있니|있어|있는지|유무|여부)$"
)
DID = re.compile(
    r"\s*(?:하시나요|하십니까|하시는지|하세요|하나요|했나요|했어요|했습니까|하셨나요|하셨어요|하셨습니까|했니|했음|함|하였나요|했는지)$"
)
IS = re.compile(r"\s*(?:이었나요|였나요|인가요|이에요|예요|입니까|이야|임|이었어요|였어요|인지|이신가요|세요)$")


def _negated_clause(label: str, none: bool = False) -> str:
    """ "배우자 소득 있음" -> "배우자 소득 없음"; "신고는 했나요" -> "신고 안 함"; "고의였나요" -> "고의 아님"."""
    label = label.strip()
    if re.search(r"생존(?:\s*여부)?$", label):  # "배우자 생존: 아니오": no surviving spouse
        return re.sub(r"\s*생존(?:\s*여부)?$", "", label) + " 없음"
    if HAS.search(label):
        return HAS.sub("", label) + " 없음"
    if DID.search(label):
        core = re.sub(r"(?<=[가-힣])(?:은|는|을|를|도)$", "", DID.sub("", label))
        return core + " 안 함"
    return IS.sub("", label) + (" 없음" if none else " 아님")  # "Q. 자녀? A. 없음": 자녀 없음


# "[티켓 #4471]", "사번 2231", "접수번호: 2024-118", "No. 52": an identifier, never an amount
IDENT = re.compile(
    r"#\s?\d[\d-]*|(?<![가-힣])No\.\s?\d[\d-]*|"
    r"((?:사번|사원번호|(?:접수|민원|관리|주문|사건|상담|문의|티켓|등록|고객|회원|전화)\s*번호|번호)\s*[:：]?\s*)\d[\d-]*(?![\d,.]*\s*[천백십만억조원%])"
)
# "00:00:01,000 --> 00:00:03,000", "12:30:05": a clock time or a subtitle's timestamp, never an amount
CLOCK = re.compile(r"(?<![\d:])\d{1,2}:\d{2}:\d{2}(?:[,.]\d{1,3})?(?![\d:])(?:\s*-->\s*)?")
# "□ 배우자 생존 — 아니오", "• 자녀 수 -> 2": a line's label, a dash or an arrow, then its answer
DASHED = re.compile(r"(?m)^(\s*)(?:[□■☐▪▫◦○●✔✓]\s*)?([가-힣][가-힣0-9 ·()]{0,24}?)\s+(?:—|–|―|->|=>|→|⇒|➡)\s*(?=\S)")
TICK = r"(?:\(\s*[VvXxOo✓✔√]\s*\)|\[\s*[VvXxOo✓✔√]\s*\]|[☑☒■✅✔✓●])"
BLANK = r"(?:\(\s*\)|\[\s*\]|[□☐○])"
OPTION = r"[가-힣A-Za-z]{1,6}"
# "1세대1주택 여부 ( )예 (V)아니오": of the options listed, the ticked one is the answer
TICKED = re.compile(
    rf"[ \t]*:?[ \t]*(?:(?:{BLANK}\s*{OPTION}\s*)+{TICK}\s*({OPTION})(?:\s*{BLANK}\s*{OPTION})*"
    rf"|{TICK}\s*({OPTION})(?:\s*{BLANK}\s*{OPTION})+)(?![가-힣A-Za-z])"
)
# "- [ ] 장애인  [ ] 한부모": a checklist's box left blank before a label (after the options above were read):
# the item does not apply; a ticked one ("[x] 세대생략") is left to say itself
UNTICKED = re.compile(
    rf"(?m)((?:^[ \t]*(?:[-•*][ \t]*)?|[ \t]{{2,}}|[,/][ \t]*)){BLANK}[ \t]*"
    rf"(?!(?:예|아니오|아니요|유|무|네|있음|없음)(?![가-힣]))([가-힣][가-힣0-9·]{{0,11}}(?: [가-힣0-9·]{{1,8}}){{0,2}}?)"
    rf"(?=[ \t]*(?:$|{BLANK}|{TICK}|[,/]))"
)
# "고의? 아니요." "남편 소득? 있어요": a question-shaped label answered on the same line, no Q./A. marks
INLINE = re.compile(
    r"(?m)(^|[.!,/|—]\s*|[?？]\s+|\s-\s)([가-힣][가-힣0-9 ]{0,14}?)\s*[?？]\s*"
    r"(아니요|아니오|아뇨|없음|없어요|없습니다|있음|있어요|있습니다|있고|예|네)(?![가-힣A-Za-z])"
)
# "어머니도 생존해 계시지 않아요", "아버지는 살아 계시지 않고": a negated life verb is a death
NOT_ALIVE = re.compile(r"(?:생존해|생존하여|살아)\s*(?:계시|있)지\s*(?:않|못)[가-힣]*|생존하지\s*(?:않|못)[가-힣]*")


def _inline(m: re.Match) -> str:
    label, said = m[2].strip(), m[3]
    if said.startswith("있") or said in ("예", "네"):
        return f"{m[1]}{HAS.sub('', label)} 있음"
    return f"{m[1]}{label}? {said}"  # a no is read by ASKED_NO below


# "Yes", "ㅇㅇ", "有" as a yes; "無" as a no: the answer words the rules below know
YES_WORDS = re.compile(r"(?<![A-Za-z])(?:Yes|YES|yes)(?![A-Za-z])|(?<![ㄱ-ㅎ])ㅇㅇ(?![ㄱ-ㅎ])|有")
STATEMENT_YES = re.compile(
    r"(?<=[가-힣](?:심|음|함|됨|임|봄|줌|옴|요|다))\s+(?:ㅇㅇ|Yes|YES|yes|예|네)(?![가-힣A-Za-z])\s*[.!]?"
)
# "부양하시나요(아니요)": a question-shaped label with its answer in parentheses right after it
PAREN_ANSWER = re.compile(
    r"([가-힣](?:나요|가요|까요|습니까|ㅂ니까|세요|니|는지|여부))\s*\(\s*"
    r"(아니요|아니오|아뇨|없음|없어요|예|네|있음|있어요|Yes|No|YES|NO|ㅇㅇ|ㄴㄴ)\s*\)"
)
# "예☐ 아니오☑": each option followed by its box; the ticked one is the answer
TICKED_AFTER = re.compile(
    rf"[ \t]*:?[ \t]*(?:{OPTION}\s*{BLANK}\s*)*({OPTION})\s*{TICK}(?:\s*{OPTION}\s*{BLANK})*(?![가-힣A-Za-z])"
)


# "(있다 / 없다✔)", "(✔예 / 아니오)": options listed with a separator, one ticked, no boxes
OPTION_LIST = re.compile(rf"\(\s*(?:{TICK}?\s*{OPTION}\s*{TICK}?\s*[/|,·]\s*)+{TICK}?\s*{OPTION}\s*{TICK}?\s*\)")
# "(예/아니오 중 택1) 아니오": the options listed between a question and its answer say nothing
OPTIONS_THEN_ANSWER = re.compile(
    rf"\(\s*{OPTION}(?:\s*[/|,·]\s*{OPTION})+\s*(?:중\s*)?(?:택\s*1|하나(?:\s*선택)?|선택)?\s*\)\s*"
    r"(?=(?:아니요|아니오|아뇨|없음|없어요|있음|있어요|예|네|Yes|No|ㅇㅇ|ㄴㄴ)(?![가-힣A-Za-z]))"
)
# "1. 판 금액 ▶ 6억": a numbered line's label, an arrow, then its answer ("2.5억 (모친→본인)" is a decimal, no label)
NUMBERED_ARROW = re.compile(r"(?m)^(\s*)\d{1,2}\s*[.)](?!\d)\s*([가-힣0-9][가-힣0-9 ·()]{0,24}?)\s*[▶►➡→⇒]\s*(?=\S)")
# "근속이 스무 해", "서른 해 동안": years in native Korean tens
NATIVE_YEARS = re.compile(
    r"(?<![가-힣])(스무|스물|열|서른|마흔|쉰)\s*(하나|한|둘|두|셋|세|넷|네|다섯|여섯|일곱|여덟|아홉)?\s+해(?=[요\s,.동를니간]|$)"
)
# "지닌 해 여섯 해니", "다섯 해 동안": years in native ones alone ("한 해" is left: "한 해 매출" is a year's)
NATIVE_YEARS_ONES = re.compile(r"(?<![가-힣])(두|세|다섯|여섯|일곱|여덟|아홉)\s+해(?=[요\s,.동를니간]|$)")
NATIVE_YEAR_TENS = dict(스무=20, 스물=20, 열=10, 서른=30, 마흔=40, 쉰=50)
NATIVE_YEAR_ONES = dict(하나=1, 한=1, 둘=2, 두=2, 셋=3, 세=3, 넷=4, 네=4, 다섯=5, 여섯=6, 일곱=7, 여덟=8, 아홉=9)


# a ticked 유/무 option is the yes or no of a "유무" field: "자녀 (유 / 무✓)" has no child
PRESENCE = dict(유="있음", 무="없음")


def _ticked_option(m: re.Match) -> str:
    options = [o.strip() for o in re.split(r"[/|,·]", m[0].strip("() "))]
    ticked = [re.sub(TICK, "", o).strip() for o in options if re.search(TICK, o)]
    return f": {PRESENCE.get(ticked[0], ticked[0])}" if len(ticked) == 1 and ticked[0] else m[0]


ENGLISH_COUNT = dict(one=1, two=2, three=3, four=4, five=5, six=6)
ENGLISH_PERSON = dict(spouse="배우자", wife="배우자", husband="배우자", father="아버지", dad="아버지", mother="어머니",
                      mom="어머니")  # fmt: skip
N = r"(\d{1,2}|one|two|three|four|five|six)"


def _count(word: str) -> int:
    return int(word) if word.isdigit() else ENGLISH_COUNT.get(word.lower(), KOREAN_COUNTS.get(word, 0))


# a parent's state said in English after the person: "my father is alive", "dad passed", "mom still w/ us"
ENGLISH_STATES = (
    (r"\s+is\s+(?:still\s+)?(?:alive|living)", "살아계세요"),
    (r"\s+(?:has\s+|had\s+)?(?:passed(?:\s+away)?|died)", "돌아가셨어요"),
    (r"(?:'s|\s+is)?\s+still\s+(?:w/\s*us|with\s+us|around|here|alive|living)", "살아계세요"),
)


def heir_phrases(text: str) -> str:
    """Heirs said in English or as a phrase, in the words the family rules read: "Spouse alive? Yes",
    "My father is alive.", "Kids: 3", "Two of us kids", "어머니와 우리 셋" (the asker and siblings are children)."""
    person = "|".join(ENGLISH_PERSON)
    text = re.sub(
        rf"(?i)(?<![A-Za-z])({person})\s+(?:is\s+)?(?:alive|living)\s*\?\s*(yes|no)(?![A-Za-z])",
        lambda m: f"{ENGLISH_PERSON[m[1].lower()]} {'생존' if m[2].lower() == 'yes' else '없음'}",
        text,
    )
    for state, said in ENGLISH_STATES:
        text = re.sub(
            rf"(?i)(?<![A-Za-z])(?:my\s+)?({person}){state}(?![A-Za-z])",
            lambda m, said=said: f"{ENGLISH_PERSON[m[1].lower()]}는 {said}",
            text,
        )
    text = re.sub(
        rf"(?i)(?<![A-Za-z])(?:kids|children|child)\s*[:：]\s*(\d{{1,2}})(?!\d)|(?<![A-Za-z]){N}\s+"
        r"(?:of\s+us(?:\s+(?:kids|children|siblings))?|kids|children|sons|daughters)(?![A-Za-z])",
        lambda m: f"자녀 {_count(m[1] or m[2])}명",
        text,
    )
    return re.sub(
        r"(어머니|아버지|엄마|아빠)(와|과|랑|하고)\s*우리\s*(둘|셋|넷|다섯|여섯|\d)(?:\s*명)?(?![가-힣])",
        lambda m: f"{m[1]}{m[2]} 자녀 {_count(m[3])}명",
        text,
    )


def answer_words(text: str) -> str:
    """The answer vocabulary of forms in other scripts and orders, in the words the rules below read;
    run before the blank-box rule of `words.plain_forms`, which would drop an option ticked after it."""
    text = heir_phrases(text)
    text = NATIVE_YEARS.sub(lambda m: f"{NATIVE_YEAR_TENS[m[1]] + NATIVE_YEAR_ONES.get(m[2] or '', 0)}년", text)
    text = NATIVE_YEARS_ONES.sub(lambda m: f"{NATIVE_YEAR_ONES[m[1]]}년", text)
    text = NUMBERED_ARROW.sub(lambda m: f"{m[1]}{m[2]}: ", text)
    text = OPTION_LIST.sub(_ticked_option, text)
    text = OPTIONS_THEN_ANSWER.sub("", text)
    text = PAREN_ANSWER.sub(r"\1? \2", text)
    text = TICKED_AFTER.sub(lambda m: f": {m[1]}" if re.search(BLANK, m[0]) else m[0], text)
    text = re.sub(r"(?<![ㄱ-ㅎ])ㄴㄴ(?![ㄱ-ㅎ])", "아니요", text)
    text = re.sub(r"(?<=[\s:：?？])無(?![가-힣])", "없음", text)
    # "할머니가 주심 ㅇㅇ 엄마아빠 살아계심 ㅇㅇ": a yes after a statement confirms it and ends its clause
    text = STATEMENT_YES.sub(".", text)
    return YES_WORDS.sub("예", text)


# "챗봇: 보유 기간을 알려주세요 / 사용자: 7년 하고 반년 정도요": a span answering a question for a period is that period
ASKED_SPAN = re.compile(
    r"(보유|거주|근속|근무)\s*(?:기간|연수)[^/\n?？.!\d]{0,14}?(?:[?？.!]|요)\s*(?:/|\n)?\s*(?:[가-힣A-Za-z]{1,6}\s*[:：]\s*)?"
    r"(?=(?:약|대략|한|딱|정확히|꼭|만)?\s*\d{1,2}\s*년)"
)


# "아빠: 내가 너희 엄마한테 5억 넘겨줄 생각이다": in a turn labelled with a relative, "내가" is that relative
SPEAKER_TURN = re.compile(
    r"(?:^|(?<=[/\n\]]))\s*(아빠|엄마|아버지|어머니|할머니|할아버지|할미|할배|할매|삼촌|이모|고모|외삼촌|큰아버지|작은아버지|형|누나|오빠|언니|동생)"
    r"\s*[:：]\s*(내가|제가)(?=\s)"
)


# "할아버지: 손녀야 이건 그냥 주는 거다, 8천!": a relative's turn calling a relative by name gives to them
VOCATIVE_TURN = re.compile(
    rf"{SPEAKER_TURN.pattern[: SPEAKER_TURN.pattern.index('(내가|제가)')]}(손녀|손자|손주|아들|딸|조카)(?:야|아)(?=[\s,!.])"
)


# values listed, then their labels in the same order ("6억, 4억, 5년. 판 값, 산 값, 보유기간 순서예요"), or the labels
# first ("매출, 매입 순서로 1억, 6천"): each value is written after its own label, so the readers see "판 값 6억"
VALUE = r"[\d][\d,.]*\s*(?:억|천|백|만|원|년|개월|일|%)[\d억천백만원\s]*?"
NAME = r"[가-힣][가-힣 ]{0,9}?"
SAID_ORDER = r"\s*(?:의\s*)?(?:순서|순)\s*(?:예요|이에요|입니다|이야|임|대로|으로|로)?"
VALUES_THEN_NAMES = re.compile(
    rf"((?:{VALUE}\s*,\s*){{1,3}}{VALUE})\s*[.:—–-]?\s*((?:{NAME}\s*,\s*){{1,3}}{NAME}){SAID_ORDER}"
)
NAMES_THEN_VALUES = re.compile(
    rf"((?:{NAME}\s*,\s*){{1,3}}{NAME}){SAID_ORDER}\s*[:,]?\s*((?:{VALUE}\s*,\s*){{1,3}}{VALUE})"
)


def _paired(names: str, values: str, whole: str) -> str:
    names_, values_ = (
        [n.strip() for n in names.split(",")],
        [v.strip() for v in re.split(r",(?!\d{3}(?!\d))", values)],
    )  # "1,200만원, 800만원"
    if len(names_) != len(values_):
        return whole
    return ", ".join(f"{n} {v}" for n, v in zip(names_, values_, strict=True))


def said_in_order(text: str) -> str:
    text = VALUES_THEN_NAMES.sub(lambda m: _paired(m[2], m[1], m[0]), text)
    return NAMES_THEN_VALUES.sub(lambda m: _paired(m[1], m[2], m[0]), text)


# a scanned form's letters spaced apart ("증 여 계 약 서 / 증여자 : 어 머 니"): three or more single syllables joined
# when the word they make is a relative or a tax word ("집 두 채 중" stays four words)
SPACED = re.compile(r"(?<![가-힣])((?:[가-힣] ){2,}[가-힣])(?![가-힣])")
SPACED_WORDS = re.compile(r"증여|상속|양도|소득|근로|퇴직|부가|계약|신고|영수증|원천|징수|과세|가산세|법인")


def spaced_letters(text: str) -> str:
    def joined(m: re.Match) -> str:
        word = m[1].replace(" ", "")
        return word if KIN.fullmatch(word) or SPACED_WORDS.search(word) else m[0]

    return SPACED.sub(joined, text)


def form_answers(text: str) -> str:
    text = said_in_order(spaced_letters(CLOCK.sub("", text)))
    text = VOCATIVE_TURN.sub(lambda m: f"{m[0][: m.start(2) - m.start(0)]}{josa(m[1], '이가')} {m[2]}에게", text)
    text = SPEAKER_TURN.sub(lambda m: f"{m[0][: m.start(2) - m.start(0)]}{josa(m[1], '이가')}", text)
    text = ASKED_SPAN.sub(lambda m: f"{m[0]}{m[1]} ", text)
    text = IDENT.sub("", text)  # the label too: "사원번호" read alone is 사(4)원
    text = DASHED.sub(lambda m: f"{m[1]}{m[2]}: ", text)
    text = TICKED.sub(lambda m: f": {m[1] or m[2]}", text)
    text = UNTICKED.sub(lambda m: f"{m[1]}{m[2].strip()} 해당 없음", text)
    text = NOT_ALIVE.sub("돌아가셨어요", text)
    # "자녀 수: 2", "상속인 수 - 3": a count of people given as a bare number
    text = re.sub(
        r"(자녀|자식|아이|상속인|부양가족|형제|손자녀)\s*수\s*[:：]\s*(\d{1,2})(?![\d명인.,])", r"\1 \2명", text
    )
    # "배우자: 소득 있음": a person's field answered with their income is the person's income clause
    text = re.sub(r"([가-힣]{1,6})\s*[:：]\s*(?=소득\s*(?:있|없|X|O|유|무))", r"\1 ", text)
    return INLINE.sub(_inline, text)


def field_answers(text: str) -> str:
    text = EMOJI_NO.sub(" 없음", form_answers(text))
    text = ASKED_NO.sub(lambda m: f"{m[1]}{_negated_clause(m[3], m[4].startswith('없'))}", text)
    return FIELD_NO.sub(lambda m: f"{m[1]}{m[2]}{_negated_clause(m[3], m[4].startswith('없'))}", text)
