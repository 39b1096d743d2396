"""Korean words the question readers share: clauses, amounts next to a keyword, counts, particles.

The kind modules' readers (gift.py, inheritance.py, ...) build on these; `taxqa.tax.reading`
dispatches a question to them.
"""

from __future__ import annotations

import re

from taxqa.amounts import AmountMention, iter_amounts

CLAUSE_MARKS = ",.?!\n"
KOREAN_COUNTS = {
    "한": 1, "하나": 1, "두": 2, "둘": 2, "세": 3, "셋": 3, "석": 3, "네": 4, "넷": 4, "넉": 4,
    "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10,
}  # fmt: skip
COUNT_WORD = r"\d{1,2}|하나|다섯|여섯|일곱|여덟|아홉|한|두|둘|세|셋|석|네|넷|넉|열"


def count_value(word: str) -> int:
    """'3' -> 3, '셋' -> 3, '두' -> 2."""
    return int(word) if word.isdigit() else KOREAN_COUNTS[word]


# a mark that ends a clause: not the point of "1.5억" nor the comma of "1,500,000"
CLAUSE_END = re.compile(r"[?!\n]|[.,](?!\d)|(?<=\s)/(?=\s)")  # " / ": the fields of a memo line


def clause_of(text: str, start: int, end: int) -> str:
    """The clause around a span: from the last , . ? ! or newline before it to the next one after."""
    left = max([m.end() for m in CLAUSE_END.finditer(text, 0, start)] or [0])
    right = CLAUSE_END.search(text, end)
    return text[left : right.start() if right else len(text)]


PAST = "".join(chr(0xAC00 + i * 28 + 20) for i in range(19 * 21))  # every syllable ending in ㅆ: 았 었 줬 샀 ...
PART_MARKS = r"[?!\n]|[,.](?!\d)|는데|지만|[" + PAST + r"]고\s|(?<=[가-힣])고\s(?=[가-힣]*(?:이번|올해|지금|또))"


def part_of(text: str, start: int, end: int) -> str:
    """The part of a sentence around a span, split also at '...는데', '...했고' (a clause of a clause)."""
    left = max([m.end() for m in re.finditer(PART_MARKS, text[:start])] or [0])
    right = re.search(PART_MARKS, text[end:])
    return text[left : end + right.start() if right else len(text)]


def window_before(text: str, start: int, width: int = 25) -> str:
    """Up to `width` characters before `start`, not reaching back past the clause start."""
    left = max([m.end() for m in CLAUSE_END.finditer(text, 0, start)] or [0])
    return text[max(left, start - width) : start]


def amounts(text: str) -> list[AmountMention]:
    return list(iter_amounts(text))


def amount_near(text: str, pattern: str, rivals: str = "") -> AmountMention | None:
    """The first amount whose nearest preceding keyword (within its clause) matches `pattern`, not `rivals`.

    A keyword right after the amount ("1억원의 매출") counts when none comes before it."""
    for a in iter_amounts(text):
        window = window_before(text, a.start)
        hits = [(m.end(), True) for m in re.finditer(pattern, window)]
        hits += [(m.end(), False) for m in re.finditer(rivals, window)] if rivals else []
        if hits and max(hits)[1]:
            return a
        if not hits:
            # not across a line ("240만\n건강보험: 230만": the next line's label names the next value)
            after = re.match(r"[ \t]*(?:원)?[ \t]*(?:의|어치|짜리)?[ \t]*(\S{0,8})", text[a.end :])
            # not "국민연금 225 건강보험 등 190": a keyword followed by its own amount labels that one
            labels_next = after and re.match(
                r"\S{0,4}\s*(?:등\s*)?\d(?![\d,.]*\s*[월년일])", text[a.end + after.end() :]
            )
            if after and re.match(pattern, after.group(1)) and not (rivals and re.match(rivals, after.group(1))):
                if not labels_next:
                    return a
    return None


