"""Full-scale LoRA/QLoRA training with transformers + peft (CUDA; also runs on the CPU)."""
