"""Everyday Korean words -> the statutes' words: a reviewed, word-level lexicon (data/lexicon.tsv).

People ask in native words the statutes never use: 팔다 for 양도, 물려받다 for 상속, 세 놓다 for 임대, 고치다
for 수선, 통장 for 계좌, 알바 for 일용근로자. The corpus vocabulary lacks them, so such a question keeps one or
two content words. Each line of the lexicon maps one everyday word (a verb or adjective in its dictionary form
ending in 다, a noun, or a noun with its verb: "세 놓다") to the statute's words; a question containing the word
in any of its usual forms gets those words as a weak expansion (taxqa.corpus.query, LEXICON_WEIGHT in
taxqa.corpus.bm25), never per question.

Forms are made here, without the analyser (a search process does not load it): a verb's stem with the endings
people type (팔다 -> 팔고, 팔면, 팔아, 팔았, 판, 팔, 파는, 팝니다; 고치다 -> 고쳐, 고쳤, 고친; 주다 -> 줘, 줬),
a noun bare or with a particle (집 -> 집을, 집에서; not 집중). A form of one syllable must be the whole word.

Every statute word must be a content morpheme of the corpus vocabulary (taxqa.corpus.morph): `check()` fails
otherwise, and `python -m taxqa.corpus.lexicon` (run by `python -m taxqa.corpus.terms` too) runs it.
"""

from __future__ import annotations

import argparse
import re
import sys
import threading
from importlib import resources

LEXICON = "lexicon.tsv"
_LOCK = threading.Lock()
_ENTRIES: list | None = None
_INDEX: tuple | None = None
_WRITTEN = re.compile(r"[가-힣]+|\d+")
_NUMBER_WORDS = {"몇", "한", "두", "세", "네", "다섯", "여러", "첫", "열"}

_BASE, _V, _T = 0xAC00, 28, 21 * 28  # Hangul syllable = BASE + lead * 588 + vowel * 28 + tail
# vowels ㅏ ㅐ ㅓ ㅔ ㅕ ㅗ ㅘ ㅙ ㅚ ㅜ ㅝ ㅡ ㅣ
_A, _AE, _EO, _E, _YEO, _O, _WA, _WAE, _OE, _U, _WEO, _EU, _I = 0, 1, 4, 5, 6, 8, 9, 10, 11, 13, 14, 18, 20
_N, _L, _B, _SS = 4, 8, 17, 20  # tails ㄴ ㄹ ㅂ ㅆ
_DIRECT = ("고", "지", "게", "기", "다", "던", "도록", "자", "느라")  # endings after any stem
_AFTER_VOWEL = ("면", "려", "세요", "시", "니")  # after a vowel stem; 으면, 으려 ... after a consonant
# endings and auxiliary verbs after the 아/어 form: 팔아서, 떼가, 고쳐줘, 넘겨버렸
_AFTER_INFINITIVE = (
    "서",
    "도",
    "야",
    "요",
    "가",
    "갔",
    "주",
    "줘",
    "줬",
    "준",
    "줄",
    "버",
    "놓",
    "놨",
    "봐",
    "보",
    "있",
)
# particles a noun takes; a noun of one syllable matches only bare or with one of these
_PARTICLES = (
    "이|가|을|를|은|는|에|에서|에게|한테|도|만|으로|로|의|이랑|랑|하고|과|와|까지|부터|이나|나|값|세|에는|이라|라"
)


def _split(syllable: str) -> tuple[int, int, int]:
    code = ord(syllable) - _BASE
    return code // _T, (code % _T) // _V, code % _V


def _join(lead: int, vowel: int, tail: int = 0) -> str:
    return chr(_BASE + lead * _T + vowel * _V + tail)


def _hangul(ch: str) -> bool:
    return "가" <= ch <= "힣"


def _with_tail(stem: str, tail: int) -> str:
    lead, vowel, _ = _split(stem[-1])
    return stem[:-1] + _join(lead, vowel, tail)


def _infinitive(stem: str) -> list[str]:
    """The 아/어 form(s) of a stem: 팔 -> 팔아, 받 -> 받아, 고치 -> 고쳐, 주 -> 줘 and 주어, 하 -> 해 and 하여."""
    lead, vowel, tail = _split(stem[-1])
    head = stem[:-1]
    if tail:
        return [stem + ("아" if vowel in (_A, _O) else "어")]
    if stem.endswith("하"):
        return [head + "해", stem + "여"]
    contracted = {_A: _A, _EO: _EO, _AE: _AE, _E: _E, _O: _WA, _U: _WEO, _I: _YEO, _OE: _WAE, _EU: _EO}.get(vowel)
    if vowel == _EU and head and _split(head[-1])[1] in (_A, _O):
        contracted = _A  # 모으 -> 모아, 바쁘 -> 바빠
    if contracted is None:
        return [stem + "어"]
    out = [head + _join(lead, contracted)]
    if vowel in (_O, _U, _I, _E, _AE):
        out.append(stem + ("아" if vowel == _O else "어"))
    return out


