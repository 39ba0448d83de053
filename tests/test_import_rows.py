"""Reading the cells of an old register: headers, dates, decisions, costs (pure, no store)."""

from datetime import date, datetime, time

import pytest

from kpudesk.models import RequestDetail
from kpudesk.services.import_rows import RowProblem, cost_of, day_of, decision_of, field_of, moment_of

OPENING = time(8, 30)


@pytest.mark.parametrize(("title", "field"), [
    ("No", "no"), ("NO.", "no"), ("Tanggal", "tanggal"), ("Tgl. Masuk", "tanggal"), ("Nama / Nama", "nama"),
    ("Nama / Nomor Identitas", "nomor_identitas"), ("NIK", "nomor_identitas"), ("Alamat Rumah", "alamat"),
    ("Nomor Kontak / Telepon", "telepon"), ("Nomor Kontak / E-mail", "email"), ("No. HP", "telepon"),
    ("Informasi yang Diminta", "informasi"), ("Tujuan Penggunaan Informasi", "tujuan"),
    ("Status Informasi / Di bawah penguasaan: Ya", None), ("Bentuk Informasi yang Dikuasai / Softcopy", "softcopy"),
    ("Jenis Permohonan / Melihat/ Mengetahui", "melihat"), ("Jenis Permohonan / Meminta Salinan", "salinan"),
    ("Keputusan", "keputusan"), ("Alasan Penolakan", "alasan_penolakan"),
    ("Hari dan Tanggal / Pemberitahuan Tertulis", "tanggal_pemberitahuan"),
    ("Hari dan Tanggal / Pemberian Informasi", "tanggal_pemberian"), ("Biaya dan Cara Pembayaran", "biaya"),
    ("Nomor Pendaftaran", "nomor_pendaftaran"), ("No. Registrasi", "nomor_pendaftaran"), ("Keterangan", None),
])
def test_headers_matched_loosely(title, field):
    assert field_of(title) == field


@pytest.mark.parametrize(("value", "expected"), [
    (datetime(2026, 3, 16, 0, 0), date(2026, 3, 16)),
    (date(2026, 3, 16), date(2026, 3, 16)),
    (46097, date(2026, 3, 16)),  # a date cell that lost its format: Excel's day number
    ("16/03/2026", date(2026, 3, 16)),
    ("2026-03-16", date(2026, 3, 16)),
    ("16-03-2026", date(2026, 3, 16)),
    ("Senin, 16 Maret 2026", date(2026, 3, 16)),
    ("16 maret 2026", date(2026, 3, 16)),
    (None, None), ("", None),
])
def test_dates_typed_many_ways(value, expected):
    assert day_of(value, "Tanggal") == expected


@pytest.mark.parametrize("value", ["31/02/2026", "16 Maretz 2026", "kemarin", 12])
def test_unreadable_dates_name_the_column(value):
    with pytest.raises(RowProblem, match="^Tanggal .* tidak dapat dibaca"):
        day_of(value, "Tanggal")


def test_a_moment_without_a_time_is_at_opening():
    assert moment_of("20/03/2026", "x", OPENING) == datetime(2026, 3, 20, 8, 30)
    assert moment_of("20/03/2026 14:05", "x", OPENING) == datetime(2026, 3, 20, 14, 5)
    assert moment_of(datetime(2026, 3, 20, 10, 15, 42), "x", OPENING) == datetime(2026, 3, 20, 10, 15)


@pytest.mark.parametrize(("text", "expected"), [
    ("Dipenuhi seluruhnya", ("granted", "", None, None)),
    ("Diberikan seluruhnya", ("granted", "", None, None)),
    ("Dipenuhi sebagian (Pasal 17 huruf h)", ("partial", "h", None, None)),
    ("Ditolak (Pasal 17 huruf a, h)", ("refused", "a,h", None, None)),
    ("Ditolak (Pasal 17 huruf c dan j)", ("refused", "c,j", None, None)),
    ("Tidak dikuasai", ("not-held", "", None, None)),
    ("Belum didokumentasikan (disediakan dalam 5 hari kerja)", ("not-documented", "", 5, None)),
    ("Dibatalkan: Tercatat ganda", (None, "", None, ("void", "Tercatat ganda"))),
    ("Dicabut pemohon", (None, "", None, ("withdrawn", None))),
    ("", (None, "", None, None)),
])
def test_decisions_read_back(text, expected):
    assert decision_of(text) == expected


def test_unknown_decision_lists_the_accepted_words():
    with pytest.raises(RowProblem, match="Keputusan 'Terserah' tidak dikenal; gunakan: Dipenuhi seluruhnya"):
        decision_of("Terserah")


def test_costs_read_back_from_the_register_text():
    detail = RequestDetail(case_id=0, name="x", info="y", purpose="z")
    cost_of(detail, "Rp 15.000 (penggandaan 10 hlm × Rp 500; pengiriman Rp 10.000; lain-lain Rp 2.500); tunai di loket")
    assert (detail.pages, detail.cost_per_page, detail.cost_delivery, detail.cost_other, detail.payment) == (
        10, 500, 10_000, 2_500, "tunai di loket")
    plain = RequestDetail(case_id=0, name="x", info="y", purpose="z")
    cost_of(plain, "Rp 7.500; transfer bank")
    assert (plain.cost_other, plain.payment, plain.pages) == (7_500, "transfer bank", 0)
    free = RequestDetail(case_id=0, name="x", info="y", purpose="z")
    cost_of(free, "Tanpa biaya")
    assert (free.cost_other, free.cost_delivery, free.payment) == (0, 0, "")
