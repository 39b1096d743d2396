"""The bad-input sweep's tables, generated systematically: every command's outputs against files and
folders it must not write, every reader against damaged files, every numeric option against bad
numbers, every text argument against undecodable text. Each row is (id, argv template, fragment of
the one error line or None, class); ``{d}`` is the working folder, ``{F}`` the bad file.
"""

from __future__ import annotations

import gzip
import json

GOOD_QA = {
    "question": "부모님께 3억원을 증여받으면 증여세 과세표준은 얼마인가요?",
    "answer": "과세표준은 2억 5,000만원입니다. (상속세 및 증여세법 제53조)",
    "type": "calc",
    "source": "calculator",
}
QA_LINE = json.dumps(GOOD_QA, ensure_ascii=False)

# --- data loss: outputs that are inputs, user files, or folders the command did not make --------------
# files nobody may overwrite (made by make_user_files); each is refused by every file-writing command
USER_FILES = {
    "notes": "{d}/notes.txt",
    "notes-no-newline": "{d}/notes_nonl.txt",
    "readme": "{d}/README.md",
    "model-config": "{d}/model_good/config.json",
    "train-split": "{d}/dataset/train.jsonl",
    "test-split": "{d}/dataset/test.jsonl",
    "valid-split": "{d}/dataset/valid.jsonl",
    "card": "{d}/dataset/card.md",  # (made by make_user_files)
    "binary": "{d}/garbage.json",
    "nested": "{d}/nested.json",
    "symlink-to-notes": "{d}/link_notes.txt",
    "a-folder": "{d}/userdir",
    "model-folder": "{d}/model_good",
    "unwritable": "/proc/taxqa-out.jsonl",
    "fifo": "{d}/pipe",
    "under-a-file": "{d}/notes.txt/out.jsonl",
    "tokenizer": "{d}/model_good/tokenizer.json",
}
FILE_WRITERS = {
    "generate-o": "data generate --mode calc --n 1 --no-progress -o {T}",
    "check-o": "data check {d}/raw.jsonl -o {T}",
    "check-rejects": "data check {d}/raw.jsonl -o {d}/fresh.jsonl --rejects {T}",
    "import-o": "data import {d}/seed.json -o {T}",
    "corpus-build-o": "corpus build {d}/raw.jsonl -o {T}",
    "eval-o": "eval --model {d}/model_bad --data {d}/dataset -o {T}",
    "eval-report": "eval --model {d}/model_bad --data {d}/dataset -o {d}/fresh.json --report {T}",
}
# folders a folder-writing command must not replace or write into
USER_FOLDERS = {
    "user-folder": "{d}/userdir",
    "dataset-of-split": "{d}/dataset",
    "demo-model-folder": "{d}/model_good",
    "current-folder": ".",
    "the-work-folder": "{d}",
    "a-file": "{d}/notes.txt",
    "an-input-file": "{d}/raw.jsonl",
    "proc": "/proc/taxqa-out",
    "root": "/",
}
FOLDER_WRITERS = {
    "split-o": ("data split {d}/checked.jsonl -o {T}", {"dataset-of-split"}),
    "demo-model-out": ("demo-model --arch gemma3 --out {T}", {"demo-model-folder"}),
    "lora-adapter": ("lora --model {d}/model_bad --data {d}/dataset --adapter-path {T}", set()),
    "train-output": ("train --check --model {d}/model_good --data {d}/dataset --output {T}", set()),
    "convert-o": ("convert --base {d}/model_bad --adapter {d}/adapter_bad -o {T}", set()),
    "demo-out": ("demo --out {T}", set()),
    "demo-fresh": ("demo --out {T} --fresh", set()),
}
# a folder target a command may legitimately use (its own kind) is left out: split over a dataset
# needs --force (refused here, so it stays in), demo-model may rebuild its own checkpoint.
ALLOWED = {("demo-model-out", "demo-model-folder")}


