"""Facts pasted in the shape of code, inside a ``` fence: a JSON object or a Python dict ("income": 88000000),
assignments with comments (salary = 34_000_000  # 총급여), a call with keyword arguments (상속세(과세가액=...,
자녀_나이=[17, 12])), `assert f(...) == ???`, a dataclass's fields (입사일: str = "2008-11-03"), .env lines
(TAX_BASE=3억2천만  # 과세표준) and log lines ("[2026-02-11 10:14] 신고한 납부세액 …"). Read as the plain
"label: value (comment)" lines the readers take: a key is its label (in Korean; what the prose says a key holds,
"income은 제 연봉이에요", wins), a value is an amount, a date or a word, Korean 만 grouping with underscores
(1_3500_0000) a number, a comment kept as words; the code's own lines (def, class, assert, brackets) left out.
A markdown table's minus row that names a debt or a cost is that debt or cost ("| 장례비 | -900만 |")."""

from __future__ import annotations

import re

FENCE = re.compile(r"(?ms)^[ \t]*```[\w.+-]*[ \t]*\n(.*?)^[ \t]*```[ \t]*$\n?")
# an English key in Korean, with the unit its bare number is counted in
ENGLISH = {
    "salary": ("총급여", "원"),
    "gross_salary": ("총급여", "원"),
    "wage": ("총급여", "원"),
    "income": ("소득", "원"),
    "bonus": ("상여", "원"),
    "kids": ("자녀", "명"),
    "children": ("자녀", "명"),
    "dependents": ("부양가족", "명"),
    "pension": ("국민연금", "원"),
    "insurance": ("보험료", "원"),
    "prepaid": ("기납부세액", "원"),
    "withheld": ("기납부세액", "원"),
    "tax_base": ("과세표준", "원"),
    "base": ("과세표준", "원"),
    "corp_type": ("기업 구분", ""),
    "fiscal_year": ("사업연도", ""),
    "employees": ("직원 수", "명"),
    "staff": ("직원 수", "명"),
    "sales": ("매출", "원"),
    "revenue": ("매출", "원"),
    "purchases": ("매입", "원"),
    "cost": ("비용", "원"),
    "card_sales": ("카드매출", "원"),
    "estate": ("상속재산", "원"),
    "debt": ("채무", "원"),
    "funeral": ("장례비", "원"),
    "price": ("양도가액", "원"),
    "expenses": ("필요경비", "원"),
    "age": ("나이", "세"),
    "days": ("일수", "일"),
    "months": ("개월 수", "개월"),
    "years": ("연수", "년"),
    "tax": ("세액", "원"),
    "spouse": ("배우자", ""),
    "year": ("연도", "년"),
    "biz": ("업종", ""),
    "business": ("업종", ""),
    "period": ("기간", ""),
}
# the unit a Korean key's bare number is counted in, by the key's last word
UNITS = [
    (r"나이|연령|만\s*나이", "세"),
    (r"일수|지연일", "일"),
    (r"개월", "개월"),
    (r"연수|년수|보유|거주|근속", "년"),
    (r"연도|귀속|사업연도", "년"),
    (r"자녀|부양가족|직원|인원|상속인|명수", "명"),
    (r"주택\s*수|채", "채"),
]
NOT_WON = re.compile(r"층|평|면적|번호|호|수$|%|율")
COMMENT = re.compile(r"(?:(?<=\s)|^)(?:#|//|;)\s?(?P<c>.*)$")
LOG = re.compile(r"^\[(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\]\s*(.*)$")
KEY = r"(?:\"(?P<q>[^\"]+)\"|'(?P<s>[^']+)'|(?P<k>[A-Za-z가-힣_][\w가-힣.]*))"
TYPE = r"(?:\s*:\s*(?:str|int|float|bool|list\[\w+\]|Optional\[\w+\]|date))?"
VALUE = r"(?P<v>\"[^\"]*\"|'[^']*'|\[[^\]]*\]|[^,\"'\[\]{}()]+?)"
PAIR = re.compile(rf"{KEY}{TYPE}\s*[:=]\s*{VALUE}\s*(?=,|$|}}|\))")
CALL = re.compile(r"^(?:[\w.]+\s*=\s*)?([A-Za-z가-힣_][\w가-힣.]*)\s*\((.*)\)\s*$")
UNDERSCORED = re.compile(r"(?<![\w.])\d{1,4}(?:_\d{3,4})+(?![\w.])")
DATE = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?!\d)")
# what the prose says a key holds: "income은 제 연봉이에요", "cost는 세금계산서 받은 매입 공급가액 합계예요"
MEANS = r"(?<![A-Za-z_]){key}\s*(?:은|는)\s+(?:제|내|저희|우리)?\s*([^.?!\n]{{1,40}}?)(?:이에요|예요|이고|고|이며|입니다|이다|임)(?=[\s,.(]|$)"
# a table row taken off the estate: a debt or a cost, written with a minus
TAKEN_OFF = re.compile(r"채무|빚|대출|장례|공과금|비용|경비|보증금|차감")


