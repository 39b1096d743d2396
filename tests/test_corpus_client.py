"""The law.go.kr DRF client against a loopback server that serves the saved real responses.

The server speaks the real URL scheme (/DRF/lawSearch.do, /DRF/lawService.do with OC, target, type, ...),
echoes the OC inside links the way the API does, and has the API's error shapes: HTTP 200 with the
user-verification message, truncated JSON, an HTML error page, a 503 before success, XML only.
"""

from __future__ import annotations

import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from taxqa.cli import run_command
from taxqa.corpus.cite import squash
from taxqa.corpus.client import DRFClient, DRFError, scrub
from taxqa.corpus.parse import PREC_SECTIONS, split_front_matter

SECRET = "s3cretOCkey"
LAW_FILES = {  # MST -> saved full-statute answer
    "268341": "inheritance_gift_tax_act_20250314.json",
    "265959": "income_tax_act_20250101.json",
    "270363": "vat_act_20250701.json",
}
VERIFY_FAILED = {
    "result": "사용자 정보 검증에 실패하였습니다.",
    "msg": "OPEN API 호출 시 사용자 검증을 위하여 정확한 서버장비의 IP주소 및 도메인주소를 등록해 주세요.",
}
HTML_ERROR = "<!DOCTYPE html><html><head><title>국가법령정보센터 | 오류</title></head><body>페이지를 찾을 수 없습니다</body></html>"
EXPC = {
    "법령해석례일련번호": "330471",
    "안건명": "직계존속 증여의 10년 합산 여부(상속세 및 증여세법 제53조 관련)",
    "안건번호": "24-0101",
    "해석일자": "20240315",
    "해석기관명": "법제처",
    "질의요지": "직계존속으로부터 증여받은 경우 10년 이내 공제 한도를 합산하는지?",
    "회답": "합산합니다.",
    "이유": "「상속세 및 증여세법」 제53조 각 호 외의 부분 후단에 따라 10년 이내 공제받은 금액을 합산합니다.",
}


def _precedents(data: Path) -> dict[str, dict]:
    out = {}
    for path in sorted((data / "legalize-kr" / "precedents").glob("*.md")):
        meta, body = split_front_matter(path.read_text(encoding="utf-8"), str(path))
        sections, current = {}, None
        for line in body.split("\n"):
            if line.startswith("## "):
                current = line[3:].strip()
                sections[current] = []
            elif current:
                sections[current].append(line)
        seq = str(meta["판례일련번호"])
        out[seq] = {
            "판례정보일련번호": seq,
            "사건명": meta["사건명"],
            "사건번호": meta["사건번호"],
            "선고일자": str(meta["선고일자"]).replace("-", ""),
            "선고": "선고",
            "법원명": meta["법원명"],
            "판결유형": "판결",
            **{k: "<br/>".join(sections.get(k, [])) for k in PREC_SECTIONS},
        }
    return out


