import json
import os
import subprocess
import sys

import pytest

from taxqa.records import (
    AppendWriter,
    PassageRecord,
    QARecord,
    RecordError,
    import_seed,
    qa_id,
    read_jsonl,
    read_passages,
    read_qa,
    write_jsonl_atomic,
)


def test_qa_id_is_stable_under_whitespace_and_normalisation():
    assert qa_id("증여세는  얼마인가요?") == qa_id(" 증여세는 얼마인가요? ")
    assert qa_id("20억 증여") != qa_id("30억 증여")
    assert QARecord(question="질문", answer="답").id == qa_id("질문")


def test_round_trip_writes_korean_as_is(tmp_path):
    path = tmp_path / "qa.jsonl"
    rec = QARecord(
        question="부모에게 20억을 받으면?",
        answer="6억 140만원",
        type="calc",
        source="calculator",
        citations=["상속세 및 증여세법 제53조"],
    )
    write_jsonl_atomic(path, [rec])
    raw = path.read_text(encoding="utf-8")
    assert "부모에게" in raw and "\\u" not in raw
    assert raw.count("\n") == 1
    (back,) = list(read_qa(path))
    assert back == rec
    assert list(json.loads(raw).keys())[0] == "id"


@pytest.mark.parametrize(
    "line,expected",
    [
        ('{"question": "q", "answer": "a", "type": "teacher"', "invalid JSON"),
        ('{"question": "q", "type": "teacher", "source": "statute"}', "missing field 'answer'"),
        ('{"question": "q", "answer": "a", "type": "guru", "source": "statute"}', "field 'type'"),
        ('{"question": "q", "answer": 5, "type": "teacher", "source": "statute"}', "field 'answer' must be str"),
        ('{"question": "q", "answer": "a", "type": "teacher", "source": "statute", "citations": "제1조"}', "citations"),
        ("[1, 2]", "expected a JSON object"),
    ],
)
def test_bad_lines_name_file_line_and_field(tmp_path, line, expected):
    path = tmp_path / "bad.jsonl"
    good = '{"question": "q0", "answer": "a", "type": "teacher", "source": "statute"}'
    path.write_text(good + "\n\n" + line + "\n", encoding="utf-8")
    with pytest.raises(RecordError) as exc:
        list(read_qa(path))
    assert f"{path}:3" in str(exc.value)
    assert expected in str(exc.value)


def test_passage_schema(tmp_path):
    path = tmp_path / "p.jsonl"
    p = PassageRecord(
        id="x",
        citation="상속세 및 증여세법 제53조",
        law="상속세 및 증여세법",
        article="제53조",
        title="증여재산 공제",
        text="...",
    )
    write_jsonl_atomic(path, [p])
    assert list(read_passages(path)) == [p]
    path.write_text('{"id": "x", "citation": "c", "law": "l", "text": "t", "kind": "novel"}\n', encoding="utf-8")
    with pytest.raises(RecordError, match="kind"):
        list(read_passages(path))


def test_append_writer_survives_kill_and_repairs_torn_tail(tmp_path):
    path = tmp_path / "out.jsonl"
    script = (
        "import os, sys\n"
        "from taxqa.records import AppendWriter\n"
        "w = AppendWriter(sys.argv[1])\n"
        "for i in range(3):\n"
        "    w.write({'i': i, 'text': '한글'})\n"
        'w._fh.write(\'{"i": 3, "te\')\n'  # a torn line, as a kill mid-write leaves
        "w._fh.flush()\n"
        "os._exit(9)\n"
    )
    proc = subprocess.run([sys.executable, "-c", script, str(path)])
    assert proc.returncode == 9
    assert [o["i"] for _, o in read_jsonl(path, skip_torn_tail=True)] == [0, 1, 2]
    with pytest.raises(RecordError, match=":4"):
        list(read_jsonl(path))
    with AppendWriter(path) as w:
        w.write({"i": 3})
    assert [o["i"] for _, o in read_jsonl(path)] == [0, 1, 2, 3]


def test_a_torn_tail_cut_inside_a_korean_character_is_skipped_then_repaired(tmp_path):
    path = tmp_path / "out.jsonl"
    whole = b'{"i":0}\n'
    torn = '{"i":1,"pad":"가가'.encode()[:-1]  # a kill between the bytes of one character
    path.write_bytes(whole + torn)
    assert [o["i"] for _, o in read_jsonl(path, skip_torn_tail=True)] == [0]
    with pytest.raises(RecordError, match=":2: not UTF-8"):
        list(read_jsonl(path))
    with AppendWriter(path) as w:
        w.write({"i": 1})
    assert [o["i"] for _, o in read_jsonl(path)] == [0, 1]


def test_atomic_write_leaves_old_file_on_failure(tmp_path):
    path = tmp_path / "data.jsonl"
    write_jsonl_atomic(path, [{"a": 1}])

    def rows():
        yield {"a": 2}
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_jsonl_atomic(path, rows())
    assert path.read_text() == '{"a":1}\n'
    assert os.listdir(tmp_path) == ["data.jsonl"]


def test_import_seed(tmp_path):
    seed = tmp_path / "seed.json"
    seed.write_text(
        json.dumps(
            [
                {
                    "question": "부모로부터 20억원을 증여받으면 증여세는?",
                    "answer": "9,000만원입니다.",
                    "type": "teacher",
                    "source": "상속세 및 증여세법",
                },
                {
                    "question": "부가가치세란?",
                    "answer": "재화 공급에 과세합니다.",
                    "type": "student",
                    "source": "부가가치세법",
                },
            ],
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    records = import_seed(seed)
    assert [r.source for r in records] == ["imported", "imported"]
    assert records[0].meta["original_source"] == "상속세 및 증여세법"
    assert [r.type for r in records] == ["teacher", "student"]


@pytest.mark.parametrize(
    "content,expected",
    [
        ('{"question": 1}', "JSON array"),
        ('[{"question": "q"}]', "item 0: missing or empty field 'answer'"),
        ("[1,", "invalid JSON"),
    ],
)
def test_import_seed_errors(tmp_path, content, expected):
    seed = tmp_path / "seed.json"
    seed.write_text(content, encoding="utf-8")
    with pytest.raises(RecordError, match=expected):
        import_seed(seed)
