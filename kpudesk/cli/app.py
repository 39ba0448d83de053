"""The root command and the one place where errors become messages and exit codes."""

import os
import re
import signal
import sys
import traceback
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from kpudesk import __version__
from kpudesk.cli import calendar, cases, dispositions, expedition, export, imports, lifecycle, objections, office, overdue, register, sample
from kpudesk.cli.common import STATE
from kpudesk.errors import ExitStatus, KpudeskError

EXIT_CODES_HELP = (
    "Kode keluar: 0 berhasil; 1 tindakan ditolak (atau ada tenggat terlambat dengan "
    "overdue --exit-code); 2 masukan salah; 3 nomor tidak ditemukan; 4 basis data tidak "
    "dapat dibuka/ditulis; 70 kesalahan program."
)


class KpudeskGroup(TyperGroup):
    """Runs the command and turns every failure into one line on stderr and a documented exit code."""

    def main(self, *args: Any, **kwargs: Any) -> Any:  # noqa: D102
        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except KpudeskError as exc:
            _fail(exc.message, exc.exit_status)
        except typer.Abort:
            _fail("Dibatalkan.", ExitStatus.REFUSED)
        except Exception as exc:  # noqa: BLE001 - the single exit point of the program
            if hasattr(exc, "format_message") and hasattr(exc, "exit_code"):
                _usage_error(exc)
            if os.environ.get("KPUDESK_DEBUG"):
                traceback.print_exc()
            _fail(f"Kesalahan program ({type(exc).__name__}: {exc}); laporkan ke pengembang. "
                  "Jalankan ulang dengan KPUDESK_DEBUG=1 untuk rinciannya.", ExitStatus.INTERNAL)
        sys.exit(code if isinstance(code, int) else 0)


def _fail(message: str, status: int) -> None:
    print(f"kpudesk: {message}", file=sys.stderr)
    sys.exit(int(status))


def _usage_error(exc: Any) -> None:
    """Typer's own usage errors (unknown option, bad value), as one line."""
    ctx = getattr(exc, "ctx", None)
    if type(exc).__name__ == "NoArgsIsHelpError" and ctx is not None:
        print(ctx.get_help(), file=sys.stderr)
        sys.exit(int(ExitStatus.USAGE))
    path = ctx.command_path if ctx is not None else "kpudesk"
    message = _in_indonesian(" ".join(str(exc.format_message()).split()))
    _fail(f"{message} (lihat: {path} --help)", exc.exit_code or ExitStatus.USAGE)


# typer's own usage messages, in the officers' language.
_USAGE_MESSAGES = (
    (r"^No such option: (\S+?)(?: Did you mean (\S+?)\?)?$", lambda m: f"Opsi tidak dikenal: {m[1]}" + (f"; maksudnya {m[2]}?" if m[2] else ".")),
    (r"^No such command '(.+?)'\.(?: Did you mean '(.+)'\?)?$", lambda m: f"Perintah tidak dikenal: {m[1]}" + (f"; maksudnya {m[2]}?" if m[2] else ".")),
    (r"^Missing argument '(.+)'\.$", lambda m: f"Argumen {m[1]} belum diisi."),
    (r"^Missing option '(.+)'\.$", lambda m: f"Opsi {m[1]} wajib diisi."),
    (r"^Option '(.+)' requires an argument\.$", lambda m: f"Opsi {m[1]} memerlukan nilai."),
    (r"^Got unexpected extra argument(?:s|\(s\))? \((.+)\)$", lambda m: f"Argumen berlebih: {m[1]} (beri tanda kutip pada teks yang berspasi)."),
    (r"^Invalid value for '(.+?)': .*integer.*$", lambda m: f"Nilai untuk {m[1]} harus bilangan bulat."),
    (r"^Invalid value for '(.+?)': (.+)$", lambda m: f"Nilai untuk {m[1]} tidak valid: {m[2]}"),
)


def _in_indonesian(message: str) -> str:
    for pattern, render in _USAGE_MESSAGES:
        match = re.match(pattern, message)
        if match:
            return render(match)
    return message


app = typer.Typer(
    cls=KpudeskGroup,
    name="kpudesk",
    help="kpudesk — pencatat perkara desk layanan KPU: permohonan informasi, keberatan, disposisi, "
    "buku ekspedisi, dengan tenggat hari kerja yang tepat.",
    epilog=EXIT_CODES_HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"kpudesk {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    db: Annotated[str | None, typer.Option("--db", help="Berkas basis data (default: KPUDESK_DB, berkas konfigurasi, lalu folder data pengguna).")] = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Tampilkan versi.")] = False,
) -> None:
    """kpudesk: pencatat perkara desk layanan KPU."""
    STATE.db = db


office.install(app)
register.install(app)
cases.install(app)
overdue.install(app)
calendar.install(app)
export.install(app)
imports.install(app)
lifecycle.install(app)
objections.install(app)
dispositions.install(app)
expedition.install(app)
sample.install(app)


def main() -> None:
    """Console-script entry point."""
    # `kpudesk list | head -1`: when the reader goes away, end quietly as Unix tools do (signal,
    # exit 141) rather than with exit 1, which scripts would take for a refused action and retry.
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    app()
