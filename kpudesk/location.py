"""Where a store lives: a SQLite file path or a PostgreSQL URL. Pure: no database imports.

Only a value that starts with a PostgreSQL scheme is a URL; anything else — including names with
`?`, `%` or `:` in them — is a file name, taken literally.
"""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

SERVER_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")


def is_server_url(value: str) -> bool:
    """True when `value` names a PostgreSQL server (postgresql://…), False for a file path."""
    scheme, sep, _ = value.partition("://")
    return bool(sep) and scheme.lower() in SERVER_SCHEMES


def redact(value: str) -> str:
    """The location as it may be shown: a URL without its password; a path unchanged."""
    if not is_server_url(value):
        return value
    parts = urlsplit(value)
    netloc = parts.netloc
    userinfo, at, hostport = netloc.rpartition("@")
    if at:
        netloc = f"{userinfo.partition(':')[0]}@{hostport}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "password"])
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))
