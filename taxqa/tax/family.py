"""Family words for the gift and inheritance readers: who is whose relation under 상증법 제53조,
who died and who inherits, counted however people write it (아이 둘, 삼남매, 자녀가 3명, 두 아들).

제53조 (증여재산 공제), checked against the statute text: 1. 배우자 (법률혼) 6억;  2. 직계존속 — including the
spouse in marriage with the donee's lineal ascendant (계부모) — 5천만 (미성년 2천만);  3. 직계비속 — including the
donee's spouse's lineal descendants (의붓자녀) — 5천만;  4. otherwise 4촌 이내 혈족 and 3촌 이내 인척 1천만 (시부모,
장인·장모, 며느리, 사위, 형제자매, 삼촌, 조카, 사촌 ...). 5촌 and beyond, 사실혼, strangers: 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from taxqa.tax.asker_kin import grandparent_asker
from taxqa.tax.far_kin import ADOPTED, GRAND_SIBLING, GRAND_SIBLING_SPOUSE, kin_note
from taxqa.tax.gift_relations import NOTE_OF, RELATION_OF
from taxqa.tax.gift_verbs import FROM, GIVE, HONOURED_GIVES, RECEIVE, RELIEF_RECEIVED, TO, in_name_of
from taxqa.tax.words import PART_MARKS, part_of

SPOUSE = r"배우자|아내|남편|와이프|집사람|안사람|마누라|부인"
CHILD = r"자녀|아들|(?<![가-힣])딸(?!기)|자식"
_H = r"(?<![가-힣])"  # not inside a longer word on the left
# (category, pattern); longer words first so 시어머니 is not read as 어머니, 할아버지 not as 아버지
WORDS: list[tuple[str, str]] = [
    (
        "other",
        r"(?:친구|지인|동료|선배|후배|이웃|거래처|사장님?|회사\s*대표)\s*(?:의\s*)?"
        r"(?:어머니|아버지|어머님|아버님|엄마|아빠|부모님?|아들|딸|형|누나|오빠|언니|동생|남편|아내|부인)",
    ),
    (
        "stepchild",
        r"전\s*(?:처|부인|남편|아내|배우자)(?:와|과|랑|하고)?\s*(?:사이에서\s*)?(?:낳은|난|얻은)\s*(?:아들|딸|자녀|자식|아이)|전처\s*소생",
    ),
    (
        "other",
        r"사실혼\s*(?:관계의?\s*)?(?:배우자|남편|아내|부인)|전\s*남편|전\s*아내|전처|전부인|이혼한\s*(?:남편|아내|배우자)|"
        # "예비 시어머니": an in-law only once married (민법 제769조), before that 타인
        r"예비\s*(?:시어머니|시아버지|시어머님|시아버님|시부모님?|장인(?:어른)?|장모님?|며느리|사위)",
    ),
    (  # "아내 쪽 할머니", "처조모", "시할머니": the spouse's parents and grandparents are relatives by marriage
        "inlaw",
        r"(?:남편|아내|배우자|와이프|부인)\s*(?:의|쪽|측)\s*(?:조부모님?|할아버지|할머니|할아버님|할머님|부모님?|아버지|어머니|아버님|어머님)"
        r"|처조[부모]|시조[부모]|(?:시|처)(?:할아버지|할머니|할아버님|할머님)",
    ),
    ("stepchild", r"의붓\s*(?:아들|딸|자녀|자식)|(?:남편|아내|배우자|와이프|부인)의\s*(?:자녀|아들|딸|자식)"),
    ("stepparent", r"계부모님?|계부|계모|새\s*(?:아버지|어머니|엄마|아빠)|의붓\s*(?:아버지|어머니|엄마|아빠)"),
    # a grandparent's sibling ("할아버지 남동생", 종조부) is a 4촌 혈족, their spouse a 4촌 인척 (taxqa.tax.far_kin)
    ("blood", GRAND_SIBLING),
    ("far", GRAND_SIBLING_SPOUSE),
    (
        "grandparent",
        r"(?:증조|외증조|외|친)?(?:할아버지|할머니|할아버님|할머님|할매|할배|할부지|할무니|할애비|할아비)|(?<![가-힣])할미(?=[가는의께한,\s]|$)|(?<![가-힣])(?:하르방|할망)(?=[이가은는의께한헌,\s]|$)|(?:외|증)?조부모님?|조부|조모|"
        r"(?i:grand(?:ma|pa|mother|father))",
    ),
    ("grandchild", r"(?:외|친)?(?:손자녀|손녀딸|손자|손녀|손주)"),
    (
        "inlaw",
        r"시댁|시가(?=[에의]|\s)(?!\s*(?:약\s*)?\d)|처가(?:댁|집)|처가(?![^.?!]{0,16}?(?:떴|떠나|떠났|돌아가|사망|별세|죽|작고))|처갓집|시부모님?|시아버님|시어머님|시아버지|시어머니|장인(?:어른|어르신)?|장모님?|며느리|사위|처남|처제|처형|"
        r"시누이|시동생|시아주버니|아주버님|형수님?|제수씨?|매형|매부|매제|올케|형부|동서|이모부|고모부|숙모|외숙모|"
        r"큰어머니|작은어머니|큰엄마|작은엄마|시엄마|시아빠|제부",
    ),  # fmt: skip
    ("far", r"당숙|5촌|오촌|6촌|육촌|재종\S*|팔촌|먼\s*친척|사돈(?:어른|댁|어르신)?"),  # 사돈: not 인척 (민법 제769조)
    (
        "blood",
        r"외삼촌|삼촌|이모|고모|큰아버지|작은아버지|큰아빠|작은아빠|백부|숙부|사촌\s*(?:형|누나|오빠|언니|동생)?|사촌|조카|"
        r"남동생|여동생|동생|누나|오빠|언니|형제자매|형제|자매|남매|친척|친족|"
        + _H
        + r"(?:친|큰|작은)?형(?:님)?(?=[이가은는에한께과와도의랑으,\s(]|$)",
    ),  # fmt: skip
    (
        "spouse",
        r"배우자|아내|남편|와이프|집사람|안사람|마누라|바깥양반|(?<![가-힣])집\s*양반|할멈|(?<!예비\s)(?<!예비)신랑|(?<![가-힣])여보(?![가-힣])|"
        + r"(?:(?<![가-힣])|(?<=우리))영감(?=님|[이가은는에한께과와도의,\s])|"  # "우리영감 작년에죽고", "영감님 돌아가심"
        + _H
        + r"부인(?=[이가은는에한께과와도의,\s])|"
        + _H
        + r"처(?=[에가는와의]|\s*(?:및|와|과|,|·))",
    ),
    (  # "{증여자: 모, …}", "망 부(2026.1 사망)", "상속인 모·자녀 2"
        "parent",
        r"직계존속|父|母|(?:(?<=[:：·/])|(?<=[:：·/]\s)|(?<=망)|(?<=망\s)|(?<=상속인\s))(?:부|모)(?=[\s,)}·(/]|$)",
    ),
    ("child", r"직계비속|子"),
    (
        "parent",
        r"친정\s*(?:부모님?|엄마|아빠|어머니|아버지)?|본가|부모님?|아버지|어머니|아버님|어머님|아빠|엄마|부친|모친|양부모님?|양아버지|양어머니|"
        r"(?<![가-힣])(?:애비|에미|아비|어미)(?=[가이는은도의를랑한께,\s]|$)|아부지|어무니|어무이|엄니|어머이|어매|아배|아바이|오마니|(?<![가-힣])(?:아방|어멍)(?=[이가은는의께한헌,\s]|$)|어마이|엄빠|울\s*엄마|울\s*아빠|(?i:(?<![a-z])(?:mom|dad|mother|father|parents?|appa|eomma|omma|umma)(?![a-z]))",
    ),
    (
        "child",
        r"자녀들?|자식들?|아들들?|아이들?|애들|"
        # "우리 애(초6)한테", "저희 애가": 애 alone is a child only after a possessive (not 애인, 애매)
        r"(?:(?<=우리 )|(?<=저희 )|(?<=우리)|(?<=저희)|(?<=제 )|(?<=내 ))애(?=(?:한테|에게|가|는|도|를|의|랑)?(?![가-힣]))|"
        + _H
        + r"(?:갓난\s*)?(?:아기|애기)(?!\s*(?:엄마|아빠))|신생아|"
        + _H
        + r"딸(?!기)들?|따님|아드님|외동딸|외아들|장남|차남|장녀|차녀|막내(?:딸|아들)?|큰아들|작은아들|큰딸|작은딸|"
        + ADOPTED,
    ),
    (
        "other",
        r"친구|지인|타인|제3자|남남|동료|선배|후배|이웃|(?<!장)애인|여자\s*친구|남자\s*친구|여친|남친|약혼자|약혼녀|"
        r"예비\s*(?:신랑|신부|배우자)|법인|회사|(?<![가-힣])(?:아저씨|아주머니|아줌마)|동거인|동거남|동거녀",
    ),  # fmt: skip  # "엄마랑 사는 아저씨": a parent's partner out of marriage is no 계부모 (제53조제2호)
]
WORD_RE = re.compile("|".join(f"(?P<g{i}>{p})" for i, (_, p) in enumerate(WORDS)))
# "어멍이 나신디 …": at a sentence's start kiwipiepy may take a kin word and its particle as one proper noun
WORD_AND_PARTICLE = re.compile(rf"(?:{WORD_RE.pattern})(?:이|가|은|는|도|의|를|을|께|랑|한테|헌티)")


@dataclass
class Mention:
    category: str
    words: str
    start: int
    end: int
    role: str = ""  # donor | donee | ""


# kinship nouns as kiwipiepy reads them (whole morphemes, so 장인 in 직장인 and 법인 is not one); a one-letter
# prefix noun the analyser splits off ("시/엄마") is joined back to the word it belongs to; 애 and 애비/애미
# (a child, a child's parent, read by the salary reader's own words or named only as alive) are left out
KIN = re.compile(
    r"(?:아버지|어머니|아버님|어머님|아빠|엄마|부모님?|부친|모친|아들|딸|자녀|자식|아이|남편|아내|배우자|와이프|"
    r"신랑|색시|각시|처|형님?|누나|오빠|언니|동생|남동생|여동생|할아버지|할머니|할아버님|할머님|손자|손녀|손주|조카|"
    r"삼촌|외삼촌|이모|고모|숙부|숙모|며느리|사위|장인|장모|처남|처제|처형|올케|형수|제수|매형|매부|매제|제부|형부|"
    r"동서|시누이?|시동생|사촌|조부|조모|증손자?|증손녀|양자|양녀|계모|계부|서방|엄니|아부지|"
    r"어무니|영감|할멈|집사람|안사람|마누라|큰엄마|작은엄마|큰아빠|작은아빠|새엄마|새아빠|시엄마|시아빠|친정엄마|"
    r"친정아빠|외손자|외손녀|외할머니|외할아버지|친할머니|친할아버지|하르방|할망|아방|어멍)(?P<suffix>님|분|들|내미|래미|램|놈|녀석|내외|네)?"
)


@lru_cache(maxsize=64)
def nouns(text: str) -> tuple:
    """kiwipiepy's nouns (NNG/NNP morphemes: form, tag, start, len) of `text`."""
    from taxqa.tax.mentions import tokens

    return tuple(t for t in tokens(text) if t.tag in ("NNG", "NNP"))


