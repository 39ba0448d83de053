"""`kpudesk meeting invite|attend`: invitations (expedition book) and attendance of a rakor/raker."""

from typing import Annotated

import typer

from kpudesk.cli.common import AtOption, JsonOption, OfficerOption, open_desk, parse_at, print_json, say

meeting_app = typer.Typer(help="Rapat koordinasi/kerja: undangan (buku ekspedisi) dan daftar hadir.", no_args_is_help=True)

NumberArgument = Annotated[str, typer.Argument(help="Nomor rapat, mis. 001/RAPAT/KPU-KAB.KPG/III/2026.")]
InstitutionOption = Annotated[str | None, typer.Option("--institution", help="Instansi/jabatan peserta.")]


@meeting_app.command("invite")
def invite(
    number: NumberArgument,
    to: Annotated[str, typer.Option("--to", help="Nama (atau jabatan) yang diundang.")],
    institution: InstitutionOption = None,
    via: Annotated[str | None, typer.Option("--via", help="Pengantar undangan (kurir, e-mail, WhatsApp, …).")] = None,
    at: AtOption = None,
    officer: OfficerOption = None,
    as_json: JsonOption = False,
) -> None:
    """Kirim undangan rapat: dicatat di buku ekspedisi (tanda terima) dan daftar peserta.

    Contoh: kpudesk meeting invite 001/RAPAT/KPU-KAB.KPG/III/2026 --to "Ketua KPU Kota Kupang" --institution "KPU Kota Kupang" --via kurir
    """
    from kpudesk.services.meetings import invite as send

    with open_desk(write=True, officer=officer) as desk:
        row = send(desk, number, to=to, institution=institution, via=via, at=parse_at(at)[0])
    if as_json:
        print_json(row)
        return
    print(row["expedition"])
    say(f"Undangan rapat {row['number']} untuk {row['name']} dicatat di buku ekspedisi.")


@meeting_app.command("attend")
def attend(
    number: NumberArgument,
    name: Annotated[str, typer.Argument(help="Nama peserta yang hadir.")],
    institution: InstitutionOption = None,
    at: AtOption = None,
    officer: OfficerOption = None,
    as_json: JsonOption = False,
) -> None:
    """Catat kehadiran peserta rapat (peserta yang tidak diundang ditambahkan ke daftar)."""
    from kpudesk.services.meetings import attend as mark

    with open_desk(write=True, officer=officer) as desk:
        row = mark(desk, number, name, institution=institution, at=parse_at(at)[0])
    if as_json:
        print_json(row)
        return
    say(f"{row['name']} hadir di rapat {row['number']} ({row['attended_at']}).")


def install(app: typer.Typer) -> None:
    app.add_typer(meeting_app, name="meeting")
