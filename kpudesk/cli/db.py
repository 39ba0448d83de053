"""`kpudesk db …`: the store itself (copying it to another file or server)."""

from typing import Annotated

import typer

from kpudesk.cli.common import JsonOption, db_location, print_json, print_table, say

db_app = typer.Typer(help="Basis data: salin seluruh isi ke berkas SQLite atau server PostgreSQL lain.", no_args_is_help=True)


@db_app.command("copy")
def copy(
    to: Annotated[str, typer.Option("--to", help="Tujuan: berkas SQLite baru/kosong, atau URL postgresql://pengguna@host:5432/nama yang kosong.")],
    as_json: JsonOption = False,
) -> None:
    """Salin seluruh basis data (semua tabel, jejak audit utuh) ke basis data kosong.

    Jumlah baris per tabel dibandingkan di akhir; bila berbeda, atau tujuan tidak kosong,
    tidak ada yang ditulis.

    Contoh: kpudesk --db kpudesk.sqlite3 db copy --to postgresql://ppid@db.kpu.local:5432/kpudesk
    """
    from kpudesk.config import normalize_location
    from kpudesk.services.transfer import copy_between

    report = copy_between(db_location(), normalize_location(to))
    if as_json:
        print_json(report.as_dict())
        return
    print_table(None, ["Tabel", "Baris"], sorted(report.rows.items()))
    say(f"Disalin {sum(report.rows.values())} baris dari {report.source} ke {report.target} "
        f"dalam {report.seconds:.1f} detik; jumlah baris per tabel sama.")


def install(app: typer.Typer) -> None:
    """Register this module's commands on the root app."""
    app.add_typer(db_app, name="db")
