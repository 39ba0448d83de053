"""Services for lifecycle (being built)."""

from kpudesk.models import Case
from kpudesk.services.desk import Desk


def story_section(desk: Desk, case: Case, *, unmask: bool) -> dict[str, object]:
    """This module's part of `kpudesk show` for a case ({} when it has none)."""
    return {}
