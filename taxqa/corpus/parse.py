"""Parsers: law.go.kr DRF JSON (statutes, precedents, interpretations) and legalize-kr Markdown.

Every parser yields `Unit`s: one article of a statute or one decision/interpretation, with its text split
into parts (the article's lead text and one part per 항; or one part per section of a decision), so that
`build` can chunk long ones. Deleted articles ("삭제 <2015.12.15>") come out with `deleted=True`: they
take part in choosing between versions of a law but produce no passage.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from taxqa.corpus.cite import article_label, squash
from taxqa.corpus.clean import clean_text
from taxqa.errors import UserError

LAW_SITE = "https://www.law.go.kr"
PREC_SECTIONS = ("판시사항", "판결요지", "참조조문", "참조판례", "판례내용")
EXPC_SECTIONS = ("질의요지", "회답", "이유")
_DELETED_RE = re.compile(r"^삭제\s*(?:<[^<>]*>)?\s*$")
_HEAD_RE = re.compile(r"^제\s?\d+\s?조(?:\s?의\s?\d+)?\s*(?:\((.*?)\))?\s*")


class ParseError(UserError):
    """A file that looks like a supported format but does not parse; the message names file and field."""


@dataclass
class Unit:
    kind: str  # statute, decree, precedent, ruling
    law: str  # law name, or the court / the interpreting body
    article: str  # 제53조의2, or the case number
    title: str
    parts: list[str]  # cleaned text pieces: lead + one per 항 / one per decision section
    effective_date: str = ""
    source_url: str = ""
    citation: str = ""
    deleted: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.citation:
            self.citation = f"{self.law} {self.article}"


def iso_date(value: Any) -> str:
    """ "20250314", 2025-03-14 (YAML date) or "2025.3.14" -> "2025-03-14"; "" if unknown."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    digits = re.findall(r"\d+", str(value or ""))
    if len(digits) == 1 and len(digits[0]) == 8:
        d = digits[0]
        return f"{d[:4]}-{d[4:6]}-{d[6:]}"
    if len(digits) >= 3:
        return f"{int(digits[0]):04d}-{int(digits[1]):02d}-{int(digits[2]):02d}"
    return ""


def law_kind(name: str, kind_hint: str = "") -> str:
    return (
        "decree" if name.endswith(("시행령", "시행규칙")) or kind_hint in ("대통령령", "총리령", "부령") else "statute"
    )


def article_url(law: str, article: str) -> str:
    return f"{LAW_SITE}/법령/{squash(law)}/{article}"


# --- law.go.kr JSON -------------------------------------------------------------------------------------


def as_list(value: Any) -> list:
    """The API sends one item as an object and several as a list."""
    if value is None or value == "":
        return []
    return value if isinstance(value, list) else [value]


