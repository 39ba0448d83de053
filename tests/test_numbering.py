"""Registration counters on both backends: one row per kind and year, bumped in the case's transaction."""

import json
from datetime import UTC, date, datetime

import pytest

from kpudesk.services.desk import open_desk
from kpudesk.services.numbering import issue_number
from kpudesk.store import Store
from tests.conftest import request_args

NOW = datetime(2026, 3, 16, 2, 0, tzinfo=UTC)


class Abandon(Exception):
    """Raised inside a transaction to roll it back."""


def test_a_rolled_back_registration_gives_its_number_back(office, store_location, store_db):
    store = Store(store_location)
    try:
        for _ in range(2):
            with pytest.raises(Abandon), store.session(write=True) as session:
                seq, number = issue_number(open_desk(session, now=NOW), "request", date(2026, 3, 16))
                assert (seq, number) == (1, "001/PPID/KPU-KAB.KPG/III/2026")
                raise Abandon
    finally:
        store.close()
    res = office(*request_args(received="2026-03-16 09:00"), "--json")
    assert res.exit_code == 0, res.stderr
    assert json.loads(res.stdout)["number"] == "001/PPID/KPU-KAB.KPG/III/2026"
    assert store_db.scalar("SELECT last FROM number_sequence WHERE kind = 'request' AND year = 2026") == 1


def test_counters_are_per_kind_and_year(office, store_location):
    store = Store(store_location)
    try:
        with store.session(write=True) as session:
            desk = open_desk(session, now=NOW)
            issued = [issue_number(desk, kind, day)[0] for kind, day in [
                ("request", date(2026, 1, 5)), ("request", date(2026, 12, 30)), ("expedition", date(2026, 2, 2)),
                ("request", date(2027, 1, 4)), ("request", date(2026, 6, 1))]]
    finally:
        store.close()
    assert issued == [1, 2, 1, 1, 3]
