"""The grounding panel: the calculator's breakdown (and whether the answer agrees) and the
statute articles retrieved for the question, their text opened on demand."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Collapsible, Label, Static

from taxqa.amounts import format_won
from taxqa.case import REFERENCE_ONLY, needs_check
from tui.grounding import FIGURE_LABELS


def _bigrams(text: str) -> set[str]:
    letters = "".join(ch for ch in text if ch.isalnum())
    return {letters[i : i + 2] for i in range(len(letters) - 1)}


def once_each(items: list[str], same: float = 0.6) -> list[str]:
    """Assumptions and notes with each fact listed once: a later item saying what an earlier one said in
    other words (most of its character pairs shared) is dropped."""
    kept: list[tuple[str, set[str]]] = []
    for item in items:
        grams = _bigrams(item)
        if not any(len(grams & g) / max(1, min(len(grams), len(g))) >= same for _, g in kept):
            kept.append((item, grams))
    return [item for item, _ in kept]


class ArticleItem(Collapsible):
    """An article's citation; its text is mounted when first expanded."""

    def __init__(self, article: dict) -> None:
        mark = "계산 " if article.get("via") == "calculator" else ""
        title = f"{mark}{article.get('citation', '')} {article.get('title', '')} {article.get('clause', '')}".strip()
        super().__init__(title=title, collapsed=True)
        self.tooltip = title  # the whole title, however narrow the panel
        self.article = article

    async def on_collapsible_expanded(self, event: Collapsible.Expanded) -> None:
        if event.collapsible is self and not self.query(".article-text"):
            text = self.article.get("text", "")
            date = self.article.get("effective_date")
            body = (f"(시행 {date})\n" if date else "") + text
            await self.query_one(Collapsible.Contents).mount(Static(body, markup=False, classes="article-text"))


class GroundingPanel(VerticalScroll):
    DEFAULT_CSS = """
    GroundingPanel { width: 46; border-left: vkey $panel-lighten-2; padding: 0 1;
                     scrollbar-gutter: stable; scrollbar-size-vertical: 1; }
    GroundingPanel .panel-title { text-style: bold; color: $text-accent; margin-top: 1; }
    GroundingPanel .muted { color: $text-muted; }
    GroundingPanel .agree { color: $success; text-style: bold; }
    GroundingPanel .disagree { color: $error; text-style: bold; background: $error 15%; }
    GroundingPanel .figure { color: $text; }
    GroundingPanel Collapsible { padding: 0; margin: 0; border: none; }
    GroundingPanel CollapsibleTitle { width: 100%; height: auto; text-wrap: wrap; }
    GroundingPanel .article-text { color: $text-muted; padding: 0 0 1 1; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.grounding: dict = {}

    def compose(self) -> ComposeResult:
        yield Label("근거", classes="panel-title")
        yield Label("질문을 보내면 관련 조문과 계산기 결과가 여기에 나옵니다.", classes="muted")

    async def show(self, grounding: dict | None) -> None:
        self.grounding = grounding or {}
        await self.remove_children()
        await self.mount_all(list(self._widgets(self.grounding)))

    def _widgets(self, g: dict):
        if not g:  # a new, empty chat: nothing asked yet, so nothing to say about amounts
            yield Label("근거", classes="panel-title")
            yield Label("질문을 보내면 관련 조문과 계산기 결과가 여기에 나옵니다.", classes="muted")
            return
        calc, verdict = g.get("calculation"), g.get("verdict")
        if "grounded" in g:
            said = (
                "모델이 아래 근거를 읽고 답했습니다."
                if g["grounded"]
                else "모델은 근거 없이 답했습니다 (설정에서 꺼짐)."
            )
            yield Label(said, classes="muted")
        yield Label("계산기", classes="panel-title")
        reading = g.get("reading") or {}
        if reading.get("understood"):
            yield Static(f"이렇게 이해했습니다: {reading['understood']}", markup=False)
        check = needs_check(reading)
        if check:
            yield Static(check, markup=False, classes="disagree")
            yield Static(
                "가정 대신 이 정보를 알려 주시면 다시 계산합니다. 질문에 덧붙여 다시 물어보세요.",
                markup=False,
                classes="muted",
            )
        if calc is None:
            if not reading:
                yield Label("금액을 계산할 수 있는 질문이 아닙니다.", classes="muted")
        else:
            if check:  # the breakdown rests on what is unchecked: never shown as the answer
                yield Static(REFERENCE_ONLY, markup=False, classes="disagree")
            yield Label(f"{calc['kind_label']} 계산 내역", classes="figure")
            for step in calc["steps"]:
                law = step.get("law", "").replace("상속세 및 증여세법", "상증법")
                yield Static(f"· {step['label']}: {format_won(step['amount'])}  [{law}]", markup=False)
            if verdict and verdict.get("checked"):
                if verdict.get("agree"):
                    yield Label("✓ 답변의 금액이 계산기와 일치합니다", classes="agree")
                else:
                    yield Label("✗ 답변의 금액이 계산기와 다릅니다", classes="disagree")
                yield Static(verdict.get("reason", ""), markup=False, classes="muted")
            elif verdict is not None:
                yield Label("답변에 비교할 금액이 없습니다", classes="muted")
            labels = {**FIGURE_LABELS, **calc.get("labels", {})}
            expected = ", ".join(f"{labels[k]} {format_won(v)}" for k, v in calc["figures"].items()
                                 if k in ("tax_base", "payable", "deduction", "income"))  # fmt: skip
            yield Static(f"계산값: {expected}", markup=False, classes="figure")
            yield Label("가정", classes="panel-title")
            for item in once_each([*calc.get("assumptions", []), *calc.get("notes", [])]):
                yield Static(f"· {item}", markup=False, classes="muted")
        yield Label("관련 조문 (계산에 쓴 조문 · BM25 검색)", classes="panel-title")
        articles = g.get("articles") or []
        if g.get("articles_error"):
            yield Static(g["articles_error"], markup=False, classes="muted")
        elif not articles:
            yield Label("확인 중…" if g.get("pending") else "찾은 조문이 없습니다.", classes="muted")
        for article in articles:
            yield ArticleItem(article)
