"""How many children the deceased leaves, for the heirs reader (taxqa.tax.heirs): counted however people write it
(아이 둘, 삼남매, 자녀가 3명, 2남 1녀), or, when the asker is a child, the asker and the siblings named."""

from __future__ import annotations

import re

from taxqa.tax.family import WORD_RE
from taxqa.tax.words import COUNT_WORD, SINO, count_value

# "자석들은 둘인디": 자석, the southern dialect's 자식 (only before 들 or a particle: not a magnet)
DIALECT_KID = r"(?<![가-힣])자석(?=들|[은는이가도]\s)"
KID_NOUNS = rf"자녀|자식|{DIALECT_KID}|아이|애|아들|딸|남매|형제자매|형제|자매|손자녀|손주|아드님|따님"
SIBLINGS = r"남동생|여동생|동생|누나|누이|누님|오빠|언니|형님|형"  # 누이, 누님: an older speaker's sister


# "자식은 너희 아버지까지 셋", "자녀는 저 포함해서 둘": the count with someone named as included
WITH = r"(?:(?:[^\s\d,.]{1,6}\s+)?[^\s\d,.]{1,6}(?:까지|\s*포함(?:해서|하여|하면)?)\s*)?"


# "애들은 초등학생 둘", "자녀는 성인 셋": who they are said between the noun and the count
SCHOOL = r"(?:(?:초등|중|고등|대)\s*학생|유치원생|미성년자?|성인|어른|대학생|직장인)?\s*"


def counted_in(text: str, noun: str) -> list[tuple[int, str, int]]:
    """(position, words, count) of counted `noun` mentions: 아이 둘, 자녀가 3명, 두 아들, 삼남매, 2남 1녀, 아이 둘은,
    "아들 둘에 딸 하나야" (에 joining two counts, a count ending the sentence)."""
    out = []
    after = rf"(?:{noun})(?:들)?(?:\s*수(?=[는가]|[^가-힣]|$))?\s*(?:\([^()]{{0,20}}\)\s*)?(?:이|가|은|는|도|만|:|：)?\s*(?:모두|총|전부|다)?\s*{SCHOOL}{WITH}({COUNT_WORD})(?!\s*(?:살|세|개월))\s*(?:명|분|이|은|는|도|을|를|과|와|만|뿐|일|인|입|하고|한테|에게|께|에(?=\s)|야|예|요|[()]|\s|,|\.|$)"
    for m in re.finditer(after, text):
        if re.match(r"\d+\s*(?:세|살|년|억|만|천|원|%)", text[m.start(1) :]):
            continue
        out.append((m.start(), m.group(0).strip(), count_value(m.group(1))))
    before = rf"(?<![\d가-힣])({COUNT_WORD})\s*(?:명의|명)?\s*(?:{noun})"
    for m in re.finditer(before, text):
        if not any(p <= m.start() < p + len(w) for p, w, _ in out):
            out.append((m.start(), m.group(0).strip(), count_value(m.group(1))))
    return out


# "저(32살)랑 중2 남동생(15살) 둘뿐": an age in brackets and a school year said beside a sibling, no count
ASIDE = r"(?:\([^()]{0,12}\)\s*)?"
GRADE = r"(?:[초중고]\s*[1-6]\s+)?"


