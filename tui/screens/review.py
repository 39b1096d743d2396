"""Review: browse a generated dataset and its rejects, accept or reject items by key.

Decisions are written back by moving items between the two files, each rewritten
atomically (`write_jsonl_atomic`):

- accept (a): the item stays in / moves into the dataset file (e.g. checked.jsonl) as a
  QA record; a former reject keeps its gate reasons in ``meta.review.reasons``;
- reject (r): the item moves to ``rejects.jsonl`` beside it, as the quality gate writes
  rejects (the record plus ``reasons`` and ``where``), with ``reasons`` gaining
  ``"review: 검토자가 반려"``.

Either way ``meta.review = {"decision": "accepted"|"rejected", "at": ISO time}`` records
the decision. The destination is written before the source, so a crash in between
leaves the item in both files; loading keeps the copy whose file matches its decision.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Header, Input, Label, Static

from taxqa.errors import UserError
from taxqa.records import QARecord, read_jsonl, write_jsonl_atomic

REJECTS_NAME = "rejects.jsonl"
DECISION_LABELS = {"accepted": "승인", "rejected": "반려", "": "미검토"}
ORIGIN_LABELS = {"dataset": "데이터셋", "rejects": "반려 목록"}
REVIEW_REASON = "review: 검토자가 반려"


@dataclass
class ReviewItem:
    row: dict[str, Any]
    origin: str  # 'dataset' | 'rejects'

    @property
    def id(self) -> str:
        return str(self.row.get("id", ""))

    @property
    def decision(self) -> str:
        meta = self.row.get("meta")
        review = meta.get("review") if isinstance(meta, dict) else None
        return review.get("decision", "") if isinstance(review, dict) else ""


def is_rejects_file(path: str | Path) -> bool:
    """rejects.jsonl or X.rejects.jsonl: the gate's rejects, never a dataset to review (accepting would empty it)."""
    return Path(path).name == REJECTS_NAME or Path(path).name.endswith("." + REJECTS_NAME)