def has_batchim(word: str) -> bool:
    last = word[-1]
    return "가" <= last <= "힣" and (ord(last) - 0xAC00) % 28 != 0


DIGIT_BATCHIM = "013678"  # 영 일 삼 육 칠 팔 (and 십 백 천 for a trailing 0) end in a consonant


def josa(word: str, pair: str) -> str:
    """`word` with the particle of `pair` ('이가', '을를', '은는', '과와') that fits how its end is said (closing
    brackets and quotes passed over, a digit as its Korean name): '증여세' + '은는' -> '증여세는', "'3억'" + '을를'
    -> "'3억'을", "'2,500'" + '이가' -> "'2,500'이"; an end with no Korean reading keeps both: "'ISA'을(를)"."""
    last = word.rstrip(")'\"’” ")[-1:]
    if last.isdigit():
        return word + (pair[0] if last in DIGIT_BATCHIM else pair[1])
    if not "가" <= last <= "힣":
        return f"{word}{pair[0]}({pair[1]})"
    return word + (pair[0] if has_batchim(last) else pair[1])


def quoted(words: str, pair: str) -> str:
    """Words quoted in a flag with the particle that fits them: '4억'을, '판'과, '2,500'이."""
    return josa(f"'{words}'", pair)


def from_particle(word: str) -> str:
    """'부모님' -> '부모님으로부터', '친구' -> '친구로부터', '딸' -> '딸로부터' (ㄹ takes 로)."""
    rieul = has_batchim(word) and (ord(word[-1]) - 0xAC00) % 28 == 8
    return word + ("으로부터" if has_batchim(word) and not rieul else "로부터")


SINO = {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9}
SINO_UNITS = {"십": 10, "백": 100, "천": 1000}


def sino_number(word: str) -> int:
    """'이십' -> 20, '오천' -> 5000, '천' -> 1000."""
    total, digit = 0, 0
    for ch in word:
        if ch in SINO:
            digit = SINO[ch]
        else:
            total += (digit or 1) * SINO_UNITS[ch]
            digit = 0
    return total + digit


# full-width digits and signs ("１억５천") and hanja units ("8千萬원", "1億") as the readers write them
WIDE = {
    **{0xFF10 + i: str(i) for i in range(10)},
    0xFF0C: ",",
    0xFF0E: ".",
    0xFF05: "%",
    ord("億"): "억",
    ord("萬"): "만",
    ord("千"): "천",
    ord("百"): "백",
    ord("圓"): "원",
    ord("￦"): "₩",
}


def plain_digits(text: str) -> str:
    """Full-width digits as ASCII; keycap emoji ("1️⃣") are list marks, not digits of an amount; an amount in
    Chinese numerals ("金 壹億伍阡萬원整") in digits."""
    return re.sub(r"[0-9#*]\ufe0f?\u20e3", " ", HANJA_SUM.sub(hanja_amount, text).translate(WIDE))


HANJA_DIGITS = dict(zip("一二三四五六七八九壹貳參肆伍陸柒捌玖弐参", [1, 2, 3, 4, 5, 6, 7, 8, 9] * 2 + [2, 3]))
HANJA_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "阡": 1000, "仟": 1000}
HANJA_BIG = {"萬": 10**4, "万": 10**4, "億": 10**8, "兆": 10**12}
# the formal way of writing a sum on a deed or receipt: "金 壹億伍阡萬원整", "一千萬원"
HANJA_SUM = re.compile(
    r"(?<![\d０-９])(?:金\s*)?(?<![\d０-９])([一二三四五六七八九壹貳參肆伍陸柒捌玖弐参十拾百佰千阡仟萬万億兆]{2,})\s*(원)?\s*(?:整|정)?"
)