def mentions(text: str) -> list[Mention]:
    """Every family or relation word, with its category, in order; not one inside a longer noun that is no
    kinship word (부모 in 학부모, 장인 in 직장인), by kiwipiepy's morpheme boundaries."""
    found = []
    for m in WORD_RE.finditer(text):
        index = int(next(k for k, v in m.groupdict().items() if v is not None)[1:])
        found.append(Mention(WORDS[index][0], m.group(0), m.start(), m.end()))
    inside = [
        (t.start, t.start + t.len)
        for t in nouns(text)
        if not KIN.fullmatch(t.form) and not WORD_RE.fullmatch(t.form) and not WORD_AND_PARTICLE.fullmatch(t.form)
    ]
    return [m for m in found if not any(a <= m.start and m.end <= b and b - a > m.end - m.start for a, b in inside)]


SUBJECT = r"(?:님)?(?:께서|이|가|은|는|도)(?![가-힣]{2})"
ASIDE = re.compile(r"^\s*[(\[][^()\[\]]{0,30}[)\]]")


def role_of(text: str, m: Mention) -> str:
    """'donor', 'donee' or '' for a relation word, from its particle and the verb after it."""
    label = re.search(
        r"(수증자|증여자|받는\s*(?:사람|분)|주는\s*(?:사람|분))\s*(?:[:：=]|인|이신)\s*$",
        text[max(0, m.start - 12) : m.start],
    )
    if label:  # "증여자: 외할머니", "수증자: 손자", "수증자인 따님은"
        return "donee" if re.match(r"수증|받", label.group(1)) else "donor"
    rest = ASIDE.sub("", text[m.end :], count=1)  # "처형(아내 언니)이": the particle after the aside
    opened = re.search(
        r"([가-힣]+)\([^()]{0,6}$", text[: m.start]
    )  # "철수(아들, 34세)가": kin in brackets after a name
    if opened and not WORD_RE.search(opened[1]) and (inside := re.match(r"[^()]{0,12}\)", text[m.end :])):
        rest = text[m.end + inside.end() :]  # (not "처형(아내 언니)이": there the bracket says whose relative)
    named = re.match(r"\s*[가-힣]{1,4}(?:씨|님|여사)\s*(?:\([^()]{0,12}\))?", rest) or re.match(
        r"\s*[가-힣]{2,3}\s*\([^()]{0,16}\)", rest
    )  # "딸 수아(만 12살)한테": a bare name with its aside
    if named and not WORD_RE.search(named.group(0)):  # a name, not "신랑 아버님": another kin word
        rest = rest[named.end() :]  # "어머니 영희씨(62세)한테": the name after the kin word, then the particle
    if counted := re.match(rf"\s*(?:\d{{1,2}}|두|세|네|다섯|둘|셋|넷)\s*(?:명|분)?(?={TO}|{FROM})", rest):
        rest = rest[counted.end() :]  # "자녀 2명에게", "아들 둘한테": the particle after the count
    after = rest[:12]
    clause_end = re.search(r"[.?!\n]|[는인]데|니까|(?:아|어|해|라)서\s|(?<=[가나셔])서\s", rest)  # "돌아가셔서"
    verb_zone = rest[: clause_end.start()] if clause_end else rest
    give, receive = re.search(GIVE, verb_zone), re.search(RECEIVE, verb_zone)
    if re.match(FROM, after):
        return "donor"
    if re.match(TO, after):
        # "아버지께 받은" = donor; "아들에게 증여하면" = donee; "할아버지께 3억," (no verb) = either
        if receive and (not give or receive.start() < give.start()):
            return "donor"
        return "donee" if give or re.search(r"증여(?!세)", verb_zone) else ""
    if re.match(SUBJECT, after):
        if receive and (not give or receive.start() < give.start()):
            return "donee"
        me = re.search(r"(?<![가-힣])(?:제가|내가|저는|나는|본인이|저희가)", verb_zone[: give.start()] if give else "")
        if me:  # "손녀가 중학생인데 제가 5천만원을 주려고": the asker gives (to this word, unless to another)
            return "" if re.search(TO, verb_zone[: me.start()]) else "donee"
        if re.match(r"\S{0,3}\s*(?:저|나|본인)(?:에게|한테|께)", after):
            return "donor"  # "엄마가 나에게 / 5,000,000원": from the word to the asker, no verb needed
        return "donor" if give or in_name_of(rest) else ""
    if re.match(
        r"\s*(?:명의|앞|몫|쪽|통장|계좌|결혼|혼인|장가|시집|생활비|학비|집|사업)", after
    ):  # "아들 명의로 이체하면"
        if give and not receive:
            return "donee"
        if receive:
            return "donor"
        if re.match(r"\s*(?:앞으로|명의로)", after) and in_name_of(rest):
            return "donee"
    return ""


