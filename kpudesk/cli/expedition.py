"""`kpudesk expedition …`: the expedition book (buku ekspedisi) and its receipts (tanda terima)."""

from typing import Annotated

import typer

from kpudesk.cli.common import (AtOption, CsvOption, JsonOption, OfficerOption, human_time, open_desk, parse_at, print_csv,
                                print_json, print_table, say)
from kpudesk.errors import InvalidInput

expedition_app = typer.Typer(help="Buku ekspedisi: dokumen yang keluar dari kantor dan tanda terimanya.",
                             no_args_is_help=True)


@expedition_app.command("add")
def add(
    document: Annotated[str, typer.Option("--document", help="Dokumen yang dikirim, mis. 'Surat balasan dan salinan SK DPT'.")],
    to: Annotated[str, typer.Option("--to", help="Penerima/tujuan dokumen.")],
    case: Annotated[str | None, typer.Option("--case", help="Nomor perkara yang terkait (bila ada).")] = None,
    courier: Annotated[str, typer.Option("--courier", help="Nama pengantar/kurir.")] = "",
    sent: Annotated[str | None, typer.Option(
        "--sent", "--at", help="Waktu kirim 'YYYY-MM-DD HH:MM' (waktu kantor); default sekarang.")] = None,
    officer: OfficerOption = None,
    as_json: JsonOption = False,
) -> None:
    """Catat dokumen keluar di buku ekspedisi; cetak nomor ekspedisinya.

    Contoh: kpudesk expedition add --document "Surat balasan" --to "Maria Bria"
    --case 001/PPID/KPU-KAB.KPG/III/2026 --courier "Yohanes"
    """
    from kpudesk.services.expedition import send_document

    with open_desk(write=True, officer=officer) as desk:
        entry = send_document(desk, document=document, addressee=to, case_number=case, courier=courier,
                              sent=parse_at(sent, "--sent")[0])
    if as_json:
        print_json(entry)
        return
    print(entry["number"])
    say(f"Tercatat di buku ekspedisi: {entry['document']} → {entry['addressee']} ({human_time(entry['sent_at'])}).")


@expedition_app.command("receive")
def receive(
    number: Annotated[str, typer.Argument(help="Nomor ekspedisi, mis. 001/EKS/KPU-KAB.KPG/III/2026.")],
    by: Annotated[str, typer.Option("--by", help="Nama yang menerima dokumen (tanda terima).")],
    at: AtOption = None,
    officer: OfficerOption = None,
    as_json: JsonOption = False,
) -> None:
    """Catat tanda terima: siapa yang menerima dokumen dan kapan (sekali saja)."""
    from kpudesk.services.expedition import receive_entry

    with open_desk(write=True, officer=officer) as desk:
        entry = receive_entry(desk, number, by=by, at=parse_at(at)[0])
    if as_json:
        print_json(entry)
        return
    say(f"Entri {entry['number']} diterima oleh {entry['received_by']} pada {human_time(entry['received_at'])}.")


@expedition_app.command("list")
def list_entries(
    open_only: Annotated[bool, typer.Option("--open", help="Hanya yang belum ada tanda terimanya.")] = False,
    year: Annotated[int | None, typer.Option("--year", help="Tahun ekspedisi.")] = None,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
) -> None:
    """Isi buku ekspedisi, urut waktu kirim."""
    from kpudesk.services.expedition import LIST_COLUMNS
    from kpudesk.services.expedition import list_entries as query

    if as_json and as_csv:
        raise InvalidInput("Pilih salah satu: --json atau --csv.")
    with open_desk() as desk:
        rows = query(desk, open_only=open_only, year=year)
    if as_json:
        print_json(rows)
    elif as_csv:
        print_csv(rows, LIST_COLUMNS)
    else:
        print_table(None, ["Nomor", "Dikirim", "Dokumen", "Kepada", "Perkara", "Pengantar", "Diterima oleh", "Diterima"],
                    [(r["number"], human_time(r["sent_at"]), r["document"][:60], r["addressee"], r["case"], r["courier"],
                      r["received_by"], human_time(r["received_at"])) for r in rows])


def install(app: typer.Typer) -> None:
    """Register `kpudesk expedition …` on the root app."""
    app.add_typer(expedition_app, name="expedition")
