"""`taxqa mcp` driven through the official MCP SDK client: the real server spawned over stdio
(and once over streamable HTTP with a key), every tool called, figures checked against
`taxqa tax KIND --json`, bad input answered with a tool error naming the field."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import anyio
import pytest

pytest.importorskip("mcp")

from mcp import Client  # noqa: E402
from mcp.client.stdio import StdioServerParameters  # noqa: E402

from taxqa.tax.cli import main as tax_cli  # noqa: E402
from taxqa.tax.kinds import KINDS  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
AS_OF = "2026-01-01"
TIMEOUT = 120  # seconds for a whole session: a hang fails the test instead of blocking the suite


def server_env(**extra: str) -> dict[str, str]:
    path = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path, **extra}


def stdio_params() -> StdioServerParameters:
    return StdioServerParameters(command=sys.executable, args=["-m", "taxqa", "mcp"], env=server_env())


def run_session(body, server=None) -> None:
    """Run `body(client)` against a freshly spawned `taxqa mcp` (stdio unless `server` is given)."""

    async def go():
        with anyio.fail_after(TIMEOUT):
            async with Client(server or stdio_params()) as client:
                await body(client)

    anyio.run(go)


def cli_json(capsys, argv: list[str]) -> dict:
    """What `taxqa tax ...` prints with --json (the CLI's own main, in this process)."""
    capsys.readouterr()
    assert tax_cli([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def cli_flags(kwargs: dict) -> list[str]:
    argv: list[str] = []
    for name, value in kwargs.items():
        option = "--" + name.replace("_", "-")
        if value is True:
            argv.append(option)
        elif value is None or value is False:
            continue
        elif isinstance(value, (list, tuple)):
            argv += [option, *map(str, value)]
        else:
            argv.append(f"{option}={value}")
    return argv


def sample_inputs() -> dict[str, dict]:
    """One realistic case per kind from its own datagen sampler (a new kind is covered as is)."""
    rng = random.Random(29)
    cases = {}
    for kind in KINDS.values():
        assert kind.sampler is not None, f"{kind.name} has no sampler"
        kwargs, _ = kind.sampler(rng)
        cases[kind.name] = {k: list(v) if isinstance(v, tuple) else v for k, v in kwargs.items()}
    return cases


def error_text(result) -> str:
    assert result.is_error, result
    return result.content[0].text


def assert_names_field(result, field: str) -> None:
    """A tool error naming `field`, with a Korean and an English part."""
    text = error_text(result)
    assert field in text, text
    assert re.search(r"[가-힣]", text), f"no Korean in: {text}"
    assert re.search(r"\b(expected|missing|unknown|at most|no|not a)\b", text), f"no English in: {text}"


def test_tools_listed_called_and_figures_match_the_cli(capsys):
    cases = sample_inputs()
    question = "아버지께 5억원을 증여받았어요. 증여세 얼마?"
    expected_ask = cli_json(capsys, ["ask", question, "--as-of", AS_OF])
    expected = {name: cli_json(capsys, [name, *cli_flags(kw), "--as-of", AS_OF]) for name, kw in cases.items()}

    async def body(client):
        listed = {t.name: t for t in (await client.list_tools()).tools}
        assert set(listed) == {"ask_tax", "compute_tax", "search_law", "get_article", "list_tax_kinds"}
        assert all(re.search(r"[가-힣]", t.description) for t in listed.values())
        schema = listed["compute_tax"].input_schema
        assert schema["properties"]["kind"]["enum"] == list(KINDS)
        by_kind = {s["title"]: s for s in schema["properties"]["inputs"]["anyOf"]}
        assert set(by_kind) == set(KINDS)
        relation = by_kind["gift"]["properties"]["relation"]
        assert "lineal_ascendant" in relation["enum"] and "spouse" in relation["enum"]
        assert by_kind["gift"]["required"] == ["amount", "relation"]
        assert by_kind["gift"]["properties"]["minor"]["type"] == "boolean"
        assert "원" in by_kind["gift"]["properties"]["amount"]["description"]
        assert by_kind["inheritance"]["properties"]["children"]["type"] == "integer"

        kinds = (await client.call_tool("list_tax_kinds", {})).structured_content["kinds"]
        assert [k["kind"] for k in kinds] == list(KINDS)
        assert all(re.search(r"[가-힣]", k["name"]) and k["inputs"] for k in kinds)

        for name, kwargs in cases.items():
            got = await client.call_tool("compute_tax", {"kind": name, "inputs": kwargs, "as_of": AS_OF})
            assert not got.is_error, (name, got.content)
            assert got.structured_content == expected[name], name

        asked = await client.call_tool("ask_tax", {"question": question, "as_of": AS_OF})
        assert asked.structured_content == expected_ask
        assert asked.structured_content["result"]["payable"] == 77_600_000

        hits = (await client.call_tool("search_law", {"query": "증여재산공제 한도", "k": 3})).structured_content["hits"]
        assert len(hits) == 3
        assert (hits[0]["law"], hits[0]["article"]) == ("상속세 및 증여세법", "제53조")
        assert {"law", "article", "title", "snippet", "score"} <= set(hits[0])
        only = await client.call_tool("search_law", {"query": "공제", "k": 4, "law": "소법"})
        assert {h["law"] for h in only.structured_content["hits"]} == {"소득세법"}

        article = (await client.call_tool("get_article", {"law": "상증법", "article": "53"})).structured_content
        assert article["citation"] == "상속세 및 증여세법 제53조"
        assert "6억원" in article["text"] and article["effective_date"]
        assert article["source_url"].startswith("https://www.law.go.kr/")

    run_session(body)


def test_bad_input_names_the_field_and_the_next_call_works():
    huge = "가" * 10_000_000  # 10 MB of text in one argument

    async def body(client):
        async def next_call_works():
            ok = await client.call_tool("compute_tax", {"kind": "income", "inputs": {"base": "5천만원"}})
            assert not ok.is_error and ok.structured_content["tax_base"] == 50_000_000

        bad = [
            ("compute_tax", {"kind": "lottery", "inputs": {}}, "kind"),
            ("compute_tax", {"kind": "gift", "inputs": {"amount": -5, "relation": "spouse"}}, "inputs.amount"),
            ("compute_tax", {"kind": "gift", "inputs": {"amount": "-5억", "relation": "spouse"}}, "inputs.amount"),
            ("compute_tax", {"kind": "gift", "inputs": {"amount": "5억", "relation": "friend"}}, "inputs.relation"),
            ("compute_tax", {"kind": "gift", "inputs": {"amount": "5억"}}, "inputs.relation"),
            (
                "compute_tax",
                {"kind": "gift", "inputs": {"amount": "5억", "relation": "spouse", "cat": 1}},
                "inputs.cat",
            ),
            ("compute_tax", {"kind": "gift", "inputs": "5억"}, "inputs"),
            (
                "compute_tax",
                {"kind": "inheritance", "inputs": {"estate": "30억", "children": "two"}},
                "inputs.children",
            ),
            ("compute_tax", {"kind": "gift", "inputs": {"amount": huge, "relation": "spouse"}}, "inputs.amount"),
            ("compute_tax", {"kind": "income", "inputs": {"base": 1}, "as_of": "yesterday"}, "as_of"),
            ("compute_tax", {"kind": "income", "inputs": {"base": 1}, "as_of": "1990-01-01"}, "as_of"),
            ("ask_tax", {"question": huge}, "question"),
            ("ask_tax", {"question": 42}, "question"),
            ("ask_tax", {}, "question"),
            ("search_law", {"query": "증여", "k": "five"}, "k"),
            ("search_law", {"query": "증여", "k": 10_000}, "k"),
            ("search_law", {"query": huge}, "query"),
            ("search_law", {"query": "증여", "law": "해운법"}, "law"),
            ("get_article", {"law": "상속세 및 증여세법", "article": "제999조"}, "article"),
            ("get_article", {"law": "없는법", "article": "1"}, "law"),
            ("get_article", {"law": ["상증법"], "article": "1"}, "law"),
        ]
        for tool, args, field in bad:
            assert_names_field(await client.call_tool(tool, args), field)
            await next_call_works()
        assert (await client.call_tool("no_such_tool", {})).is_error
        await next_call_works()

    run_session(body)


def test_streamable_http_with_a_key():
    import httpx2
    from mcp.client.streamable_http import streamable_http_client

    proc = subprocess.Popen(
        [sys.executable, "-m", "taxqa", "mcp", "--http", "--port", "0"],
        env=server_env(TAXQA_API_KEY="loopback-secret"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = proc.stderr.readline()  # the server says where it listens once the socket is bound
        url = re.search(r"(http://\S+/mcp)", line)
        assert url, line
        url = url.group(1)

        async def without_key():
            async with httpx2.AsyncClient() as http:
                answer = await http.post(url, json={"jsonrpc": "2.0", "id": 1, "method": "tools/list"})
            assert answer.status_code == 401
            assert "loopback-secret" not in answer.text

        anyio.run(without_key)

        async def body(client):
            tools = (await client.list_tools()).tools
            assert len(tools) == 5
            got = await client.call_tool("compute_tax", {"kind": "income", "inputs": {"base": "5천만원"}})
            assert got.structured_content["tax_base"] == 50_000_000

        headers = {"Authorization": "Bearer loopback-secret"}
        transport = streamable_http_client(url, http_client=httpx2.AsyncClient(headers=headers))
        run_session(body, server=transport)
    finally:
        proc.terminate()
        proc.wait(30)
        proc.stderr.close()


def test_http_off_loopback_without_a_key_is_refused(monkeypatch, capsys):
    from taxqa.cli import main

    monkeypatch.delenv("TAXQA_API_KEY", raising=False)
    assert main(["mcp", "--http", "--host", "0.0.0.0"]) == 2
    assert "needs an API key" in capsys.readouterr().err