def hanja_amount(m: re.Match) -> str:
    total = section = digit = 0
    for ch in m[1]:
        if ch in HANJA_DIGITS:
            digit = HANJA_DIGITS[ch]
        elif ch in HANJA_SMALL:
            section, digit = section + (digit or 1) * HANJA_SMALL[ch], 0
        else:
            total, section, digit = total + (section + digit or 1) * HANJA_BIG[ch], 0, 0
    value = total + section + digit
    if not any(ch in HANJA_BIG or ch in HANJA_SMALL for ch in m[1]) or m.string[m.start() - 1 : m.start()] == "(":
        return m[0]  # digits alone are no sum; "일억(壹億)원": a restatement, dropped by plain_words
    from taxqa.amounts import format_won

    return format_won(value) if m[2] or "金" in m[0] else format_won(value)[:-1]


NATIVE_TENS = dict(열=10, 스물=20, 서른=30, 마흔=40, 쉰=50, 예순=60, 일흔=70, 여든=80, 아흔=90)
NATIVE_ONES = dict(하나=1, 한=1, 둘=2, 두=2, 셋=3, 세=3, 넷=4, 네=4, 다섯=5, 여섯=6, 일곱=7, 여덟=8, 아홉=9)
NATIVE_AGE = re.compile(
    r"(?P<age>나이\S{0,2}\s*)?(?<![가-힣])(?P<tens>열|스물|서른|마흔|쉰|예순|일흔|여든|아흔)\s*"
    r"(?P<ones>하나|다섯|여섯|일곱|여덟|아홉|둘|셋|넷|한|두|세|네)?(?:\s*(?P<unit>살|세))?"
)


# a child's age in native ones: "여섯 살이야", "세 살" (not 살림)
NATIVE_ONES_AGE = re.compile(r"(?<![가-힣])(한|두|세|네|다섯|여섯|일곱|여덟|아홉)\s*살(?!림)")


def native_age(m: re.Match) -> str:
    """'나이는 일흔 둘', '마흔다섯 살': an age in native Korean numbers as digits ('72세')."""
    # "집사람은 일흔둘인데", "어머니 여든셋이세요": an age said with a copula, no 살 or 나이
    copula = m["ones"] and re.match(
        r"\s*(?:이고|이에요|이예요|이요|인데|이며|이신|이세요|이셔|이십니다|입니다)", m.string[m.end() :]
    )
    # "친정엄마(일흔셋, 소득 없으심)": an age in the brackets after a person
    copula = copula or (m["ones"] and m.string[: m.start()].endswith("(") and re.match(r"\s*[,)]", m.string[m.end() :]))
    if not (m["age"] or m["unit"] or copula):
        return m[0]
    n = NATIVE_TENS[m["tens"]] + NATIVE_ONES.get(m["ones"] or "", 0)
    return f"{m['age'] or ''}{n}세"


ENGLISH_LABELS = (("deceased", "피상속인"), ("heirs?", "상속인"), ("estate", "상속재산"), ("from", "증여자"),
                  ("to", "수증자"), ("amount", "금액"), ("salary", "총급여"), ("sales", "매출"))  # fmt: skip
ENGLISH_TAXES = (("gift", "증여세"), ("inheritance", "상속세"), (r"capital\s*gains?", "양도소득세"))
ENGLISH_FAMILY = ((r"my\s+(?:brother|sister)s?", "형제"), (r"me", "저"), (r"my\s+(?:mom|mother)", "어머니"),
                  (r"my\s+(?:dad|father)", "아버지"), (r"my\s+(?:son|daughter|child)", "자녀"),
                  # "wife 한국 사람, 일 안 해요. children 없어요": a foreigner's family words among Korean ones
                  (r"(?:my\s+)?wife", "아내"), (r"(?:my\s+)?husband", "남편"), (r"children|kids", "자녀"),
                  (r"father|dad", "아버지"), (r"mother|mom", "어머니"),
                  # "estate가 … total 18억", "loan이 2억", "passed away 하셨어요": English words among Korean ones
                  (r"estate", "상속재산"), (r"heirs?", "상속인"), (r"total", "합계"), (r"loans?|debts?", "대출"),
                  (r"passed\s+away\s*(?:하셨|했)", "돌아가셨"))  # fmt: skip
