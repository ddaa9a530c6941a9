"""Which date expression times an event: the trigger's clause, the day its document was made public, the sentence
before; never a report's date or a dateline's. Hand-written sentences, parsed by the statistical model."""

from datetime import date

import pytest

from spyglass.model import EntityType
from test_events_builder import annotate, load_blank, load_parser

parser = pytest.fixture(load_parser, name="parser")
PUB = date(2024, 5, 10)  # a Friday
MONDAY, WEDNESDAY = date(2024, 5, 6), date(2024, 5, 8)

ENTITIES = {
    "Kim Jong Un": (EntityType.PERSON, ("Kim Jong Un", "He")),
    "Sohae Satellite Launching Station": (EntityType.FACILITY, ()),
    "North Korea": (EntityType.LOCATION, ()),
    "Hwasong-18": (EntityType.WEAPON, ()),
    "KCNA": (EntityType.ORGANIZATION, ()),
    "Karawang Trading": (EntityType.ORGANIZATION, ("Karawang Trading", "It")),
    "Ali Rezaei": (EntityType.PERSON, ()),
    "nickel": (EntityType.ITEM, ()),
    "centrifuges": (EntityType.ITEM, ()),
    "Iran": (EntityType.LOCATION, ()),
}
VISITED = "On Monday Kim Jong Un visited the Sohae Satellite Launching Station."

# (case, text, event type, expected start)
CASES = [
    (
        "a dateless sentence continues the one before",
        f"{VISITED} He watched a test of a Hwasong-18 there.",
        "TEST",
        MONDAY,
    ),
    (
        "the lead's date carries to the second paragraph",
        f"{VISITED}\n\nHe watched a test of a Hwasong-18.",
        "TEST",
        MONDAY,
    ),
    (
        "not further",
        f"{VISITED}\n\nThe site lies on the west coast.\n\nHe watched a test of a Hwasong-18 there.",
        "TEST",
        None,
    ),
    ("a header line is no lead", "Monday, May 6, 2024\n\nHe watched a test of a Hwasong-18.", "TEST", None),
    (
        "a report's date in the sentence does not stop it",
        f"{VISITED} He watched a test of a Hwasong-18 there, KCNA said on Tuesday.",
        "TEST",
        MONDAY,
    ),
    (
        "the act a report reports dates the next sentence, the report's day does not",
        "Kim Jong Un visited the Sohae Satellite Launching Station on Monday, KCNA said on Tuesday. He watched a test "
        "of a Hwasong-18 there.",
        "TEST",
        MONDAY,
    ),
    (
        "a report date in the sentence before is no event date",
        "KCNA said on Tuesday that Kim Jong Un had visited the Sohae Satellite Launching Station. He watched a test "
        "of a Hwasong-18 there.",
        "TEST",
        None,
    ),
    (
        "a present state is not dated by the sentence before",
        "In 2019 Karawang Trading shipped nickel to Iran. It builds centrifuges.",
        "PRODUCTION",
        None,
    ),
    (
        "nor is a present perfect",
        "In 2019 Karawang Trading shipped nickel to Iran. It has also built centrifuges.",
        "PRODUCTION",
        None,
    ),
    (
        "an indictment is dated by its unsealing",
        "An indictment unsealed on Wednesday charges Ali Rezaei with smuggling.",
        "SANCTION",
        WEDNESDAY,
    ),
    (
        "a relative clause on the event noun tells of the event",
        "Kim Jong Un praised the test of the Hwasong-18, which he watched on Monday.",
        "TEST",
        MONDAY,
    ),
    (
        "so does one on what its of-phrase names",
        "Kim Jong Un spoke about the test of new Hwasong-18 missiles which he watched on Monday.",
        "TEST",
        MONDAY,
    ),
    (
        "a firm's founding does not date its shipment",
        "Karawang Trading, founded in 2010, shipped nickel to Iran.",
        "TRANSFER",
        None,
    ),
    (
        "a range after the destination",
        "Karawang Trading shipped nickel to Iran between February and October 2023.",
        "TRANSFER",
        date(2023, 2, 1),
    ),
    (
        "a dateline's date is the report's",
        "TEHRAN, May 9 (Reuters) - North Korea fired a Hwasong-18 from its east coast.",
        "TEST",
        None,
    ),
    (
        "a dateline does not hide the event's own date",
        "SEOUL, May 9 (Yonhap) -- North Korea fired a Hwasong-18 on Monday.",
        "TEST",
        MONDAY,
    ),
]


@pytest.mark.parametrize(("text", "kind", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_event_date(parser, text, kind, expected):
    events, _ = annotate(parser, text, ENTITIES, published=PUB)
    (event,) = [e for e in events if e.type.value == kind]
    assert (event.date.start if event.date else None) == expected


def test_since_runs_to_published(parser):
    text = "Karawang Trading has shipped nickel to Iran since February 2022."
    (event,), _ = annotate(parser, text, ENTITIES, published=PUB)
    assert (event.date.text, event.date.start, event.date.end) == ("since February 2022", date(2022, 2, 1), PUB)


def test_unresolved_without_published(parser):
    text = "North Korea conducted a test of a Hwasong-18 over the weekend."
    (event,), _ = annotate(parser, text, ENTITIES)
    assert (event.date.text, event.date.start, event.date.end) == ("over the weekend", None, None)


def test_a_definite_event_noun_joins_the_event_it_refers_to(parser):
    text = "On Monday North Korea fired a Hwasong-18. Kim Jong Un watched the launch."
    events, _ = annotate(parser, text, ENTITIES, published=PUB)
    assert [(e.trigger.text, e.date.start) for e in events] == [("fired", MONDAY)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Karawang Trading shipped nickel to Iran in April.", date(2024, 4, 1)),
        ("Karawang Trading shipped nickel to Iran, the firm said on Friday.", None),
    ],
    ids=["nearest date", "a date after a reporting word"],
)
def test_without_a_parse(text, expected):
    events, _ = annotate(load_blank(), text, ENTITIES, published=PUB)
    (event,) = [e for e in events if e.type.value == "TRANSFER"]
    assert (event.date.start if event.date else None) == expected
