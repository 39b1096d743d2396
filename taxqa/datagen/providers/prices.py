"""Token usage and USD prices per model (the longest matching name prefix wins)."""

from __future__ import annotations

from dataclasses import dataclass

from taxqa.errors import UserError

# USD per 1M tokens (input, output).
PRICES: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1-nano": (0.10, 0.40),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1": (2.00, 8.00),
    "gpt-5-nano": (0.05, 0.40),
    "gpt-5-mini": (0.25, 2.00),
    "gpt-5": (1.25, 10.00),
    "o4-mini": (1.10, 4.40),
    "o3": (2.00, 8.00),
    "claude-3-haiku": (0.25, 1.25),
    "claude-3-5-haiku": (0.80, 4.00),
    "claude-haiku-4-5": (1.00, 5.00),
    "claude-3-5-sonnet": (3.00, 15.00),
    "claude-3-7-sonnet": (3.00, 15.00),
    "claude-sonnet-4": (3.00, 15.00),
    "claude-opus-4-5": (5.00, 25.00),
    "claude-opus-4": (15.00, 75.00),  # also the conservative guess for later opus-4 versions
}


@dataclass(frozen=True)
class Usage:
    input_tokens: int = 0
    output_tokens: int = 0

    def __add__(self, other: Usage) -> Usage:
        return Usage(self.input_tokens + other.input_tokens, self.output_tokens + other.output_tokens)


@dataclass(frozen=True)
class Price:
    input_per_m: float
    output_per_m: float

    def cost(self, usage: Usage) -> float:
        return (usage.input_tokens * self.input_per_m + usage.output_tokens * self.output_per_m) / 1e6


def price_for(provider: str, model: str, override: str | None = None) -> Price | None:
    """The model's price; None when unknown (local endpoints cost nothing)."""
    if override:
        try:
            inp, out = (float(x) for x in override.split(","))
        except ValueError:
            raise UserError(
                f"--price {override!r}: expected INPUT,OUTPUT in USD per 1M tokens, e.g. 0.15,0.6"
            ) from None
        return Price(inp, out)
    if provider == "openai-compatible":
        return Price(0.0, 0.0)
    name = model.lower().split("/")[-1]
    best = max((p for p in PRICES if name.startswith(p)), key=len, default=None)
    return Price(*PRICES[best]) if best else None
