"""The MCP server: taxqa's tools on the official `mcp` SDK (2.x, `MCPServer`).

Each tool's input schema is generated (the calculator inputs from the kind records, see
taxqa/mcp/schemas.py) and replaces the one the SDK would derive from the Python signature; the
functions take plain values and check them themselves, so a wrong argument gets a Korean and
English message naming the field instead of a validation dump. The SDK hides the text of any
exception but its `ToolError`: every failure is turned into one here.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from typing import Any

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp.server.mcpserver.tools import Tool
from mcp_types import ToolAnnotations

from taxqa import __version__
from taxqa.errors import UserError
from taxqa.mcp import tools
from taxqa.mcp.schemas import inputs_schema
from taxqa.tax.kinds import KINDS

log = logging.getLogger("taxqa.mcp")

INSTRUCTIONS = (
    "taxqa: 한국 세법 도구 (오프라인). 세금 질문은 먼저 ask_tax로 읽으세요. 결과의 missing이 비어 있지 않으면 "
    "계산 결과를 확정하지 말고 빠진 사실을 사용자에게 물은 뒤 compute_tax로 계산하세요. 금액은 원 단위이며 각 "
    "단계에 근거 조문이 붙습니다. 조문 원문은 search_law와 get_article로 확인하세요."
)
AS_OF = {
    "type": "string",
    "format": "date",
    "description": "적용할 법령 기준일 YYYY-MM-DD (생략하면 오늘). The law version date; default today.",
}


def ask_schema() -> dict[str, Any]:
    question = {"type": "string", "maxLength": tools.MAX_QUESTION_CHARS, "description": "한국어 세금 질문 그대로"}
    return _object({"question": question, "as_of": AS_OF}, ["question"])


def compute_schema() -> dict[str, Any]:
    kinds = {
        "type": "string",
        "enum": list(KINDS),
        "description": "세목: " + ", ".join(f"{k.name} ({k.label})" for k in KINDS.values()),
    }
    inputs = {
        "type": "object",
        "description": "세목(kind)별 입력. 금액은 원 단위 정수나 '20억', '5천만원' 같은 문자열. 세목마다 가능한 "
        "입력은 아래 스키마(title = kind)와 list_tax_kinds에 있습니다.",
        "anyOf": [inputs_schema(kind) for kind in KINDS.values()],
    }
    return _object({"kind": kinds, "inputs": inputs, "as_of": AS_OF}, ["kind", "inputs"])


def search_schema() -> dict[str, Any]:
    return _object(
        {
            "query": {"type": "string", "maxLength": tools.MAX_QUERY_CHARS, "description": "찾을 내용 (한국어)"},
            "k": {"type": "integer", "minimum": 1, "maximum": tools.MAX_K, "default": 5, "description": "결과 수"},
            "law": {"type": "string", "description": "이 법에서만 찾기 (예: 소득세법, 상증법)"},
        },
        ["query"],
    )


def article_schema() -> dict[str, Any]:
    law = {"type": "string", "description": "법령 이름 (예: 상속세 및 증여세법, 상증법, 소득세법)"}
    article = {"type": ["string", "integer"], "description": "조문 (예: 제53조, 53, 제53조의2, 53-2)"}
    return _object({"law": law, "article": article}, ["law", "article"])


def _object(properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    return {"type": "object", "properties": properties, "required": required, "additionalProperties": False}


# name -> (function, Korean description, schema builder)
TOOLS: dict[str, tuple[Callable[..., dict[str, Any]], str, Callable[[], dict[str, Any]]]] = {
    "ask_tax": (
        tools.ask_tax,
        "한국어 세금 질문을 읽습니다: 어떤 세금인지(kind), 질문에서 읽은 입력(inputs), 이해한 내용(understood), "
        "가정(assumptions), 빠졌거나 모호한 사실(missing)과, 계산할 수 있으면 결과(result: compute_tax와 같은 "
        "형식). missing이 비어 있지 않으면 그 숫자를 최종 세액으로 말하지 말고 사용자에게 빠진 사실을 물은 뒤 "
        "compute_tax로 다시 계산하세요. Returns the `taxqa tax ask --json` object.",
        ask_schema,
    ),
    "compute_tax": (
        tools.compute_tax,
        "세목(kind)과 입력(inputs)으로 세액을 원 단위까지 계산합니다. 단계(steps)마다 근거 조문(law)이 붙고, "
        "과세표준(tax_base), 산출세액(computed_tax), 결정세액(determined_tax), 납부할 세액(payable, 음수는 "
        "환급), 지방소득세(local_tax), 가정(assumptions)을 돌려줍니다. 입력은 세목마다 다르니 list_tax_kinds나 "
        "inputs 스키마를 보세요. Returns what `taxqa tax KIND --json` prints.",
        compute_schema,
    ),
    "search_law": (
        tools.search_law,
        "내장된 세법 조문(소득세법, 법인세법, 상속세 및 증여세법, 부가가치세법, 국세기본법, 조세특례제한법, "
        "지방세법 등)에서 질문과 관련된 조문을 찾습니다. 결과: law, article, title, snippet, score. 전문은 "
        "get_article로 보세요. Offline search of the embedded statutes.",
        search_schema,
    ),
    "get_article": (
        tools.get_article,
        "내장 법령에서 한 조문의 전문(text)과 출처(source_url), 시행일(effective_date)을 돌려줍니다. "
        "The full text of one article of the embedded corpus.",
        article_schema,
    ),
    "list_tax_kinds": (
        tools.list_tax_kinds,
        "계산할 수 있는 세목과 한국어 이름, 세목별 입력(형식, 단위, 가능한 값, 필수 여부)을 돌려줍니다. "
        "Every calculator with its Korean name and inputs.",
        lambda: _object({}, []),
    ),
}


def guarded(name: str, func: Callable[..., dict[str, Any]]) -> Callable[..., dict[str, Any]]:
    """`func` with every failure as a ToolError the agent can read: a bad argument names the field;
    anything else says an internal error happened (the traceback goes to stderr, not to the agent)."""

    def call(**kwargs: Any) -> dict[str, Any]:
        try:
            return func(**kwargs)
        except UserError as exc:
            raise ToolError(str(exc)) from None
        except RecursionError:
            raise ToolError("입력이 너무 깊게 중첩되어 있습니다 / input nested too deeply") from None
        except Exception as exc:  # a bug: keep serving, say so in both languages
            traceback.print_exc(file=sys.stderr)
            raise ToolError(
                f"내부 오류로 {name}을(를) 처리하지 못했습니다 / internal error in {name} ({type(exc).__name__}); "
                "다른 입력으로 다시 시도하세요 / try again with other input"
            ) from None

    return call


def make_tool(name: str) -> Tool:
    func, description, schema = TOOLS[name]
    call = guarded(name, func)
    # The SDK reads parameter names from the signature: give the wrapper the tool function's own.
    call.__signature__ = _signature(func)  # type: ignore[attr-defined]
    call.__name__ = name
    tool = Tool.from_function(
        call,
        name=name,
        description=description,
        annotations=ToolAnnotations(read_only_hint=True, open_world_hint=False),
        structured_output=True,
    )
    tool.parameters = schema()
    return tool


def _signature(func: Callable[..., Any]):
    import inspect

    sig = inspect.signature(func)
    params = [p.replace(annotation=Any) for p in sig.parameters.values()]
    return sig.replace(parameters=params, return_annotation=dict[str, Any])


def build_server() -> MCPServer:
    return MCPServer(
        name="taxqa",
        title="taxqa: 한국 세법 계산기와 조문",
        instructions=INSTRUCTIONS,
        version=__version__,
        tools=[make_tool(name) for name in TOOLS],
        log_level="WARNING",
    )
