"""The shared state's tables, as the queries see them (the migrations create them)."""

from __future__ import annotations

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text

metadata = MetaData()

source_state = Table(
    "source_state",
    metadata,
    Column("source_id", Text, primary_key=True),
    Column("location", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("reason", Text, nullable=False, server_default=""),
    Column("chunks", Integer, nullable=False, server_default="0"),
    Column("last_fetch", Text, nullable=False, server_default=""),
    Column("title", Text, nullable=False, server_default=""),
)

refresh_runs = Table(
    "refresh_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started", Text, nullable=False),
    Column("trigger", Text, nullable=False),
    Column("outcome", Text, nullable=False),
    Column("summary", Text, nullable=False),
    Column("changes", Text, nullable=False, server_default=""),
)

feedback = Table(
    "feedback",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", Text, nullable=False),
    Column("updated_at", Text, nullable=False, server_default=""),
    Column("rating", Integer, nullable=False),
    Column("question", Text, nullable=False),
    Column("answer", Text, nullable=False),
    Column("sources", Text, nullable=False),
    Column("comment", Text, nullable=False, server_default=""),
    Column("answer_id", Text, nullable=False, server_default=""),
    Column("user_id", Text, nullable=False, server_default=""),
    Column("owner", Text, nullable=False, server_default=""),
)

login_throttle = Table(
    "login_throttle",
    metadata,
    Column("client", String(200), primary_key=True),
    Column("failures", Integer, nullable=False, server_default="0"),
    Column("not_before", Float, nullable=False, server_default="0"),  # wall-clock seconds
    Column("locked", Integer, nullable=False, server_default="0"),
)

legacy_imports = Table(
    "legacy_imports",
    metadata,
    Column("key", String(200), primary_key=True),  # file name and digest of its content
    Column("imported_at", Text, nullable=False),
)

catalog_sources = Table(
    "catalog_sources",
    metadata,
    Column("source_id", Text, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("entry", Text, nullable=False),  # the manifest entry, as JSON
)

catalog_removed = Table("catalog_removed", metadata, Column("source_id", Text, primary_key=True))

rate_events = Table(
    "rate_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(200), nullable=False),
    Column("at", Float, nullable=False),  # wall-clock seconds
)

app_secrets = Table(
    "app_secrets",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("value", Text, nullable=False),  # hex
)

revoked_tokens = Table(
    "revoked_tokens",
    metadata,
    Column("nonce", String(64), primary_key=True),
    Column("expires", Float, nullable=False),  # wall-clock seconds: forgotten after
)
