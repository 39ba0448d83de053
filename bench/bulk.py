"""The fast path of `generate.py --bulk`: a register-sized year of requests written straight into
the tables (case, request_detail, deadline, number_sequence) in big executemany batches, without
the services and their events. Enough for a province's million rows in a few minutes.

Clocks: every request has its notice clock (10 HK from day 0, counted with the office calendar):
met when the request was decided, cancelled when voided or withdrawn, still open (so late) when
it is only registered; a third of the open ones also have an open 3 HK disposition clock for the
Kasubag Teknis dan Hupmas. So `overdue` on such a store has thousands of late clocks in two groups.
"""

import random
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from kpudesk.calendar import WorkCalendar
from kpudesk.holiday_cache import cached_holidays

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
WITA = timedelta(hours=8)  # the bench office is in Kupang; stored times are UTC
DECISIONS = ["granted"] * 60 + ["partial"] * 15 + ["refused"] * 5 + ["not-held"] * 10 + ["not-documented"] * 10
CASE_COLUMNS = ("kind", "number", "seq", "year", "status", "profile", "received_at", "day0", "officer", "created_at",
                "closed_at", "void_reason")
DETAIL_COLUMNS = ("case_id", "name", "address", "phone", "email", "occupation", "id_type", "id_number", "channel",
                  "info", "purpose", "obtain", "format", "delivery", "extension_late", "decision", "decided_at",
                  "exemptions", "decision_reason", "holder", "provide_within", "notice_form", "notice_delivery",
                  "cost_per_page", "pages", "cost_delivery", "cost_other", "payment", "delivered_at", "received_by",
                  "delivered_via")


def stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S.000000")


def one_request(rng: random.Random, seq: int, received: datetime, words: dict[str, list[str]]) -> tuple[tuple, tuple]:
    """(case values, detail values without case_id) of one request received at `received` (office time)."""
    roll, decision = rng.random(), rng.choice(DECISIONS)
    status = "void" if roll < 0.01 else "withdrawn" if roll < 0.03 else "registered" if roll < 0.08 else \
        "decided" if roll < 0.3 else "closed"
    decided = received + timedelta(days=rng.randint(1, 12), hours=1) if status in ("decided", "closed") else None
    delivered = decided + timedelta(days=rng.randint(0, 3), hours=2) if status == "closed" and decided else None
    place = rng.choice(words["places"])
    number = f"{seq:03d}/PPID/KPU-KAB.KPG/{ROMAN[received.month - 1]}/{received.year}"
    utc = received - WITA
    case = ("request", number, seq, received.year, status, "publik", stamp(utc), received.date().isoformat(),
            "Petugas Benchmark", stamp(utc), stamp(delivered - WITA) if delivered else None,
            "Tercatat ganda" if status == "void" else None)
    detail = (f"{rng.choice(words['first'])} {rng.choice(words['last'])}", f"Desa {place}, Kabupaten Kupang",
              f"08{rng.choice('12358')}{rng.randint(10**8, 10**9 - 1)}", "", rng.choice(words["jobs"]), "ktp",
              f"5301{rng.randint(10**11, 10**12 - 1)}", "langsung", f"{rng.choice(words['info'])} ({place})",
              "Penelitian dan pemantauan", "salinan", "softcopy", "ambil", 0,
              decision if decided else None, stamp(decided - WITA) if decided else None,
              "h" if decided and decision in ("refused", "partial") else "",
              "Data pribadi dihitamkan" if decided and decision == "partial" else "",
              "Dinas Dukcapil" if decided and decision == "not-held" else "",
              10 if decided and decision == "not-documented" else None, "softcopy" if decided else "",
              "ambil" if decided else "", 500 if decided else 0, rng.randint(0, 20) if decided else 0, 0, 0,
              "tunai" if decided else "", stamp(delivered - WITA) if delivered else None,
              "Pemohon" if delivered else "", "ambil" if delivered else "")
    return case, detail


