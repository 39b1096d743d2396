"""Data generation and the quality gate: providers, the async engine, the distill and calc
modes, `taxqa data check`, splits and the dataset folder."""
