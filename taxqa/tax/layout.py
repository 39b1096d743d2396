"""The layout a question comes in, read as plain sentences: a pasted table's rows (tab-separated or markdown),
a label on one line with its value on the next, a unit header ("(단위: 만원)") whose bare amounts are written
out in won, and a post with its comment chain (only the author's own lines)."""

from __future__ import annotations

import re


def table_cells(line: str) -> list[str]:
    """The cells of a pasted table row: tab-separated, or a markdown row "| a | b |"."""
    if "\t" in line:
        return [c.strip() for c in line.split("\t")]
    if line.strip().startswith("|") and line.count("|") >= 3:
        return [c.strip() for c in line.strip().strip("|").split("|")]
    return [line]


# "ㄴ 작성자: 정정할게요 …", "ㄴ 익명2: 저는 2천 나왔어요": a comment thread under a post, a reply a line
REPLY = re.compile(r"(?m)^[ \t]*(?:ㄴ|└|↳|┗|┖)[ \t]*([^:：\n]{1,14}?)[ \t]*[:：][ \t]*")
# the post's author: only their lines are facts of the case ("ㄴ 작성자: 시동생도 있어요" adds one)
AUTHOR = r"(?:작성자|글쓴이|원글쓴이|원글\s*작성자|원글\S{0,3}|글쓴|질문자|원작성자|본인)(?:\s*\(본인\))?|OP|op"
# another commenter's name: "익명2", "댓글1", "세무사님", a handle; not a label of the asker's list ("ㄴ 매출: 1억")
COMMENTER = r"익명\s*\d*|댓글\s*\d*|ㅇㅇ|(?:답변|댓글)?\s*작성자\s*\d+|\S{1,10}님|[A-Za-z][A-Za-z0-9_]{1,15}|[가-힣]{1,8}\d{1,4}"


def author_replies(text: str) -> tuple[str, list[str]]:
    """The thread with only its author's words: the author's replies as plain lines (their facts count, a later
    one correcting an earlier), the other commenters' lines left out (their figures are their own cases or
    guesses); and the names of those left out. A list of the asker's own ("ㄴ 아파트: 5억") is no thread."""
    others: list[str] = []

    def one(m: re.Match) -> str:
        if re.fullmatch(AUTHOR, m[1].strip()):
            return ""
        if not re.fullmatch(COMMENTER, m[1].strip()):
            return m.group(0)
        others.append(m[1].strip())
        return "\0"  # marks the line to drop below

    marked = REPLY.sub(one, text)
    if not others:
        return text, []
    lines = [line for line in marked.split("\n") if not line.startswith("\0")]
    return re.sub(r"^\s*\[원글\]\s*", "", "\n".join(lines)), list(dict.fromkeys(others))


# a transcript of a talk or a call, a turn a line: "질문자: …", "강사: 예를 들어 소매업이면 …"
TURN = re.compile(r"(?m)^[ \t]*(?:\[)?([가-힣A-Za-z]{1,6}(?:\s?\d)?)(?:\])?[ \t]*[:：][ \t]*")
# the one asking: only their turns are facts of the case
ASKER = r"질문자|질문|문의자|상담자|수강생|청중|고객|내담자|민원인|Q"
# the one answering: their figures are examples or general rules, never the asker's facts
# what an answerer's turn says of its own, not of the asker's case: a figure, an example, a supposition
EXAMPLE = r"\d|예를\s*들(?:어|면)|가령|예컨대|이를테면|만약|만일|(?:이|라)면\s*[^?]{0,20}[.…]"
ANSWERER = r"강사|세무사|회계사|상담사|상담원|답변자?|선생님|교수|진행자|사회자|전문가|패널|직원|A"


