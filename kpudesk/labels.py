"""Indonesian labels for the codes stored in the database (statuses, kinds, decisions). Pure."""

KIND_LABELS = {
    "request": "Permohonan informasi",
    "objection": "Keberatan",
    "exemption": "Uji konsekuensi",
    "expedition": "Ekspedisi",
}

STATUS_LABELS = {
    "registered": "Terdaftar",
    "extended": "Diperpanjang",
    "decided": "Sudah diberitahukan",
    "closed": "Selesai",
    "answered": "Sudah ditanggapi",
    "disputed": "Sengketa di Komisi Informasi",
    "withdrawn": "Dicabut pemohon",
    "void": "Dibatalkan (salah catat)",
}

DEADLINE_STATUS_LABELS = {"open": "berjalan", "met": "dipenuhi", "lapsed": "lewat", "cancelled": "dihentikan"}


def label(mapping: dict[str, str], code: str | None) -> str:
    """The Indonesian label of a code, or the code itself when none is known."""
    return mapping.get(code or "", code or "")
