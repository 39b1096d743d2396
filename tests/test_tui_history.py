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


# -- schema version and damaged files ------------------------------------------------------------

V0_LAYOUT = """
CREATE TABLE conversations (id INTEGER PRIMARY KEY, title TEXT NOT NULL DEFAULT '', created REAL NOT NULL,
                            updated REAL NOT NULL);
CREATE TABLE messages (id INTEGER PRIMARY KEY, conversation_id INTEGER NOT NULL, role TEXT NOT NULL,
                       content TEXT NOT NULL DEFAULT '', created REAL NOT NULL);
INSERT INTO conversations VALUES (1, '예전 대화', 100.0, 200.0);
INSERT INTO messages VALUES (1, 1, 'user', '증여세는 얼마인가요?', 100.0);
INSERT INTO messages VALUES (2, 1, 'assistant', '6억 140만원입니다.', 101.0);
"""


def test_a_version_0_file_is_upgraded_step_by_step_and_keeps_its_rows(tmp_path):
    from tui.history import MIGRATIONS, SCHEMA_VERSION

    path = tmp_path / DB_NAME
    raw = sqlite3.connect(path)
    raw.executescript(V0_LAYOUT)
    raw.close()
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 0
    store = HistoryStore(path)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == len(MIGRATIONS)
    assert store.notices == []
    old = store.messages(1)
    assert [(m.role, m.content, m.status, m.stats, m.grounding) for m in old] == [
        ("user", "증여세는 얼마인가요?", "complete", {}, {}),
        ("assistant", "6억 140만원입니다.", "complete", {}, {}),
    ]
    assert store.turns(1) == [("증여세는 얼마인가요?", "6억 140만원입니다.")]
    reply = store.add_message(1, "assistant", "추가 답변", model="m", grounding={"articles": [{"citation": "제53조"}]})
    store.update_message(reply.id, stats={"tokens": 3})
    store.close()
    reopened = HistoryStore(path)  # already at the current version: opened as is
    assert reopened.messages(1)[-1].grounding == {"articles": [{"citation": "제53조"}]}
    assert reopened.messages(1)[-1].stats == {"tokens": 3}
    assert reopened.conversation(1).title == "예전 대화"
    reopened.close()


def test_a_file_from_a_newer_version_is_left_untouched(tmp_path):
    path = tmp_path / DB_NAME
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA user_version=99")
    raw.execute("CREATE TABLE future (x)")
    raw.commit()
    raw.close()
    before = path.read_bytes()
    store = HistoryStore(path)
    assert store.notices and "더 새로운" in store.notices[0]
    conv = store.new_conversation("메모리에만")  # the app still works, in memory
    assert store.conversation(conv.id).title == "메모리에만"
    store.close()
    assert path.read_bytes() == before


def test_a_corrupt_file_is_moved_aside_with_a_notice(tmp_path):
    path = tmp_path / DB_NAME
    garbage = b"this is not an SQLite database\x00" * 200
    path.write_bytes(garbage)
    store = HistoryStore(path)
    moved = [p for p in tmp_path.iterdir() if p.name.startswith(DB_NAME + ".corrupt-")]
    assert len(moved) == 1 and moved[0].read_bytes() == garbage  # kept, byte for byte
    assert store.notices and moved[0].name in store.notices[0]
    conv = store.new_conversation("새 기록")
    store.close()
    assert HistoryStore(path).conversation(conv.id).title == "새 기록"


def test_a_data_dir_that_is_a_file_gives_an_in_memory_history(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("user's file", encoding="utf-8")
    store = HistoryStore.open_default(blocker)
    assert store.notices and "메모리" in store.notices[0]
    conv = store.new_conversation()
    store.add_message(conv.id, "user", "질문")
    assert store.messages(conv.id)[0].content == "질문"
    store.close()
    assert blocker.read_text(encoding="utf-8") == "user's file"


def test_malformed_rows_are_shown_and_the_rest_kept(tmp_path):
    path = tmp_path / DB_NAME
    store = HistoryStore(path)
    conv = store.new_conversation("대화")
    store.add_message(conv.id, "user", "첫 질문")
    answer = store.add_message(conv.id, "assistant", "첫 답변")
    store.add_message(conv.id, "user", "둘째 질문")
    store.close()
    raw = sqlite3.connect(path)  # what a hand edit or another tool can leave behind
    raw.execute("UPDATE messages SET stats='{not json', grounding='[1, 2]' WHERE id=?", (answer.id,))
    raw.execute("UPDATE messages SET content=42, created='yesterday' WHERE role='user' AND content='둘째 질문'")
    raw.execute("UPDATE conversations SET title=7, updated='x'")
    raw.commit()
    raw.close()
    store = HistoryStore(path)
    conv_row = store.conversations()[0]
    assert conv_row.title == "7" and conv_row.updated == 0.0
    messages = store.messages(conv.id)
    assert [m.content for m in messages] == ["첫 질문", "첫 답변", "42"]
    assert messages[1].stats == {} and messages[1].grounding == {} and messages[2].created == 0.0
    assert "첫 답변" in store.export_markdown(conv.id)
    store.close()


def test_a_damaged_page_moves_the_file_aside_and_keeps_what_can_be_read(tmp_path):
    path = tmp_path / DB_NAME
    store = HistoryStore(path)
    for i in range(60):
        conv = store.new_conversation(f"대화 {i}")
        store.add_message(conv.id, "user", f"질문 {i} " + "가" * 2000)  # several pages of messages
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 40 * page
    data[-10 * page : -9 * page] = b"\xff" * page  # one page near the end: garbage
    path.write_bytes(bytes(data))
    store = HistoryStore(path)
    moved = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name and not p.name.endswith(("-wal", "-shm"))]
    assert len(moved) == 1 and moved[0].read_bytes() == bytes(data)  # the damaged file is kept as it was
    assert store.notices and "옮겨 왔습니다" in store.notices[0]
    titles = {c.title for c in store.conversations()}
    assert "대화 0" in titles and len(titles) >= 30  # what could be read is back
    first = next(c for c in store.conversations() if c.title == "대화 0")
    assert store.messages(first.id)[0].content.startswith("질문 0 ")
    assert store.db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    store.close()