PARTICLE_PAIRS = {
    "은": "은는",
    "는": "은는",
    "이": "이가",
    "가": "이가",
    "을": "을를",
    "를": "을를",
    "과": "과와",
    "와": "과와",
}
# (a short form as a regex, the full word): "총급 5.4천 … 기납 310 결세?" is a 연말정산 note in shorthand
ABBREVIATIONS = (
    ("증재공", "증여재산공제"),
    ("연정", "연말정산"),
    ("총급(?!여)", "총급여"),
    ("기납(?!부)", "기납부세액"),
    ("결세", "결정세액"),
    ("신카(?!드)", "신용카드"),  # "신카·현영 발행금액": a bookkeeper's card and cash-receipt sales
    (r"(?:(?<=카드[·,/+ ])현영|현영(?=\s*(?:발행|발급|매출)))", "현금영수증"),  # not the given name 현영 alone
)
HANJA_AMOUNT = (
    r"\((?=[^)]*[壹貳參肆伍陸柒捌玖拾佰仟萬億])[壹貳參肆伍陸柒捌玖拾佰仟萬億一二三四五六七八九十百千万억만천]+\)"
)


# "애들 아빠가", "우리 애 엄마한테": a parent naming the children's other parent names the asker's spouse
CHILDS_PARENT = re.compile(
    r"(?<![가-힣])(?:우리\s*|울\s*)?(?:애들|애|아이들|아이|애기|아기|얘들|딸|아들)\s*(아빠|아버지|엄마|어머니)"
    r"(가|는|를|랑|와|도|의|한테|에게|께서)?(?![가-힣])(?!\s*(?:아빠|엄마|아버지|어머니))"  # not "아기 엄마 아빠 다": both
)
SPOUSE_PARTICLE = {"가": "이", "는": "은", "를": "을", "랑": "이랑", "와": "과"}


def spouse_word(m: re.Match) -> str:
    husband = m[1] in ("아빠", "아버지")
    particle = m[2] or ""
    return ("남편" + SPOUSE_PARTICLE.get(particle, particle)) if husband else ("아내" + particle)


# "시아버지 될 분이", "장모 되실 분께": a relative-to-be named by the word of the relation
TO_BE = re.compile(
    r"(시아버지|시어머니|시부모님?|장인(?:어른)?|장모님?|시누이|처남|처제|며느리|사위)\s*(?:이\s*)?(?:될|되실)\s*(?:분|사람)"
    r"(이|가|께서|은|는|께|한테|에게)?(?![가-힣])"
)


def to_be(m: re.Match) -> str:
    word, particle = m[1], m[2] or ""
    if particle in ("이", "가"):
        return josa(word, "이가")
    if particle in ("은", "는"):
        return josa(word, "은는")
    return word + particle


def plain_words(text: str) -> str:
    """Words the readers know for words they do not: a hanja restatement in brackets dropped ("일억(壹億)원",
    "상(喪)"), a one-letter hanja name dropped ("처 乙 및 자녀 丙·丁"), English field labels and tax names
    ("heirs:", "Gift tax"), and abbreviations (증재공, 연정)."""
    text = re.sub(HANJA_AMOUNT, "", text)
    text = re.sub(r"(?<=[가-힣])\s?\([\u4e00-\u9fff]{1,4}\)", "", text)  # "상(喪)을 치렀습니다": a word's hanja gloss
    text = re.sub(r"(?<=[가-힣\s·])[甲乙丙丁戊己庚辛](?=[\s·,)의은는이가와과에]|$)", "", text)
    for label, korean in ENGLISH_LABELS:  # "deceased: 아버지", "heirs: …", "amount: 7천만원"
        text = re.sub(rf"(?im)^(\s*(?:[-*]\s*)?){label}\s*:", rf"\1{korean}:", text)
    for english, korean in ENGLISH_TAXES:
        text = re.sub(rf"\b{english}\s*tax\b", korean, text, flags=re.I)  # "Gift tax 얼마?"
    for english, korean in ENGLISH_FAMILY:  # "상속인: my mom, me and my brother"; "heirs는" -> "상속인은"
        text = re.sub(
            rf"(?i)(?<![A-Za-z]){english}(?![A-Za-z])\s?(은|는|이|가|을|를|과|와)?",
            lambda m, k=korean: josa(k, PARTICLE_PAIRS[m[1]]) if m[1] else k + m[0][len(m[0].rstrip()) :],
            text,
        )
    text = CHILDS_PARENT.sub(spouse_word, text)
    text = TO_BE.sub(to_be, text)
    for short, full in ABBREVIATIONS:
        text = re.sub(rf"(?<![가-힣]){short}(?![가-힣]{{2}})", full, text)
    return text


