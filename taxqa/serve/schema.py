"""The server's protocol, typed with pydantic (the shape of vLLM's OpenAI server): the request
bodies it accepts (OpenAI chat completions + taxqa's extra fields), the responses and stream
chunks it sends, and the OpenAI error shape every bad request gets."""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError


class APIError(Exception):
    """An error answered as ``{"error": {"message", "type", "param", "code"}}``."""

    def __init__(self, status: int, message: str, *, type: str = "invalid_request_error", param=None, code=None):
        super().__init__(message)
        self.status, self.message, self.type, self.param, self.code = status, message, type, param, code
        self.headers: dict[str, str] = {}

    def body(self) -> dict[str, Any]:
        info = ErrorInfo(message=self.message, type=self.type, param=self.param, code=self.code)
        return ErrorResponse(error=info).model_dump()


class TextPart(BaseModel):
    model_config = ConfigDict(extra="ignore")
    type: Literal["text"]
    text: str


class Message(BaseModel):
    model_config = ConfigDict(extra="ignore")
    role: Literal["system", "developer", "user", "assistant"]
    content: str | list[TextPart] | None = None

    def text(self) -> str:
        if isinstance(self.content, list):
            return "".join(part.text for part in self.content)
        return self.content or ""


class StreamOptions(BaseModel):
    include_usage: bool = False


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")
    model: str
    messages: list[Message] = Field(min_length=1)
    stream: bool = False
    stream_options: StreamOptions | None = None
    temperature: float = Field(0.0, ge=0.0, le=2.0)  # 0 (greedy) by default: tax answers, not prose
    top_p: float = Field(1.0, gt=0.0, le=1.0)
    max_tokens: int | None = Field(None, ge=1)
    max_completion_tokens: int | None = Field(None, ge=1)
    stop: str | list[str] | None = None
    seed: int | None = Field(None, ge=0, le=2**64 - 1)  # what the engines' generators take
    n: int = Field(1, ge=1, le=1)
    # taxqa's extra fields (the openai SDK sends them with extra_body=...)
    ground: bool = True  # put the articles and the calculator's result in front of the question
    return_grounding: bool = False  # answer with "taxqa": {"grounding": ..., "check": ...}

    def stops(self) -> list[str]:
        stops = [self.stop] if isinstance(self.stop, str) else list(self.stop or [])
        if len(stops) > 4 or any(not s for s in stops):
            raise APIError(400, "stop: expected up to 4 non-empty strings", param="stop")
        return stops


class GroundRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")
    question: str = Field(min_length=1)
    answer: str | None = None  # when given, the figure check of this answer is returned too


# -- responses ------------------------------------------------------------------------


class ErrorInfo(BaseModel):
    message: str
    type: str
    param: str | None = None
    code: str | None = None


class ErrorResponse(BaseModel):
    error: ErrorInfo


class ModelCard(BaseModel):
    id: str
    object: Literal["model"] = "model"
    created: int
    owned_by: str = "taxqa"


class ModelList(BaseModel):
    object: Literal["list"] = "list"
    data: list[ModelCard]


class Health(BaseModel):
    status: Literal["ok", "loading", "error"]
    model: str
    backend: str
    waiting: int
    auth: bool
    finished: dict[str, int] | None = None
    error: str | None = None


class PromptTokensDetails(BaseModel):
    cached_tokens: int = 0


class Usage(BaseModel):
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int
    prompt_tokens_details: PromptTokensDetails

    @classmethod
    def of(cls, final) -> Usage:
        """From the last ChatChunk (its prompt_tokens are after prompt-cache reuse)."""
        prompt = final.prompt_tokens + final.cached_tokens
        details = PromptTokensDetails(cached_tokens=final.cached_tokens)
        return cls(
            prompt_tokens=prompt,
            completion_tokens=final.generation_tokens,
            total_tokens=prompt + final.generation_tokens,
            prompt_tokens_details=details,
        )


class AssistantMessage(BaseModel):
    role: Literal["assistant"] = "assistant"
    content: str


class Choice(BaseModel):
    index: int = 0
    message: AssistantMessage
    finish_reason: Literal["stop", "length"]
    logprobs: None = None


class ChatCompletion(BaseModel):
    id: str
    object: Literal["chat.completion"] = "chat.completion"
    created: int
    model: str
    choices: list[Choice]
    usage: Usage
    system_fingerprint: None = None
    taxqa: dict[str, Any] | None = None  # {"grounding", "check"} when the request asked

    def body(self) -> dict[str, Any]:
        return self.model_dump(exclude={"taxqa"} if self.taxqa is None else set())


class Delta(BaseModel):
    role: Literal["assistant"] | None = None
    content: str | None = None


class StreamChoice(BaseModel):
    index: int = 0
    delta: Delta
    finish_reason: Literal["stop", "length"] | None = None
    logprobs: None = None


class ChatCompletionChunk(BaseModel):
    id: str
    object: Literal["chat.completion.chunk"] = "chat.completion.chunk"
    created: int
    model: str
    choices: list[StreamChoice] = []
    usage: Usage | None = None
    taxqa: dict[str, Any] | None = None

    def sse(self) -> str:
        """One server-sent event; a delta names only what it carries, usage/taxqa only when present."""
        data = self.model_dump(exclude_none=True)
        for choice, typed in zip(data["choices"], self.choices):
            choice["finish_reason"], choice["logprobs"] = typed.finish_reason, None
        return sse(data)


def sse(data: dict[str, Any] | str) -> str:
    return f"data: {data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)}\n\n"


def parse(model: type[BaseModel], data: Any) -> Any:
    """``model`` from JSON data, or an APIError naming the first field that is wrong."""
    if not isinstance(data, dict):
        raise APIError(400, "the request body must be a JSON object")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "body"
        raise APIError(400, f"{where}: {first['msg']}", param=where) from None


def conversation(messages: list[Message]) -> tuple[str | None, list[tuple[str, str]], str]:
    """(system, history of (question, answer) turns, question) from OpenAI chat messages."""
    system: str | None = None
    turns: list[tuple[str, str]] = []
    asked: list[str] = []
    for message in messages:
        text = message.text()
        if message.role in ("system", "developer"):
            system = text if system is None else f"{system}\n\n{text}"
        elif message.role == "user":
            asked.append(text)
        elif asked:
            turns.append(("\n\n".join(asked), text))
            asked = []
        elif turns:  # two assistant messages in a row: one answer
            turns[-1] = (turns[-1][0], f"{turns[-1][1]}\n\n{text}")
    question = "\n\n".join(asked).strip()
    if not question:
        raise APIError(400, "messages: the last message must be a non-empty user message", param="messages")
    return system, turns, question
