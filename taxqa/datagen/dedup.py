"""Exact and near-duplicate questions (MinHash LSH over character 3-grams, taxqa.neardup).

Two questions that differ in a figure (20억 vs 30억) or a fact (parent vs
spouse, gift vs inheritance) are different questions however similar their
wording: a pair is a near-duplicate only when their facts signature (money
amounts via taxqa.amounts.iter_amounts, other numbers, relation and tax words)
is equal and the exact Jaccard similarity of their 3-gram sets reaches the
threshold. LSH only narrows the candidates, so the result is deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Hashable

from taxqa.amounts import iter_amounts
from taxqa.neardup import NUM_PERM, MinHashIndex, string_hashes
from taxqa.records import normalize_text
from taxqa.tax.kinds import KINDS

DEFAULT_THRESHOLD = 0.7

# Words that change the question's facts; synonyms map to one group. Longest first, so
# 조부모 is not read as 부모 and 할아버지 not as 아버지.
FACT_WORDS: dict[str, str] = {
    **dict.fromkeys(["부모", "아버지", "어머니", "부친", "모친", "아빠", "엄마", "직계존속"], "parent"),
    **dict.fromkeys(["조부모", "할아버지", "할머니", "조부", "조모"], "grandparent"),
    **dict.fromkeys(["배우자", "남편", "아내"], "spouse"),
    **dict.fromkeys(["자녀", "아들", "딸", "직계비속", "자식"], "child"),
    **dict.fromkeys(["손자녀", "손자", "손녀", "손주"], "grandchild"),
    **dict.fromkeys(["형제", "자매", "누나", "오빠", "언니", "동생"], "sibling"),
    **dict.fromkeys(
        [
            "사위",
            "며느리",
            "장인",
            "장모",
            "시부모",
            "친척",
            "친족",
            "삼촌",
            "외삼촌",
            "이모",
            "고모",
            "숙부",
            "사촌",
            "조카",
        ],
        "relative",
    ),
    **dict.fromkeys(["타인", "지인", "친구", "동료", "제3자"], "unrelated"),
    **dict.fromkeys(["미성년"], "minor"),
    **dict.fromkeys(["혼인", "결혼"], "marriage"),
    **dict.fromkeys(["출산", "출생"], "birth"),
    **dict.fromkeys(["세대생략", "세대를 건너뛴"], "generation-skip"),
    # the tax: each kind's stems (taxqa.tax.kinds), e.g. 증여 -> gift, 양도 -> transfer
    **{stem: kind.name for kind in KINDS.values() for stem in kind.stems},
    **dict.fromkeys(["비거주자"], "non-resident"),
    # Industries: the 간이과세 value-added ratio differs by industry.
    **{
        w: f"industry:{w}"
        for w in [
            "소매",
            "음식점",
            "제조",
            "숙박",
            "건설",
            "운수",
            "운송",
            "창고",
            "서비스",
            "농업",
            "임업",
            "어업",
            "부동산",
            "정보통신",
            "금융",
            "보험",
            "재생용",
            "소화물",
        ]
    },
}
_FACT_RE = re.compile("|".join(re.escape(w) for w in sorted(FACT_WORDS, key=len, reverse=True)))
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
_DROP_RE = re.compile(r"[\s\W_]+")


def facts_signature(text: str) -> tuple[tuple[int, ...], tuple[str, ...], frozenset[str]]:
    """(money amounts in order, other numbers, fact groups) of a question.

    Amounts keep their order: "1억 now, 3,000만원 before" is not "3,000만원 now, 1억 before".
    """
    text = normalize_text(text)
    amounts = list(iter_amounts(text))
    rest = text
    for m in reversed(amounts):
        rest = rest[: m.start] + " " + rest[m.end :]
    numbers = tuple(sorted(n.replace(",", "") for n in _NUMBER_RE.findall(rest)))
    return tuple(m.value for m in amounts), numbers, frozenset(FACT_WORDS[w] for w in _FACT_RE.findall(text))


def shingles(text: str, k: int = 3) -> set[str]:
    compact = _DROP_RE.sub("", normalize_text(text).lower())
    if len(compact) <= k:
        return {compact}
    return {compact[i : i + k] for i in range(len(compact) - k + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


class NearDupIndex:
    """Questions seen so far; ``matches`` returns the keys of the near-duplicates of a text."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD, num_perm: int = NUM_PERM):
        if not 0 < threshold <= 1:
            raise ValueError("near-duplicate threshold must be in (0, 1]")
        self.threshold = threshold
        self.num_perm = num_perm
        # A lower LSH threshold than the exact check: LSH only proposes candidates.
        self._lsh = MinHashIndex(max(0.05, threshold - 0.15), num_perm)
        self._exact: dict[str, Hashable] = {}
        self._entries: dict[Hashable, tuple[set[str], tuple]] = {}
        self._lsh_keys: dict[Hashable, str] = {}

    def _minhash(self, grams: set[str]):
        return self._lsh.signature(string_hashes(grams))

    def matches(self, text: str) -> list[Hashable]:
        """Keys of the indexed questions this one duplicates (exact first)."""
        exact = self._exact.get(normalize_text(text))
        found = [exact] if exact is not None else []
        grams = shingles(text)
        signature = facts_signature(text)
        for lsh_key in self._lsh.candidates(self._minhash(grams)):
            key = self._lsh_keys[lsh_key]
            if key in found:
                continue
            other_grams, other_sig = self._entries[key]
            if other_sig == signature and jaccard(grams, other_grams) >= self.threshold:
                found.append(key)
        return found

    def add(self, key: Hashable, text: str) -> None:
        if key in self._entries:
            raise ValueError(f"key {key!r} already indexed")
        grams = shingles(text)
        self._entries[key] = (grams, facts_signature(text))
        self._exact.setdefault(normalize_text(text), key)
        lsh_key = f"k{len(self._lsh_keys)}"
        self._lsh_keys[lsh_key] = key
        self._lsh.insert(lsh_key, self._minhash(grams))

    def __len__(self) -> int:
        return len(self._entries)


def is_near_duplicate(a: str, b: str, threshold: float = DEFAULT_THRESHOLD) -> bool:
    """The pairwise rule the index applies (for tests and single checks)."""
    if normalize_text(a) == normalize_text(b):
        return True
    return facts_signature(a) == facts_signature(b) and jaccard(shingles(a), shingles(b)) >= threshold
