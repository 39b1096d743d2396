"""Cells pasted from a spreadsheet: "A1 월급 | B1 380", "B3 =B1*12+B2", "D3 =SUM(D4:D6)", "B4 -8,000,000", with a
note on units after the table ("단위는 B1~B3은 만원"). Read as plain sentences: a cell's address is its place, never
an amount; a formula is worked out (+ − × ÷ and SUM over cells and numbers, with the safe evaluator of
spoken_sums) and said with the words that name it (its row's label, the note after "←", or a derived name); the
cells a formula is made of are its parts, left out (said in the assumption) unless the sum is of listed items whose
own names matter (an estate's rows, card sales among the sales); a minus cell is a row taken off ("△")."""

from __future__ import annotations

import re

from taxqa.amounts import iter_amounts
from taxqa.tax.spoken_sums import evaluate

ADDRESS = r"(?<![A-Za-z0-9])([A-H])([1-9]\d?)(?![\dA-Za-z])"
# a segment of a row that begins with a cell's address: "B1 380", "A3 총급여", "B3 =B1*12+B2   ← 연 매출 합계"
SEGMENT = re.compile(rf"^\s*{ADDRESS}\s*(?:[:：]\s*)?(?P<body>.*?)\s*$")
FORMULA = re.compile(rf"{ADDRESS}\s*[=＝]\s*(?:SUM\(|[A-H\d(+-])", re.I)
ARROW = re.compile(r"\s*(?:←|<-|<=|⇐)\s*")
UNIT_WON = {"원": 1, "천원": 1_000, "만원": 10_000, "백만원": 1_000_000, "억원": 100_000_000}
UNIT = r"(천원|만원|백만원|억원|원)"
# "단위는 B1~B3은 만원이고", "B1, B2는 만원": a note on the unit of the cells it names
NAMED_CELLS = r"[A-H][1-9]\d?(?:\s*(?:[~∼\-–,·]|와|과|이랑|랑)\s*[A-H][1-9]\d?)*"
UNIT_NOTE = re.compile(
    rf"(?:단위\s*(?:는|은)?\s*)?(?<![A-Za-z0-9])({NAMED_CELLS})\s*(?:은|는|이|가|까지는?)?\s*{UNIT}(?:\s*단위)?"
    r"(?:이고|이에요|입니다|이요|예요|이며|임)?\s*[,.]?"
)
CELL_UNIT = re.compile(rf"\(?\s*{UNIT}\s*(?:단위)?\s*\)?")
BARE = re.compile(r"(?<![\d,.])-?\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\d,.])-?\d+(?:\.\d+)?(?![\d,.])")
PROSE = re.compile(r"[?？]|(?:요|다|까|죠)\s*[.!]?\s*$")  # a sentence, not a cell's words
CARD = re.compile(r"카드|현금\s*영수증")
NOT_MONEY = re.compile(r"\s*(?:년|개월|월|일|%|명|세|살|회|번|평|채|㎡)")


def units_named(text: str) -> dict[tuple[str, int], int]:
    """The unit in won of each cell a note names ("단위는 B1~B3은 만원")."""
    named: dict[tuple[str, int], int] = {}
    for m in UNIT_NOTE.finditer(text):
        for r in re.finditer(rf"{ADDRESS}(?:\s*[~∼\-–]\s*{ADDRESS})?", m[1]):
            last = int(r[4]) if r[4] and r[3] == r[1] else int(r[2])
            for row in range(int(r[2]), last + 1):
                named[(r[1], row)] = UNIT_WON[m[2]]
    return named


class Cell:
    def __init__(self, col: str, row: int, body: str):
        self.col, self.row, self.body = col, row, body
        self.formula, self.note = None, ""
        self.label = ""  # the words naming it
        if m := re.match(r"([^=＝\d]*?)\s*[=＝]\s*(?=SUM\(|[A-H]\d|[\d(+-])", body, re.I):  # "비과세 식대 =20*12"
            formula, *note = ARROW.split(body[m.end() :], maxsplit=1)
            self.formula, self.note, self.label = formula.strip(), (note[0].strip() if note else ""), m[1].strip()
        self.value: float | None = None  # in won when `unit` is known, else as written
        self.unit: int | None = None
        self.parts: list[Cell] = []
        self.added = False  # a formula that only adds cells (SUM, B2+B3)
        self.note_rest = ""  # the note's words after its name: "필요경비로 넣을 것"
        self.within: list[Cell] = []  # parts said with the total

    @property
    def key(self) -> tuple[str, int]:
        return self.col, self.row


