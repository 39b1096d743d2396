"""PEFT adapter -> MLX: fused 4-bit model or MLX adapter, with parity checks against peft."""
