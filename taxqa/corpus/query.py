"""Reading a search query: lay terms -> legal terms, the act that governs it, articles it cites.

The tables live in taxqa/corpus/data/lay_terms.yaml (data, not code): a person asks "늦게 내면 얼마나 더
내요?" and the statute says 납부지연가산세. Single everyday words (팔다 -> 양도, 통장 -> 계좌) come from the
word-level lexicon (taxqa.corpus.lexicon), a weaker expansion of their own. The act governing the question
comes from the terms of the question and of its expansion (증여 -> 상속세 및 증여세법, 가산세 -> 국세기본법); acts
the question names ("조특법 제30조의5", "상증령") are named acts, and so are decrees when it says 시행령.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from importlib import resources

from taxqa.corpus import chooser, everyday, lexicon, nearrow, neighbours
from taxqa.corpus.cite import LawNames, article_label, find_citations, squash
from taxqa.corpus.morph import morphs, vocabulary, words
from taxqa.errors import UserError

TABLE_NAME = "lay_terms.yaml"
_LOCK = threading.Lock()
_TABLE: dict | None = None
_ARTICLE_RE = re.compile(r"(제\s?)?(\d+)\s?조(?:\s?의\s?(\d+))?(?![가-힣]*세)")
_RELIEF_RE = re.compile(r"감면|깎|깍|특례|혜택|빼\s?(주|줘|준|줄)|덜\s?(내|낸다|낼)|줄여|줄어|줄일")
_SECTION_RE = re.compile(r"\s?§\s?(\d+)(?:\s?의\s?(\d+))?")  # rulings write "상증법§45의4", "법인법§46②"


@dataclass
class Query:
    text: str
    terms: list[str]  # content morphemes of the question, stopwords removed
    expansion: list[str]  # morphemes of the legal terms its lay phrases map to
    added: list[str]  # the legal terms themselves (shown as why an article matched)
    phrase: str = ""  # the question's content words as written ("증여재산 공제"), for the bigram index
    acts: set[str] = field(default_factory=set)  # acts that govern it (official names)
    primary: set[str] = field(default_factory=set)  # of those, the acts its own words point at
    named: set[str] = field(default_factory=set)  # acts it names (official names, decrees included)
    citations: list[str] = field(default_factory=list)  # "상속세 및 증여세법 제53조"
    concepts: list[str] = field(default_factory=list)  # terms of the term table the question says in everyday words
    bare_articles: list[str] = field(default_factory=list)  # "제53조" with no act named
    lexicon: list[str] = field(default_factory=list)  # statute words its everyday words map to (taxqa.corpus.lexicon)
    voted: str = ""  # the act (act:chapter tax) its statute words alone point at, when nothing else does
    hinted: str = ""  # the act its events hint at when nothing else reads one (taxqa.corpus.chooser.hint)
    near: list[tuple[str, float]] = field(default_factory=list)  # everyday rows it is near to (taxqa.corpus.nearrow)

    @property
    def wants_relief(self) -> bool:
        """It asks for a relief (감면, 깎아 주는, 특례, 혜택): those live mostly in the special acts."""
        return bool(_RELIEF_RE.search(self.text))

    @property
    def wants_decree(self) -> bool:
        return any(n.endswith(("시행령", "시행규칙")) for n in self.named) or "시행령" in self.text


def table() -> dict:
    """The lay-term table, compiled once per process."""
    global _TABLE
    with _LOCK:
        if _TABLE is None:
            _TABLE = _load_table()
        return _TABLE


def _load_table() -> dict:
    import yaml

    path = resources.files("taxqa.corpus") / "data" / TABLE_NAME
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's: a few times faster at start-up
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - a safe loader
        lay = [(re.compile(pattern), str(terms).split()) for pattern, terms in raw["lay_terms"].items()]
        acts = {act: {squash(c) for c in cues} for act, cues in raw["acts"].items()}
        out = {
            "lay": lay,
            "acts": acts,
            "special": set(raw.get("special_acts", [])),
            "mirror": set(raw.get("mirror_acts", [])),
            "general": set(raw.get("general_acts", [])),
            "stop": set(raw.get("stopwords", [])),
            "tax_names": set(raw.get("tax_names", [])),
            "aliases": {squash(k): v for k, v in raw.get("aliases", {}).items()},
        }
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError, re.error) as exc:
        raise UserError(f"{path}: unreadable lay-term table ({type(exc).__name__}: {exc})") from None
    from taxqa.corpus.terms import phrasings

    out["concepts"] = phrasings() + everyday.phrasings(everyday.carriers())  # reviewed regexes, then everyday words
    names = LawNames(out["aliases"].values())
    for alias in out["aliases"]:
        names.by_key.setdefault(alias, out["aliases"][alias])
    out["names"] = names
    return out


def expand(text: str) -> list[str]:
    """The legal terms the lay phrases in text map to, in table order, without repeats."""
    added: dict[str, None] = {}
    for pattern, terms in table()["lay"]:
        if pattern.search(text):
            for t in terms:
                added.setdefault(t)
    return list(added)


def read_query(text: str) -> Query:
    t = table()
    text = _SECTION_RE.sub(lambda m: " " + article_label(m.group(1), m.group(2)) + " ", text)
    text = " ".join(text.split())
    stop = t["stop"]
    verbs = _verb_forms(text)
    terms = [m for m in morphs(text) if m not in stop and m not in verbs]
    own = squash(text)
    own_acts = {act for act, cues in t["acts"].items() if any(c in terms or c in own for c in cues)}
    concepts = list(
        dict.fromkeys(
            term
            for pattern, term, acts in t["concepts"]
            if pattern.search(text) and _fits(acts, own_acts, t["special"] | t["general"])
        )
    )
    cited = [c for c in concepts if everyday.CITATION.match(c)]  # an article named by its citation: its act, no words
    added = list(dict.fromkeys([*expand(text), *(c for c in concepts if c not in cited)]))
    said = set(terms)
    expansion = [m for m in morphs(" ".join(added)) if m not in stop and m not in said]
    query = Query(text=text, terms=terms, expansion=expansion, added=added, phrase=_phrase(text, stop))
    query.concepts = concepts
    query.near = [] if concepts else nearrow.near(text, t["stop"])  # rows said in other words, when none is said
    query.acts |= {c.rsplit(" ", 1)[0] for c in cited}
    query.lexicon = [m for m in lexicon.expansion(text) if m not in stop and m not in said and m not in expansion]
    # reviewed everyday nouns the corpus lacks -> its nouns (taxqa.corpus.neighbours), as the lay table's terms count
    said_or_added = {*said, *expansion, *query.lexicon}
    query.expansion += [m for m in neighbours.expansion(text) if m not in stop and m not in said_or_added]
    _bridge(query)
    _read_citations(query, t)
    haystack = squash(text) + " " + " ".join(added)
    tokens = {*terms, *expansion, *added}
    for act, cues in t["acts"].items():
        if any(c in tokens or c in haystack for c in cues):
            query.acts.add(act)
            if any(c in terms or c in own for c in cues):
                query.primary.add(act)
    if not query.primary and not query.named and chooser.company_asks(text):  # the reader is a company: 법인세법
        query.acts.add(chooser.CORPORATE_ACT)
        query.primary.add(chooser.CORPORATE_ACT)
    _choose_act(query, t)
    named = {n.rsplit(" ", 1)[0] if n.endswith(("시행령", "시행규칙")) else n for n in query.named}  # a decree: its act
    query.acts |= named
    query.primary |= named
    if query.acts:
        query.terms = [m for m in terms if m not in t["tax_names"]] or terms
    query.terms += _head(query.terms)
    return query


def _bridge(query: Query) -> None:
    """The defined terms whose definition the question says in its own or its lexicon's words
    (taxqa.corpus.bridge), as terms the lay phrases added (a weak name: NAMED_ADDED, not a said concept)."""
    from taxqa.corpus import bridge

    query.added += [b for b in bridge.terms([*query.terms, *query.lexicon]) if b not in query.added]


DECREE = " 시행령"


def _choose_act(query: Query, t: dict) -> None:
    """The act the question's events and asker point at (taxqa.corpus.chooser), when it names no tax: the
    governing and primary act among 소득세법, 상증법 and 법인세법; a question asking for a relief with nothing
    else to go on ("카드 많이 긁으면 세금 줄어든다는 게"): 조세특례제한법 governs (its articles count SPECIAL_RELIEF,
    others OTHER_STATUTE, taxqa.corpus.retrieve)."""
    taxes = {c for cues in t["acts"].values() for c in cues if c.endswith("세")}
    act = chooser.choose(query.text, query.named, taxes, bool(query.acts & t["general"]))
    if not act and not query.acts and not query.named:
        query.hinted = chooser.hint(query.text)
    if not act and not query.acts and not query.named and query.wants_relief:
        query.acts.add(chooser.RELIEF_ACT)  # a relief asked, no tax, no act, no event: the special act's
        return
    if act:
        query.acts = {a for a in query.acts if a not in chooser.CHOOSABLE} | {act}
        kept = {a for a in query.primary if a.removesuffix(DECREE) not in chooser.CHOOSABLE}
        query.primary = kept | {act, act + DECREE}  # its decree carries the act's concepts too (rerank.by_title)


# written words that are a noun and a connective form of an everyday verb: 사고 (accident) and 사(다)+고 "bought
# and"; the analyser reads the bare word after another word as the verb (집 사고 -> 사/VV 고/EC, 사고가 -> 사고/NNG)
VERB_HOMOGRAPHS = {"사고": "사다"}


def _verb_forms(text: str) -> set[str]:
    """The nouns of VERB_HOMOGRAPHS the text says as their verb: bare (no particle), after another word; the
    lexicon reads the verb (taxqa.corpus.lexicon)."""
    written = words(text)
    return {w for i, w in enumerate(written) if i and w in VERB_HOMOGRAPHS}


def _fits(carriers: frozenset[str], own_acts: set[str], anywhere: set[str]) -> bool:
    """A concept said in everyday words belongs to the question unless its own words point at other acts
    only: "자녀 1명당 5천만원 상속공제" says 자녀 ... 공제, but 상속공제 puts it in 상속세 및 증여세법, not at
    소득세법's 자녀세액공제. A special act's relief (월세액 for a 직장인's question) is the exception the
    question's act does not carry itself, and a general act's rule (부과제척기간) applies to every tax."""
    return not own_acts or bool(carriers & own_acts) or bool(carriers & anywhere)


HEAD_SHARE = 0.4
HEAD_MIN = 6  # words; a short question is all head


def _head(terms: list[str]) -> list[str]:
    """The last words of a question once more: a Korean question ends on what it asks ("...의 부과제척기간
    기산일", "...과세 여부"), its first words are the facts around it."""
    n = int(len(terms) * HEAD_SHARE) if len(terms) >= HEAD_MIN else 0
    return terms[len(terms) - n :] if n else []


def _phrase(text: str, stop: set[str]) -> str:
    """Each word's content morphemes joined back ("증여재산을" -> 증여재산, "세금을" -> nothing); a word the
    vocabulary cannot read ("상증법") as written, for the bigram index, which needs no dictionary."""
    out = []
    for word in words(text):
        kept: list[str] = []
        found = morphs(word)
        for m in found:
            if m not in stop and not any(m in k for k in kept):
                kept.append(m)
        if kept:
            out.append("".join(kept))
        elif not found and len(word) >= 2 and "가" <= word[0] <= "힣" and word not in vocabulary():
            out.append(word)
    return " ".join(out)


def _read_citations(query: Query, t: dict) -> None:
    """Acts the query names and the articles it cites ("상증법 53조", "부가세법 제49조", bare "제53조")."""
    names: LawNames = t["names"]
    text = query.text
    for m in names.regex.finditer(text):
        official = names.canonical(m.group(1)) or t["aliases"].get(squash(m.group(1)))
        if official:
            query.named.add(official)
    if "조특" in text or "조세특례" in text:
        query.named.add("조세특례제한법")
    # "53조" -> "제53조" so the citation reader sees an article (not "증여세" in "53조세"...)
    normal = _ARTICLE_RE.sub(lambda m: article_label(m.group(2), m.group(3)), text)
    query.citations = find_citations(normal, names)
    cited = {c.rpartition(" ")[2] for c in query.citations}
    for m in _ARTICLE_RE.finditer(text):
        label = article_label(m.group(2), m.group(3))
        if label not in cited and label not in query.bare_articles:
            query.bare_articles.append(label)
