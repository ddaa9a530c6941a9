"""Claims: attribution chains (outermost first) and FactBank certainty, on hand-written sentences."""

import pytest

from spyglass.model import EntityType
from test_events_builder import annotate, load_parser

parser = pytest.fixture(load_parser, name="parser")
PER, ORG, LOC, ITM = EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION, EntityType.ITEM
ENTS = {
    "Yonhap": (ORG, ("Yonhap", "The Yonhap news agency")),
    "Karawang Trading": (ORG, ("Karawang Trading", "a Malaysian trading firm", "The firm", "the firm")),
    "Iran": (LOC, ()),
    "nickel": (ITM, ()),
    "Lewis": (PER, ()),
    "CNS": (ORG, ()),
}

# (case, text, sources outermost first, certainty, words the cue must contain)
CERTAINTY = [
    ("certain", "Karawang Trading shipped nickel to Iran.", [], "certain", None),
    (
        "probable: experts believe",
        "Experts believe Karawang Trading shipped nickel to Iran.",
        ["Experts"],
        "probable",
        "believe",
    ),
    ("probable: likely", "Karawang Trading likely shipped nickel to Iran.", [], "probable", "likely"),
    ("probable: hearsay", "Karawang Trading is said to have shipped nickel to Iran.", [], "probable", "said"),
    ("possible: modal", "Karawang Trading may have shipped nickel to Iran.", [], "possible", "may"),
    (
        "possible: impersonal",
        "It is possible that Karawang Trading shipped nickel to Iran.",
        [],
        "possible",
        "possible",
    ),
    ("unknown", "It is not clear whether Karawang Trading shipped nickel to Iran.", [], "unknown", "clear"),
    ("negated: did not", "Karawang Trading did not ship nickel to Iran.", [], "negated", "not"),
    (
        "possible: preparing to",
        "Karawang Trading is preparing to sell nickel to Iran.",
        [],
        "possible",
        "preparing",
    ),
    (
        "a denial beside the clause that denies something else",
        "Karawang Trading shipped nickel to Iran; both governments deny that a deal exists.",
        [],
        "certain",
        None,
    ),
    (
        "unknown: a whether-clause under a negated verb",
        "Inspectors cannot say whether Karawang Trading shipped nickel to Iran.",
        ["Inspectors"],
        "unknown",
        "whether",
    ),
    (
        "certain: a negation in the other coordinated clause",
        "Iran has not joined the embargo, but Karawang Trading shipped nickel to Iran.",
        [],
        "certain",
        None,
    ),
    (
        "unknown: a negated confirmation leaves the event open",
        "Lewis could not confirm that Karawang Trading shipped nickel to Iran.",
        ["Lewis"],
        "unknown",
        "not confirm",
    ),
    (
        "probable: the alleged sale",
        "Yonhap reported the alleged sale of nickel by Karawang Trading to Iran.",
        ["Yonhap"],
        "probable",
        "alleged",
    ),
    (
        "negated: a failed sale",
        "The failed sale of nickel by Karawang Trading to Iran was reported in May.",
        [],
        "negated",
        "failed",
    ),
    (
        "possible: a planned sale",
        "The planned sale of nickel by Karawang Trading to Iran was reported in May.",
        [],
        "possible",
        "planned",
    ),
    ("negated: no goods shipped", "No nickel was shipped to Iran by Karawang Trading.", [], "negated", "no"),
    ("negated: shipped no goods", "Karawang Trading shipped no nickel to Iran.", [], "negated", "no"),
    ("negated: has yet to", "Karawang Trading has yet to ship nickel to Iran.", [], "negated", "yet"),
    (
        "certain: no fewer than",
        "Karawang Trading shipped nickel to no fewer than 40 buyers in Iran.",
        [],
        "certain",
        None,
    ),
    ("negated: unable to", "Karawang Trading was unable to ship nickel to Iran.", [], "negated", "unable"),
    (
        "negated: dismissed reports",
        "Lewis dismissed reports that Karawang Trading shipped nickel to Iran.",
        ["Lewis"],
        "negated",
        "dismissed",
    ),
    (
        "the object of a reporting verb is no report",
        "Lewis dismissed the official who shipped nickel to Iran.",
        [],
        "certain",
        None,
    ),
    (
        "a clause coordinated with a report is not reported",
        "Yonhap said the embargo was weak, and Karawang Trading shipped nickel to Iran.",
        [],
        "certain",
        None,
    ),
    (
        "a denial does not reach a coordinated report",
        "Karawang Trading denied the report, and it said CNS shipped nickel to Iran.",
        ["Karawang Trading"],
        "certain",
        None,
    ),
    ("negated: no evidence", "There is no evidence that Karawang Trading shipped nickel to Iran.", [], "negated", "no"),
    (
        "negated: denied",
        "Karawang Trading denied that it shipped nickel to Iran.",
        ["Karawang Trading"],
        "negated",
        "denied",
    ),
]

