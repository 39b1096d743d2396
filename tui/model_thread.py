"""The chat app's model thread: the core model worker (`taxqa.runtime.worker.ModelWorker`),
with the chat panel's grounding turned into what the model reads.

A generate request may carry ``ground``: the thread builds the grounding first (retrieval and
the calculator), posts it (``Grounded``) for the panel, and gives the model that same grounding
(unless ``use_grounding`` is off). The engine renders only the current question with it, so
the prompt cache still holds the system prompt and history of earlier turns. The app wires
``post`` to ``App.post_message`` (thread-safe).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from taxqa.runtime.worker import (  # noqa: F401 - the events and requests the app and its tests use
    STAT_FIELDS,
    Failed,
    Finished,
    GenerateRequest,
    Grounded,
    Loaded,
    LoadFailed,
    Loading,
    LoadRequest,
    ModelWorker,
    Token,
    default_engine,
)


class ModelThread(ModelWorker):
    """One long-lived thread that owns the chat app's model."""

    def __init__(self, post: Callable[[object], Any], engine_factory: Callable = default_engine):
        from tui.grounding import model_context

        super().__init__(post, engine_factory, context_of=model_context)
