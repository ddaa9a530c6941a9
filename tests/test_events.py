"""Event detection and roles, one construction per case, on hand-written sentences."""

from datetime import date

import pytest

from spyglass.extract.pipeline import build_pipeline
from spyglass.model import EntityType
from test_events_builder import annotate, load_blank, load_parser, roles

parser = pytest.fixture(load_parser, name="parser")
blank = pytest.fixture(load_blank, name="blank")
PER, ORG, FAC, LOC = EntityType.PERSON, EntityType.ORGANIZATION, EntityType.FACILITY, EntityType.LOCATION
WPN, ITM = EntityType.WEAPON, EntityType.ITEM

KIM = {"Kim Jong Un": (PER, ("Kim Jong Un", "Kim"))}
TRADE = {
    "Karawang Trading": (ORG, ("Karawang Trading", "a Malaysian trading firm", "the firm")),
    "Iran": (LOC, ()),
    "nickel": (ITM, ()),
    "cobalt": (ITM, ()),
    "centrifuge parts": (ITM, ("Centrifuge parts", "centrifuge parts")),
}
TO_IRAN = {"destination": {"Iran"}, "recipient": {"Iran"}}

# (construction, text, entities, expected events as (type, {role: {names}}))
CASES = [
    (
        "active verb with to-phrase",
        "Karawang Trading shipped nickel to Iran in 2014.",
        TRADE,
        [
            (
                "TRANSFER",
                {"supplier": {"Karawang Trading"}, "item": {"nickel"}, "destination": {"Iran"}, "recipient": {"Iran"}},
            )
        ],
    ),
    (
        "passive with by-agent",
        "Centrifuge parts were smuggled to Iran by a Malaysian trading firm.",
        TRADE,
        [
            (
                "TRANSFER",
                {
                    "supplier": {"Karawang Trading"},
                    "item": {"centrifuge parts"},
                    "destination": {"Iran"},
                    "recipient": {"Iran"},
                },
            )
        ],
    ),
    (
        "coordinated objects are both items",
        "Karawang Trading sold nickel and cobalt to Iran.",
        TRADE,
        [
            (
                "TRANSFER",
                {
                    "supplier": {"Karawang Trading"},
                    "item": {"nickel", "cobalt"},
                    "destination": {"Iran"},
                    "recipient": {"Iran"},
                },
            )
        ],
    ),
    (
        "coordinated sites are two visits",
        "Kim Jong Un visited the Sinpo South Shipyard and the Sohae Satellite Launching Station.",
        {**KIM, "Sinpo South Shipyard": (FAC, ()), "Sohae Satellite Launching Station": (FAC, ())},
        [
            ("VISIT", {"visitor": {"Kim Jong Un"}, "site": {"Sinpo South Shipyard"}}),
            ("VISIT", {"visitor": {"Kim Jong Un"}, "site": {"Sohae Satellite Launching Station"}}),
        ],
    ),
    (
        "relative clause and copula",
        "Among the plants Kim toured was the Sunchon Chemical Complex, which has been used to make rocket fuel.",
        {**KIM, "Sunchon Chemical Complex": (FAC, ()), "rocket fuel": (ITM, ())},
        [
            ("VISIT", {"visitor": {"Kim Jong Un"}, "site": {"Sunchon Chemical Complex"}}),
            (
                "PRODUCTION",
                {
                    "producer": {"Sunchon Chemical Complex"},
                    "site": {"Sunchon Chemical Complex"},
                    "item": {"rocket fuel"},
                },
            ),
        ],
    ),
    (
        "relative pronoun subject",
        "Investigators named a Malaysian trading firm that supplied cobalt to Iran.",
        TRADE,
        [
            (
                "TRANSFER",
                {"supplier": {"Karawang Trading"}, "item": {"cobalt"}, "destination": {"Iran"}, "recipient": {"Iran"}},
            )
        ],
    ),
    (
        "nominal trigger with date and of-argument, site by copula, across sentences by coreference",
        "Kim Jong Un toured the Sinpo South Shipyard in 2016. The shipyard was the site of the May 9, 2015, test of a "
        "Pukguksong-1 missile.",
        {**KIM, "Sinpo South Shipyard": (FAC, ("Sinpo South Shipyard", "The shipyard")), "Pukguksong-1": (WPN, ())},
        [
            ("VISIT", {"visitor": {"Kim Jong Un"}, "site": {"Sinpo South Shipyard"}}),
            ("TEST", {"weapon": {"Pukguksong-1"}, "site": {"Sinpo South Shipyard"}}),
        ],
    ),
    (
        "support verb lends its subject to a nominal trigger",
        "In March Kim oversaw the launch of a Hwasong-12 missile.",
        {**KIM, "Hwasong-12": (WPN, ())},
        [("TEST", {"actor": {"Kim Jong Un"}, "weapon": {"Hwasong-12"}})],
    ),
    (
        "control verb and purpose clause fold into one intrusion",
        "Lazarus hackers began breaking into the networks of Sony Pictures in 2014 to steal emails.",
        {"Lazarus": (ORG, ("Lazarus hackers",)), "Sony Pictures": (ORG, ())},
        [("INTRUSION", {"attacker": {"Lazarus"}, "victim": {"Sony Pictures"}})],
    ),
    (
        "sanction with a multiword trigger",
        "The Commerce Department added Huawei to the Entity List.",
        {"Commerce Department": (ORG, ()), "Huawei": (ORG, ())},
        [("SANCTION", {"authority": {"Commerce Department"}, "target": {"Huawei"}})],
    ),
    (
        "irrealis nominal is no event, the announcement is a declaration",
        "North Korea announced an end to tests of Hwasong-15 missiles.",
        {"North Korea": (LOC, ()), "Hwasong-15": (WPN, ())},
        [("DECLARATION", {"speaker": {"North Korea"}})],
    ),
    (
        "statement of commitment is a declaration; a report of an event is not",
        "The ministry's spokesman Ali Rezaei said Iran would not export nickel. Ali Rezaei said Karawang Trading "
        "had shipped nickel to Iran.",
        {**TRADE, "Ali Rezaei": (PER, ())},
        [
            ("DECLARATION", {"speaker": {"Ali Rezaei"}, "subject": {"Iran", "nickel"}}),
            ("TRANSFER", {"supplier": {"Karawang Trading"}, "item": {"nickel"}, **TO_IRAN}),
        ],
    ),
    (
        "agent of a nominal event through 'behind'",
        "Investigators said the Lazarus Group was behind the theft of cryptocurrency from Hanbit Exchange.",
        {"Lazarus Group": (ORG, ()), "cryptocurrency": (ITM, ()), "Hanbit Exchange": (ORG, ())},
        [("INTRUSION", {"attacker": {"Lazarus Group"}, "item": {"cryptocurrency"}, "victim": {"Hanbit Exchange"}})],
    ),
    (
        "coordinated prepositional phrases",
        "Kim Jong Un gave field guidance at the Sinpo South Shipyard and at the Sohae Satellite Launching Station.",
        {**KIM, "Sinpo South Shipyard": (FAC, ()), "Sohae Satellite Launching Station": (FAC, ())},
        [
            ("VISIT", {"visitor": {"Kim Jong Un"}, "site": {"Sinpo South Shipyard"}}),
            ("VISIT", {"visitor": {"Kim Jong Un"}, "site": {"Sohae Satellite Launching Station"}}),
        ],
    ),
    (
        "pronoun resolved to the person before it",
        "Investigators named Ali Rezaei. He was charged by the Justice Department in May.",
        {"Ali Rezaei": (PER, ()), "Justice Department": (ORG, ("the Justice Department",))},
        [("SANCTION", {"authority": {"Justice Department"}, "target": {"Ali Rezaei"}})],
    ),
    (
        "a launch against a target is not a test",
        "Russia launched Shahed-136 drones against Kyiv.",
        {"Russia": (LOC, ()), "Shahed-136": (WPN, ("Shahed-136 drones",)), "Kyiv": (LOC, ())},
        [],
    ),
    (
        "an anaphoric event noun folds into the event it refers to",
        "North Korea launched a Hwasong-18 missile on Wednesday, and Kim Jong Un personally oversaw the flight.",
        {**KIM, "North Korea": (LOC, ()), "Hwasong-18": (WPN, ())},
        [("TEST", {"actor": {"North Korea", "Kim Jong Un"}, "weapon": {"Hwasong-18"}})],
    ),
    (
        "a gerund after 'for' takes the governing verb's object; an apposition stands for its anchor",
        "Investigators traced the cobalt to Karawang Trading, a firm the Treasury designated last year for "
        "supplying nickel to Iran.",
        {**TRADE, "Treasury": (ORG, ("the Treasury",))},
        [
            ("SANCTION", {"authority": {"Treasury"}, "target": {"Karawang Trading"}}),
            ("TRANSFER", {"supplier": {"Karawang Trading"}, "item": {"nickel"}, **TO_IRAN}),
        ],
    ),
    (
        "a place of the site goes with each visit, not as a visit of its own",
        "Kim Jong Un toured the Sungri Motor Complex and the Kanggye Tractor Plant in Tokchon.",
        {**KIM, "Sungri Motor Complex": (FAC, ()), "Kanggye Tractor Plant": (FAC, ()), "Tokchon": (LOC, ())},
        [
            ("VISIT", {"visitor": {"Kim Jong Un"}, "site": {"Sungri Motor Complex", "Tokchon"}}),
            ("VISIT", {"visitor": {"Kim Jong Un"}, "site": {"Kanggye Tractor Plant", "Tokchon"}}),
        ],
    ),
    (
        "a person's of-phrase is not the person",
        "Prosecutors charged the managing director of Karawang Trading.",
        {**TRADE, "Prosecutors": (ORG, ())},
        [],
    ),
    (
        "a pronoun object of a coordinated verb is the first verb's object; buying from no one named and shipping "
        "on is one procurement chain",
        "Karawang Trading bought nickel and cobalt in Europe and shipped them to Iran.",
        TRADE,
        [("TRANSFER", {"supplier": {"Karawang Trading"}, "item": {"nickel", "cobalt"}, **TO_IRAN})],
    ),
    (
        "an event noun in an adjunct takes the verb's subject",
        "Inspectors from the IAEA took samples during a visit to the Fordow Fuel Enrichment Plant.",
        {"IAEA": (ORG, ()), "Fordow Fuel Enrichment Plant": (FAC, ())},
        [("VISIT", {"visitor": {"IAEA"}, "site": {"Fordow Fuel Enrichment Plant"}})],
    ),
    (
        "a relative clause after a place phrase tells of the noun before it",
        "Kim Jong Un inspected the Yuri Gagarin Aviation Plant in Komsomolsk that builds Su-35 fighter jets.",
        {**KIM, "Yuri Gagarin Aviation Plant": (FAC, ()), "Komsomolsk": (LOC, ()), "Su-35": (WPN, ())},
        [
            ("VISIT", {"visitor": {"Kim Jong Un"}, "site": {"Yuri Gagarin Aviation Plant", "Komsomolsk"}}),
            (
                "PRODUCTION",
                {
                    "producer": {"Yuri Gagarin Aviation Plant"},
                    "site": {"Yuri Gagarin Aviation Plant"},
                    "item": {"Su-35"},
                },
            ),
        ],
    ),
    (
        "a denial does not merge into the event it denies",
        "Karawang Trading shipped nickel to Iran in May. Iran's foreign minister said Karawang Trading had not "
        "shipped any nickel to Iran.",
        TRADE,
        [
            ("TRANSFER", {"supplier": {"Karawang Trading"}, "item": {"nickel"}, **TO_IRAN}),
            ("TRANSFER", {"supplier": {"Karawang Trading"}, "item": {"nickel"}, **TO_IRAN}),
        ],
    ),
    (
        "being on a sanctions list is a sanction; a place inside a phrase is no party",
        "Karawang Trading has been on the US Entity List since 2014. Lazarus hackers gained access to the network "
        "of a bank in Iran.",
        {**TRADE, "US": (LOC, ()), "Lazarus": (ORG, ("Lazarus hackers",))},
        [("SANCTION", {"target": {"Karawang Trading"}})],
    ),
    (
        "'looked round' is a visit; 'he' through a chain of subject pronouns",
        "Kim Jong Un praised the workers of the Sungri Motor Complex. He recalled the hard years of the 1990s, when "
        "the country was under a harsh blockade, short of fuel, steel, rubber, glass and machine tools, and when the "
        "workers of every plant in the region kept their lines running by hand, day and night, through the long and "
        "bitter winters of the north. Afterwards, he looked round the Sungri Motor Complex.",
        {**KIM, "Sungri Motor Complex": (FAC, ())},
        [("VISIT", {"visitor": {"Kim Jong Un"}, "site": {"Sungri Motor Complex"}})],
    ),
    (
        "a tested stage typed as a good is the test's weapon",
        "North Korea tested a high-thrust solid-fuel motor at the Sohae station on Friday.",
        {"North Korea": (LOC, ()), "solid-fuel motors": (ITM, ("solid-fuel motor",))},
        [("TEST", {"actor": {"North Korea"}, "weapon": {"solid-fuel motors"}})],
    ),
    (
        "'brought in' is a transfer to its subject",
        "Karawang Trading brought in nickel from Iran last winter.",
        TRADE,
        [
            (
                "TRANSFER",
                {"recipient": {"Karawang Trading"}, "item": {"nickel"}, "supplier": {"Iran"}, "origin": {"Iran"}},
            )
        ],
    ),
    (
        "a preposition further on is no particle: 'brought nickel in crates' is no import",
        "Karawang Trading brought nickel in crates to the port.",
        TRADE,
        [],
    ),
    (
        "'turns out' is production; a plant that makes is also the site",
        "The Sungri Motor Complex turns out Chollima-2022 tractors.",
        {"Sungri Motor Complex": (FAC, ()), "Chollima-2022": (ITM, ("Chollima-2022 tractors",))},
        [
            (
                "PRODUCTION",
                {"producer": {"Sungri Motor Complex"}, "site": {"Sungri Motor Complex"}, "item": {"Chollima-2022"}},
            )
        ],
    ),
    (
        "a general weapon word refers back to the latest weapon",
        "Ten Yak-130 trainers reached Iran in May. The aircraft were handed over to Iran by Karawang Trading.",
        {**TRADE, "Yak-130": (WPN, ("Yak-130 trainers",))},
        [("TRANSFER", {"supplier": {"Karawang Trading"}, "item": {"Yak-130"}, **TO_IRAN})],
    ),
    (
        "an attempt or a task to act is no report that it happened",
        "Karawang Trading made an attempt to sell nickel to Iran.",
        TRADE,
        [],
    ),
    (
        "firing at ships or cities is an attack, not a test; at a target island it is a test",
        "The Houthis fired Samad drones at commercial ships. North Korea fired a Hwasong-11 at a target island.",
        {"Houthis": (ORG, ()), "Samad": (WPN, ("Samad drones",)), "North Korea": (LOC, ()), "Hwasong-11": (WPN, ())},
        [("TEST", {"actor": {"North Korea"}, "weapon": {"Hwasong-11"}})],
    ),
    (
        "a preposition hung deep inside the of-phrase still fills its role",
        "Lazarus hackers were behind the theft of $40 million in ether and stablecoins from the exchange Zentrix.",
        {"Lazarus": (ORG, ("Lazarus hackers",)), "Zentrix": (ORG, ()), "ether": (ITM, ())},
        [("INTRUSION", {"attacker": {"Lazarus"}, "victim": {"Zentrix"}, "item": {"ether"}})],
    ),
    (
        "who an event is attributed to or blamed on did it",
        "Investigators attributed the breach of Sony Pictures to Lazarus. The theft from Zentrix, which the FBI "
        "blamed on Lazarus, was larger.",
        {"Lazarus": (ORG, ()), "Sony Pictures": (ORG, ()), "Zentrix": (ORG, ()), "FBI": (ORG, ())},
        [
            ("INTRUSION", {"attacker": {"Lazarus"}, "victim": {"Sony Pictures"}}),
            ("INTRUSION", {"attacker": {"Lazarus"}, "victim": {"Zentrix"}}),
        ],
    ),
    (
        "the blame clause counts also on an event noun that is another verb's object",
        "Officials confirmed the theft of ether from Zentrix, which the FBI attributed to Lazarus.",
        {"Lazarus": (ORG, ()), "Zentrix": (ORG, ()), "FBI": (ORG, ()), "ether": (ITM, ())},
        [("INTRUSION", {"attacker": {"Lazarus"}, "victim": {"Zentrix"}, "item": {"ether"}})],
    ),
    (
        "a speech verb coordinated inside what was said keeps the speaker",
        "Kim Jong Un said the test went well and declared that the Hwasong-11 would be deployed soon.",
        {**KIM, "Hwasong-11": (WPN, ())},
        [("DECLARATION", {"speaker": {"Kim Jong Un"}, "subject": {"Hwasong-11"}})],
    ),
    (
        "a route preposition hung on a misparsed object ('exported nickel [alloy] to Iran') still fills its role",
        "Karawang Trading exported aluminium alloy to Iran.",
        {**TRADE, "aluminium alloy": (ITM, ())},
        [("TRANSFER", {"supplier": {"Karawang Trading"}, "item": {"aluminium alloy"}, **TO_IRAN})],
    ),
    (
        "a verb the parser hung on its object as a modifier ('smuggled accelerometers') is still the event; a place "
        "after 'from' is the origin when a named party supplies",
        "Prosecutors said Petrov smuggled accelerometers from Texas to Moscow through Armenia.",
        {
            "Petrov": (PER, ()),
            "accelerometers": (ITM, ()),
            "Texas": (LOC, ()),
            "Moscow": (LOC, ()),
            "Armenia": (LOC, ()),
        },
        [
            (
                "TRANSFER",
                {
                    "supplier": {"Petrov"},
                    "item": {"accelerometers"},
                    "origin": {"Texas"},
                    "recipient": {"Moscow"},
                    "destination": {"Moscow"},
                    "intermediary": {"Armenia"},
                },
            )
        ],
    ),
    (
        "a designator the tagger read as a number is found inside its phrase",
        "Officials believe Russia has supplied Iran with Yak-130 jets.",
        {"Russia": (LOC, ()), "Iran": (LOC, ()), "Yak-130": (WPN, ())},
        [
            (
                "TRANSFER",
                {"supplier": {"Russia"}, "origin": {"Russia"}, "item": {"Yak-130"}, **TO_IRAN},
            )
        ],
    ),
    (
        "a hyphenated verb the lexicon lists only as a noun is read by its last word ('test-launched')",
        "Earlier this month, North Korea test-launched a Hwasong-18 missile.",
        {"North Korea": (LOC, ()), "Hwasong-18": (WPN, ("Hwasong-18 missile",))},
        [("TEST", {"actor": {"North Korea"}, "weapon": {"Hwasong-18"}})],
    ),
    (
        "'the factory, known as X' is X",
        "The factory, known as the Sunchon Chemical Complex, produces rocket fuel.",
        {"Sunchon Chemical Complex": (FAC, ()), "rocket fuel": (ITM, ())},
        [
            (
                "PRODUCTION",
                {
                    "producer": {"Sunchon Chemical Complex"},
                    "site": {"Sunchon Chemical Complex"},
                    "item": {"rocket fuel"},
                },
            )
        ],
    ),
    (
        "a common noun right before a name is that name ('the vessel Yu Jong 2'), not a name opening a clause",
        "The tanker Sky Light transferred oil to the North Korean vessel Yu Jong 2 on Sunday.",
        {"Sky Light": (EntityType.VESSEL, ()), "Yu Jong 2": (EntityType.VESSEL, ()), "oil": (ITM, ())},
        [("TRANSFER", {"supplier": {"Sky Light"}, "item": {"oil"}, "recipient": {"Yu Jong 2"}})],
    ),
    (
        "a present-tense verb the tagger read as a plural noun ('X manufactures Y') is still the verb",
        "Pakistan's National Development Complex manufactures Shaheen-III missiles.",
        {"National Development Complex": (ORG, ()), "Shaheen-III": (WPN, ()), "Pakistan": (LOC, ())},
        [("PRODUCTION", {"producer": {"National Development Complex"}, "item": {"Shaheen-III"}})],
    ),
    (
        "'paid a visit to' is a visit; 'imposed an asset freeze on' a sanction",
        "Kim Jong Un paid a visit to the Sungri Motor Complex. The EU imposed an asset freeze on Karawang Trading.",
        {**KIM, "Sungri Motor Complex": (FAC, ()), "EU": (ORG, ()), "Karawang Trading": (ORG, ())},
        [
            ("VISIT", {"visitor": {"Kim Jong Un"}, "site": {"Sungri Motor Complex"}}),
            ("SANCTION", {"authority": {"EU"}, "target": {"Karawang Trading"}}),
        ],
    ),
    (
        "an object the parser read as an adverbial noun ('shipped tungsten to X') is still the object",
        "Three years ago, Karawang Trading shipped tungsten to Iran.",
        {**TRADE, "tungsten": (ITM, ())},
        [("TRANSFER", {"supplier": {"Karawang Trading"}, "item": {"tungsten"}, **TO_IRAN})],
    ),
    (
        "being or being placed under sanctions is a sanction",
        "Karawang Trading has been under sanctions since 2014. In May the firm was placed under sanctions again.",
        TRADE,
        [("SANCTION", {"target": {"Karawang Trading"}})],
    ),
    (
        "restatement merges into one transfer",
        "Karawang Trading sold nickel to Iran. The nickel was then shipped to Iran by sea.",
        TRADE,
        [
            (
                "TRANSFER",
                {"supplier": {"Karawang Trading"}, "item": {"nickel"}, "destination": {"Iran"}, "recipient": {"Iran"}},
            )
        ],
    ),
]


