"""Every fixed choice an officer types or reads, in one table each: stored code → Indonesian label,
and the words accepted when typed (Indonesian first, the English code too). Pure.

`Choices.parse` is the one place where a typed choice becomes a stored code, so `--decision ditolak`
and `--decision refused` are the same everywhere; `Choices.label` is how a code is shown to a person.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kpudesk.errors import InvalidInput


@dataclass(frozen=True)
class Choice:
    """One stored code, its label for people, and the words accepted for it (the first is shown in help)."""

    code: str
    label: str
    words: tuple[str, ...] = ()

    @property
    def word(self) -> str:
        """The Indonesian word to type for this choice (the code when it is already Indonesian)."""
        return self.words[0] if self.words else self.code


def _key(text: str) -> str:
    """'Tidak Dikuasai', 'tidak_dikuasai', 'tidak-dikuasai' → 'tidak-dikuasai'."""
    return re.sub(r"[\s_\-]+", "-", text.strip().lower())


class Choices:
    """A table of choices: parses what an officer types, labels what a person reads."""

    def __init__(self, what: str, *choices: Choice) -> None:
        self.what = what
        self.choices = choices
        self._by_key: dict[str, str] = {}
        for choice in choices:
            for text in (choice.code, *choice.words, choice.label):
                self._by_key.setdefault(_key(text), choice.code)

    def __iter__(self) -> Iterator[str]:
        return iter(c.code for c in self.choices)

    def __contains__(self, code: object) -> bool:
        return any(c.code == code for c in self.choices)

    @property
    def labels(self) -> dict[str, str]:
        """Code → label, for callers that need a mapping."""
        return {c.code: c.label for c in self.choices}

    def find(self, value: str | None) -> str | None:
        """The stored code for a typed word (Indonesian or English, any case), or None."""
        return self._by_key.get(_key(value or ""))

    def parse(self, value: str | None, what: str | None = None) -> str:
        """The stored code for a typed word (Indonesian or English, any case); InvalidInput otherwise."""
        code = self.find(value)
        if code is None:
            raise InvalidInput(f"{what or self.what} '{value}' tidak dikenal; pilih salah satu: {self.words()}.")
        return code

    def label(self, code: str | None) -> str:
        """The Indonesian label of a stored code ('' for none; an unknown code is shown as it is)."""
        for choice in self.choices:
            if choice.code == code:
                return choice.label
        return code or ""

    def words(self) -> str:
        """'diberikan, sebagian, … (atau granted, partial, …)': what to type, for messages."""
        codes = [c.code for c in self.choices if c.code != c.word]
        return ", ".join(c.word for c in self.choices) + (f" (atau {', '.join(codes)})" if codes else "")

    def help(self) -> str:
        """'diberikan | sebagian | … (atau kodenya: granted | partial | …)' for an option's help."""
        words = " | ".join(c.word for c in self.choices)
        codes = [c.code for c in self.choices if c.code != c.word]
        return words + (f" (juga diterima: {' | '.join(codes)})" if codes else "")

    def complete(self, incomplete: str) -> list[str]:
        """Shell completion: the Indonesian words that start with what was typed."""
        return [c.word for c in self.choices if c.word.startswith(incomplete.lower())]


def _c(code: str, label: str, *words: str) -> Choice:
    return Choice(code, label, words)


CASE_STATUSES = Choices(
    "Status",
    _c("registered", "Terdaftar", "terdaftar"),
    _c("in_progress", "Sedang diproses", "diproses", "sedang-diproses"),
    _c("extended", "Diperpanjang", "diperpanjang"),
    _c("decided", "Sudah diberitahukan", "diberitahukan", "diputuskan"),
    _c("closed", "Selesai", "selesai", "ditutup"),
    _c("answered", "Sudah ditanggapi", "ditanggapi"),
    _c("disputed", "Sengketa di Komisi Informasi", "sengketa"),
    _c("withdrawn", "Dicabut pemohon", "dicabut"),
    _c("void", "Dibatalkan (salah catat)", "dibatalkan", "batal"),
)

