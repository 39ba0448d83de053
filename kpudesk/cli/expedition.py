"""Commands for expedition (being built)."""

import typer


def install(app: typer.Typer) -> None:
    """Register this module's commands on the root app."""
