"""The floor of `export-register`: a bare openpyxl write-only script writing the same rows.

It reads the requests of a year from the store with the sqlite3 module (one query, rows as
tuples) and appends 23 plain values per row (real dates, ticks as '✓', the same columns as the
Register Permohonan) to a write-only sheet, with no header, no styles, no masking:

    python bench/export_floor.py /tmp/kpudesk-bench/bulk-30000.sqlite3 2025 /tmp/floor.xlsx
"""

import sqlite3
import sys
from datetime import datetime, timedelta

from openpyxl import Workbook

QUERY = """
SELECT c.received_at, d.name, d.id_number, d.address, d.phone, d.email, d.occupation, d.info, d.purpose,
       d.decision, d.format, d.obtain, d.decision_reason, d.decided_at, d.delivered_at, d.payment, c.number
FROM "case" c JOIN request_detail d ON d.case_id = c.id
WHERE c.kind = 'request' AND c.received_at >= ? AND c.received_at < ?
ORDER BY c.received_at, c.id
"""
WITA = timedelta(hours=8)


def moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) + WITA if text else None


def rows(db: str, year: int):  # noqa: ANN201 - a bench script
    first, after = datetime(year, 1, 1) - WITA, datetime(year + 1, 1, 1) - WITA
    for number, r in enumerate(sqlite3.connect(db).execute(QUERY, (str(first), str(after))), start=1):
        tick = "✓"
        yield [number, moment(r[0]), r[1], r[2], r[3], r[4], r[5] or None, r[6], r[7], r[8],
               tick if r[9] != "not-held" else None, tick if r[9] == "not-held" else None,
               tick if r[9] == "not-documented" else None, tick if r[10] == "softcopy" else None,
               tick if r[10] == "hardcopy" else None, tick if r[11] == "melihat" else None,
               tick if r[11] == "salinan" else None, r[9], r[12] or None, moment(r[13]), moment(r[14]),
               r[15] or None, r[16]]


def main() -> None:
    db, year, target = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Register Permohonan")
    for row in rows(db, year):
        sheet.append(row)
    workbook.save(target)


if __name__ == "__main__":
    main()
