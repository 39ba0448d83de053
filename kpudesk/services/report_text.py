"""The parts of the annual report the office writes itself: a plain text file of [sections].

Lines starting with '#' are notes for the writer and are not printed; a section left empty stays a
marked blank in the document, for the office to fill in Word.
"""

from pathlib import Path

from kpudesk.errors import InvalidInput

# section key → (heading in the report, what the office writes there)
NARRATIVE = {
    "sarana": ("Sarana dan prasarana pelayanan informasi publik", "meja layanan, ruang baca, komputer, laman e-PPID, papan informasi"),
    "sdm": ("Sumber daya manusia dan kualifikasinya", "jumlah petugas PPID dan desk layanan, pendidikan, pelatihan yang diikuti"),
    "anggaran": ("Anggaran pelayanan informasi dan penggunaannya", "pagu anggaran, realisasi, kegiatan yang dibiayai"),
    "keberatan": ("Pelaksanaan tanggapan atas keberatan", "bagaimana tanggapan Atasan PPID dilaksanakan"),
    "pengadilan": ("Gugatan ke pengadilan dan hasilnya", "perkara di PTUN/PN atas putusan Komisi Informasi, bila ada"),
    "kendala": ("Kendala eksternal dan internal", "hambatan dalam pelaksanaan layanan informasi"),
    "rekomendasi": ("Rekomendasi dan rencana tindak lanjut", "rencana perbaikan layanan tahun berikutnya"),
    "penandatangan": ("Penandatangan", "baris 1: tempat dan tanggal; baris 2: jabatan; baris 3: nama"),
}


def template_text() -> str:
    """The file an office fills in for `report annual --text`: every section with what goes in it."""
    lines = [
        "# Teks Laporan Layanan Informasi Publik (kpudesk report annual --text BERKAS).",
        "# Baris yang diawali '#' tidak dicetak. Tulis di bawah setiap [bagian]; paragraf dipisah baris kosong.",
        "# Bagian yang dibiarkan kosong dicetak sebagai tempat kosong bertanda, untuk diisi di Word.",
    ]
    for key, (heading, hint) in NARRATIVE.items():
        lines += ["", f"[{key}]", f"# {heading}: {hint}."]
    return "\n".join(lines) + "\n"


def read_narrative(path: str | None) -> dict[str, list[str]]:
    """The office's paragraphs per section key ({} without a file); InvalidInput names the bad line."""
    if path is None:
        return {}
    file = Path(path).expanduser()
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"Berkas teks laporan '{file}' tidak dapat dibaca ({exc}); "
                           "buat dari contoh: kpudesk report annual --template > laporan.txt") from exc
    return parse_narrative(text, str(file))


def parse_narrative(text: str, name: str) -> dict[str, list[str]]:
    """Paragraphs per [section] of the text; InvalidInput for text before a section or an unknown one."""
    sections: dict[str, list[list[str]]] = {}
    current: list[list[str]] | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(section_key(line[1:-1], name, number), [[]])
        elif current is None:
            if line:
                raise InvalidInput(f"{name} baris {number}: teks sebelum [bagian] pertama; "
                                   f"awali dengan salah satu dari: {', '.join(NARRATIVE)}.")
        elif line:
            current[-1].append(clean_line(line))
        elif current[-1]:
            current.append([])
    return {key: [" ".join(part) for part in parts if part] for key, parts in sections.items()}


def section_key(text: str, name: str, number: int) -> str:
    """A known section key; InvalidInput naming the line and the keys there are."""
    key = text.strip().lower()
    if key not in NARRATIVE:
        raise InvalidInput(f"{name} baris {number}: bagian [{text}] tidak dikenal; pilih: {', '.join(NARRATIVE)}.")
    return key


def clean_line(line: str) -> str:
    """A line of office text without control characters (they would corrupt the document)."""
    return "".join(char for char in line if char.isprintable())
