"""The event, claim and date knowledge in `data/events/*.yaml`, loaded once per process into typed records."""

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spyglass.model import Certainty, EntityType, EventType, Role
from spyglass.packaged import data_yaml


def _load(name: str) -> Any:
    return data_yaml("events", name)


@dataclass(frozen=True)
class Frame:
    """Which syntactic slot of a trigger fills which role (candidates in order)."""

    slots: dict[str, tuple[Role, ...]]
    preps: dict[str, tuple[Role, ...]]

    def roles(self, slot: str) -> tuple[Role, ...]:
        return self.slots.get(slot, ())


@dataclass(frozen=True)
class Sense:
    """One reading of a trigger word: its event type, frame, conditions and stated attributes."""

    type: EventType
    frame: Frame
    objects: frozenset[str] = frozenset()
    prep_objects: dict[str, frozenset[str]] = field(default_factory=dict)
    commitment: bool = False
    intransitive: bool = False
    particles: frozenset[str] = frozenset()
    skip: bool = False
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RoleSpec:
    """Per event type: admitted entity types per role, required role groups, identity and split roles."""

    types: dict[Role, frozenset[EntityType]]
    require: tuple[tuple[Role, ...], ...]
    identity: tuple[Role, ...]
    split: tuple[Role, ...]
    participles: bool = True
    announced: bool = False

    @property
    def core(self) -> frozenset[Role]:
        """The roles that tell two events apart: identity roles and required ones."""
        return frozenset(self.identity) | {r for group in self.require for r in group}


@dataclass(frozen=True)
class EventLexicon:
    verbs: dict[str, tuple[Sense, ...]]
    nouns: dict[str, tuple[Sense, ...]]
    support_verbs: frozenset[str]
    irrealis: frozenset[str]
    site_nouns: frozenset[str]
    agent_preps: dict[str, frozenset[str]]
    blame_verbs: frozenset[str]
    person_heads: frozenset[str]
    item_anaphors: frozenset[str]
    weapon_anaphors: frozenset[str]
    quantifiers: frozenset[str]
    containers: frozenset[str]
    places: dict[Role, Role]
    forms: dict[str, str]
    specs: dict[EventType, RoleSpec]


def _frame(raw: dict[str, Any]) -> Frame:
    slots = {k: tuple(Role(r) for r in v) for k, v in raw.items() if k != "prep"}
    preps = {k: tuple(Role(r) for r in v) for k, v in raw.get("prep", {}).items()}
    return Frame(slots, preps)


