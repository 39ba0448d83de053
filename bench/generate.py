"""Make a large kpudesk database for benchmarks: N information requests over 2024–2026.

Goes through the real services (numbering, deadlines, events) in large transactions instead of
one CLI process per row, so 20,000 requests take minutes, not hours.

    python bench/generate.py --db /tmp/kpudesk-bench/20k.sqlite3            # 20,000 requests
    python bench/generate.py --db /tmp/x.sqlite3 -n 2000 --seed 7
    python bench/generate.py --db /tmp/province.sqlite3 -n 1000000 --bulk --year 2025   # export only

The spread of states follows a working desk: old requests are mostly answered and handed over,
a few were withdrawn, voided or forgotten; recent ones are still running. Names are invented.
"""

import argparse
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from kpudesk.services.cases import void_case
from kpudesk.services.desk import Desk, open_desk
from kpudesk.services.cases import void_case
from kpudesk.services.dispositions import add_dispositions, complete_disposition
from kpudesk.services.lifecycle import (Handover, NoticeForm, decide_request, deliver_request, extend_request,
                                        withdraw_request)
from kpudesk.services.objections import ObjectionForm, answer_objection, record_reaction, register_objection
from kpudesk.services.office import OfficeInput, save_office
from kpudesk.services.requests import RequestForm, register_request
from kpudesk.store import Store

START = date(2024, 1, 2)
AS_OF = date(2026, 11, 23)  # the day the sample data and the benchmarks look at
LAST_MOMENT = datetime(2026, 11, 20, 15, 0)  # nothing is recorded after this (office time)

FIRST = ["Yohanis", "Maria", "Agustinus", "Yuliana", "Marthen", "Theresia", "Daniel", "Novita", "Yakobus", "Elisabeth",
         "Ferdinand", "Agustina", "Imanuel", "Welhelmina", "Stefanus", "Kornelis", "Lorens", "Ester", "Hendrik", "Paulus"]
LAST = ["Nenabu", "Benu", "Tefa", "Oematan", "Nubatonis", "Kase", "Sanam", "Neolaka", "Ndoen", "Manafe", "Mesakh", "Pah",
        "Riwu Kaho", "Bire Rohi", "Lado", "Huki", "Dida", "Tanesib", "Nomleni", "Tlonaen", "Amalo", "Foeh", "Selan", "Kolo"]
PLACES = ["Oelamasi, Kupang Timur", "Babau, Kupang Timur", "Naibonat, Kupang Timur", "Tarus, Kupang Tengah",
          "Noelbaki, Kupang Tengah", "Baumata, Taebenu", "Oekabiti, Amarasi", "Baun, Amarasi Barat",
          "Camplong II, Fatuleu", "Sulamu, Sulamu", "Uitao, Semau", "Takari, Takari", "Lelogama, Amfoang Selatan"]
JOBS = ["Mahasiswa", "Wartawan", "LSM pemantau pemilu", "Pengurus partai politik", "ASN", "Guru", "Petani", "Peneliti"]
INFO = ["Salinan SK penetapan DPT", "Rekapitulasi hasil Pilkada 2024 per kecamatan", "Salinan Form C Hasil TPS",
        "Laporan dana kampanye pasangan calon", "SK PPK dan PPS", "Anggaran hibah Pilkada 2024",
        "Daftar calon tetap anggota DPRD", "Data pemilih disabilitas per desa", "Dokumen pencalonan"]
CHANNELS = ["langsung"] * 5 + ["surat"] * 2 + ["email"] * 3 + ["website", "whatsapp", "telepon"]
DECISIONS = ["granted"] * 60 + ["partial"] * 15 + ["refused"] * 5 + ["not-held"] * 10 + ["not-documented"] * 10
# Election months see more requests (Pemilu Feb 2024, Pilkada Nov 2024).
MONTH_WEIGHT = {(2024, 2): 3, (2024, 3): 3, (2024, 11): 3, (2024, 12): 3, (2025, 1): 2}


@dataclass
class Plan:
    """What will happen to one request, decided up front from the random stream."""

    received: datetime
    election: bool
    fate: str  # forgotten | withdrawn | void | extended | decided | delivered | open
    decision: str
    objection: bool
    disposition: bool


