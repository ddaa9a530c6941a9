"""Server settings: read from `SPYGLASS_*` environment variables or passed to `create_app` directly."""

import ipaddress
import secrets

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


def is_loopback(host: str) -> bool:
    """True when `host` (a bind address or name) only accepts connections from this machine."""
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class Settings(BaseSettings):
    """Everything the app needs to know; no database connection is made until `create_app`."""

    model_config = SettingsConfigDict(env_prefix="SPYGLASS_", extra="ignore")

    db: str | None = Field(default=None, description="SQLAlchemy URL of the store (default: SQLite in the data dir).")
    host: str = Field(default="127.0.0.1", description="Address the server binds; beyond loopback a token is required.")
    port: int = Field(default=8000, ge=0, le=65535)
    token: SecretStr | None = Field(default=None, description="Bearer token that every write must present.")
    allow_private_urls: bool = Field(
        default=False, description="Let URL ingest fetch loopback, private and link-local addresses."
    )
    max_body_bytes: int = Field(default=2 * 1024 * 1024, ge=1024, description="Largest request body accepted.")
    csrf_secret: SecretStr = Field(
        default_factory=lambda: SecretStr(secrets.token_urlsafe(32)),
        description="Key that signs the web form's CSRF tokens (random per process unless set).",
    )
    allowed_hosts: list[str] | None = Field(
        default=None,
        description="Host headers accepted; default: loopback names when bound to loopback (DNS rebinding guard).",
    )

    @field_validator("token", mode="before")
    @classmethod
    def _empty_token_is_none(cls, value: object) -> object:
        """`SPYGLASS_TOKEN=` (empty) is no token, never a token anyone can send."""
        return None if value in ("", None) or (isinstance(value, SecretStr) and not value.get_secret_value()) else value

    @property
    def writes_need_token(self) -> bool:
        """Writes are protected whenever a token is set, and a token must be set beyond loopback."""
        return self.token is not None or not is_loopback(self.host)

    @property
    def trusted_hosts(self) -> list[str]:
        if self.allowed_hosts is not None:
            return self.allowed_hosts
        return sorted(LOOPBACK_NAMES - {"::1"}) if is_loopback(self.host) else ["*"]
