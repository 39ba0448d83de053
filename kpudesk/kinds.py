"""The registry of case kinds: one declaration per kind, read by everything generic. Pure.

A kind declares its code and Indonesian labels, numbering template, statuses, its clocks (what
each counts from, who answers for it, whether the office or the citizen must act), the fields of
its form (for SOP-driven kinds the generic `register KIND` command is built from them), the
fields it is listed and searched by, the modules that add its `show` sections, and its SOP file.
Adding a kind is one `register_kind(KindSpec(...))` call (plus, for its own legal rules, a
service module); find, list, show, void, overdue, recompute, registers and samples read this.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

SOP_DIR = Path(__file__).resolve().parent / "sop"


@dataclass(frozen=True)
class ClockSpec:
    """One kind of clock (a Deadline.kind): its label, what it counts from, who answers for it."""

    code: str
    label: str
    counts_from: str  # receipt | day0 | previous | step
    office: bool = True  # False: the citizen's own window, never reported as the office being late


@dataclass(frozen=True)
class FieldSpec:
    """One field of a kind's form, as an option of `register KIND` and a column of its register."""

    name: str
    label: str
    type: str = "text"  # text | long | phone | email | identity | id_type | date | int | choice | flag | position
    required: bool = False
    choices: tuple[str, ...] = ()
    default: str | None = None
    personal: bool = False  # masked in lists, exports and letters unless --unmask
    help: str = ""

    @property
    def option(self) -> str:
        return "--" + self.name.replace("_", "-")


@dataclass(frozen=True)
class KindSpec:
    """A registered case kind."""

    code: str
    label: str  # 'Permohonan informasi'
    template: str  # default numbering template
    aliases: tuple[str, ...] = ()  # Indonesian names accepted wherever a kind is typed
    statuses: tuple[str, ...] = ("registered", "closed", "void")
    final_statuses: tuple[str, ...] = ("closed", "withdrawn", "void")
    clocks: tuple[ClockSpec, ...] = ()
    fields: tuple[FieldSpec, ...] = ()
    party_field: str = "name"  # the form field shown as "who" in lists and overdue
    subject_field: str = "subject"  # the form field shown as "what"
    search_fields: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()  # "module:function" adding `show` sections (resolved lazily)
    sop: str | None = None  # the SOP flow this kind runs (a flow name in an SOP file)
    sop_file: Path | None = None  # the default SOP file holding that flow
    register_help: str = ""
    register_title: str = ""  # the title of its register ('BUKU AGENDA SURAT MASUK')
    numbered: bool = True
    # "module:function" (desk, case, done) -> sop.StepPolicy: a kind's own say over its steps
    # (optional steps a case needs, steps refused for now, clocks that start elsewhere).
    step_policy: str | None = None
    # "module:function" (desk, kind, first, after, titles, *, unmask, attendance) -> Register: the
    # kind's own register instead of the generic step register (attendance: the day's list).
    register_builder: str | None = None

    def field(self, name: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.name == name), None)

    @property
    def personal_fields(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.personal)


_REGISTRY: dict[str, KindSpec] = {}
# Clock kinds that are not tied to one case kind: a disposition's follow-up, an SOP step.
_SHARED_CLOCKS: dict[str, ClockSpec] = {
    "disposition": ClockSpec("disposition", "Tindak lanjut disposisi", "step"),
    "step": ClockSpec("step", "Langkah SOP", "previous"),  # a time standard from the previous step
    "step_day": ClockSpec("step_day", "Langkah SOP", "day0"),  # "day N" of the flow, from receipt
}


def register_kind(spec: KindSpec) -> KindSpec:
    """Add (or replace) a kind in the registry; returns it."""
    _REGISTRY[spec.code] = spec
    return spec


def unregister_kind(code: str) -> None:
    _REGISTRY.pop(code, None)


def kinds() -> Iterator[KindSpec]:
    yield from _REGISTRY.values()


def kind_codes() -> tuple[str, ...]:
    return tuple(_REGISTRY)


def get_kind(code: str) -> KindSpec:
    """The registered kind; KeyError for an unknown code."""
    return _REGISTRY[code]


def find_kind(text: str | None) -> KindSpec | None:
    """A kind by its code or one of its Indonesian aliases (case-insensitive)."""
    key = (text or "").strip().lower()
    for spec in _REGISTRY.values():
        if key == spec.code or key in spec.aliases:
            return spec
    return None


def numbered_kinds() -> tuple[str, ...]:
    """Every kind that gets a registration number, plus the expedition book."""
    return tuple(s.code for s in _REGISTRY.values() if s.numbered) + ("expedition",)


def all_statuses() -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for spec in _REGISTRY.values():
        seen.update(dict.fromkeys(spec.statuses))
    return tuple(seen)


def clock_specs() -> dict[str, ClockSpec]:
    """Every clock kind of every registered kind, by code."""
    specs = dict(_SHARED_CLOCKS)
    for spec in _REGISTRY.values():
        specs.update({c.code: c for c in spec.clocks})
    return specs


def office_clock_kinds() -> tuple[str, ...]:
    """Clock kinds the office must meet (reported by `overdue`)."""
    return tuple(code for code, c in clock_specs().items() if c.office)


def step_kinds() -> tuple[str, ...]:
    """Kinds run by the SOP step engine."""
    return tuple(s.code for s in _REGISTRY.values() if s.sop)


def _import_builtin() -> None:
    from kpudesk import kinds_builtin  # noqa: F401  (registers the shipped kinds)


_import_builtin()