def verb_forms(stem: str) -> set[str]:
    """Surface beginnings of a verb's or adjective's forms (stem without 다)."""
    _, _, tail = _split(stem[-1])
    forms = {stem + e for e in _DIRECT}
    for inf in _infinitive(stem):
        forms |= {inf, *(inf + e for e in _AFTER_INFINITIVE), _with_tail(inf, _SS)}  # 팔아, 팔아서, 팔았
    if tail == _L:  # ㄹ drops before ㄴ, ㅂ, 세, 시, 니: 팔 -> 파는, 판, 팝니다, 파세요
        bare = _with_tail(stem, 0)
        forms |= {stem, stem + "면", stem + "려", bare + "는", bare + "니", bare + "세요", bare + "시", bare + "느라"}
        forms.discard(stem + "느라")
        forms |= {_with_tail(stem, _N), _with_tail(stem, _B) + "니"}
    elif tail:
        forms |= {stem + "는", stem + "으면", stem + "으려", stem + "은", stem + "을", stem + "으니", stem + "습니"}
    else:
        forms |= {stem + "는", *(stem + e for e in _AFTER_VOWEL)}
        forms |= {_with_tail(stem, _N), _with_tail(stem, _L), _with_tail(stem, _B) + "니"}  # 고친, 고칠, 고칩니다
    return forms


def surface(word: str) -> tuple[set[str], set[str]]:
    """How a written word says an everyday word of the lexicon: (beginnings, whole words). A form of two
    syllables or more, or a past form (샀, 줬), begins a word (팔아 -> 팔아서, 팔았 -> 팔았는데; 가게 -> 가게를); a
    form of one syllable is the whole word (판, 산; 집, 집을, 집에서; not 집중). A noun with its verb ("세 놓다")
    is said as two words (세를 놓고) or one (세놓고)."""
    last = word.split()[-1]
    if last.endswith("다") and len(last) >= 2:
        forms = verb_forms(last[:-1])
    elif len(last) >= 2:
        forms = {last}
    else:
        return set(), _with_particles(last)  # a one-syllable noun: bare or with a particle, whole
    begins = {f for f in forms if len(f) >= 2 or _split(f[-1])[2] == _SS}
    return begins, forms - begins


def _with_particles(noun: str) -> set[str]:
    return {noun, *(noun + p for p in _PARTICLES.split("|"))}


def _says(written: str, begins: set[str], wholes: set[str], longest: int) -> bool:
    return written in wholes or any(written[:n] in begins for n in range(1, min(len(written), longest) + 1))


