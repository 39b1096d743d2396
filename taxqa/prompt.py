"""The one prompt renderer: CUDA training, MLX training, generation, evaluation and the
chat app all turn questions (and answers) into text and tokens here.

Models with a chat template (Gemma3) use it; models without one (Phi-2) use
``### 질문: {question}\\n\\n### 답변: {answer}``. The completion is the answer plus
the token that ends it (``<end_of_turn>`` for Gemma3, EOS for plain models), so
training puts loss on the answer and on the stop token.

``tokenizer`` is a Hugging Face tokenizer or anything that forwards to one
(mlx_lm's TokenizerWrapper does).

Grounding (what the model reads before the question): ``grounding={"articles": [{"citation",
"text", ...}], "calculation": {kind, inputs, understood, assumptions, missing, result} | None}``
becomes one Korean context block (`context_block`) placed right before the current question:
the start of the user turn for chat templates, the line before ``### 질문:`` for plain models.
The block text is the same in both, and the same in training and inference. History turns
are rendered without their grounding.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from taxqa.case import NEEDS_CHECK

PLAIN_QUESTION = "### 질문: "
PLAIN_ANSWER = "### 답변: "
DEFAULT_SYSTEM_PROMPT = (
    "당신은 한국 세법 전문가입니다. 관련 법 조문을 근거로 정확하고 간결하게 답하고, "
    "세액을 계산할 때는 과세표준, 세율, 산출세액, 공제, 납부할 세액을 차례로 밝히세요."
)

Turn = tuple[str, str]  # (question, answer)
Grounding = Mapping[str, Any]

ARTICLES_HEADER = "[참고 조문]"
CALCULATION_HEADER = "[계산기 결과]"
NO_CONTEXT = ""


def _article_text(i: int, article: Mapping[str, Any]) -> str:
    head = f"{i}. {article['citation']}"
    if article.get("title"):
        head += f" ({article['title']})"
    if article.get("clause"):  # the 항/호 the question matched: why this article was chosen
        head += f" {article['clause']}"
    if article.get("effective_date"):
        head += f" · 시행 {article['effective_date']}"
    text = str(article.get("text", "")).strip()
    return f"{head}\n{text}" if text else head  # a compact block gives an article as its one-line reference


def _won(value: int) -> str:
    from taxqa.amounts import format_won

    return format_won(value)


def _calculation_text(calc: Mapping[str, Any]) -> str:
    lines = [CALCULATION_HEADER]
    if calc.get("understood"):
        lines.append("이해한 내용: " + str(calc["understood"]).removeprefix("이렇게 이해했습니다: "))
    lines += [f"가정: {a}" for a in calc.get("assumptions") or ()]
    # `missing` repeats the `ambiguous` lines (taxqa.tax.reading.ask): each is said once, and a figure
    # resting on a word the reader could not place is, for the model too, something to check
    ambiguous = list(dict.fromkeys(calc.get("ambiguous") or ()))
    lines += [f"빠진 사실: {m}" for m in calc.get("missing") or () if m not in ambiguous]
    lines += [f"{NEEDS_CHECK}: {a}" for a in ambiguous]
    result = calc.get("result")
    if not result:
        lines.append("계산: 주어진 사실만으로는 세액을 계산할 수 없습니다.")
        return "\n".join(lines)
    lines.append(f"계산 ({result.get('as_of', '')} 시행 법령 기준):")
    for step in result.get("steps") or ():
        line = f"- {step['label']}: {_won(step['amount'])}"
        if step.get("law"):
            line += f" ({step['law']})"
        if step.get("note"):
            line += f" — {step['note']}"
        lines.append(line)
    lines += [f"참고: {note}" for note in result.get("notes") or ()]
    return "\n".join(lines)


def context_block(grounding: Grounding | None) -> str:
    """The grounding as the Korean text the model reads ('' when there is nothing to read)."""
    if not grounding:
        return NO_CONTEXT
    parts = []
    articles = grounding.get("articles") or ()
    if articles:
        parts.append("\n\n".join([ARTICLES_HEADER, *(_article_text(i, a) for i, a in enumerate(articles, 1))]))
    if grounding.get("calculation"):
        parts.append(_calculation_text(grounding["calculation"]))
    return "\n\n".join(parts)


def user_text(question: str, grounding: Grounding | None = None) -> str:
    """The current question as the model reads it: the context block, a blank line, the question."""
    block = context_block(grounding)
    return f"{block}\n\n{question}" if block else question


def has_chat_template(tokenizer) -> bool:
    return bool(getattr(tokenizer, "chat_template", None))


def _messages(
    question: str, system: str | None, history: Sequence[Turn], grounding: Grounding | None
) -> list[dict[str, str]]:
    messages = [{"role": "system", "content": system}] if system else []
    for q, a in history:
        messages += [{"role": "user", "content": q}, {"role": "assistant", "content": a}]
    messages.append({"role": "user", "content": user_text(question, grounding)})
    return messages


def chat_request(
    question: str, *, system: str | None = None, history: Sequence[Turn] = (), grounding: Grounding | None = None
) -> list[dict[str, str]]:
    """The chat messages a server with its own template receives (OpenAI/Anthropic-style roles)."""
    return _messages(question, system, history, grounding)


def _plain_prompt(question: str, system: str | None, history: Sequence[Turn], grounding: Grounding | None) -> str:
    parts = [f"{system}\n\n"] if system else []
    for q, a in history:
        parts.append(f"{PLAIN_QUESTION}{q}\n\n{PLAIN_ANSWER}{a}\n\n")
    block = context_block(grounding)
    if block:
        parts.append(f"{block}\n\n")
    parts.append(f"{PLAIN_QUESTION}{question}\n\n{PLAIN_ANSWER}")
    return "".join(parts)


def render_prompt(
    tokenizer,
    question: str,
    *,
    system: str | None = None,
    history: Sequence[Turn] = (),
    grounding: Grounding | None = None,
) -> str:
    """The text a model continues to answer ``question`` (after ``history`` turns, reading ``grounding``)."""
    if has_chat_template(tokenizer):
        return tokenizer.apply_chat_template(
            _messages(question, system, history, grounding), tokenize=False, add_generation_prompt=True
        )
    return _plain_prompt(question, system, history, grounding)


def answer_terminator(tokenizer) -> str:
    """The text that closes an answer: what the chat template writes after it, else EOS."""
    if has_chat_template(tokenizer):
        marker = "\x00ANSWER\x00"
        messages = [{"role": "user", "content": "q"}, {"role": "assistant", "content": marker}]
        full = tokenizer.apply_chat_template(messages, tokenize=False)
        tail = full.split(marker, 1)[1].rstrip()
        if tail:
            return tail
    eos = getattr(tokenizer, "eos_token", None)
    if not eos:
        raise ValueError("tokenizer has neither a chat template nor an EOS token: cannot mark the end of an answer")
    return eos


@dataclass(frozen=True)
class RenderedExample:
    prompt: str
    completion: str  # the answer and its terminator; loss goes here

    @property
    def text(self) -> str:
        return self.prompt + self.completion


def render_example(
    tokenizer,
    question: str,
    answer: str,
    *,
    system: str | None = None,
    history: Sequence[Turn] = (),
    grounding: Grounding | None = None,
) -> RenderedExample:
    prompt = render_prompt(tokenizer, question, system=system, history=history, grounding=grounding)
    return RenderedExample(prompt, answer.strip() + answer_terminator(tokenizer))


def encode_prompt(tokenizer, text: str) -> list[int]:
    """Token ids of a rendered prompt. Chat templates write BOS themselves, so it is not added twice."""
    bos = getattr(tokenizer, "bos_token", None)
    add_special = not (bos and text.startswith(bos))
    return list(tokenizer.encode(text, add_special_tokens=add_special))


def encode_example(
    tokenizer,
    question: str,
    answer: str,
    *,
    system: str | None = None,
    history: Sequence[Turn] = (),
    max_length: int | None = None,
    grounding: Grounding | None = None,
) -> tuple[list[int], int]:
    """(input ids, index where the completion starts). Labels are ids[start:], the rest is masked.

    Prompt and completion are tokenized separately, so the prompt's tokens are exactly
    those generation sees. When ``max_length`` cuts, the prompt keeps its head and the
    completion keeps as much as fits (at least one token).
    """
    example = render_example(tokenizer, question, answer, system=system, history=history, grounding=grounding)
    prompt_ids = encode_prompt(tokenizer, example.prompt)
    completion_ids = list(tokenizer.encode(example.completion, add_special_tokens=False))
    if max_length is not None and len(prompt_ids) + len(completion_ids) > max_length:
        keep_prompt = min(len(prompt_ids), max(max_length - len(completion_ids), max_length // 2))
        prompt_ids = prompt_ids[:keep_prompt]
        completion_ids = completion_ids[: max(1, max_length - keep_prompt)]
    return prompt_ids + completion_ids, len(prompt_ids)


def chat_messages(question: str, answer: str, system: str | None = None, *, grounding: Grounding | None = None) -> dict:
    """One example in mlx_lm's chat format (what `mlx_lm.lora` reads directly); the grounding
    is in the user turn, as `render_prompt` puts it."""
    messages = _messages(question, system, (), grounding)
    messages.append({"role": "assistant", "content": answer})
    return {"messages": messages}
