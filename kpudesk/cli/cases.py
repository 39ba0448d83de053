"""`kpudesk show` and `kpudesk list`."""

from typing import Annotated, Any

import typer

from kpudesk.choices import CASE_STATUSES
from kpudesk.cli.common import CsvOption, JsonOption, UnmaskOption, choice_option, human_date, human_time, open_desk, print_csv, print_json, print_sheet, print_table, say
from kpudesk.labels import STATUS_LABELS, kind_label, kind_words, label

TABLE_LIMIT = 100  # rows on a screen when --limit is not given; --json and --csv give all
LIST_COLUMNS = ["number", "kind", "status", "profile", "received_at", "name", "phone", "info", "next_due", "overdue"]


def show(
    number: Annotated[str, typer.Argument(help="Nomor pendaftaran, mis. 001/PPID/KPU-KAB.KPG/XI/2026.")],
    unmask: UnmaskOption = False,
    as_json: JsonOption = False,
) -> None:
    """Tampilkan satu perkara: isian, tenggat (sisa/terlambat hari kerja) dan riwayat."""
    from kpudesk.presentation import case_sheet
    from kpudesk.services.cases import case_story

    with open_desk() as desk:
        story = case_story(desk, number, unmask=unmask)
    if as_json:
        print_json(story)
        return
    print_sheet(case_sheet(story))


def list_cases(
    status: Annotated[str | None, choice_option(CASE_STATUSES, "--status", text="Status")] = None,
    year: Annotated[int | None, typer.Option("--year", help="Tahun pendaftaran.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="Jenis perkara: " + kind_words() + ".")] = None,
    search: Annotated[str | None, typer.Option("--search", help="Cari pada nomor, nama, informasi, tujuan.")] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Hanya yang tenggatnya terlewat.")] = False,
    limit: Annotated[int | None, typer.Option(
        "--limit", help="Paling banyak sekian baris; 0 untuk semua (default: 100 di layar, semua untuk --json dan --csv).")] = None,
    unmask: UnmaskOption = False,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
) -> None:
    """Daftar perkara, terbaru dahulu, dengan tenggat terdekat."""
    from kpudesk.services.cases import ListFilter
    from kpudesk.services.cases import list_cases as query

    if limit is None:
        limit = 0 if as_json or as_csv else TABLE_LIMIT
    with open_desk() as desk:
        found = query(desk, ListFilter(status, year, kind, search, overdue, limit or None), unmask=unmask)
    _say_how_many(len(found.rows), found.matched)
    rows = found.rows
    if as_json:
        print_json(rows)
    elif as_csv:
        print_csv(rows, LIST_COLUMNS)
    else:
        print_table(None, ["Nomor", "Jenis", "Status", "Diterima", "Nama", "Informasi", "Tenggat"],
                    [(r["number"], kind_label(r["kind"]), label(STATUS_LABELS, r["status"]), human_time(r["received_at"]),
                      r["name"], r["info"][:60], human_date(r["next_due"]) + (" (terlambat)" if r["overdue"] else ""))
                     for r in rows])


def _say_how_many(shown: int, matched: int) -> None:
    """On stderr, never silently cut: how many cases matched and how many are shown."""
    from kpudesk.textfmt import grouped

    if shown < matched:
        say(f"{grouped(shown)} dari {grouped(matched)} perkara ditampilkan; --limit 0 untuk semua.")
    else:
        say(f"{grouped(matched)} perkara.")


def install(app: typer.Typer) -> None:
    app.command("show")(show)
    app.command("list")(list_cases)
