"""`kpudesk init` and `kpudesk config`: the office profile, validated, shared through the database."""

import json

import pytest

from tests.conftest import OFFICE_ARGS, request_args


def _config(run) -> dict[str, dict[str, str]]:
    return {r["key"]: r for r in json.loads(run("config", "--json").stdout)}


def test_init_stores_every_flag(run, monkeypatch):
    monkeypatch.delenv("KPUDESK_OFFICER")
    res = run(*OFFICE_ARGS[:-2], "--tz", "Asia/Jayapura", "--hours", "07:30-15:30", "--weekend", "sun",
              "--cuti-bersama", "working", "--template", "objection=KEB-{year}-{seq}",
              "--role", "ppid_superior=Sekretaris KPU Kabupaten Kupang", "--rule", "pemilu.objection_window=5",
              "--officer", "Yohanes Tefa")
    assert res.exit_code == 0, res.stderr
    assert "zona WIT" in res.stderr
    cfg = _config(run)
    assert cfg["office.tz"]["value"] == "Asia/Jayapura"
    assert cfg["office.hours"]["value"] == "07:30-15:30"
    assert cfg["office.weekend"]["value"] == "sun"
    assert cfg["office.cuti_bersama"]["value"] == "working"
    assert cfg["template.objection"]["value"] == "KEB-{year}-{seq}"
    assert cfg["role.ppid_superior"] == {"key": "role.ppid_superior", "value": "Sekretaris KPU Kabupaten Kupang", "source": "database"}
    assert cfg["rule.pemilu.objection_window"]["value"] == "5"
    assert cfg["officer"] == {"key": "officer", "value": "Yohanes Tefa", "source": "database"}


def _signatories(*roles: str) -> tuple[str, list]:
    from datetime import date

    from kpudesk.cli.common import open_desk
    from kpudesk.services.signatures import place_and_date, signatory

    with open_desk() as desk:
        return place_and_date(desk, date(2026, 12, 7)), [signatory(desk, role) for role in roles]


@pytest.mark.parametrize(("name", "line"), [
    ("KPU Kabupaten Kupang", "Kupang, 7 Desember 2026"),
    ("Komisi Pemilihan Umum Kota Kupang", "Kupang, 7 Desember 2026"),
    ("KPU Provinsi Nusa Tenggara Timur", "Nusa Tenggara Timur, 7 Desember 2026"),
    ("KPU RI", "Jakarta, 7 Desember 2026"),
])
def test_place_comes_from_the_office_name_until_set(run, name, line):
    assert run("init", "--office", name, "--code", "KPU-X", "--tz", "WIB").exit_code == 0
    assert _signatories()[0] == line
    assert run("init", "--place", "Oelamasi").exit_code == 0
    assert _signatories()[0] == "Oelamasi, 7 Desember 2026"


def test_signatories_are_stored_and_read_back(office):
    res = office("init", "--role", "atasan-ppid=Sekretaris KPU Kabupaten Kupang", "--signer", "atasan-ppid=Dra. Ana Nenobais",
                 "--nip", "ppid_superior=1975 0505 200003 2 001", "--signer", "ppid=Yohanes Tefa, S.H.")
    assert res.exit_code == 0, res.stderr
    _, (superior, ppid, chair) = _signatories("ppid_superior", "ppid", "chair")
    assert (superior.title, superior.name, superior.nip) == ("Sekretaris KPU Kabupaten Kupang", "Dra. Ana Nenobais",
                                                             "197505052000032001")
    assert (ppid.title, ppid.name, ppid.nip) == ("PPID", "Yohanes Tefa, S.H.", "")
    assert (chair.title, chair.name) == ("Ketua", "")
    assert office("init", "--nip", "ppid_superior=-").exit_code == 0  # '-' clears it
    assert _signatories("ppid_superior")[1][0].nip == ""


def test_officer_from_environment_is_recorded_on_events(office, monkeypatch):
    monkeypatch.setenv("KPUDESK_OFFICER", "Ebed Nubatonis")
    number = json.loads(office(*request_args(received="2026-03-16 09:00"), "--json").stdout)["number"]
    assert json.loads(office("show", number, "--json").stdout)["events"][0]["officer"] == "Ebed Nubatonis"
    number = json.loads(office(*request_args(received="2026-03-16 09:00"), "--officer", "Sarlota Bani", "--json").stdout)["number"]
    shown = json.loads(office("show", number, "--json").stdout)
    assert (shown["officer"], shown["events"][0]["officer"]) == ("Sarlota Bani", "Sarlota Bani")


