"""JSON schemas of the calculator inputs, read from the kind records, and the inputs an agent
sends turned into calculator arguments the way `taxqa tax KIND` does it.

Each kind's `TaxKind.add_arguments` declares its `taxqa tax KIND` flags (type, choices,
required, default, help); `TaxKind.fields` names them; the calculator's signature says which
plain values are counts and which are won amounts. The schema of every input is derived from
those, so a new kind or flag shows up here without an edit. Inputs are checked field by field
(bilingual `BadInput` naming `inputs.FIELD`), then rendered as that kind's flags and parsed by
its own argparse builder and `kwargs_from`, the CLI's path into the calculator.
"""

from __future__ import annotations

import argparse
import inspect
import re
from typing import Any

from taxqa.amounts import AmountError, parse_won
from taxqa.errors import UserError
from taxqa.tax.kind import TaxKind

MAX_VALUE_CHARS = 200  # any one string input (an amount such as "12억 3,456만 7,890원" is far shorter)
AMOUNT_KO = "원 단위 금액: 0 이상의 정수 또는 '20억', '5천만원', '1억 400만원' 같은 한글 표기"
AMOUNT_EXPECTED = "0 이상의 원 단위 금액이어야 합니다 (정수 또는 '20억', '5천만원' 같은 한글 표기)"


class BadInput(UserError):
    """A tool argument that cannot be used: names the field, says what was expected in Korean
    and in English, and what was given."""

    def __init__(self, field: str, ko: str, en: str, got: Any = ...):
        shown = "" if got is ... else f", got {_shown(got)}"
        super().__init__(f"{field}: {ko} / {en}{shown}")
        self.field = field


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else f"{text[:60]}… ({len(text):,} characters)"


class _Parser(argparse.ArgumentParser):
    """The kind's own flags, with parse errors raised instead of printed and exited on."""

    def error(self, message: str):  # noqa: D102 - argparse hook
        raise _ParseError(message)


class _ParseError(Exception):
    pass


def kind_parser(kind: TaxKind) -> argparse.ArgumentParser:
    parser = _Parser(prog=f"taxqa tax {kind.name}", add_help=False)
    kind.add_arguments(parser)
    return parser


def flag(name: str) -> str:
    return "--" + name.replace("_", "-")


def field_actions(kind: TaxKind) -> dict[str, argparse.Action]:
    """field -> the argparse action of its `taxqa tax KIND` flag."""
    actions = {s: a for a in kind_parser(kind)._actions for s in a.option_strings}
    return {name: actions[flag(name)] for name in kind.fields}


def field_schema(kind: TaxKind, name: str, action: argparse.Action) -> dict[str, Any]:
    """The JSON schema of one input, with a description an agent can follow (Korean first)."""
    help_ = re.sub(r"--([a-z][a-z-]*)", lambda m: m.group(1).replace("-", "_"), (action.help or "").replace("%%", "%"))
    annotation = str(inspect.signature(kind.calculator).parameters[name].annotation)
    if isinstance(action, argparse._StoreTrueAction):
        schema: dict[str, Any] = {"type": "boolean", "default": False, "description": f"예/아니오. {help_}"}
    elif action.choices is not None:
        schema = {"type": "string", "enum": list(action.choices), "description": f"다음 중 하나. {help_}"}
    elif action.metavar == "YYYY-MM-DD":
        schema = {"type": "string", "format": "date", "description": f"날짜 YYYY-MM-DD. {help_}"}
    elif action.type is int and action.nargs == "+":
        schema = {"type": "array", "items": {"type": "integer", "minimum": 0}, "minItems": 1}
        schema["description"] = f"0 이상의 정수 목록. {help_}"
    elif action.type is int:
        schema = {"type": "integer", "minimum": 0, "description": f"0 이상의 정수. {help_}"}
    elif "float" in annotation:
        schema = {"type": ["number", "string"], "minimum": 0, "description": f"0 이상의 수 (예: 10.5). {help_}"}
    else:
        schema = {"type": ["integer", "string"], "minimum": 0, "maxLength": MAX_VALUE_CHARS}
        schema["description"] = f"{AMOUNT_KO}. {help_}"
    if action.default not in (None, False, [], "0") and not action.required:
        schema["default"] = action.default
    elif action.default == "0":
        schema["default"] = 0
    return schema


def inputs_schema(kind: TaxKind) -> dict[str, Any]:
    """The JSON schema of a kind's `inputs` object."""
    actions = field_actions(kind)
    schema: dict[str, Any] = {
        "title": kind.name,
        "description": f"{kind.label} ({kind.name}): {kind.help}",
        "type": "object",
        "properties": {name: field_schema(kind, name, a) for name, a in actions.items()},
        "additionalProperties": False,
    }
    required = [name for name, a in actions.items() if a.required]
    if required:
        schema["required"] = required
    return schema


