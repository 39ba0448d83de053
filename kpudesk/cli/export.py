"""`kpudesk export-register`: the official Excel registers."""

from typing import Annotated

import typer

from kpudesk.cli.common import UnmaskOption, open_desk
from kpudesk.cli.progress import progress_bar
from kpudesk.dates import parse_date


def export_register(
    kind: Annotated[str, typer.Option("--kind", help="request (permohonan) | objection (keberatan) | expedition (buku ekspedisi) | letter (surat masuk) | visit (tamu) | complaint (pengaduan) | consultation (konsultasi) | meeting (rapat) | dip (Daftar Informasi Publik) | dik (informasi yang dikecualikan).")] = "request",
    year: Annotated[int | None, typer.Option("--year", help="Tahun register (default tahun ini).")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Dari tanggal YYYY-MM-DD (bersama --to).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Sampai tanggal YYYY-MM-DD.")] = None,
    output: Annotated[str | None, typer.Option("--output", "-o", help="Berkas .xlsx tujuan (default: nama register dan periode).")] = None,
    day: Annotated[str | None, typer.Option("--day", help="Daftar hadir satu hari YYYY-MM-DD, dengan kolom tanda tangan (konsultasi).")] = None,
    unmask: UnmaskOption = False,
) -> None:
    """Tulis register resmi ke Excel (.xlsx) dan cetak path berkasnya.

    Contoh: kpudesk export-register --kind permohonan --year 2026
    kpudesk export-register --kind ekspedisi --from 2026-01-01 --to 2026-03-31 -o ekspedisi-tw1.xlsx
    kpudesk export-register --kind consultation --day 2026-03-17
    """
    from kpudesk.services.registers import export_register as export

    start = parse_date(date_from, "--from") if date_from else None
    end = parse_date(date_to, "--to") if date_to else None
    on = parse_date(day, "--day") if day else None
    with open_desk() as desk, progress_bar("Menulis register") as progress:
        path = export(desk, kind, year=year, start=start, end=end, output=output, unmask=unmask, progress=progress,
                      day=on)
    print(path)


def install(app: typer.Typer) -> None:
    app.command("export-register")(export_register)