CASE_KINDS = Choices(
    "Jenis perkara",
    _c("request", "Permohonan informasi", "permohonan"),
    _c("objection", "Keberatan", "keberatan"),
    _c("exemption", "Uji konsekuensi", "uji-konsekuensi", "uji"),
)

REGISTERS = Choices(
    "Register",
    _c("request", "Register Permohonan Informasi Publik", "permohonan"),
    _c("objection", "Register Keberatan", "keberatan"),
    _c("expedition", "Buku Ekspedisi", "ekspedisi", "buku-ekspedisi"),
)

# The written notice, UU 14/2008 Pasal 22 ayat (7).
NOTICE_DECISIONS = Choices(
    "Keputusan",
    _c("granted", "Diberikan seluruhnya", "diberikan", "dipenuhi"),
    _c("partial", "Diberikan sebagian", "sebagian"),
    _c("refused", "Ditolak (dikecualikan)", "ditolak"),
    _c("not-held", "Tidak dikuasai", "tidak-dikuasai"),
    _c("not-documented", "Belum didokumentasikan", "belum-didokumentasikan"),
)

# The PPID superior's answer to an objection, UU 14/2008 Pasal 36.
ANSWER_DECISIONS = Choices(
    "Keputusan Atasan PPID",
    _c("upheld", "Menguatkan keputusan PPID", "menguatkan"),
    _c("overturned", "Membatalkan keputusan PPID", "membatalkan"),
    _c("partly", "Menguatkan sebagian", "sebagian"),
)

REACTIONS = Choices(
    "Tanggapan pemohon",
    _c("accepted", "Menerima tanggapan", "menerima"),
    _c("dispute", "Mengajukan sengketa ke Komisi Informasi", "sengketa"),
)

DISPUTE_STAGES = Choices(
    "Tahap sengketa",
    _c("filed", "Diajukan ke Komisi Informasi", "diajukan"),
    _c("registered", "Teregistrasi di Komisi Informasi", "teregistrasi", "terdaftar"),
    _c("mediation", "Mediasi", "mediasi"),
    _c("adjudication", "Ajudikasi", "ajudikasi"),
    _c("decided", "Diputus Komisi Informasi", "diputus", "putusan"),
)

EXEMPTION_RESULTS = Choices(
    "Hasil uji konsekuensi",
    _c("exempt", "Dikecualikan", "dikecualikan"),
    _c("open", "Terbuka", "terbuka"),
)

ID_TYPES = Choices(
    "Jenis identitas",
    _c("ktp", "KTP", "ktp", "nik"),
    _c("sim", "SIM", "sim"),
    _c("paspor", "Paspor", "paspor", "passport"),
    _c("akta", "Akta notaris (badan hukum)", "akta"),
)

CHANNELS = Choices(
    "Cara permohonan",
    _c("langsung", "Datang langsung", "langsung", "direct"),
    _c("surat", "Surat", "surat", "letter"),
    _c("email", "E-mail", "email"),
    _c("telepon", "Telepon", "telepon", "phone"),
    _c("faks", "Faksimile", "faks", "fax"),
    _c("website", "Laman web", "website", "web"),
    _c("whatsapp", "WhatsApp", "whatsapp", "wa"),
)

OBTAIN = Choices(
    "Cara memperoleh",
    _c("melihat", "Melihat/membaca/mendengarkan/mencatat", "melihat", "view"),
    _c("salinan", "Mendapatkan salinan", "salinan", "copy"),
)

FORMATS = Choices(
    "Bentuk salinan",
    _c("softcopy", "Salinan elektronik (softcopy)", "softcopy", "elektronik"),
    _c("hardcopy", "Salinan cetak (hardcopy)", "hardcopy", "cetak"),
)

DELIVERY = Choices(
    "Cara mendapatkan salinan",
    _c("ambil", "Mengambil langsung", "ambil", "pickup"),
    _c("kurir", "Kurir", "kurir", "courier"),
    _c("pos", "Pos", "pos", "post"),
    _c("faks", "Faksimile", "faks", "fax"),
    _c("email", "E-mail", "email"),
)

CUTI_BERSAMA = Choices(
    "Cuti bersama",
    _c("non-working", "Libur (tidak dihitung hari kerja)", "libur"),
    _c("working", "Dihitung hari kerja", "kerja", "masuk"),
)

