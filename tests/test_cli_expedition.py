"""`kpudesk expedition add | receive | list`: the expedition book and its receipts (tanda terima)."""

import json

from tests.conftest import request_args

CASE = "001/PPID/KPU-KAB.KPG/III/2026"
FIRST = "001/EKS/KPU-KAB.KPG/III/2026"


def _register(run) -> None:
    res = run(*request_args(received="2026-03-16 09:00"))
    assert res.exit_code == 0, res.stderr


def _send(run, *args: str) -> dict:
    res = run("expedition", "add", *args, "--json")
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)


def test_add_prints_the_number_and_links_the_case(office):
    _register(office)
    res = office("expedition", "add", "--document", "Surat balasan dan salinan SK DPT", "--to", "Maria Bria",
                 "--case", CASE, "--courier", "Yohanes Tefa", "--sent", "2026-03-25 11:00", "--officer", "Yuliana")
    assert res.exit_code == 0, res.stderr
    assert res.stdout == FIRST + "\n"
    assert "Surat balasan dan salinan SK DPT → Maria Bria (Rabu, 25 Maret 2026 11.00 WITA)" in res.stderr
    story = json.loads(office("show", CASE, "--json").stdout)
    assert story["expedition"] == [{
        "number": FIRST, "sent_at": "2026-03-25T11:00", "document": "Surat balasan dan salinan SK DPT",
        "addressee": "Maria Bria", "case": CASE, "courier": "Yohanes Tefa", "received_by": "", "received_at": None,
        "officer": "Yuliana", "open": True,
    }]
    sent = [e for e in story["events"] if e["action"] == "expedition_sent"]
    assert [(e["officer"], e["detail"]["number"]) for e in sent] == [("Yuliana", FIRST)]


def test_numbers_follow_month_and_restart_each_year(office):
    numbers = [_send(office, "--document", "Undangan rakor", "--to", "Bawaslu", "--sent", sent)["number"]
               for sent in ("2025-12-30 09:00", "2026-03-02 09:00", "2026-04-06 09:00")]
    assert numbers == ["001/EKS/KPU-KAB.KPG/XII/2025", "001/EKS/KPU-KAB.KPG/III/2026", "002/EKS/KPU-KAB.KPG/IV/2026"]


def test_receive_stamps_the_receipt_once(office):
    _register(office)
    _send(office, "--document", "Surat balasan", "--to", "Maria Bria", "--case", CASE, "--sent", "2026-03-25 11:00")
    res = office("expedition", "receive", FIRST, "--by", "Maria Bria", "--at", "2026-03-25 14:30", "--officer", "Yuliana")
    assert res.exit_code == 0, res.stderr
    assert "diterima oleh Maria Bria pada Rabu, 25 Maret 2026 14.30" in res.stderr
    story = json.loads(office("show", CASE, "--json").stdout)
    entry = story["expedition"][0]
    assert (entry["received_by"], entry["received_at"], entry["open"]) == ("Maria Bria", "2026-03-25T14:30", False)
    received = [e for e in story["events"] if e["action"] == "expedition_received"]
    assert [(e["officer"], e["detail"]["received_by"], e["detail"]["at"]) for e in received] == [
        ("Yuliana", "Maria Bria", "2026-03-25T14:30")]
    # The second receipt is refused and changes nothing.
    again = office("expedition", "receive", FIRST.lower(), "--by", "Orang Lain", "--at", "2026-03-26 09:00")
    assert again.exit_code == 1
    assert "sudah diterima oleh Maria Bria pada Rabu, 25 Maret 2026 14.30" in again.stderr
    assert json.loads(office("show", CASE, "--json").stdout) == story