def output_cases() -> list[tuple[str, str, str | None, str]]:
    cases = []
    for wid, writer in FILE_WRITERS.items():
        for tid, target in USER_FILES.items():
            cases.append((f"{wid}-over-{tid}", writer.replace("{T}", target), None, "data loss"))
    # derived names: eval -o X.json writes X.md (the user's README.md); check -o X.jsonl writes X.rejects.jsonl
    cases.append(("eval-derived-readme", "eval --model {d}/model_bad --data {d}/dataset -o {d}/README.json",
                  "--report", "data loss"))  # fmt: skip
    cases.append(("check-derived-rejects", "data check {d}/raw.jsonl -o {d}/mine.jsonl", "--rejects", "data loss"))
    for wid, (writer, _) in FOLDER_WRITERS.items():
        for tid, target in USER_FOLDERS.items():
            if (wid, tid) not in ALLOWED:
                cases.append((f"{wid}-into-{tid}", writer.replace("{T}", target), None, "data loss"))
    return cases


# --- damaged input files, for every reader ----------------------------------------------------------
def bad_contents() -> dict[str, tuple[str, bytes]]:
    """name -> (file suffix, bytes): files no reader may take as data, nor crash on."""
    big_int = b'{"question": "q", "answer": ' + b"9" * 5000 + b"}\n"
    return {
        "empty": (".jsonl", b""),
        "blank-lines": (".jsonl", b"\n  \n\t\n"),
        "xff-bytes": (".jsonl", b"\xff\xfe\x81\x00\xfa\xfb\n"),
        "utf16": (".jsonl", (QA_LINE + "\n").encode("utf-16")),
        "cp949-jsonl": (".jsonl", (QA_LINE + "\n").encode("cp949")),
        "lone-surrogate": (".jsonl", QA_LINE.replace("3억원", "\\ud800").encode() + b"\n"),
        "lone-low-surrogate": (".jsonl", QA_LINE.replace("3억원", "\\udfff").encode() + b"\n"),
        "5000-digit-int": (".jsonl", big_int),
        "nested": (".jsonl", b"[" * 200_000 + b"\n"),
        "nested-object": (".jsonl", b'{"a":' * 100_000 + b"\n"),
        "array-line": (".jsonl", b"[1, 2]\n"),
        "string-line": (".jsonl", b'"question"\n'),
        "number-line": (".jsonl", b"12\n"),
        "null-line": (".jsonl", b"null\n"),
        "torn-only": (".jsonl", QA_LINE[:30].encode()),
        "truncated-gz": (".jsonl.gz", gzip.compress((QA_LINE + "\n").encode() * 50)[:40]),
        "not-gzip-gz": (".jsonl.gz", b"this is not gzip\n"),
        "gz-of-garbage": (".jsonl.gz", gzip.compress(b"\xff\xfe\x81\x00\n")),
        "zeros": (".jsonl", b"\0" * 4096),
        "missing-question": (".jsonl", json.dumps({"answer": GOOD_QA["answer"]}).encode() + b"\n"),
        "question-number": (".jsonl", json.dumps({**GOOD_QA, "question": 5}).encode() + b"\n"),
        "empty-answer": (".jsonl", json.dumps({**GOOD_QA, "answer": " "}).encode() + b"\n"),
        "bad-type": (".jsonl", json.dumps({**GOOD_QA, "type": "bogus"}).encode() + b"\n"),
        "grounding-number": (".jsonl", json.dumps({**GOOD_QA, "grounding": 5}).encode() + b"\n"),
        "citations-string": (".jsonl", json.dumps({**GOOD_QA, "citations": "x"}).encode() + b"\n"),
        "meta-list": (".jsonl", json.dumps({**GOOD_QA, "meta": [1]}).encode() + b"\n"),
        "nan-literal": (".jsonl", b'{"question": NaN}\n'),
        "trailing-garbage": (".jsonl", (QA_LINE + "}}}\n").encode()),
        "bom-utf16-be": (".jsonl", b"\xfe\xff\x00{\x00}"),
        "json-text": (".txt", b"\xff\xfe\xfd"),
    }


SPECIAL_PATHS = {
    "fifo": "{d}/pipe",
    "dev-zero": "/dev/zero",
    "folder": "{d}/userdir",
    "missing": "{d}/nope.jsonl",
    "dangling-link": "{d}/dangling.jsonl",
    "link-loop": "{d}/loop.jsonl",
}
READERS = {
    "split": "data split {F} -o {d}/newds",
    "import": "data import {F} -o {d}/imported.jsonl",
    "eval": "eval --model {d}/model_bad --data {F} -o {d}/ev.json",
    "generate-passages": "data generate --mode distill --provider openai-compatible --base-url http://127.0.0.1:9/v1 "
    "--model m --passages {F} --no-progress -o {d}/gen.jsonl",
    "check": "data check {F} -o {d}/chk.jsonl",
    "corpus-build": "corpus build {F} -o {d}/passages.jsonl",
    "corpus-search": "corpus search 증여세 --corpus {F}",
}
# readers for which a damaged line is a rejected record, not a failed command (exit 0 is right there)
LENIENT = {"check", "corpus-build"}