def plain_number(text: str) -> str:
    """ "1_3500_0000", "34_000_000": the number with its digits grouped by thousands."""
    return UNDERSCORED.sub(lambda m: f"{int(m[0].replace('_', '')):,}", text)


def plain_dates(text: str) -> str:
    """ "2008-11-03" → "2008년 11월 3일", "2026-08" → "2026년 8월"."""

    def one(m: re.Match) -> str:
        if not 1 <= int(m[2]) <= 12:
            return m[0]
        said = f"{m[1]}년 {int(m[2])}월"
        return f"{said} {int(m[3])}일" if m[3] else said

    return DATE.sub(one, text)


def label_of(key: str, meanings: dict[str, str]) -> tuple[str, str]:
    """A key's label and the unit of its bare number."""
    if key in meanings:
        return meanings[key], "원"
    if (low := key.lower()) in ENGLISH:
        return ENGLISH[low]
    label = key.replace("_", " ").strip()
    if re.search(r"[A-Za-z]", label) and not re.search(r"[가-힣]", label):
        return label, ""
    last = label.split()[-1] if label.split() else label
    unit = next((u for p, u in UNITS if re.search(p, last)), "")
    if not unit and not NOT_WON.search(last):
        unit = "원"
    return label, unit


def value_said(raw: str, unit: str) -> str:
    """A value as words: a number with its unit, a list's items, true/false/null as 있음/없음/모름."""
    raw = raw.strip().rstrip(",").strip()
    if raw.startswith("[") and raw.endswith("]"):
        items = [i for i in (value_said(i, unit) for i in raw[1:-1].split(",")) if i]
        return ", ".join(items)
    if raw[:1] in "\"'" and raw[-1:] == raw[:1]:
        return plain_dates(raw[1:-1].strip())
    low = raw.lower()
    if low == "true":
        return "있음"
    if low == "false":
        return "없음"
    if low in ("null", "none", "nil", ""):
        return "모름"
    raw = plain_number(raw)
    if re.fullmatch(r"\d[\d,]*", raw):
        number = int(raw.replace(",", ""))
        if unit == "원" and number >= 1000:
            return f"{number:,}원"
        if unit in ("세", "일", "개월", "년", "명", "채"):
            return f"{number}{unit}"
        return raw
    return plain_dates(raw)


def pairs_said(line: str, meanings: dict[str, str], comment: str, many: bool = False) -> list[str]:
    """The "label: value" words of a line's key-value pairs (a comment after the last one)."""
    said = []
    single = re.match(rf"^{KEY}{TYPE}\s*[:=]\s*(?P<v>.+?)\s*,?\s*$", line)
    many = many or line.lstrip().startswith("{") or re.search(r",\s*[\"'][^\"']+[\"']\s*:", line)
    for m in [single] if single and not many else PAIR.finditer(line):
        key = m["q"] or m["s"] or m["k"]
        label, unit = label_of(key, meanings)
        value = value_said(m["v"], unit)
        if value in ("있음", "없음") and re.fullmatch(r"[A-Za-z_]+", key) and key.lower() not in ENGLISH:
            continue  # an English flag not known here ("bonus_included": true): no words a reader takes
        said.append(f"{label}: {value}")
    label = said[-1].split(":")[0] if said else ""
    if label and comment.startswith(label):  # "TAX_BASE=…  # 과세표준 (이월결손금 다 쓴 뒤)": the label said once
        comment = re.sub(r"^\((.*)\)$", r"\1", comment[len(label) :].strip())
    if said and comment:
        said[-1] += f" ({comment})"
    return said


