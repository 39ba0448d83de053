"""How long work tells its progress, without knowing how it is shown (the CLI draws a bar on stderr)."""

from typing import Protocol


class Progress(Protocol):
    """Told the total once, then how much is done so far."""

    def start(self, total: int) -> None: ...

    def update(self, done: int) -> None: ...


class NoProgress:
    """Progress that nobody watches (scripts, tests, stderr not a terminal)."""

    def start(self, total: int) -> None:
        """Ignore the total."""

    def update(self, done: int) -> None:
        """Ignore the progress."""


NO_PROGRESS = NoProgress()
