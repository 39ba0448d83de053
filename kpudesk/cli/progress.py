"""A progress bar on stderr for long work (imports, exports, `sample load`), only when a person
watches stderr: cron mail, pipes and scripts get nothing extra."""

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kpudesk.services.progress import Progress


def stderr_is_terminal() -> bool:
    """Whether a person watches stderr (the bar would be noise anywhere else)."""
    return sys.stderr.isatty()


class RichBar:
    """The service-facing side of a rich progress bar: told the total, then how much is done."""

    def __init__(self, bar: Any, description: str) -> None:
        self.bar = bar
        self.task = bar.add_task(description, total=None)

    def start(self, total: int) -> None:
        """Set the total (0: unknown, the bar pulses)."""
        self.bar.update(self.task, total=total or None)

    def update(self, done: int) -> None:
        """Move the bar to `done`."""
        self.bar.update(self.task, completed=done)


@contextmanager
def progress_bar(description: str) -> Iterator["Progress"]:
    """A bar on stderr while the block runs (removed when it ends); a silent stand-in when stderr
    is not a terminal."""
    from kpudesk.services.progress import NO_PROGRESS

    if not stderr_is_terminal():
        yield NO_PROGRESS
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    # The console keeps the real stderr: commands replayed inside the block may redirect sys.stderr.
    console = Console(file=sys.stderr, highlight=False, force_terminal=True)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True, redirect_stdout=False, redirect_stderr=False) as bar:
        yield RichBar(bar, description)
