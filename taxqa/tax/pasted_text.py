"""Text copied from somewhere else, made plain before any other pass: characters no one sees (a byte-order mark,
a zero-width space or a soft hyphen inside a number or a word, a no-break space), a web page's HTML (entities such
as &#44; and &nbsp;, a table's <tr>/<td> as a markdown row, <p>/<br> as a new line), and a PDF's text (a page's
header or footer, a footnote mark, a number or a word broken across two lines). The standard library reads what
it can (unicodedata's categories, html.unescape); a line is joined only where the two halves make one number or
one word, and a page's own lines are left out."""

from __future__ import annotations

import html
import re
import unicodedata

# an entity with its closing semicolon ("&#44;", "&nbsp;", "&amp;"): a bare "R&D" is no entity
ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# the tags a copied page or e-mail holds; the words between them are the facts
TAG = re.compile(
    r"</?(?:table|thead|tbody|tfoot|tr|th|td|caption|p|br|div|span|b|strong|em|i|u|font|li|ul|ol|h[1-6]|a|label)"
    r"\b[^<>]*/?>",
    re.I,
)
BLOCK = re.compile(r"</?(?:p|div|li|ul|ol|h[1-6]|table|thead|tbody|tfoot|caption)\b[^<>]*>|<br\s*/?>", re.I)
ROW = re.compile(r"(?is)<tr\b[^<>]*>(.*?)(?:</tr>|(?=<tr\b)|$)")
CELL = re.compile(r"(?is)<t[hd]\b[^<>]*>(.*?)(?:</t[hd]>|(?=<t[hd]\b)|$)")
# a PDF page's own lines: "- 2 -", "― 3 ―", "Page 3 of 7" (with the file's name before it), "2 / 5 페이지"
PAGE_LINE = re.compile(
    r"(?im)^[ \t]*(?:[-–—―─][ \t]*\d{1,3}[ \t]*[-–—―─]|[^\n]*\bpage[ \t]*\d{1,3}[ \t]*(?:of|/)[ \t]*\d{1,3}\b[^\n]*"
    r"|\d{1,3}[ \t]*/[ \t]*\d{1,3}[ \t]*(?:페이지|쪽))[ \t]*$"
)
SUPERSCRIPT = "¹²³⁴⁵⁶⁷⁸⁹⁰"
# a footnote mark after a word or an amount ("만원¹"), or at the head of the note's line ("¹ 부동산은 …")
FOOTNOTE = re.compile(rf"(?m)(?<=\S)[{SUPERSCRIPT}]+|^([ \t]*)[{SUPERSCRIPT}]+(?=[ \t])")
# a number broken at the line's end: "38,500,0\n00원", "1,2\n00만원", "1,38\n0,000원"
BROKEN_NUMBER = re.compile(r"(?<![\d,])(\d{1,3}(?:,\d{3})*,?\d{0,3})[ \t]*\n[ \t]*(\d[\d,]*)")
# an amount's unit carried to the next line: "18억 7천\n만원", "7억\n원"
BROKEN_UNIT = re.compile(r"(\d[\d,.]*[ \t]*[억천백]?)[ \t]*\n[ \t]*(?=(?:만[ \t]*원?|원)(?![가-힣]))")
# a word broken at the line's end: a lone syllable ("자\n녀 2명") or a bracket left open ("(소득\n세)")
BROKEN_WORD = re.compile(r"(?m)(?:(?<=[\s,(·:])([가-힣])|(\([^()\n]{1,12}))[ \t]*\n[ \t]*(?=[가-힣]{1,4}[)\s\d,])")


def visible(text: str) -> tuple[str, bool]:
    """`text` without the characters no one sees (category Cf: a byte-order mark, a zero-width space, a soft
    hyphen) and with every other space (a no-break space, an ideographic space) as a plain one."""
    out, changed = [], False
    for ch in text:
        kind = unicodedata.category(ch)
        if kind == "Cf":
            changed = True
            continue
        if kind == "Zs" and ch != " ":
            ch, changed = " ", True
        out.append(ch)
    return "".join(out), changed


