"""Constructions added for unseen articles: goods referred back to, parties only, facilities as recipients,
"on behalf of", legs of one chain, pleas and sentences, hyphenated nouns, situated participles, future verbs,
a pronoun taking the previous sentence's subject. Hand-written sentences."""

from datetime import date

import pytest

from spyglass.model import EntityType
from test_events import canonical
from test_events_builder import annotate, load_parser, roles

parser = pytest.fixture(load_parser, name="parser")
PER, ORG, FAC, LOC = EntityType.PERSON, EntityType.ORGANIZATION, EntityType.FACILITY, EntityType.LOCATION
WPN, ITM = EntityType.WEAPON, EntityType.ITEM

FIRMS = {
    "Norvik Tools": (ORG, ()),
    "Karawang Trading": (ORG, ()),
    "Iran": (LOC, ()),
    "Riga": (LOC, ()),
    "lathes": (ITM, ()),
    "nickel": (ITM, ()),
    "Quds Force": (ORG, ("the Quds Force",)),
    "Arak Heavy Water Plant": (FAC, ("the Arak Heavy Water Plant",)),
    "Ali Rezaei": (PER, ()),
    "Lazarus": (ORG, ()),
}
ROCKETS = {
    "Missile Bureau": (ORG, ("The Missile Bureau", "the Missile Bureau")),
    "Hwasong-12": (WPN, ("the Hwasong-12",)),
    "Kim Jong Un": (PER, ()),
    "Jang Chang Ha": (PER, ()),
    "nuclear weapons": (WPN, ()),
    "United States": (LOC, ("The United States",)),
    "Nudol": (WPN, ()),
    "Plesetsk Cosmodrome": (FAC, ("the Plesetsk Cosmodrome",)),
}

