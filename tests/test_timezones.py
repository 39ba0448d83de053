"""The three Indonesian time zones: one instant, three office days.

The office is set up through the CLI with `--tz WIB|WITA|WIT`; requests are registered by calling
the service with a fixed clock (an aware UTC `now`), so "now" is the receipt moment. Offices close
at 16:00 (the default hours). Expected dates are counted by hand; see test_calendar.py for the
2026 holiday list (18 Mar C, 19 Mar L, 20 Mar C, 21–22 Mar L, 23–24 Mar C, 3 Apr L).
"""

import json
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime

import pytest
from sqlmodel import select

from kpudesk.errors import InvalidInput
from kpudesk.models import Case
from kpudesk.services.desk import open_desk
from kpudesk.services.requests import RequestForm, register_request
from kpudesk.store import Store
from tests.conftest import OFFICE_ARGS, Result

Runner = Callable[..., Result]

FORM = RequestForm(name="Maria Bria", address="Jl. Timor Raya KM 36, Oelamasi", phone="081234567890",
                   id_number="5301014501900001", info="Salinan SK penetapan DPT", purpose="Penelitian skripsi")


def office_args(zone: str) -> list[str]:
    args = list(OFFICE_ARGS)
    args[args.index("--tz") + 1] = zone
    return args


@pytest.fixture
def store(store_location: str) -> Iterator[Store]:
    opened = Store(store_location)
    yield opened
    opened.close()


def register_at(store: Store, now: datetime) -> dict[str, object]:
    """Register the form with the clock fixed at `now` (aware UTC); the receipt is 'now'."""
    with store.session(write=True) as session:
        desk = open_desk(session, now=now)
        return register_request(desk, FORM, None).as_dict()


def stored_received_at(store: Store, number: str) -> datetime:
    with store.session() as session:
        moment = session.exec(select(Case.received_at).where(Case.number == number)).one()
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # SQLite hands back naive UTC


ZONES = [
    # zone, now (UTC), office-local receipt, day 0, notice due (10 HK)
    # 08:30 UTC = 15:30 WIB, before closing: day 0 Mon 16 Mar → DOMAIN.md example, due Tue 7 Apr
    ("WIB", datetime(2026, 3, 16, 8, 30), "2026-03-16T15:30", date(2026, 3, 16), date(2026, 4, 7)),
    # 16:30 WITA, after closing: day 0 Tue 17; 18–24 off; 25=1 26=2 27=3 30=4 31=5 1 Apr=6 2=7;
    # 3 L; 6=8 7=9 8 Apr=10
    ("WITA", datetime(2026, 3, 16, 8, 30), "2026-03-16T16:30", date(2026, 3, 17), date(2026, 4, 8)),
    # 17:30 WIT, after closing: same as WITA
    ("WIT", datetime(2026, 3, 16, 8, 30), "2026-03-16T17:30", date(2026, 3, 17), date(2026, 4, 8)),
    # Sunday 23:30 UTC is already Monday morning in Indonesia: day 0 Mon 16 Mar in every zone
    ("WIB", datetime(2026, 3, 15, 23, 30), "2026-03-16T06:30", date(2026, 3, 16), date(2026, 4, 7)),
    ("WITA", datetime(2026, 3, 15, 23, 30), "2026-03-16T07:30", date(2026, 3, 16), date(2026, 4, 7)),
    ("WIT", datetime(2026, 3, 15, 23, 30), "2026-03-16T08:30", date(2026, 3, 16), date(2026, 4, 7)),
    # Fri 13 Mar 08:59 UTC = 15:59 WIB: that Friday is day 0;
    # 16=1 17=2; 18–24 off; 25=3 26=4 27=5 30=6 31=7 1 Apr=8 2=9; 3 L; 6 Apr=10
    ("WIB", datetime(2026, 3, 13, 8, 59), "2026-03-13T15:59", date(2026, 3, 13), date(2026, 4, 6)),
    # 16:59 WITA / 17:59 WIT on Friday: after closing → Monday is day 0 → due 7 Apr
    ("WITA", datetime(2026, 3, 13, 8, 59), "2026-03-13T16:59", date(2026, 3, 16), date(2026, 4, 7)),
    ("WIT", datetime(2026, 3, 13, 8, 59), "2026-03-13T17:59", date(2026, 3, 16), date(2026, 4, 7)),
    # Tue 17 Mar 07:00 UTC = 14:00 WIB (open) / 15:00 WITA (open) / 16:00 WIT (closing: Lebaran
    # follows, 18–24 off, so day 0 is Wed 25; 26=1 27=2 30=3 31=4 1 Apr=5 2=6; 3 L; 6=7 7=8 8=9 9 Apr=10)
    ("WIB", datetime(2026, 3, 17, 7, 0), "2026-03-17T14:00", date(2026, 3, 17), date(2026, 4, 8)),
    ("WITA", datetime(2026, 3, 17, 7, 0), "2026-03-17T15:00", date(2026, 3, 17), date(2026, 4, 8)),
    ("WIT", datetime(2026, 3, 17, 7, 0), "2026-03-17T16:00", date(2026, 3, 25), date(2026, 4, 9)),
]


