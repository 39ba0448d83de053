"""`kpudesk extend | decide | deliver | withdraw | void`: what becomes of a request after registration."""

from typing import TYPE_CHECKING, Annotated

import typer

from kpudesk.choices import DELIVERY, FORMATS, NOTICE_DECISIONS
from kpudesk.cli.common import AtOption, JsonOption, OfficerOption, choice_option, emit, human_time, open_desk, parse_at

if TYPE_CHECKING:
    from kpudesk.services.lifecycle import Decided

NumberArgument = Annotated[str, typer.Argument(help="Nomor pendaftaran, mis. 001/PPID/KPU-KAB.KPG/III/2026.")]
ViaOption = Annotated[str | None, choice_option(DELIVERY, "--via", text="Cara penyampaian (default: pilihan pemohon)")]


def extend(
    number: NumberArgument,
    reason: Annotated[str | None, typer.Option("--reason", help="Alasan tertulis perpanjangan (wajib).")] = None,
    late: Annotated[bool, typer.Option("--late", help="Catat perpanjangan yang diberikan setelah batas pemberitahuan lewat.")] = False,
    at: AtOption = None,
    officer: OfficerOption = None,
    as_json: JsonOption = False,
) -> None:
    """Perpanjang batas pemberitahuan tertulis sekali (+7 hari kerja; informasi pemilu +2), dengan alasan tertulis."""
    from kpudesk.services.lifecycle import extend_request
    from kpudesk.textfmt import long_date

    moment, has_time = parse_at(at)
    with open_desk(write=True, officer=officer) as desk:
        result = extend_request(desk, number, reason, moment, has_time=has_time, late=late)
    emit(result.as_dict(), as_json, [
        f"{result.case.number}: diperpanjang {result.rule.amount} hari kerja ({result.rule.basis})",
        f"Batas semula : {long_date(result.notice_due)}",
        f"Batas baru   : {long_date(result.due)}",
        *(["Catatan      : perpanjangan diberikan setelah batas pemberitahuan lewat"] if result.late else []),
    ])


def decide(
    number: NumberArgument,
    decision: Annotated[str, choice_option(NOTICE_DECISIONS, "--decision", text="Keputusan")],
    exemption: Annotated[list[str] | None, typer.Option(
        "--exemption", help="Huruf pengecualian Pasal 17 (a–j); boleh diulang atau 'a,h'. Wajib untuk ditolak.")] = None,
    exemption_test: Annotated[str | None, typer.Option("--exemption-test", help="Nomor uji konsekuensi yang menyimpulkan 'dikecualikan'.")] = None,
    reason: Annotated[str | None, typer.Option("--reason", help="Alasan; wajib untuk sebagian (bagian yang dihitamkan).")] = None,
    holder: Annotated[str | None, typer.Option("--holder", help="Badan publik yang menguasai informasi (tidak-dikuasai).")] = None,
    provide_within: Annotated[int | None, typer.Option(
        "--provide-within", help="Jangka waktu penyediaan dalam hari kerja (wajib untuk not-documented).")] = None,
    form: Annotated[str | None, choice_option(FORMATS, "--form", text="Bentuk informasi (default: pilihan pemohon)")] = None,
    via: ViaOption = None,
    cost_per_page: Annotated[int, typer.Option("--cost-per-page", help="Biaya salinan per halaman (rupiah).")] = 0,
    pages: Annotated[int, typer.Option("--pages", help="Jumlah halaman.")] = 0,
    cost_delivery: Annotated[int, typer.Option("--cost-delivery", help="Biaya pengiriman (rupiah).")] = 0,
    cost_other: Annotated[int, typer.Option("--cost-other", help="Biaya lain (rupiah).")] = 0,
    payment: Annotated[str | None, typer.Option("--payment", help="Cara pembayaran, mis. 'tunai di loket'.")] = None,
    at: AtOption = None,
    officer: OfficerOption = None,
    as_json: JsonOption = False,
) -> None:
    """Catat pemberitahuan tertulis (keputusan PPID) atas permohonan; menutup tenggat pemberitahuan.

    Contoh: kpudesk decide 001/PPID/KPU-KAB.KPG/III/2026 --decision ditolak --exemption h
    --reason "Memuat NIK pemilih" --at "2026-03-30 10:00"
    """
    from kpudesk.services.lifecycle import NoticeForm, decide_request

    notice = NoticeForm(decision, list(exemption or []), exemption_test, reason, holder, provide_within, form, via,
                        cost_per_page, pages, cost_delivery, cost_other, payment)
    moment, has_time = parse_at(at)
    with open_desk(write=True, officer=officer) as desk:
        result = decide_request(desk, number, notice, moment, has_time=has_time)
    emit(result.as_dict(), as_json, _decided_lines(result))


