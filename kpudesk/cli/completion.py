"""Shell completion (`--install-completion`, `--show-completion`), spoken in Indonesian.

typer adds both options with English help and an English confirmation; this module gives them the
officers' language and keeps the work itself to typer.
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


def speak_indonesian(params: list[Any]) -> list[Any]:
    """The root command's parameters with the completion options' help (and confirmation) in Indonesian."""
    for param in params:
        if param.name in COMPLETION_HELP:
            param.help = COMPLETION_HELP[param.name]
            if param.name == "install_completion":
                param.callback = install_completion
    return params