@pytest.mark.parametrize(("zone", "now", "local", "day0", "due"), ZONES)
def test_receipt_now_in_each_zone(run: Runner, store: Store, zone: str, now: datetime, local: str,
                                  day0: date, due: date) -> None:
    assert run(*office_args(zone)).exit_code == 0
    registered = register_at(store, now.replace(tzinfo=UTC))
    assert registered["received_at"] == local
    assert (registered["day0"], registered["due"]) == (day0.isoformat(), due.isoformat())
    # stored as the same instant in UTC, whatever the zone
    assert stored_received_at(store, str(registered["number"])) == now.replace(tzinfo=UTC)
    shown = json.loads(run("show", registered["number"], "--json").stdout)
    assert shown["received_at"] == local  # shown back in office time
    assert shown["day0"] == day0.isoformat()
    assert [d["due"] for d in shown["deadlines"] if d["kind"] == "notice"] == [due.isoformat()]


@pytest.mark.parametrize(("zone", "stored_utc"), [
    # --received is office time: 16:00 local is 09:00 UTC in Jakarta, 08:00 in Makassar, 07:00 in Jayapura
    ("WIB", datetime(2026, 3, 16, 9, 0, tzinfo=UTC)),
    ("WITA", datetime(2026, 3, 16, 8, 0, tzinfo=UTC)),
    ("WIT", datetime(2026, 3, 16, 7, 0, tzinfo=UTC)),
])
def test_received_option_is_office_time(run: Runner, store: Store, zone: str, stored_utc: datetime) -> None:
    assert run(*office_args(zone)).exit_code == 0
    res = run("register", "request", "--name", "Yohanes Lay", "--address", "Jl. Soekarno, Kupang",
              "--phone", "081234567890", "--id-number", "5301014501900001", "--info", "Daftar TPS",
              "--purpose", "Liputan", "--received", "2026-03-16 16:00", "--json")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    # 16:00 is closing in every zone: day 0 Tue 17 → due Wed 8 Apr (see ZONES above)
    assert (data["received_at"], data["day0"], data["due"]) == ("2026-03-16T16:00", "2026-03-17", "2026-04-08")
    assert stored_received_at(store, data["number"]) == stored_utc
    assert json.loads(run("show", data["number"], "--json").stdout)["received_at"] == "2026-03-16T16:00"


def test_a_moment_in_the_office_future_is_refused(run: Runner, store: Store) -> None:
    # At 08:30 UTC it is 17:30 in Jayapura; 17:45 local is still in the future there.
    assert run(*office_args("WIT")).exit_code == 0
    with store.session(write=True) as session:
        desk = open_desk(session, now=datetime(2026, 3, 16, 8, 30, tzinfo=UTC))
        assert desk.local_now() == datetime(2026, 3, 16, 17, 30)
        with pytest.raises(InvalidInput, match="masa depan"):
            register_request(desk, FORM, datetime(2026, 3, 16, 17, 45))


@pytest.mark.parametrize(("zone", "local", "number"), [
    # 31 Mar 2026 15:30 UTC: 22:30 WIB and 23:30 WITA are still March (after closing), 00:30 WIT
    # is already 1 April. The number's month follows the office's own calendar day; day 0 is
    # Wed 1 Apr everywhere (next working day after a late receipt, or the day itself).
    ("WIB", "2026-03-31T22:30", "001/PPID/KPU-KAB.KPG/III/2026"),
    ("WITA", "2026-03-31T23:30", "001/PPID/KPU-KAB.KPG/III/2026"),
    ("WIT", "2026-04-01T00:30", "001/PPID/KPU-KAB.KPG/IV/2026"),
])
def test_same_instant_and_the_registration_month(run: Runner, store: Store, zone: str, local: str,
                                                 number: str) -> None:
    assert run(*office_args(zone)).exit_code == 0
    registered = register_at(store, datetime(2026, 3, 31, 15, 30, tzinfo=UTC))
    assert (registered["received_at"], registered["number"]) == (local, number)
    # day 0 Wed 1 Apr: 2=1; 3 L; 6=2 7=3 8=4 9=5 10=6 13=7 14=8 15=9 16 Apr=10
    assert (registered["day0"], registered["due"]) == ("2026-04-01", "2026-04-16")