def reader_cases() -> list[tuple[str, str, str | None, str]]:
    cases = []
    for rid, reader in READERS.items():
        for name in list(bad_contents()) + list(SPECIAL_PATHS):
            cases.append((f"{rid}-reads-{name}", reader, name, "traceback"))
    return cases


# --- bad numbers for every numeric option ------------------------------------------------------------
NUMERIC_OPTIONS = {
    "data generate --mode calc -o {d}/g.jsonl": [
        "--n", "--seed", "--concurrency", "--max-cost", "--timeout", "--max-retries", "--retry-base",
        "--max-tokens", "--temperature", "--grounded", "--distractor", "--missing", "--ground-k",
        "--ground-chars", "--price",
    ],
    "data check {d}/raw.jsonl -o {d}/c.jsonl": ["--min-korean", "--near-dup-threshold"],
    "data split {d}/checked.jsonl -o {d}/s": ["--valid", "--test", "--seed", "--near-dup-threshold"],
    "eval --model {d}/model_bad --data {d}/dataset -o {d}/e.json": [
        "--limit", "--max-tokens", "--max-seq-length", "--ground-k",
    ],
    "generate --model {d}/model_bad -p 질문": [
        "--max-tokens", "--temp", "--top-p", "--min-p", "--seed", "--max-kv-size", "--ground-k",
    ],
    "lora --model {d}/model_bad --data {d}/dataset --adapter-path {d}/a": [
        "--iters", "--batch-size", "--learning-rate", "--rank", "--scale", "--grad-accumulation-steps",
        "--max-seq-length", "--steps-per-report", "--steps-per-eval", "--save-every", "--seed", "--dropout",
    ],
    "demo-model --arch gemma3 --out {d}/m": ["--vocab-size", "--seed", "--size"],
    "corpus build --embedded -o {d}/p.jsonl": ["--max-chars", "--near-dup"],
    "corpus fetch --law 소득세법 -o {d}/fetched": ["--limit", "--interval"],
    "corpus search 증여세": ["-k"],
}  # fmt: skip
BAD_NUMBERS = {
    "nan": "nan",
    "inf": "inf",
    "minus-inf": "-inf",
    "word": "abc",
    "empty": "",
    "5000-digits": "9" * 5000,
    "comma": "1,5,",
    "hex": "0x1g",
    "surrogate": "\udcff",
    "1e400": "1e400",
    "minus-one": "-1",
    "unicode-minus": "\u22121",
    "korean": "백",
}


def numeric_cases() -> list[tuple[str, str, str | None, str]]:
    cases = []
    for command, options in NUMERIC_OPTIONS.items():
        name = "-".join(command.split()[:2])
        for option in options:
            for vid, value in BAD_NUMBERS.items():
                argv = f"{command} {option}={value}" if option.startswith("--") else f"{command} {option} {value!s}"
                cases.append((f"{name}{option}-{vid}", argv, option, "traceback"))
    return cases


# --- text arguments the terminal could not decode, or too long ---------------------------------------
BAD_TEXTS = {
    "xff-escape": "질문\udcff",
    "xff-xfe": "\udcff\udcfe",
    "lone-surrogate": "증여세 \ud800 얼마",
    "low-surrogate": "\udfff",
    "two-megabytes": "가" * 2_000_000,
    "only-escapes": "\udc80" * 10,
    "empty": "",
    "blank": " \t\n ",
}
TEXT_COMMANDS = {
    "tax-ask": "tax ask {Q}",
    "corpus-search": "corpus search {Q}",
    "generate-p": "generate --model {d}/model_bad -p {Q}",
    "tax-ask-json": "tax ask --json {Q}",
}


def text_cases() -> list[tuple[str, list[str], str | None, str]]:
    return [(f"{cid}-{tid}", command, tid, "traceback") for cid, command in TEXT_COMMANDS.items() for tid in BAD_TEXTS]