def test_no_officer_anywhere_refuses_a_change_and_stores_nothing(office, monkeypatch):
    monkeypatch.delenv("KPUDESK_OFFICER")
    res = office(*request_args(received="2026-03-16 09:00"))
    assert res.exit_code == 2 and res.stdout == ""
    assert res.stderr == "kpudesk: Petugas yang mencatat belum diketahui; beri --officer NAMA atau atur KPUDESK_OFFICER.\n"
    assert json.loads(office("list", "--json").stdout) == []  # reading needs no officer


def test_at_a_terminal_the_officer_is_asked_for(office, monkeypatch):
    monkeypatch.delenv("KPUDESK_OFFICER")
    monkeypatch.setattr("kpudesk.cli.common.is_interactive", lambda: True)  # a person at the keyboard
    res = office(*request_args(received="2026-03-16 09:00"), "--json", input="Sarlota Bani\n")
    assert res.exit_code == 0, res.stderr
    assert res.stderr == "Nama petugas yang mencatat:"  # the question is talk (stderr), never data
    # The test runner echoes typed input to stdout as a terminal would show it; the JSON follows.
    echoed, _, data = res.stdout.partition("\n")
    assert echoed.strip() == "Sarlota Bani"
    number = json.loads(data)["number"]
    assert [e["officer"] for e in json.loads(office("show", number, "--json").stdout)["events"]] == ["Sarlota Bani"]


def test_office_default_officer_records_when_no_other_is_given(run, monkeypatch):
    monkeypatch.delenv("KPUDESK_OFFICER")
    assert run(*OFFICE_ARGS, "--officer", "Yuliana Tefa").exit_code == 0
    number = json.loads(run(*request_args(received="2026-03-16 09:00"), "--json").stdout)["number"]
    events = json.loads(run("show", number, "--json").stdout)["events"]
    assert [e["officer"] for e in events] == ["Yuliana Tefa"]


def test_roles_and_weekend_are_typed_in_indonesian(office):
    res = office("init", "--role", "atasan-ppid=Sekretaris KPU Kabupaten Kupang", "--weekend", "Jumat,Sabtu")
    assert res.exit_code == 0, res.stderr
    cfg = _config(office)
    assert cfg["role.ppid_superior"]["value"] == "Sekretaris KPU Kabupaten Kupang"
    assert cfg["office.weekend"]["value"] == "fri,sat"


def test_saturday_workweek_and_cuti_bersama_setting_change_deadlines(office):
    number = json.loads(office(*request_args(received="2026-03-16 09:00"), "--json").stdout)["number"]
    # Cuti bersama counted as working days: DOMAIN.md §2 gives 2026-03-31; open deadlines are recomputed.
    assert office("init", "--cuti-bersama", "working").exit_code == 0
    assert json.loads(office("show", number, "--json").stdout)["deadlines"][0]["due"] == "2026-03-31"
    assert office("init", "--cuti-bersama", "non-working").exit_code == 0
    assert json.loads(office("show", number, "--json").stdout)["deadlines"][0]["due"] == "2026-04-07"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--tz", "GMT+8"], "Zona waktu 'GMT+8' tidak dikenal"),
        (["--hours", "16:00-08:00"], "Jam tutup harus setelah jam buka"),
        (["--hours", "pagi"], "HH:MM-HH:MM"),
        (["--weekend", "sabtu;minggu"], "sabtu;minggu tidak dikenal"),
        (["--cuti-bersama", "maybe"], "libur, kerja (atau non-working, working)"),
        (["--template", "request=PPID/{office}"], "harus memuat {seq} dan {year}"),
        (["--template", "request={seq}/{tahun}"], "harus memuat {seq} dan {year}"),
        (["--template", "surat={seq}/{year}"], "Jenis 'surat' tidak dikenal"),
        (["--template", "request"], "KUNCI=NILAI"),
        (["--role", "bupati=Bupati"], "Peran 'bupati' tidak dikenal"),
        (["--signer", "bupati=Ana"], "Peran 'bupati' tidak dikenal (--signer)"),
        (["--signer", "ppid= "], "KUNCI=NILAI"),
        (["--nip", "ppid=1980"], "NIP '1980' tidak valid; NIP terdiri atas 18 angka"),
        (["--nip", "ppid=19800101200501100١"], "NIP terdiri atas 18 angka"),  # an Arabic-Indic digit
        (["--place", " "], "Tempat (kota) kantor"),
        (["--rule", "publik.notice=0"], "bilangan bulat 1–365"),
        (["--rule", "publik.banding=5"], "Aturan 'publik.banding' tidak dikenal"),
        (["--code", "KPU KAB"], "tidak boleh memuat spasi"),
        (["--break", "siang"], "Jam istirahat 'siang' tidak valid; gunakan HH:MM-HH:MM, misalnya 12:00-13:00, atau none"),
        (["--break", "07:00-08:30"], "jam istirahat 07:00-08:30 harus di dalam jam kerja 08:00-16:00"),
        (["--break", "13:00-12:00"], "harus di dalam jam kerja"),
        # the default break 12:00-13:00 does not fit afternoon hours: the officer is told what to do
        (["--hours", "13:00-20:00"], "kpudesk init --break HH:MM-HH:MM (atau --break none)"),
    ],
)
def test_init_bad_input_is_exit_2_and_changes_nothing(office, args, message):
    before = _config(office)
    res = office("init", *args)
    assert res.exit_code == 2
    assert message in res.stderr and len(res.stderr.strip().splitlines()) == 1
    assert _config(office) == before


