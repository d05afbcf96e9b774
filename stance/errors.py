"""One family of errors, caught once by the CLI and shown as one line: what, where, fix."""
from __future__ import annotations


class StanceError(Exception):
    """Base error; `path` and `line` say where the problem is, when there is a where."""

    exit_code = 1

    def __init__(self, message: str, path=None, line: int | None = None):
        super().__init__(message)
        self.path, self.line = path, line

    def __str__(self) -> str:
        where = ":".join(str(part) for part in (self.path, self.line) if part is not None)
        return f"{where}: {self.args[0]}" if where else self.args[0]


class ConfigError(StanceError):
    """An actors or topics file that cannot be used; raised before any work starts."""

    exit_code = 3


class InputError(StanceError):
    """Input that cannot be read at all (a missing path, a table without required columns)."""

    exit_code = 4


class FilterError(StanceError):
    """A holder, topic or day asked of a saved run that it cannot answer: an id it does not hold,
    a day that is no day, a range that ends before it starts. Wrong usage, as click's errors are."""

    exit_code = 2


class ModelError(StanceError):
    """A model folder that is missing, damaged, or not written by this package."""

    exit_code = 5
