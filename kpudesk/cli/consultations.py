"""`kpudesk consultation problem|answer` (helpdesk SIPOL, seed 004) and `kpudesk party add|list`."""

from typing import Annotated, Any

import typer

from kpudesk.cli.common import AtOption, JsonOption, OfficerOption, open_desk, parse_at, print_json, print_table, say

consultation_app = typer.Typer(help="Konsultasi helpdesk SIPOL: permasalahan, jawaban, eskalasi ke KPU Provinsi.",
                               no_args_is_help=True)
party_app = typer.Typer(help="Daftar partai politik yang dilayani helpdesk.", no_args_is_help=True)

NumberArgument = Annotated[str, typer.Argument(help="Nomor konsultasi, mis. 001/HD/KPU-KAB.KPG/III/2026.")]
ByOption = Annotated[str | None, typer.Option("--by", help="Petugas helpdesk yang mengerjakan (default: petugas yang mencatat).")]


@consultation_app.command("problem")
def problem(
    number: NumberArgument,
    texts: Annotated[list[str], typer.Argument(metavar="TEKS...", help="Permasalahan; satu baris (atau satu argumen) per permasalahan.")],
    at: AtOption = None,
    by: ByOption = None,
    officer: OfficerOption = None,
    as_json: JsonOption = False,
) -> None:
    """Catat permasalahan yang dibawa perwakilan partai (langkah 2 SOP helpdesk).

    Contoh: kpudesk consultation problem 001/HD/KPU-KAB.KPG/III/2026 "Gagal unggah KTA" "Akun operator terkunci"
    """
    from kpudesk.services.consultations import note_problems, problem_dict

    moment, has_time = parse_at(at)
    with open_desk(write=True, officer=officer) as desk:
        noted = note_problems(desk, number, texts, at=moment, has_time=has_time, by=by)
        payload = _payload(desk, noted, problem_dict)
    _render(payload, as_json, "dicatat")


@consultation_app.command("answer")
def answer(
    number: NumberArgument,
    no: Annotated[int, typer.Argument(metavar="N", min=1, max=1000, help="Nomor permasalahan (lihat: kpudesk show NOMOR).")],
    text: Annotated[str | None, typer.Argument(metavar="JAWABAN", help="Jawaban/solusi (untuk --escalate: catatan, boleh kosong).")] = None,
    escalate: Annotated[bool, typer.Option("--escalate", help="Teruskan ke Helpdesk KPU Provinsi (jawabannya dicatat kemudian).")] = False,
    at: AtOption = None,
    by: ByOption = None,
    officer: OfficerOption = None,
    as_json: JsonOption = False,
) -> None:
    """Catat jawaban atas permasalahan N, eskalasinya, atau jawaban Helpdesk KPU Provinsi atasnya.

    Contoh: kpudesk consultation answer 001/HD/KPU-KAB.KPG/III/2026 1 "Ukuran berkas KTA paling besar 2 MB"
    kpudesk consultation answer 001/HD/KPU-KAB.KPG/III/2026 2 --escalate
    """
    from kpudesk.services.consultations import answer_problem, problem_dict

    moment, has_time = parse_at(at)
    with open_desk(write=True, officer=officer) as desk:
        noted = answer_problem(desk, number, no, text, escalate=escalate, at=moment, has_time=has_time, by=by)
        payload = _payload(desk, noted, problem_dict)
    _render(payload, as_json, "dieskalasi" if escalate else "dijawab")


def _payload(desk: Any, noted: Any, problem_dict: Any) -> dict[str, Any]:
    from kpudesk.services.cases import deadline_dict
    from kpudesk.services.steps import open_step_clocks

    return {"number": noted.case.number, "problems": [problem_dict(desk, p) for p in noted.problems],
            "steps_done": noted.steps, "zone": desk.profile.zone_label,
            "next": [deadline_dict(desk, d, desk.today()) for d in open_step_clocks(desk, noted.case.id)]}


def _render(payload: dict[str, Any], as_json: bool, verb: str) -> None:
    from kpudesk.cli.steps import clock_line

    zone = payload.pop("zone")
    if as_json:
        print_json(payload)
        return
    for item in payload["problems"]:
        print(f"{payload['number']} permasalahan {item['no']} {verb}: {item['text']}")
    for code in payload["steps_done"]:
        say(f"Langkah SOP '{code}' dicatat.")
    for clock in payload["next"]:
        print(f"Berikutnya        : {clock_line(clock, zone)}")


@party_app.command("add")
def party_add(
    name: Annotated[str, typer.Argument(help="Nama lengkap partai, mis. 'Partai Kebangkitan Bangsa'.")],
    short: Annotated[str | None, typer.Option("--short", help="Singkatan, mis. PKB.")] = None,
    officer: OfficerOption = None,
    as_json: JsonOption = False,
) -> None:
    """Tambahkan partai politik ke daftar kantor."""
    from kpudesk.services.parties import add_party

    with open_desk(write=True, officer=officer) as desk:
        party = add_party(desk, name, short)
    if as_json:
        print_json(party)
        return
    say(f"Partai ditambahkan: {party['name']}" + (f" ({party['short']})" if party["short"] else "") + ".")


@party_app.command("list")
def party_list(as_json: JsonOption = False) -> None:
    """Daftar partai politik yang dilayani helpdesk."""
    from kpudesk.services.parties import list_parties

    with open_desk() as desk:
        rows = list_parties(desk)
    if as_json:
        print_json(rows)
        return
    print_table(None, ["Partai", "Singkatan"], [(r["name"], r["short"]) for r in rows])


def install(app: typer.Typer) -> None:
    app.add_typer(consultation_app, name="consultation")
    app.add_typer(party_app, name="party")