class DRF(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}
    precedents: dict[str, dict] = {}
    laws: dict[str, dict] = {}
    data: Path = Path()  # the shared data folder (the `shared_data` fixture)

    def log_message(self, *args):  # keep pytest output clean
        pass

    def _send(self, status: int, body: str | bytes, ctype: str = "application/json;charset=UTF-8") -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _json(self, obj) -> None:
        self._send(200, json.dumps(obj, ensure_ascii=False))

    def do_GET(self):  # noqa: N802 - http.server's name
        url = urlparse(self.path)
        q = {k: v[0] for k, v in parse_qs(url.query).items()}
        key = f"{url.path}?{'&'.join(f'{k}={v}' for k, v in sorted(q.items()) if k != 'OC')}"
        DRF.hits[key] = DRF.hits.get(key, 0) + 1
        oc, target, kind = q.get("OC", ""), q.get("target"), q.get("type", "XML")
        if oc != SECRET:
            return self._json(VERIFY_FAILED) if oc != "html-key" else self._send(200, HTML_ERROR, "text/html")
        if url.path == "/DRF/lawSearch.do" and target == "law":
            items = [
                {
                    "법령일련번호": mst,
                    "법령명한글": law["법령"]["기본정보"]["법령명_한글"],
                    "현행연혁코드": "현행",
                    "시행일자": law["법령"]["기본정보"]["시행일자"],
                    "법령상세링크": f"/DRF/lawService.do?OC={oc}&target=law&MST={mst}&type=HTML",
                }
                for mst, law in DRF.laws.items()
                if squash(q.get("query", "")) in squash(law["법령"]["기본정보"]["법령명_한글"])
            ]
            return self._json({"LawSearch": {"target": "law", "totalCnt": str(len(items)), "law": items}})
        if url.path == "/DRF/lawService.do" and target in ("law", "eflaw"):
            mst = q.get("MST", "")
            if mst == "999":  # truncated answer
                return self._send(200, (DRF.data / "law.go.kr" / LAW_FILES["268341"]).read_bytes()[:4000])
            if mst == "998":
                return self._send(200, HTML_ERROR, "text/html")
            if mst == "997" and DRF.hits[key] == 1:  # one server error, then the answer
                return self._send(503, "busy", "text/plain")
            mst = "268341" if mst == "997" else mst
            if mst not in LAW_FILES:
                return self._json({"result": "일치하는 법령이 없습니다.", "msg": "법령명을 확인하여 주십시오."})
            return self._send(200, (DRF.data / "law.go.kr" / LAW_FILES[mst]).read_bytes())
        if url.path == "/DRF/lawSearch.do" and target == "prec":
            items = [
                {
                    "판례일련번호": seq,
                    "사건명": p["사건명"],
                    "판례상세링크": f"/DRF/lawService.do?OC={oc}&target=prec&ID={seq}&type=HTML",
                }
                for seq, p in DRF.precedents.items()
                if q.get("query", "") in p["판례내용"] + p["사건명"]
            ]
            page, display = int(q.get("page", 1)), int(q.get("display", 20))
            chunk = items[(page - 1) * display : page * display]
            return self._json({"PrecSearch": {"target": "prec", "totalCnt": str(len(items)), "prec": chunk}})
        if url.path == "/DRF/lawService.do" and target == "prec":
            p = DRF.precedents.get(q.get("ID", ""))
            return self._json({"PrecService": p}) if p else self._json({"result": "일치하는 판례가 없습니다."})
        if url.path == "/DRF/lawSearch.do" and target == "expc":
            link = f"/DRF/lawService.do?OC={oc}&target=expc&ID=330471&type=HTML"
            item = {"법령해석례일련번호": "330471", "안건명": EXPC["안건명"], "법령해석례상세링크": link}
            return self._json({"Expc": {"target": "expc", "totalCnt": "1", "expc": item}})  # one item: an object
        if url.path == "/DRF/lawService.do" and target == "expc":
            if kind == "JSON":
                return self._send(200, "JSON is not offered for this target", "text/plain")
            fields = "".join(f"<{k}><![CDATA[{v}]]></{k}>" for k, v in EXPC.items())
            return self._send(
                200, f'<?xml version="1.0" encoding="UTF-8"?><ExpcService>{fields}</ExpcService>', "text/xml"
            )
        return self._send(404, HTML_ERROR, "text/html")


@pytest.fixture(scope="module")
def server(shared_data):
    DRF.laws = {
        mst: json.loads((shared_data / "law.go.kr" / f).read_text(encoding="utf-8")) for mst, f in LAW_FILES.items()
    }
    DRF.data = shared_data
    DRF.precedents = _precedents(shared_data)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), DRF)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _corpus(argv: list[str]) -> int:
    return run_command("taxqa.corpus.cli", argv, "taxqa corpus")


