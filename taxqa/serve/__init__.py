"""`taxqa serve`: an OpenAI-compatible API and a web chat page on the chat app's engine,
grounding and figure check (MLX, torch + PEFT, or any OpenAI-compatible upstream)."""
