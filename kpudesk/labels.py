"""Indonesian labels for the codes stored in the database (statuses, kinds, decisions). Pure.

The labels of typed choices live with their accepted words in `kpudesk.choices`; these mappings
are views of those tables for the callers that need a dict.
"""

from kpudesk.choices import CASE_STATUSES, DEADLINE_STATUSES, NOTICE_DECISIONS

def kind_label(code: str) -> str:
    """The Indonesian name of a case kind, from the kind registry ('Permohonan informasi')."""
    from kpudesk import kinds

    if code == "expedition":
        return "Ekspedisi"
    spec = kinds.find_kind(code)
    return spec.label if spec else code

STATUS_LABELS = CASE_STATUSES.labels
DEADLINE_STATUS_LABELS = DEADLINE_STATUSES.labels
# Decisions of the written notice (UU 14/2008 Pasal 22 ayat (7)).
DECISION_LABELS = NOTICE_DECISIONS.labels


def kind_words() -> str:
    """Every registered kind as it may be typed: 'permohonan (request), …'."""
    from kpudesk import kinds

    return ", ".join(f"{s.aliases[0]} ({s.code})" if s.aliases else s.code for s in kinds.kinds())


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
    "imported": "Diimpor dari register lama", "expedition_sent": "Dokumen dikirim", "step_done": "Langkah SOP", "sop_loaded": "SOP dimuat", "expedition_received": "Tanda terima", "office_settings": "Pengaturan kantor",
    "served_from_dip": "Dilayani seketika dari DIP", "dip_added": "Masuk DIP", "dip_edited": "DIP diubah",
    "dip_retired": "Dicabut dari DIP", "dip_renewed": "DIP dimutakhirkan", "report_published": "Laporan tahunan diterbitkan",
}
