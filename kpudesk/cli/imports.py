"""`kpudesk import request`: bring an office's existing Excel Register Permohonan into the store."""

from typing import Annotated

import typer

from kpudesk.cli.common import OfficerOption, open_desk, say
from kpudesk.cli.progress import progress_bar
from kpudesk.errors import InvalidInput

import_app = typer.Typer(help="Impor register lama dari Excel.", no_args_is_help=True)


@import_app.command("request")
def import_request(
    file: Annotated[str, typer.Argument(help="Berkas register permohonan (.xlsx).", show_default=False)],
    sheet: Annotated[str | None, typer.Option("--sheet", help="Nama lembar (default: lembar pertama).")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Periksa saja: laporkan baris bermasalah, simpan apa pun tidak.")] = False,
    maps: Annotated[list[str] | None, typer.Option("--map", help="KOLOM=BIDANG bila judul kolom tidak dikenali, mis. --map \"Nama Lengkap=nama\" (boleh berulang).")] = None,
    skip_bad: Annotated[str | None, typer.Option("--skip-bad", help="Simpan baris yang baik; tulis baris bermasalah ke BERKAS .xlsx ini.")] = None,
    officer: OfficerOption = None,
) -> None:
    """Impor Register Permohonan Informasi Publik lama (15 kolom; judul dua baris dikenali).

    Nomor pendaftaran dipertahankan, tenggat dihitung ulang dengan kalender kantor. Tidak ada yang disimpan bila satu baris pun bermasalah (setiap baris disebut nomornya), kecuali dengan --skip-bad.

    Contoh: kpudesk import request register-2025.xlsx --dry-run

    kpudesk import request register-lama.xlsx --map "Nama Lengkap=nama" --skip-bad perbaiki.xlsx

    Bidang untuk --map: no, tanggal, nama, nomor_identitas, alamat, telepon, email, pekerjaan, informasi, tujuan, melihat, salinan, softcopy, hardcopy, keputusan, alasan_penolakan, tanggal_pemberitahuan, tanggal_pemberian, biaya, nomor_pendaftaran, abaikan.
    """
    from kpudesk.services.imports import import_requests

    with open_desk(write=not dry_run, officer=officer) as desk, progress_bar("Mengimpor register") as progress:
        result = import_requests(desk, file, sheet=sheet, maps=maps or [], dry_run=dry_run, bad_file=skip_bad,
                                 progress=progress)
    for bad in result.bad:
        say(f"kpudesk: baris {bad.row}: {bad.reason}")
    if result.bad and not result.stored:
        hint = (f"ditulis ke {skip_bad}" if skip_bad and not dry_run
                else "perbaiki baris itu, atau simpan yang baik dengan --skip-bad BERKAS.xlsx")
        raise InvalidInput(f"{len(result.bad)} dari {result.rows} baris lembar '{result.sheet}' bermasalah; tidak ada "
                           f"yang disimpan ({hint}).")
    if dry_run:
        print(f"{result.rows} baris lembar '{result.sheet}' siap diimpor (uji coba: tidak ada yang disimpan).")
        return
    span = f": {result.stored[0]} s.d. {result.stored[-1]}" if result.stored else ""
    print(f"{len(result.stored)} permohonan diimpor dari lembar '{result.sheet}'{span}.")
    if result.bad:
        say(f"kpudesk: {len(result.bad)} baris bermasalah tidak diimpor; ditulis ke {skip_bad}.")


def install(app: typer.Typer) -> None:
    """Register this module's commands on the root app."""
    app.add_typer(import_app, name="import")