def literal(cell: Cell, unit: int | None) -> None:
    """The label and value of a cell typed in: "연봉 4,800 (만원)", "양도가 15억", "-8,000,000", "월급"."""
    body = cell.body
    if m := CELL_UNIT.search(body):
        if re.search(r"\d", body[: m.start()]):
            unit = UNIT_WON[m[1]]
            body = (body[: m.start()] + body[m.end() :]).strip()
    amount = next(iter_amounts(body.lstrip("-−")), None)
    bare = next((b for b in BARE.finditer(body) if not NOT_MONEY.match(body, b.end())), None)
    if amount is not None and re.search(r"[억만천원]", amount.text):
        cell.value, cell.unit = amount.value, 1
        cell.label = body[: body.find(amount.text)].strip(" :：-−")
    elif bare is not None:
        number = float(bare[0].replace(",", ""))
        cell.label = body[: bare.start()].strip(" :：")
        if unit is None and abs(number) >= 10_000:
            unit = 1  # "2,322,000": a spreadsheet's big figure is in won
        cell.unit = unit
        cell.value = number * unit if unit else number
    else:
        cell.label = body
    if body.lstrip().startswith(("-", "−")) and cell.value is not None:
        cell.value = -abs(cell.value)


def refs(formula: str) -> list[tuple[str, int]]:
    """The cells a formula names, a range SUM(B2:B5) as each of its cells."""
    out: list[tuple[str, int]] = []
    for m in re.finditer(rf"{ADDRESS}(?:\s*:\s*{ADDRESS})?", formula):
        if m[3]:
            out += [(m[1], r) for r in range(int(m[2]), int(m[4]) + 1)]
        else:
            out.append((m[1], int(m[2])))
    return out


def work_out(cell: Cell, cells: dict, named: dict, seen: set) -> None:
    """The value of a formula cell, in won when the unit of its cells (or a note) is known."""
    if cell.key in seen or cell.formula is None or cell.value is not None:
        return
    seen.add(cell.key)
    keys = refs(cell.formula)
    parts = [cells.get(k) for k in keys]
    if None in parts:
        return
    for p in parts:
        work_out(p, cells, named, seen)
    unit = named.get(cell.key)
    if unit is None and (m := CELL_UNIT.search(cell.note)):
        unit = UNIT_WON[m[1]]
    units = {p.unit for p in parts if p.unit}
    if unit is None and len(units) == 1:
        unit = units.pop()
    if unit is None and (parts or re.search(r"\d{5,}|\d,\d{3}", cell.formula)):
        unit = 1 if parts and all(p.unit == 1 for p in parts) else None
    expr = re.sub(
        rf"SUM\(\s*{ADDRESS}\s*:\s*{ADDRESS}\s*\)",
        lambda m: "(" + "+".join(f"{m[1]}{r}" for r in range(int(m[2]), int(m[4]) + 1)) + ")",
        cell.formula,
        flags=re.I,
    )
    for p in parts:
        if p.value is None:
            return
        # a part in won said in the formula's unit; a part with no unit is taken in the formula's
        v = p.value / unit if p.unit and unit else p.value
        expr = re.sub(rf"(?<![A-Za-z]){p.col}{p.row}(?!\d)", f"({v!r})", expr)
    result = evaluate(expr)
    if result is None:
        return
    cell.value, cell.unit, cell.parts = result * unit if unit else result, unit, parts
    cell.added = bool(parts) and re.fullmatch(r"SUM\([^()]*\)|[A-H\d+\s]+", cell.formula, re.I) is not None


def said(value: float, unit: int | None) -> str:
    if unit is None:
        return f"{value:,.0f}" if value == int(value) else f"{value:g}"
    return f"{int(round(value)):,}원"


def derived_label(cell: Cell, cells: dict) -> str:
    """Words for a formula no row or note names: a difference of two named cells, or the parts' sum."""
    if (m := re.fullmatch(rf"\s*{ADDRESS}\s*-\s*{ADDRESS}\s*", cell.formula)) and (
        (a := cells.get((m[1], int(m[2])))) and (b := cells.get((m[3], int(m[4]))))
    ):
        if re.search(r"비과세", b.label) and re.search(r"연봉|급여|월급", a.label):
            return "총급여(비과세 제외)"  # pay less its tax-free part is the pay taxed
        if a.label and b.label:
            return f"{a.label}에서 {b.label}을 뺀 차액"
    if cell.added and cell.parts:
        words = " ".join(p.label for p in cell.parts)
        for key in ("매입", "매출", "재산", "경비", "급여"):
            if key in words:
                return f"{key} 합계"
        return "합계"
    return ""


def note_label(note: str) -> tuple[str, str]:
    """ "취득세랑 중개수수료(만원 단위), 필요경비로 넣을 것": (the words naming the figure, the rest as an aside)."""
    note = CELL_UNIT.sub("", note).strip()
    name, _, rest = note.partition(",")
    return name.strip(), rest.strip()


def row_head(segments: list[Cell]) -> str:
    """The words of a row's first cell that name the others ("A1 월급 | B1 380"); "" when there are none."""
    first = segments[0]
    if len(segments) < 2 or first.value is not None or first.formula is not None:
        return ""
    return "" if first.col != "A" and re.search(r"\d", first.label) else first.label  # "B5 보유 9년 / B6 …"


