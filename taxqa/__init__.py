"""taxqa: Korean tax-law question answering with small language models."""

__version__ = "0.1.0"