def row_said(row: str) -> str:
    """A table row as the markdown row the table reader takes: "| 총급여 | 52,000,000 |"."""
    cells = [" ".join(TAG.sub(" ", c).split()) for c in CELL.findall(row)]
    return "| " + " | ".join(cells) + " |" if cells else " ".join(TAG.sub(" ", row).split())


def without_html(text: str) -> tuple[str, bool]:
    """A page's HTML as plain lines: entities as their characters, a table's rows as markdown rows, a paragraph
    or a line break as a new line, any other tag left out."""
    unescaped = ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    if not TAG.search(unescaped):
        return unescaped, unescaped != text
    said = ROW.sub(lambda m: "\n" + row_said(m.group(1)) + "\n", unescaped)
    said = TAG.sub("", BLOCK.sub("\n", said))
    said = "\n".join(line.rstrip() for line in said.split("\n"))
    said = re.sub(r"(?m)^(\|[^\n]*\|)\n(?:[ \t]*\n)+(?=\|)", r"\1\n", said)  # a table's rows kept together
    return re.sub(r"\n{3,}", "\n\n", said), True


def page_line(m: re.Match) -> str:
    """A page's own line left out; a line that also holds a figure keeps it, only the page mark is left out."""
    line = m.group(0)
    mark = re.search(r"(?i)\bpage[ \t]*\d{1,3}[ \t]*(?:of|/)[ \t]*\d{1,3}\b", line)
    rest = line[: mark.start()] + line[mark.end() :] if mark else ""
    return rest if re.search(r"\d", re.sub(r"(?i)\S+\.pdf\b", "", rest)) else ""


def whole_number(first: str, rest: str) -> str | None:
    """The number two halves broken across lines make, when it is grouped by thousands as a whole ("1,2" and
    "00" make "1,200"), else None (two figures on two lines)."""
    joined = first + rest
    m = re.match(r"\d{1,3}(?:,\d{3})+(?![\d,])", joined)
    return joined if m and "," in first and len(m.group(0)) > len(first) else None


def unbroken(text: str) -> tuple[str, list[str]]:
    """A PDF's text with its page lines and footnote marks left out and its broken numbers, units and words
    joined; the joins made (for the reading's note)."""
    joins: list[str] = []
    paged = PAGE_LINE.search(text) is not None
    text = PAGE_LINE.sub(page_line, text)
    text = FOOTNOTE.sub(lambda m: m.group(1) or "", text)

    def number(m: re.Match) -> str:
        whole = whole_number(m.group(1), m.group(2))
        if whole is None:
            return m.group(0)
        joins.append(whole)
        return whole

    text = BROKEN_NUMBER.sub(number, text)

    def unit(m: re.Match) -> str:
        joins.append(m.group(1).strip() + "…")
        return m.group(1)

    text = BROKEN_UNIT.sub(unit, text)
    if paged or joins:  # a word broken across lines is joined only in text broken like a PDF's
        text = BROKEN_WORD.sub(lambda m: m.group(1) or m.group(2), text)
    if paged:
        text = re.sub(r"\n{3,}", "\n\n", text)
    return text, joins


def pasted_plain(text: str) -> tuple[str, list[str]]:
    """The question with what copying brought along made plain, and what was assumed in doing so (Korean)."""
    assumed: list[str] = []
    text, tagged = without_html(text)
    if tagged:
        assumed.append("붙여 넣은 웹페이지의 HTML 태그·문자 코드(&#44; 등)를 글자와 표로 읽음")
    text, _ = visible(text)
    text, joins = unbroken(text)
    if joins:
        assumed.append(f"줄바꿈으로 끊긴 숫자·단위를 이어 읽음 ({', '.join(dict.fromkeys(joins))})")
    return text, assumed
