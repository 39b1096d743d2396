"""MLX on the Mac: generation, LoRA tuning, evaluation and the chat engine.

Everything here builds on mlx_lm (load, stream_generate, the tuner, prompt caches);
mlx is imported inside the functions that need it, so `taxqa --help` stays light.
"""
