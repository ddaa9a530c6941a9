"""A generator of synthetic proliferation reports with their extraction records, for benchmarking the store.

Each article is composed sentence by sentence from templates over invented names; entity mentions and event
triggers are recorded with offsets as the text grows, so the records are valid without running the NLP. The same
seed gives the same corpus. `python3 bench/store_corpus.py N DIR` writes N articles as text files.
"""

import random
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from spyglass.model import (
    Argument,
    Claim,
    DateSpan,
    Document,
    Entity,
    EntityType,
    Event,
    EventType,
    Extraction,
    Role,
    Source,
    Span,
)

WORDS = [
    "officials",
    "said",
    "the",
    "shipment",
    "was",
    "part",
    "of",
    "a",
    "wider",
    "network",
    "that",
    "moved",
    "goods",
    "through",
    "ports",
    "in",
    "the",
    "region",
    "while",
    "analysts",
    "noted",
    "satellite",
    "imagery",
    "showed",
    "new",
    "construction",
    "near",
    "the",
    "site",
    "and",
    "diplomats",
    "warned",
    "that",
    "sanctions",
    "enforcement",
    "remained",
    "uneven",
    "across",
    "several",
    "countries",
    "where",
    "brokers",
    "used",
    "front",
    "companies",
    "and",
    "falsified",
    "papers",
    "to",
    "hide",
    "the",
    "origin",
    "of",
    "cargo",
    "bound",
    "for",
    "military",
    "programmes",
    "customs",
    "records",
    "reviewed",
    "by",
    "reporters",
    "listed",
    "payments",
    "routed",
    "through",
    "banks",
    "in",
    "third",
    "countries",
]
ADJECTIVES = [
    "Golden",
    "Eastern",
    "Northern",
    "Pacific",
    "Silver",
    "Red",
    "Blue",
    "Great",
    "United",
    "Bright",
    "Ocean",
    "Star",
    "Jade",
    "Pine",
    "Iron",
]
NOUNS = [
    "Dragon",
    "Horizon",
    "Crane",
    "Lotus",
    "Harbour",
    "River",
    "Summit",
    "Anchor",
    "Falcon",
    "Bridge",
    "Tiger",
    "Phoenix",
    "Maple",
    "Cedar",
]
KINDS = ["Trading Company", "Shipping Ltd", "Machinery Corporation", "Industrial Group", "Technology Co"]
FACTORIES = ["General Machine Factory", "Machine Works", "Electric Complex", "Tractor Plant", "Chemical Complex"]
ITEMS = [
    "tungsten",
    "maraging steel",
    "aluminium alloy tubes",
    "CNC machine tools",
    "gyroscopes",
    "carbon fibre",
    "vacuum pumps",
]
WEAPONS = ["Hwasong-{}", "Pukguksong-{}", "KN-{}", "Shahab-{}"]
PLACES = ["Sinuiju", "Nampo", "Dalian", "Dandong", "Vladivostok", "Busan", "Rajin", "Chongjin", "Hamhung", "Kaesong"]
LEADERS = ["Kim Jong Un", "Pak Jong Chon", "Ri Pyong Chol", "Jo Yong Won", "Kim Tok Hun"]
OUTLETS = ["Harbour Times", "Island Post", "Capital Ledger", "Northern Wire", "Pacific Daily", "Border Monitor"]