def moments(rng: random.Random, n: int, year: int) -> Iterator[datetime]:
    """N receipt moments in office hours on the weekdays of `year`, in time order."""
    days = [d for d in (date(year, 1, 1) + timedelta(days=i) for i in range(366)) if d.year == year and d.weekday() < 5]
    per_day = [0] * len(days)
    for index in rng.choices(range(len(days)), k=n):
        per_day[index] += 1
    for day, count in zip(days, per_day, strict=True):
        for minute in sorted(rng.randint(8 * 60 + 30, 15 * 60 + 59) for _ in range(count)):
            yield datetime.combine(day, datetime.min.time()) + timedelta(minutes=minute)


DEADLINE_SQL = ("INSERT INTO deadline (case_id, kind, start, amount, working_days, due, basis, responsible, status, "
                "closed_at, late_days) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)")
NOTICE_BASIS = "UU 14/2008 Pasal 22 ayat (7)"


def clocks(calendar: Any, case_id: int, case: tuple, rng: random.Random) -> list[tuple]:
    """The notice clock of one bulk case (and an open disposition clock for some open ones)."""
    status, day0 = case[4], date.fromisoformat(case[7])
    day0 = day0 if calendar.is_working_day(day0) else calendar.next_working_day(day0)
    due = calendar.add_working_days(day0, 10).isoformat()
    state = "open" if status == "registered" else "cancelled" if status in ("void", "withdrawn") else "met"
    out = [(case_id, "notice", day0.isoformat(), 10, due, NOTICE_BASIS, "PPID", state,
            None if state == "open" else case[9], 0 if state == "met" else None)]
    if state == "open" and rng.random() < 0.35:
        out.append((case_id, "disposition", day0.isoformat(), 3, calendar.add_working_days(day0, 3).isoformat(),
                    "Disposisi PPID", "Kasubag Teknis dan Hupmas", "open", None, None))
    return out


def bulk_requests(path: Path, n: int, year: int, seed: int, words: dict[str, list[str]], batch: int = 20_000) -> int:
    """Append N requests of `year` to the (already set-up) store at `path`; returns how many were written."""
    rng = random.Random(seed)
    calendar = WorkCalendar(holiday_source=cached_holidays)
    conn = sqlite3.connect(path)
    case_sql = f"INSERT INTO \"case\" ({', '.join(CASE_COLUMNS)}) VALUES ({', '.join('?' * len(CASE_COLUMNS))})"
    detail_sql = f"INSERT INTO request_detail ({', '.join(DETAIL_COLUMNS)}) VALUES ({', '.join('?' * len(DETAIL_COLUMNS))})"
    seq, pending = 0, []
    with conn:
        for received in moments(rng, n, year):
            seq += 1
            pending.append(one_request(rng, seq, received, words))
            if len(pending) >= batch:
                write_batch(conn, case_sql, detail_sql, pending, calendar, rng)
                pending = []
        write_batch(conn, case_sql, detail_sql, pending, calendar, rng)
        conn.execute("INSERT OR REPLACE INTO number_sequence (kind, year, last) VALUES ('request', ?, ?)", (year, seq))
    conn.close()
    return seq


def write_batch(conn: sqlite3.Connection, case_sql: str, detail_sql: str, pending: list[tuple[tuple, tuple]],
                calendar: Any, rng: random.Random) -> None:
    """Insert the cases, then their details and clocks under the ids SQLite gave them (consecutive)."""
    if not pending:
        return
    first = (conn.execute('SELECT COALESCE(MAX(id), 0) FROM "case"').fetchone()[0]) + 1
    conn.executemany(case_sql, [case for case, _ in pending])
    conn.executemany(detail_sql, [(first + i, *detail) for i, (_, detail) in enumerate(pending)])
    conn.executemany(DEADLINE_SQL, [clock for i, (case, _) in enumerate(pending) for clock in clocks(calendar, first + i, case, rng)])
