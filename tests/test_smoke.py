import json


from tests.conftest import request_args


def test_register_then_overdue(office):
    res = office(*request_args(received="2026-03-16 09:00"), "--json")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["number"] == "001/PPID/KPU-KAB.KPG/III/2026"
    assert data["due"] == "2026-04-07"
    late = office("overdue", "--as-of", "2026-04-08", "--json")
    assert late.exit_code == 0
    assert json.loads(late.stdout)["overdue"][0]["days"] == 1
