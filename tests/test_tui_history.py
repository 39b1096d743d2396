"""Chat history in real SQLite files: conversations, streaming rows, crash recovery, search, export."""

from __future__ import annotations

import sqlite3

from tui.history import DB_NAME, HistoryStore, default_data_dir, title_from
from tui.settings import SETTINGS_NAME, Settings


def test_default_location_follows_xdg_data_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_data_dir() == tmp_path / "xdg" / "taxqa"
    store = HistoryStore.open_default()
    assert store.path == tmp_path / "xdg" / "taxqa" / DB_NAME and store.path.exists()
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()


def test_conversation_lifecycle_and_title_from_first_question(tmp_path):
    store = HistoryStore(tmp_path / DB_NAME)
    conv = store.new_conversation()
    store.add_message(conv.id, "user", "부모님께 20억원을 증여받으면\n증여세는 얼마인가요?")
    store.add_message(conv.id, "user", "두 번째 질문은 제목을 바꾸지 않습니다")
    assert store.conversation(conv.id).title == "부모님께 20억원을 증여받으면 증여세는 얼마인가요?"
    long = store.new_conversation()
    store.add_message(long.id, "user", "가" * 100)
    assert store.conversation(long.id).title == title_from("가" * 100) and len(title_from("가" * 100)) == 40
    store.rename(conv.id, "  증여세 상담  ")
    assert store.conversation(conv.id).title == "증여세 상담"
    assert [c.id for c in store.conversations()] == [long.id, conv.id]  # newest first
    store.delete(conv.id)
    assert store.conversation(conv.id) is None and store.messages(conv.id) == []
    store.close()


def test_search_matches_titles_and_message_text(tmp_path):
    store = HistoryStore(tmp_path / DB_NAME)
    a = store.new_conversation("상속세 질문")
    b = store.new_conversation("기타")
    store.add_message(b.id, "assistant", "부가가치세 매출세액은 10%입니다 (100%_완료)")
    assert [c.id for c in store.conversations("상속")] == [a.id]
    assert [c.id for c in store.conversations("매출세액")] == [b.id]
    assert [c.id for c in store.conversations("%_")] == [b.id]  # LIKE wildcards are searched literally
    assert store.conversations("없는 말") == []
    store.close()


def test_partial_answer_survives_a_crash_and_is_marked(tmp_path):
    path = tmp_path / DB_NAME
    store = HistoryStore(path)
    conv = store.new_conversation()
    store.add_message(conv.id, "user", "질문")
    row = store.add_message(conv.id, "assistant", "", status="streaming", model="m")
    store.update_message(row.id, content="과세표준은 19억")
    # the process dies here: no final update, the connection is never closed
    reopened = HistoryStore(path)
    assert reopened.interrupted == 1
    answer = reopened.messages(conv.id)[-1]
    assert answer.status == "interrupted" and answer.content == "과세표준은 19억"
    assert "중단" in answer.status_label
    assert reopened.turns(conv.id) == []  # an unfinished answer never goes back into the prompt
    assert "⚠" in reopened.export_markdown(conv.id)
    reopened.close()
    store.close()


def test_turns_and_markdown_export(tmp_path):
    store = HistoryStore(tmp_path / DB_NAME)
    conv = store.new_conversation()
    store.add_message(conv.id, "user", "질문 1")
    store.add_message(conv.id, "assistant", "답변 1", model="gemma3-4b", adapter="ad",
                      grounding={"verdict": {"checked": True, "agree": False, "reason": "세액 9,000만원 != 계산값"},
                                 "articles": [{"citation": "상속세 및 증여세법 제53조"}]})  # fmt: skip
    store.add_message(conv.id, "user", "질문 2")
    cancelled = store.add_message(conv.id, "assistant", "반쯤", status="streaming")
    store.update_message(cancelled.id, status="cancelled", stats={"generation_tps": 12.5})
    assert store.turns(conv.id) == [("질문 1", "답변 1")]
    assert store.messages(conv.id)[-1].stats == {"generation_tps": 12.5}
    md = store.export_markdown(conv.id)
    assert md.startswith("# 질문 1\n")
    assert "## 답변 (gemma3-4b + ad)" in md and "불일치" in md and "상속세 및 증여세법 제53조" in md
    assert "취소" in md
    store.close()


def test_settings_round_trip_and_damaged_file(tmp_path):
    path = tmp_path / SETTINGS_NAME
    s = Settings.load(path)
    assert s.temperature == 0.0 and s.show_grounding
    s.temperature, s.max_tokens, s.theme = 0.7, 64, "nord"
    s.remember("model-a", "adapter-a")
    s.remember("model-b")
    s.remember("model-a")
    s.save()
    again = Settings.load(path)
    assert (again.temperature, again.max_tokens, again.theme) == (0.7, 64, "nord")
    assert again.recent_models == ["model-a", "model-b"] and again.recent_adapters == ["adapter-a"]
    path.write_text('{"temperature": "hot", "max_tokens": 1, "top_p": 1}', encoding="utf-8")
    damaged = Settings.load(path)
    assert damaged.temperature == 0.0 and damaged.max_tokens == 1 and damaged.top_p == 1.0
    path.write_text("{not json", encoding="utf-8")
    assert Settings.load(path).max_tokens == 512


def test_wal_allows_a_reader_while_writing(tmp_path):
    store = HistoryStore(tmp_path / DB_NAME)
    conv = store.new_conversation("t")
    reader = sqlite3.connect(tmp_path / DB_NAME)
    store.db.execute("BEGIN")
    store.db.execute("UPDATE conversations SET title='x' WHERE id=?", (conv.id,))
    assert reader.execute("SELECT title FROM conversations").fetchone()[0] == "t"
    store.db.commit()
    reader.close()
    store.close()
