"""`kpudesk verify`, `kpudesk backup`, `kpudesk restore`: the audit trail and copies of the store."""

from typing import Annotated

import typer

from kpudesk.cli.common import JsonOption, open_desk, print_json
from kpudesk.errors import ExitStatus


def verify(as_json: JsonOption = False) -> None:
    """Periksa jejak audit: rantai hash setiap peristiwa dan keadaan perkara terhadap peristiwanya.

    Kode keluar: 0 utuh; 1 ada yang rusak (peristiwa pertama yang rusak, nomor perkara dan apa yang
    berbeda dicetak); 4 basis data tidak dapat dibuka.
    """
    from kpudesk.services.audit import verify_store

    with open_desk(require_office=False) as desk:
        report = verify_store(desk.session)
    if as_json:
        print_json(report.as_dict())
    else:
        print(verify_text(report))
    if not report.is_whole:
        raise typer.Exit(int(ExitStatus.REFUSED))


def verify_text(report) -> str:  # type: ignore[no-untyped-def]
    """One line for the officer: whole, or the first broken link."""
    if report.is_whole:
        return (f"Jejak audit utuh: {report.events} peristiwa, {report.cases} perkara diperiksa; "
                f"kepala rantai {report.head[:16]}.")
    first = report.problems[0]
    where = ", ".join(part for part in (f"peristiwa #{first.event_id}" if first.event_id else "",
                                        f"perkara {first.case}" if first.case else "") if part)
    return f"Jejak audit RUSAK ({len(report.problems)} masalah). Pertama: {where}: {first.what}."


def install(app: typer.Typer) -> None:
    app.command("verify")(verify)
