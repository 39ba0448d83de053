"""typer's own words in the officers' language: the help panels, and the shell-completion options
(`--install-completion`, `--show-completion`) that typer adds with English help and confirmation.
The work itself stays typer's.
"""

import sys
from typing import Any

COMPLETION_HELP = {
    "install_completion": "Pasang pelengkapan otomatis (tombol Tab) untuk shell ini.",
    "show_completion": "Tampilkan skrip pelengkapan otomatis untuk shell ini (untuk disalin atau diubah).",
}


def install_completion(ctx: Any, param: Any, value: Any) -> Any:
    """Install the completion script for the current (or named) shell; exits 0 with a note on stderr."""
    if not value or ctx.resilient_parsing:
        return value
    from typer._completion_shared import install

    shell, path = install(shell=value) if isinstance(value, str) else install()
    print(f"Pelengkapan otomatis {shell} dipasang di {path}; berlaku setelah terminal dibuka ulang.", file=sys.stderr)
    sys.exit(0)


# typer.rich_utils draws `--help`; these are its module-level words (read when help is drawn).
HELP_WORDS = {
    "ARGUMENTS_PANEL_TITLE": "Argumen", "OPTIONS_PANEL_TITLE": "Opsi", "COMMANDS_PANEL_TITLE": "Perintah",
    "REQUIRED_LONG_STRING": "[wajib]", "DEFAULT_STRING": "[bawaan: {}]", "ENVVAR_STRING": "[variabel lingkungan: {}]",
}
HELP_OPTION_TEXT = "Tampilkan bantuan ini lalu keluar."


def help_in_indonesian() -> None:
    """Give typer's help panels Indonesian titles; called only when help is about to be drawn,
    since it imports rich."""
    from typer import rich_utils

    for name, word in HELP_WORDS.items():
        if hasattr(rich_utils, name):
            setattr(rich_utils, name, word)


def speak_indonesian(params: list[Any]) -> list[Any]:
    """The root command's parameters with the completion options' help (and confirmation) in Indonesian."""
    for param in params:
        if param.name in COMPLETION_HELP:
            param.help = COMPLETION_HELP[param.name]
            if param.name == "install_completion":
                param.callback = install_completion
        elif param.name == "help":
            param.help = HELP_OPTION_TEXT
    return params