class _Writer:
    """Builds one article: appends text, records entity mentions and events with their offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.entities: dict[tuple[str, EntityType], Entity] = {}
        self.events: list[Event] = []

    def add(self, text: str) -> Span:
        span = Span(start=self.size, end=self.size + len(text), text=text)
        self.parts.append(text)
        self.size += len(text)
        return span

    def entity(self, name: str, kind: EntityType) -> str:
        span = self.add(name)
        key = (name, kind)
        if key not in self.entities:
            self.entities[key] = Entity(id=f"e{len(self.entities) + 1}", name=name, type=kind, mentions=[span])
        else:
            self.entities[key].mentions.append(span)
        return self.entities[key].id

    def event(self, kind: EventType, trigger: Span, roles: dict[Role, str], when: date | None, source: str) -> None:
        source_id = next(e.id for e in self.entities.values() if e.name == source)
        self.events.append(
            Event(
                id=f"v{len(self.events) + 1}",
                type=kind,
                trigger=trigger,
                arguments=[Argument(role=r, entity=e) for r, e in roles.items()],
                date=DateSpan(text=when.isoformat(), start=when, end=when) if when else None,
                claim=Claim(sources=[Source(entity=source_id, name=source)], cue="reported"),
            )
        )


def organisation(rng: random.Random) -> str:
    return f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} {rng.choice(KINDS)}"


def _filler(rng: random.Random, w: _Writer) -> None:
    words = rng.sample(WORDS, rng.randint(12, 25))
    w.add(" " + " ".join(words).capitalize() + ".")


def article(rng: random.Random, index: int) -> Extraction:
    """One synthetic report of a transfer and a visit or a test, with filler prose around them."""
    w = _Writer()
    outlet = rng.choice(OUTLETS)
    published = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
    when = published - timedelta(days=rng.randrange(60)) if rng.random() < 0.7 else None
    w.add(f"{rng.choice(PLACES).upper()} - ")
    supplier = w.entity(organisation(rng), EntityType.ORGANIZATION)
    trigger = w.add(" shipped ")
    w.add(f"{rng.randint(2, 90)} tonnes of ")
    item = w.entity(rng.choice(ITEMS), EntityType.ITEM)
    w.add(" to ")
    recipient = w.entity(organisation(rng), EntityType.ORGANIZATION)
    w.add(", ")
    w.entity(outlet, EntityType.ORGANIZATION)
    w.add(f" reported in dispatch {index}.")
    roles = {Role.supplier: supplier, Role.item: item, Role.recipient: recipient}
    w.event(EventType.TRANSFER, Span(start=trigger.start + 1, end=trigger.end - 1, text="shipped"), roles, when, outlet)
    for _ in range(rng.randint(3, 8)):
        _filler(rng, w)
    w.add(" ")
    if rng.random() < 0.5:
        visitor = w.entity(rng.choice(LEADERS), EntityType.PERSON)
        trigger = w.add(" visited")
        w.add(" the ")
        site = w.entity(f"{rng.choice(PLACES)} {rng.choice(FACTORIES)}", EntityType.FACILITY)
        w.add(".")
        roles = {Role.visitor: visitor, Role.site: site}
        w.event(EventType.VISIT, Span(start=trigger.start + 1, end=trigger.end, text="visited"), roles, when, outlet)
    else:
        actor = w.entity("North Korea", EntityType.LOCATION)
        trigger = w.add(" launched")
        w.add(" a ")
        weapon = w.entity(rng.choice(WEAPONS).format(rng.randint(1, 20)), EntityType.WEAPON)
        w.add(".")
        roles = {Role.actor: actor, Role.weapon: weapon}
        w.event(EventType.TEST, Span(start=trigger.start + 1, end=trigger.end, text="launched"), roles, when, outlet)
    for _ in range(rng.randint(2, 6)):
        _filler(rng, w)
    text = "".join(w.parts)
    document = Document.build(f"synthetic://{index}", text, title=f"Report {index}", outlet=outlet, published=published)
    return Extraction(document=document, entities=list(w.entities.values()), events=w.events)


def queries(rng: random.Random, count: int) -> list[str]:
    """What an analyst would search this corpus for: names of organisations, people, goods, places, weapons, and
    content words (not the stopwords every article has)."""
    makers: list = [
        lambda: organisation(rng),
        lambda: rng.choice(LEADERS),
        lambda: rng.choice(ITEMS),
        lambda: f"{rng.choice(PLACES)} {rng.choice(FACTORIES)}",
        lambda: rng.choice(WEAPONS).format(rng.randint(1, 20)),
        lambda: rng.choice([w for w in WORDS if len(w) > 4]),
    ]
    return [rng.choice(makers)() for _ in range(count)]


def generate(count: int, seed: int = 7) -> Iterator[Extraction]:
    """`count` synthetic articles with their records, streamed."""
    rng = random.Random(seed)
    for index in range(count):
        yield article(rng, index)


if __name__ == "__main__":
    count, folder = int(sys.argv[1]), Path(sys.argv[2])
    folder.mkdir(parents=True, exist_ok=True)
    for record in generate(count):
        (folder / f"{record.document.source.rsplit('/', 1)[-1]}.txt").write_text(record.document.text + "\n")