@dataclass
class GiftParties:
    relation: str | None = None
    generation_skip: bool = False
    words: str = ""
    category: str = ""
    notes: list[str] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)
    asker_gives: bool = False  # the relation word names the donee: the asker is the donor


def gift_parties(text: str, focus: int | None = None) -> GiftParties:
    """The donor's relation to the donee (제53조), read from the relation words and their roles;
    the speaker is the other party when only one side is named. With `focus` (the position of
    this gift's amount), a word in the same sentence part is preferred over an earlier gift's donor."""
    found = mentions(text)
    # "아내의 오빠(처남)가": a word that only says whose relative the next one is, not a party
    found = [
        m for m in found if not any(n.start > m.end and re.fullmatch(r"의\s*", text[m.end : n.start]) for n in found)
    ]
    # "언니 남편이 딸한테", "친구 아버지가": a word that says whose relative the next one is, without 의
    whose = r"언니|누나|형|오빠|동생|친구|삼촌|이모|고모|외삼촌|사촌"
    found = [m for m in found if not (re.fullmatch(whose, m.words) and any(
        n.start > m.end and re.fullmatch(r"[ \t]+", text[m.end : n.start]) for n in found))]  # fmt: skip
    # "애들 할머니(시어머니)가 우리 막내 앞으로": the children's relative, named from their side, gives to a child
    if not re.search(r"(?<![가-힣])(?:저|제|나|본인)\s*(?:한테|에게|께|앞으로|통장|계좌|명의)", text):
        found = [m for m in found if not (re.fullmatch(r"애들|아이들|얘들|애기들", m.words) and any(
            n.start > m.end and re.fullmatch(r"[ \t]+", text[m.end : n.start]) for n in found))]  # fmt: skip
    # "저랑 누나가 반반 받았어요": a co-donee beside the asker, not the other party
    found = [m for m in found if not re.search(r"(?:저|나|제|본인)\s*(?:랑|이랑|와|하고)\s*$", text[: m.start])]
    # "부모님께 받은 건 없고 할머니가 저한테": a giver said to have given nothing is no party
    nothing = r"(?:님)?\s*(?:께|에게|한테|으로부터|로부터)\s*(?:서\s*)?(?:는\s*)?받은\s*(?:건|것|게|돈)?\s*(?:은|는|이)?\s*(?:하나도|전혀|한\s*푼도)?\s*없"
    found = [m for m in found if not re.match(nothing, text[m.end :])] or found
    # "할아버지도 나도 전에 손녀한테 준 건 하나도 없어": one said to have given nothing before gives nothing now
    gave_none = (
        r"\s*도\s*(?:[^.?!,]{0,6}?도\s*)?[^.?!,]{0,16}?준\s*(?:건|것|게|적)\s*(?:은|는|이)?\s*(?:하나도|전혀)?\s*없"
    )
    found = [m for m in found if not re.match(gave_none, text[m.end :])] or found
    thought = r"[^.?!]{0,16}?(?:인|라고|인\s*것으로)\s*(?:줄|걸로)\s*알았(?:는데|지만|더니)"  # "부모님인 줄 알았는데"
    found = [m for m in found if not re.match(thought, text[m.end :])] or found
    for m in found:
        m.role = role_of(text, m)
    if focus is not None:
        part = part_of(text, focus, focus)
        left = max([m.end() for m in re.finditer(PART_MARKS, text[:focus])] or [0])
        while text.count("(", 0, left) > text.count(
            ")", 0, left
        ):  # "할아버지(아버지의 아버지, 88세)가": a comma inside
            left = max([m.end() for m in re.finditer(PART_MARKS, text[: text.rfind("(", 0, left)])] or [0])
        near = [m for m in found if left <= m.start < left + len(part) and m.role]
        found = near + [m for m in found if m not in near]
    if said := grandparent_asker(text, found):  # "외할애비다. 외손주 … 넣어줄라고": the asker gives a grandchild
        note = f"질문자({said[0]})가 손주에게 주는 증여: 수증자의 직계존속 (제53조제2호)"
        return GiftParties("lineal_ascendant", True, said[1], "grandchild", [note], asker_gives=True)
    donors = [m for m in found if m.role == "donor"]
    donees = [m for m in found if m.role == "donee"]
    plain = [m for m in found if not m.role]
    parties = GiftParties()
    if donors:
        pick, as_donor = donors[0], True
    elif donees:
        pick, as_donor = donees[0], False
    elif plain:
        # "부모 증여 1억": the named relative gives; "아들이 결혼하는데 1억을 주면": the speaker gives
        received = re.search(RECEIVE, re.sub(RELIEF_RECEIVED, "", text))
        # "엄마가 집 사는데 보태라고 2억 주심": a giving verb in honorific form has an elder, not the asker, giving
        received = received or re.search(HONOURED_GIVES, text)
        # "결혼 자금으로 제가 2억 원을 주려고 합니다": the asker said as the one who gives
        mine = re.search(
            r"(?<![가-힣])(?:제가|내가|저희가)\s*[^.?!]{0,20}?(?:주려|줄\s*(?:거|건|것|생각)|보태|물려\s*주)", text
        )
        pick, as_donor = plain[0], not ((re.search(GIVE, text) and not received) or mine)
    else:
        return parties
    parties.asker_gives = not as_donor
    other = next((d for d in donees if d.words != pick.words), None) if as_donor and pick.category == "parent" else None
    if other is not None and (other.category == "parent" or re.fullmatch(SIBLING, other.words)):
        # "아버지가 어머니 앞으로": the asker's parents are each other's spouse; "아버지가 형한테": the donee's parent
        parties.relation = "spouse" if other.category == "parent" else "lineal_ascendant"
        parties.words, parties.category = pick.words, pick.category  # the receiver stays a person of its own
        return parties
    side = re.search(r"(?<![가-힣])(신랑|신부)\s*(?:측\s*|쪽\s*)?$", text[: pick.start]) if as_donor else None
    other_side = {"신랑": "신부", "신부": "신랑"}[side[1]] if side else None
    in_law_child = next(  # "신부 아버님이 사위한테", "아버님이 며느리에게"; "신랑 쪽 어머니가 신부한테"
        (d.words for d in donees if re.fullmatch(r"사위|며느리", d.words) or d.words == other_side), None
    ) if as_donor and pick.category == "parent" else None  # fmt: skip
    if in_law_child is None and other_side and pick.category == "parent":
        said = re.match(rf"[^.?!]{{0,12}}?(?<![가-힣]){other_side}\S{{0,2}}\s*(?:에게|한테|께)", text[pick.end :])
        in_law_child = other_side if said else None
    if in_law_child is not None:  # the child's spouse is a 1촌 인척 of the giver, not a 직계비속
        parties.relation, parties.words, parties.category = "other_relative", f"{pick.words} → {in_law_child}", "inlaw"
        parties.notes.append(
            "자녀의 배우자(사위·며느리)에게 주는 증여는 인척 증여: 기타친족 공제 1천만원 (제53조제4호)"
        )
        return parties
    kin = ("child", "grandchild")
    child = next((d for d in donees if d.category in kin), None) if as_donor and pick.category == "spouse" else None
    if child is not None:  # "남편이 딸한테", "저희 남편이 손녀 통장에": the asker's spouse gives the (grand)child
        parties.relation, parties.words, parties.category = (
            "lineal_ascendant",
            f"{pick.words} → {child.words}",
            "parent" if child.category == "child" else "grandparent",
        )
        parties.generation_skip = child.category == "grandchild"
        parties.notes.append(
            "질문자의 배우자가 자녀(손주)에게 주는 증여는 수증자의 직계존속(또는 그 배우자) 증여 (제53조제2호)"
        )
        return parties
    rel_donor, rel_donee, skip_donor, skip_donee = RELATION_OF[pick.category]
    parties.relation = rel_donor if as_donor else rel_donee
    parties.generation_skip = skip_donor if as_donor else skip_donee
    parties.words, parties.category = pick.words, pick.category
    if re.match(r"\s*\((?:[^()]{0,12}\s)?(?:" + NO_KIN + r")", text[pick.end :]):
        parties.relation, parties.generation_skip = "other", False  # "할머니(남남)께서": a stranger called 할머니
        parties.words += " (친족 아님)"
        return parties
    grandchild = [m for m in found if m.category == "grandchild" or (
        m.category == "child" and m.role == "donee" and m.start > pick.start  # "딸이 시아버지한테": her own in-law
        and re.search(r"(?:제|내|저의|저희|우리)\s*$", text[: m.start])) or (
        m.category == "child" and pick.category == "inlaw" and re.match(r"\s*(?:의\s*)?증여세", text[m.end :]))]  # fmt: skip
    if as_donor and pick.category == "parent" and grandchild:  # "아버지가 제 아들(손자)에게": grandparent to grandchild
        parties.generation_skip = True
        parties.words += f" → {grandchild[0].words}"
    to_spouse = [
        m
        for m in found  # "예비신랑한테": the spouse-to-be is the in-laws' own child
        if m.role == "donee"
        and (
            m.category == "spouse"
            or re.fullmatch(SIBLING_IN_LAW, m.words)
            or re.match(r"예비\s*(?:신랑|신부)", m.words)
        )
    ]
    in_law_parents = re.search(PARENT_IN_LAW + "|" + IN_LAW_HOME, pick.words)  # "처가에서 아내가": her parents' home
    # "장인어른이 저한테 5천, 와이프한테 5천": the asker receives too, so the in-law gives the asker
    asker_receives = re.search(r"(?<![가-힣])(?:저|나|제|본인)\s*(?:한테|에게|께)", text)
    if as_donor and pick.category == "inlaw" and in_law_parents and to_spouse and not grandchild and not asker_receives:
        parties.relation = "lineal_ascendant"  # "시어머니께서 제 남편에게 / 시누이에게": the donee's own mother
        parties.words += f" → {to_spouse[0].words}"
        parties.notes.append(
            "배우자의 부모가 배우자(또는 그 형제자매)에게 주는 증여는 수증자의 직계존속 증여 (제53조제2호)"
        )
        return parties
    if as_donor and pick.category == "inlaw" and in_law_parents and grandchild:
        # "시아버님이 저희 아이(손자)에게", "시댁에서 첫째 앞으로 (시어머니가 손주한테)": the donee's grandparent
        parties.relation, parties.generation_skip = "lineal_ascendant", True
        parties.words += f" → {grandchild[0].words}"
        return parties
    flipped = {"stepchild": "stepparent", "stepparent": "stepchild"}  # the asker gives: the note of the other side
    note = flipped.get(pick.category, pick.category) if not as_donor else pick.category
    if note in NOTE_OF:
        parties.notes.append(NOTE_OF[note])
    if pick.category in ("blood", "far") and (said := kin_note(pick.words)):  # 친척, 작은할아버지: what is assumed
        parties.notes.append(said)
    if pick.category in ("spouse", "stepparent") and re.search(UNMARRIED, text):  # only a marriage makes a 계부모
        parties.relation, parties.notes = "other", [UNMARRIED_NOTE]  # "새아빠(엄마랑 혼인신고는 안 함)"
    elif parties.relation == "other" and re.search(UNMARRIED, text) and re.search(r"엄마|아빠|어머니|아버지", text):
        parties.notes.append(UNMARRIED_NOTE)  # "엄마랑 사실혼인 아저씨": the parent's partner, a stranger in law
    return parties  # a parent between who has died (제57조① 단서): taxqa.tax.gift_reading.middle_parent_gone


