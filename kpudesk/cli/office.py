"""`kpudesk init` and `kpudesk config`: the office profile."""

import os
from typing import Annotated

import typer

from kpudesk.choices import CUTI_BERSAMA
from kpudesk.cli.common import JsonOption, STATE, choice_option, is_interactive, open_desk, print_json, print_table, report_moves, say
from kpudesk.errors import InvalidInput


def _pairs(values: list[str] | None, flag: str, example: str) -> dict[str, str]:
    """['request={seq}/…'] → {'request': '{seq}/…'}."""
    out = {}
    for value in values or []:
        key, sep, rest = value.partition("=")
        if not sep or not key.strip() or not rest.strip():
            raise InvalidInput(f"{flag} '{value}' tidak valid; gunakan KUNCI=NILAI, misalnya {example}.")
        out[key.strip()] = rest.strip()
    return out


def init(
    office: Annotated[str | None, typer.Option("--office", help="Nama kantor, mis. 'KPU Kabupaten Kupang'.")] = None,
    code: Annotated[str | None, typer.Option("--code", help="Kode singkat kantor untuk nomor registrasi, mis. KPU-KAB.KPG.")] = None,
    tz: Annotated[str | None, typer.Option("--tz", help="Zona waktu: WIB, WITA, WIT (atau Asia/Jakarta, Asia/Makassar, Asia/Jayapura).")] = None,
    hours: Annotated[str | None, typer.Option("--hours", help="Jam layanan HH:MM-HH:MM (default 08:00-16:00).")] = None,
    break_hours: Annotated[str | None, typer.Option("--break", help="Jam istirahat HH:MM-HH:MM (default 12:00-13:00), atau none.")] = None,
    weekend: Annotated[str | None, typer.Option("--weekend", help="Hari libur akhir pekan, berkoma, mis. sabtu,minggu (atau sat,sun).")] = None,
    cuti_bersama: Annotated[str | None, choice_option(CUTI_BERSAMA, "--cuti-bersama", text="Cuti bersama (default libur)")] = None,
    template: Annotated[list[str] | None, typer.Option("--template", help="JENIS=TEMPLAT nomor, mis. request={seq:03d}/PPID/{office}/{month_roman}/{year}.")] = None,
    role: Annotated[list[str] | None, typer.Option("--role", help="PERAN=JABATAN, mis. atasan-ppid='Sekretaris KPU Kabupaten Kupang' (atau ppid_superior=…).")] = None,
    rule: Annotated[list[str] | None, typer.Option("--rule", help="PROFIL.JENIS=HARI, mis. pemilu.objection_window=5.")] = None,
    officer: Annotated[str | None, typer.Option("--officer", help="Nama petugas default di meja ini.")] = None,
    place: Annotated[str | None, typer.Option("--place", help="Kota pada baris tanggal surat dan register, mis. Kupang (default: dari nama kantor).")] = None,
    signer: Annotated[list[str] | None, typer.Option("--signer", help="PERAN=NAMA pejabat penanda tangan, mis. ppid='Yohanes Tefa'.")] = None,
    nip: Annotated[list[str] | None, typer.Option("--nip", help="PERAN=NIP (18 angka) pejabat penanda tangan, mis. ppid=198001012005011001.")] = None,
) -> None:
    """Atur profil kantor (sekali; dapat diulang untuk mengubah).

    Contoh: kpudesk init --office "KPU Kabupaten Kupang" --code KPU-KAB.KPG --tz WITA
    """
    from kpudesk.services.office import OfficeInput, save_office

    if is_interactive():
        office = office or typer.prompt("Nama kantor", default="", show_default=False) or None
        code = code or typer.prompt("Kode kantor", default="", show_default=False) or None
        tz = tz or typer.prompt("Zona waktu (WIB/WITA/WIT)", default="WIB")
    given = OfficeInput(office, code, tz, hours, weekend, cuti_bersama, officer,
                        _pairs(template, "--template", "request={seq:03d}/PPID/{office}/{month_roman}/{year}"),
                        _pairs(role, "--role", "ppid=PPID"), _pairs(rule, "--rule", "publik.notice=10"),
                        break_hours=break_hours, place=place,
                        signers=_pairs(signer, "--signer", "ppid='Yohanes Tefa'"),
                        nips=_pairs(nip, "--nip", "ppid=198001012005011001"))
    with open_desk(write=True, officer=officer, require_office=False, create=True) as desk:
        changed, moved = save_office(desk, given)
        profile = desk.profile
    say(f"Kantor: {profile.name} ({profile.code}), zona {profile.zone_label}; {len(changed)} pengaturan diubah.")
    if moved:
        report_moves(moved, as_json=False)


# Where a setting came from, in words (JSON keeps the codes).
SOURCE_WORDS = {"flag": "opsi perintah", "env": "variabel lingkungan", "file": "berkas konfigurasi",
                "database": "basis data kantor", "default": "bawaan"}


def show_config(as_json: JsonOption = False) -> None:
    """Tampilkan setiap pengaturan dan asalnya (flag, env, berkas, basis data, default)."""
    from kpudesk.config import config_file_path, resolve_db_path, resolve_officer
    from kpudesk.location import redact
    from kpudesk.services.office import settings_with_sources

    db = resolve_db_path(STATE.db)
    config_source = "env" if os.environ.get("KPUDESK_CONFIG") else "default"
    rows = [("db", redact(db.value), db.source), ("config_file", str(config_file_path()), config_source)]
    with open_desk(require_office=False) as desk:
        office_rows = settings_with_sources(desk.session)
        stored_officer = desk.profile.get("office.officer")
    officer = resolve_officer(None, stored_officer)
    rows += [("officer", officer.value, officer.source)] + office_rows
    if as_json:
        print_json([{"key": k, "value": v, "source": s} for k, v, s in rows])
        return
    print_table(None, ["Pengaturan", "Nilai", "Asal"], [(k, v, SOURCE_WORDS.get(s, s)) for k, v, s in rows])


def install(app: typer.Typer) -> None:
    app.command("init")(init)
    app.command("config")(show_config)
