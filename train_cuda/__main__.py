"""python -m train_cuda: the same as `taxqa train` (torchrun and accelerate start this)."""

import sys

from taxqa.cli import run_command

if __name__ == "__main__":
    sys.exit(run_command("train_cuda.cli", sys.argv[1:], prog="python -m train_cuda"))
