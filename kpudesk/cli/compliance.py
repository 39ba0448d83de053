"""`kpudesk report compliance`: how well the office keeps its SOPs' time standards and deadlines."""

from pathlib import Path
from typing import Annotated, Any

import typer

from kpudesk.cli.common import JsonOption, open_desk, print_json, print_table, say
from kpudesk.dates import parse_date


def compliance(
    kind: Annotated[str | None, typer.Option("--kind", help="Satu jenis saja: letter, visit, complaint, consultation, meeting, request, objection, exemption.")] = None,
    year: Annotated[int | None, typer.Option("--year", help="Perkara yang diterima pada tahun ini (default tahun berjalan).")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Dari tanggal YYYY-MM-DD (bersama --to).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Sampai tanggal YYYY-MM-DD.")] = None,
    output: Annotated[str | None, typer.Option("--output", "-o", help="Tulis juga ke berkas .xlsx ini.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Laporan kepatuhan mutu baku: per SOP dan langkah, jumlah selesai, tepat waktu, median dan persentil 90.

    Waktu dihitung hanya dari langkah yang tercatat; perkara yang langkahnya tidak tercatat disebut.
    Contoh: kpudesk report compliance --year 2026 --output kepatuhan-2026.xlsx
    """
    from kpudesk.services.compliance import compliance_report, compliance_sheet
    from kpudesk.services.registers import resolve_output, resolve_period

    start = parse_date(date_from, "--from") if date_from else None
    end = parse_date(date_to, "--to") if date_to else None
    with open_desk() as desk:
        period = resolve_period(desk, year, start, end)
        path = resolve_output(output, "kepatuhan", period) if output else None
        report = compliance_report(desk, period, kind)
        sheet = compliance_sheet(desk, report) if path else None
    if path is not None and sheet is not None:
        _write(sheet, path)
    if as_json:
        print_json(report)
    else:
        _print(report)
    if path is not None:
        say(f"Laporan kepatuhan ditulis ke {path}")


def _write(sheet: Any, path: Path) -> None:
    from kpudesk.errors import InvalidInput
    from kpudesk.export import write_register

    try:
        write_register(sheet, path)
    except OSError as exc:
        raise InvalidInput(f"Tidak dapat menulis {path}: {exc.strerror or exc}; pilih folder lain dengan --output.") from exc


def _print(report: dict[str, Any]) -> None:
    from kpudesk.services.compliance import unrecorded_text

    def pct(row: dict[str, Any]) -> str:
        return f"{row['within']}/{row['with_standard']}" + (f" ({row['within_pct']:g}%)" if row["within_pct"] is not None else "")

    def worst(row: dict[str, Any]) -> str:
        return ", ".join(f"{w['number']} ({w['late']})" for w in row["worst"])

    headers = ["No", "Langkah", "Mutu baku", "Selesai", "Tepat waktu", "Median", "P90", "Berjalan (terlambat)", "Terburuk",
               "Tidak tercatat"]
    for sop in report["sops"]:
        unit = {"minutes": "menit", "days": "HK"}
        print_table(f"{sop['title']} — {sop['cases']} perkara ({report['period']['label']})", headers, [
            (s["no"], s["label"], s["standard"], s["done"], pct(s),
             "" if s["median"] is None else f"{s['median']:g} {unit.get(s['unit'], '')}",
             "" if s["p90"] is None else f"{s['p90']} {unit.get(s['unit'], '')}",
             f"{s['running']} ({s['running_late']})", worst(s), ", ".join(s["missing"])) for s in sop["steps"]])
    if report["legal"]:
        print_table(f"Tenggat undang-undang ({report['period']['label']})", ["Tenggat", *headers[3:]], [
            (c["label"], c["done"], pct(c), "" if c["median"] is None else f"{c['median']:g} HK",
             "" if c["p90"] is None else f"{c['p90']} HK", f"{c['running']} ({c['running_late']})", worst(c),
             unrecorded_text(c)) for c in report["legal"]])


def install(app: typer.Typer) -> None:
    """Add `compliance` to the `report` group (created here when no other module made it)."""
    group = next((g.typer_instance for g in app.registered_groups if g.name == "report"), None)
    if group is None:
        group = typer.Typer(help="Laporan: kepatuhan mutu baku.", no_args_is_help=True)
        app.add_typer(group, name="report")
    group.command("compliance")(compliance)
