"""ChatProvider: one SDK client; ``ask`` returns the parsed JSON reply or a Retryable/Fatal error.

Every error message leaving here passes through ``redact`` (whole, before it is cut short).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from taxqa.datagen.providers import anthropic_sdk, openai_sdk
from taxqa.datagen.providers.errors import FatalProviderError, RetryableError, redact
from taxqa.datagen.providers.jsonreply import parse_json_reply
from taxqa.datagen.providers.keys import ProviderConfig
from taxqa.datagen.providers.prices import Usage
from taxqa.datagen.providers.streaming import MESSAGE_CHARS, classify


@dataclass
class Reply:
    payload: Any  # parsed JSON (tool input or text)
    usage: Usage
    text: str = ""


class ChatProvider:
    def __init__(self, config: ProviderConfig):
        self.config = config
        self._secrets = (config.api_key,)
        module = anthropic_sdk if config.provider == "anthropic" else openai_sdk
        self._sdk, self.client = module.make_client(config)

    async def close(self) -> None:
        await self.client.close()

    def _clean(self, text: Any) -> str:
        return redact(text, self._secrets)[:MESSAGE_CHARS]

    def _error(self, exc: Exception) -> Exception:
        return classify(exc, self._sdk, self.config.provider, self._secrets)

    async def ask(self, system: str, user: str) -> Reply:
        try:
            if self.config.provider == "anthropic":
                payload, text, usage = await anthropic_sdk.ask_anthropic(self.client, self.config, system, user)
                if payload is not None:
                    return Reply(payload, usage, text)
            else:
                text, usage = await openai_sdk.ask_openai(self._sdk, self.client, self.config, system, user)
            try:
                return Reply(parse_json_reply(text), usage, text)
            except ValueError as exc:
                raise RetryableError(f"reply is not JSON ({exc}): {text[:60]!r}", usage=usage) from None
        except RetryableError as exc:
            raise RetryableError(self._clean(exc), exc.retry_after, exc.usage) from None
        except FatalProviderError as exc:
            raise FatalProviderError(self._clean(exc)) from None
        except (KeyboardInterrupt, SystemExit, MemoryError):
            raise
        except Exception as exc:  # noqa: BLE001 - classified and key-free; no chained traceback
            raise self._error(exc) from None