def asker_turns(text: str) -> tuple[str, list[str]]:
    """A transcript with the answerer's turns that hold a figure or an example left out ("강사: 예를 들어 소매업이면
    15%…": an example's or a rule's values are not the asker's facts); their turns that only ask ("상담사: 총급여가
    어떻게 되세요?") stay, as they name what the next answer is. Lines keep their labels (a chat log is read as one
    elsewhere). Also the names of those left out. Text with no turn of each side is no transcript: left as it is."""
    speakers = [m[1].replace(" ", "") for m in TURN.finditer(text)]
    if not any(re.fullmatch(ASKER, s) for s in speakers) or not any(re.fullmatch(ANSWERER, s) for s in speakers):
        return text, []
    others: list[str] = []
    kept: list[str] = []
    drop = False  # a line with no label goes on the turn above it
    for line in text.split("\n"):
        if (m := TURN.match(line)) and re.fullmatch(f"{ASKER}|{ANSWERER}", name := m[1].replace(" ", "")):
            drop = bool(re.fullmatch(ANSWERER, name)) and bool(re.search(EXAMPLE, line[m.end() :]))
            if drop:
                others.append(name)
        if not drop:
            kept.append(line)
    return "\n".join(kept), list(dict.fromkeys(others))


# a row pasted from a spreadsheet saved as CSV: cells apart by bare commas ("아파트,980000000,분당 32평 시세")
CSV_ROW = re.compile(r"[^,\n\t]{1,30}(?:,[^,\s][^,\n\t]{0,29}|,0?(?=,|$)|,$)+")
FIGURE = r"-?\d[\d.]*\s*원?"
GENERIC_HEAD = r"구분|항목|내역|분류|종류|과목|내용|계정"  # a first column that only names the rows


def uncsv(text: str) -> str:
    """CSV rows under a header of words ("구분,공급가액,세액", "항목,금액,메모"), a block of two rows or more with the
    header's width: with two figure columns or more, as tab-separated cells (`untable` reads each figure with its
    column's name, "매출 공급가액 52,000,000"); with one, as "label amount (note)." sentences. A cell's bare number
    is money in won; a "-" on it is written "△" (taken off, as in a tax form), not a negative amount."""
    lines = text.split("\n")
    out, i = [], 0
    while i < len(lines):
        width = lines[i].count(",")
        j = i + 1
        while width and j < len(lines) and CSV_ROW.fullmatch(lines[j].strip()) and lines[j].count(",") == width:
            j += 1
        if j - i < 3 or not CSV_ROW.fullmatch(lines[i].strip()) or re.search(r"\d", lines[i]):
            out.append(lines[i])
            i += 1
            continue
        rows = [[c.strip() for c in row.strip().split(",")] for row in lines[i + 1 : j]]
        numeric = [k for k in range(1, width + 1) if all(re.fullmatch(FIGURE, r[k]) for r in rows if r[k])]
        if len(numeric) >= 2:
            out.append(lines[i].strip().replace(",", "\t"))
            out += ["\t".join(re.sub(r"^-?\d{4,}$", lambda m: f"{int(m[0]):,}", c) for c in r) for r in rows]
        else:
            for cells in rows:
                figures = [re.sub(r"^-(?=\d)", "△", c) for c in cells[1:] if re.fullmatch(FIGURE, c)]
                if not UNIT_HEADER.search(text):  # "980000000": a spreadsheet's figure is in won
                    figures = [re.sub(r"^(△?\d{7,})$", r"\1원", f) for f in figures]
                words = [c for c in cells[1:] if c and not re.fullmatch(FIGURE, c)]
                out.append(" ".join([cells[0], *figures]) + (f" ({', '.join(words)})" if words else "") + ".")
        i = j
    return "\n".join(out)


# a fixed-width table typed with spaces: cells two spaces or more apart ("수증자    나이   금액(원)")
PHONE_HEAD = r"연락처|전화(?:번호)?|휴대(?:폰|전화)|핸드폰|H\.?P|Tel|TEL|tel|이메일|e-?mail|E-?mail"
AGE_HEAD = r"나이|연령|만\s*나이|age|Age"


def spaced_cells(line: str, width: int) -> list[str]:
    """A row's cells; a last cell left blank (a contact taken out, an empty field) kept as "" when the row
    still ends in spaces, so the cells stay under their headers."""
    cells = re.split(r"\s{2,}", line.strip())
    if len(cells) == width - 1 and re.search(r"\S\s{2,}$", line):
        cells.append("")
    return cells


