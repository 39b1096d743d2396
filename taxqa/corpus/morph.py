"""Tokens for Korean legal text: morphemes from kiwipiepy, character bigrams as a second signal.

Korean attaches particles and endings to words ("증여재산을", "공제하지", "돌려받을"), so whole words
rarely match. kiwipiepy's morphological analysis splits them into content morphemes: "증여재산을" -> 증여
재산, "돌려받을" -> 돌려받. Each distinct word is analysed once, on its own, so a word always gives the same
morphemes. Nouns ending in a tax suffix also give their stem ("증여세" -> 증여세 증여) so the name of a tax
finds the articles on its subject.

The analysis of every word of the embedded corpus ships with the package (data/words.tsv.gz, written by
`python -m taxqa.corpus.vocab`), so neither indexing the embedded corpus nor reading a query loads the
analyser (~1 s and ~250 MB). Only indexing other passages analyses their new words with kiwipiepy. A query
word the vocabulary lacks is split into the longest known morphemes it contains ("세금에서" -> 세금,
"연말정산때" -> 연말정산); a word with none ("깎아주는") gives nothing here: lay words reach the statute
through the term table (taxqa.corpus.terms).

Character bigrams ("증여재산" -> 증여 여재 재산) need no dictionary and catch what the analyser splits
differently; they are the secondary signal. Article references ("제53조의2") are single tokens in both.
"""

from __future__ import annotations

import gzip
import re
import threading
import zlib
from collections.abc import Iterable
from importlib import resources

_WORD_RE = re.compile(r"제\s?\d+\s?조(?:\s?의\s?\d+)?|[가-힣]+|[A-Za-z]+|\d+")
_KEEP = ("NNG", "NNP", "XR", "SH")  # content morphemes of 2+ syllables; verb/adjective stems too; Latin words
_STEMS = ("VV", "VA")
_SUFFIXES = ("세", "자", "금", "액", "료", "율", "법")  # 증여세 -> 증여, 과세자 -> 과세, 보험금 -> 보험
VOCABULARY = "words.tsv.gz"
_LOCK = threading.Lock()
_KIWI = None
_WORDS: dict[str, tuple[str, ...]] = {}  # word -> its content morphemes (per process)
_KNOWN: set[str] = set()  # every morpheme of a known word (for splitting unknown query words)
_LONGEST = 1
_LOADED = False


def kiwi():
    """The shared Kiwi analyser (loaded once per process: about a second, ~250 MB)."""
    global _KIWI
    with _LOCK:
        if _KIWI is None:
            from kiwipiepy import Kiwi

            # no typo or multi-word dictionaries: statutes are spelt right, and they cost load time and memory
            _KIWI = Kiwi(load_typo_dict=False, load_multi_dict=False)
        return _KIWI


def kiwi_version() -> str:
    from importlib.metadata import version

    return version("kiwipiepy")


def _content(tokens) -> tuple[str, ...]:
    """Content morphemes of one word; a run of one-syllable nouns is kept joined ("물/납" -> 물납)."""
    out: list[str] = []
    run = ""
    for t in [*tokens, None]:
        tag = t.tag.split("-")[0] if t is not None else ""
        if t is not None and tag in _KEEP and len(t.form) == 1:
            run += t.form
            continue
        if len(run) >= 2:
            out.append(run)
        run = ""
        if t is None:
            break
        if (tag in _KEEP and len(t.form) >= 2) or (tag in _STEMS and len(t.form) >= 2) or tag == "SL":
            form = t.form.lower()
            out.append(form)
            if tag == "NNG" and len(form) >= 3 and form.endswith(_SUFFIXES):
                out.append(form[:-1])
    return tuple(out)


def _remember(found: dict[str, tuple[str, ...]]) -> None:
    global _LONGEST
    with _LOCK:
        _WORDS.update(found)
        for forms in found.values():
            for m in forms:
                if len(m) >= 2 and "가" <= m[0] <= "힣":
                    _KNOWN.add(m)
                    _LONGEST = max(_LONGEST, len(m))


def load_vocabulary() -> None:
    """The shipped analysis of the embedded corpus's words, read once per process (~50 ms)."""
    global _LOADED
    if _LOADED:
        return
    path = resources.files("taxqa.corpus") / "data" / VOCABULARY
    found: dict[str, tuple[str, ...]] = {}
    try:
        for line in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines():  # one read: faster
            word, _, forms = line.partition("\t")
            found[word] = tuple(forms.split())
    except (OSError, EOFError, UnicodeDecodeError, zlib.error):  # none (a checkout mid-rebuild): words are analysed
        found = {}
    _remember(found)
    _LOADED = True


def vocabulary() -> dict[str, tuple[str, ...]]:
    """Every word analysed so far in this process -> its morphemes (the shipped ones included)."""
    load_vocabulary()
    return _WORDS


def remember(words: dict[str, Iterable[str]]) -> None:
    """Add analysed words (e.g. saved with an index of other passages) to this process's vocabulary."""
    load_vocabulary()
    _remember({w: tuple(forms) for w, forms in words.items()})


def analyse_words(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Analyse, with kiwipiepy in one batch, the Hangul words the vocabulary lacks; returns the new ones."""
    load_vocabulary()
    todo = sorted({w for w in words if w not in _WORDS})
    if not todo:
        return {}
    results = kiwi().tokenize(todo)
    found = {word: _content(tokens) for word, tokens in zip(todo, results)}
    _remember(found)
    return found


def split_unknown(word: str) -> tuple[str, ...]:
    """The longest known morphemes inside a word the vocabulary lacks, left to right."""
    out: list[str] = []
    i = 0
    while i < len(word) - 1:
        for j in range(min(len(word), i + _LONGEST), i + 1, -1):
            if word[i:j] in _KNOWN:
                out.append(word[i:j])
                i = j
                break
        else:
            i += 1
    return tuple(out)


def words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


def morphs(text: str) -> list[str]:
    """Content morphemes of a text, in order: "증여재산을 공제한다" -> [증여, 재산, 공제]."""
    load_vocabulary()
    out: list[str] = []
    for word in words(text):
        first = word[0]
        if first == "제" and len(word) > 1 and not "가" <= word[1] <= "힣":
            out.append(word.replace(" ", ""))
        elif "가" <= first <= "힣":
            known = _WORDS.get(word)
            out += known if known is not None else split_unknown(word)
        else:
            out.append(word.lower())
    return out


def with_pairs(tokens: list[str]) -> list[str]:
    """Tokens plus each adjacent pair joined ("증여 재산 공제" -> ... 증여+재산 재산+공제): compounds and phrases."""
    return tokens + [f"{a}+{b}" for a, b in zip(tokens, tokens[1:]) if a != b]


def bigrams(text: str) -> list[str]:
    """Hangul runs as character bigrams plus unigrams; other words whole: "증여재산" -> 증 여 재 산 증여 여재 재산."""
    tokens: list[str] = []
    for word in words(text):
        first = word[0]
        if first == "제" and len(word) > 1 and not "가" <= word[1] <= "힣":
            tokens.append(word.replace(" ", ""))
        elif "가" <= first <= "힣":
            tokens += word
            tokens += map(str.__add__, word, word[1:])
        else:
            tokens.append(word.lower())
    return tokens
