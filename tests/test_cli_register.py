"""`kpudesk register request`, `show`, `list`, `init`: real values, and bad input refused cleanly."""

import json

import pytest

from tests.conftest import OFFICE_ARGS, request_args


def test_register_prints_number_time_and_deadline_in_indonesian(office):
    res = office(*request_args(received="2026-03-16 09:00"))
    assert res.exit_code == 0, res.stderr
    assert "001/PPID/KPU-KAB.KPG/III/2026" in res.stdout
    assert "Senin, 16 Maret 2026 09.00 WITA" in res.stdout
    assert "Selasa, 7 April 2026" in res.stdout  # DOMAIN.md §2: 16 Mar 2026 + 10 HK
    assert "10 hari kerja (UU 14/2008 Pasal 22 ayat (7))" in res.stdout


@pytest.mark.parametrize(
    ("received", "election", "day0", "due", "profile"),
    [
        ("2025-03-26 10:00", False, "2025-03-26", "2025-04-21", "publik"),  # DOMAIN.md §2
        ("2024-02-07 08:00", False, "2024-02-07", "2024-02-26", "publik"),  # DOMAIN.md §2
        # After closing (16:00) on Wed 2024-02-07: day 0 is Thu 02-08? No: 02-08 Isra Mikraj, 02-09 cuti
        # bersama Imlek, 02-10/11 weekend → day 0 Mon 02-12; +10 HK skips Wed 02-14 (Pemilu): 13,15,16,19,
        # 20,21,22,23,26,27 → 2024-02-27.
        ("2024-02-07 16:00", False, "2024-02-12", "2024-02-27", "publik"),
        # Election information, 3 HK: Mon 2024-11-25 → 26, (27 Pilkada skipped) 28, 29 → 2024-11-29.
        ("2024-11-25 09:00", True, "2024-11-25", "2024-11-29", "pemilu"),
        # Saturday receipt: day 0 Mon 2026-11-23; +3 HK → Thu 2026-11-26.
        ("2026-11-21 10:00", True, "2026-11-23", "2026-11-26", "pemilu"),
    ],
)
def test_register_json_day0_and_due(office, received, election, day0, due, profile):
    res = office(*request_args(received=received, election=True if election else None), "--json")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert (data["day0"], data["due"], data["profile"], data["kind"]) == (day0, due, profile, "request")
    assert data["received_at"] == received.replace(" ", "T")


def test_numbers_restart_each_year_and_follow_the_month(office):
    first = json.loads(office(*request_args(received="2025-12-31 09:00"), "--json").stdout)["number"]
    second = json.loads(office(*request_args(received="2026-01-05 09:00"), "--json").stdout)["number"]
    third = json.loads(office(*request_args(received="2026-02-02 09:00"), "--json").stdout)["number"]
    assert (first, second, third) == (
        "001/PPID/KPU-KAB.KPG/XII/2025", "001/PPID/KPU-KAB.KPG/I/2026", "002/PPID/KPU-KAB.KPG/II/2026")


def test_custom_template_is_used(run):
    assert run(*OFFICE_ARGS, "--template", "request=PPID-{year}-{seq:04d}").exit_code == 0
    data = json.loads(run(*request_args(received="2026-03-16 09:00"), "--json").stdout)
    assert data["number"] == "PPID-2026-0001"


BAD_INPUT = [
    ({"id_number": "12345"}, "NIK harus 16 angka"),
    ({"id_number": "53010145019000011"}, "NIK harus 16 angka"),
    ({"email": "bukan-email", "phone": None}, "E-mail 'bukan-email' tidak valid"),
    ({"phone": "12ab"}, "Nomor telepon '12ab' tidak valid"),
    ({"received": "16-03-2026"}, "gunakan 'YYYY-MM-DD HH:MM'"),
    ({"received": "2026-02-30 09:00"}, "tidak valid"),
    ({"received": "2099-01-01 09:00"}, "masa depan"),
    ({"channel": "merpati"}, "Cara permohonan 'merpati' tidak dikenal"),
    ({"id_type": "kartu"}, "Jenis identitas 'kartu' tidak dikenal"),
    ({"name": "   "}, "--name"),
    ({"info": "x" * 4001}, "paling banyak 4000 karakter"),
    ({"name": "Maria\x07Bria"}, "karakter kendali"),
    ({"name": "Maria\u202eairB"}, "karakter tak terlihat"),
    ({"name": "Maria\u200bBria"}, "karakter tak terlihat"),
    ({"id_number": "-5301014501900001"}, "NIK harus 16 angka"),
    ({"id_number": None}, "Kolom wajib belum diisi: --id-number."),
    ({"info": None, "purpose": None, "phone": None}, "--info, --purpose, --phone"),
]


@pytest.mark.parametrize(("overrides", "message"), BAD_INPUT, ids=[m for _, m in BAD_INPUT])
def test_bad_input_is_one_line_exit_2_and_writes_nothing(office, store_db, overrides, message):
    res = office(*request_args(**overrides))
    assert res.exit_code == 2
    assert message in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1 and res.stderr.startswith("kpudesk: ")
    assert "Traceback" not in res.stderr and res.stdout == ""
    assert store_db.count("case") == 0


