"""Tokens for Korean legal text: morphemes from kiwipiepy, character bigrams as a second signal.

Korean attaches particles and endings to words ("증여재산을", "공제하지", "돌려받을"), so whole words
rarely match. kiwipiepy's morphological analysis (its model ships in the wheel) splits them into content
morphemes: "증여재산을" -> 증여 재산, "돌려받을" -> 돌려받. Each distinct word is analysed once and
remembered (the statutes have ~24,000 distinct words in 300,000), which makes indexing the embedded corpus
take seconds rather than the better part of a minute. Nouns ending in a tax suffix also give their stem
("증여세" -> 증여세 증여) so the name of a tax finds the articles on its subject.

Character bigrams ("증여재산" -> 증여 여재 재산) need no dictionary and catch what the analyser splits
differently; they are the secondary signal. Article references ("제53조의2") are single tokens in both.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable

_WORD_RE = re.compile(r"제\s?\d+\s?조(?:\s?의\s?\d+)?|[가-힣]+|[A-Za-z]+|\d+")
_KEEP = ("NNG", "NNP", "XR", "SH")  # content morphemes of 2+ syllables; verb/adjective stems too; Latin words
_STEMS = ("VV", "VA")
_SUFFIXES = ("세", "자", "금", "액", "료", "율", "법")  # 증여세 -> 증여, 과세자 -> 과세, 보험금 -> 보험
_LOCK = threading.Lock()
_KIWI = None
_WORDS: dict[str, tuple[str, ...]] = {}  # word -> its content morphemes (per process)


def kiwi():
    """The shared Kiwi analyser (loaded once per process: a few seconds, ~250 MB)."""
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


def analyse_words(words: Iterable[str]) -> None:
    """Analyse the Hangul words not seen yet in one batch (Kiwi uses its worker threads)."""
    todo = sorted({w for w in words if w not in _WORDS})
    if not todo:
        return
    results = kiwi().tokenize(todo)
    with _LOCK:
        for word, tokens in zip(todo, results):
            _WORDS[word] = _content(tokens)


def words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


def morphs(text: str) -> list[str]:
    """Content morphemes of a text, in order: "증여재산을 공제한다" -> [증여, 재산, 공제]."""
    found = words(text)
    analyse_words(w for w in found if "가" <= w[0] <= "힣")
    out: list[str] = []
    for word in found:
        first = word[0]
        if first == "제" and len(word) > 1 and not "가" <= word[1] <= "힣":
            out.append(word.replace(" ", ""))
        elif "가" <= first <= "힣":
            out += _WORDS.get(word, ())
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
