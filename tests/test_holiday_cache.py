"""The holiday cache: the `holidays` package's days kept per year in a JSON file, keyed by its version."""

import json
from datetime import date

from kpudesk import holiday_cache
from kpudesk.calendar import indonesian_holidays


def fresh() -> None:
    holiday_cache._stored.cache_clear()


def test_first_use_computes_and_stores_then_reads_the_same_days(isolated_env, tmp_path):
    fresh()
    days = holiday_cache.cached_holidays(2026)
    assert days == indonesian_holidays(2026)
    path = tmp_path / "cache" / f"holidays-{holiday_cache.holidays_version()}.json"
    stored = json.loads(path.read_text())
    nyepi = next(d for d in stored["2026"] if d[0] == "2026-03-19")
    assert nyepi[2:] == [False, False]  # a national holiday, not estimated
    assert any(d[0] == "2026-03-18" and d[2] for d in stored["2026"])  # cuti bersama Nyepi
    fresh()
    assert holiday_cache.cached_holidays(2026) == days  # read back from the file


def test_a_damaged_cache_is_computed_again(isolated_env, tmp_path):
    fresh()
    path = tmp_path / "cache" / f"holidays-{holiday_cache.holidays_version()}.json"
    path.parent.mkdir(parents=True)
    path.write_text('{"2025": [["bukan tanggal", 1, 2]]}')
    days = holiday_cache.cached_holidays(2025)
    assert date(2025, 8, 17) in {d.day for d in days}
    path.write_text("{ rusak")
    fresh()
    assert holiday_cache.cached_holidays(2025) == days


def test_an_unwritable_cache_is_not_used(tmp_path, monkeypatch):
    fresh()
    blocker = tmp_path / "berkas"
    blocker.write_text("x")
    monkeypatch.setenv("KPUDESK_CACHE", str(blocker / "cache"))  # a folder inside a file: never writable
    assert holiday_cache.cached_holidays(2024) == indonesian_holidays(2024)
    fresh()


def test_version_is_read_without_importing_the_package():
    assert holiday_cache.holidays_version()[0].isdigit()