def count_children(text: str, speaker_is_child: bool) -> tuple[int | None, str]:
    """Children of the deceased and the words; None when the question does not say."""
    m = re.search(r"(?:자녀|자식)\s*없음", text)  # "유족은 어머니뿐(자녀 없음)": said outright
    if m:
        return 0, m.group(0)
    m = re.search(
        r"무자녀|(?<![가-힣])(?:자녀|자식|아이|애)\s*(?:도\s*|하나\s*)?없이|"
        rf"(?:{KID_NOUNS})(?:들)?\s*(?:는|은|이|가|도)\s*(?:없|하나도\s*없)",
        text,
    )
    if m and not speaker_is_child:
        other = {"아들": "딸", "딸": "아들"}.get(re.match(r"아들|딸|", m.group(0)).group(0))
        if other is None or not re.search(rf"(?<![가-힣]){other}", text):
            return 0, m.group(0)
        text = (
            text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
        )  # "딸 둘이고 아들은 없어요": 딸 counted
    m = re.search(r"([일이삼사오육칠팔구])\s*(남매|형제|자매)", text)
    if m:
        return SINO[m.group(1)], m.group(0)
    m = re.search(r"(\d|[한두세네])\s*남\s*(\d|[한두세네])\s*녀", text)
    if m:
        return count_value(m.group(1)) + count_value(m.group(2)), m.group(0)
    m = re.search(
        r"외동(?:딸|아들)?|외아들|무남독녀|독자|(?<![A-Za-z])[Oo]nly\s+[Cc]hild(?![A-Za-z])|(?:나|저)\s*혼자\s*(?:자식|자녀)|(?:자식|자녀)\S{0,2}\s*(?:나|저)\s*(?:혼자|하나)",
        text,
    )
    if m:
        return 1, m.group(0)
    m = re.search(r"쌍둥이", text)
    if m and not counted_in(text, KID_NOUNS):  # "쌍둥이 둘이랑 막내": the youngest one more
        youngest = re.search(r"(?<![가-힣])막내(?!\s*(?:인|이)\s*(?:저|제가|나)(?![가-힣]))", text)
        return (3, m.group(0) + ", " + youngest.group(0)) if youngest else (2, m.group(0))
    m = re.search(r"(?:(?<![가-힣])자(?:녀)?|子)\s*(\d{1,2})\s*(?:인|명)", text)
    if m:
        return int(m.group(1)), m.group(0)
    generic = counted_in(text, rf"자녀|자식|{DIALECT_KID}|아이|애|남매|형제자매|형제|자매|상속인인?\s*자녀")
    if generic:
        pos, words, _ = generic[0]
        again = RECOUNTED.match(text, pos + len(words))
        if again:  # "자식은 두 명, 아 막내까지 세 명이구나": the count said again at once, the later one meant
            return count_value(again.group(1)), words + again.group(0)
        return max(c for _, _, c in generic), generic[0][1]
    gendered = counted_in(text, r"아들|딸|아드님|따님")
    # "남은 식구는 저랑 딸 둘뿐": the count is of the people listed, the son or daughter one of them
    gendered = [(p, w, 1) if just_us(text, p, w, c) else (p, w, c) for p, w, c in gendered]
    if gendered:
        return sum(c for _, _, c in gendered) + len(bare_beside(text, gendered)), ", ".join(
            [w for _, w, _ in gendered] + bare_beside(text, gendered)
        )
    # "너희 셋이 나눠": a parent in the family's chat, speaking to the deceased's children
    us = re.search(r"(?<![가-힣])(?:우리|저희|너희)\s*(둘|셋|넷|다섯|\d)(?=이서|이|명|끼리|[\s,.]|$)", text)
    if (
        speaker_is_child and us
    ):  # "우리 넷이 나누면", "우리 둘이랑 어머니": the deceased's children, the asker among them
        return count_value(us.group(1)), us.group(0)
    if speaker_is_child:
        siblings = [c for c in counted_in(text, SIBLINGS) if not counts_the_list(text, *c) and not both_of_us(text, *c)]
        named = [m for m in re.finditer(rf"(?<![가-힣])(?:{SIBLINGS})(?=[이가은는과와랑하도입만,.)(\s]|$)", text)]
        named += [
            m for m in re.finditer(YOUNGEST, text) if not re.search(r"(?:제가|저는|나는|내가)\s*$", text[: m.start()])
        ]
        named = [
            m for m in named if not re.match(NOT_HEIR, text[m.end() :])
        ]  # "데려온 형은 입양하지 않아서 상속인이 아니고"
        words_said = {m.group(0) for m in named}  # "남동생 … 동생이랑 저": the same brother said again, once
        named = [m for m in named if not {"남" + m.group(0), "여" + m.group(0)} & words_said]
        named = [m for i, m in enumerate(named) if m.group(0) not in {n.group(0) for n in named[:i]}]  # "형 … 형이랑"
        others = sum(c for _, _, c in siblings) + len(
            [m for m in named if not any(p <= m.start() < p + len(w) for p, w, _ in siblings)]
        )
        speaker = re.search(
            r"(?<![가-힣])(?:저(?=[와랑하는도희입이만뿐,.(\s]|$)|제가|나(?:와(?![요서야])|랑|하고|(?=[,·/]))|본인)",
            text,
        )
        listed = re.search(rf"(?<![가-힣])(?:저|제|나)\s*{ASIDE}(?:와|랑|하고|,)\s*((?:{GRADE}(?:{SIBLINGS})\s*{ASIDE}"
                           rf"(?:와|랑|하고|,)?\s*)+?)\s*(?:이렇게\s*)?(둘|셋|넷)\s*(?:이서|이|뿐|밖에)", text)  # fmt: skip  # "저랑 여동생 둘뿐"
        alone = listed and not re.search(
            r"(?:와|과|랑|하고|,)\s*$", text[: listed.start()]
        )  # not "엄마, 저, 동생 둘이"
        if alone and count_value(listed.group(2)) == 1 + len(re.findall(SIBLINGS, listed.group(1))):
            return count_value(listed.group(2)), listed.group(0)  # "저랑 언니 둘이": the two of us
        if others or speaker:
            words = ", ".join(
                [w for _, w, _ in siblings] + [m.group(0) for m in named] + ([speaker.group(0)] if speaker else [])
            )
            return others + 1, words
    bare = re.findall(r"(?<![가-힣])(?:아들|딸|장남|차남|삼남|장녀|차녀|삼녀)(?=[이가은는과와랑하도에,.·/(\s]|$)", text)
    if speaker_is_child and not bare:
        return None, ""
    if bare:  # "장남 … 장남과 차녀가": an eldest son said again is the same one
        bare = [w for i, w in enumerate(bare) if w in ("아들", "딸") or w not in bare[:i]]
        return len(bare), " ".join(bare)
    if re.search(r"(?<![가-힣])(?:자녀|자식|아이|애)들", text):
        return None, "자녀들"
    m = re.search(r"(?<![가-힣])(?:자녀|자식|아이)(?=[이가은는과와랑하도에,\s])", text)
    if m:
        return 1, m.group(0)
    return None, ""