def code_line(line: str, meanings: dict[str, str]) -> list[str]:
    """The plain lines one line of code says (none for the code's own lines)."""
    body, comment = line.strip(), ""
    if m := LOG.match(body):
        rest = code_line(m[4], meanings)
        day = f"{m[1]}년 {int(m[2])}월 {int(m[3])}일"
        return [f"{day}: {' '.join(rest)}".rstrip(": ")]
    m = next((c for c in COMMENT.finditer(body) if body[: c.start()].count('"') % 2 == 0), None)
    if m:  # not a "#" inside a quoted value ("101동 #302")
        body, comment = body[: m.start()].rstrip(), m["c"].strip()
    if not body:
        return [comment] if comment else []
    if re.match(r"(?:def|class|async\s+def)\s|@\w|import\s|from\s\S+\s+import", body):
        return []
    if m := re.match(r"assert\s+(.*?)\s*==\s*\?+\s*$", body):
        body, comment = m[1], ""
        if not (call := CALL.match(body)):
            return []
        words = pairs_said(call[2], meanings, "", many=True)
        name = call[1] if re.search(r"[가-힣]", call[1]) else ""
        return [f"{name}: {', '.join(words)}" if words else name] if name or words else []
    if re.fullmatch(r"[\[\]{}(),;]+", body):
        return [comment] if comment else []
    if m := re.match(r"^(?:[\w.]+\s*=\s*)?([A-Za-z가-힣_][\w가-힣.]*)\s*\(\s*$", body):  # "r = 상속세(": a call opened
        return [m[1]] if re.search(r"[가-힣]", m[1]) else []
    if re.match(r"^[\w.]+\s*=\s*[{\[(]\s*$", body):  # "shop = {": a dict opened
        return [comment] if comment else []
    said = pairs_said(body.strip("{} ,"), meanings, comment)
    return said if said else [line.strip()]


def meanings_in(prose: str, keys: list[str]) -> dict[str, str]:
    """What the prose outside the code says a key holds: "income은 제 연봉이에요" → income: 연봉."""
    found = {}
    for key in keys:
        if not re.fullmatch(r"[A-Za-z_]\w*", key):
            continue  # a Korean key is its own label ("매출은 카드가 대부분이고" tells of the sales, not a new name)
        if m := re.search(MEANS.format(key=re.escape(key)), prose):
            found[key] = re.sub(r"\s*\([^()]*\)\s*$", "", m[1]).strip()
    return found


def untaken_minus(text: str) -> str:
    """ "| 장례비 | -900만 |": a markdown row that names a debt or a cost, its amount without the minus."""

    def row(m: re.Match) -> str:
        cells = m[0].split("|")
        if not TAKEN_OFF.search(cells[1]):
            return m[0]
        return "|".join(re.sub(r"^(\s*)[-−–]\s*(?=\d)", r"\1", c) for c in cells)

    return re.sub(r"(?m)^\s*\|[^\n]*\|[ \t]*$", row, text)


def code_shapes(text: str) -> tuple[str, bool]:
    """The question with its fenced code read as plain lines, and whether any was."""
    text = untaken_minus(text)
    blocks = list(FENCE.finditer(text))
    if not blocks:
        return text, False
    prose = FENCE.sub("\n", text)
    keys = [m["q"] or m["s"] or m["k"] for b in blocks for m in PAIR.finditer(b[1])]
    meanings = meanings_in(prose, list(dict.fromkeys(keys)))

    def block(m: re.Match) -> str:
        lines = [said for line in m[1].split("\n") for said in code_line(line, meanings)]
        return "\n".join(line for line in lines if line.strip()) + "\n"

    return FENCE.sub(block, text), True