def _check_value(name: str, schema: dict[str, Any], value: Any) -> None:
    """BadInput unless `value` has the JSON type `schema` asks for (allowed values: argparse checks
    them, since a flag's converter also takes Korean names, e.g. 배우자 for spouse)."""
    field = f"inputs.{name}"
    kind = schema["type"]
    if isinstance(value, str) and len(value) > MAX_VALUE_CHARS:
        raise BadInput(field, f"{MAX_VALUE_CHARS}자 이하여야 합니다", f"at most {MAX_VALUE_CHARS} characters", value)
    if kind == "boolean" and not isinstance(value, bool):
        raise BadInput(field, "true 또는 false여야 합니다", "expected true or false", value)
    if kind == "integer" and not _whole(value):
        raise BadInput(field, "0 이상의 정수여야 합니다", "expected a whole number >= 0", value)
    if kind == "array" and not (isinstance(value, list) and value and all(_whole(v) for v in value)):
        raise BadInput(
            field, "0 이상의 정수 목록이어야 합니다", "expected a non-empty list of whole numbers >= 0", value
        )
    if kind == ["number", "string"] and not _number(value):
        raise BadInput(field, "0 이상의 수여야 합니다 (예: 10.5)", "expected a number >= 0 such as 10.5", value)
    if kind == ["integer", "string"]:
        try:
            parse_won(value if isinstance(value, (int, str)) else repr(value))
        except AmountError as exc:
            raise BadInput(field, AMOUNT_EXPECTED, f"expected an amount in won >= 0 ({exc})") from None
    if kind == "string" and not isinstance(value, str):
        raise BadInput(field, "문자열이어야 합니다", "expected a string", value)


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _number(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return value >= 0 and value == value and value != float("inf")
    try:
        return float(str(value)) >= 0
    except ValueError:
        return False


def to_argv(kind: TaxKind, inputs: Any, schema: dict[str, Any]) -> list[str]:
    """The `taxqa tax KIND` flags for `inputs` (BadInput naming the field on a wrong one)."""
    if not isinstance(inputs, dict):
        raise BadInput("inputs", "객체(JSON object)여야 합니다", "expected a JSON object of the kind's inputs", inputs)
    props = schema["properties"]
    for name in inputs:
        if name not in props:
            raise BadInput(f"inputs.{name}", f"{kind.name}에 없는 입력입니다. 가능한 입력: {', '.join(props)}",
                           f"unknown input of {kind.name}; expected one of {', '.join(props)}")  # fmt: skip
    missing = [n for n in schema.get("required", ()) if inputs.get(n) is None]
    if missing:
        names = ", ".join(f"inputs.{n}" for n in missing)
        raise BadInput(names, f"{kind.name}에 꼭 필요한 입력이 빠졌습니다", f"missing, required by {kind.name}")
    argv: list[str] = []
    for name, value in inputs.items():
        if value is None:
            continue
        _check_value(name, props[name], value)
        if value is True:
            argv.append(flag(name))
        elif value is False:
            continue
        elif isinstance(value, list):
            argv += [flag(name), *(str(v) for v in value)]
        else:
            argv.append(f"{flag(name)}={value}")
    return argv


def calculator_kwargs(kind: TaxKind, inputs: Any) -> dict[str, Any]:
    """Calculator keyword arguments from an agent's `inputs`, through the kind's own flags."""
    schema = inputs_schema(kind)
    argv = to_argv(kind, inputs, schema)
    try:
        args = kind_parser(kind).parse_args(argv)
    except _ParseError as exc:
        raise parse_failure(schema, str(exc)) from None
    return kind.kwargs_from(args)


def parse_failure(schema: dict[str, Any], message: str) -> BadInput:
    """argparse's "argument --relation: expected ..." as a BadInput on inputs.relation."""
    head, _, rest = message.partition(": ")
    name = head.split("/")[0].removeprefix("argument --").replace("-", "_")
    if head.startswith("argument --") and name in schema["properties"]:
        allowed = schema["properties"][name].get("enum")
        ko = f"다음 중 하나여야 합니다: {', '.join(allowed)}" if allowed else "값을 읽을 수 없습니다"
        return BadInput(f"inputs.{name}", ko, rest)
    return BadInput("inputs", "입력을 읽을 수 없습니다", message)


def calculator_failure(kind: TaxKind, exc: UserError) -> BadInput:
    """A calculator's UserError ("relation: expected ...") as a BadInput on that input."""
    message = str(exc)
    head, sep, rest = message.partition(": ")
    name = head.strip().lstrip("-").replace("-", "_")
    if sep and name in kind.fields:
        return BadInput(f"inputs.{name}", "이 값으로는 계산할 수 없습니다", rest)
    return BadInput("inputs", "이 입력으로는 계산할 수 없습니다", f"cannot compute {kind.name}: {message}")
