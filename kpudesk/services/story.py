"""The kind-specific sections of `show`: the request form and its outcome, links between cases."""

from sqlmodel import select

from kpudesk.models import Case, RequestDetail
from kpudesk.services.cases import protect
from kpudesk.services.desk import Desk
from kpudesk.services.requests import detail_dict


def kind_sections(desk: Desk, case: Case, *, unmask: bool) -> dict[str, object]:
    """Sections of `show` for this kind of case."""
    sections: dict[str, object] = {}
    if case.kind == "request":
        detail = desk.session.get(RequestDetail, case.id)
        if detail is not None:
            sections["request"] = protect(detail_dict(detail), unmask)
    related = desk.session.exec(select(Case).where(Case.parent_id == case.id).order_by(Case.id)).all()
    if related:
        sections["related"] = [{"number": r.number, "kind": r.kind, "status": r.status} for r in related]
    if case.parent_id:
        parent = desk.session.get(Case, case.parent_id)
        sections["parent"] = {"number": parent.number, "kind": parent.kind, "status": parent.status} if parent else None
    from kpudesk.services import dispositions, expedition, lifecycle, objections

    for module in (lifecycle, objections, dispositions, expedition):
        sections.update(module.story_section(desk, case, unmask=unmask))
    return sections
