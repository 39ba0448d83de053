"""`kpudesk dip …`: the Daftar Informasi Publik kept at the desk."""

from typing import Annotated, Any

import typer

from kpudesk.cli.common import (AtOption, CsvOption, JsonOption, OfficerOption, open_desk, parse_at, print_csv, print_json,
                                print_table, say)

dip_app = typer.Typer(help="Daftar Informasi Publik (DIP): tambah, ubah, cabut, cari, impor dari Excel.",
                      no_args_is_help=True)

LIST_COLUMNS = ["number", "category", "summary", "holder", "responsible", "made", "form", "retention", "retired"]

SummaryOption = Annotated[str | None, typer.Option("--summary", help="Ringkasan isi informasi.")]
HolderOption = Annotated[str | None, typer.Option("--holder", help="Pejabat atau unit yang menguasai informasi.")]
ResponsibleOption = Annotated[str | None, typer.Option("--responsible", help="Penanggung jawab pembuatan/penerbitan (jabatan).")]
MadeOption = Annotated[str | None, typer.Option("--made", help="Waktu dan tempat pembuatan, mis. '2025, Oelamasi'.")]
FormOption = Annotated[str | None, typer.Option("--form", help="softcopy | hardcopy | both (keduanya).")]
RetentionOption = Annotated[str | None, typer.Option("--retention", help="Jangka waktu penyimpanan, mis. '5 tahun'.")]
CategoryOption = Annotated[str | None, typer.Option("--category", help="berkala | serta-merta | setiap-saat.")]


@dip_app.command("add")
def add(
    summary: SummaryOption = None, holder: HolderOption = None, responsible: ResponsibleOption = None,
    made: MadeOption = None, form: FormOption = None, retention: RetentionOption = None,
    category: CategoryOption = None, at: AtOption = None, officer: OfficerOption = None, as_json: JsonOption = False,
) -> None:
    """Tambah satu informasi ke DIP; cetak nomornya.

    Contoh: kpudesk dip add --summary "SK penetapan DPT Pemilu 2024" --holder "Subbag Teknis dan Hupmas"
    --responsible "Kasubag Teknis dan Hupmas" --made "2023, Oelamasi" --form both --retention "Permanen"
    --category setiap-saat
    """
    from kpudesk.services.dip import DipForm, add_entry, entry_row

    with open_desk(write=True, officer=officer) as desk:
        form_ = DipForm(summary, holder, responsible, made, form, retention, category)
        row = entry_row(desk, add_entry(desk, form_, parse_at(at)[0]))
    if as_json:
        print_json(row)
        return
    print(row["number"])
    say(f"Masuk DIP nomor {row['number']} ({row['category_label']}): {row['summary']}.")


@dip_app.command("list")
def list_(
    category: CategoryOption = None,
    search: Annotated[str | None, typer.Option("--search", help="Kata dalam ringkasan (tanpa beda huruf besar/aksen).")] = None,
    retired: Annotated[bool, typer.Option("--retired", help="Sertakan informasi yang sudah dicabut dari daftar.")] = False,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
) -> None:
    """Daftar Informasi Publik: tabel per kategori (berkala, serta merta, setiap saat); JSON/CSV menurut nomor."""
    from kpudesk.services.dip import list_entries

    with open_desk() as desk:
        rows = list_entries(desk, category=category, search=search, retired=retired)
    if as_json:
        print_json(rows)
    elif as_csv:
        print_csv(rows, LIST_COLUMNS)
    else:
        print_table(f"Daftar Informasi Publik: {len(rows)} informasi",
                    ["No", "Kategori", "Ringkasan", "Penguasa", "Penanggung jawab", "Dibuat", "Bentuk", "Simpan"],
                    [_list_row(row) for row in sorted(rows, key=_category_order)])


def _category_order(row: dict[str, Any]) -> tuple[int, int]:
    from kpudesk.services.dip import CATEGORIES

    return list(CATEGORIES).index(row["category"]), row["number"]


def _list_row(row: dict[str, Any]) -> tuple[Any, ...]:
    summary = f"{row['summary']} (dicabut: {row['retire_reason']})" if row["retired"] else row["summary"]
    return (row["number"], row["category"], summary, row["holder"], row["responsible"], row["made"],
            row["form_label"], row["retention"])


@dip_app.command("edit")
def edit(
    number: Annotated[str, typer.Argument(help="Nomor DIP.")],
    summary: SummaryOption = None, holder: HolderOption = None, responsible: ResponsibleOption = None,
    made: MadeOption = None, form: FormOption = None, retention: RetentionOption = None,
    category: CategoryOption = None, officer: OfficerOption = None, as_json: JsonOption = False,
) -> None:
    """Ubah kolom yang disebut pada satu informasi DIP (nilai lama tersimpan di riwayat)."""
    from kpudesk.services.dip import DipForm, edit_entry, entry_row

    with open_desk(write=True, officer=officer) as desk:
        row = entry_row(desk, edit_entry(desk, number, DipForm(summary, holder, responsible, made, form, retention, category)))
    if as_json:
        print_json(row)
    else:
        say(f"DIP nomor {row['number']} diubah: {row['summary']}.")


