"""`kpudesk report …`: the annual information-service report and the six-monthly summary."""

from typing import Annotated

import typer

from kpudesk.cli.common import JsonOption, OfficerOption, open_desk, print_json, print_table, say

report_app = typer.Typer(help="Laporan layanan informasi publik: tahunan (Word + Excel) dan ringkasan semesteran.",
                         no_args_is_help=True)


@report_app.command("annual")
def annual(
    year: Annotated[int | None, typer.Option("--year", help="Tahun yang dilaporkan (default tahun lalu).")] = None,
    output: Annotated[str | None, typer.Option("--output", "-o", help="Berkas Word .docx (default laporan-layanan-informasi-TAHUN.docx).")] = None,
    xlsx: Annotated[str | None, typer.Option("--xlsx", help="Juga tulis tabel-tabelnya ke berkas Excel .xlsx ini.")] = None,
    text: Annotated[str | None, typer.Option("--text", help="Berkas teks bagian naratif (contohnya: --template).")] = None,
    letterhead: Annotated[str | None, typer.Option("--letterhead", help="Dokumen .docx berkop kantor; laporan ditulis di dalamnya.")] = None,
    template: Annotated[bool, typer.Option("--template", help="Cetak contoh berkas teks bagian naratif, lalu selesai.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Tulis Laporan Layanan Informasi Publik tahunan (.docx) dari data kantor; cetak path berkasnya.

    Contoh: kpudesk report annual --template > laporan-2025.txt
    kpudesk report annual --year 2025 --text laporan-2025.txt --xlsx tabel-2025.xlsx
    """
    from kpudesk.services.reports import annual_report, figures_as_dict
    from kpudesk.services.report_text import template_text

    if template:
        print(template_text(), end="")
        return
    with open_desk() as desk:
        figures, paths = annual_report(desk, year, output=output, xlsx=xlsx, text=text, letterhead=letterhead)
    if as_json:
        print_json(figures_as_dict(figures) | {"files": [str(path) for path in paths]})
        return
    for path in paths:
        print(path)
    say(f"Laporan {figures.period.label.lower()}: {figures.requests.received} permohonan, "
        f"{figures.objections.received} keberatan, {len(figures.objections.disputes)} sengketa.")


@report_app.command("summary")
def summary(
    half: Annotated[int, typer.Option("--half", help="Semester: 1 (Januari–Juni) atau 2 (Juli–Desember).")],
    year: Annotated[int | None, typer.Option("--year", help="Tahun (default tahun ini).")] = None,
    as_json: JsonOption = False,
) -> None:
    """Ringkasan akses informasi publik semesteran: empat angka.

    Contoh: kpudesk report summary --half 1 --year 2026
    """
    from kpudesk.services.reports import summary_figures

    with open_desk() as desk:
        data = summary_figures(desk, year, half)
    if as_json:
        print_json(data)
        return
    time = data["time_needed"]
    reasons = ", ".join(f"huruf {k}: {v}" for k, v in data["refusal_reasons"].items()) or "-"
    print_table(f"Ringkasan akses informasi publik {data['period']['from']} s.d. {data['period']['to']}",
                ["Uraian", "Jumlah"],
                [("Permohonan informasi", data["requests"]),
                 ("Waktu pemberitahuan (rata-rata / median, hari kerja)", f"{time['average_working_days'] or '-'} / {time['median_working_days'] if time['median_working_days'] is not None else '-'}"),
                 ("Dipenuhi (seluruhnya + sebagian)", f"{data['granted']} ({data['granted_in_full']} + {data['granted_in_part']})"),
                 ("Ditolak", data["refused"]),
                 ("Alasan penolakan (Pasal 17)", reasons)])


@report_app.command("publish")
def publish(
    year: Annotated[int, typer.Option("--year", help="Tahun laporan yang diterbitkan.")],
    on: Annotated[str | None, typer.Option("--on", help="Tanggal terbit YYYY-MM-DD (default hari ini).")] = None,
    officer: OfficerOption = None,
) -> None:
    """Catat bahwa laporan tahunan telah ditandatangani dan diumumkan (overdue berhenti mengingatkan)."""
    from kpudesk.dates import parse_date
    from kpudesk.services.duties import record_publication

    day = parse_date(on, "--on") if on else None
    with open_desk(write=True, officer=officer) as desk:
        done = record_publication(desk, year, day)
    say(f"Laporan layanan informasi publik {year} tercatat terbit {done.isoformat()}.")


def install(app: typer.Typer) -> None:
    """Register `kpudesk report …` on the root app."""
    app.add_typer(report_app, name="report")
