"""SOPs as data: the step tables of DOMAIN.md §8, read from TOML files and checked. Pure.

An SOP file holds one or more flows (`[[flow]]`, one per case kind) of steps (`[[flow.step]]`):
`no`, `code`, `label`, `who` (a role key of the office), `standard` (`3m`, `1h`, `1d`, `day 3`, or
none), `output`, `optional`, `after` (the steps any one of which must be done first; default the
step before it), `alternative` (steps sharing a group exclude each other), `ends` (closes the case)
and `expedition` (the step hands a document over: it writes the expedition book).
"""

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from kpudesk.errors import InvalidInput

_STANDARD = re.compile(
    r"^\s*(?:(?P<n>\d{1,4})\s*(?P<unit>m|menit|min|h|j|jam|d|hk|hari)|(?:day|hari(?:\s+ke)?)[\s-]*(?P<day>\d{1,3}))\s*$",
    re.IGNORECASE,
)
MAX_MINUTES = 60 * 24 * 30


@dataclass(frozen=True)
class Standard:
    """A time standard: office minutes, working days from the previous step, or day N of the flow."""

    unit: str  # minutes | days | flow_day | none
    amount: int = 0

    @classmethod
    def parse(cls, text: str | None) -> "Standard":
        """'3m', '1h', '1d', 'day 3' (also Indonesian 'menit', 'jam', 'hari ke 3'); '' → none."""
        if text is None or not str(text).strip():
            return cls("none")
        match = _STANDARD.match(str(text))
        if not match:
            raise ValueError(f"mutu baku '{text}' tidak dikenal; gunakan 3m, 1h, 1d atau 'day 3'")
        if match["day"]:
            return cls("flow_day", _positive(int(match["day"]), text))
        amount, unit = _positive(int(match["n"]), text), match["unit"].lower()
        if unit in ("h", "j", "jam"):
            return cls("minutes", amount * 60)
        if unit in ("d", "hk", "hari"):
            return cls("days", amount)
        return cls("minutes", amount)

    def describe(self) -> str:
        """'3 menit', '1 jam', '1 hari kerja', 'hari ke-3', '—'."""
        if self.unit == "minutes":
            return f"{self.amount // 60} jam" if self.amount % 60 == 0 and self.amount >= 60 else f"{self.amount} menit"
        if self.unit == "days":
            return f"{self.amount} hari kerja"
        if self.unit == "flow_day":
            return f"hari ke-{self.amount}"
        return "—"


def _positive(value: int, text: str) -> int:
    if value < 1 or value > MAX_MINUTES:
        raise ValueError(f"mutu baku '{text}' di luar batas (1 sampai {MAX_MINUTES})")
    return value


@dataclass(frozen=True)
class StepPolicy:
    """A kind's own say over one case's steps, beyond the SOP's order.

    `needs`: optional steps this case must do (their clocks run; steps after them wait);
    `refuse`: step code → the reason it cannot be done now; `starts`: step code → the office-local
    moment its clock starts from, opened at once and kept until the step is done."""

    needs: frozenset[str] = frozenset()
    refuse: Mapping[str, str] = field(default_factory=dict)
    starts: Mapping[str, datetime] = field(default_factory=dict)


@dataclass(frozen=True)
class Step:
    no: int
    code: str
    label: str
    who: str
    standard: Standard
    outputs: tuple[str, ...] = ()
    optional: bool = False
    after: tuple[str, ...] = ()
    alternative: str | None = None
    ends: bool = False
    expedition: bool = False


@dataclass(frozen=True)
class Flow:
    """The steps of one case kind under one SOP revision."""

    kind: str
    title: str
    decree: str
    steps: tuple[Step, ...]

    def step(self, code: str) -> Step | None:
        return next((s for s in self.steps if s.code == code), None)

    def successors(self, code: str) -> tuple[Step, ...]:
        return tuple(s for s in self.steps if code in s.after)

    def allowed(self, done: Iterable[str]) -> tuple[Step, ...]:
        """The steps that may be done next, given the codes already done."""
        finished = set(done)
        return tuple(s for s in self.steps if self._is_allowed(s, finished))

    def _is_allowed(self, step: Step, done: set[str]) -> bool:
        if step.code in done or any(s.code in done for s in self.successors(step.code)):
            return False
        if step.alternative and any(s.alternative == step.alternative and s.code in done for s in self.steps):
            return False
        return not step.after or any(code in done for code in step.after)

    def expected(self, done: Iterable[str]) -> tuple[Step, ...]:
        """The allowed steps that are not optional: the ones whose clocks run."""
        return tuple(s for s in self.allowed(done) if not s.optional)


