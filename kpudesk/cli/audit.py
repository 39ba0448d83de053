"""`kpudesk verify`, `kpudesk backup`, `kpudesk restore`: the audit trail and copies of the store."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kpudesk.cli.common import JsonOption, db_location, now, open_desk, print_json, say
from kpudesk.errors import ExitStatus, InvalidInput

if TYPE_CHECKING:
    from kpudesk.services.audit import AuditReport
    from kpudesk.services.backup import CopyReport


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


def verify_text(report: "AuditReport") -> str:
    """One line for the officer: whole, or the first broken link."""
    if report.is_whole:
        return (f"Jejak audit utuh: {report.events} peristiwa, {report.cases} perkara diperiksa; "
                f"kepala rantai {report.head[:16]}.")
    first = report.problems[0]
    where = ", ".join(part for part in (f"peristiwa #{first.event_id}" if first.event_id else "",
                                        f"perkara {first.case}" if first.case else "") if part)
    return f"Jejak audit RUSAK ({len(report.problems)} masalah). Pertama: {where}: {first.what}."


def backup(
    file: Annotated[str | None, typer.Argument(help="Berkas cadangan (default: nama basis data + waktu UTC, di sampingnya).")] = None,
    as_json: JsonOption = False,
) -> None:
    """Cadangkan basis data selagi meja lain tetap bekerja, lalu periksa salinannya (integritas dan jejak audit).

    Mencetak path berkas cadangan. Kode keluar: 0 salinan utuh; 1 salinan ditulis tetapi jejak
    auditnya rusak; 2 nama berkas salah atau sudah ada; 4 basis data tidak dapat dibaca.
    Contoh (cron, setiap malam): 15 23 * * *  kpudesk backup
    """
    from kpudesk.services.backup import backup_store

    report = backup_store(sqlite_path(), Path(file).expanduser() if file else None, now())
    _report_copy(report, as_json, f"Cadangan ditulis: {report.path}")


def restore(
    file: Annotated[str, typer.Argument(help="Berkas cadangan yang dipulihkan.")],
    force: Annotated[bool, typer.Option("--force", help="Ganti basis data yang ada (yang lama disimpan sebagai .replaced-WAKTU).")] = False,
    as_json: JsonOption = False,
) -> None:
    """Pulihkan basis data dari cadangan setelah memeriksa integritas dan jejak auditnya.

    Tanpa --force menolak bila basis data sudah ada. Hentikan dahulu pekerjaan di meja lain.
    """
    from kpudesk.services.backup import restore_store

    report = restore_store(Path(file).expanduser(), sqlite_path(), force=force, now=now())
    aside = f"; yang lama disimpan di {report.replaced}" if report.replaced else ""
    _report_copy(report, as_json, f"Dipulihkan ke {report.path}{aside}")


def _report_copy(report: "CopyReport", as_json: bool, done: str) -> None:
    """The copy's path on stdout (or the JSON report), the check on stderr; exit 1 when the trail is broken."""
    if as_json:
        print_json(report.as_dict())
    else:
        print(report.path)
        say(f"{done}. {verify_text(report.audit)}")
    if not report.audit.is_whole:
        raise typer.Exit(int(ExitStatus.REFUSED))


def sqlite_path() -> Path:
    """The configured store as a file path; a PostgreSQL store is backed up with its own tools."""
    from kpudesk.location import is_server_url

    location = db_location()
    if is_server_url(location):
        raise InvalidInput("Basis data PostgreSQL dicadangkan dan dipulihkan dengan pg_dump dan pg_restore, bukan kpudesk.")
    return Path(location)


def install(app: typer.Typer) -> None:
    app.command("verify")(verify)
    app.command("backup")(backup)
    app.command("restore")(restore)
