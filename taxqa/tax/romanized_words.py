"""Korean words typed in the Latin alphabet — romanized ("ganigwase 식당", "bugase 얼마", "eomma가 돌아가셔서") or
typed with the keyboard left in English mode ("dusakfwjdtks" is 연말정산 on the 두벌식 layout) — written back in
Hangul before any reader sees the question, so a tax, a person or a thing is read as if typed in Korean. Only whole
Latin words that spell a word of the list below are changed (any case for romanized words, hyphens ignored, a
particle after it allowed): an English word or a name is never guessed into Korean."""

from __future__ import annotations

import itertools
import re

# the words a tax question turns on: taxes, their terms, family, assets, pay
WORDS = """
세금 세액 증여 증여세 상속 상속세 양도 양도세 양도소득세 부가세 부가가치세 법인 법인세 소득세 종합소득세 종소세
연말정산 퇴직금 퇴직소득세 가산세 무신고 기한후신고 수정신고 간이과세 간이과세자 일반과세 일반과세자 취득세 종부세
종합부동산세 재산세 공시가격 원천징수 환급 신고 납부 매출 매입 공급가액 공급대가 과세표준 과표 중간예납
세금계산서 결정세액 산출세액 사업자 개인사업자 근로소득공제 필요경비 장기보유특별공제 비과세 일세대일주택
엄마 아빠 어머니 아버지 부모님 아들 딸 남편 아내 와이프 할머니 할아버지 손자 손녀 형 누나 오빠 언니 동생 여동생
남동생 시어머니 시아버지 장인 장모 사위 며느리 삼촌 고모 조카 배우자 자녀 큰아들 작은아들 큰딸 막내
아파트 집 땅 토지 상가 건물 주식 예금 적금 현금 빌라 오피스텔 월급 연봉 상여금 보너스 식당 카페
"""
# one final sound of a syllable, and an initial, can each be spelled two ways ("beobin" and "beopin" are 법인)
INITIALS = ["g|k", "kk", "n", "d|t", "tt", "r|l", "m", "b|p", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
VOWELS = "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i".split()
FINALS = [
    "", "g|k", "kk", "k|gs", "n", "n|nj", "n|nh", "d|t", "l|r", "l|lg", "l|lm", "l|lb", "l|ls", "l|lt", "l|lp",
    "l|lh", "m", "b|p", "b|p|bs", "s|t", "ss|t", "ng", "j|t", "ch|t", "k", "t", "p", "h|t",
]  # fmt: skip
# particles typed in Latin after a romanized word ("eommaga", "appaneun"), as Hangul
PARTICLES = {
    "ga": "가", "i": "이", "neun": "는", "eun": "은", "reul": "를", "eul": "을", "do": "도", "ege": "에게",
    "hante": "한테", "rang": "랑", "irang": "이랑", "wa": "와", "gwa": "과", "ui": "의", "e": "에", "ro": "로",
    "euro": "으로", "man": "만",
}  # fmt: skip
SHORTEST = 3  # "jip" (집), "ttal" (딸); two letters ("se", "il") are too often something else


def spellings(word: str) -> list[str]:
    """Every Latin spelling of a Hangul word, syllable by syllable (Revised Romanization, both sounds of a
    final or an initial that is said two ways)."""
    parts = []
    for syllable in word:
        code = ord(syllable) - 0xAC00
        initial, vowel, final = code // 588, code % 588 // 28, code % 28
        parts.append([a + VOWELS[vowel] + c for a in INITIALS[initial].split("|") for c in FINALS[final].split("|")])
    return ["".join(p) for p in itertools.product(*parts)]


HANGUL = {spelled: word for word in WORDS.split() for spelled in spellings(word)}
KNOWN = set(WORDS.split()) | {"감사합니다", "질문", "계산", "얼마"}
LATIN_WORD = re.compile(r"(?<![A-Za-z])[A-Za-z][A-Za-z-]*[A-Za-z](?![A-Za-z])")


# the 두벌식 keyboard: the key of each letter, with shift for the doubled consonants and ㅒ, ㅖ
KEYS = dict(
    zip("qwertyuiopasdfghjklzxcvbnmQWERTOP", "ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔㅁㄴㅇㄹㅎㅗㅓㅏㅣㅋㅌㅊㅍㅠㅜㅡㅃㅉㄸㄲㅆㅒㅖ")
)
LEADS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
VOWEL_JAMO = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
TAILS = ["", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"]
JOINED = {"ㅗㅏ": "ㅘ", "ㅗㅐ": "ㅙ", "ㅗㅣ": "ㅚ", "ㅜㅓ": "ㅝ", "ㅜㅔ": "ㅞ", "ㅜㅣ": "ㅟ", "ㅡㅣ": "ㅢ", "ㄱㅅ": "ㄳ", "ㄴㅈ": "ㄵ",
          "ㄴㅎ": "ㄶ", "ㄹㄱ": "ㄺ", "ㄹㅁ": "ㄻ", "ㄹㅂ": "ㄼ", "ㄹㅅ": "ㄽ", "ㄹㅌ": "ㄾ", "ㄹㅍ": "ㄿ", "ㄹㅎ": "ㅀ", "ㅂㅅ": "ㅄ"}  # fmt: skip


def typed_in_english_mode(latin: str) -> str | None:
    """The Hangul a word spells when typed on the 두벌식 keyboard in English mode ("dusakfwjdtks" -> "연말정산"),
    or None when the keys do not make whole syllables."""
    jamo = [KEYS.get(c) for c in latin]
    if None in jamo:
        return None
    out, k = [], 0
    while k < len(jamo):
        if jamo[k] not in LEADS or k + 1 >= len(jamo) or jamo[k + 1] not in VOWEL_JAMO:
            return None
        lead, vowel, k = jamo[k], jamo[k + 1], k + 2
        if k < len(jamo) and JOINED.get(vowel + jamo[k], "x") in VOWEL_JAMO:
            vowel, k = JOINED[vowel + jamo[k]], k + 1
        tail = ""  # a consonant closes the syllable unless a vowel follows it (then it opens the next one)
        if k < len(jamo) and jamo[k] in TAILS and (k + 1 >= len(jamo) or jamo[k + 1] not in VOWEL_JAMO):
            tail, k = jamo[k], k + 1
            pair = tail + jamo[k] if k < len(jamo) else ""
            if pair in JOINED and (k + 1 >= len(jamo) or jamo[k + 1] not in VOWEL_JAMO):
                tail, k = JOINED[pair], k + 1
        out.append(chr(0xAC00 + (LEADS.index(lead) * 21 + VOWEL_JAMO.index(vowel)) * 28 + TAILS.index(tail)))
    return "".join(out)


def word_of(latin: str) -> str | None:
    """The Hangul of a Latin-typed word, its particle too, or None."""
    keyed = typed_in_english_mode(latin)
    if keyed and (keyed in KNOWN or keyed.rstrip("은는이가을를도만") in KNOWN):
        return keyed
    plain = latin.replace("-", "").lower()
    if len(plain) < SHORTEST:
        return None
    if plain in HANGUL:
        return HANGUL[plain]
    for said, particle in PARTICLES.items():
        stem = plain[: -len(said)]
        if plain.endswith(said) and len(stem) >= SHORTEST and stem in HANGUL:
            return HANGUL[stem] + particle
    return None


def in_hangul(text: str) -> tuple[str, list[str]]:
    """(the question with its romanized Korean words in Hangul, 'latin → 한글' for each word changed)."""
    changed: list[str] = []

    def hangul(m: re.Match) -> str:
        word = word_of(m[0])
        if word is None:
            return m[0]
        changed.append(f"{m[0]} → {word}")
        return word

    if not re.search(r"[A-Za-z]{3}", text):
        return text, changed
    return LATIN_WORD.sub(hangul, text), changed
