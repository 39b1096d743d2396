"""Chat history in SQLite (WAL): conversations and their messages.

The assistant row is written when an answer starts (status ``streaming``), updated as
it streams and marked at the end (``complete``, ``cancelled``, ``length`` or ``error``).
If the app dies mid-answer the row stays ``streaming``; the next open marks it
``interrupted`` so the partial answer is kept and shown as such.

Opening the file (schema version, upgrades, damaged files) is tui/history_db.py's job; a
malformed row is shown as well as it can be. ``notices`` says what happened on opening, in
Korean, for the app to show.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from tui.history_db import MIGRATIONS, SCHEMA_VERSION, migrate, open_history

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "HistoryStore", "migrate"]

DB_NAME = "history.sqlite3"
TITLE_CHARS = 40
STATUS_LABELS = {  # shown next to an answer that did not finish normally
    "streaming": "답변 생성 중",
    "interrupted": "앱이 종료되어 중단된 답변 (여기까지 저장됨)",
    "cancelled": "사용자가 취소한 답변",
    "length": "최대 토큰 수에 도달해 잘린 답변",
    "error": "오류로 중단된 답변",
}


def default_data_dir() -> Path:
    """``platformdirs.user_data_dir("taxqa")``: XDG_DATA_HOME moves it on Linux."""
    return Path(platformdirs.user_data_dir("taxqa", appauthor=False))


@dataclass
class Conversation:
    id: int
    title: str
    created: float
    updated: float


@dataclass
class Message:
    id: int
    conversation_id: int
    role: str
    content: str
    status: str = "complete"
    created: float = 0.0
    model: str = ""
    adapter: str = ""
    stats: dict[str, Any] = field(default_factory=dict)
    grounding: dict[str, Any] = field(default_factory=dict)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, "")


def title_from(question: str) -> str:
    """A sidebar title from a question: its first line, cut to TITLE_CHARS characters."""
    line = " ".join(question.split())
    return line if len(line) <= TITLE_CHARS else line[: TITLE_CHARS - 1] + "…"


def _text(value: Any) -> str:
    return value if isinstance(value, str) else "" if value is None else str(value)


def _number(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def _json_dict(value: Any) -> dict[str, Any]:
    """A JSON column as a dict; a malformed value reads as {} (the row is still shown)."""
    try:
        parsed = json.loads(value) if isinstance(value, str | bytes) and value else {}
    except (ValueError, RecursionError):
        return {}
    return parsed if isinstance(parsed, dict) else {}


def _conversation(row: sqlite3.Row) -> Conversation:
    return Conversation(row["id"], _text(row["title"]), _number(row["created"]), _number(row["updated"]))


def _message(row: sqlite3.Row) -> Message:
    """A row as a Message, tolerating what an older or hand-edited file may hold."""
    return Message(
        id=row["id"],
        conversation_id=row["conversation_id"],
        role=_text(row["role"]),
        content=_text(row["content"]),
        status=_text(row["status"]) or "complete",
        created=_number(row["created"]),
        model=_text(row["model"]),
        adapter=_text(row["adapter"]),
        stats=_json_dict(row["stats"]),
        grounding=_json_dict(row["grounding"]),
    )


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class HistoryStore:
    """One SQLite file; every method commits before returning."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.db, self.notices = open_history(self.path)
        # answers still 'streaming' belong to a run that died: keep them, marked
        self.interrupted = self.db.execute("UPDATE messages SET status='interrupted' WHERE status='streaming'").rowcount
        self.db.commit()

    @classmethod
    def open_default(cls, data_dir: str | Path | None = None) -> HistoryStore:
        return cls(Path(data_dir or default_data_dir()) / DB_NAME)

    def close(self) -> None:
        self.db.close()

    # -- conversations -------------------------------------------------------------
    def new_conversation(self, title: str = "") -> Conversation:
        now = time.time()
        cur = self.db.execute("INSERT INTO conversations(title, created, updated) VALUES (?, ?, ?)", (title, now, now))
        self.db.commit()
        return Conversation(cur.lastrowid, title, now, now)

    def conversation(self, conversation_id: int) -> Conversation | None:
        row = self.db.execute("SELECT * FROM conversations WHERE id=?", (conversation_id,)).fetchone()
        return _conversation(row) if row else None

    def conversations(self, search: str = "") -> list[Conversation]:
        """Newest first; ``search`` matches titles and message text (case-insensitive for Latin text)."""
        if search.strip():
            rows = self.db.execute(
                "SELECT * FROM conversations c WHERE c.title LIKE ?1 ESCAPE '\\' OR EXISTS "
                "(SELECT 1 FROM messages m WHERE m.conversation_id=c.id AND m.content LIKE ?1 ESCAPE '\\') "
                "ORDER BY updated DESC, id DESC",
                (_like(search.strip()),),
            )
        else:
            rows = self.db.execute("SELECT * FROM conversations ORDER BY updated DESC, id DESC")
        return [_conversation(r) for r in rows]

    def rename(self, conversation_id: int, title: str) -> None:
        self.db.execute("UPDATE conversations SET title=? WHERE id=?", (title.strip(), conversation_id))
        self.db.commit()

    def delete(self, conversation_id: int) -> None:
        self.db.execute("DELETE FROM conversations WHERE id=?", (conversation_id,))
        self.db.commit()

    # -- messages ------------------------------------------------------------------
    def add_message(
        self,
        conversation_id: int,
        role: str,
        content: str,
        *,
        status: str = "complete",
        model: str = "",
        adapter: str = "",
        grounding: dict | None = None,
    ) -> Message:
        now = time.time()
        cur = self.db.execute(
            "INSERT INTO messages(conversation_id, role, content, status, created, model, adapter, grounding) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (conversation_id, role, content, status, now, model, adapter or "", json.dumps(grounding or {})),
        )
        self.db.execute("UPDATE conversations SET updated=? WHERE id=?", (now, conversation_id))
        if role == "user":  # the first question titles an untitled conversation
            self.db.execute(
                "UPDATE conversations SET title=? WHERE id=? AND title=''", (title_from(content), conversation_id)
            )
        self.db.commit()
        return Message(cur.lastrowid, conversation_id, role, content, status, now, model, adapter or "", {},
                       grounding or {})  # fmt: skip

    def update_message(
        self,
        message_id: int,
        *,
        content: str | None = None,
        status: str | None = None,
        stats: dict | None = None,
        grounding: dict | None = None,
    ) -> None:
        sets, values = [], []
        for column, value in (("content", content), ("status", status)):
            if value is not None:
                sets.append(f"{column}=?")
                values.append(value)
        for column, value in (("stats", stats), ("grounding", grounding)):
            if value is not None:
                sets.append(f"{column}=?")
                values.append(json.dumps(value, ensure_ascii=False))
        if sets:
            self.db.execute(f"UPDATE messages SET {', '.join(sets)} WHERE id=?", (*values, message_id))
            self.db.commit()

    def messages(self, conversation_id: int) -> list[Message]:
        rows = self.db.execute("SELECT * FROM messages WHERE conversation_id=? ORDER BY id", (conversation_id,))
        return [_message(r) for r in rows]

    def turns(self, conversation_id: int) -> list[tuple[str, str]]:
        """(question, answer) pairs for the prompt: only questions that got a complete answer."""
        pairs, question = [], None
        for m in self.messages(conversation_id):
            if m.role == "user":
                question = m.content
            elif question is not None and m.status in ("complete", "length") and m.content.strip():
                pairs.append((question, m.content))
                question = None
        return pairs

    # -- export --------------------------------------------------------------------
    def export_markdown(self, conversation_id: int) -> str:
        conv = self.conversation(conversation_id)
        if conv is None:
            raise KeyError(conversation_id)
        lines = [f"# {conv.title or '제목 없는 대화'}", ""]
        lines.append(f"_{time.strftime('%Y-%m-%d %H:%M', time.localtime(conv.created))}에 시작한 대화_")
        lines.append("")
        for m in self.messages(conversation_id):
            if m.role == "user":
                lines += ["## 질문", "", m.content.strip(), ""]
                continue
            who = m.model + (f" + {m.adapter}" if m.adapter else "")
            lines += [f"## 답변{f' ({who})' if who else ''}", ""]
            if m.status_label and m.status != "complete":
                lines += [f"> ⚠ {m.status_label}", ""]
            lines += [m.content.strip() or "_(빈 답변)_", ""]
            calc = m.grounding.get("calculation")
            if calc:
                lines += [f"**계산기 결과**: {calc.get('summary', '')}", ""]
            verdict = m.grounding.get("verdict")
            if verdict and verdict.get("checked"):
                mark = "일치" if verdict.get("agree") else "불일치"
                lines += [f"**계산기 대조**: {mark} — {verdict.get('reason', '')}", ""]
            articles = m.grounding.get("articles") or []
            if articles:
                lines += ["**참고 조문**: " + ", ".join(a.get("citation", "") for a in articles), ""]
        return "\n".join(lines).rstrip() + "\n"