class ReviewSet:
    """A dataset JSONL file and the rejects.jsonl beside it."""

    def __init__(self, dataset_path: str | Path):
        from taxqa.datagen.quality import default_rejects

        self.dataset_path = Path(dataset_path)
        # the rejects `taxqa data check -o X.jsonl` wrote (X.rejects.jsonl), else the shared rejects.jsonl
        self.rejects_path = default_rejects(self.dataset_path, existing=True) or default_rejects(self.dataset_path)
        if not self.dataset_path.is_file():
            raise UserError(f"{self.dataset_path}: 데이터셋 JSONL 파일이 없습니다")
        if is_rejects_file(self.dataset_path):
            raise UserError(
                f"{self.dataset_path}: 반려 목록 파일입니다. 검토는 데이터셋 파일(예: checked.jsonl)로 여세요"
            )
        self.items: list[ReviewItem] = []
        self.load()

    def load(self) -> None:
        dataset = []
        for lineno, obj in read_jsonl(self.dataset_path):
            record = QARecord.from_dict(obj, where=f"{self.dataset_path}:{lineno}")
            dataset.append(ReviewItem({**obj, **record.to_dict()}, "dataset"))  # extra fields kept as they were
        rejects = []
        if self.rejects_path.is_file():
            rejects = [ReviewItem(obj if isinstance(obj, dict) else {"raw": obj}, "rejects")
                       for _, obj in read_jsonl(self.rejects_path)]  # fmt: skip
        # an item in both files (a crash between the two writes): its decision says where it belongs
        reject_ids = {i.id: i for i in rejects if i.id}
        keep_dataset = []
        for item in dataset:
            twin = reject_ids.get(item.id)
            if twin is not None and twin.decision == "rejected" and item.decision != "accepted":
                continue
            if twin is not None:
                rejects.remove(twin)
            keep_dataset.append(item)
        self.items = keep_dataset + rejects

    def decide(self, index: int, decision: str) -> ReviewItem:
        """Accept or reject the item at ``index`` and write both files; returns the updated item."""
        item = self.items[index]
        stamp = {"decision": decision, "at": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
        if decision == "accepted":
            if item.origin == "rejects":
                reasons = item.row.get("reasons")
                record = QARecord.from_dict(item.row, where=f"{self.rejects_path}: item {item.id or index}")
                row = record.to_dict()
                if reasons:
                    stamp["reasons"] = reasons
            else:
                row = dict(item.row)
            new = ReviewItem(row, "dataset")
        elif decision == "rejected":
            row = dict(item.row)
            if item.origin == "dataset":
                row["reasons"], row["where"] = [REVIEW_REASON], "review"
            elif REVIEW_REASON not in row.get("reasons", []):
                row["reasons"] = [*row.get("reasons", []), REVIEW_REASON]
            new = ReviewItem(row, "rejects")
        else:
            raise ValueError(f"decision must be 'accepted' or 'rejected', got {decision!r}")
        meta = row.get("meta") if isinstance(row.get("meta"), dict) else {}
        row["meta"] = {**meta, "review": stamp}
        self.items[index] = new
        self.save(first=new.origin)
        return new

    def save(self, first: str = "dataset") -> None:
        files = {"dataset": self.dataset_path, "rejects": self.rejects_path}
        for origin in sorted(files, key=lambda o: o != first):
            write_jsonl_atomic(files[origin], [i.row for i in self.items if i.origin == origin])

    def counts(self) -> dict[str, int]:
        out = {"accepted": 0, "rejected": 0, "": 0}
        for item in self.items:
            out[item.decision] = out.get(item.decision, 0) + 1
        return out


def one_line(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


class ReviewScreen(Screen):
    BINDINGS = [
        Binding("a", "decide('accepted')", "승인"),
        Binding("r", "decide('rejected')", "반려"),
        Binding("escape", "app.pop_screen", "뒤로"),
    ]
    DEFAULT_CSS = """
    ReviewScreen #open-row { height: auto; padding: 0 1; }
    ReviewScreen #open-row Input { width: 1fr; }
    ReviewScreen #review-counts { padding: 0 1; color: $text-muted; }
    ReviewScreen DataTable { height: 1fr; }
    ReviewScreen #review-detail { height: 12; border-top: solid $panel-lighten-2; padding: 0 1; }
    """

    def __init__(self, dataset: str = "") -> None:
        super().__init__()
        self.dataset = dataset
        self.review: ReviewSet | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("데이터셋 검토 (a 승인 · r 반려)", classes="screen-title")
        with Horizontal(id="open-row"):
            yield Input(self.dataset, placeholder="데이터셋 JSONL (예: checked.jsonl)", id="review-path")
            yield Button("열기", id="review-open")
        yield Label("", id="review-counts")
        yield DataTable(id="review-table", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="review-detail"):
            yield Static("", id="review-text", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("상태", "출처", "유형", "질문")
        if self.dataset:
            self.open(self.dataset)

    @on(Button.Pressed, "#review-open")
    @on(Input.Submitted, "#review-path")
    def open_clicked(self) -> None:
        self.open(self.query_one("#review-path", Input).value.strip())

    def open(self, path: str) -> None:
        try:
            self.review = ReviewSet(path)
        except UserError as exc:
            from taxqa.redaction import redact

            self.notify(f"데이터셋을 열 수 없습니다: {redact(exc)}", severity="error", timeout=8)
            return
        self.fill()
        self.query_one(DataTable).focus()

    def fill(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for i, item in enumerate(self.review.items):
            table.add_row(*self.cells(item), key=str(i))
        if self.review.items:
            table.move_cursor(row=min(max(row, 0), len(self.review.items) - 1))
        self.show_counts()
        self.show_detail()

    def cells(self, item: ReviewItem) -> tuple[str, str, str, str]:
        question = item.row.get("question") or item.row.get("raw") or ""
        return (DECISION_LABELS.get(item.decision, item.decision), ORIGIN_LABELS[item.origin],
                str(item.row.get("type", "")), one_line(question, 70))  # fmt: skip

    def show_counts(self) -> None:
        c = self.review.counts()
        in_data = sum(1 for i in self.review.items if i.origin == "dataset")
        self.query_one("#review-counts", Label).update(
            f"{self.review.dataset_path.name} {in_data}개 · 반려 목록 {len(self.review.items) - in_data}개 · "
            f"승인 {c['accepted']} · 반려 {c['rejected']} · 미검토 {c['']}"
        )

    @on(DataTable.RowHighlighted)
    def show_detail(self) -> None:
        if self.review is None or not self.review.items:
            return
        item = self.review.items[self.query_one(DataTable).cursor_row]
        r = item.row
        lines = [f"질문: {r.get('question', r.get('raw', ''))}", "", f"답변: {r.get('answer', '')}"]
        if r.get("citations"):
            lines.append("인용: " + ", ".join(r["citations"]))
        if r.get("reasons"):
            lines.append("반려 사유: " + "; ".join(map(str, r["reasons"])))
        self.query_one("#review-text", Static).update("\n".join(lines))

    def action_decide(self, decision: str) -> None:
        if self.review is None or not self.review.items:
            return
        table = self.query_one(DataTable)
        index = table.cursor_row
        try:
            item = self.review.decide(index, decision)
        except UserError as exc:
            self.notify(f"이 항목은 승인할 수 없습니다: {exc}", severity="error", timeout=8)
            return
        except OSError as exc:  # a read-only folder: nothing was changed on disk; show the files as they are
            self.notify(
                f"저장할 수 없습니다: {exc.filename or ''} ({exc.strerror or exc})", severity="error", timeout=8
            )
            self.review.load()
            self.fill()
            return
        for column, value in zip(table.ordered_columns, self.cells(item)):
            table.update_cell(str(index), column.key, value)
        self.show_counts()
        if index + 1 < table.row_count:
            table.move_cursor(row=index + 1)
        self.show_detail()