def flatten(value: Any) -> list[str]:
    """조문내용 / 항내용 are a string, or (with tables) nested lists of lines."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [line for item in value for line in flatten(item)]
    if isinstance(value, dict) and "content" in value:
        return flatten(value["content"])
    return []


def _paragraph_lines(hang: dict) -> list[str]:
    lines = flatten(hang.get("항내용"))
    for ho in as_list(hang.get("호")):
        if not isinstance(ho, dict):
            continue
        lines += flatten(ho.get("호내용"))
        for mok in as_list(ho.get("목")):
            if isinstance(mok, dict):
                lines += flatten(mok.get("목내용"))
    return lines


def parse_statute_json(obj: dict, where: str = "law.go.kr JSON") -> Iterator[Unit]:
    """Articles of a lawService.do?target=law|eflaw answer ({"법령": {"기본정보", "조문": {"조문단위"}}})."""
    law = obj.get("법령") if isinstance(obj, dict) else None
    if not isinstance(law, dict):
        raise ParseError(f"{where}: expected a '법령' object")
    info = law.get("기본정보") or {}
    name = info.get("법령명_한글") or info.get("법령명한글")
    if not isinstance(name, str) or not name.strip():
        raise ParseError(f"{where}: 기본정보.법령명_한글 is missing")
    name = re.sub(r"\s+", " ", name).strip()
    kind_hint = info.get("법종구분", {})
    kind = law_kind(name, kind_hint.get("content", "") if isinstance(kind_hint, dict) else str(kind_hint))
    law_date = iso_date(info.get("시행일자"))
    units = (law.get("조문") or {}).get("조문단위") if isinstance(law.get("조문"), dict) else None
    if units is None:
        raise ParseError(f"{where}: 조문.조문단위 is missing")
    for i, row in enumerate(as_list(units)):
        if not isinstance(row, dict) or row.get("조문여부") != "조문":
            continue  # 전문: a chapter/section heading
        try:
            article = article_label(row["조문번호"], row.get("조문가지번호"))
        except (KeyError, ValueError):
            raise ParseError(f"{where}: 조문단위[{i}]: 조문번호 {row.get('조문번호')!r} is not a number") from None
        lead = clean_text("\n".join(flatten(row.get("조문내용"))))
        m = _HEAD_RE.match(lead)
        title = (row.get("조문제목") or (m.group(1) if m else "") or "").strip()
        lead = lead[m.end() :].strip() if m else lead
        parts = [lead] if lead else []
        for hang in as_list(row.get("항")):
            if isinstance(hang, dict):
                text = clean_text("\n".join(_paragraph_lines(hang)))
                if text:
                    parts.append(text)
        deleted = bool(_DELETED_RE.match(lead)) and len(parts) == 1
        yield Unit(
            kind=kind,
            law=name,
            article=article,
            title=title,
            parts=parts,
            effective_date=iso_date(row.get("조문시행일자")) or law_date,
            source_url=article_url(name, article),
            deleted=deleted or not parts,
            extra={"version": law_date},
        )


def _decision(obj: dict, sections: tuple[str, ...], kind: str, where: str) -> Unit:
    parts = []
    for name in sections:
        text = clean_text("\n".join(flatten(obj.get(name))))
        if text:
            parts.append(f"【{name}】\n{text}")
    if kind == "precedent":
        case_no = str(obj.get("사건번호") or "").strip()
        court = str(obj.get("법원명") or "").strip() or "법원"
        date = iso_date(obj.get("선고일자"))
        if not case_no:
            raise ParseError(f"{where}: 사건번호 is missing")
        seq = str(obj.get("판례정보일련번호") or obj.get("판례일련번호") or "").strip()
        d = date.split("-") if date else []
        when = f" {int(d[0])}. {int(d[1])}. {int(d[2])}." if d else ""
        verdict = str(obj.get("선고") or "선고").strip()
        return Unit(
            kind=kind,
            law=court,
            article=case_no,
            title=str(obj.get("사건명") or "").strip(),
            parts=parts,
            effective_date=date,
            source_url=f"{LAW_SITE}/LSW/precInfoP.do?precSeq={seq}" if seq.isdigit() else "",
            citation=f"{court}{when} {verdict} {case_no} {obj.get('판결유형') or '판결'}",
        )
    case_no = str(obj.get("안건번호") or "").strip()
    body = str(obj.get("해석기관명") or "").strip() or "법제처"
    if not case_no:
        raise ParseError(f"{where}: 안건번호 is missing")
    seq = str(obj.get("법령해석례일련번호") or "").strip()
    return Unit(
        kind=kind,
        law=body,
        article=case_no,
        title=str(obj.get("안건명") or "").strip(),
        parts=parts,
        effective_date=iso_date(obj.get("해석일자")),
        source_url=f"{LAW_SITE}/LSW/expcInfoP.do?expcSeq={seq}" if seq.isdigit() else "",
        citation=f"{body} {case_no}",
    )


def parse_precedent_json(obj: dict, where: str = "precedent") -> Unit:
    """lawService.do?target=prec answer ({"PrecService": {...}}) or the bare object."""
    inner = obj.get("PrecService", obj) if isinstance(obj, dict) else None
    if not isinstance(inner, dict):
        raise ParseError(f"{where}: expected a PrecService object")
    return _decision(inner, PREC_SECTIONS, "precedent", where)


def parse_interpretation_json(obj: dict, where: str = "interpretation") -> Unit:
    """lawService.do?target=expc answer ({"ExpcService": {...}}) or the bare object."""
    inner = obj.get("ExpcService", obj) if isinstance(obj, dict) else None
    if not isinstance(inner, dict):
        raise ParseError(f"{where}: expected an ExpcService object")
    return _decision(inner, EXPC_SECTIONS, "ruling", where)


def json_kind(obj: Any) -> str | None:
    """Which of our JSON shapes an object is: statute, precedent, ruling, passage, or None."""
    if not isinstance(obj, dict):
        return None
    if isinstance(obj.get("법령"), dict):
        return "statute"
    if isinstance(obj.get("PrecService"), dict) or ("사건번호" in obj and "판례내용" in obj):
        return "precedent"
    if isinstance(obj.get("ExpcService"), dict) or ("안건번호" in obj and "회답" in obj):
        return "ruling"
    if {"id", "citation", "law", "text"} <= obj.keys():
        return "passage"
    return None


# --- legalize-kr Markdown -------------------------------------------------------------------------------

_ARTICLE_HEADING_RE = re.compile(r"^#{2,6}\s+(제\s?\d+\s?조(?:\s?의\s?\d+)?)\s*(?:\((.*)\))?\s*$")
_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
_PARAGRAPH_START_RE = re.compile(r"^\s*(?:\*\*)?[①-⑳㉑-㉟]")


def split_front_matter(text: str, where: str) -> tuple[dict, str]:
    if not text.startswith("---"):
        return {}, text
    end = text.find("\n---", 3)
    if end < 0:
        raise ParseError(f"{where}: YAML front matter is not closed with '---'")
    try:
        meta = yaml.safe_load(text[3:end]) or {}
    except yaml.YAMLError as exc:
        raise ParseError(f"{where}: invalid YAML front matter ({exc.__class__.__name__})") from None
    if not isinstance(meta, dict):
        raise ParseError(f"{where}: front matter must be a mapping")
    return meta, text[end + 4 :].lstrip("-\n")


def markdown_kind(meta: dict) -> str | None:
    if "사건번호" in meta:
        return "precedent"
    if "안건번호" in meta:
        return "ruling"
    if "제목" in meta and ("법령MST" in meta or "법령ID" in meta or "시행일자" in meta):
        return "statute"
    return None


def parse_markdown(text: str, where: str = "markdown") -> Iterator[Unit]:
    meta, body = split_front_matter(text, where)
    kind = markdown_kind(meta)
    if kind == "statute":
        yield from _statute_markdown(meta, body, where)
    elif kind in ("precedent", "ruling"):
        sections, current = {}, None
        for line in body.split("\n"):
            m = _HEADING_RE.match(line)
            if m and len(m.group(1)) == 2:
                current = m.group(2).strip()
                sections[current] = []
            elif current is not None:
                sections[current].append(line)
        obj = {**{k: str(v) for k, v in meta.items() if not isinstance(v, (list, dict))}}
        obj.update({k: "\n".join(v) for k, v in sections.items()})
        unit = _decision(obj, PREC_SECTIONS if kind == "precedent" else EXPC_SECTIONS, kind, where)
        if meta.get("출처") and str(meta["출처"]).startswith("http"):
            unit.source_url = str(meta["출처"])
        yield unit
    else:
        raise ParseError(f"{where}: front matter has neither 제목/시행일자 (a statute) nor 사건번호 (a precedent)")


def _statute_markdown(meta: dict, body: str, where: str) -> Iterator[Unit]:
    name = re.sub(r"\s+", " ", str(meta.get("제목") or "")).strip()
    if not name:
        raise ParseError(f"{where}: front matter field 제목 (the law's name) is missing")
    kind = law_kind(name, str(meta.get("법령구분") or ""))
    date = iso_date(meta.get("시행일자"))
    article = title = None
    lines: list[str] = []

    def emit() -> Iterator[Unit]:
        if article is None:
            return
        parts, current = [], []
        for line in lines:
            if _PARAGRAPH_START_RE.match(line) and current:
                parts.append(current)
                current = []
            current.append(line)
        if current:
            parts.append(current)
        texts = [t for t in (clean_text("\n".join(p), markdown=True) for p in parts) if t]
        deleted = not texts or (len(texts) == 1 and bool(_DELETED_RE.match(texts[0])))
        yield Unit(
            kind=kind,
            law=name,
            article=article,
            title=title or "",
            parts=texts,
            effective_date=date,
            source_url=article_url(name, article),
            deleted=deleted,
            extra={"version": date},
        )

    for line in body.split("\n"):
        m = _ARTICLE_HEADING_RE.match(line)
        if m:
            yield from emit()
            article, title, lines = article_label(*re.findall(r"\d+", m.group(1))[:2]), (m.group(2) or ""), []
            continue
        h = _HEADING_RE.match(line)
        if h:
            yield from emit()
            article = None
            if h.group(2).strip().startswith("부칙"):
                return  # addenda: transitional rules of past amendments, not the law in force
            continue
        if article is not None:
            lines.append(line)
    yield from emit()