def test_unknown_option_is_one_line_exit_2(office):
    res = office("register", "request", "--nama", "X")
    assert res.exit_code == 2
    assert "--nama" in res.stderr and len(res.stderr.strip().splitlines()) == 1


def test_odd_unicode_is_kept_normalised(office):
    name = "Yohana Ndu\u0301k"  # combining acute accent → NFC 'ú'
    res = office(*request_args(name=name, info="Data pemilih 🗳️ Kec. Amarasi — “salinan”"), "--json")
    assert res.exit_code == 0, res.stderr
    shown = json.loads(office("show", json.loads(res.stdout)["number"], "--json").stdout)
    assert shown["request"]["name"] == "Yohana Ndúk"
    assert shown["request"]["info"] == "Data pemilih 🗳️ Kec. Amarasi — “salinan”"


def test_a_store_not_set_up_is_exit_4_like_a_missing_one(run):
    res = run("init", "--office", "X")  # code missing: nothing stored
    assert res.exit_code == 2 and "--code" in res.stderr
    res = run(*request_args())
    assert res.exit_code == 4 and "kpudesk init" in res.stderr
    # `overdue` on an empty file is not "late" (exit 1 with --exit-code): monitoring tells them apart.
    res = run("overdue", "--exit-code")
    assert res.exit_code == 4
    assert res.stderr == ("kpudesk: Kantor belum diatur; jalankan dahulu: kpudesk init --office NAMA "
                          "--code KODE --tz WITA.\n")


def test_show_masks_personal_data_unless_asked(office):
    number = json.loads(office(*request_args(received="2026-03-16 09:00"), "--json").stdout)["number"]
    masked = json.loads(office("show", number, "--json").stdout)
    assert masked["request"]["id_number"] == "5301********0001"
    assert masked["request"]["phone"] == "0812****7890"
    full = json.loads(office("show", number, "--json", "--unmask").stdout)
    assert full["request"]["id_number"] == "5301014501900001"
    assert masked["deadlines"][0]["due"] == "2026-04-07" and masked["deadlines"][0]["kind"] == "notice"
    assert [e["action"] for e in masked["events"]] == ["registered"]


def test_show_unknown_number_is_exit_3(office):
    res = office("show", "999/PPID/X/I/2026")
    assert res.exit_code == 3 and "999/PPID/X/I/2026" in res.stderr


def test_list_filters_and_formats(office):
    office(*request_args(received="2025-06-02 09:00", name="Agustinus Nope"))
    office(*request_args(received="2026-03-16 09:00", name="Maria Bria", info="Rekap suara Kecamatan Fatuleu"))
    office(*request_args(received="2026-03-17 09:00", name="Daniel Lasi", election=True))
    rows = json.loads(office("list", "--json").stdout)
    assert [r["name"] for r in rows] == ["Daniel Lasi", "Maria Bria", "Agustinus Nope"]
    assert rows[0]["phone"] == "0812****7890"
    assert [r["name"] for r in json.loads(office("list", "--year", "2025", "--json").stdout)] == ["Agustinus Nope"]
    assert [r["name"] for r in json.loads(office("list", "--search", "fatuleu", "--json").stdout)] == ["Maria Bria"]
    assert len(json.loads(office("list", "--limit", "1", "--json").stdout)) == 1
    csv_out = office("list", "--csv").stdout.splitlines()
    assert csv_out[0] == "number,kind,status,profile,received_at,name,phone,info,next_due,overdue"
    assert len(csv_out) == 4
    assert office("list", "--status", "bogus").exit_code == 2
    # Choices are typed in Indonesian or English, any case.
    in_words = json.loads(office("list", "--status", "Terdaftar", "--kind", "permohonan", "--json").stdout)
    assert in_words == json.loads(office("list", "--status", "registered", "--kind", "request", "--json").stdout)
    assert len(in_words) == 3
    assert office("list", "--limit", "-1").exit_code == 2


def test_list_never_cuts_silently(office):
    for day in range(1, 102):  # 101 requests: one more than a screen shows by default
        assert office(*request_args(received=f"2026-01-{day % 28 + 1:02d} 09:00")).exit_code == 0
    table = office("list")
    assert table.stderr == "kpudesk: 100 dari 101 perkara ditampilkan; --limit 0 untuk semua.\n".removeprefix("kpudesk: ")
    assert table.stdout.count("/PPID/") == 100
    assert len(office("list", "--limit", "0").stdout.split("/PPID/")) - 1 == 101
    assert len(office("list", "--csv").stdout.splitlines()) == 102  # header + every row
    assert len(json.loads(office("list", "--json").stdout)) == 101
    limited = office("list", "--json", "--limit", "5")
    assert len(json.loads(limited.stdout)) == 5
    assert limited.stderr == "5 dari 101 perkara ditampilkan; --limit 0 untuk semua.\n"
    assert office("list", "--year", "2025").stderr == "0 perkara.\n"


def test_nik_typed_in_groups_is_stored_as_sixteen_digits(office):
    res = office(*request_args(id_number="5301 0145.0190-0001", phone="0812-3456-7890"), "--json")
    assert res.exit_code == 0, res.stderr
    shown = json.loads(office("show", json.loads(res.stdout)["number"], "--json", "--unmask").stdout)
    assert (shown["request"]["id_number"], shown["request"]["phone"]) == ("5301014501900001", "081234567890")
