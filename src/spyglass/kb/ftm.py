"""Loader for FollowTheMoney entities as JSON lines (OpenSanctions exports), read through `followthemoney`.

Named things (people, organisations, vessels, aircraft) become records; `Sanction` entities are folded into
the records they point at (program, listing date, authority id). Other schemata (addresses, ownerships) carry
no name to screen and are skipped. An unknown schema is an error naming its line.
"""

import json
from datetime import date

from followthemoney import model, registry
from followthemoney.exc import FollowTheMoneyException
from followthemoney.proxy import EntityProxy

from spyglass.errors import InputError
from spyglass.kb.loaders import loader
from spyglass.kb.record import KBRecord, clean_text
from spyglass.model import EntityType

SOURCE = "ftm"
_TYPES = {
    "Person": EntityType.PERSON,
    "Vessel": EntityType.VESSEL,
    "Airplane": EntityType.ITEM,
    "LegalEntity": EntityType.ORGANIZATION,
}
_NAME_PROPS = ("alias", "previousName")


def _sniff(data: bytes, filename: str) -> bool:
    head = data.lstrip()[:2048]
    return head.startswith(b"{") and b'"schema"' in head


def _entity_type(proxy: EntityProxy) -> EntityType | None:
    for schema, kind in _TYPES.items():
        if proxy.schema.is_a(schema):
            return kind
    return None


def _first_date(values: list[str]) -> date | None:
    for value in sorted(values):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            continue
    return None


def _record(proxy: EntityProxy, kind: EntityType, sanctions: list[EntityProxy], source: str) -> KBRecord:
    names = [clean_text(n) for n in proxy.get("name")]
    aliases = [clean_text(n) for prop in _NAME_PROPS for n in proxy.get(prop, quiet=True)]
    countries = [c.upper() for c in proxy.get_type_values(registry.country)]
    identifiers = sorted({v for prop, v in proxy.itervalues() if prop.type == registry.identifier})
    programs = [p for s in sanctions for p in (*s.get("programId"), *s.get("program"))]
    references = [r for s in sanctions for r in (*s.get("unscId"), *s.get("authorityId"))]
    listed = _first_date([d for s in sanctions for d in (*s.get("listingDate"), *s.get("startDate"))])
    return KBRecord(
        id=f"{source}:{proxy.id}",
        source=source,
        type=kind,
        name=names[0],
        aliases=[a for a in dict.fromkeys([*names[1:], *aliases]) if a and a != names[0]],
        country=countries[0] if countries else None,
        nationalities=countries,
        birth_dates=sorted(proxy.get("birthDate", quiet=True)),
        identifiers=identifiers,
        list_type=programs[0] if programs else None,
        reference_number=references[0] if references else None,
        listed_on=listed,
        notes=clean_text(" ".join(proxy.get("notes", quiet=True))) or None,
        properties={"schema": proxy.schema.name, "ftm_id": proxy.id, "topics": proxy.get("topics", quiet=True)},
    )


def _proxies(data: bytes, source: str) -> list[EntityProxy]:
    proxies = []
    for number, line in enumerate(data.decode("utf-8", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(source, f"line {number}: not JSON ({err.msg})") from None
        schema = raw.get("schema") if isinstance(raw, dict) else None
        if schema is None or model.get(schema) is None:
            raise InputError(source, f"line {number}: unknown FollowTheMoney schema {schema!r}")
        try:
            proxies.append(model.get_proxy(raw))
        except FollowTheMoneyException as err:
            raise InputError(source, f"line {number}: {err}") from None
    return proxies


@loader("ftm", SOURCE, _sniff)
def parse_ftm(data: bytes, source: str) -> list[KBRecord]:
    """Every named thing of a FtM JSON-lines file, with its sanctions folded in."""
    proxies = _proxies(data, source)
    sanctions: dict[str, list[EntityProxy]] = {}
    for proxy in proxies:
        if proxy.schema.is_a("Sanction"):
            for target in proxy.get("entity"):
                sanctions.setdefault(target, []).append(proxy)
    records = []
    for proxy in proxies:
        kind = _entity_type(proxy)
        if kind is not None and proxy.get("name"):
            records.append(_record(proxy, kind, sanctions.get(proxy.id, []), source))
    return records
