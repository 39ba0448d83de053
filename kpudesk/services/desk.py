"""The context every service works in: one transaction, the office profile, its calendar, the clock."""

from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cached_property
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from kpudesk.calendar import WorkCalendar
from kpudesk.config import OfficeProfile, resolve_officer
from kpudesk.errors import InvalidInput, StoreError
from kpudesk.holiday_cache import cached_holidays
from kpudesk.models import CalendarDay, Setting
from kpudesk.services.audit import watch_cases
from kpudesk.textfmt import long_datetime


@dataclass
class Desk:
    """One command's view of the office: session, settings, calendar, `now` (aware UTC), officer."""

    session: Session
    profile: OfficeProfile
    now: datetime
    officer: str

    @cached_property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.profile.tz_name)

    @cached_property
    def calendar(self) -> WorkCalendar:
        return build_calendar(self.session, self.profile)

    def reload(self) -> WorkCalendar:
        """Re-read the settings and office days after this transaction changed them; returns the
        calendar as it was before, so callers can tell which days the change touched."""
        before = self.calendar
        self.profile = OfficeProfile.from_settings(load_settings(self.session))
        for cached in ("tz", "calendar"):
            self.__dict__.pop(cached, None)
        return before

    def local_now(self) -> datetime:
        """Now as a naive datetime in office time."""
        return self.to_local(self.now)

    def today(self) -> date:
        return self.local_now().date()

    def to_utc(self, local: datetime) -> datetime:
        """Office-time naive datetime → aware UTC for storage."""
        return local.replace(tzinfo=self.tz).astimezone(UTC)

    def to_local(self, moment: datetime) -> datetime:
        """Stored UTC datetime (aware; naive is read as UTC) → naive office time for display."""
        aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        return aware.astimezone(self.tz).replace(tzinfo=None)

    def said(self, local: datetime) -> str:
        """An office-time moment for a message: 'Senin, 16 Maret 2026 10.00 WITA'."""
        return long_datetime(local, self.profile.zone_label)

    def stored_now(self) -> datetime:
        """Now as stored: aware UTC."""
        return self.now.astimezone(UTC)


def action_moment(desk: Desk, at: datetime | None, has_time: bool, not_before: tuple[datetime, str] | None,
                  what: str) -> datetime:
    """The office-time moment of an action: now (to the minute) when not given; never in the future,
    never before `not_before` (the previous step's moment and what it was). A bare date on that
    step's day means the step's own moment, so a date typed without a time is not refused."""
    local_now = desk.local_now()
    if at is None:
        return local_now.replace(second=0, microsecond=0)
    if at > local_now:
        raise InvalidInput(f"{what} {desk.said(at)} ada di masa depan; waktu kantor sekarang {desk.said(local_now)}.")
    if not_before is None:
        return at
    earliest, step = not_before
    if not has_time and at.date() == earliest.date():
        return earliest
    if at < earliest:
        raise InvalidInput(f"{what} {desk.said(at)} lebih awal dari {step} ({desk.said(earliest)}); periksa waktunya.")
    return at


def stored_officer(session: Session) -> str:
    """The office's default officer (`init --officer`), or '' when none was set."""
    row = session.get(Setting, "office.officer")
    return row.value if row is not None else ""


def load_settings(session: Session) -> dict[str, str]:
    return {row.key: row.value for row in session.exec(select(Setting))}


def build_calendar(session: Session, profile: OfficeProfile) -> WorkCalendar:
    """The office's working-day calendar: national holidays plus its own declared days."""
    days = session.exec(select(CalendarDay)).all()
    return WorkCalendar(
        weekend=profile.weekend,
        collective_leave_is_working=profile.collective_leave_is_working,
        closures={d.day: d.reason for d in days if d.kind == "closure"},
        extra_workdays={d.day: d.reason for d in days if d.kind == "workday"},
        holiday_source=cached_holidays,
    )


def open_desk(session: Session, *, now: datetime, officer: str | None = None, require_office: bool = True) -> Desk:
    """Read the office profile; refuse when the office was never set up (unless not required)."""
    profile = OfficeProfile.from_settings(load_settings(session))
    if require_office and not profile.is_initialized:
        # A store never set up is a store problem (exit 4), like a missing file: exit 1 means "refused".
        raise StoreError("Kantor belum diatur; jalankan dahulu: kpudesk init --office NAMA --code KODE --tz WITA.")
    desk = Desk(session, profile, now, resolve_officer(officer, profile.get("office.officer")).value)
    watch_cases(session, desk.officer, desk.stored_now())
    return desk