def spaced_columns(text: str) -> str:
    """A table aligned with spaces as tab-separated rows, which `untable` reads: a header of three words or more
    with no figure, over rows with as many cells. A contact column (phone, e-mail) is left out, its number no
    amount; a bare number under an age header is written as an age ("나이 15" -> "15세"); a header's "(원)" goes."""
    lines = text.split("\n")
    out, i = [], 0
    while i < len(lines):
        head = re.split(r"\s{2,}", lines[i].strip())
        j = i + 1
        while j < len(lines) and len(head) >= 3 and len(spaced_cells(lines[j], len(head))) == len(head):
            j += 1
        if j == i + 1 or len(head) < 3 or re.search(r"\d", lines[i]) or "\t" in lines[i]:
            out.append(lines[i])
            i += 1
            continue
        keep = [k for k, h in enumerate(head) if not re.fullmatch(PHONE_HEAD, h)]
        for row in [head] + [spaced_cells(line, len(head)) for line in lines[i + 1 : j]]:
            cells = [row[k] for k in keep]
            if row is head:  # "취득가액(원)": the header names the unit the cells are already in
                cells = [re.sub(r"\s*\(원\)$", "", c) for c in cells]
            else:
                cells = [
                    f"{c}세" if re.fullmatch(AGE_HEAD, head[k]) and re.fullmatch(r"\d{1,3}", c) else c
                    for k, c in zip(keep, cells)
                ]
            out.append("\t".join(cells))
        i = j
    return "\n".join(out)


def untable(text: str) -> str:
    """Rows pasted from a spreadsheet or a markdown table as sentences the readers take: a block with
    a header row and rows of three or more cells becomes "header value, header value" per row
    ("취득가\t양도가\n3억\t7억" -> "취득가 3억, 양도가 7억"); two-cell rows become "key value"."""
    # "매출(공급가액) / 9,000": a row of a two-column table written with a slash is "key value"
    text = spaced_columns(uncsv(text))
    text = re.sub(r"(?m)^([^\n/|\d]{1,24}?)\s*/\s*(\d[\d,.]*\s*(?:억|만|천|원)?[^\n/\d]{0,3})\s*$", r"\1 \2", text)
    if re.search(r"^\s*[│┃｜].*[│┃｜].*[│┃｜]", text, re.M):  # a table drawn with box characters
        text = re.sub(r"(?m)^[ ─━┌┐└┘├┤┬┴┼┏┓┗┛┣┫┳┻╋]+\n?", "", re.sub(r"[│┃｜]", "|", text))
    if "\t" not in text and not re.search(r"^\s*\|.*\|.*\|", text, re.M):
        return text
    out: list[str] = []
    header: list[str] | None = None
    keyed = -1  # where a two-cell row was written as "key value" (dropped when it heads the next row)
    headed = -1  # where a wider row that may head the next rows was kept
    for line in text.split("\n"):
        cells = table_cells(line)
        if len(cells) >= 2 and all(re.fullmatch(r":?-{2,}:?", c) for c in cells):
            continue  # the markdown "| --- | --- |" line
        if len(cells) < 2:
            header = None
            out.append(line)
        elif len(cells) == 2 and not (header and len(header) == 2 and re.search(r"\d", cells[0])):
            header = cells  # "상속재산 | 25억" is a key and its value; it may also head "| 20년 | 2억 |"
            keyed = len(out)
            out.append(" ".join(cells) + ".")
        elif header is None or len(header) != len(cells):
            header = cells
            headed = len(out)  # kept as words ("코인\t매수 1,200만\t매도 3,100만") unless rows of its width follow
            out.append(" ".join(cells) + ".")
        else:
            if keyed == len(out) - 1 and len(cells) == 2 and not re.search(r"\d", "".join(header)):
                out.pop()  # "| 무신고 세액 | 부정행위 |" over "| 800만원 | 없음 |": the header said once, with its values
            elif headed == len(out) - 1:
                out.pop()  # the header row, said with each value below
            keyed = headed = -1
            if re.fullmatch(GENERIC_HEAD, header[0]):  # "구분 | 공급가액" over "매출 | 1억": "매출 공급가액 1억"
                out.append(f"{cells[0]} " + ", ".join(f"{h} {c}" for h, c in zip(header[1:], cells[1:])) + ".")
                continue
            out.append(", ".join(f"{h} {c}" for h, c in zip(header, cells)) + ".")
    return "\n".join(out)


