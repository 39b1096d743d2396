"""`taxqa corpus fetch` against a loopback law.go.kr: the tax preset, hostile answers, bounded paging, the cache.

The server speaks the DRF URL scheme (/DRF/lawSearch.do, /DRF/lawService.do with OC, target, query, MST,
page, display); statutes are small real-shaped answers named after the act asked for.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from taxqa.cli import run_command
from taxqa.corpus.build import build
from taxqa.corpus.cite import squash
from taxqa.corpus.client import DRFClient, DRFError
from taxqa.corpus.fetch import PRESETS, TAX_ACTS, fetch_documents

KEY = "loopKEY123"
MISSING = {"조세범처벌법시행령"}  # an act of the preset the server does not have
HOSTILE = "인지세법"  # its 시행일자 tries to leave the output folder


def _statute(name: str, date: str) -> dict:
    article = {
        "조문여부": "조문",
        "조문번호": "1",
        "조문제목": "목적",
        "조문내용": f"제1조(목적) 이 법은 {name}에 관하여 정한다.",
    }
    return {"법령": {"기본정보": {"법령명_한글": name, "시행일자": date}, "조문": {"조문단위": [article]}}}


class Server(BaseHTTPRequestHandler):
    requests: list[str] = []

    def log_message(self, *args):
        pass

    def _json(self, obj) -> None:
        data = json.dumps(obj, ensure_ascii=False).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):  # noqa: N802
        url = urlparse(self.path)
        q = {k: v[0] for k, v in parse_qs(url.query).items()}
        Server.requests.append(f"{url.path} {q.get('target')} {q.get('query', q.get('MST', q.get('ID')))}")
        target, names = q.get("target"), {squash(a): a for a in PRESETS["tax"]}
        if url.path.endswith("lawSearch.do") and target == "law":
            name = names.get(squash(q.get("query", "")))
            items = [] if name is None or squash(name) in MISSING else [{"법령일련번호": str(1000 + list(names).index(squash(name))), "법령명한글": name, "현행연혁코드": "현행", "시행일자": "20260101"}]  # fmt: skip
            return self._json({"LawSearch": {"totalCnt": str(len(items)), "law": items}})
        if url.path.endswith("lawService.do") and target == "law":
            name = list(names.values())[int(q["MST"]) - 1000]
            return self._json(_statute(name, "../../../escape" if name == HOSTILE else "20260101"))
        if url.path.endswith("lawSearch.do") and target == "prec":
            if q.get("query") == "empty":
                return self._json({})
            # items without ids, and a total that never ends: a client that pages until it has the limit never stops
            return self._json({"PrecSearch": {"totalCnt": "999999", "prec": [{"사건명": "x"}] * 5}})
        return self._json({"result": "일치하는 법령이 없습니다."})


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Server)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _corpus(argv: list[str]) -> int:
    return run_command("taxqa.corpus.cli", argv, "taxqa corpus")


def test_preset_tax_fetches_every_act_with_decree_and_rule_and_resumes(server, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("LAW_OC", KEY)
    assert len(PRESETS["tax"]) == 3 * len(TAX_ACTS) and "지방세특례제한법 시행규칙" in PRESETS["tax"]
    for act in ("국세기본법", "상속세 및 증여세법", "부가가치세법", "지방세법", "조세특례제한법", "종합부동산세법"):
        assert act in TAX_ACTS
    out = tmp_path / "tax"
    argv = ["fetch", "--preset", "tax", "--base-url", server, "--interval", "0", "-q", "-o", str(out)]
    Server.requests.clear()
    assert _corpus(argv) == 1  # one act of the preset is missing on the server: said, the rest fetched
    err = capsys.readouterr().err
    assert "조세범 처벌법 시행령" in err and "1 acts of the preset not found" in err
    files = sorted(p.name for p in (out / "law").iterdir())
    assert len(files) == len(PRESETS["tax"]) - 1
    assert "상속세및증여세법시행규칙_20260101_1014.json" in files
    hostile = [f for f in files if f.startswith("인지세법_")]
    assert hostile == ["인지세법__1027.json"]  # the 시행일자 "../../../escape" left no trace in the name
    assert {p.parent for p in tmp_path.rglob("*.json") if ".cache" not in p.parts} == {out / "law"}

    made = len(Server.requests)
    assert _corpus(argv) == 1  # resumed: every answer from the cache
    assert len(Server.requests) == made
    passages = tmp_path / "p.jsonl"
    stats = build([out], passages)
    assert stats.statutes == len(PRESETS["tax"]) - 1


def test_paging_is_bounded_and_bad_answers_are_never_cached(server, tmp_path, monkeypatch, capsys):
    with DRFClient(KEY, base_url=server, cache_dir=tmp_path / "cache", min_interval=0) as client:
        Server.requests.clear()
        stats = fetch_documents(client, "prec", "증여", tmp_path, limit=300, progress=False)
        assert stats.written == [] and len(Server.requests) == 1  # a page that adds no id ends the paging

        with pytest.raises(DRFError, match="empty answer"):
            client.search("prec", "empty")
        assert not list((tmp_path / "cache").rglob("*empty*")) and len(list((tmp_path / "cache").rglob("*.json"))) == 1

    # a cache written by an older version with an answer that is not valid: named, not used
    cache = next((tmp_path / "cache").rglob("*.json"))
    record = json.loads(cache.read_text(encoding="utf-8"))
    cache.write_text(json.dumps({**record, "answer": {"unexpected": []}}), encoding="utf-8")
    monkeypatch.setenv("LAW_OC", KEY)
    argv = ["fetch", "--prec", "증여", "--base-url", server, "--interval", "0", "-q", "-o", str(tmp_path)]
    assert _corpus([*argv, "--cache", str(tmp_path / "cache")]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and str(cache) in err and "delete it" in err


def test_fetch_options_are_checked_and_documented(capsys):
    assert _corpus(["fetch", "--law", "소득세법", "--retries", "-1", "-o", "x"]) == 2
    assert "--retries" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        _corpus(["fetch", "--help"])
    help_text = capsys.readouterr().out
    assert "--preset" in help_text and "retries of a request" in help_text
    with pytest.raises(SystemExit):
        _corpus(["search", "--help"])
    help_text = capsys.readouterr().out
    assert "how many articles" in help_text and "--embed-model" in help_text and "--json" in help_text
