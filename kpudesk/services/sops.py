"""SOP revisions in the store: the shipped defaults, revisions an office loads, the one in force.

A revision is stored with its file's text, so an old one can be shown as it was. The newest
revision of a kind applies to the steps its cases have not done yet (seed 000, Pengesahan 3).
"""

from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import func
from sqlmodel import col, select

from kpudesk import kinds
from kpudesk.errors import InvalidInput, NotFound
from kpudesk.models import SopRevision
from kpudesk.services.desk import Desk
from kpudesk.services.events import record_event
from kpudesk.sop import Flow, parse_sop

MAX_SOP_BYTES = 256 * 1024
MAX_VERSION = 100_000


@dataclass(frozen=True)
class Revision:
    """One revision of a kind's flow, as stored (version 0: the shipped default, not yet stored)."""

    kind: str
    version: int
    flow: Flow
    loaded_at: str = ""
    officer: str = ""


def roles(desk: Desk) -> list[str]:
    """The role keys an SOP may name: the office's titles (defaults and its own `role.*`)."""
    return sorted({key.removeprefix("role.") for key in desk.profile.values if key.startswith("role.")})


@lru_cache(maxsize=64)
def _parsed(text: str, roles_key: tuple[str, ...]) -> tuple[Flow, ...]:
    return tuple(parse_sop(text, roles_key, kinds.step_kinds()))


def _flow_of(desk: Desk, text: str, kind: str) -> Flow:
    flow = next((f for f in _parsed(text, tuple(roles(desk))) if f.kind == kind), None)
    if flow is None:
        raise InvalidInput(f"SOP tidak memuat alur untuk jenis '{kind}'.")
    return flow


def step_kind(code: str) -> kinds.KindSpec:
    """A kind run by the step engine; InvalidInput naming those that are, otherwise."""
    spec = kinds.find_kind(code)
    if spec is None or not spec.sop:
        raise InvalidInput(f"Jenis '{code}' tidak memiliki SOP langkah; pilih salah satu: {', '.join(kinds.step_kinds())}.")
    return spec


def default_source(spec: kinds.KindSpec) -> str:
    if spec.sop_file is None:
        raise NotFound(f"Jenis '{spec.code}' tidak memiliki berkas SOP bawaan; muat dengan: kpudesk sop load BERKAS.")
    return spec.sop_file.read_text(encoding="utf-8")


def current_revision(desk: Desk, kind: str, *, store: bool = False) -> Revision:
    """The revision in force for a kind; with `store`, the shipped default is stored as version 1
    the first time a case needs it (so every case names a stored version)."""
    spec = step_kind(kind)
    row = desk.session.exec(select(SopRevision).where(SopRevision.kind == spec.code)
                            .order_by(col(SopRevision.version).desc())).first()
    if row is not None:
        return _revision(desk, row)
    source = default_source(spec)
    if not store:
        return Revision(spec.code, 0, _flow_of(desk, source, spec.code))
    return _store(desk, spec.code, 1, source, _flow_of(desk, source, spec.code))


def revision(desk: Desk, kind: str, version: int) -> Revision:
    """A stored revision by number; NotFound naming the versions there are."""
    spec = step_kind(kind)
    if not 1 <= version <= MAX_VERSION:
        raise InvalidInput(f"--version {version} tidak valid; gunakan nomor versi 1 sampai {MAX_VERSION}.")
    row = desk.session.get(SopRevision, (spec.code, version))
    if row is None:
        versions = desk.session.exec(select(SopRevision.version).where(SopRevision.kind == spec.code)).all()
        known = ", ".join(str(v) for v in sorted(versions)) or "belum ada (bawaan belum dipakai)"
        raise NotFound(f"SOP {spec.code} versi {version} tidak ada; versi tersimpan: {known}.")
    return _revision(desk, row)


def _revision(desk: Desk, row: SopRevision) -> Revision:
    return Revision(row.kind, row.version, _flow_of(desk, row.source, row.kind),
                    desk.to_local(row.loaded_at).isoformat(timespec="minutes"), row.officer)


def _store(desk: Desk, kind: str, version: int, source: str, flow: Flow) -> Revision:
    row = SopRevision(kind=kind, version=version, title=flow.title, source=source, loaded_at=desk.stored_now(),
                      officer=desk.officer)
    desk.session.add(row)
    desk.session.flush()
    return _revision(desk, row)


def load_revision(desk: Desk, source: str) -> list[Revision]:
    """Check an SOP file and store each of its flows as the next version of its kind."""
    if len(source.encode("utf-8")) > MAX_SOP_BYTES:
        raise InvalidInput(f"Berkas SOP terlalu besar; paling besar {MAX_SOP_BYTES // 1024} KiB.")
    flows = parse_sop(source, roles(desk), kinds.step_kinds())
    loaded = []
    for flow in flows:
        last = desk.session.exec(select(func.max(SopRevision.version)).where(SopRevision.kind == flow.kind)).one()
        if last is None:  # the shipped default becomes version 1, so cases already running keep naming it
            current_revision(desk, flow.kind, store=True)
            last = 1
        loaded.append(_store(desk, flow.kind, last + 1, source, flow))
        record_event(desk, "sop_loaded", kind=flow.kind, version=last + 1, title=flow.title)
    return loaded


def list_revisions(desk: Desk) -> list[dict[str, object]]:
    """Every step kind with the revision in force and how many are stored."""
    rows = []
    for code in kinds.step_kinds():
        current = current_revision(desk, code)
        count = desk.session.exec(select(func.count()).select_from(SopRevision).where(SopRevision.kind == code)).one()
        rows.append({"kind": code, "title": current.flow.title, "decree": current.flow.decree,
                     "version": current.version, "versions": count, "steps": len(current.flow.steps)})
    return rows
