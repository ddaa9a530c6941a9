"""Dependencies injected into routes: settings, a store session, write access, pagination."""

from collections.abc import Iterator
from typing import Annotated, Any, Generic, Protocol, TypeVar

from fastapi import Depends, Header, Query, Request
from pydantic import BaseModel, Field, field_validator
from sqlalchemy.orm import Session

from spyglass.server.auth import bearer, check_token
from spyglass.server.cache import AnalysisCache
from spyglass.server.settings import Settings

MAX_LIMIT = 200
T = TypeVar("T")


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


SettingsDep = Annotated[Settings, Depends(get_settings)]


def get_session(request: Request) -> Iterator[Session]:
    """One session per request, closed afterwards; a route that writes opens its own transaction (`session.begin()`)."""
    with request.app.state.sessionmaker() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


def get_cache(request: Request) -> AnalysisCache:
    return request.app.state.cache


CacheDep = Annotated[AnalysisCache, Depends(get_cache)]


def require_write(
    settings: SettingsDep,
    authorization: Annotated[str | None, Header(description="`Bearer <SPYGLASS_TOKEN>` when writes need it.")] = None,
) -> None:
    """Reject API writes without the right bearer token (when the server needs one)."""
    check_token(settings, bearer(authorization))


WriteAccess = Depends(require_write)  # routes using it also declare `responses=WRITE_ERRORS`


class QueryFilters(BaseModel):
    """Query-string filters where an empty field (as a submitted HTML form sends it) means no filter."""

    @field_validator("*", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if value == "" else value


class PageParams(BaseModel):
    """Which slice of a list to return."""

    limit: int = Field(50, ge=1, le=MAX_LIMIT, description="Items per page.")
    offset: int = Field(0, ge=0, le=10_000_000, description="Items to skip.")


PageDep = Annotated[PageParams, Query()]


class Found(Protocol):
    """What the store's list queries return: one slice and the size of the whole."""

    total: int
    items: Any


class Page(BaseModel, Generic[T]):
    """One page of a list and where it sits in the whole."""

    items: list[T]
    total: int
    limit: int
    offset: int

    @classmethod
    def of(cls, found: Found, params: PageParams) -> "Page[T]":
        return cls(items=list(found.items), total=found.total, limit=params.limit, offset=params.offset)