CASES = [
    (
        "a definite goods noun refers back to the item named before",
        "Inspectors counted the lathes in a warehouse. The machines were shipped by Norvik Tools to Karawang Trading.",
        FIRMS,
        [("TRANSFER", {"supplier": {"Norvik Tools"}, "recipient": {"Karawang Trading"}, "item": {"lathes"}})],
    ),
    (
        "a goods anaphor prefers the goods already traded to goods named since",
        "Norvik Tools shipped lathes to Karawang Trading. The Quds Force uses nickel. Some of the machines were "
        "installed at the Arak Heavy Water Plant.",
        FIRMS,
        [
            ("TRANSFER", {"supplier": {"Norvik Tools"}, "recipient": {"Karawang Trading"}, "item": {"lathes"}}),
            ("TRANSFER", {"recipient": {"Arak Heavy Water Plant"}, "item": {"lathes"}}),
        ],
    ),
    (
        "a definite noun with the head of goods named before is those goods; a container noun needs no article",
        "Karawang Trading bought crude oil. The oil was sold to the Quds Force. Norvik Tools sent 300 consignments "
        "to Iran.",
        {**FIRMS, "crude oil": (ITM, ())},
        [
            ("TRANSFER", {"recipient": {"Karawang Trading"}, "item": {"crude oil"}}),
            ("TRANSFER", {"recipient": {"Quds Force"}, "item": {"crude oil"}}),
            (
                "TRANSFER",
                {"supplier": {"Norvik Tools"}, "recipient": {"Iran"}, "destination": {"Iran"}, "item": {"crude oil"}},
            ),
        ],
    ),
    (
        "stopping something is no visit",
        "Norvik Tools stopped all shipments to Iran in 2022.",
        FIRMS,
        [],
    ),
    (
        "an object pronoun refers back to the item",
        "Norvik Tools found nickel in Riga. Karawang Trading later sold it to the Quds Force.",
        FIRMS,
        [("TRANSFER", {"supplier": {"Karawang Trading"}, "recipient": {"Quds Force"}, "item": {"nickel"}})],
    ),
    (
        "a facility receives goods",
        "Karawang Trading delivered nickel to the Arak Heavy Water Plant.",
        FIRMS,
        [("TRANSFER", {"supplier": {"Karawang Trading"}, "recipient": {"Arak Heavy Water Plant"}, "item": {"nickel"}})],
    ),
    (
        "on behalf of names the party goods are moved for",
        "Karawang Trading moved nickel on behalf of the Quds Force.",
        FIRMS,
        [("TRANSFER", {"supplier": {"Karawang Trading", "Quds Force"}, "item": {"nickel"}})],
    ),
    (
        "a transfer between two named parties names its goods to be reported",
        "Norvik Tools supplied Karawang Trading for years. Later it supplied Karawang Trading with nickel.",
        FIRMS,
        [("TRANSFER", {"supplier": {"Norvik Tools"}, "recipient": {"Karawang Trading"}, "item": {"nickel"}})],
    ),
    (
        "legs of one chain in a sentence are one transfer",
        "Norvik Tools shipped the nickel to Riga, where Karawang Trading sent it on to Iran.",
        FIRMS,
        [
            (
                "TRANSFER",
                {
                    "supplier": {"Norvik Tools", "Karawang Trading"},
                    "recipient": {"Riga", "Iran"},
                    "destination": {"Riga", "Iran"},
                    "item": {"nickel"},
                },
            )
        ],
    ),
    (
        "bought from a named supplier and shipped on is two transfers",
        "Karawang Trading bought lathes from Norvik Tools and shipped them to Iran.",
        FIRMS,
        [
            ("TRANSFER", {"supplier": {"Norvik Tools"}, "recipient": {"Karawang Trading"}, "item": {"lathes"}}),
            (
                "TRANSFER",
                {"supplier": {"Karawang Trading"}, "item": {"lathes"}, "recipient": {"Iran"}, "destination": {"Iran"}},
            ),
        ],
    ),
    (
        "a possible telling is not merged into an asserted one",
        "Norvik Tools shipped lathes to Karawang Trading. Some of the lathes may have been installed at the Arak "
        "Heavy Water Plant.",
        FIRMS,
        [
            ("TRANSFER", {"supplier": {"Norvik Tools"}, "recipient": {"Karawang Trading"}, "item": {"lathes"}}),
            ("TRANSFER", {"recipient": {"Arak Heavy Water Plant"}, "item": {"lathes"}}),
        ],
    ),
    (
        "goods named inside quotation marks are no antecedent",
        'Norvik Tools bought lathes. It labelled the crates "water pump nickel" and consigned them to Karawang '
        "Trading.",
        FIRMS,
        [
            ("TRANSFER", {"recipient": {"Norvik Tools"}, "item": {"lathes"}}),
            ("TRANSFER", {"recipient": {"Karawang Trading"}, "item": {"lathes"}, "supplier": {"Norvik Tools"}}),
        ],
    ),
    (
        "a guilty plea is a sanction on the one who pleads",
        "Ali Rezaei pleaded guilty in a federal court.",
        FIRMS,
        [("SANCTION", {"target": {"Ali Rezaei"}})],
    ),
    (
        "a sentence is a sanction",
        "Ali Rezaei was sentenced to 30 months in prison.",
        FIRMS,
        [("SANCTION", {"target": {"Ali Rezaei"}})],
    ),
    (
        "an organisation compromised by a group is an intrusion",
        "Lazarus compromised Karawang Trading last year.",
        FIRMS,
        [("INTRUSION", {"attacker": {"Lazarus"}, "victim": {"Karawang Trading"}})],
    ),
    (
        "an agent noun in apposition names the producer",
        "Norvik Tools sent nickel to the Missile Bureau, the maker of the Hwasong-12.",
        {**FIRMS, **ROCKETS},
        [
            ("TRANSFER", {"supplier": {"Norvik Tools"}, "recipient": {"Missile Bureau"}, "item": {"nickel"}}),
            ("PRODUCTION", {"producer": {"Missile Bureau"}, "item": {"Hwasong-12"}}),
        ],
    ),
    (
        "an organisation goods are made at is their producer",
        "Experts believe the Hwasong-12 motors are cast at the Missile Bureau.",
        ROCKETS,
        [("PRODUCTION", {"producer": {"Missile Bureau"}, "item": {"Hwasong-12"}})],
    ),
    (
        "an organisation targeted with ransomware is a victim of intrusion",
        "Lazarus targeted Karawang Trading with ransomware in May.",
        {**FIRMS, "ransomware": (ITM, ())},
        [("INTRUSION", {"attacker": {"Lazarus"}, "victim": {"Karawang Trading"}, "item": {"ransomware"}})],
    ),
    (
        "a hyphenated event noun split by the tokenizer",
        "The Missile Bureau conducted a test-fire of the Hwasong-12.",
        ROCKETS,
        [("TEST", {"actor": {"Missile Bureau"}, "weapon": {"Hwasong-12"}})],
    ),
    (
        "a participle placed as a happening reports an event",
        "The satellite was destroyed by a Nudol launched from the Plesetsk Cosmodrome.",
        ROCKETS,
        [("TEST", {"weapon": {"Nudol"}, "site": {"Plesetsk Cosmodrome"}})],
    ),
    (
        "the object of a future verb did not happen",
        "The United States will not conduct tests of the Hwasong-12.",
        ROCKETS,
        [],
    ),
    (
        "he takes the previous sentence's subject",
        "Kim Jong Un was briefed by Jang Chang Ha. He declared that the country would never give up nuclear weapons.",
        ROCKETS,
        [("DECLARATION", {"speaker": {"Kim Jong Un"}, "subject": {"nuclear weapons"}})],
    ),
    (
        "goods reaching a facility; a quantifier refers through its of-phrase",
        "Norvik Tools bought lathes and nickel. Some of the lathes reached the Arak Heavy Water Plant.",
        FIRMS,
        [
            ("TRANSFER", {"recipient": {"Norvik Tools"}, "item": {"lathes", "nickel"}}),
            ("TRANSFER", {"recipient": {"Arak Heavy Water Plant"}, "item": {"lathes"}}),
        ],
    ),
    (
        "what can be done is no event",
        "The Arak Heavy Water Plant can make nickel, and the Hwasong-12 could reach Riga.",
        {**FIRMS, **ROCKETS},
        [],
    ),
    (
        "a relative pronoun speaker is its antecedent",
        "The lathes were made by Norvik Tools, which told investigators it had sold them to Karawang Trading.",
        FIRMS,
        [
            ("PRODUCTION", {"producer": {"Norvik Tools"}, "item": {"lathes"}}),
            ("TRANSFER", {"supplier": {"Norvik Tools"}, "recipient": {"Karawang Trading"}, "item": {"lathes"}}),
        ],
    ),
    (
        "a relative clause's antecedent is the object of its control verb's complement",
        "Officials saw the Hwasong-12, which the Missile Bureau began mass-producing in July.",
        ROCKETS,
        [("PRODUCTION", {"producer": {"Missile Bureau"}, "item": {"Hwasong-12"}})],
    ),
    (
        "the subject of a verb that expands an activity is its agent",
        "The Missile Bureau expanded production of the Hwasong-12.",
        ROCKETS,
        [("PRODUCTION", {"producer": {"Missile Bureau"}, "item": {"Hwasong-12"}})],
    ),
    (
        "a route preposition hung on the object's participle belongs to the transfer",
        "Norvik Tools forwarded lathes made in Poland to Iran.",
        {**FIRMS, "Poland": (LOC, ())},
        [
            (
                "TRANSFER",
                {"supplier": {"Norvik Tools"}, "item": {"lathes"}, "recipient": {"Iran"}, "destination": {"Iran"}},
            )
        ],
    ),
]


@pytest.mark.parametrize(("construction", "text", "entities", "expected"), CASES, ids=[c[0] for c in CASES])
def test_construction(parser, construction, text, entities, expected):
    events, names = annotate(parser, text, entities)
    assert canonical((e.type.value, roles(e, names)) for e in events) == canonical(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 2019 a destroyer observed the tanker taking on nickel from Norvik Tools.", date(2019, 1, 1)),
        ("Patrol planes saw the tanker taking on nickel from Norvik Tools in 2019.", date(2019, 1, 1)),
        ("In 2019 police said Norvik Tools had shipped nickel to Iran.", None),
    ],
)
def test_date_of_a_seen_or_opening_clause(parser, text, expected):
    (event,), _ = annotate(parser, text, FIRMS)
    assert (event.date.start if event.date else None) == expected


def test_pronoun_speaker_is_the_previous_subject(parser):
    text = "Kim Jong Un was briefed by Jang Chang Ha. He said that the Missile Bureau had tested the Hwasong-12."
    (event,), _ = annotate(parser, text, ROCKETS)
    assert [s.name for s in event.claim.sources] == ["Kim Jong Un"]