ATTRIBUTION = [
    ("reporting verb", "Yonhap reported that Karawang Trading shipped nickel to Iran.", ["Yonhap"]),
    ("posted that", "Lewis posted on Telegram that Karawang Trading shipped nickel to Iran.", ["Lewis"]),
    (
        "a relative pronoun speaker is its antecedent",
        "The nickel came from Lewis, who told Yonhap that Karawang Trading had shipped it to Iran.",
        ["Lewis"],
    ),
    ("according to", "Karawang Trading shipped nickel to Iran, according to Yonhap.", ["Yonhap"]),
    (
        "according to analysts at an organisation",
        "According to analysts at CNS, Karawang Trading shipped nickel to Iran.",
        ["analysts at CNS"],
    ),
    ("quote after the clause", "“Karawang Trading shipped nickel to Iran,” Lewis said.", ["Lewis"]),
    (
        "nested: quotes S as saying",
        "The Yonhap news agency quotes an official familiar with the matter as saying "
        "that Karawang Trading shipped nickel to Iran.",
        ["Yonhap", "an official familiar with the matter"],
    ),
    (
        "nested: is reporting ... quoting",
        "Yonhap is reporting that the firm, quoting a customs source, shipped nickel to Iran.",
        ["Yonhap"],
    ),
    (
        "scope continues in the paragraph",
        "Yonhap said the firm was under investigation. It also shipped nickel to Iran, the agency added.",
        ["Yonhap"],
    ),
    (
        "scope continues over an agentless sentence",
        "Yonhap said Karawang Trading bought nickel in Europe. The nickel was then shipped to Iran.",
        ["Yonhap"],
    ),
    (
        "a report inside a subordinate clause sets no running scope",
        "Lewis has studied the trade since 2010, when he said Karawang Trading was fined. It also shipped nickel "
        "to Iran.",
        [],
    ),
    (
        "scope stops at a coordinated clause whose shared subject is a named actor",
        "Lewis said Karawang Trading was fined. CNS tracks the trade and has shipped nickel to Iran since 2019.",
        [],
    ),
    (
        "paragraph scope ends",
        "Yonhap said the firm was under investigation.\n\nKarawang Trading shipped nickel to Iran.",
        [],
    ),
    (
        "a quoted paragraph goes on with the speaker of the paragraph before",
        'Lewis said the firm was fined in May.\n\n"Karawang Trading also shipped nickel to Iran."',
        ["Lewis"],
    ),
    (
        "a quoted paragraph after narrative has no speaker",
        'CNS tracks the trade.\n\nLewis said the firm was fined in May.\n\nYonhap reported the fine.\n\n"Karawang '
        'Trading also shipped nickel to Iran."',
        [],
    ),
    (
        "a paragraph after a closing quote is a new paragraph",
        'Lewis said the embargo was weak. "It leaks everywhere."\n\nOn Tuesday, Karawang Trading shipped nickel '
        "to Iran.",
        [],
    ),
    (
        "nested: X told Z, citing Y, that ... (citing hung on what was said)",
        "Earlier this month, a source in the defense industry told Yonhap, citing managers of CNS, that Karawang "
        "Trading had shipped nickel to Iran.",
        ["a source in the defense industry", "managers of CNS"],
    ),
    (
        "a speech tag closing the sentence covers it, wherever the parser hung it",
        "Lewis said the embargo was weak and that Karawang Trading had shipped nickel to Iran, Yonhap reported on "
        "Monday.",
        ["Yonhap", "Lewis"],
    ),
    (
        "nested: X, citing Y, reported",
        "Yonhap, citing customs records, reported that Karawang Trading shipped nickel to Iran.",
        ["Yonhap", "customs records"],
    ),
    (
        "unnamed source, then its definite mention",
        "Yonhap quotes a source close to the investigation as saying the "
        "firm was fined.\n\nThe source also contends that Karawang Trading shipped nickel to Iran.",
        ["a source close to the investigation"],
    ),
    (
        "the speaker is the subject nearest the verb, not a dateline",
        "TEHRAN (Yonhap) — Karawang Trading said it shipped nickel to Iran.",
        ["Karawang Trading"],
    ),
    (
        "a speaker phrase stops at the dateline dash and leaves out its time",
        "KUALA LUMPUR (Yonhap) - Malaysian inspectors on Friday said Karawang Trading shipped nickel to Iran.",
        ["Malaysian inspectors"],
    ),
    (
        "a heading line the parser joined to the speaker phrase is left out",
        "Our assessment\nSatellite imagery of a new workshop at the Kangson site suggests Karawang Trading shipped "
        "nickel to Iran.",
        ["Satellite imagery of a new workshop at the Kangson site"],
    ),
    (
        "a coordinated reporting verb shares its subject",
        "Lewis dismissed the claims as rumours and insisted that Karawang Trading shipped nickel to Iran.",
        ["Lewis"],
    ),
    (
        "a participle reporting verb shares its subject",
        "CNS released satellite images, saying that Karawang Trading had shipped nickel to Iran.",
        ["CNS"],
    ),
    (
        "a speaker after the clause, behind a long subject",
        "Separately, the Karawang Trading (KT), part of the CNS state corporation, handed over nickel to Iran on "
        "Monday, Yonhap's press office said.",
        ["Yonhap's press office"],
    ),
]