STDIN_BYTES = {
    "xff": b"\xff\xfe\x81\xfa\xfb",
    "utf16": "증여세".encode("utf-16"),
    "two-megabytes": "가".encode() * 700_000,
    "empty": b"",
    "blank": b"  \n\t\n",
    "cp949-broken": b"\xb0\xa1\xff",
}


# --- secrets: shapes of keys we do not hold, and pieces/encodings of one we do -----------------------
KEY_SHAPES = {
    "openai-project": "sk-proj-" + "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z" * 2,
    "openai-legacy": "sk-" + "T3BlbkFJ" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6",
    "anthropic": "sk-ant-api03-" + "Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Jh1Gf0Ed" * 2,
    "google": "AIzaSyD" + "4f9Qk2Lm8Np3Rs7Tu1Vw5Xy0Za6Bc",
    "aws": "AKIA" + "IOSFODNN7EXAMPLE",
    "xai": "xai-" + "Qw9Er8Ty7Ui6Op5As4Df3Gh2Jk1Lz0Xc" * 2,
    "groq": "gsk_" + "Mn8Bv7Cx6Zl5Kj4Hg3Fd2Sa1Qw0Er9Ty" * 2,
    "huggingface": "hf_" + "aBcDeFgHiJkLmNoPqRsTuVwXyZ012345",
    "github": "ghp_" + "16C7e42F292c6912E7710c838347Ae178B4a",
    "github-fine": "github_pat_" + "11ABCDEFG0123456789_abcdefghijklmnop",
    "slack": "xoxb-" + "123456789012-1234567890123-AbCdEfGhIjKl",
    "jwt": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
    "stripe": "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc",
    "bearer": "Bearer " + "q8W7e6R5t4Y3u2I1o0P9a8S7d6F5g4H3",
}
SECRET_CONTEXTS = ("user-error", "os-error-filename", "url-query")
HELD_KEY = "Zq9xW2vB7nM4kL1pR8sT5uY3hJ6gF0dC"  # shaped like nothing: only known because we hold it
HELD_FORMS = {
    "whole": HELD_KEY,
    "prefix-12": HELD_KEY[:12],
    "suffix-12": HELD_KEY[-12:],
    "middle-10": HELD_KEY[11:21],
    "base64": __import__("base64").b64encode(HELD_KEY.encode()).decode(),
    "basic-auth": __import__("base64").b64encode(f"user:{HELD_KEY}".encode()).decode(),
    "base64-offset": __import__("base64").b64encode(f"x{HELD_KEY}".encode()).decode(),
}
GATE_FIELDS = ("question", "answer", "citation", "meta")

# --- the chat app's files --------------------------------------------------------------------------
SETTINGS_FILES = {
    "not-json": b"{",
    "array": b"[]",
    "xff": b"\xff\xfe",
    "nested": b"[" * 100_000,
    "string": b'"x"',
    "empty": b"",
    "utf16": '{"theme": "x"}'.encode("utf-16"),
    "truncated": b'{"model": "gemma3-4b", "temperature": 0.',
}
SETTINGS_VALUES = {
    "huge-number": '{"temperature": 1e999}',
    "nan": '{"top_p": NaN}',
    "wrong-type": '{"max_tokens": "many"}',
    "bigint": '{"max_tokens": ' + "9" * 5000 + "}",
    "negative": '{"articles": -5}',
    "bool-for-int": '{"max_tokens": true}',
    "list-for-str": '{"model": [1]}',
    "lone-surrogate": '{"system_prompt": "\\ud800"}',
}

# the history file's columns (tui/history_db.py's schema); a file may lack any one of them
HISTORY_COLUMNS = {
    "conversations": {"title": "TEXT NOT NULL DEFAULT ''", "created": "REAL NOT NULL DEFAULT 0",
                      "updated": "REAL NOT NULL DEFAULT 0"},
    "messages": {"conversation_id": "INTEGER NOT NULL DEFAULT 0", "role": "TEXT NOT NULL DEFAULT 'user'",
                 "content": "TEXT NOT NULL DEFAULT ''", "status": "TEXT NOT NULL DEFAULT 'complete'",
                 "created": "REAL NOT NULL DEFAULT 0", "model": "TEXT NOT NULL DEFAULT ''",
                 "adapter": "TEXT NOT NULL DEFAULT ''", "stats": "TEXT NOT NULL DEFAULT '{}'",
                 "grounding": "TEXT NOT NULL DEFAULT '{}'"},
}  # fmt: skip