def test_list_open_year_and_csv(office):
    _send(office, "--document", "Laporan rakor", "--to", "KPU Provinsi NTT", "--courier", "Yohanes",
          "--sent", "2025-12-30 09:00")
    _send(office, "--document", "Undangan", "--to", "Bawaslu", "--sent", "2026-03-02 09:00")
    _send(office, "--document", "Data baku", "--to", "Partai X", "--sent", "2026-03-03 10:00")
    assert office("expedition", "receive", "001/EKS/KPU-KAB.KPG/III/2026", "--by", "Staf Bawaslu",
                  "--at", "2026-03-02 13:00").exit_code == 0
    every = json.loads(office("expedition", "list", "--json").stdout)
    assert [e["number"] for e in every] == [
        "001/EKS/KPU-KAB.KPG/XII/2025", "001/EKS/KPU-KAB.KPG/III/2026", "002/EKS/KPU-KAB.KPG/III/2026"]
    still_open = json.loads(office("expedition", "list", "--open", "--year", "2026", "--json").stdout)
    assert [(e["number"], e["addressee"]) for e in still_open] == [("002/EKS/KPU-KAB.KPG/III/2026", "Partai X")]
    csv = office("expedition", "list", "--year", "2025", "--csv").stdout.splitlines()
    assert csv == ["number,sent_at,document,addressee,case,courier,received_by,received_at,officer",
                   "001/EKS/KPU-KAB.KPG/XII/2025,2025-12-30T09:00,Laporan rakor,KPU Provinsi NTT,,Yohanes,,,Petugas Uji"]
    table = office("expedition", "list", "--year", "2026").stdout
    assert "Staf Bawaslu" in table and "Senin, 2 Maret 2026 13.00" in table


def test_delivery_lands_in_the_book(office):
    _register(office)
    assert office("decide", CASE, "--decision", "granted", "--at", "2026-03-25 10:00").exit_code == 0
    res = office("deliver", CASE, "--received-by", "Maria Bria", "--at", "2026-03-26 10:00", "--json")
    assert res.exit_code == 0, res.stderr
    number = json.loads(res.stdout)["expedition"]
    entries = json.loads(office("expedition", "list", "--json").stdout)
    assert [(e["number"], e["case"], e["received_by"], e["received_at"], e["open"]) for e in entries] == [
        (number, CASE, "Maria Bria", "2026-03-26T10:00", False)]
    assert office("expedition", "list", "--open", "--json").stdout.strip() == "[]"
    again = office("expedition", "receive", number, "--by", "Maria Bria")
    assert again.exit_code == 1 and "tanda terima hanya dicatat sekali" in again.stderr


def test_receipt_before_sending_is_bad_input(office):
    _send(office, "--document", "Undangan", "--to", "Bawaslu", "--sent", "2026-03-02 09:00")
    res = office("expedition", "receive", FIRST, "--by", "Staf", "--at", "2026-03-02 08:59")
    assert res.exit_code == 2
    assert "Waktu diterima Senin, 2 Maret 2026 08.59 WITA lebih awal dari waktu kirim (Senin, 2 Maret 2026 09.00 WITA)" in res.stderr
    assert json.loads(office("expedition", "list", "--json").stdout)[0]["open"] is True


def test_unknown_number_and_unknown_case(office, store_db):
    res = office("expedition", "receive", "009/EKS/KPU-KAB.KPG/III/2026", "--by", "Staf")
    assert res.exit_code == 3
    assert "Tidak ada entri buku ekspedisi dengan nomor '009/EKS/KPU-KAB.KPG/III/2026'" in res.stderr
    res = office("expedition", "add", "--document", "Surat", "--to", "X", "--case", CASE)
    assert res.exit_code == 3
    assert f"Tidak ada perkara dengan nomor '{CASE}'" in res.stderr
    assert store_db.count("expedition") == 0


def test_bad_input_writes_nothing(office, store_db):
    future = office("expedition", "add", "--document", "Surat", "--to", "X", "--sent", "2099-01-01 09:00")
    assert future.exit_code == 2 and "ada di masa depan" in future.stderr
    blank = office("expedition", "add", "--document", " ", "--to", "X", "--sent", "2026-03-02 09:00")
    assert blank.exit_code == 2 and "Dokumen wajib diisi" in blank.stderr
    missing = office("expedition", "add", "--document", "Surat")
    assert missing.exit_code == 2 and "--to" in missing.stderr
    assert store_db.count("expedition") == 0
    # A failed attempt does not use up a number.
    assert _send(office, "--document", "Surat", "--to", "X", "--sent", "2026-03-02 09:00")["number"] == FIRST


def test_add_takes_at_as_the_sending_moment(office, store_db):
    entry = _send(office, "--document", "Undangan rakor", "--to", "Bawaslu", "--at", "2026-03-25 11:00")
    assert (entry["number"], entry["sent_at"]) == (FIRST, "2026-03-25T11:00")
    future = office("expedition", "add", "--document", "Surat", "--to", "Bawaslu", "--at", "2099-01-05 10:00")
    assert future.exit_code == 2 and "masa depan" in future.stderr
    assert store_db.count("expedition") == 1
