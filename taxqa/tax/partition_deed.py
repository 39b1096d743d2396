"""A 상속재산분할협의서 pasted as its articles: "제1조 … 아파트(시가 금 1,400,000,000원)는 상속인 윤정희(배우자)가
취득한다", "제4조 … 채무 금 200,000,000원은 상속인 윤정희가 승계한다". Said as the estate the inheritance reader
takes: each article's property and value, each debt taken over, and what the spouse actually inherits (what the
deed gives the spouse less the debts the spouse takes over, 상증법 제19조); the heirs named with their relation
("(장남)", "배우자 한옥분") are the children counted. Account numbers and masked 주민등록번호 in the deed are
filing marks, never amounts."""

from __future__ import annotations

import re

from taxqa.amounts import format_won, iter_amounts
from taxqa.tax.estate_parts import BANK_DEBT

TITLE = re.compile(r"상속\s*재산\s*분할\s*협의서")
ARTICLE = re.compile(r"(?m)^[ \t]*제\s*(\d{1,2})\s*조")
# the deed's closing: its date, the witnessing sentence, the signatures
CLOSING = re.compile(
    r"(?m)^[ \t]*(?:위\s*협의를|\d{4}\s*년\s*\d{1,2}\s*월\s*\d{1,2}\s*일\s*$|상속인\s*[가-힣]{2,4}\s*\(인\))"
)
TAKES = re.compile(r"취득한다|취득하기로|소유로\s*한다|상속한다")
OWES = re.compile(r"승계한다|승계하기로|부담한다|부담하기로")
DEBT = re.compile(r"채무|대출|보증금|미지급|차입")
# the kind of each property, by the last such word before its value: the word the inheritance reader sorts it by
KINDS = (
    ("예금", r"예금|적금|예탁금"),
    ("주식", r"주식|보통주|우선주|증권|펀드|채권"),
    ("상가건물", r"상가"),
    ("아파트", r"아파트"),
    ("주택", r"주택|빌라|다세대"),
    ("토지", r"토지|대지|임야|전답|농지|[가-힣]+동\s*\d+\s*번지"),
    ("건물", r"건물|오피스텔"),
    ("자동차", r"자동차|차량"),
)
SPOUSE = re.compile(r"배우자|처|아내|남편|부인")
CHILD = re.compile(r"장남|장녀|차남|차녀|삼남|삼녀|아들|딸|자녀|자|녀")
# "상속인 윤정희(배우자)", "배우자 한옥분", "(장남)": a name and its relation
NAMED = re.compile(r"([가-힣]{2,4})\s*\(\s*(배우자|처|남편|장남|장녀|차남|차녀|삼남|삼녀|아들|딸|자녀)\s*\)")
LISTED = re.compile(r"(배우자|처|남편|장남|장녀|차남|차녀|삼남|삼녀|아들|딸|자녀)\s+([가-힣]{2,4})")
MASKED = re.compile(r"\(?\s*(?:계좌\s*번호\s*)?[\d*]{2,}(?:-[\d*]+)+\s*,?\s*\)?|\(\s*\d{6}\s*-\s*[\d*]{7}\s*\)")


def article_money(body: str) -> list:
    """The amounts an article names, its account numbers and masked numbers left out."""
    return [a for a in iter_amounts(MASKED.sub(" ", body)) if a.value >= 100_000]


def deed_read(text: str) -> tuple[str, list[str], list[str]]:
    """The question with a pasted 분할협의서 said as the estate, its debts, the spouse's share and the children;
    what was assumed; what is unclear."""
    title = TITLE.search(text)
    articles = list(ARTICLE.finditer(text))
    if title is None or not articles:
        return text, [], []
    close = CLOSING.search(text, articles[-1].end())
    rest_at = text.find("\n\n", articles[-1].end())
    end = (
        close.start() if close and (rest_at < 0 or close.start() < rest_at) else rest_at if rest_at >= 0 else len(text)
    )
    tail = text[end:]
    if close and close.start() == end:  # the closing lines up to the blank line before the asker's words
        blank = text.find("\n\n", end)
        tail = text[blank:] if blank >= 0 else ""
    deed = text[title.start() : end]
    relation = {name: rel for name, rel in NAMED.findall(deed)} | {name: rel for rel, name in LISTED.findall(deed)}
    items, debts, spouse_gets, spouse_owes, unclear = [], [], 0, 0, []
    for n, m in enumerate(articles):
        body = text[m.end() : articles[n + 1].start() if n + 1 < len(articles) else end]
        money = article_money(body)
        if not money:
            continue
        heir = next((name for name in relation if name in body), None)
        is_spouse = bool(heir and SPOUSE.fullmatch(relation[heir]))
        if OWES.search(body) and DEBT.search(body):
            # a bank's loan is a 금융채무, netted from the financial assets (제22조①): its words go with it
            bank = bool(re.search(BANK_DEBT, body))
            debts += [(a, bank) for a in money]
            spouse_owes += sum(a.value for a in money) if is_spouse else 0
        elif TAKES.search(body):
            for a in money:
                before = body[: body.find(a.text)]
                found = [(m.end(), kind) for kind, words in KINDS for m in re.finditer(words, before)]
                items.append((a, max(found)[1] if found else "재산"))
            spouse_gets += sum(a.value for a in money) if is_spouse else 0
        else:
            unclear.append(
                f"분할협의서 제{m[1]}조의 금액을 재산인지 채무인지 읽지 못해 계산에 넣지 않음: 확인해 주세요"
            )
    if not items:
        return text, [], ["분할협의서에서 상속재산과 그 가액을 읽지 못함: 재산별 금액을 적어 주세요"]
    children = sorted({name for name, rel in relation.items() if CHILD.fullmatch(rel)})
    spouse = [name for name, rel in relation.items() if SPOUSE.fullmatch(rel)]
    said = ["상속재산: " + ", ".join(f"{kind} {format_won(a.value)}" for a, kind in items) + "."]
    if debts:
        said.append(
            "채무 " + ", ".join(("은행 대출 " if bank else "") + format_won(a.value) for a, bank in debts) + "."
        )
    if spouse:
        said.append(f"배우자 실제 상속액 {format_won(max(0, spouse_gets - spouse_owes))}.")
    if children:
        said.append(f"자녀 {len(children)}명.")
    for a, kind in items:
        if kind == "주식":  # 최대주주 등의 주식은 금융재산이 아님 (상증령 제19조②)
            unclear.append(
                f"분할협의서의 주식 {format_won(a.value)}을 금융재산상속공제의 금융재산으로 넣음: "
                "최대주주 등이 가진 주식이면 제외되니 확인해 주세요"
            )
    assumed = [
        "상속재산분할협의서의 조항별 재산·채무로 읽음"
        + (" (배우자 실제 상속액은 배우자가 취득한 재산에서 승계한 채무를 뺀 금액)" if spouse_owes else "")
    ]
    return text[: title.start()] + " ".join(said) + "\n" + tail.lstrip("\n"), assumed, unclear
