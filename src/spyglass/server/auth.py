"""Write protection: the bearer token for API writes, and signed double-submit CSRF tokens for the web form."""

import hashlib
import hmac
import secrets

from fastapi import HTTPException, status

from spyglass.server.settings import Settings

CSRF_COOKIE = "spyglass_csrf"


def check_token(settings: Settings, presented: str | None) -> None:
    """Raise 401 (no token) or 403 (wrong token) when writes need a token and `presented` is not it."""
    if not settings.writes_need_token:
        return
    if not presented:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED, "this server needs a token for writes", {"WWW-Authenticate": "Bearer"}
        )
    expected = settings.token.get_secret_value() if settings.token else ""
    if not expected or not hmac.compare_digest(presented.encode(), expected.encode()):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "wrong token")


def bearer(authorization: str | None) -> str | None:
    """The token of an `Authorization: Bearer ...` header, if any."""
    if authorization and authorization[:7].lower() == "bearer ":
        return authorization[7:].strip()
    return None


def _sign(settings: Settings, nonce: str) -> str:
    key = settings.csrf_secret.get_secret_value().encode()
    return hmac.new(key, nonce.encode(), hashlib.sha256).hexdigest()


def new_csrf_token(settings: Settings) -> str:
    """A fresh `nonce.signature` token, set both as a cookie and as the form's hidden field."""
    nonce = secrets.token_urlsafe(16)
    return f"{nonce}.{_sign(settings, nonce)}"


def csrf_valid(settings: Settings, token: str | None) -> bool:
    """True when `token` was signed by this server."""
    if not token or "." not in token:
        return False
    nonce, sig = token.rsplit(".", 1)
    return hmac.compare_digest(sig, _sign(settings, nonce))


def check_csrf(settings: Settings, cookie: str | None, field: str | None) -> None:
    """Raise 403 unless the form field equals the cookie and carries this server's signature."""
    if not (cookie and field and hmac.compare_digest(cookie, field) and csrf_valid(settings, field)):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "missing or invalid CSRF token; reload the form")
