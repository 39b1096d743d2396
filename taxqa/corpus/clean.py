"""Text cleaning and duplicate removal.

Statute text keeps its line structure (항, 호, 목 each on a line); inside a line whitespace collapses.
Box-drawing rate tables (sent inside <img>...</img> markers) become "cell | cell" lines, one per table
row, continuation lines merged into their row, so "1억원 초과 5억원 이하 | 1천만원 + (...)" reads as one line.
HTML tags are ASCII tag names only: "<개정 2010.1.1>" and "<과세표준>" are text and stay.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
import zlib

from taxqa.records import normalize_text

_IMG_BLOCK_RE = re.compile(r"<img\b[^>]*>(.*?)</img>", re.S | re.I)
_HTML_TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_BR_RE = re.compile(r"<br\s*/?>|</p>|</div>|</tr>", re.I)
_MD_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_BOX_BORDER = set("┌┬┐├┼┤└┴┘─━┏┳┓┣╋┫┗┻┛═╔╦╗╠╬╣╚╩╝ ")
_BOX_BAR_RE = re.compile(r"[│┃║]")
_SPACES_RE = re.compile(r"[ \t\u00a0\u3000]+")


def _table_rows(lines: list[str]) -> list[str]:
    """Box-drawing table lines -> one "a | b" line per row (rows are separated by border lines)."""
    rows: list[list[list[str]]] = [[]]
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        if set(stripped) <= _BOX_BORDER:
            rows.append([])
            continue
        if _BOX_BAR_RE.search(stripped):
            cells = [c.strip() for c in _BOX_BAR_RE.split(stripped)]
            if cells and not cells[0]:
                cells = cells[1:]
            if cells and not cells[-1]:
                cells = cells[:-1]
            rows[-1].append(cells)
        else:
            rows[-1].append([stripped])
    out = []
    for group in rows:
        if not group:
            continue
        width = len(group[0])
        if all(len(g) == width for g in group):
            merged = [" ".join(g[i] for g in group if g[i]) for i in range(width)]
            out.append(" | ".join(c for c in merged))
        else:
            out.extend(" | ".join(g) for g in group)
    return [re.sub(r"\s+", " ", r).strip(" |") for r in out if r.strip(" |")]


def _replace_table(match: re.Match) -> str:
    return "\n" + "\n".join(_table_rows(match.group(1).splitlines())) + "\n"


def clean_text(text: str, *, markdown: bool = False) -> str:
    """NFC, tables made readable, HTML tags and entities removed, whitespace collapsed per line."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _IMG_BLOCK_RE.sub(_replace_table, text)
    if "│" in text:  # a table without its <img> marker
        text = _bare_tables(text)
    text = _BR_RE.sub("\n", text)
    text = _HTML_TAG_RE.sub("", text)
    text = html.unescape(text)
    if markdown:
        text = text.replace("**", "")
        text = _MD_ESCAPE_RE.sub(r"\1", text)
    lines = (_SPACES_RE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _bare_tables(text: str) -> str:
    out, block = [], []
    for line in text.split("\n"):
        s = line.strip()
        if s and (set(s) <= _BOX_BORDER or _BOX_BAR_RE.search(s)):
            block.append(line)
            continue
        if block:
            out.extend(_table_rows(block))
            block = []
        out.append(line)
    if block:
        out.extend(_table_rows(block))
    return "\n".join(out)


def text_key(text: str) -> bytes:
    """Exact-duplicate key: the hash of the whitespace-normalised text."""
    return hashlib.blake2b(normalize_text(text).encode("utf-8"), digest_size=16).digest()


class NearDupFilter:
    """Exact and near-duplicate detection over a stream of documents (MinHash LSH, datasketch).

    Shingles are word 3-grams, hashed from their words' CRC32 with numpy. A long document keeps only the shingles whose hash is
    0 mod 4 (the same subset for every document, so the Jaccard estimate stays unbiased) which makes a
    20 KB decision four times cheaper to sign. The LSH index keeps band hashes only, so memory grows
    with the number of documents, not their length.
    """

    def __init__(self, threshold: float = 0.85, num_perm: int = 64, sample_above: int = 400):
        from taxqa.neardup import MinHashIndex

        self.num_perm = num_perm
        self.sample_above = sample_above
        self.index = MinHashIndex(threshold, num_perm)
        self.seen: set[bytes] = set()
        self.exact = 0
        self.near = 0
        self._n = 0

    def signature(self, normalized: str):
        import numpy as np

        words = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in normalized.split(" ")), dtype=np.uint64)
        if len(words) >= 3:  # a 3-gram's hash from its words' hashes, vectorised (mod 2^32)
            grams = (words[:-2] * np.uint64(0x9E3779B1) + words[1:-1] * np.uint64(0x85EBCA77) + words[2:]) & np.uint64(
                0xFFFFFFFF
            )
        else:
            grams = words
        grams = np.unique(grams)
        if len(grams) > self.sample_above:
            grams = grams[(grams & np.uint64(3)) == 0]
        return self.index.signature(grams.tolist())

    def is_duplicate(self, text: str) -> bool:
        """True if text repeats (exactly or nearly) an earlier document; otherwise remember it."""
        normalized = normalize_text(text)
        key = hashlib.blake2b(normalized.encode("utf-8"), digest_size=16).digest()
        if key in self.seen:
            self.exact += 1
            return True
        sig = self.signature(normalized)
        if self.index.candidates(sig):
            self.near += 1
            return True
        self.seen.add(key)
        self._n += 1
        self.index.insert(self._n, sig)
        return False