def row_text(segments: list[Cell], dropped: set) -> str:
    """A row of the sheet as words: its label cell ("A1 월급") and each kept cell's label and value."""
    head = row_head(segments)
    words = []
    for c in segments[1:] if head else segments:
        if c.key in dropped or (c.formula is not None and c.value is None):
            continue
        if c.value is None or (c.formula is None and c.unit is None):
            body = re.sub(r"(일수\s*[:：]?\s*\d+)$", r"\1일", c.body)  # "지연일수: 157" is a count of days
            words.append(body if not head else f"{head} {body}")  # "보유 9년": as written
            continue
        label = c.label or head
        figure = ("△" if c.value < 0 else "") + said(abs(c.value), c.unit)
        words.append(f"{label} {figure}".strip() + (f" ({c.note_rest})" if c.note_rest else ""))
        for p in c.within:  # "연 매출 합계 …, 그중 카드매출 …"
            words[-1] += f", 그중 {p.label} {said(p.value, p.unit)}"
    if head and not words:
        return ""  # "A2 상여 | B2 600": its figure is a part of a formula, said there
    return " / ".join(w for w in words if w)


def sheet_cells(text: str) -> tuple[str, list[str], list[str]]:
    """`text` with a pasted sheet's cells said as sentences; what was assumed and what is unclear (Korean)."""
    if not FORMULA.search(text):
        return text, [], []
    lines = text.split("\n")
    rows: dict[int, list[Cell]] = {}
    cells: dict[tuple[str, int], Cell] = {}
    for i, line in enumerate(lines):
        if not re.match(rf"\s*{ADDRESS}\s", line):
            continue
        segments = []
        for part in re.split(r"\s*[|｜]\s*|\s+/\s+", line):
            m = SEGMENT.match(part)
            if m is None:
                segments = []
                break
            if (m[1], int(m[2])) in cells or PROSE.search(m["body"]):
                segments = []  # "B3 기준으로 … 얼마예요?": a sentence naming a cell, not a cell
                break
            segments.append(Cell(m[1], int(m[2]), m["body"]))
        if segments:
            rows[i] = segments
            cells.update({c.key: c for c in segments})
    if len(cells) < 2 or not any(c.formula for c in cells.values()):
        return text, [], []
    prose = "\n".join(line for i, line in enumerate(lines) if i not in rows)
    named = units_named(prose)
    for c in cells.values():
        if c.formula is None:
            literal(c, named.get(c.key))
    for segments in rows.values():
        for c in segments[1:]:
            c.label = c.label or row_head(segments)  # "A1 월급 | B1 380": the row's first cell names the others
    assumed = ["붙여 넣은 표의 셀 주소(B1, C4 등)는 금액이 아닌 칸 이름으로 읽음"]
    doubts: list[str] = []
    dropped: set = set()
    for c in cells.values():
        work_out(c, cells, named, set())
    for segments in rows.values():
        head = row_head(segments)
        for c in segments:
            if c.formula is None:
                continue
            if c.value is None:
                doubts.append(
                    f"'{c.col}{c.row} ={c.formula}' 계산식을 읽을 수 없어 계산에 넣지 않음: 계산한 금액을 알려 주세요"
                )
                continue
            name, c.note_rest = note_label(c.note)
            c.label = head or c.label or name or derived_label(c, cells)
            listed = c.added and any(p.value is not None and p.value < 0 for p in c.parts)
            if not listed:  # an estate's list with its debts keeps its rows: the reader nets them and checks the sum
                # a part said apart in a total's reading (card sales among the sales) goes with the total
                c.within = [p for p in c.parts if c.added and CARD.search(p.label)]
                dropped |= {p.key for p in c.parts}
            parts = ", ".join(f"{p.col}{p.row}" for p in c.parts)
            aside = f" ({parts}은 그 합계·계산에 든 값이라 따로 넣지 않음)" if parts and not listed else ""
            assumed.append(
                f"'{c.col}{c.row} ={c.formula}'을 계산해 {c.label or '그 칸'} {said(c.value, c.unit)}으로 봄{aside}"
            )
    for c in cells.values():
        if c.formula is not None and c.value is not None and c.unit is None and c.key not in dropped:
            doubts.append(
                f"'{c.col}{c.row} ={c.formula}'의 결과 {said(c.value, None)}의 단위(원·만원)를 알 수 없음: 단위를 알려 주세요"
            )
    out = []
    for i, line in enumerate(lines):
        if i in rows:
            if said_row := row_text(rows[i], dropped):
                out.append(said_row + ".")
            continue
        line = UNIT_NOTE.sub(lambda m: "" if units_named(m[0]).keys() <= cells.keys() else m[0], line)
        line = re.sub(
            ADDRESS,
            lambda m: cells[(m[1], int(m[2]))].label or m[0] if (m[1], int(m[2])) in cells else m[0],
            line,
        )
        out.append(line)
    if any(c.value is not None and c.value < 0 for c in cells.values()):
        assumed.append("표에서 음수(-)로 적은 금액은 빼는 항목(채무 등)으로 봄")
    return "\n".join(out), assumed, doubts