@pytest.mark.parametrize(("construction", "text", "entities", "expected"), CASES, ids=[c[0] for c in CASES])
def test_construction(parser, construction, text, entities, expected):
    events, names = annotate(parser, text, entities)
    assert canonical((e.type.value, roles(e, names)) for e in events) == canonical(expected)


def canonical(events) -> list:
    return sorted((t, sorted((r, sorted(v)) for r, v in rs.items())) for t, rs in events)


def test_attributes_method_and_declared_goods(parser):
    text = (
        "Karawang Trading smuggled centrifuge parts to Iran in a ship-to-ship transfer. "
        "The firm said the parts were tools for road construction."
    )
    (event,), _ = annotate(parser, text, TRADE)
    assert event.attributes["method"] in ("smuggling", "ship-to-ship transfer")
    assert event.attributes["declared_as"] == "tools for road construction"


def test_report_date_is_not_event_date(parser):
    text = "KCNA reported on Saturday that Kim Jong Un visited the Sinpo South Shipyard."
    ents = {**KIM, "KCNA": (ORG, ()), "Sinpo South Shipyard": (FAC, ())}
    (event,), _ = annotate(parser, text, ents, published=date(2019, 6, 3))
    assert event.date is None


def test_event_date_resolved_against_published(parser):
    text = "Karawang Trading shipped nickel to Iran in April."
    (event,), _ = annotate(parser, text, TRADE, published=date(2017, 9, 14))
    assert (event.date.start, event.date.end) == (date(2017, 4, 1), date(2017, 4, 30))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Friday the Justice Department said it had charged Ali Rezaei.", date(2019, 5, 31)),
        ("In 2014, Karawang Trading, a firm run by Ali Rezaei, sold nickel to Iran.", date(2014, 1, 1)),
        ("Karawang Trading shipped nickel to Iran, the firm said on Friday.", None),
        (
            "The scheme collapsed in 2016, when Karawang Trading was charged by the Justice Department.",
            date(2016, 1, 1),
        ),
        (
            "The indictment, unsealed on Thursday, says Petrov smuggled accelerometers to Moscow in 2014.",
            date(2014, 1, 1),
        ),
    ],
    ids=[
        "a party announcing its own act dates it",
        "a sentence-opening date",
        "a report date",
        "a when-clause",
        "a past date on a report in the present",
    ],
)
def test_event_date_attachment(parser, text, expected):
    ents = {**TRADE, "Ali Rezaei": (PER, ()), "Justice Department": (ORG, ("the Justice Department",))}
    ents |= {"Petrov": (PER, ()), "accelerometers": (ITM, ()), "Moscow": (LOC, ())}
    (event,), _ = annotate(parser, text, ents, published=date(2019, 6, 3))
    assert (event.date.start if event.date else None) == expected