def _decided_lines(result: "Decided") -> list[str]:
    from kpudesk.labels import DECISION_LABELS, label
    from kpudesk.presentation import value_of
    from kpudesk.services.lifecycle import total_cost
    from kpudesk.textfmt import long_date

    detail = result.detail
    lines = [f"{result.case.number}: {label(DECISION_LABELS, detail.decision)}",
             f"Pemberitahuan : {human_time(result.at)}"
             + (f" — terlambat {result.late_days} hari kerja" if result.late_days else " (tepat waktu)")]
    if detail.exemptions:
        lines.append(f"Pengecualian  : {value_of('exemptions', detail.exemptions)}")
    lines.append(f"Biaya         : Rp{total_cost(detail):,}".replace(",", "."))
    if result.provision:
        lines.append(f"Batas penyediaan: {long_date(result.provision.due)} ({detail.provide_within} hari kerja)")
    return lines


def deliver(
    number: NumberArgument,
    received_by: Annotated[str | None, typer.Option("--received-by", help="Nama yang menerima (tanda terima).")] = None,
    via: ViaOption = None,
    document: Annotated[str | None, typer.Option("--document", help="Dokumen yang diserahkan (default: pemberitahuan dan informasi).")] = None,
    courier: Annotated[str | None, typer.Option("--courier", help="Nama pengantar/kurir.")] = None,
    at: AtOption = None,
    officer: OfficerOption = None,
    as_json: JsonOption = False,
) -> None:
    """Serahkan informasi dengan tanda terima: catat di buku ekspedisi dan selesaikan permohonan; cetak nomor ekspedisi."""
    from kpudesk.services.lifecycle import Handover, deliver_request

    moment, has_time = parse_at(at)
    with open_desk(write=True, officer=officer) as desk:
        result = deliver_request(desk, number, Handover(received_by, via, document, courier), moment, has_time=has_time)
    emit(result.as_dict(), as_json, [
        f"Nomor ekspedisi: {result.entry.number}",
        f"{result.case.number}: diserahkan kepada {result.entry.received_by} pada {human_time(result.at)}; selesai",
        *([f"Penyediaan terlambat {result.provision_late} hari kerja"] if result.provision_late else []),
    ])


def withdraw(
    number: NumberArgument,
    reason: Annotated[str | None, typer.Option("--reason", help="Alasan pencabutan oleh pemohon (wajib).")] = None,
    at: AtOption = None,
    officer: OfficerOption = None,
    as_json: JsonOption = False,
) -> None:
    """Catat pencabutan permohonan oleh pemohon; tenggat yang berjalan dihentikan."""
    from kpudesk.services.lifecycle import withdraw_request

    moment, has_time = parse_at(at)
    with open_desk(write=True, officer=officer) as desk:
        case = withdraw_request(desk, number, reason, moment, has_time=has_time)
        data = {"number": case.number, "status": case.status}
    emit(data, as_json, [f"{data['number']}: dicabut pemohon"])


def void(
    number: NumberArgument,
    reason: Annotated[str | None, typer.Option("--reason", help="Mengapa perkara ini salah catat (wajib).")] = None,
    officer: OfficerOption = None,
    as_json: JsonOption = False,
) -> None:
    """Batalkan perkara yang salah catat (tidak dihapus); tenggat yang berjalan dihentikan."""
    from kpudesk.services.cases import void_case

    with open_desk(write=True, officer=officer) as desk:
        case = void_case(desk, number, reason)
        data = {"number": case.number, "status": case.status, "void_reason": case.void_reason}
    emit(data, as_json, [f"{data['number']}: dibatalkan (salah catat)"])


def install(app: typer.Typer) -> None:
    """Register this module's commands on the root app."""
    app.command("extend")(extend)
    app.command("decide")(decide)
    app.command("deliver")(deliver)
    app.command("withdraw")(withdraw)
    app.command("void")(void)
