"""The one base class for errors caused by the user's input (exit code 2, no traceback)."""


class UserError(Exception):
    """Bad input: the message names the file, line or field and what was expected."""
