"""`kpudesk register objection`, `kpudesk objection …` and `kpudesk exemption …` (uji konsekuensi)."""

from typing import Annotated

import typer

from kpudesk.choices import ANSWER_DECISIONS, DISPUTE_STAGES, EXEMPTION_RESULTS, REACTIONS
from kpudesk.cli.common import AtOption, JsonOption, OfficerOption, choice_option, emit, human_date, human_time, open_desk, parse_at, say
from kpudesk.labels import STATUS_LABELS, label
from kpudesk.presentation import value_of

objection_app = typer.Typer(help="Keberatan: tanggapan Atasan PPID, tanggapan pemohon, sengketa di Komisi Informasi.",
                            no_args_is_help=True)
exemption_app = typer.Typer(help="Uji konsekuensi (pengecualian informasi, UU 14/2008 Pasal 17).", no_args_is_help=True)

NumberArgument = Annotated[str, typer.Argument(help="Nomor registrasi, mis. 001/KEB/KPU-KAB.KPG/IV/2026.")]
ReceivedOption = Annotated[
    str | None, typer.Option("--received", help="Waktu diterima 'YYYY-MM-DD HH:MM' (waktu kantor); default sekarang.")
]
RequestOption = Annotated[str | None, typer.Option("--request", help="Nomor pendaftaran permohonan yang bersangkutan.")]


def register_objection(
    request: RequestOption = None,
    ground: Annotated[
        list[str] | None, typer.Option("--ground", help="Alasan keberatan, huruf a–g UU 14/2008 Pasal 35 ayat 1 (boleh berulang).")
    ] = None,
    case_position: Annotated[str | None, typer.Option("--case-position", help="Kasus posisi (uraian singkat keberatan).")] = None,
    proxy: Annotated[str | None, typer.Option("--proxy", help="Nama kuasa pemohon, bila diajukan melalui kuasa.")] = None,
    received: ReceivedOption = None,
    officer: OfficerOption = None,
    as_json: JsonOption = False,
) -> None:
    """Daftarkan keberatan atas permohonan; cetak nomor registrasi dan batas tanggapan Atasan PPID.

    Alasan (Pasal 35 ayat 1): a penolakan Pasal 17; b informasi berkala tidak disediakan; c tidak
    ditanggapi; d ditanggapi tidak sebagaimana diminta; e tidak dipenuhi; f biaya tidak wajar;
    g melebihi waktu.

    Contoh: kpudesk register objection --request 001/PPID/KPU-KAB.KPG/III/2026 --ground c
    --case-position "Permohonan tidak dijawab dalam 10 hari kerja"
    """
    from kpudesk.services.objections import ObjectionForm
    from kpudesk.services.objections import register_objection as register
    from kpudesk.textfmt import long_date

    form = ObjectionForm(request, list(ground or []), case_position, proxy)
    moment, has_time = parse_at(received, "waktu diterima")
    with open_desk(write=True, officer=officer) as desk:
        result = register(desk, form, moment, has_time=has_time)
    for warning in result.warnings:
        say(f"Peringatan: {warning}")
    data = result.as_dict()
    window = result.detail.filing_deadline
    emit(data, as_json, [
        f"Nomor keberatan   : {result.case.number}",
        f"Atas permohonan   : {result.request.number}",
        f"Alasan            : {value_of('grounds', result.detail.grounds)}",
        f"Hari ke-0         : {long_date(result.case.day0)}",
        f"Batas tanggapan Atasan PPID: {long_date(result.due)} ({result.rule.describe()})",
        f"Batas pengajuan keberatan  : {long_date(window) if window else '-'}"
        + (" — TERLAMBAT" if result.detail.filing_late else ""),
    ])


@objection_app.command("answer")
def answer(
    number: NumberArgument,
    decision: Annotated[str, choice_option(ANSWER_DECISIONS, "--decision", text="Keputusan Atasan PPID")],
    superior: Annotated[str, typer.Option("--superior", help="Nama dan jabatan Atasan PPID: \"NAMA, JABATAN\".")],
    reasons: Annotated[
        str | None, typer.Option("--reasons", help="Alasan tertulis (wajib bila menguatkan penolakan, Pasal 36 ayat 3).")
    ] = None,
    at: AtOption = None,
    officer: OfficerOption = None,
    as_json: JsonOption = False,
) -> None:
    """Catat tanggapan Atasan PPID atas keberatan; membuka 14 hari kerja bagi pemohon ke Komisi Informasi."""
    from kpudesk.services.objections import answer_objection
    from kpudesk.textfmt import long_date

    moment, has_time = parse_at(at, "waktu tanggapan")
    with open_desk(write=True, officer=officer) as desk:
        result = answer_objection(desk, number, decision, reasons, superior, moment, has_time=has_time)
    late = result.detail.answer_late_days or 0
    emit(result.as_dict(), as_json, [
        f"Keberatan {result.case.number} ditanggapi: {ANSWER_DECISIONS.label(result.detail.decision)}"
        + (f", terlambat {late} hari kerja." if late else ", tepat waktu."),
        f"Batas pemohon mengajukan sengketa: {long_date(result.dispute_due)}",
    ])


