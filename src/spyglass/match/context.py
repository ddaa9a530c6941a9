"""Context features: what is known besides the name, used to rank candidates that tie on the name alone.

Nationality, dates of birth and identifiers come from the query (a screening row, an extracted entity's
attributes); for an entity found in an article, the article's other entities count when the record's own
text (notes, designation, addresses, aliases) names them, e.g. KOMID for an official "supporting KOMID".
"""

import re

from pydantic import BaseModel, Field, field_validator
from rigour.territories import lookup_territory

from spyglass.kb.record import KBRecord
from spyglass.match.names import fold_token, raw_tokens
from spyglass.match.result import Feature

NATIONALITY_WEIGHT = 0.04
BIRTH_DATE_WEIGHT = 0.06
IDENTIFIER_WEIGHT = 0.15
RELATED_WEIGHT = 0.03
MAX_RELATED = 3
MAX_CONTEXT = NATIONALITY_WEIGHT + BIRTH_DATE_WEIGHT + IDENTIFIER_WEIGHT + RELATED_WEIGHT * MAX_RELATED
_ALNUM = re.compile(r"[^0-9a-z]")


class MatchContext(BaseModel):
    """What is known about the query besides its name."""

    nationalities: list[str] = Field(default_factory=list, description="ISO 3166 alpha-2 codes.")
    birth_dates: list[str] = Field(default_factory=list, description="YYYY or YYYY-MM-DD.")
    identifiers: list[str] = Field(default_factory=list, description="Passport, IMO, registration numbers.")
    related_names: list[str] = Field(default_factory=list, description="Other entities of the same article.")

    @field_validator("nationalities", mode="after")
    @classmethod
    def _codes(cls, values: list[str]) -> list[str]:
        """Country names or codes as ISO alpha-2 codes ("North Korea", "kp" -> "KP")."""
        codes = []
        for value in values:
            territory = lookup_territory(value.strip()) if value.strip() else None
            codes.append(territory.code.upper() if territory is not None else value.strip().upper())
        return [c for c in codes if c]

    def is_empty(self) -> bool:
        return not (self.nationalities or self.birth_dates or self.identifiers or self.related_names)


def _phrase(text: str) -> str:
    return " " + " ".join(p for t in raw_tokens(text) for p in fold_token(t)) + " "


def _record_text(record: KBRecord) -> str:
    props = record.properties
    parts = [record.notes or "", *record.aliases, *props.get("designation", []), *props.get("addresses", [])]
    return _phrase(" | ".join(parts))


def _years(dates: list[str]) -> set[int]:
    return {int(d[:4]) for d in dates if d[:4].isdigit()}


def _nationality(record: KBRecord, ctx: MatchContext) -> Feature | None:
    known = {c.upper() for c in [*record.nationalities, *([record.country] if record.country else [])]}
    asked = {c.upper() for c in ctx.nationalities}
    if not known or not asked:
        return None
    same = known & asked
    return Feature(
        name="nationality",
        weight=NATIONALITY_WEIGHT,
        value=1.0 if same else -1.0,
        detail=f"{'/'.join(sorted(same or asked))} vs {'/'.join(sorted(known))}",
    )


def _birth_date(record: KBRecord, ctx: MatchContext) -> Feature | None:
    known, asked = _years(record.birth_dates), _years(ctx.birth_dates)
    if not known or not asked:
        return None
    exact = set(record.birth_dates) & set(ctx.birth_dates)
    close = any(abs(a - k) <= 1 for a in asked for k in known)
    value = 1.0 if exact or known & asked else (0.0 if close else -1.0)
    return Feature(
        name="birth_date", weight=BIRTH_DATE_WEIGHT, value=value, detail=f"{sorted(asked)} vs {sorted(known)}"
    )


def _identifier(record: KBRecord, ctx: MatchContext) -> Feature | None:
    known = {_ALNUM.sub("", i.lower()) for i in record.identifiers}
    same = known & {_ALNUM.sub("", i.lower()) for i in ctx.identifiers}
    same.discard("")
    if not same:
        return None
    return Feature(name="identifier", weight=IDENTIFIER_WEIGHT, value=1.0, detail=", ".join(sorted(same)))


def _related(record: KBRecord, ctx: MatchContext) -> Feature | None:
    text = _record_text(record)
    named = [n for n in ctx.related_names if len(_phrase(n)) > 3 and _phrase(n) in text]
    if not named:
        return None
    value = min(len(named), MAX_RELATED) / MAX_RELATED
    return Feature(name="related_entities", weight=RELATED_WEIGHT * MAX_RELATED, value=value, detail=", ".join(named))


def context_features(record: KBRecord, ctx: MatchContext | None) -> list[Feature]:
    """Every context feature that applies; each contributes weight x value (negative on a conflict)."""
    if ctx is None or ctx.is_empty():
        return []
    found = (rule(record, ctx) for rule in (_nationality, _birth_date, _identifier, _related))
    return [f for f in found if f is not None]