SPACED_TOKEN = re.compile(r"[가-힣\d]")
MILLIONS = re.compile(r"(?<![\w.,])(\d[\d,]*(?:\.\d+)?)\s*(mn|million|bn|billion)(?![A-Za-z])", re.I)
CJK_UNITS = str.maketrans({"万": "만", "億": "억", "円": "엔"})
SHORT_FAMILY = {"처": "배우자", "자": "자녀", "부": "아버지", "모": "어머니"}


def family_words(words: str) -> str:
    """A dependents list in shorthand with each one-letter family word written out ("처, 자1" -> "배우자, 자녀1")."""
    return re.sub(r"(?<![가-힣])([처자부모])(?![가-힣])", lambda k: SHORT_FAMILY[k[1]], words)


# a parent's or a relative's word and its subject or "to" particle written together with the next word
GLUED_GIVER = re.compile(
    r"(?<![가-힣])((?:외|친|시|큰|작은)?(?:엄마|아빠|어머니|아버지|어머님|아버님|할머니|할아버지|삼촌|이모|고모|외삼촌|"
    r"장인어른|장모님|시아버지|시어머니)(?:가|께서|한테|에게|께))(?=[가-힣]{2})"
)


PHONE = re.compile(
    r"(?<![\d,.\-])(?:01[016789]|0[2-6]\d?)[-. ][\dxX*○]{3,4}[-. ]\d{0,3}[\dxX*○]{1,4}(?![\dxX]|[,.]\d)"
)  # "010-2290-31xx"


def glued_numbers(line: str) -> str:
    """'중학생아들한테3천만원주면증여세나와요': a line typed with hardly a space, a space put before each number
    that follows a word and after each amount that a word (not a particle) follows."""
    if len(line) < 12 or line.count(" ") > len(line) / 12:
        return line
    line = re.sub(r"(?<![제초중고])(?<=[가-힣])(?=\d)(?!\d*\s*세대)", " ", line)  # not 제59조, 중3, 1세대
    return re.sub(
        r"(?<=[\d억만천]원)(?=[가-힣])(?!을|를|이|가|은|는|에|의|도|만|씩|으로|로|과|와|정도|쯤|짜리|어치|인데|이고|이라|이면)",
        " ",
        line,
    )


def unspaced_line(line: str) -> str:
    """'증 여 세 질 문 : 아 빠 가 1 억 줌': a line written one letter at a time, its letters joined."""
    parts = line.split(" ")
    single = [p for p in parts if len(p) == 1 and SPACED_TOKEN.fullmatch(p)]
    if len(single) < 6 or len(single) < 0.7 * len([p for p in parts if p]):
        return line
    out = []
    for p in parts:
        joined = out and len(p) == 1 and SPACED_TOKEN.fullmatch(p) and SPACED_TOKEN.fullmatch(out[-1][-1])
        if joined and (p.isdigit() == out[-1][-1].isdigit() or p in "억만천백원"):
            out[-1] += p
        else:
            out.append(p)
    return " ".join(out)


