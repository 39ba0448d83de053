"""The kinds kpudesk ships: the PPID's (seed 001) and the SOP-driven desks (seeds 000, 002). Pure."""

from kpudesk.kinds import SOP_DIR, ClockSpec, FieldSpec, KindSpec, register_kind

_PPID_SECTIONS = (
    "kpudesk.services.requests:story_section",
    "kpudesk.services.lifecycle:story_section",
    "kpudesk.services.objections:story_section",
)
_COMMON_SECTIONS = (
    "kpudesk.services.dispositions:story_section",
    "kpudesk.services.expedition:story_section",
)
_STEP_SECTIONS = ("kpudesk.services.steps:story_section",)

register_kind(KindSpec(
    code="request", label="Permohonan informasi", aliases=("permohonan", "permintaan"),
    template="{seq:03d}/PPID/{office}/{month_roman}/{year}",
    statuses=("registered", "extended", "decided", "closed", "withdrawn", "void"),
    clocks=(
        ClockSpec("notice", "Pemberitahuan tertulis", "day0"),
        ClockSpec("extension", "Pemberitahuan tertulis (perpanjangan)", "previous"),
        ClockSpec("provision", "Penyediaan informasi belum didokumentasikan", "step"),
        ClockSpec("objection_window", "Batas pengajuan keberatan", "step", office=False),
    ),
    sections=_PPID_SECTIONS + _COMMON_SECTIONS,
))

register_kind(KindSpec(
    code="objection", label="Keberatan", aliases=("keberatan",),
    template="{seq:03d}/KEB/{office}/{month_roman}/{year}",
    statuses=("registered", "answered", "disputed", "closed", "void"),
    clocks=(
        ClockSpec("objection_answer", "Tanggapan atas keberatan", "day0"),
        ClockSpec("dispute_window", "Batas pengajuan sengketa ke Komisi Informasi", "step", office=False),
    ),
    sections=_PPID_SECTIONS + _COMMON_SECTIONS,
))

register_kind(KindSpec(
    code="exemption", label="Uji konsekuensi", aliases=("uji-konsekuensi", "pengecualian"),
    template="{seq:03d}/UK/{office}/{month_roman}/{year}",
    statuses=("registered", "decided", "void"),
    final_statuses=("decided", "void"),  # a decided test has no later step that would close it
    clocks=(ClockSpec("consequence_test", "Uji konsekuensi", "receipt"),),
    sections=_PPID_SECTIONS + _COMMON_SECTIONS,
))

_NATURES = ("biasa", "segera", "sangat-segera", "rahasia")

register_kind(KindSpec(
    code="letter", label="Surat masuk", aliases=("surat", "surat-masuk"),
    template="{seq:03d}/SM/{office}/{month_roman}/{year}",
    party_field="sender", subject_field="subject", search_fields=("sender", "letter_number", "subject"),
    fields=(
        FieldSpec("sender", "Pengirim", required=True),
        FieldSpec("letter_number", "Nomor surat", required=True),
        FieldSpec("letter_date", "Tanggal surat", type="date", required=True),
        FieldSpec("subject", "Perihal", type="long", required=True),
        FieldSpec("nature", "Sifat", type="choice", choices=_NATURES, default="biasa"),
        FieldSpec("classification", "Kode klasifikasi"),
        FieldSpec("attachments", "Lampiran", type="int", default="0"),
    ),
    sections=_STEP_SECTIONS + _COMMON_SECTIONS, sop="letter", sop_file=SOP_DIR / "layanan.toml",
    register_help="Catat surat masuk di buku agenda; cetak nomor agenda dan langkah berikutnya.",
    register_title="BUKU AGENDA SURAT MASUK",
))

register_kind(KindSpec(
    code="visit", label="Kunjungan tamu", aliases=("tamu", "kunjungan"),
    template="{seq:03d}/TM/{office}/{month_roman}/{year}",
    party_field="name", subject_field="purpose", search_fields=("name", "purpose", "to"),
    fields=(
        FieldSpec("name", "Nama tamu", required=True),
        FieldSpec("id_type", "Jenis identitas", type="id_type", default="ktp"),
        FieldSpec("id_number", "Nomor identitas", type="identity", personal=True),
        FieldSpec("phone", "Telepon", type="phone", personal=True),
        FieldSpec("purpose", "Keperluan", type="long", required=True),
        FieldSpec("to", "Bertemu dengan (jabatan)", type="position", required=True),
    ),
    sections=_STEP_SECTIONS + _COMMON_SECTIONS, sop="visit", sop_file=SOP_DIR / "layanan.toml",
    register_help="Catat tamu di desk layanan (langkah 1–4 SOP layanan).",
    register_title="BUKU TAMU DESK LAYANAN",
))

