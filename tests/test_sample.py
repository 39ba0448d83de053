"""`kpudesk sample load`: the bundled demo office loads, lands in every state, and loads only once."""

import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kpudesk.cli.app import app
from kpudesk.services.sample import parse_commands, sample_file

AS_OF = "2026-11-23"


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    """The demo office loaded once for this module (replaying ~250 commands takes a while)."""
    folder = tmp_path_factory.mktemp("sample")
    db = folder / "kupang.sqlite3"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KPUDESK_CONFIG", str(folder / "config.toml"))
        mp.delenv("KPUDESK_OFFICER", raising=False)
        mp.setenv("NO_COLOR", "1")
        result = CliRunner().invoke(app, ["--db", str(db), "sample", "load"])
    return db, result


@pytest.fixture
def sample(sample_db, run):
    """Run a command against the loaded demo database."""
    db, result = sample_db
    assert result.exit_code == 0, result.stderr

    def _run(*args: str):
        return run("--db", str(db), *args)

    return _run


def _cases(sample) -> list[dict]:
    res = sample("list", "--limit", "1000", "--json")
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)


def test_load_reports_commands_and_cases(sample_db):
    _, result = sample_db
    commands = parse_commands(sample_file().read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert f"{len(commands)} perintah, 90 perkara (59 permohonan informasi, 8 keberatan, 5 pengaduan masyarakat, 5 surat masuk, 5 uji konsekuensi, 3 konsultasi helpdesk, 3 kunjungan tamu, 2 rapat koordinasi/kerja)" in result.stderr


def test_cases_in_every_state(sample):
    counts = Counter((c["kind"], c["status"]) for c in _cases(sample))
    assert counts == {
        ("request", "registered"): 8, ("request", "extended"): 2, ("request", "decided"): 7,
        ("request", "closed"): 39, ("request", "withdrawn"): 2, ("request", "void"): 1,
        ("objection", "registered"): 2, ("objection", "answered"): 1, ("objection", "disputed"): 1,
        ("objection", "closed"): 4, ("exemption", "decided"): 5,
        ("letter", "registered"): 1, ("letter", "in_progress"): 1, ("letter", "closed"): 2, ("letter", "void"): 1,
        ("visit", "registered"): 1, ("visit", "closed"): 2,
        ("complaint", "registered"): 1, ("complaint", "in_progress"): 2, ("complaint", "closed"): 2,
        ("consultation", "closed"): 2, ("consultation", "in_progress"): 1,
        ("meeting", "closed"): 1, ("meeting", "in_progress"): 1,
    }


def test_numbers_restart_each_year(sample):
    numbers = {c["number"] for c in _cases(sample)}
    assert {"001/PPID/KPU-KAB.KPG/I/2025", "025/PPID/KPU-KAB.KPG/XII/2025",
            "001/PPID/KPU-KAB.KPG/I/2026", "032/PPID/KPU-KAB.KPG/XI/2026"} <= numbers
    # the two requests served from the DIP, written at the end of the file, take the next numbers
    assert {"026/PPID/KPU-KAB.KPG/XII/2025", "033/PPID/KPU-KAB.KPG/XI/2026"} <= numbers
    assert "027/PPID/KPU-KAB.KPG/XII/2025" not in numbers


@pytest.mark.parametrize("number, decision, extra", [
    ("024/PPID/KPU-KAB.KPG/X/2026", "granted", {}),
    ("020/PPID/KPU-KAB.KPG/IX/2026", "partial", {}),
    ("006/PPID/KPU-KAB.KPG/II/2025", "refused", {"exemptions": ["h"], "exemption_test": "001/UK/KPU-KAB.KPG/II/2025"}),
    ("009/PPID/KPU-KAB.KPG/III/2025", "not-held", {"holder": "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Kupang"}),
    ("028/PPID/KPU-KAB.KPG/XI/2026", "not-documented", {"provide_within": 20}),
])
def test_every_decision_is_present(sample, number, decision, extra):
    notice = json.loads(sample("show", number, "--json").stdout)["notice"]
    assert notice["decision"] == decision
    for key, value in extra.items():
        assert notice[key] == value


def test_overdue_lists_late_items(sample):
    res = sample("overdue", "--as-of", AS_OF, "--json")
    assert res.exit_code == 0, res.stderr
    late = {(i["number"], i["deadline"]): i for i in json.loads(res.stdout)["overdue"]}
    # The forgotten letter of December 2025: received Mon 2025-12-15, 10 HK → 2025-12-31
    # (16,17,18,19,22,23, 24 Dec is a working day, 25–26 holiday/cuti, 29,30,31).
    assert late[("025/PPID/KPU-KAB.KPG/XII/2025", "notice")]["due"] == "2025-12-31"
    # Objection received Mon 2026-10-05; 30 HK with the office closure of Fri 2026-11-13 skipped:
    # Oct 6–9 (4), 12–16 (9), 19–23 (14), 26–30 (19), Nov 2–6 (24), 9–12 (28), 16 (29), 17 (30).
    # Late on 2026-11-23 by the working days 18, 19, 20, 23 → 4.
    answer = late[("004/KEB/KPU-KAB.KPG/X/2026", "objection_answer")]
    assert (answer["due"], answer["days"]) == ("2026-11-17", 4)
    # Extended request whose extension also lapsed, and a not-documented promise that was not kept.
    assert ("023/PPID/KPU-KAB.KPG/X/2026", "extension") in late
    assert ("017/PPID/KPU-KAB.KPG/VIII/2026", "provision") in late
    assert any(kind == "disposition" for _, kind in late)


def test_not_yet_due_cases_are_not_late(sample):
    late = json.loads(sample("overdue", "--as-of", AS_OF, "--json").stdout)["overdue"]
    late_notices = {i["number"] for i in late if i["deadline"] in ("notice", "extension", "objection_answer")}
    for number in ("029/PPID/KPU-KAB.KPG/XI/2026", "031/PPID/KPU-KAB.KPG/XI/2026", "032/PPID/KPU-KAB.KPG/XI/2026",
                   "026/PPID/KPU-KAB.KPG/XI/2026", "005/KEB/KPU-KAB.KPG/XI/2026"):
        assert number not in late_notices
    # ...but the disposition on 026 (5 HK from Mon 2026-11-02 → Mon 2026-11-09) is late.
    assert ("026/PPID/KPU-KAB.KPG/XI/2026", "disposition", "2026-11-09") in {
        (i["number"], i["deadline"], i["due"]) for i in late}


def test_weekend_night_request_counts_from_monday(sample):
    story = json.loads(sample("show", "032/PPID/KPU-KAB.KPG/XI/2026", "--json").stdout)
    # Sat 2026-11-21 21:10 → day 0 Mon 2026-11-23; 10 HK: 24,25,26,27, 30, Dec 1,2,3,4,7 → 2026-12-07.
    assert story["day0"] == "2026-11-23"
    assert story["deadlines"][0]["due"] == "2026-12-07"


def test_election_request_extension(sample):
    story = json.loads(sample("show", "026/PPID/KPU-KAB.KPG/XI/2026", "--json").stdout)
    # Received Mon 2026-11-02; 10 HK with the closure of 13 Nov: 3–6 (4), 9–12 (8), 16 (9), 17 (10);
    # +7 HK: 18, 19, 20, 23, 24, 25, 26 → 2026-11-26.
    dues = {d["kind"]: d["due"] for d in story["deadlines"]}
    assert (story["status"], dues["notice"], dues["extension"]) == ("extended", "2026-11-17", "2026-11-26")


def test_expedition_book_has_open_entry(sample):
    open_entries = json.loads(sample("expedition", "list", "--open", "--json").stdout)
    # a request's handover, a visitor's data and a 2025 letter's data still wait for their receipt,
    # as do a helpdesk report, a rakor's activity report and a raker's invitation
    assert sorted(e["number"] for e in open_entries) == [
        "019/EKS/KPU-KAB.KPG/XI/2026", "022/EKS/KPU-KAB.KPG/XI/2026", "023/EKS/KPU-KAB.KPG/VI/2025",
        "025/EKS/KPU-KAB.KPG/X/2026", "028/EKS/KPU-KAB.KPG/X/2026", "029/EKS/KPU-KAB.KPG/XI/2026"]


def test_second_load_is_refused(sample, sample_db):
    db, _ = sample_db
    before = _cases(sample)
    res = sample("sample", "load")
    assert res.exit_code == 1
    assert "sudah berisi 90 perkara" in res.stderr
    assert "--force" in res.stderr
    assert _cases(sample) == before


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kantor.txt"
    path.write_text(text, encoding="utf-8")
    return path


MINI = """\
# Kantor kecil
kpudesk init --office "KPU Kota Contoh" --code KPU-KOTA.CTH --tz WIB
register request --name 'Maria Bria' --address 'Jl. Timor Raya, Oelamasi' \\
    --phone 081234567890 --id-number 5301014501900001 \\
    --info 'Salinan SK DPT' --purpose 'Penelitian' --received '2026-03-16 09:00'  # komentar di akhir baris
"""


def test_load_own_file_with_continuations(run, tmp_path):
    res = run("sample", "load", "--file", _write(tmp_path, MINI))
    assert res.exit_code == 0, res.stderr
    assert "2 perintah, 1 perkara (1 permohonan informasi)" in res.stderr
    shown = json.loads(run("show", "001/PPID/KPU-KOTA.CTH/III/2026", "--json").stdout)
    assert shown["request"]["info"] == "Salinan SK DPT"


def test_force_loads_into_database_with_cases(run, tmp_path):
    path = _write(tmp_path, MINI)
    assert run("sample", "load", "--file", path).exit_code == 0
    res = run("sample", "load", "--file", path, "--force")
    assert res.exit_code == 0, res.stderr
    assert "2 perkara" in res.stderr


def test_failing_line_stops_the_load(run, tmp_path):
    text = MINI + "\nkpudesk decide 009/PPID/KPU-KOTA.CTH/III/2026 --decision granted --at '2026-03-17 10:00'\n" \
                  "kpudesk register request --name X\n"
    res = run("sample", "load", "--file", _write(tmp_path, text))
    assert res.exit_code == 1
    assert res.stderr.startswith("kpudesk: baris 7: ")
    assert "009/PPID/KPU-KOTA.CTH/III/2026" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
    # The lines before the failure stay loaded; the line after it never ran.
    rows = json.loads(run("list", "--json").stdout)
    assert [r["number"] for r in rows] == ["001/PPID/KPU-KOTA.CTH/III/2026"]


def test_bad_quoting_names_the_line(run, tmp_path):
    res = run("sample", "load", "--file", _write(tmp_path, "# x\n\nkpudesk init --office 'KPU\n"))
    assert res.exit_code == 2
    assert "baris 3" in res.stderr and "kutip" in res.stderr


def test_db_option_in_file_is_refused(run, tmp_path):
    res = run("sample", "load", "--file", _write(tmp_path, "kpudesk --db /tmp/lain.sqlite3 list\n"))
    assert res.exit_code == 2
    assert "--db" in res.stderr


def test_missing_file(run, tmp_path):
    res = run("sample", "load", "--file", tmp_path / "tidak-ada.txt")
    assert res.exit_code == 2
    assert "tidak dapat dibaca" in res.stderr


def test_sample_path_points_at_the_bundled_file(run):
    res = run("sample", "path")
    assert res.exit_code == 0
    path = Path(res.stdout.strip())
    assert path.name == "kupang.txt" and path.is_file()
    assert "kpudesk init --office \"KPU Kabupaten Kupang\"" in path.read_text(encoding="utf-8")


def test_progress_bar_on_a_terminal_only(run, tmp_path, monkeypatch):
    path = _write(tmp_path, MINI)
    monkeypatch.setattr("kpudesk.cli.progress.stderr_is_terminal", lambda: True)
    res = run("sample", "load", "--file", path)
    assert res.exit_code == 0, res.stderr
    assert "Memuat data contoh" in res.stderr and "2/2" in res.stderr
    # The replayed commands' own output never lands in the bar or on stdout.
    assert res.stdout == "" and "001/PPID" not in res.stderr


def test_helpdesk_and_meetings_in_the_demo(sample):
    late = {(i["number"], i["label"]): i for i in json.loads(sample("overdue", "--as-of", AS_OF, "--json").stdout)["overdue"]}
    # the raker ended Wed 18 Nov 2026: its report was due Thu 19 Nov; late on Fri 20 and Mon 23 → 2
    report = late[("002/RAPAT/KPU-KAB.KPG/XI/2026", "Laporan kegiatan, diarsipkan")]
    assert (report["due"], report["days"], report["unit"]) == ("2026-11-19", 2, "working_days")
    # escalated Fri 20 Nov 09:30; the provincial answer was due 15 office minutes later
    escalation = late[("003/HD/KPU-KAB.KPG/XI/2026", "Eskalasi masalah yang tidak dapat diselesaikan ke Helpdesk KPU Provinsi")]
    assert escalation["due_at"] == "2026-11-20T09:45"
    shown = json.loads(sample("show", "001/HD/KPU-KAB.KPG/X/2026", "--json").stdout)
    assert [p["escalated"] for p in shown["problems"]] == [False, True] and shown["status"] == "closed"
    compliance = json.loads(sample("report", "compliance", "--year", "2026", "--kind", "consultation", "--json").stdout)
    handover = compliance["sops"][0]["steps"][5]
    # 002/HD: report 11:00, handover 14:00 → 120 office minutes (the 12–13 break skipped), 110 late
    assert (handover["done"], handover["within"], handover["p90"], handover["worst"]) == (
        2, 1, 120, [{"number": "002/HD/KPU-KAB.KPG/X/2026", "late": 110}])


def test_demo_has_a_dip_in_three_categories_and_a_dik_from_its_consequence_tests(sample, tmp_path):
    rows = json.loads(sample("dip", "list", "--json").stdout)
    counts = {category: sum(1 for r in rows if r["category"] == category) for category in ("berkala", "serta-merta", "setiap-saat")}
    assert len(rows) == 34 and counts == {"berkala": 14, "serta-merta": 6, "setiap-saat": 14}
    out = tmp_path / "dik.xlsx"
    assert sample("export-register", "--kind", "dik", "--year", "2025", "-o", out).exit_code == 0
    from openpyxl import load_workbook

    tests = [row[5] for row in load_workbook(out).active.iter_rows(min_row=7, values_only=True)]
    assert tests[:2] == ["001/UK/KPU-KAB.KPG/II/2025", "002/UK/KPU-KAB.KPG/V/2025"]
    report = json.loads(sample("report", "annual", "--year", "2025", "-o", tmp_path / "l.docx", "--json").stdout)
    assert report["requests"]["served_from_dip"] == 1
    assert sample("overdue", "--as-of", "2026-11-23", "--json").exit_code == 0