def receipt_moments(rng: random.Random, n: int) -> list[datetime]:
    """N receipt moments from START to LAST_MOMENT, more in election months, in time order."""
    days = [START + timedelta(days=i) for i in range((LAST_MOMENT.date() - START).days + 1)]
    weights = [MONTH_WEIGHT.get((d.year, d.month), 1) * (0.15 if d.weekday() >= 5 else 1.0) for d in days]
    picked = rng.choices(days, weights, k=n)
    moments = [datetime.combine(d, datetime.min.time()) + timedelta(minutes=rng.randint(8 * 60, 17 * 60)) for d in picked]
    return sorted(min(m, LAST_MOMENT) for m in moments)


def plan_for(rng: random.Random, received: datetime) -> Plan:
    age = (AS_OF - received.date()).days
    roll = rng.random()
    if age < 21:  # recent: still running
        fate = "open" if roll < 0.45 else "extended" if roll < 0.55 else "decided" if roll < 0.8 else "delivered"
    else:
        fate = ("forgotten" if roll < 0.02 else "withdrawn" if roll < 0.05 else "void" if roll < 0.06
                else "extended" if roll < 0.12 else "decided" if roll < 0.25 else "delivered")
    return Plan(received, rng.random() < 0.1, fate, rng.choice(DECISIONS), rng.random() < 0.04, rng.random() < 0.3)


def request_form(rng: random.Random, plan: Plan) -> RequestForm:
    place = rng.choice(PLACES)
    return RequestForm(
        name=f"{rng.choice(FIRST)} {rng.choice(LAST)}", address=f"Desa {place}, Kabupaten Kupang",
        phone=f"08{rng.choice('12358')}{rng.randint(10**8, 10**9 - 1)}", occupation=rng.choice(JOBS),
        id_number=f"5301{rng.randint(10**11, 10**12 - 1)}", channel=rng.choice(CHANNELS),
        info=f"{rng.choice(INFO)} ({place})", purpose="Penelitian dan pemantauan", election=plan.election,
    )


def notice_form(plan: Plan) -> NoticeForm:
    extra: dict[str, object] = {}
    if plan.decision in ("partial", "refused"):
        extra = {"exemptions": ["h"], "reason": "NIK dan alamat pemilih dihitamkan (data pribadi)"}
    elif plan.decision == "not-held":
        extra = {"holder": "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Kupang"}
    elif plan.decision == "not-documented":
        extra = {"provide_within": 10, "reason": "Sedang direkap"}
    return NoticeForm(plan.decision, **extra)  # type: ignore[arg-type]


def at_day(desk: Desk, start: date, working_days: int, hour: int) -> datetime | None:
    """A moment `working_days` after `start` at `hour`, or None when it would be after LAST_MOMENT."""
    moment = datetime.combine(desk.calendar.add_working_days(start, working_days), datetime.min.time()) + timedelta(hours=hour)
    return moment if moment <= LAST_MOMENT else None


def play(desk: Desk, rng: random.Random, plan: Plan, counts: Counter) -> None:
    """Register one request and take it as far as its plan (and the calendar) allow."""
    registered = register_request(desk, request_form(rng, plan), plan.received)
    number, day0 = registered.case.number, registered.case.day0
    counts["requests"] += 1
    if plan.disposition:
        disposed = at_day(desk, day0, 0, 15) or plan.received
        add_dispositions(desk, number, to=["head_technical"], by="ppid", instruction="Siapkan informasi", within=3,
                         at=max(disposed, plan.received))
        done = at_day(desk, day0, rng.randint(1, 5), 14)
        if done and plan.fate not in ("forgotten", "open"):
            complete_disposition(desk, number, position="head_technical", note="Informasi disiapkan", at=done)
    if plan.fate == "forgotten" or plan.fate == "open":
        return
    if plan.fate == "void":
        void_case(desk, number, "Tercatat ganda")
        return
    if plan.fate == "withdrawn":
        moment = at_day(desk, day0, 2, 10)
        if moment:
            withdraw_request(desk, number, "Pemohon mencabut permohonan", moment)
        return
    first, last = 1, 3 if plan.election else 10
    if plan.fate == "extended":
        moment = at_day(desk, day0, last - 1, 9)
        if not moment:
            return
        extend_request(desk, number, "Dokumen masih dihimpun dari subbagian", moment)
        first, last = last - 1, last + (2 if plan.election else 7)
    decided = at_day(desk, day0, rng.randint(first, last), 11)
    if not decided or (plan.fate == "extended" and rng.random() < 0.3):
        return
    decide_request(desk, number, notice_form(plan), decided)
    counts["decided"] += 1
    if plan.fate in ("delivered", "extended") and plan.decision not in ("refused", "not-held"):
        delivered = at_day(desk, decided.date(), rng.randint(0, 3), 13)
        if delivered:
            deliver_request(desk, number, Handover(received_by="Pemohon"), delivered)
            counts["delivered"] += 1
    if plan.objection:
        object_to(desk, rng, number, decided, counts)