def _inflections(lemma: str) -> set[str]:
    """Regular English inflections of a lemma (a lemmatizer stand-in for blank pipelines)."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    out = {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + "d"}
    if lemma.endswith("y"):
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwyx" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return out


def _forms(lemmas: list[str], irregular: dict[str, str]) -> dict[str, str]:
    forms = {form: lemma for lemma in lemmas for form in _inflections(lemma)}
    return forms | irregular


@cache
def event_lexicon() -> EventLexicon:
    """Trigger senses indexed by lemma, role frames and role specs."""
    raw = _load("triggers.yaml")
    raw_frames = _load("frames.yaml")
    frames = {name: _frame(f) for name, f in raw_frames["frames"].items()}
    verbs: dict[str, list[Sense]] = {}
    nouns: dict[str, list[Sense]] = {}
    for item in raw["senses"]:
        sense = Sense(
            type=EventType(item["type"]),
            frame=frames[item["frame"]],
            objects=frozenset(item.get("object", ())),
            prep_objects={p: frozenset(v) for p, v in item.get("prep_object", {}).items()},
            commitment=bool(item.get("commitment", False)),
            intransitive=bool(item.get("intransitive", False)),
            particles=frozenset(item.get("particle", ())),
            skip=bool(item.get("skip", False)),
            attributes=dict(item.get("attributes", {})),
        )
        for lemma in item.get("verbs", ()):
            verbs.setdefault(lemma, []).append(sense)
        for lemma in item.get("nouns", ()):
            nouns.setdefault(lemma, []).append(sense)
    specs = {
        EventType(t): RoleSpec(
            types={Role(r): frozenset(EntityType(x) for x in ts) for r, ts in spec["types"].items()},
            require=tuple(tuple(Role(r) for r in group) for group in spec["require"]),
            identity=tuple(Role(r) for r in spec["identity"]),
            split=tuple(Role(r) for r in spec["split"]),
            participles=bool(spec.get("participles", True)),
            announced=bool(spec.get("announced", False)),
        )
        for t, spec in _load("roles.yaml").items()
    }
    return EventLexicon(
        verbs={k: tuple(v) for k, v in verbs.items()},
        nouns={k: tuple(v) for k, v in nouns.items()},
        support_verbs=frozenset(raw["support_verbs"]),
        irrealis=frozenset(raw["irrealis_governors"]),
        site_nouns=frozenset(raw["site_nouns"]),
        agent_preps={p: frozenset(v) for p, v in raw["agent_preps"].items()},
        blame_verbs=frozenset(raw["blame_verbs"]),
        person_heads=frozenset(raw["person_heads"]),
        item_anaphors=frozenset(raw["item_anaphors"]),
        weapon_anaphors=frozenset(raw["weapon_anaphors"]),
        quantifiers=frozenset(raw["quantifiers"]),
        containers=frozenset(raw["containers"]),
        places={Role(k): Role(v) for k, v in raw_frames["places"].items()},
        forms=_forms([*verbs, *nouns], raw["irregular"]),
        specs=specs,
    )


@dataclass(frozen=True)
class SpeakerNouns:
    """Descriptions that point at an entity named elsewhere (`speakers` in claims.yaml)."""

    company: frozenset[str]
    company_name_ends: frozenset[str]
    state_media: frozenset[str]
    state_outlets: frozenset[str]
    authoring: frozenset[str]


@dataclass(frozen=True)
class ClaimLexicon:
    attribution: dict[str, Certainty]
    attribution_forms: frozenset[str]  # inflected, for pipelines without a lemmatizer
    quoting: frozenset[str]
    report_nouns: frozenset[str]
    outlet_nouns: frozenset[str]
    hearsay_verbs: frozenset[str]
    hearsay_adverbs: frozenset[str]
    modal: dict[str, Certainty]
    adverb: dict[str, Certainty]
    predicate: dict[str, Certainty]
    raising: dict[str, Certainty]
    evidence_nouns: frozenset[str]
    unconfirmed: frozenset[str]
    modifiers: dict[str, Certainty]
    speakers: SpeakerNouns


@cache
def claim_lexicon() -> ClaimLexicon:
    """Attribution frames and certainty cues."""
    raw = _load("claims.yaml")
    cues, speakers = raw["certainty"], raw["speakers"]

    def values(d: dict[str, str]) -> dict[str, Certainty]:
        return {k: Certainty(v) for k, v in d.items()}

    return ClaimLexicon(
        attribution=values(raw["attribution_verbs"]),
        attribution_forms=frozenset(_forms(list(raw["attribution_verbs"]), _load("triggers.yaml")["irregular"])),
        quoting=frozenset(raw["quoting_verbs"]),
        report_nouns=frozenset(raw["report_nouns"]),
        outlet_nouns=frozenset(raw["outlet_nouns"]),
        hearsay_verbs=frozenset(raw["hearsay"]["passive_verbs"]),
        hearsay_adverbs=frozenset(raw["hearsay"]["adverbs"]),
        modal=values(cues["modal"]),
        adverb=values(cues["adverb"]),
        predicate=values(cues["predicate"]),
        raising=values(cues["raising"]),
        evidence_nouns=frozenset(cues["evidence_nouns"]),
        unconfirmed=frozenset(cues["unconfirmed"]),
        modifiers=values(cues["modifiers"]),
        speakers=SpeakerNouns(
            company=frozenset(speakers["company_nouns"]),
            company_name_ends=frozenset(speakers["company_name_ends"]),
            state_media=frozenset(speakers["state_media"]),
            state_outlets=frozenset(n.lower() for n in speakers["state_outlets"]),
            authoring=frozenset(speakers["authoring_verbs"]),
        ),
    )


@dataclass(frozen=True)
class DateLexicon:
    numbers: dict[str, int]
    approximate: tuple[str, ...]
    parts: dict[str, tuple[int, int]]
    relative: dict[str, tuple[str, int]]
    seasons: dict[str, tuple[int, int]]
    fractions: dict[str, tuple[int, int]]
    disclosing: frozenset[str]


@cache
def date_lexicon() -> DateLexicon:
    """Words of the date grammar."""
    raw = _load("dates.yaml")
    return DateLexicon(
        numbers=dict(raw["numbers"]),
        approximate=tuple(raw["approximate"]),
        parts={k: (v[0], v[1]) for k, v in raw["parts"].items()},
        relative={k: (v[0], v[1]) for k, v in raw["relative"].items()},
        seasons={k: (v[0], v[1]) for k, v in raw["seasons"].items()},
        fractions={k: (v[0], v[1]) for k, v in raw["fractions"].items()},
        disclosing=frozenset(raw["disclosing"]),
    )
