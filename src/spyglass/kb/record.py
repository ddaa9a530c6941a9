"""`KBRecord`: one known thing (listed person, entity, vessel, facility, weapon, dual-use item) from any source."""

from datetime import date
from typing import Any

from pydantic import BaseModel, Field

from spyglass.model import EntityType


class KBRecord(BaseModel):
    """A knowledge-base record; every loader yields these and the store keeps them."""

    id: str
    source: str
    type: EntityType
    name: str
    aliases: list[str] = Field(default_factory=list)
    country: str | None = None
    defense_linked: bool = False
    list_type: str | None = None
    reference_number: str | None = None
    listed_on: date | None = None
    lat: float | None = None
    lon: float | None = None
    hs_codes: list[str] = Field(default_factory=list)
    nationalities: list[str] = Field(default_factory=list)
    birth_dates: list[str] = Field(default_factory=list)
    identifiers: list[str] = Field(default_factory=list)
    source_url: str | None = None
    notes: str | None = None
    properties: dict[str, Any] = Field(default_factory=dict)

    @property
    def names(self) -> list[str]:
        """The name followed by every alias, without repeats."""
        return list(dict.fromkeys([self.name, *self.aliases]))


_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "`": "'"})


def clean_text(value: str | None) -> str:
    """Display form of a source string: straight quotes, one space between words, no edge spaces."""
    return " ".join((value or "").translate(_QUOTES).split())