@objection_app.command("reaction")
def reaction(
    number: NumberArgument,
    choice: Annotated[str, choice_option(REACTIONS, text="Tanggapan pemohon")],
    at: AtOption = None,
    officer: OfficerOption = None,
    as_json: JsonOption = False,
) -> None:
    """Catat tanggapan pemohon: menerima (selesai) atau mengajukan sengketa ke Komisi Informasi."""
    from kpudesk.services.objections import record_reaction

    moment, has_time = parse_at(at, "waktu tanggapan pemohon")
    with open_desk(write=True, officer=officer) as desk:
        result = record_reaction(desk, number, choice, moment, has_time=has_time)
    data = result.as_dict()
    if result.detail.reaction == "dispute" and not data["within_window"]:
        say(f"Peringatan: sengketa diajukan setelah batas {human_date(data['window_due'])} (UU 14/2008 Pasal 37 ayat 2).")
    what = "menerima" if result.detail.reaction == "accepted" else "mengajukan sengketa ke Komisi Informasi"
    emit(data, as_json, [f"Keberatan {result.case.number}: pemohon {what}; "
                          f"status {label(STATUS_LABELS, result.case.status)}."])


@objection_app.command("dispute")
def dispute(
    number: NumberArgument,
    stage: Annotated[str, choice_option(DISPUTE_STAGES, "--stage", text="Tahap sengketa (hanya maju)")],
    outcome: Annotated[str | None, typer.Option("--outcome", help="Isi putusan Komisi Informasi (wajib untuk diputus).")] = None,
    at: AtOption = None,
    officer: OfficerOption = None,
    as_json: JsonOption = False,
) -> None:
    """Catat tahap sengketa di Komisi Informasi (UU 14/2008 Pasal 38); 'diputus' menutup perkara."""
    from kpudesk.services.objections import advance_dispute

    moment, has_time = parse_at(at, "waktu tahap sengketa")
    with open_desk(write=True, officer=officer) as desk:
        result = advance_dispute(desk, number, stage, outcome, moment, has_time=has_time)
    data = result.as_dict()
    emit(data, as_json, [f"Keberatan {data['number']}: tahap sengketa: {DISPUTE_STAGES.label(data['stage'])} ({human_time(result.at)}); "
                         f"status {label(STATUS_LABELS, result.case.status)}."])


@exemption_app.command("start")
def exemption_start(
    request: RequestOption = None,
    received: ReceivedOption = None,
    officer: OfficerOption = None,
    as_json: JsonOption = False,
) -> None:
    """Daftarkan uji konsekuensi atas permohonan; keputusan paling lambat 7 hari sejak PPID menerimanya."""
    from kpudesk.services.exemptions import start_exemption
    from kpudesk.textfmt import long_date

    moment, has_time = parse_at(received, "waktu diterima")
    with open_desk(write=True, officer=officer) as desk:
        result = start_exemption(desk, request, moment, has_time=has_time)
    emit(result.as_dict(), as_json, [
        f"Nomor uji konsekuensi: {result.case.number} (permohonan {result.request.number})",
        f"Batas keputusan      : {long_date(result.deadline.due)} "
        f"({result.deadline.amount} hari kalender, {result.deadline.responsible})",
    ])


@exemption_app.command("decide")
def exemption_decide(
    number: NumberArgument,
    result: Annotated[str, choice_option(EXEMPTION_RESULTS, "--result", text="Hasil uji konsekuensi")],
    basis: Annotated[str | None, typer.Option("--basis", help="Dasar keputusan, mis. nomor berita acara rapat pleno.")] = None,
    exemption: Annotated[
        list[str] | None, typer.Option("--exemption", help="Huruf Pasal 17 a–j (wajib untuk dikecualikan; boleh berulang).")
    ] = None,
    at: AtOption = None,
    officer: OfficerOption = None,
    as_json: JsonOption = False,
) -> None:
    """Catat hasil uji konsekuensi (dikecualikan atau terbuka) dan hentikan tenggatnya."""
    from kpudesk.services.exemptions import decide_exemption

    moment, has_time = parse_at(at, "waktu keputusan")
    with open_desk(write=True, officer=officer) as desk:
        decided = decide_exemption(desk, number, result, list(exemption or []), basis, moment, has_time=has_time)
    late = decided.late_days
    emit(decided.as_dict(), as_json, [
        f"Uji konsekuensi {decided.case.number}: {EXEMPTION_RESULTS.label(decided.detail.result)}"
        + (f" (Pasal 17 huruf {decided.detail.exemptions})" if decided.detail.exemptions else "")
        + (f"; terlambat {late} hari." if late else "; tepat waktu."),
    ])


def install(app: typer.Typer) -> None:
    """Register this module's commands on the root app and `register objection`."""
    from kpudesk.cli.register import register_app

    register_app.command("objection")(register_objection)
    app.add_typer(objection_app, name="objection")
    app.add_typer(exemption_app, name="exemption")
