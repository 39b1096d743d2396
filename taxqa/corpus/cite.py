"""Law names and article citations: canonical spaced names, finding citations in text, resolving them.

A citation is "<official spaced law name> <article>", e.g. "상속세 및 증여세법 제53조의2". Answers write law
names with or without spaces, with common abbreviations (상증법), and list several articles after one name
("상속세 및 증여세법 제26조, 제53조"); all of these map to the same canonical citations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from taxqa.records import PassageRecord


# The national and local tax acts (`taxqa corpus fetch --preset tax` fetches them with their decrees and rules).
TAX_ACTS = (
    "국세기본법",
    "국세징수법",
    "소득세법",
    "법인세법",
    "상속세 및 증여세법",
    "부가가치세법",
    "개별소비세법",
    "교통ㆍ에너지ㆍ환경세법",
    "주세법",
    "인지세법",
    "증권거래세법",
    "교육세법",
    "농어촌특별세법",
    "종합부동산세법",
    "조세특례제한법",
    "국제조세조정에 관한 법률",
    "조세범 처벌법",
    "지방세기본법",
    "지방세징수법",
    "지방세법",
    "지방세특례제한법",
)
# Official names of the laws the project deals with; more come from the corpus itself.
OFFICIAL_LAWS = (*TAX_ACTS, "민법")
# acts fetched together: `taxqa corpus fetch --preset tax`
PRESETS = {"tax": tuple(f"{act}{suffix}" for act in TAX_ACTS for suffix in ("", " 시행령", " 시행규칙"))}

# Abbreviations practitioners write -> official name.
ALIASES = {
    "상증법": "상속세 및 증여세법",
    "상증세법": "상속세 및 증여세법",
    "상증령": "상속세 및 증여세법 시행령",
    "상증세법시행령": "상속세 및 증여세법 시행령",
    "소법": "소득세법",
    "소령": "소득세법 시행령",
    "부가법": "부가가치세법",
    "부가령": "부가가치세법 시행령",
    "법법": "법인세법",
    "국기법": "국세기본법",
    "국징법": "국세징수법",
    "조특법": "조세특례제한법",
    "조특령": "조세특례제한법 시행령",
    "종부세법": "종합부동산세법",
    "국조법": "국제조세조정에 관한 법률",
}

_ARTICLE = r"제\s?(\d+)\s?조(?:\s?의\s?(\d+))?"
# After a law name: more articles, sub-units (항/호/목) and joiners, e.g. "제19조부터 제23조까지", "제53조제1항, 제26조".
_FOLLOW_RE = re.compile(
    r"\s*(?:,|및|ㆍ|·|또는|와|과|/|부터|까지|내지)?\s*"
    r"(" + _ARTICLE + r"|제\s?\d+\s?[항호](?:\s?의\s?\d+)?|[가-하]\s?목|본문|단서|전단|후단|각\s?호|각\s?목)"
)
# A parenthetical right after a law name: "상속세 및 증여세법(2007. 12. 31. 법률 제8828호로 개정되기 전의 것)".
_PAREN_RE = re.compile(r"\s*\([^()]*\)")
# Unknown laws written without spaces: "민사소송법 제1조", "가족관계의 등록 등에 관한 법률" is covered by the list.
_GENERIC_LAW_RE = re.compile(
    r"(?<![가-힣])([가-힣]{2,}(?:법률|법))(\s?시행령|\s?시행규칙)?(?=\s*(?:\([^()]*\))?\s*제\s?\d)"
)
_NOT_A_LAW = {"이법", "같은법", "동법", "본법", "위법", "구법", "신법", "방법", "헌법재판소법"}


def squash(text: str) -> str:
    """A law name without spaces or middle dots: the key two spellings of one law share."""
    return re.sub(r"[\s·ㆍ・]", "", text)


def article_label(number: int | str, branch: int | str | None = None) -> str:
    """제53조 / 제53조의2 from (53, 2)."""
    branch = str(branch or "").strip()
    return f"제{int(number)}조" + (f"의{int(branch)}" if branch and branch != "0" else "")


class LawNames:
    """Official spaced names keyed by their squashed spelling, plus abbreviations."""

    def __init__(self, names: Iterable[str] = ()):
        self.by_key: dict[str, str] = {}
        self._regex: re.Pattern | None = None
        for name in (*OFFICIAL_LAWS, *names):
            self.add(name)

    def add(self, name: str) -> None:
        name = re.sub(r"\s+", " ", name).strip()
        if not name:
            return
        self._regex = None
        self.by_key.setdefault(squash(name), name)
        if not name.endswith(("시행령", "시행규칙")):
            for suffix in ("시행령", "시행규칙"):
                self.by_key.setdefault(squash(name) + suffix, f"{name} {suffix}")

    def canonical(self, name: str) -> str | None:
        key = squash(name)
        if key in self.by_key:
            return self.by_key[key]
        if key in ALIASES:
            return ALIASES[key]
        for alias, official in ALIASES.items():  # "상증법시행령"
            for suffix in ("시행령", "시행규칙"):
                if key == alias + suffix and not official.endswith(("시행령", "시행규칙")):
                    return f"{official} {suffix}"
        return None

    @property
    def regex(self) -> re.Pattern:
        """A regex matching any known name or alias, spaced or not, longest first (built once)."""
        if self._regex is None:
            self._regex = self._pattern()
        return self._regex

    def _pattern(self) -> re.Pattern:
        keys = sorted({*self.by_key, *ALIASES}, key=len, reverse=True)
        parts = [r"\s?".join(re.escape(ch) if ch not in "·ㆍ" else "[·ㆍ・]?" for ch in key) for key in keys]
        # A name inside a longer word is not a citation of it ("증여세법" inside "상속세및증여세법" is fine,
        # since the longer name matches first at an earlier position).
        return re.compile(r"(?<![가-힣])(" + "|".join(parts) + r")")


_DEFAULT_NAMES: LawNames | None = None


def default_names() -> LawNames:
    global _DEFAULT_NAMES
    if _DEFAULT_NAMES is None:
        _DEFAULT_NAMES = LawNames()
    return _DEFAULT_NAMES


def find_citations(text: str, names: LawNames | None = None) -> list[str]:
    """Canonical article citations in a text, in order of first mention, without repeats.

    "(상속세 및 증여세법 제26조, 제53조)" -> ["상속세 및 증여세법 제26조", "상속세 및 증여세법 제53조"]:
    bare articles that follow a law name belong to it; 항/호/목 are dropped to the article.
    """
    names = names or default_names()
    found: list[tuple[int, int, str]] = []  # (start, end of name, official name)
    for m in names.regex.finditer(text):
        official = names.canonical(m.group(1))
        if official:
            found.append((m.start(), m.end(), official))
    taken = [(s, e) for s, e, _ in found]
    for m in _GENERIC_LAW_RE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        name = m.group(1) + (" " + m.group(2).strip() if m.group(2) else "")
        if squash(m.group(1)) in _NOT_A_LAW:
            continue
        found.append((m.start(), m.end(), names.canonical(name) or name))
    found.sort()
    out: dict[str, None] = {}
    for _, end, official in found:
        pos = end
        paren = _PAREN_RE.match(text, pos)
        if paren:
            pos = paren.end()
        while True:
            m = _FOLLOW_RE.match(text, pos)
            if not m:
                break
            if m.group(2):
                out.setdefault(f"{official} {article_label(m.group(2), m.group(3))}")
            pos = m.end()
    return list(out)


def split_citation(citation: str, names: LawNames | None = None) -> tuple[str | None, str | None]:
    """("상속세 및 증여세법", "제53조") from any spelling of a statute citation; (None, None) if none."""
    found = find_citations(citation, names)
    if not found:
        return None, None
    law, _, article = found[0].rpartition(" ")
    return law, article


class CitationIndex:
    """Passages keyed by (squashed law, article) and by squashed citation, first passage of an article wins."""

    def __init__(self, passages: Sequence[PassageRecord]):
        self.names = LawNames(p.law for p in passages if p.kind in ("statute", "decree"))
        self.by_article: dict[tuple[str, str], PassageRecord] = {}
        self.by_citation: dict[str, PassageRecord] = {}
        for p in passages:
            self.by_article.setdefault((squash(p.law), p.article), p)
            self.by_citation.setdefault(squash(p.citation), p)

    def resolve(self, citation: str) -> PassageRecord | None:
        text = citation.strip()
        if not text:
            return None
        hit = self.by_citation.get(squash(text))
        if hit:
            return hit
        law, article = split_citation(text, self.names)
        if law and article:
            return self.by_article.get((squash(law), article))
        # A precedent or ruling by its case number alone: "2013두13266".
        for p in self.by_citation.values():
            if p.kind in ("precedent", "ruling") and squash(p.article) and squash(p.article) in squash(text):
                return p
        return None
