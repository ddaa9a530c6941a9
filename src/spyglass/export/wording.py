"""The few human-readable strings every exporter shows the same way: claims, dates, roles, attributes."""

from spyglass.model import Claim, DateSpan, Event, Extraction


def sources_text(claim: Claim) -> str:
    """The attribution chain, outermost first: "Asahi Shimbun > a source"; empty in the document's own voice."""
    return " > ".join(source.name for source in claim.sources)


def claim_text(claim: Claim) -> str:
    """ "According to Asahi Shimbun > a source; certainty: probable (cue: "is reporting")"."""
    said = f"According to {sources_text(claim)}" if claim.sources else "Stated in the document's own voice"
    cue = f' (cue: "{claim.cue}")' if claim.cue else ""
    return f"{said}; certainty: {claim.certainty.value}{cue}"


def date_text(span: DateSpan | None) -> str:
    """ "in April (2017-04-01 – 2017-04-30, approximate)", or "" without a date."""
    if span is None:
        return ""
    bounds = " – ".join(str(d) for d in dict.fromkeys([span.start, span.end]) if d is not None)
    extra = ", ".join(part for part in [bounds, "approximate" if span.approximate else ""] if part)
    return f"{span.text} ({extra})" if extra else span.text


def roles_text(record: Extraction, event: Event) -> str:
    """ "supplier: A; item: B" — each argument by role and entity name."""
    names = {e.id: e.name for e in record.entities}
    return "; ".join(f"{a.role.value}: {names.get(a.entity, a.entity)}" for a in event.arguments)


def event_title(event: Event) -> str:
    """ "Transfer: shipped"."""
    return f"{event.type.value.title()}: {event.trigger.text}"


def attributes_text(attributes: dict) -> str:
    return "; ".join(f"{key}: {value}" for key, value in sorted(attributes.items()))
