"""Numbering templates (issue 11, item 4): distinct and bounded numbers for every kind."""

import json

import pytest

from kpudesk.config import check_numbering, default_templates
from kpudesk.errors import InvalidInput
from tests.conftest import OFFICE_ARGS, request_args


def test_two_kinds_that_could_collide_are_refused_at_init(run):
    res = run(*OFFICE_ARGS, "--template", "request={seq}/{year}", "--template", "exemption={seq}/{year}")
    assert res.exit_code == 2
    assert res.stderr.count("\n") == 1
    assert "dapat menghasilkan nomor yang sama" in res.stderr and "exemption '{seq}/{year}'" in res.stderr


@pytest.mark.parametrize("first, second", [
    ("{seq}/{year}", "{seq:03d}/{year}"),        # seq 100 renders 100/2026 in both
    ("{seq}1/{year}", "{seq}/{year}"),           # seq 1 → 11/2026 = seq 11 → 11/2026
    ("{month_roman}I/{seq}/{year}", "{month_roman}/{seq}/{year}"),  # I+I = II
    ("{seq}-{month}/{year}", "{seq}-{month:02d}/{year}"),
])
def test_colliding_shapes_are_refused(first, second):
    with pytest.raises(InvalidInput, match="nomor yang sama"):
        check_numbering({"request": first, "objection": second}, "KPU-KAB.KPG")


def test_default_and_kind_specific_templates_are_distinct():
    more = {"letter": "{seq:03d}/SM/{office}/{month_roman}/{year}", "complaint": "{seq:03d}/DUMAS/{office}/{month_roman}/{year}",
            "consultation": "{seq:03d}/HD/{office}/{month_roman}/{year}", "other": "{kind}-{seq}-{year}"}
    check_numbering({**default_templates(), **more}, "KPU-KAB.KPG")


def test_existing_templates_are_checked_against_a_new_one(office):
    res = office("init", "--template", "objection={seq:03d}/UK/{office}/{month_roman}/{year}")
    assert res.exit_code == 2 and "exemption" in res.stderr and "objection" in res.stderr
    assert office("init", "--template", "objection={seq:03d}/KBR/{office}/{month_roman}/{year}").exit_code == 0


@pytest.mark.parametrize("template, phrase", [
    ("request={seq:0100000d}/{year}", "tidak diizinkan"),
    ("request={seq:07d}/{year}", "tidak diizinkan"),
    ("request={seq:>9}/{year}", "tidak diizinkan"),
    ("request={seq}/{year}/{office:>90}", "tidak diizinkan"),
    ("request={seq!r}/{year}", "tidak diizinkan"),
    ("request={seq.real}/{year}", "harus memuat {seq} dan {year}"),
    ("request={seq}/" + "X" * 120 + "/{year}", "paling panjang 120"),
])
def test_unbounded_templates_are_refused(office, template, phrase):
    res = office("init", "--template", template)
    assert res.exit_code == 2, res.stderr
    assert phrase in res.stderr and res.stderr.count("\n") == 1


def test_a_long_office_code_cannot_overflow_the_number_column(office):
    res = office("init", "--code", "K" * 110)
    assert res.exit_code == 2 and "paling panjang 120" in res.stderr
    stored = {row["key"]: row["value"] for row in json.loads(office("config", "--json").stdout)}
    assert stored["office.code"] == "KPU-KAB.KPG"


def test_numbers_with_the_widest_padding(run):
    assert run(*OFFICE_ARGS, "--template", "request=R{seq:06d}/{year}").exit_code == 0
    res = run(*request_args(received="2026-03-16 09:00"), "--json")
    assert json.loads(res.stdout)["number"] == "R000001/2026"
