"""python -m taxqa: the same as the `taxqa` command."""

import sys

from taxqa.cli import main

if __name__ == "__main__":
    sys.exit(main())
