"""Indonesian labels for the codes stored in the database (statuses, kinds, decisions). Pure."""

def kind_label(code: str) -> str:
    """The Indonesian name of a case kind, from the kind registry ('Permohonan informasi')."""
    from kpudesk import kinds

    if code == "expedition":
        return "Ekspedisi"
    spec = kinds.find_kind(code)
    return spec.label if spec else code

STATUS_LABELS = {
    "registered": "Terdaftar",
    "in_progress": "Sedang diproses",
    "extended": "Diperpanjang",
    "decided": "Sudah diberitahukan",
    "closed": "Selesai",
    "answered": "Sudah ditanggapi",
    "disputed": "Sengketa di Komisi Informasi",
    "withdrawn": "Dicabut pemohon",
    "void": "Dibatalkan (salah catat)",
}

DEADLINE_STATUS_LABELS = {
    "open": "berjalan", "met": "dipenuhi", "extended": "diperpanjang", "lapsed": "lewat", "cancelled": "dihentikan",
}

# Decisions of the written notice (UU 14/2008 Pasal 22 ayat (7)).
DECISION_LABELS = {
    "granted": "Diberikan seluruhnya",
    "partial": "Diberikan sebagian",
    "refused": "Ditolak (dikecualikan)",
    "not-held": "Tidak dikuasai",
    "not-documented": "Belum didokumentasikan",
}


def label(mapping: dict[str, str], code: str | None) -> str:
    """The Indonesian label of a code, or the code itself when none is known."""
    return mapping.get(code or "", code or "")

EVENT_LABELS = {
    "registered": "Didaftarkan", "extended": "Diperpanjang", "decided": "Diputuskan", "delivered": "Diserahkan",
    "withdrawn": "Dicabut pemohon", "voided": "Dibatalkan", "deadline_moved": "Tenggat bergeser",
    "disposition_added": "Disposisi dibuat", "disposition_accepted": "Disposisi diterima",
    "disposition_done": "Disposisi selesai", "exemption_started": "Uji konsekuensi dimulai",
    "objection_filed": "Keberatan diajukan", "filing_late": "Keberatan lewat batas",
    "filing_premature": "Keberatan sebelum alasannya timbul", "ground_without_refusal": "Alasan a tanpa penolakan",
    "answered": "Keberatan ditanggapi", "reaction": "Tanggapan pemohon", "dispute_stage": "Tahap sengketa",
    "expedition_sent": "Dokumen dikirim", "step_done": "Langkah SOP", "sop_loaded": "SOP dimuat", "expedition_received": "Tanda terima", "office_settings": "Pengaturan kantor",
    "served_from_dip": "Dilayani seketika dari DIP", "dip_added": "Masuk DIP", "dip_edited": "DIP diubah",
    "dip_retired": "Dicabut dari DIP", "dip_renewed": "DIP dimutakhirkan", "report_published": "Laporan tahunan diterbitkan",
}