DEADLINE_STATUSES = Choices(
    "Status tenggat",
    _c("open", "berjalan"), _c("met", "dipenuhi"), _c("extended", "diperpanjang"),
    _c("lapsed", "lewat"), _c("cancelled", "dihentikan"),
)

# The office's positions (role keys of kpudesk.rules.DEFAULT_ROLES), as `init --role` and the
# disposition options accept them.
ROLES = Choices(
    "Peran",
    _c("chair", "Ketua", "ketua"), _c("secretary", "Sekretaris", "sekretaris"), _c("ppid", "PPID", "ppid"),
    _c("ppid_superior", "Atasan PPID", "atasan-ppid"), _c("consideration_team", "Tim Pertimbangan", "tim-pertimbangan"),
    _c("desk", "Petugas Desk Layanan", "petugas-desk"), _c("head_technical", "Kasubag Teknis dan Hupmas", "kasubag-teknis"),
    _c("head_legal", "Kasubag Hukum dan SDM", "kasubag-hukum"), _c("head_general", "Kasubag Umum dan Logistik", "kasubag-umum"),
    _c("head_section", "Kasubag", "kasubag"), _c("leadership", "Sekretaris dan Ketua", "pimpinan"),
    _c("dumas_unit", "Unit Dumas", "unit-dumas", "dumas"), _c("plenary", "Pleno KPU", "pleno"),
    _c("requester", "Pemohon", "pemohon"),
)

# Days of the week, for the office's weekend (Monday first, as datetime.weekday counts).
WEEKDAYS = Choices(
    "Hari",
    _c("mon", "Senin", "senin", "monday"), _c("tue", "Selasa", "selasa", "tuesday"),
    _c("wed", "Rabu", "rabu", "wednesday"), _c("thu", "Kamis", "kamis", "thursday"),
    _c("fri", "Jumat", "jumat", "friday", "jum'at"), _c("sat", "Sabtu", "sabtu", "saturday"),
    _c("sun", "Minggu", "minggu", "sunday", "ahad"),
)

# Why a day is (not) a working day (kpudesk.calendar.DayKind values).
DAY_KINDS = Choices(
    "Jenis hari",
    _c("working", "hari kerja"), _c("weekend", "akhir pekan"), _c("holiday", "libur nasional"),
    _c("collective_leave", "cuti bersama"), _c("closure", "penutupan kantor"), _c("extra_workday", "hari kerja tambahan"),
)

# When the 30-working-day window to object opened (DOMAIN.md §3).
FILING_WINDOW_FROM = Choices(
    "Awal masa keberatan",
    _c("notice", "sejak pemberitahuan tertulis"), _c("lapse", "sejak batas pemberitahuan lewat"),
)

# Pasal 17 UU 14/2008, letters a–j (DOMAIN.md §3).
PASAL_17 = {
    "a": "menghambat proses penegakan hukum",
    "b": "mengganggu kepentingan hak kekayaan intelektual dan persaingan usaha tidak sehat",
    "c": "membahayakan pertahanan dan keamanan negara",
    "d": "mengungkapkan kekayaan alam Indonesia",
    "e": "merugikan ketahanan ekonomi nasional",
    "f": "merugikan kepentingan hubungan luar negeri",
    "g": "mengungkapkan isi akta otentik yang bersifat pribadi dan kemauan terakhir atau wasiat",
    "h": "mengungkap rahasia pribadi",
    "i": "memorandum atau surat antar/intra badan publik yang dirahasiakan",
    "j": "informasi yang tidak boleh diungkapkan berdasarkan undang-undang",
}

# Pasal 35 ayat (1) UU 14/2008: the grounds of an objection.
PASAL_35 = {
    "a": "penolakan berdasarkan alasan pengecualian Pasal 17",
    "b": "informasi berkala tidak disediakan",
    "c": "permintaan informasi tidak ditanggapi",
    "d": "permintaan informasi ditanggapi tidak sebagaimana yang diminta",
    "e": "permintaan informasi tidak dipenuhi",
    "f": "pengenaan biaya yang tidak wajar",
    "g": "penyampaian informasi melebihi waktu yang diatur",
}