_COMPLAINT_CHANNELS = ("langsung", "surat", "email", "website", "lapor")

register_kind(KindSpec(
    code="complaint", label="Pengaduan masyarakat", aliases=("pengaduan", "dumas"),
    template="{seq:03d}/DUMAS/{office}/{month_roman}/{year}",
    party_field="name", subject_field="subject", search_fields=("name", "subject", "description", "lapor_id"),
    fields=(
        FieldSpec("name", "Nama pengadu", required=True),
        FieldSpec("phone", "Telepon", type="phone", required=True, personal=True),
        FieldSpec("email", "E-mail", type="email"),
        FieldSpec("address", "Alamat", type="long", personal=True),
        FieldSpec("id_number", "NIK", type="identity", personal=True),
        FieldSpec("channel", "Saluran", type="choice", choices=_COMPLAINT_CHANNELS, required=True),
        FieldSpec("subject", "Pokok pengaduan", required=True),
        FieldSpec("description", "Uraian pengaduan", type="long", required=True),
        FieldSpec("lapor_id", "Nomor LAPOR!"),
        FieldSpec("anonymous", "Identitas dirahasiakan", type="flag"),
    ),
    sections=_STEP_SECTIONS + _COMMON_SECTIONS, sop="complaint", sop_file=SOP_DIR / "dumas.toml",
    register_help="Daftarkan pengaduan masyarakat (Dumas); cetak nomor dan tenggat hari ke-1 s.d. ke-5.",
    register_title="REGISTER PENGADUAN MASYARAKAT",
))

register_kind(KindSpec(
    code="consultation", label="Konsultasi helpdesk", aliases=("konsultasi", "helpdesk"),
    template="{seq:03d}/HD/{office}/{month_roman}/{year}",
    party_field="name", subject_field="party", search_fields=("name", "party", "topic"),
    fields=(
        FieldSpec("name", "Nama perwakilan", required=True),
        FieldSpec("phone", "Telepon", type="phone", required=True, personal=True),
        FieldSpec("party", "Partai politik", type="party", required=True,
                  help="Nama atau singkatan partai dari daftar kantor (kpudesk party list)."),
        FieldSpec("topic", "Keperluan", type="long"),
    ),
    sections=("kpudesk.services.consultations:story_section", *_STEP_SECTIONS, *_COMMON_SECTIONS),
    sop="consultation", sop_file=SOP_DIR / "helpdesk.toml",
    step_policy="kpudesk.services.consultations:step_policy",
    register_builder="kpudesk.services.consultations:consultation_register",
    register_help="Catat perwakilan partai di daftar hadir helpdesk SIPOL; cetak nomor dan langkah berikutnya.",
    register_title="LAPORAN HELPDESK FASILITASI DAN KONSULTASI SIPOL",
))

register_kind(KindSpec(
    code="meeting", label="Rapat koordinasi/kerja", aliases=("rapat", "rakor", "raker"),
    template="{seq:03d}/RAPAT/{office}/{month_roman}/{year}",
    party_field="type", subject_field="title", search_fields=("title", "venue"),
    fields=(
        FieldSpec("title", "Nama kegiatan", required=True),
        FieldSpec("type", "Jenis rapat", type="choice", choices=("rakor", "raker"), required=True),
        FieldSpec("start", "Mulai", type="datetime", required=True, help="'YYYY-MM-DD HH:MM' waktu kantor."),
        FieldSpec("end", "Selesai", type="datetime", help="'YYYY-MM-DD HH:MM'; default sama dengan mulai."),
        FieldSpec("venue", "Tempat"),
    ),
    sections=("kpudesk.services.meetings:story_section", *_STEP_SECTIONS, *_COMMON_SECTIONS),
    sop="meeting", sop_file=SOP_DIR / "meeting.toml",
    step_policy="kpudesk.services.meetings:step_policy",
    register_help="Daftarkan rapat koordinasi/kerja (nota dinas dari pleno); laporan kegiatan 1 hari kerja setelah rapat.",
    register_title="REGISTER RAPAT KOORDINASI DAN RAPAT KERJA",
))