def read_lexicon(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """(everyday word, statute words) per line of a lexicon file."""
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        word, _, targets = line.partition("\t")
        if not word.strip() or not targets.split() or not all(map(_hangul, word.replace(" ", ""))):
            raise ValueError(f"{LEXICON}:{n}: expected 'everyday word<TAB>statute words', got {line!r}")
        out.append((word.strip(), tuple(targets.split())))
    return out


def _text() -> str:
    return (resources.files("taxqa.corpus") / "data" / LEXICON).read_text(encoding="utf-8")


def entries() -> list[tuple[str, tuple[str, ...], tuple[str, ...], set[str], set[str], int]]:
    """(everyday word, its lead words, statute words, beginnings, whole words, longest beginning) of the
    shipped lexicon, read once per process (a few ms: set lookups, no regexes)."""
    global _ENTRIES
    with _LOCK:
        if _ENTRIES is None:
            try:
                rows = read_lexicon(_text())
            except OSError:
                rows = []
            _ENTRIES = []
            for word, targets in rows:
                begins, wholes = surface(word)
                longest = max(map(len, begins), default=0)
                _ENTRIES.append((word, tuple(word.split()[:-1]), targets, begins, wholes, longest))
        return _ENTRIES


def _forms_index() -> tuple[dict[str, set[int]], dict[str, set[int]], int]:
    """beginning -> entries, whole word -> entries, the longest beginning: each written word is looked up
    once per prefix, not once per entry."""
    global _INDEX
    if _INDEX is None:
        begins: dict[str, set[int]] = {}
        wholes: dict[str, set[int]] = {}
        for n, (_, lead, _, b, w, _) in enumerate(entries()):
            if not lead:
                for f in b:
                    begins.setdefault(f, set()).add(n)
                for f in w:
                    wholes.setdefault(f, set()).add(n)
        _INDEX = begins, wholes, max(map(len, begins), default=0)
    return _INDEX


def lookup(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """The everyday words of the lexicon a text says, with their statute words, in lexicon order. A noun with
    its verb ("떼 오다": 매입) takes its words from the single entries (떼다: 원천징수); a one-syllable form after
    a number word is a counter ("몇 번", "두 살"), not a verb's form (벌다's 번, 살다's 살)."""
    written = _WRITTEN.findall(text)
    begins, wholes, longest = _forms_index()
    table = entries()
    hit: set[int] = set()
    used: set[int] = set()
    for n, (_, lead, _, b, w, most) in enumerate(table):
        if not lead:
            continue
        joined, leads = "".join(lead), _with_particles(lead[-1])  # 세(를) 놓고, or 세놓고 in one word
        for i, x in enumerate(written):
            if i + 1 < len(written) and x in leads and _says(written[i + 1], b, w, most):
                hit.add(n)
                used |= {i, i + 1}
            elif x.startswith(joined) and _says(x[len(joined) :], b, w, most):
                hit.add(n)
                used.add(i)
    for i, x in enumerate(written):
        if i in used:
            continue
        counted = len(x) == 1 and i > 0 and (written[i - 1] in _NUMBER_WORDS or written[i - 1].isdigit())
        if not counted:
            hit |= wholes.get(x, set())
        for n in range(1, min(len(x), longest) + 1):
            hit |= begins.get(x[:n], set())
    return [(table[n][0], table[n][2]) for n in sorted(hit)]


def expand(text: str) -> list[str]:
    """The statute words a text's everyday words map to, without repeats."""
    return list(dict.fromkeys(t for _, targets in lookup(text) for t in targets))


def expansion(text: str) -> list[str]:
    """The index tokens of the statute words a text's everyday words map to (see tokens)."""
    return list(dict.fromkeys(tok for t in expand(text) for tok in tokens(t)))


def check(rows: list[tuple[str, tuple[str, ...]]] | None = None) -> list[str]:
    """Problems of the lexicon: statute words the corpus vocabulary does not have (see _in_corpus),
    everyday words listed twice. Empty when it is sound."""
    from taxqa.corpus.morph import _KNOWN, morphs, vocabulary

    corpus_words = "\n".join(vocabulary())  # every word of the embedded corpus, as written
    rows = read_lexicon(_text()) if rows is None else rows
    problems, seen = [], set()
    for word, targets in rows:
        if word in seen:
            problems.append(f"{word}: listed twice")
        seen.add(word)
        missing = [t for t in targets if not _in_corpus(t, morphs(t), _KNOWN, corpus_words)]
        if missing:
            problems.append(f"{word}: not in the corpus vocabulary: {' '.join(missing)}")
        if not any(surface(word)):
            problems.append(f"{word}: no written form")
    return problems


def tokens(term: str) -> list[str]:
    """The index tokens of a statute word: itself when it is a morpheme of the corpus (양도), else its
    analysis (일용근로자 -> 일용 근로자 근로)."""
    from taxqa.corpus.morph import _KNOWN, load_vocabulary, morphs

    load_vocabulary()
    return [term] if term in _KNOWN else morphs(term)


def _in_corpus(term: str, parts: list[str], known: set[str], corpus_words: str) -> bool:
    """A statute word the corpus has: a morpheme of its vocabulary (양도), or written in its text and read
    into morphemes of the corpus that spell it whole (일용근로자 -> 일용 근로자, a tax suffix's stem 근로
    aside), so the expansion reaches the index's tokens."""
    if term in known:
        return True
    spelt = "".join(p for n, p in enumerate(parts) if not (n and parts[n - 1].startswith(p)))
    return term in corpus_words and spelt == term and all(p in known for p in parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m taxqa.corpus.lexicon", description=__doc__.split("\n")[0])
    parser.add_argument("--show", metavar="TEXT", help="print the everyday words TEXT says and their statute words")
    args = parser.parse_args(argv)
    if args.show:
        for word, targets in lookup(args.show):
            print(f"{word}\t{' '.join(targets)}")
        return 0
    problems = check()
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        return 1
    print(f"{LEXICON}: {len(read_lexicon(_text()))} everyday words, every statute word in the corpus vocabulary")
    return 0


if __name__ == "__main__":
    sys.exit(main())