def join_label_lines(text: str) -> str:
    """ "매출\n1억 5천\n매입\n9천": a label on its own line joined to the amount on the next line."""
    return re.sub(r"(?m)^(\s*[가-힣][가-힣 ]{0,9})\n(?=\s*[\d일이삼사오육칠팔구₩])", r"\1 ", text)


# "(단위: 만원)", and a column's unit in brackets after its label: "항목(만원) / 금액", "금액(백만원)"
UNIT_HEADER = re.compile(
    r"[(\[]?\s*(?:금액\s*)?(?:단위|금액)\s*[:：]?\s*(천원|만원|백만원|억원)\s*[)\]]?|(?<=[가-힣])\(\s*(천원|만원|백만원|억원)\s*\)(?=\s*[/|:\n])"
    # "↑ 전부 만원 단위", "※ 금액은 모두 만원 단위임": a note on its own line naming the unit of the lines above
    r"|(?:^|(?<=\n))[^\S\n]*[↑※*(]?[^\S\n]*(?:(?:위|위의|금액은?|숫자는?)[^\S\n]*)?(?:전부|모두|다)?[^\S\n]*(천원|만원|백만원|억원)[^\S\n]*단위"
    r"(?:입니다|이에요|예요|임|요)?[^\S\n]*\)?[^\S\n]*(?=\n|$)"
)
UNIT_WON = {"천원": 1_000, "만원": 10_000, "백만원": 1_000_000, "억원": 100_000_000}


def apply_unit_header(text: str) -> str:
    """ "(단위: 만원) 매출 12,000": bare numbers in the question are in the unit its header names, so
    they are written out in won and the header is blanked."""
    header = UNIT_HEADER.search(text)
    if header is None:
        return text
    won = UNIT_WON[header.group(1) or header.group(2) or header.group(3)]
    text = text[: header.start()] + " " * (header.end() - header.start()) + text[header.end() :]
    # an amount has three digits or a comma (two in 백만원 or 억원): "자녀 2 (…)", "1~2월", "2기" are counts, "12층",
    # "301호" no amounts
    counter = r"[천백십만억조원%년월일세살명개배주층호동차기번회평분시㎡]|필지|학년"
    least = 2 if won >= 1_000_000 else 3
    # not "14:20"; a list's comma after the number ends it ("매출 50,000, 매입 22,000"), a comma before a digit does not
    bare = rf"(?<![\d.,~∼:-])(\d{{1,3}}(?:,\d{{3}})+|\d{{{least},}})(?!\d|,\d|:|\.\d|[ \t]*(?:{counter})|\s*\))"
    return re.sub(bare, lambda m: f"{int(m[1].replace(',', '')) * won:,}원", text)


# "A안: 아버지가 직접 1억5천 증여\nB안: …\n… B안으로 하면 증여세는?": scenarios laid out one a line, one of them asked
SCENARIO = re.compile(r"(?m)^[ \t]*([A-Da-d1-4])\s*안\s*[:：)]\s*")
ASKED_SCENARIO = re.compile(r"(?<![A-Za-z0-9])([A-Da-d1-4])\s*안\s*(?:으로|이면|일\s*때|의\s*경우|대로|기준|에서|처럼)")


def asked_scenario(text: str) -> tuple[str, str | None]:
    """(the question with only the scenario it asks about, that scenario's label) when it lays out two or more
    scenarios one a line and then names one; (the question, None) otherwise."""
    labels = list(SCENARIO.finditer(text))
    if len({m[1].upper() for m in labels}) < 2:
        return text, None
    tail = text.find("\n", labels[-1].end())
    asked = list(ASKED_SCENARIO.finditer(text, tail if tail >= 0 else len(text)))
    if not asked or asked[-1][1].upper() not in {m[1].upper() for m in labels}:
        return text, None
    want = asked[-1][1].upper()
    out, at = [], 0
    for m in labels:
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end + 1
        out.append(text[at : m.start()])
        if m[1].upper() == want:
            out.append(text[m.end() : end])  # its words, the label left out
        at = end
    out.append(text[at:])
    return "".join(out), want
