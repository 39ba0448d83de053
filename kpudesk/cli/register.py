"""`kpudesk register …`: the front desk registers a case while the visitor waits."""

from typing import TYPE_CHECKING, Annotated

import typer

from kpudesk.choices import CHANNELS, DELIVERY, FORMATS, ID_TYPES, OBTAIN
from kpudesk.cli.common import JsonOption, OfficerOption, choice_option, is_interactive, open_desk, print_json, stdout_console
from kpudesk.dates import parse_local_datetime

if TYPE_CHECKING:
    from kpudesk.services.requests import Registered

register_app = typer.Typer(help="Daftarkan perkara baru (permohonan informasi, keberatan).", no_args_is_help=True)

ReceivedOption = Annotated[
    str | None, typer.Option("--received", help="Waktu diterima 'YYYY-MM-DD HH:MM' (waktu kantor); default sekarang.")
]


def _ask_missing(form: object, missing: list[str], labels: dict[str, str]) -> None:
    """At a terminal, ask for what is missing instead of failing."""
    for name in missing:
        label = labels.get(name, "telepon atau e-mail" if name == "phone" else name)
        setattr(form, name, typer.prompt(label.capitalize(), default="", show_default=False))


@register_app.command("request")
def register_request(
    name: Annotated[str | None, typer.Option("--name", help="Nama pemohon.")] = None,
    address: Annotated[str | None, typer.Option("--address", help="Alamat pemohon.")] = None,
    phone: Annotated[str | None, typer.Option("--phone", help="Nomor telepon/HP.")] = None,
    email: Annotated[str | None, typer.Option("--email", help="Alamat e-mail.")] = None,
    occupation: Annotated[str | None, typer.Option("--occupation", help="Pekerjaan.")] = None,
    id_type: Annotated[str, choice_option(ID_TYPES, "--id-type", text="Jenis identitas")] = "ktp",
    id_number: Annotated[str | None, typer.Option("--id-number", help="Nomor identitas (NIK 16 angka untuk KTP).")] = None,
    channel: Annotated[str, choice_option(CHANNELS, "--channel", text="Cara permohonan")] = "langsung",
    info: Annotated[str | None, typer.Option("--info", help="Rincian informasi yang diminta.")] = None,
    purpose: Annotated[str | None, typer.Option("--purpose", help="Tujuan penggunaan informasi.")] = None,
    obtain: Annotated[str, choice_option(OBTAIN, "--obtain", text="Cara memperoleh informasi")] = "salinan",
    format: Annotated[str, choice_option(FORMATS, "--format", text="Bentuk salinan")] = "softcopy",
    delivery: Annotated[str, choice_option(DELIVERY, "--delivery", text="Cara mendapatkan salinan")] = "ambil",
    election: Annotated[bool, typer.Option("--election", help="Informasi pemilu: tenggat Perki 1/2019 (3 + 2 hari kerja).")] = False,
    received: ReceivedOption = None,
    officer: OfficerOption = None,
    as_json: JsonOption = False,
) -> None:
    """Daftarkan permohonan informasi publik; cetak nomor pendaftaran dan tenggat pemberitahuan.

    Contoh: kpudesk register request --name "Maria Bria" --address "Jl. Timor Raya, Oelamasi"
    --phone 081234567890 --id-number 5301014501900001 --info "Salinan SK DPT Pemilu 2024"
    --purpose "Penelitian skripsi"
    """
    from kpudesk.services.requests import REQUIRED_FIELDS, RequestForm, missing_fields
    from kpudesk.services.requests import register_request as register

    form = RequestForm(name, address, phone, email, occupation, id_type, id_number, channel, info, purpose,
                       obtain, format, delivery, election)
    moment = parse_local_datetime(received, "waktu diterima")[0] if received else None
    missing = missing_fields(form)
    if missing and is_interactive():
        _ask_missing(form, missing, REQUIRED_FIELDS)
    with open_desk(write=True, officer=officer) as desk:
        result = register(desk, form, moment)
        zone = desk.profile.zone_label
    if as_json:
        print_json(result.as_dict())
        return
    _print_registered(result, zone)


def _print_registered(result: "Registered", zone: str) -> None:
    from kpudesk.rules import PROFILE_LABELS
    from kpudesk.textfmt import long_date, long_datetime

    out = stdout_console()
    case = result.case
    out.print(f"Nomor pendaftaran : {case.number}")
    out.print(f"Diterima          : {long_datetime(result.received_local, zone)}")
    out.print(f"Hari ke-0         : {long_date(case.day0)}")
    out.print(f"Batas pemberitahuan tertulis: {long_date(result.due)}")
    out.print(f"Dasar             : {result.rule.describe()}; {PROFILE_LABELS[case.profile]}")


def install(app: typer.Typer) -> None:
    app.add_typer(register_app, name="register")
