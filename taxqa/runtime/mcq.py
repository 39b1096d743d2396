"""Multiple-choice files in the KMMLU CSV layout, scored by log-likelihood.

Layout: a header with at least ``question,answer,A,B,C,D`` (other columns such as
``Category`` or ``Human Accuracy`` are ignored), ``answer`` 1-4 (A-D also read).
Each question is rendered through the one prompt renderer with its four options and
the model's log-likelihood of each answer letter is compared — the letter form the
KMMLU reference harness scores — and the most likely letter is the prediction
(``method: loglik``). A model that gives no log-likelihoods (a provider model) answers in
words and the letter it states is the prediction (``method: generation``; no letter: wrong).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from taxqa.errors import UserError
from taxqa.prompt import encode_prompt, render_prompt
from taxqa.runtime.metrics import wilson_ci95

LETTERS = ("A", "B", "C", "D")
REQUIRED = ("question", "answer", *LETTERS)


@dataclass(frozen=True)
class MCQItem:
    line: int  # the line the row starts on, for messages
    question: str
    options: tuple[str, str, str, str]
    answer: int  # 1-4


def read_mcq(path: str | Path) -> list[MCQItem]:
    """Rows of a KMMLU-layout CSV; a malformed row raises UserError naming file:line."""
    path = Path(path)
    if not path.exists():
        raise UserError(f"--mcq {path}: no such file")
    items = []
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        try:
            header = [h.strip() for h in next(reader)]
        except StopIteration:
            raise UserError(f"{path}:1: empty file (expected a header with {','.join(REQUIRED)})") from None
        except (csv.Error, UnicodeDecodeError) as exc:
            raise UserError(f"{path}:1: unreadable header ({exc})") from None
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise UserError(f"{path}:1: header lacks {', '.join(missing)} (KMMLU layout: {','.join(REQUIRED)},...)")
        col = {name: header.index(name) for name in REQUIRED}
        line = reader.line_num + 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except (csv.Error, UnicodeDecodeError) as exc:
                raise UserError(f"{path}:{line}: malformed CSV ({exc})") from None
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            if len(row) < len(header):
                raise UserError(f"{path}:{start}: {len(row)} fields, expected {len(header)} like the header")
            question = row[col["question"]].strip()
            options = tuple(row[col[letter]].strip() for letter in LETTERS)
            raw = row[col["answer"]].strip()
            answer = int(raw) if raw in ("1", "2", "3", "4") else LETTERS.index(raw) + 1 if raw in LETTERS else None
            if answer is None:
                raise UserError(f"{path}:{start}: answer {raw!r}: expected 1-4 (or A-D)")
            if not question:
                raise UserError(f"{path}:{start}: empty question")
            if not all(options):
                empty = [letter for letter, text in zip(LETTERS, options) if not text]
                raise UserError(f"{path}:{start}: empty option {', '.join(empty)}")
            items.append(MCQItem(start, question, options, answer))
    if not items:
        raise UserError(f"{path}: no questions")
    return items


def mcq_prompt_text(item: MCQItem) -> str:
    options = "\n".join(f"{letter}. {text}" for letter, text in zip(LETTERS, item.options))
    return f"{item.question}\n{options}\n정답을 A, B, C, D 중 하나로 답하세요."


_LETTER = re.compile(r"(?<![A-Za-z])([ABCD])(?![A-Za-z])|([1-4])\s*번|정답\s*[은는:]?\s*([1-4])(?!\d)")


def letter_in(reply: str, item: MCQItem) -> int | None:
    """The option (1-4) a reply names: its first letter A-D (or '3번'), else the one option text it quotes."""
    found = _LETTER.search(reply)
    if found:
        letter, number, after = found.groups()
        return LETTERS.index(letter) + 1 if letter else int(number or after)
    quoted = [i for i, text in enumerate(item.options, 1) if text and text in reply]
    return quoted[0] if len(quoted) == 1 else None


def score_by_generation(backend, items: list[MCQItem], system: str | None, max_tokens: int) -> list[dict]:
    from taxqa.runtime.remote import RemoteError

    results = []
    for item in items:
        try:
            reply, _ = backend.answer(mcq_prompt_text(item), system=system, grounding=None, max_tokens=max_tokens)
        except RemoteError as exc:
            if backend.answered == 0:  # nothing answered yet: the model is unreachable
                raise
            reply, error = "", str(exc)
        else:
            error = None
        pred = letter_in(reply, item)
        row = {"line": item.line, "pred": pred, "answer": item.answer, "correct": pred == item.answer, "reply": reply}
        results.append({**row, "error": error} if error else row)
    return results


def score_mcq(backend, path: str | Path, *, system: str | None, limit: int | None = None, max_tokens: int = 64) -> dict:
    """The `mcq` entry of the evaluation JSON for one file."""
    items = read_mcq(path)[:limit] if limit else read_mcq(path)
    if not hasattr(backend, "continuation_logprobs"):
        results = score_by_generation(backend, items, system, max_tokens)
        return summary(path, results, "generation")
    tokenizer = backend.tokenizer
    letters = [list(tokenizer.encode(letter, add_special_tokens=False)) for letter in LETTERS]
    results = []
    for item in items:
        prompt = encode_prompt(tokenizer, render_prompt(tokenizer, mcq_prompt_text(item), system=system))
        logprobs = backend.continuation_logprobs(prompt, letters)
        pred = max(range(4), key=lambda i: logprobs[i]) + 1
        results.append(
            {
                "line": item.line,
                "pred": pred,
                "answer": item.answer,
                "correct": pred == item.answer,
                "logprobs": logprobs,
            }  # fmt: skip
        )
    return summary(path, results, "loglik")


def summary(path: str | Path, results: list[dict], method: str) -> dict:
    correct = sum(r["correct"] for r in results)
    return {
        "file": str(path),
        "method": method,
        "n": len(results),
        "accuracy": correct / len(results),
        "ci95": wilson_ci95(correct, len(results)),
        "items": results,
    }