def millions(m: re.Match) -> str:
    """'KRW 3,500mn', '2.5bn': millions and billions written out in digits."""
    unit = 1_000_000_000 if m[2].lower().startswith("b") else 1_000_000
    whole, _, frac = m[1].replace(",", "").partition(".")
    value = int(whole) * unit + (int(frac) * unit // 10 ** len(frac) if frac else 0)
    return f"{value:,}"


def plain_forms(text: str) -> str:
    """Forms the readers know for forms they do not, before anything else reads the question: a line
    spaced letter by letter, millions written 'mn'/'bn', and the one-letter family words of a dependents
    list ('부양: 처, 자 1(9세)': 배우자, 자녀 1)."""
    text = re.sub(r"~~[^~\n]{1,40}~~", "", text)  # "~~3억~~ 4억": the struck-out figure is no longer said
    # "부→자(미성년 12세)", "모 -> 처": a shorthand gift between one-letter family words, its giver and receiver
    text = re.sub(
        r"(?<![가-힣])([처자부모])\s*(?:→|->|⇒|➡)\s*([처자부모])(?![가-힣])",
        lambda m: f"{SHORT_FAMILY[m[1]]}가 {SHORT_FAMILY[m[2]]}에게",
        text,
    )
    # "근속 1년 미만(8개월)": a bound with the exact figure in brackets after it is that figure
    text = re.sub(
        r"\d+\s*(?:년|개월)\s*(?:미만|이하|이내|이상|초과)\s*\(\s*(\d+\s*(?:년|개월)(?:\s*\d+\s*개월)?)\s*\)",
        r"\1",
        text,
    )
    if re.search(r"[☑☒✅]", text):  # "☑ 증여세 ☐ 상속세": an unticked box beside a ticked one says nothing
        text = re.sub(r"☐\s*[^☐☑☒✅/\n]{1,12}", "", text)
    text = re.sub(r"\s*☐\s*", "\n", text)  # "☐ 수증자 … ☐ 증여재산 3억" with none ticked: a list's items
    text = re.sub(r"[☑☒✅]\s*", "", text)
    text = re.sub(r"(?m)^\s*```\w*\s*$\n?", "", text)  # a code block's fences
    # "금액=80000000": a bare won figure of 7 or more digits after a field's = or :, grouped so it reads as won
    text = re.sub(r"(?<=[=:：])\s*([1-9]\d{6,12})(?![\d,.\-])", lambda m: f" {int(m[1]):,}원", text)
    text = re.sub(r"(?<=[가-힣)])\s*=\s*(?=\S)", ": ", text)  # "근속연수=28": a field
    # "근속연수: 28", "보유기간: 6": a field of years given as a bare number
    text = re.sub(r"((?:근속|보유|거주)(?:연수|기간)?\s*[:：]\s*\d{1,2})(?![\d년개.,])", r"\1년", text)
    text = "\n".join(glued_numbers(unspaced_line(line)) for line in text.split("\n"))
    text = GLUED_GIVER.sub(r"\1 ", text)
    text = PHONE.sub(
        " ", text
    )  # "연락처 010-2345-6789": a phone number is no figure of the case  # "엄마가결혼자금으로": the giver's particle ends a word
    text = MILLIONS.sub(millions, text)
    text = text.translate(CJK_UNITS)  # "100万円": 100만엔
    # "상속재산............20억", "배우자..... 없음": a receipt's dotted leader between a line's label and its value
    text = re.sub(r"(?m)^(\s*[^\s.…:][^\n.…:]{0,20}?)\s*(?:\.{3,}|…+|·{3,})\s*(?=\S)", r"\1: ", text)
    # "부양2(배우자 무소득, 자1 15세)": a count in shorthand, its people listed in brackets
    text = re.sub(
        r"(?<![가-힣])부양(?:가족)?\s*(\d)\s*(?:명)?\s*\(([^()\n]{1,40})\)",
        lambda m: f"부양가족 {m[1]}명 ({family_words(m[2])})",
        text,
    )
    return re.sub(
        r"부양(?:가족)?\s*[:：]([^/\n?]*)",
        lambda m: "부양가족:" + family_words(m[1]),
        text,
    )
