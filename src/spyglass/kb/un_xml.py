"""Loader for the UN Security Council consolidated list XML (`CONSOLIDATED_LIST`, scsanctions.un.org).

Parsed with defusedxml and DTDs forbidden, so an external entity or a billion-laughs payload is refused, not
expanded. Names carry stray spaces, newlines and curly quotes in the real list; `clean_text` tidies them.
"""

import re
from datetime import date
from functools import cache
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from rigour.territories import lookup_territory

from spyglass.errors import InputError
from spyglass.kb.loaders import loader
from spyglass.kb.record import KBRecord, clean_text
from spyglass.model import EntityType
from spyglass.packaged import data_yaml

SOURCE = "un-sc"
_IMO = re.compile(r"\bIMO(?:\s+(?:Number|No\.?))?[:\s]+(\d{7})\b", re.IGNORECASE)
_NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
_WEAK_QUALITY = "low"


@cache
def _organisation_words() -> frozenset[str]:
    return frozenset(data_yaml("kb", "un.yaml")["organisation_words"])


def _sniff(data: bytes, filename: str) -> bool:
    return b"<CONSOLIDATED_LIST" in data[:4096]


def _text(node: Element, path: str) -> str:
    return clean_text(node.findtext(path))


def _values(node: Element, path: str) -> list[str]:
    return [v for v in (clean_text(e.text) for e in node.findall(path)) if v]


def _country_code(name: str) -> str | None:
    territory = lookup_territory(name) if name else None
    return territory.code.upper() if territory is not None else None


def _birth_dates(node: Element) -> list[str]:
    dates = []
    for dob in node.findall("INDIVIDUAL_DATE_OF_BIRTH"):
        exact, year = _text(dob, "DATE"), _text(dob, "YEAR")
        start, end = _text(dob, "FROM_YEAR"), _text(dob, "TO_YEAR")
        if exact:
            dates.append(exact[:10])
        elif year:
            dates.append(year)
        elif start and end:
            dates.extend(str(y) for y in range(int(start), int(end) + 1))
    return dates


def _addresses(node: Element, tag: str) -> list[str]:
    parts = ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY", "NOTE")
    found = (", ".join(p for p in (_text(a, part) for part in parts) if p) for a in node.findall(tag))
    return [a for a in found if a]


def _documents(node: Element) -> list[dict[str, str]]:
    docs = []
    for doc in node.findall("INDIVIDUAL_DOCUMENT"):
        number = _text(doc, "NUMBER")
        if number:
            docs.append({"type": _text(doc, "TYPE_OF_DOCUMENT"), "number": number, "note": _text(doc, "NOTE")})
    return docs


def _split_alias(value: str) -> list[str]:
    """Aliases the list packs into one field ("A; B; C"), each on its own."""
    if ";" not in value:
        return [value] if value else []
    return [p for p in (part.strip(" ()") for part in value.split(";")) if p]


def _is_vessel(name: str, imo: list[str]) -> bool:
    words = set(re.findall(r"[a-z]+", name.lower()))
    return bool(imo) and not words & _organisation_words()


def _record(node: Element, source: str) -> KBRecord:
    individual = node.tag == "INDIVIDUAL"
    ref = _text(node, "REFERENCE_NUMBER")
    if not ref:
        raise ValueError(f"{node.tag} {_text(node, 'DATAID')} has no REFERENCE_NUMBER")
    name = " ".join(p for p in (_text(node, tag) for tag in _NAME_PARTS) if p)
    alias_tag = "INDIVIDUAL_ALIAS" if individual else "ENTITY_ALIAS"
    aliases, weak = [], []
    for alias in node.findall(alias_tag):
        weak_alias = _text(alias, "QUALITY").lower() == _WEAK_QUALITY
        (weak if weak_alias else aliases).extend(_split_alias(_text(alias, "ALIAS_NAME")))
    original = _text(node, "NAME_ORIGINAL_SCRIPT")
    comments = _text(node, "COMMENTS1")
    imo = _IMO.findall(comments)
    nationalities = [c for c in map(_country_code, _values(node, "NATIONALITY/VALUE")) if c]
    documents = _documents(node)
    kind = EntityType.VESSEL if _is_vessel(name, imo) else EntityType.ORGANIZATION
    if individual:
        kind = EntityType.PERSON
    listed = _text(node, "LISTED_ON")
    properties = {
        "dataid": _text(node, "DATAID"),
        "designation": _values(node, "DESIGNATION/VALUE"),
        "title": _values(node, "TITLE/VALUE"),
        "weak_aliases": weak,
        "addresses": _addresses(node, "INDIVIDUAL_ADDRESS" if individual else "ENTITY_ADDRESS"),
        "documents": documents,
        "imo": imo,
    }
    return KBRecord(
        id=f"{source}:{ref}",
        source=source,
        type=kind,
        name=name,
        aliases=[a for a in dict.fromkeys([*aliases, original]) if a and a != name],
        country=nationalities[0] if nationalities else None,
        nationalities=nationalities,
        birth_dates=_birth_dates(node) if individual else [],
        identifiers=[*(d["number"] for d in documents), *imo],
        list_type=_text(node, "UN_LIST_TYPE") or None,
        reference_number=ref,
        listed_on=date.fromisoformat(listed[:10]) if listed else None,
        notes=comments or None,
        properties={k: v for k, v in properties.items() if v},
    )


@loader("un-xml", SOURCE, _sniff)
def parse_un_xml(data: bytes, source: str) -> list[KBRecord]:
    """Every INDIVIDUAL and ENTITY of a consolidated list, in file order."""
    try:
        root = fromstring(data, forbid_dtd=True)
    except DefusedXmlException as err:
        raise InputError(
            source, f"refused unsafe XML ({type(err).__name__}: DTDs and entities are not allowed)"
        ) from None
    except ParseError as err:
        raise InputError(source, f"not well-formed XML ({err})") from None
    if root.tag != "CONSOLIDATED_LIST":
        raise InputError(source, f"not a UN consolidated list (root element <{root.tag}>)")
    nodes = [*root.findall("INDIVIDUALS/INDIVIDUAL"), *root.findall("ENTITIES/ENTITY")]
    try:
        return [_record(node, source) for node in nodes]
    except ValueError as err:
        raise InputError(source, f"bad record: {err}") from None
