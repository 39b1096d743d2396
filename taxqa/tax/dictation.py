"""A question dictated to a phone's voice control, written as the readers read typed text: the punctuation said
as words ("마침표", "쉼표", "물음표", "줄 바꿈", "새 줄", "괄호 열고 … 괄호 닫고", "따옴표 열고 … 따옴표 닫고",
"전송") as marks, the words taken back ("방금 거 취소", "지우기") left out, a filler inside a figure ("오 천 음
사 백 만 원") dropped, and a figure said twice ("칠 억 원 쉼표 칠 억 원", "일 점 오 억 원 쉼표 그러니까 일 억
오 천 만 원") kept once. Only a text with spoken marks in it is read so: "쉼표" or "새 줄" typed once is a word."""

from __future__ import annotations

import re

from taxqa.tax.spoken_numerals import figure_value
from taxqa.tax.words import has_batchim

# the marks said as words (two-word ones written together first)
SAID_MARKS = {"마침표": ".", "쉼표": ",", "물음표": "?", "느낌표": "!", "줄바꿈": "\n", "새줄": "\n"}
SAID = re.compile(r"(?<![가-힣])(마침표|쉼표|물음표|느낌표|줄\s?바꿈|새\s줄)(?![가-힣])")
# "방금 거 취소", "지우기": the words just before are taken back
BRACKETS = re.compile(r"(?<![가-힣])(괄호|(?:큰|작은)?\s?따옴표)\s(열고|닫고)(?![가-힣])")
SENT = re.compile(r"\s*(?<![가-힣])전송\s*$")  # the send command that ends the message
NUMERAL = re.compile(r"[일이삼사오육칠팔구십백천만억영공점]+")
# words said while thinking, or to correct oneself, that take nothing back themselves
FILLER = {"음", "어", "으음", "어어", "엄", "아", "그", "아니", "아니다", "아니요"}
GLOSS = {"그러니까", "즉", "다시", "말해", "그니까"}
MARKS = ".,?!\n"
# particles and endings the engine writes apart from their word ("손녀 한테", "내 가"), written on it again as typed;
# not 이 or 일 (numerals too), and not after a numeral word ("오 천 을" is joined as a number first)
PARTICLES = set(
    "은 는 을 를 가 도 의 에 에서 에게 한테 께 께서 으로 로 랑 이랑 와 과 까지 부터 이고 이고요 이에요 예요 "
    "입니다 이요 요 이라 라 이라서 라서 인데 이었나 이래 이야 짜리".split()
)


def dictated(text: str) -> tuple[str, list[str], list[str]]:
    """(the text with the voice commands applied, what was assumed, what is left unclear); a text not dictated is
    returned as it is."""
    if len(SAID.findall(text)) < 2:
        return text, [], []
    assumed: list[str] = ["음성 입력으로 말한 문장부호(마침표·쉼표·줄 바꿈 등)를 부호로 읽음"]
    doubts: list[str] = []
    text = SENT.sub("", text)
    text = BRACKETS.sub(lambda m: ("(" if m[2] == "열고" else ")") if m[1] == "괄호" else " ", text)
    text = SAID.sub(lambda m: " " + SAID_MARKS[m[1].replace(" ", "")] + " ", text)
    words = text.split(" ")
    words, taken = taken_back([w for w in words if w])
    if taken:
        assumed.append(f"'방금 거 취소'·'지우기'로 취소한 말({', '.join(taken)})은 계산에 넣지 않음")
    words = without_fillers(words)
    words = with_particles(words)
    out = " ".join(words)
    for parts in COMPOUNDS:  # "국민 연금", "원천 징수": a compound the engine wrote apart, as one word
        out = re.sub(r"(?<![가-힣])" + r"\s".join(parts.split()), parts.replace(" ", ""), out)
    out = SAID_MONTH.sub(lambda m: SPELLED.get(m[1], m[1]) + "월", out)  # "이 월에 갔어": 이월, read as 2월 later
    words = out.split(" ")
    words, twice, differ = said_once(words)
    if twice:
        assumed.append(f"두 번 말한 금액({', '.join(twice)})은 한 번만 계산함")
    for first, second in differ:
        doubts.append(f"금액을 '{first}', '{second}' 두 가지로 말함: 어느 쪽이 맞는지 확인해 주세요")
    out = " ".join(words)
    out = re.sub(r" ([.,?!)])", r"\1", out)
    out = re.sub(r"\( ", "(", out)
    out = re.sub(r" ?\n ?", "\n", out)
    return out.strip(), assumed, doubts


def figure_end(words: list[str], end: int) -> int:
    """Where the figure that ends at `end` (exclusive) starts, or `end` when none does: "은 팔 억 원" -> at 팔."""
    stop = end - 1 if end and words[end - 1] == "원" else end
    start = stop
    while start > 0 and NUMERAL.fullmatch(words[start - 1]):
        start -= 1
    # "이 사 천": the longest tail that reads as a number ("매출 이 사 천": 이 is the subject's particle)
    for first in range(start, stop):
        said = words[first:end]  # not a lone "이" or "일" (a particle, a day)
        if figure_value(said) is not None and (len(said) > 1 or re.search("[십백천만억]", said[0])):
            return first
    return end