@dip_app.command("retire")
def retire(
    number: Annotated[str, typer.Argument(help="Nomor DIP.")],
    reason: Annotated[str | None, typer.Option("--reason", help="Mengapa informasi ini keluar dari daftar (wajib).")] = None,
    officer: OfficerOption = None,
    as_json: JsonOption = False,
) -> None:
    """Cabut satu informasi dari DIP (tidak dihapus: tetap tersimpan dengan alasannya)."""
    from kpudesk.services.dip import entry_row, retire_entry

    with open_desk(write=True, officer=officer) as desk:
        row = entry_row(desk, retire_entry(desk, number, reason))
    if as_json:
        print_json(row)
    else:
        say(f"DIP nomor {row['number']} dicabut dari daftar: {row['retire_reason']}.")


@dip_app.command("import")
def import_(
    file: Annotated[str, typer.Argument(help="Berkas DIP yang sudah ada (.xlsx).")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Periksa saja, jangan simpan.")] = False,
    officer: OfficerOption = None,
    as_json: JsonOption = False,
) -> None:
    """Impor DIP dari Excel: semua baris disimpan, atau tidak satu pun bila ada baris yang salah.

    Setiap baris yang salah disebut dengan nomor barisnya. Contoh: kpudesk dip import dip-2025.xlsx --dry-run
    """
    from kpudesk.services.dip_import import import_sheet

    with open_desk(write=not dry_run, officer=officer) as desk:
        result = import_sheet(desk, file, dry_run=dry_run)
    if as_json:
        print_json({"stored": result.stored, "first_number": result.first_number, "by_category": result.by_category(),
                    "rows": [{"row": number, **values} for number, values in result.rows]})
        return
    print_table(None, ["Baris", "Kategori", "Ringkasan", "Penguasa", "Bentuk", "Simpan"],
                [(number, v["category"], v["summary"], v["holder"], v["form"], v["retention"]) for number, v in result.rows])
    counts = ", ".join(f"{code} {count}" for code, count in result.by_category().items())
    if result.stored:
        say(f"{len(result.rows)} informasi masuk DIP mulai nomor {result.first_number} ({counts}).")
    else:
        say(f"Pemeriksaan saja: {len(result.rows)} baris baik ({counts}); tidak ada yang disimpan.")


@dip_app.command("renew")
def renew(
    on: Annotated[str | None, typer.Option("--on", help="Tanggal pemutakhiran YYYY-MM-DD (default hari ini).")] = None,
    officer: OfficerOption = None,
) -> None:
    """Catat bahwa DIP telah dimutakhirkan tahun ini; overdue mengingatkan tanggal pemutakhiran berikutnya."""
    from kpudesk.dates import parse_date
    from kpudesk.services.duties import record_renewal

    day = parse_date(on, "--on") if on else None
    with open_desk(write=True, officer=officer) as desk:
        done, due = record_renewal(desk, day)
    say(f"DIP dimutakhirkan {done.isoformat()}; pemutakhiran berikutnya paling lambat {due.isoformat()}.")


@dip_app.command("renew-by")
def renew_by(
    month_day: Annotated[str, typer.Argument(help="Tanggal pemutakhiran tahunan BB-HH, mis. 12-31 (default).")],
    officer: OfficerOption = None,
) -> None:
    """Atur tanggal pemutakhiran DIP tiap tahun (pengaturan kantor)."""
    from kpudesk.services.duties import set_renewal_date

    with open_desk(write=True, officer=officer) as desk:
        month, day = set_renewal_date(desk, month_day)
    say(f"DIP dimutakhirkan setiap tahun paling lambat tanggal {day} bulan {month}.")


def serve(
    number: Annotated[str, typer.Argument(help="Nomor pendaftaran permohonan.")],
    dip_number: Annotated[str, typer.Option("--dip", help="Nomor DIP informasi yang diberikan.")],
    received_by: Annotated[str | None, typer.Option("--received-by", help="Nama penerima (default: pemohon).")] = None,
    via: Annotated[str | None, typer.Option("--via", help="ambil | kurir | pos | faks | email (default: pilihan pemohon).")] = None,
    at: AtOption = None,
    officer: OfficerOption = None,
    as_json: JsonOption = False,
) -> None:
    """Layani permohonan seketika dari DIP: dipenuhi, diserahkan dan selesai dalam satu langkah (hari ke-0).

    Contoh: kpudesk serve 001/PPID/KPU-KAB.KPG/XI/2026 --dip 12
    """
    from kpudesk.services.dip import serve_from_dip

    moment, has_time = parse_at(at)
    with open_desk(write=True, officer=officer) as desk:
        served = serve_from_dip(desk, number, dip_number, received_by, via, moment, has_time=has_time)
    if as_json:
        print_json(served.as_dict())
        return
    print(served.number)
    say(f"Dilayani dari DIP nomor {served.dip_number} ({served.summary}); diterima oleh {served.received_by}, "
        f"{served.at.replace('T', ' ')}; ekspedisi {served.expedition}; permohonan selesai.")


def install(app: typer.Typer) -> None:
    """Register `kpudesk dip …` and `kpudesk serve` on the root app."""
    app.add_typer(dip_app, name="dip")
    app.command("serve")(serve)