def test_published_reaches_the_component_through_extract():
    from spyglass.extract import extract
    from spyglass.model import Document

    text = "North Korean leader Kim Jong Un visited the Sohae Satellite Launching Station in April."
    record = extract(Document.build("t.txt", text, published=date(2017, 9, 14)))
    visit = next(e for e in record.events if e.type.value == "VISIT")
    assert (visit.date.start, visit.date.end) == (date(2017, 4, 1), date(2017, 4, 30))


def test_window_fallback_without_parse(blank):
    text = "Karawang Trading shipped nickel to Iran. Kim Jong Un visited the Sinpo South Shipyard."
    ents = {**TRADE, **KIM, "Sinpo South Shipyard": (FAC, ())}
    events, names = annotate(blank, text, ents)
    got = {e.type.value: roles(e, names) for e in events}
    assert got["TRANSFER"]["supplier"] == {"Karawang Trading"} and got["TRANSFER"]["item"] == {"nickel"}
    assert got["VISIT"] == {"visitor": {"Kim Jong Un"}, "site": {"Sinpo South Shipyard"}}
    assert all(e.attributes["parse"] == "window" for e in events)


def test_full_pipeline_integration():
    nlp = build_pipeline(prefer_model=True)
    doc = nlp("North Korean leader Kim Jong Un visited the Sohae Satellite Launching Station on Friday, KCNA said.")
    visits = [e for e in doc._.sg_events if e.type.value == "VISIT"]
    assert visits, doc._.sg_events
    assert visits[0].claim.sources and visits[0].claim.sources[0].name == "KCNA"