def _assert_no_secret(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path
            assert SECRET not in str(path)


def test_fetch_build_search_end_to_end(server, tmp_path, monkeypatch, capsys, caplog):
    monkeypatch.setenv("LAW_OC", SECRET)
    caplog.set_level(logging.DEBUG)
    out = tmp_path / "fetched"
    argv = ["fetch", "--law", "상속세및증여세법", "--law", "부가가치세법", "--prec", "증여", "--expc", "증여"]
    argv += ["--base-url", server, "--interval", "0", "-q", "-o", str(out)]
    assert _corpus(argv) == 0
    laws = sorted(p.name for p in (out / "law").iterdir())
    assert laws == ["부가가치세법_20250701_270363.json", "상속세및증여세법_20250314_268341.json"]
    assert sorted(p.name for p in (out / "prec").iterdir()) == ["179394.json"]
    assert (out / "expc" / "330471.json").is_file()  # fetched as XML after a non-JSON answer
    _assert_no_secret(tmp_path)
    assert SECRET not in capsys.readouterr().err + caplog.text
    cached = list((out / ".cache").rglob("*.json"))
    assert cached and any("법령상세링크" in p.read_text(encoding="utf-8") for p in cached)  # kept, key stripped

    # a re-run makes no request it already made, and rewrites nothing
    before = dict(DRF.hits)
    assert _corpus(argv) == 0
    assert DRF.hits == before
    assert "0 requests made" in capsys.readouterr().err

    passages = tmp_path / "passages.jsonl.gz"
    assert _corpus(["build", str(out), "-o", str(passages)]) == 0
    assert "3 decisions" not in capsys.readouterr().out
    assert _corpus(["search", "증여재산 공제 한도", "--corpus", str(passages)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("1. 상속세 및 증여세법 제53조 (증여재산 공제) ")
    assert _corpus(["search", "직계존속 10년 합산 여부", "-k", "10", "--corpus", str(passages)]) == 0
    assert "법제처 24-0101" in capsys.readouterr().out
    _assert_no_secret(tmp_path)


@pytest.mark.parametrize(
    ("oc", "law", "message"),
    [
        ("wrong-key", "상속세및증여세법", "사용자 정보 검증에 실패하였습니다"),
        ("html-key", "상속세및증여세법", "HTML page (국가법령정보센터 | 오류)"),
        (SECRET, "MST:999", "truncated or invalid JSON"),
        (SECRET, "MST:998", "HTML page"),
        (SECRET, "MST:123", "일치하는 법령이 없습니다"),
        (SECRET, "없는세법", "no law of that name"),
        ("", "상속세및증여세법", "set LAW_OC"),
    ],
)
def test_api_errors_stop_cleanly(server, tmp_path, monkeypatch, capsys, oc, law, message):
    monkeypatch.setenv("LAW_OC", oc)
    out = tmp_path / "out"
    assert _corpus(["fetch", "--law", law, "--base-url", server, "--interval", "0", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert message in err and err.startswith("taxqa corpus: error: ")
    assert "Traceback" not in err and (not oc or oc not in err)
    written = [p for p in out.rglob("*") if p.is_file() and ".cache" not in p.parts] if out.exists() else []
    assert written == []  # nothing half-written
    if out.exists():
        _assert_no_secret(out)
        assert not list(out.rglob("*.tmp"))


def test_retries_server_errors_with_backoff(server, tmp_path):
    with DRFClient(SECRET, base_url=server, cache_dir=tmp_path, min_interval=0, backoff=0.01) as client:
        answer = client.service("law", MST="997")
        assert answer["법령"]["기본정보"]["법령명_한글"] == "상속세 및 증여세법"
        assert client.requests_made == 2
    with DRFClient(SECRET, base_url=server, min_interval=0, retries=1, backoff=0.01) as client:
        with pytest.raises(DRFError, match=r"HTTP 404") as info:
            client.get("nothere.do", target="law")
        assert SECRET not in str(info.value)


def test_unreachable_server_gives_up_without_leaking_the_key(tmp_path):
    with DRFClient(SECRET, base_url="http://127.0.0.1:9", min_interval=0, retries=1, backoff=0.01) as client:
        with pytest.raises(DRFError, match="gave up after 2 attempts") as info:
            client.search("law", "소득세법")
    assert SECRET not in str(info.value) and "OC=" not in str(info.value)


def test_scrub_removes_the_key_from_links_and_text():
    link = f"http://www.law.go.kr/DRF/lawService.do?OC={SECRET}&target=law&MST=1&type=HTML"
    assert scrub(link) == "http://www.law.go.kr/DRF/lawService.do?target=law&MST=1&type=HTML"
    assert scrub(f"/DRF/x.do?target=law&OC={SECRET}") == "/DRF/x.do?target=law"
    assert scrub({"a": [f"키 {SECRET} 끝"]}, SECRET) == {"a": ["키 *** 끝"]}


def test_fetch_by_mst_at_a_date_uses_eflaw(server, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("LAW_OC", SECRET)
    argv = ["fetch", "--law", "MST:270363", "--date", "20250701", "--base-url", server, "--interval", "0"]
    assert _corpus([*argv, "-o", str(tmp_path)]) == 0
    assert (tmp_path / "law" / "부가가치세법_20250701_270363.json").is_file()
    assert any(k.startswith("/DRF/lawService.do?MST=270363&efYd=20250701&target=eflaw") for k in DRF.hits)
    assert _corpus([*argv[:-4], "--date", "2025-07-01", "-o", str(tmp_path)]) == 2
    assert "expected YYYYMMDD" in capsys.readouterr().err
    _assert_no_secret(tmp_path)