# (case, text, extra entities, the last transfer's sources as (name, entity name))
DESCRIBED = [
    (
        "the official: the latest one introduced",
        "Western officials said Karawang Trading was under watch. A Dutch official said it was fined. "
        "It also shipped nickel to Iran, the official said.",
        {},
        [("A Dutch official", None)],
    ),
    (
        "the first source: the first one introduced",
        "A source in Penang said Karawang Trading was fined. A second source in Johor said it was fined again. "
        "Karawang Trading shipped nickel to Iran in 2020, according to the first source.",
        {},
        [("A source in Penang", None)],
    ),
    (
        "the company: the latest organisation named as a company",
        "The nickel was refined by Selangor Metals Sdn Bhd and declared to Iran Customs as scrap. "
        "The Malaysian maker said it had shipped nickel to Iran in 2021.",
        {"Selangor Metals Sdn Bhd": (ORG, ()), "Iran Customs": (ORG, ())},
        [("The Malaysian maker", "Selangor Metals Sdn Bhd")],
    ),
    (
        "a report by an organisation",
        "Karawang Trading shipped nickel to Iran, according to a report released on Monday by the research group CNS.",
        {},
        [("a report", "CNS")],
    ),
    (
        "a report seen by an organisation is not its report",
        "According to a confidential report seen by Yonhap, Karawang Trading shipped nickel to Iran.",
        {},
        [("a confidential report", None)],
    ),
    (
        "data analysed by an organisation are its findings",
        "Karawang Trading shipped nickel to Iran, according to leaked spreadsheets analysed by CNS.",
        {},
        [("leaked spreadsheets", "CNS")],
    ),
    (
        "imagery reviewed by an organisation is its finding",
        "Satellite imagery reviewed by CNS shows Karawang Trading shipped nickel to Iran.",
        {},
        [("Satellite imagery", "CNS")],
    ),
    (
        "an event noun's relative clause reports it",
        "The sale of nickel by Karawang Trading to Iran, which Yonhap attributed to Lewis, was the largest.",
        {},
        [("Yonhap", "Yonhap")],
    ),
    (
        "records of an organisation keep their words",
        "Karawang Trading shipped nickel to Iran, according to Malaysian customs records.",
        {"Malaysian customs": (ORG, ())},
        [("Malaysian customs records", "Malaysian customs")],
    ),
    (
        "the ministry: the organisation named before whose name holds the head noun",
        "The Malaysian Trade Ministry fined Lewis in May.\n\nKarawang Trading shipped nickel to Iran, the ministry "
        "said.",
        {"Malaysian Trade Ministry": (ORG, ())},
        [("the ministry", "Malaysian Trade Ministry")],
    ),
    (
        "the research group is not another group",
        "The Lazarus Group hacked CNS in May.\n\nLewis shipped nickel to Iran, the research group said.",
        {"Lazarus Group": (ORG, ())},
        [("the research group", None)],
    ),
    (
        "state media: the state outlet the document names",
        "Karawang Trading shipped nickel to Iran, state media reported. IRNA said the cargo arrived in May.",
        {"IRNA": (ORG, ())},
        [("state media", "IRNA")],
    ),
    (
        "'it said' after the clause: the previous sentence's subject, not the place in the clause",
        "Yonhap said the firm was fined in May.\n\nThe firm shipped nickel to Iran, it said.",
        {},
        [("Yonhap", "Yonhap")],
    ),
    (
        "'he said': an unnamed speaker quoted after the last named person",
        "Lewis spoke to Yonhap. A European official said the embargo was weak.\n\n"
        "Karawang Trading shipped nickel to Iran, he said.",
        {},
        [("A European official", None)],
    ),
    (
        "'they said': unnamed speakers of the same number, not the parties of the clause",
        "Two officials said the embargo was weak.\n\nKarawang Trading shipped nickel to Iran, they said.",
        {},
        [("Two officials", None)],
    ),
    (
        "'he said' far from the person it stands for",
        "Lewis toured the port on Monday. "
        + "The port handles grain, timber, coal, cement, steel, fertiliser and fuel for the northern provinces. " * 4
        + "Karawang Trading shipped nickel to Iran, he said.",
        {},
        [("Lewis", "Lewis")],
    ),
    (
        "state media, no outlet named",
        "Karawang Trading shipped nickel to Iran, state media reported.",
        {},
        [("state media", None)],
    ),
]