def object_to(desk: Desk, rng: random.Random, number: str, decided: datetime, counts: Counter) -> None:
    """An objection a few days after the notice; most are answered, half of those accepted."""
    received = at_day(desk, decided.date(), 5, 10)
    if not received:
        return
    objection = register_objection(desk, ObjectionForm(number, ["d"], "Jawaban tidak sesuai permintaan"), received)
    counts["objections"] += 1
    answered = at_day(desk, objection.case.day0, rng.randint(5, 25), 10)
    if not answered or rng.random() < 0.2:
        return
    answer_objection(desk, objection.case.number, rng.choice(["upheld", "overturned", "partly"]),
                     "Pertimbangan Atasan PPID", "Yermias Lenggu, Sekretaris KPU Kabupaten Kupang", answered)
    reacted = at_day(desk, answered.date(), 3, 10)
    if reacted and rng.random() < 0.5:
        record_reaction(desk, objection.case.number, "accepted", reacted)


def set_up_office(store: Store, now: datetime) -> None:
    with store.session(write=True) as session:
        desk = open_desk(session, now=now, officer="bench", require_office=False)
        save_office(desk, OfficeInput(name="KPU Kabupaten Kupang", code="KPU-KAB.KPG", tz="WITA", hours="08:30-16:00",
                                      officer="Petugas Benchmark"))


def generate(path: Path, n: int, seed: int, batch: int) -> Counter:
    """Fill a new database at `path`; returns what was made."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    store = Store(path)
    counts: Counter = Counter()
    try:
        set_up_office(store, now)
        moments = receipt_moments(rng, n)
        for start in range(0, len(moments), batch):
            with store.session(write=True) as session:
                desk = open_desk(session, now=now, officer="Petugas Benchmark")
                for received in moments[start:start + batch]:
                    play(desk, rng, plan_for(rng, received), counts)
            print(f"  {min(start + batch, len(moments))}/{len(moments)} permohonan", file=sys.stderr)
    finally:
        store.close()
    return counts


def bulk(path: Path, n: int, year: int, seed: int) -> Counter:
    """The office set up through the services, then N requests of `year` bulk-inserted (bench/bulk.py)."""
    from bulk import bulk_requests

    store = Store(path)
    try:
        set_up_office(store, datetime.now(UTC))
    finally:
        store.close()
    words = {"first": FIRST, "last": LAST, "places": PLACES, "jobs": JOBS, "info": INFO}
    return Counter(requests=bulk_requests(path, n, year, seed, words))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="new database file to create")
    parser.add_argument("-n", type=int, default=20_000, help="number of requests (default 20000)")
    parser.add_argument("--seed", type=int, default=2026, help="random seed (same seed, same data)")
    parser.add_argument("--batch", type=int, default=2_000, help="requests per transaction")
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    parser.add_argument("--bulk", action="store_true",
                        help="fast: N requests of --year written straight into the register tables (no clocks, no events)")
    parser.add_argument("--year", type=int, default=2025, help="the year of --bulk requests (default 2025)")
    args = parser.parse_args()
    if args.db.exists():
        if not args.force:
            sys.exit(f"generate: {args.db} sudah ada; tambahkan --force untuk menggantinya.")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    counts = bulk(args.db, args.n, args.year, args.seed) if args.bulk else generate(args.db, args.n, args.seed, args.batch)
    took = time.perf_counter() - started
    made = ", ".join(f"{v} {k}" for k, v in counts.items())
    print(f"generate: {args.db}: {made} dalam {took:.1f} detik ({counts['requests'] / took:.0f} permohonan/detik)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
