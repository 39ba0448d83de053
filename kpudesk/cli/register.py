"""`kpudesk register …`: the front desk registers a case while the visitor waits.

Requests have their own command (their form is the law's); every other kind with a form in the
kind registry gets `register KIND` built from its declared fields, when it is first asked for.
"""

import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from kpudesk.choices import CHANNELS, DELIVERY, FORMATS, ID_TYPES, OBTAIN
from kpudesk.cli.common import JsonOption, OfficerOption, choice_option, is_interactive, open_desk, print_json, stdout_console
from kpudesk.dates import parse_local_datetime

if TYPE_CHECKING:
    from kpudesk.services.dip import DipMatch
    from kpudesk.services.requests import Registered



class RegisterGroup(TyperGroup):
    """`register`: the static commands, plus one per registry kind that declares a form."""

    def list_commands(self, ctx: Any) -> list[str]:
        from kpudesk import kinds

        return [*super().list_commands(ctx), *(s.code for s in kinds.kinds() if s.fields and s.code not in self.commands)]

    def get_command(self, ctx: Any, name: str) -> Any:
        command = super().get_command(ctx, name)
        if command is not None:
            return command
        from kpudesk import kinds

        spec = kinds.find_kind(name)
        return form_command(spec) if spec is not None and spec.fields else None


register_app = typer.Typer(cls=RegisterGroup, help="Daftarkan perkara baru: permohonan informasi, keberatan, surat masuk, "
                           "tamu, pengaduan, …", no_args_is_help=True)

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
    from kpudesk.services.dip import match_entries
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
        matches = match_entries(desk, form.info or "")
    if as_json:
        print_json(result.as_dict() | {"dip_matches": [match.as_dict() for match in matches]})
        return
    _print_registered(result, zone)
    _print_dip_matches(result.case.number, matches)


def _print_dip_matches(number: str, matches: list["DipMatch"]) -> None:
    """The DIP entries that may answer the request at once, with the command that serves one."""
    if not matches:
        return
    out = stdout_console()
    out.print("Cocok di Daftar Informasi Publik (dapat dilayani seketika):")
    for match in matches:
        out.print(f"  DIP {match.number} [{match.category}] {match.summary}")
    out.print(f"  Layani: kpudesk serve {number} --dip {matches[0].number}")


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


def _field_option(field: Any) -> inspect.Parameter:
    """One declared form field as a typer option (flags are booleans, the rest text)."""
    choices = f" ({' | '.join(field.choices)})" if field.choices else ""
    required = " Wajib." if field.required else ""
    help_text = f"{field.label}{choices}.{required} {field.help}".strip()
    if field.type == "flag":
        annotation: Any = Annotated[bool, typer.Option(field.option, help=help_text)]
        return inspect.Parameter(field.name, inspect.Parameter.KEYWORD_ONLY, default=False, annotation=annotation)
    annotation = Annotated[str | None, typer.Option(field.option, help=help_text)]
    return inspect.Parameter(field.name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=annotation)


def form_command(spec: Any) -> Any:
    """The click command `register KIND` for a registry kind, built from its declared fields."""
    from typer.main import get_command

    def register_kind(**values: Any) -> None:
        _register_form(spec, values)

    common = [
        inspect.Parameter("received", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=ReceivedOption),
        inspect.Parameter("officer", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=OfficerOption),
        inspect.Parameter("as_json", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=JsonOption),
    ]
    params = [_field_option(f) for f in spec.fields] + common
    register_kind.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    register_kind.__annotations__ = {p.name: p.annotation for p in params}
    register_kind.__doc__ = spec.register_help or f"Daftarkan {spec.label.lower()}."
    single = typer.Typer()
    single.command(spec.code)(register_kind)
    return get_command(single)


def _register_form(spec: Any, values: dict[str, Any]) -> None:
    from kpudesk.services.forms import missing_fields, register_form

    received, officer, as_json = values.pop("received"), values.pop("officer"), values.pop("as_json")
    moment = parse_local_datetime(received, "waktu diterima")[0] if received else None
    missing = missing_fields(spec, values)
    if missing and is_interactive():
        for field in missing:
            values[field.name] = typer.prompt(field.label, default="", show_default=False)
    with open_desk(write=True, officer=officer) as desk:
        result = register_form(desk, spec.code, values, moment)
        zone = desk.profile.zone_label
        payload = registered_dict(desk, result)
    if as_json:
        print_json(payload)
        return
    _print_step_case(spec, payload, zone)


def registered_dict(desk: Any, result: Any) -> dict[str, object]:
    from kpudesk.services.cases import deadline_dict

    case = result.case
    return {"number": case.number, "kind": case.kind, "status": case.status,
            "received_at": result.received_local.isoformat(timespec="minutes"), "day0": case.day0.isoformat(),
            "sop_version": case.sop_version,
            "next": [deadline_dict(desk, d, desk.today()) for d in result.next_clocks]}


def _print_step_case(spec: Any, payload: dict[str, Any], zone: str) -> None:
    from datetime import datetime

    from kpudesk.cli.steps import clock_line
    from kpudesk.textfmt import long_datetime

    out = stdout_console()
    out.print(f"Nomor {spec.label.lower():<11}: {payload['number']}")
    out.print(f"Diterima          : {long_datetime(datetime.fromisoformat(payload['received_at']), zone)}")
    for clock in payload["next"]:
        out.print(f"Berikutnya        : {clock_line(clock, zone)}")


def install(app: typer.Typer) -> None:
    app.add_typer(register_app, name="register")