def parse_sop(text: str, roles: Iterable[str], kinds: Iterable[str] | None = None) -> list[Flow]:
    """The flows of an SOP file, checked; InvalidInput naming the line of the first fault."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InvalidInput(f"Berkas SOP bukan TOML yang sah: {exc}.") from None
    flows = data.get("flow")
    if not isinstance(flows, list) or not flows:
        raise InvalidInput("Berkas SOP tidak memuat alur: tambahkan [[flow]] dengan kind dan [[flow.step]].")
    known_roles, known_kinds = set(roles), set(kinds) if kinds is not None else None
    return [_flow(text, raw, str(data.get("decree", "")), known_roles, known_kinds) for raw in flows]


def _fault(text: str, needle: str, message: str) -> InvalidInput:
    line = next((i for i, row in enumerate(text.splitlines(), 1) if needle in row), None)
    where = f"baris {line}: " if line else ""
    return InvalidInput(f"Berkas SOP, {where}{message}")


def _flow(text: str, raw: Mapping[str, object], decree: str, roles: set[str], kinds: set[str] | None) -> Flow:
    kind = str(raw.get("kind", "")).strip()
    if not kind or (kinds is not None and kind not in kinds):
        accepted = f"; jenis yang dikenal: {', '.join(sorted(kinds))}" if kinds else ""
        raise _fault(text, f'kind = "{kind}"', f"jenis perkara alur '{kind}' tidak dikenal{accepted}.")
    raw_steps = raw.get("step")
    if not isinstance(raw_steps, list) or not raw_steps:
        raise _fault(text, f'kind = "{kind}"', f"alur '{kind}' tidak memuat langkah ([[flow.step]]).")
    steps: list[Step] = []
    for raw_step in raw_steps:
        steps.append(_step(text, raw_step, steps[-1].code if steps else None, roles))
    flow = Flow(kind, str(raw.get("title", kind)), decree, tuple(steps))
    _check_graph(text, flow)
    return flow


def _step(text: str, raw: Mapping[str, object], previous: str | None, roles: set[str]) -> Step:
    code = str(raw.get("code", "")).strip()
    needle = f'code = "{code}"'
    if not re.fullmatch(r"[a-z][a-z0-9_]{0,39}", code):
        raise _fault(text, needle if code else "[[flow.step]]", f"kode langkah '{code}' tidak sah; gunakan huruf kecil, angka dan _.")
    who = str(raw.get("who", "")).strip()
    if who not in roles:
        raise _fault(text, needle, f"langkah '{code}': pelaksana '{who}' tidak dikenal; gunakan salah satu: {', '.join(sorted(roles))}.")
    try:
        standard = Standard.parse(raw.get("standard"))  # type: ignore[arg-type]
    except ValueError as exc:
        raise _fault(text, needle, f"langkah '{code}': {exc}.") from None
    label = str(raw.get("label", "")).strip()
    if not label:
        raise _fault(text, needle, f"langkah '{code}' tidak memiliki label.")
    after = raw.get("after", [previous] if previous else [])
    return Step(
        no=int(raw.get("no", 0) or 0), code=code, label=label, who=who, standard=standard,
        outputs=tuple(str(o) for o in raw.get("output", []) or []),  # type: ignore[union-attr]
        optional=bool(raw.get("optional", False)), after=tuple(str(a) for a in after),  # type: ignore[union-attr]
        alternative=str(raw["alternative"]) if raw.get("alternative") else None,
        ends=bool(raw.get("ends", False)), expedition=bool(raw.get("expedition", False)),
    )


def _check_graph(text: str, flow: Flow) -> None:
    codes = [s.code for s in flow.steps]
    for step in flow.steps:
        if codes.count(step.code) > 1:
            raise _fault(text, f'code = "{step.code}"', f"kode langkah '{step.code}' dipakai lebih dari sekali.")
        for code in step.after:
            if code not in codes:
                raise _fault(text, f'code = "{step.code}"', f"langkah '{step.code}': 'after' menyebut langkah '{code}' yang tidak ada.")
    if not any(s.ends for s in flow.steps):
        raise _fault(text, f'kind = "{flow.kind}"', f"alur '{flow.kind}' tidak memiliki langkah akhir (ends = true).")
    cycle = _find_cycle(flow)
    if cycle:
        raise _fault(text, f'code = "{cycle}"', f"langkah '{cycle}' berada dalam putaran (loop) 'after'.")
    if flow.steps[0].after:
        raise _fault(text, f'code = "{flow.steps[0].code}"', "langkah pertama tidak boleh memiliki 'after'.")


def _find_cycle(flow: Flow) -> str | None:
    """A step on a cycle of `after` links, or None."""
    state: dict[str, int] = {}

    def visit(code: str) -> str | None:
        state[code] = 1
        step = flow.step(code)
        for prior in step.after if step else ():
            if state.get(prior) == 1:
                return prior
            if prior not in state and (found := visit(prior)):
                return found
        state[code] = 2
        return None

    for s in flow.steps:
        if s.code not in state and (found := visit(s.code)):
            return found
    return None