def test_missing_fields_are_asked_for_at_a_terminal(office, monkeypatch):
    monkeypatch.setattr("kpudesk.cli.register.is_interactive", lambda: True)
    res = office("register", "request", "--name", "Maria Bria", "--id-number", "5301014501900001",
                 "--received", "2026-03-16 09:00", "--json",
                 input="Oelamasi\nSalinan SK DPT\nPenelitian\n081234567890\n")
    assert res.exit_code == 0, res.stderr
    number = json.loads(res.stdout[res.stdout.index("{"):])["number"]  # prompts precede the JSON
    shown = json.loads(office("show", number, "--json", "--unmask").stdout)
    assert shown["request"]["address"] == "Oelamasi" and shown["request"]["phone"] == "081234567890"


def test_hours_change_keeps_day0_of_past_receipts_and_weekend_change_reports_moves(office):
    # Received Mon 2026-03-16 17:39, after 16:00 closing: day 0 Tue 03-17 → due 04-08.
    number = json.loads(office(*request_args(received="2026-03-16 17:39"), "--json").stdout)["number"]
    res = office("init", "--hours", "08:00-18:00")
    assert res.exit_code == 0 and res.stdout == ""
    shown = json.loads(office("show", number, "--json").stdout)
    assert (shown["day0"], shown["deadlines"][0]["due"]) == ("2026-03-17", "2026-04-08")
    # A six-day week (only Sunday off) does move it, day 0 staying Tue 03-17: 03-18..03-24 are
    # holidays/cuti (Sat 21 is Idul Fitri); 25, 26, 27, 28 (Sat), 30, 31, 04-01, 02, (03 Wafat Yesus),
    # 04 (Sat), 06 → Mon 2026-04-06.
    res = office("init", "--weekend", "sun")
    assert res.exit_code == 0, res.stderr
    assert "Rabu, 8 April 2026" in res.stdout and "Senin, 6 April 2026" in res.stdout  # the table of moved deadlines
    assert json.loads(office("show", number, "--json").stdout)["deadlines"][0]["due"] == "2026-04-06"


def test_break_setting_default_stored_and_none(office):
    assert _config(office)["office.break"] == {"key": "office.break", "value": "12:00-13:00", "source": "default"}
    assert office("init", "--break", "12.30-13.30").exit_code == 0
    assert _config(office)["office.break"] == {"key": "office.break", "value": "12:30-13:30", "source": "database"}
    assert office("init", "--break", "NONE").exit_code == 0
    assert _config(office)["office.break"]["value"] == "none"
    # with no break, afternoon hours are fine
    res = office("init", "--hours", "13:00-20:00")
    assert res.exit_code == 0, res.stderr
    assert _config(office)["office.hours"]["value"] == "13:00-20:00"


def test_hours_and_break_changed_together(office):
    res = office("init", "--hours", "13:00-20:00", "--break", "17:00-17:30")
    assert res.exit_code == 0, res.stderr
    cfg = _config(office)
    assert (cfg["office.hours"]["value"], cfg["office.break"]["value"]) == ("13:00-20:00", "17:00-17:30")