@pytest.mark.parametrize(("case", "text", "extra", "sources"), DESCRIBED, ids=[c[0] for c in DESCRIBED])
def test_described_speakers(parser, case, text, extra, sources):
    events, names = annotate(parser, text, {**ENTS, **extra})
    transfer = [e for e in events if e.type.value == "TRANSFER"][-1]
    assert [(s.name, names.get(s.entity)) for s in transfer.claim.sources] == sources


def test_scope_stops_at_a_sentence_with_its_own_actor(parser):
    text = "Yonhap said the firm was under investigation. The Treasury designated Karawang Trading in May."
    (event,), _ = annotate(parser, text, {**ENTS, "Treasury": (ORG, ("The Treasury",))})
    assert event.claim.sources == []


@pytest.mark.parametrize(("case", "text", "sources", "certainty", "cue"), CERTAINTY, ids=[c[0] for c in CERTAINTY])
def test_certainty(parser, case, text, sources, certainty, cue):
    (event,), _ = annotate(parser, text, ENTS)
    assert event.claim.certainty.value == certainty
    assert [s.name for s in event.claim.sources] == sources
    if cue:
        assert cue in (event.claim.cue or "")


@pytest.mark.parametrize(("case", "text", "sources"), ATTRIBUTION, ids=[c[0] for c in ATTRIBUTION])
def test_attribution(parser, case, text, sources):
    events, _ = annotate(parser, text, ENTS)
    transfer = [e for e in events if e.type.value == "TRANSFER"][-1]
    assert [s.name for s in transfer.claim.sources][: len(sources) or None] == sources