# words the heirs reader (taxqa.tax.heirs) and the mentions share
DEATH = r"(?i:passed\s+away|died)|(?<=[월년해]에\s)(?:먼저\s*)?(?:갔|가셨)(?=어|다|지|네|습|고)|(?:(?<=[님지니])|^)(?:을|를)\s*(?:떠나\s*)?보내\s*드(?:리|렸|린)|돌아가|돌아갔|(?<=[에서]\s)가(?:부렀|뿌렀|불었|삤|삐었)|사망|별세|영면|운명\s*하|임종|타계|작고|세상을\s*(?:떠|떴|등지)|숨지|숨을\s*거두|여의|떠나보내|잃|죽|사별|유명을\s*달리|(?:먼저|일찍|이미)\s*(?:가|떠나)[셨시신심]|(?<![가-힣])떠나(?:셨|시고|신\s*뒤|신\s*후)|(?:먼저|일찍|이미|갑자기|황망히|허망하게)\s*(?:갔|떠났)|하늘나라|소천|(?:(?<![가-힣])|(?<=[친모]))상(?:\s*\(喪\))?(?:을|이)?\s*(?:치르|치렀|치른|당하|당했|당한)"
UNMARRIED = r"사실혼|혼인\s*신고\S{0,2}\s*(?:는\s*|도\s*)?(?:안|않|없이|못)"
UNMARRIED_NOTE = "혼인신고 없이 사는 배우자(사실혼)는 배우자·계부모가 아니라 타인: 증여재산공제 없음 (제53조)"
NO_KIN = r"남남|타인|제3자|지인|남이|모르는\s*분|친척\s*(?:아님|아닌|아니)|가족\s*(?:아님|아닌|아니)|혈연\s*(?:없|아님)"
IN_LAW_HOME = r"시댁|시가|처가|처갓집"
PARENT_IN_LAW = r"시아버|시어머|시부모|처부모|장인|장모|(?:남편|아내|배우자|와이프|부인)의\s*(?:아버|어머)"
SIBLING = r"(?:친|큰|작은)?(?:형님?|누나|오빠|언니|남동생|여동생|동생)"
# the spouse's siblings: a parent-in-law's children
SIBLING_IN_LAW = r"시누이|시동생|시아주버니|아주버님|처남|처제|처형"