def taken_back(words: list[str]) -> tuple[list[str], list[str]]:
    """The words with each take-back applied: back over fillers and marks, then the figure the words end with, or
    else the words since the last mark."""
    out: list[str] = []
    taken: list[str] = []
    for w in words:
        if w == "취소" and len(out) >= 2 and out[-2] == "방금" and out[-1] in ("거", "것", "말", "꺼"):
            del out[-2:]  # "방금 거 취소": the command's first words
        elif w != "지우기":
            out.append(w)
            continue
        while out and (out[-1] in FILLER or out[-1] in (",",)):
            out.pop()
        start = figure_end(out, len(out))
        if start == len(out):
            start = len(out)
            while start > 0 and out[start - 1] not in MARKS:
                start -= 1
        if start < len(out):
            taken.append(" ".join(out[start:]))
        del out[start:]
        while out and out[-1] in FILLER:  # "돈 이 어 오 천": the filler said before the figure goes with it
            out.pop()
    return out, taken


# a month said syllable by syllable ("이 월에", "십이 월 말"), not "이 월세" nor "이 월급" (this rent, this pay): written
# as one word the way months are spelled (육 월 -> 유월, 십 월 -> 시월), which the month reader (era_years) reads
SPELLED = {"육": "유", "십": "시"}
SAID_MONTH = re.compile(r"(?<![가-힣])(십일|십이|[일이삼사오유육칠팔구시십])\s월(?=에|부터|까지|말|초|\s|[,.?!]|$)")
COMPOUNDS = (
    "국민 연금", "건강 보험", "고용 보험", "원천 징수", "연말 정산", "총 급여", "부양 가족", "필요 경비", "공급 가액",
    "세금 계산서", "과세 표준", "산출 세액", "결정 세액", "장례 비용", "장례 비", "중개 수수료", "금융 채무",
    "금융 재산", "기한 후 신고", "수정 신고", "과소 신고", "납부 지연", "보유 기간", "근로 소득", "퇴직 소득",
)  # fmt: skip


def with_particles(words: list[str]) -> list[str]:
    """ "손녀 한테", "내 가": a particle written apart from its word, written on it (the readers read it so)."""
    out: list[str] = []
    for i, w in enumerate(words):
        # "본인 이 장애인": 이 is the subject's particle unless a numeral follows ("연금 이 백 …": 이백)
        subject = w == "이" and not (i + 1 < len(words) and NUMERAL.fullmatch(words[i + 1]))
        after_word = out and re.fullmatch(r"[가-힣]+", out[-1]) and not NUMERAL.fullmatch(out[-1])
        after_figure = out and re.search("[억만원]$", out[-1]) and w == "짜리"  # "칠 억 짜리 집"
        if (w in PARTICLES or (subject and has_batchim(out[-1] if out else "a"))) and (after_word or after_figure):
            out[-1] += w
        else:
            out.append(w)
    return out


def without_fillers(words: list[str]) -> list[str]:
    """ "오 천 음 사 백 만 원", "음 십 팔 억": a filler before a numeral word is no word of the figure."""
    return [
        w
        for i, w in enumerate(words)
        if not (w in ("음", "어", "으음", "엄") and i + 1 < len(words) and NUMERAL.fullmatch(words[i + 1]))
    ]


def figure_at(words: list[str], i: int) -> int:
    """The end (exclusive) of the longest figure starting at `i`, or `i` when none does."""
    j = i
    while j < len(words) and NUMERAL.fullmatch(words[j]):
        j += 1
    if j < len(words) and words[j] == "원":
        j += 1
    for end in range(j, i, -1):
        if figure_value(words[i:end]) is not None and re.search("[만억원]", "".join(words[end - 1 : end])):
            return end
    return i


def said_once(words: list[str]) -> tuple[list[str], list[str], list[tuple[str, str]]]:
    """The words with a figure said again right after itself (after a comma, a period or a gloss like "그러니까")
    kept once: the second one said is the plain one ("일 점 오 억 원, 그러니까 일 억 오 천 만 원")."""
    twice: list[str] = []
    differ: list[tuple[str, str]] = []
    i = 0
    while i < len(words):
        end = figure_at(words, i)
        if end == i:
            i += 1
            continue
        # what may come between: a copula ending the first, a mark, a gloss
        k = end
        while k < len(words) and (words[k] in MARKS or words[k] in GLOSS or words[k] in ("입니다", "이요", "요")):
            k += 1
        glossed = any(w in GLOSS for w in words[end:k])
        second = figure_at(words, k)
        if second == k:
            i = end
            continue
        first_value, second_value = figure_value(words[i:end]), figure_value(words[k:second])
        first_said, second_said = " ".join(words[i:end]), " ".join(words[k:second])
        if first_value == second_value:
            twice.append(second_said)
        elif glossed:
            differ.append((first_said, second_said))
        else:
            i = end
            continue
        # the figure once, where it was first said, with the words after the second (its particle or copula)
        words = words[:i] + words[k:second] + words[second:]
        i += second - k
    return words, twice, differ