def bare_beside(text: str, counted: list[tuple[int, str, int]]) -> list[str]:
    """ "쌍둥이 딸 둘이랑 만 11살 아들": a son or daughter said without a count, of the sex no count was said of, is
    one more child; not one joined straight to the counted words ("아들이랑 딸 둘": the count may be of both)."""
    extra = []
    for word in ("아들", "딸"):
        if any(re.match(word, w) for _, w, _ in counted):
            continue
        for m in re.finditer(rf"(?<![가-힣]){word}(?=[이가은는과와랑하도에예,.·/(\s]|$)", text):
            if not any(p <= m.start() < p + len(w) for p, w, _ in counted) and not re.match(
                r"(?:이랑|랑|과|와|하고)\s*\S{0,2}\s*(?:아들|딸)", text[m.end() :]
            ):
                extra.append(word)
                break
    return extra


# the youngest sibling named on its own, not the asker ("막내인 저"): "입양한 막내(25살)예요"
YOUNGEST = (
    r"(?<![가-힣])막내(?:\s*동생)?(?=[이가은는과와랑하도예입였,.)(\s]|$)(?!\s*(?:인|이)\s*(?:저|제가|나)(?![가-힣]))"
)
# a sibling said to be no heir: a stepparent's child never adopted ("형은 아버지가 입양하지 않아서 상속인이 아니고요")
NOT_HEIR = r"[^.?!]{0,30}?(?:상속인(?:이|은|도|에)?\s*(?:아니|아님|안\s*되|빠)|입양(?:을|은)?\s*(?:하지\s*않|안\s*(?:했|한|해|됐|된|돼)))"


def counts_the_list(text: str, pos: int, words: str, count: int) -> bool:
    """A count after a list of people that counts them all ("엄마, 나, 남동생 셋", "어머니랑 저, 남동생 셋이"):
    the heirs listed, not that many brothers."""
    sep = r"\s*(?:,|·|/|및|(?:이)?랑|와|과|하고)\s*(?:그리고\s+)?"
    person = rf"(?:{WORD_RE.pattern}|저|나|본인|[A-Z]\s*씨)"  # "A씨": the one a news story is about
    aside = r"(?:\s*\([^()]{0,12}\))?"  # "엄마, 저(34), 남동생(31) 셋": an age said beside each one
    tail = re.search(rf"(?<![가-힣])(?:{person}{aside}{sep})+$", text[:pos])
    if (
        tail is None
    ):  # "어머니와 A씨, 그리고 부산에 사는 남동생(48) 세 사람": the people of the clause, with words between
        clause = re.split(r"[.?!\n]", text[:pos])[-1]
        people = re.findall(rf"(?<![가-힣])(?:{WORD_RE.pattern}|[A-Z]\s*씨)(?=\s*\(|{sep})", clause)
        return bool(people) and len(people) + 1 == count and bool(re.match(r"\s*(?:사람|명)", text[pos + len(words) :]))
    items = [w for w in re.split(sep, re.sub(r"\([^()]*\)", "", tail.group(0))) if w.strip()]
    return len(items) + 1 == count


def just_us(text: str, pos: int, words: str, count: int) -> bool:
    """ "저랑 딸 둘뿐": the count after a son or daughter, said with 뿐/밖에/이서, counts the people listed ("두 딸" no)."""
    alone = re.match(r"\s*(?:명)?\s*(?:뿐|밖에|이서)", text[pos + len(words) :]) or re.search(
        r"(?:뿐|밖에|이서)$", words
    )
    return bool(re.match(r"아들|딸|아드님|따님", words) and alone and counts_the_list(text, pos, words, count))


def both_of_us(text: str, pos: int, words: str, count: int) -> bool:
    """ "나와 나의 여동생은 둘 다 성인이다": a count with 다/모두 after the asker and a sibling said together is
    "both of us", not that many sisters."""
    said_with = re.search(r"(?<![가-힣])(?:나|저)\s*(?:와|랑|하고)\s*(?:나의|내|제|저의)?\s*$", text[:pos])
    return bool(said_with and count == 2 and re.search(r"\s*(?:다|모두)(?![가-힣])", text[pos + len(words) :][:4]))


# a count said again at once after an interjection: "두 명, 아 막내까지 세 명", "둘, 아니 셋"
RECOUNTED = re.compile(rf"\s*(?:명)?\s*[,.…]*\s*(?:아\s+|아니(?:다)?\s*[,.]?\s*)[^\d.?!]{{0,12}}?({COUNT_WORD})\s*명")