def test_reporting_verb_coordinated_after_the_clause(parser):
    text = (
        "Kim Jong Un inspected a munitions factory and the Kangson Plant last week, the state-run Yonhap News "
        "Agency (YNA) reported, releasing photographs that have caught the attention of the industry."
    )
    entities = {**ENTS, "Kim Jong Un": (PER, ()), "Kangson Plant": (EntityType.FACILITY, ())}
    events, _ = annotate(parser, text, entities)
    assert [[s.name for s in e.claim.sources] for e in events] == [["the state-run Yonhap News Agency"]]


ASIDES = [
    (
        "an aside with its own actor is outside the report",
        "According to Yonhap, Karawang Trading shipped nickel to CNS, which Lewis designated in May.",
        [("TRANSFER", ["Yonhap"]), ("SANCTION", [])],
    ),
    (
        "a speech tag closing the sentence covers the aside",
        "Karawang Trading shipped nickel to CNS, which Lewis designated in May, Yonhap said.",
        [("TRANSFER", ["Yonhap"]), ("SANCTION", ["Yonhap"])],
    ),
]


@pytest.mark.parametrize(("case", "text", "claims"), ASIDES, ids=[c[0] for c in ASIDES])
def test_asides(parser, case, text, claims):
    events, _ = annotate(parser, text, ENTS)
    assert sorted((e.type.value, [s.name for s in e.claim.sources]) for e in events) == sorted(claims)


def test_modal_on_a_nested_auxiliary(parser):
    text = "Lewis said North Korea may have ground-tested the Hwasong-18 in May."
    entities = {"Lewis": (PER, ()), "North Korea": (LOC, ()), "Hwasong-18": (EntityType.WEAPON, ())}
    (event,), _ = annotate(parser, text, entities)
    assert (event.claim.certainty.value, event.claim.cue) == ("possible", "may have")


LEDE = [
    ("the lede's report goes on in the paragraph after it", "", ["Yonhap"]),
    ("but not in the paragraph after that", "The buyer paid in cash.\n\n", []),
]


@pytest.mark.parametrize(("case", "between", "sources"), LEDE, ids=[c[0] for c in LEDE])
def test_lede_scope(parser, case, between, sources):
    text = (
        "Karawang Trading sold nickel to CNS, Yonhap reported.\n\n"
        + between
        + "The uranium was then shipped to Iran by Karawang Trading."
    )
    events, names = annotate(parser, text, {**ENTS, "uranium": (ITM, ())})
    (shipment,) = [e for e in events if "uranium" in {names[a.entity] for a in e.arguments}]
    assert [s.name for s in shipment.claim.sources] == sources


def test_quoted_paragraph_with_its_own_speaker_starts_afresh(parser):
    text = 'Karawang Trading was fined, according to Yonhap.\n\n"Iran will pay a price for this," Lewis pledged.'
    events, _ = annotate(parser, text, ENTS)
    assert [(e.type.value, e.claim.sources) for e in events] == [("DECLARATION", [])]


def test_sources_point_at_entities(parser):
    (event,), names = annotate(parser, "Karawang Trading shipped nickel to Iran, Yonhap said.", ENTS)
    assert [(names.get(s.entity), s.name) for s in event.claim.sources] == [("Yonhap", "Yonhap")]
