"""Entities on hand-written sentences, through the full pipeline with the statistical model."""

import pytest

from spyglass.extract.entity_ref import EntityCluster
from spyglass.extract.pipeline import build_pipeline
from spyglass.model import EntityType

PER, ORG, FAC, LOC = EntityType.PERSON, EntityType.ORGANIZATION, EntityType.FACILITY, EntityType.LOCATION
WPN, ITM, VES = EntityType.WEAPON, EntityType.ITEM, EntityType.VESSEL


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline(prefer_model=True)


def clusters(nlp, text: str) -> list[EntityCluster]:
    return nlp(text)._.sg_entities


def find(found: list[EntityCluster], etype: EntityType, name: str) -> EntityCluster:
    hits = [c for c in found if c.type is etype and c.name == name]
    assert hits, f"no {etype.value} {name!r} in {[(c.type.value, c.name) for c in found]}"
    assert len(hits) == 1, f"{name!r} split into {len(hits)} entities"
    return hits[0]


# (text, type, name, mention texts that must all be in that one entity)
COREF = [
    (
        "North Korean leader Kim Jong Un toured a plant. Kim praised workers. The North Korean leader left.",
        PER,
        "Kim Jong Un",
        {"Kim Jong Un", "Kim", "The North Korean leader"},
    ),
    ("Kim Jong-un inspected a shipyard on Tuesday.", PER, "Kim Jong Un", {"Kim Jong-un"}),
    (
        "Analyst Melissa Hanham studied the photos. Hanham said the launcher was new.",
        PER,
        "Melissa Hanham",
        {"Melissa Hanham", "Hanham"},
    ),
    (
        "Researchers at the Middlebury Centre for Arms Studies (MCAS) said so. MCAS analysts agreed.",
        ORG,
        "Middlebury Centre for Arms Studies",
        {"MCAS"},
    ),
    (
        "Kim visited the February 8 General Machine Factory. The machine factory builds launchers.",
        FAC,
        "February 8 General Machine Factory",
        {"The machine factory"},
    ),
    (
        "A report says a Chinese private-sector company shipped the goods. The unnamed Chinese firm denied it.",
        ORG,
        "a Chinese private-sector company",
        {"The unnamed Chinese firm"},
    ),
    (
        "Iranian hackers breached the network. Investigators said the hackers used stolen passwords.",
        ORG,
        "Iranian hackers",
        {"Iranian hackers", "the hackers"},
    ),
    (
        "Pyongyang's rocket programme advanced, and North Korean engineers worked on it.",
        LOC,
        "North Korea",
        {"Pyongyang", "North Korean"},
    ),
    (
        "The firm sold aluminium alloy to one buyer and aluminum alloys to another.",
        ITM,
        "aluminium alloy",
        {"aluminium alloy", "aluminum alloys"},
    ),
    (
        "Iran's Shahid Bakeri Industrial Group builds the Fateh-110. SBIG also makes the Zolfaghar.",
        ORG,
        "Shahid Bakeri Industrial Group",
        {"Shahid Bakeri Industrial Group", "SBIG"},
    ),
]


COREF += [
    ("North Korea fired a missile. The North said the test succeeded.", LOC, "North Korea", {"The North"}),
    (
        "He routed the pumps through a front company in Dubai. Records show Falcon Crest Trading LLC in Dubai paid.",
        ORG,
        "Falcon Crest Trading LLC",
        {"a front company in Dubai"},
    ),
    ("The Lighthouse Winmore (IMO 9200389) was seized off Yeosu.", VES, "Lighthouse Winmore", {"IMO 9200389"}),
    (
        "Sanctions hit Shahed-136 one-way attack drones. The drones were built in Russia.",
        WPN,
        "Shahed-136",
        {"drones"},
    ),
    (
        "A Sierra Leone-flagged tanker, the Sea Dawn, met a barge. The tanker then sailed north.",
        VES,
        "Sea Dawn",
        {"A Sierra Leone-flagged tanker", "The tanker"},
    ),
    (
        "Agents raided Helix Components Ltd on Monday. Helix Components denied wrongdoing.",
        ORG,
        "Helix Components Ltd",
        {"Helix Components"},
    ),
    ("Russia fired Kh-101 cruise missiles overnight.", WPN, "Kh-101", {"Kh-101 cruise missiles"}),
    ("Pyongyang's envoy left. The summit was held in Pyongyang.", LOC, "North Korea", {"Pyongyang"}),
]


@pytest.mark.parametrize(("text", "etype", "name", "mentions"), COREF)
def test_coreference_merges_one_referent(nlp, text, etype, name, mentions):
    cluster = find(clusters(nlp, text), etype, name)
    assert mentions <= {m.text for m in cluster.mentions}


FOUND = [
    ("Russia launched Kh-101 cruise missiles and Iranian-made Shahed-136 drones at Kyiv.", WPN, "Kh-101"),
    ("Russia launched Kh-101 cruise missiles and Iranian-made Shahed-136 drones at Kyiv.", WPN, "Shahed-136"),
    ("Russia fired an Iskander-M at the city.", WPN, "Iskander"),
    ("Engineers at the Sinpo shipyard tested a Pukguksong-3 from a barge.", WPN, "Pukguksong-3"),
    (
        "North Korea tested a new intercontinental ballistic missile on a transporter erector launcher.",
        WPN,
        "transporter erector launcher",
    ),
    ("Satellite images show Factory No. 11 near Kusong expanded its halls.", FAC, "Factory No. 11"),
    ("Satellite images show the Chonma General Tractor Works expanded.", FAC, "Chonma General Tractor Works"),
    ("The tanker Rich Glory transferred oil to another ship at sea.", VES, "Rich Glory"),
    ("The MV Ocean Lark was seized off Indonesia.", VES, "Ocean Lark"),
    ("An unflagged freighter carried the crates to Dubai.", VES, "An unflagged freighter"),
    ("A Hong Kong trading company bought CNC machine tools and maraging steel.", ORG, "A Hong Kong trading company"),
    ("A Hong Kong trading company bought CNC machine tools and maraging steel.", ITM, "CNC machine tools"),
    ("A Hong Kong trading company bought CNC machine tools and maraging steel.", ITM, "maraging steel"),
    ("Prosecutors said he exported microchips and gyroscopes to Russia via Armenia.", ITM, "microchips"),
    ("Prosecutors said he exported microchips and gyroscopes to Russia via Armenia.", ITM, "gyroscopes"),
    ("Prosecutors said he exported microchips and gyroscopes to Russia via Armenia.", LOC, "Armenia"),
    ("Inspectors of the IAEA visited Natanz and Fordow last week.", FAC, "Fordow Fuel Enrichment Plant"),
    ("Inspectors of the IAEA visited Natanz and Fordow last week.", ORG, "International Atomic Energy Agency"),
    ("Pakistan's Khan Research Laboratories sold centrifuge designs.", ORG, "Khan Research Laboratories"),
]


@pytest.mark.parametrize(("text", "etype", "name"), FOUND)
def test_domain_entities_are_found(nlp, text, etype, name):
    find(clusters(nlp, text), etype, name)


FOUND += [
    ("A trading company in Hong Kong bought the modules.", ORG, "A trading company in Hong Kong"),
    ("They sold parts to a Pakistani research organisation.", ORG, "a Pakistani research organisation"),
    ("It sailed alongside the Maldives-flagged tanker Xin Yuan 18.", LOC, "Maldives"),
    ("He helped the North Korean-flagged Sam Jong 2 load fuel.", VES, "Sam Jong 2"),
    ("The panel named three Chinese firms that sold parts.", ORG, "three Chinese firms"),
    ("Officials at Iran's foreign ministry rejected the claim.", ORG, "Iran's foreign ministry"),
    ("Parts went to the Mediterranean port of Mersin.", FAC, "port of Mersin"),
    ("Turkish daily newspaper Hurriyet first reported the case.", ORG, "Hurriyet"),
    (
        "Investigators traced the buyer to Pishgam Sanat Tabriz, a company linked to the IRGC.",
        ORG,
        "Pishgam Sanat Tabriz",
    ),
    ("The missile flew from Komsomolsk-on-Amur, officials said.", LOC, "Komsomolsk-on-Amur"),
    ("It fired a Shaheen-III surface-to-surface ballistic missile.", WPN, "Shaheen-III"),
]


NOT_ENTITIES = [
    ("Officials said missiles and weapons were discussed on Monday.", {"Monday", "missiles", "weapons", "Officials"}),
    ("Chinese companies have long traded with Iranian firms.", {"Chinese companies", "Iranian firms"}),
    ("KCNA said Kim watched. The factories have innocuous names.", {"Kim", "The factories"}),
    ("The plant was closed in 2019, the ministry said.", {"The plant", "2019"}),
    ("Iran expanded its uranium enrichment programme and drone attacks.", {"uranium", "drone"}),
    ("By Maria Lopez | 4 min read", {"Maria Lopez"}),
]


@pytest.mark.parametrize(("text", "absent"), NOT_ENTITIES)
def test_generic_mentions_are_not_entities(nlp, text, absent):
    texts = {m.text for c in clusters(nlp, text) for m in c.mentions}
    assert not texts & absent


def test_places_named_inside_an_unnamed_actor_are_mentions_too(nlp):
    found = clusters(nlp, "Washington listed 42 companies in China, Turkey and the United Arab Emirates.")
    find(found, ORG, "42 companies in China, Turkey and the United Arab Emirates")
    for name in ("China", "Turkey", "United Arab Emirates"):
        find(found, LOC, name)


def test_nationality_is_a_mention_of_its_state_not_an_entity(nlp):
    found = clusters(nlp, "Japanese officials met South Korean envoys in Seoul.")
    assert not [c for c in found if c.name in ("Japanese", "South Korean")]
    assert "Japanese" in {m.text for m in find(found, LOC, "Japan").mentions}


def test_capital_as_place_is_the_city(nlp):
    found = clusters(nlp, "The parts were unloaded in Tehran, where engineers at the IRGC tested them.")
    assert "Tehran" in {m.text for m in find(found, LOC, "Tehran").mentions}
    assert not [c for c in found if c.name == "Iran"]
    found = clusters(nlp, "The crates were shipped to Riga, Latvia, in May.")
    find(found, LOC, "Riga")
    find(found, LOC, "Latvia")


def test_person_with_age_is_a_person(nlp):
    found = clusters(nlp, "The indictment names Anton Belov, 52, a broker. Belov denies the charges.")
    assert {"Anton Belov", "Belov"} <= {m.text for m in find(found, PER, "Anton Belov").mentions}


def test_byline_and_caption_lines_are_not_story_entities(nlp):
    text = "By Maria Lopez, Defence Correspondent\n\nPhoto: Reuters\n\nTOKYO - Japan said Iran shipped drones."
    names = {c.name for c in clusters(nlp, text)}
    assert not names & {"Maria Lopez", "Reuters", "TOKYO"}
    assert {"Japan", "Iran"} <= names


def test_headline_capitals_are_not_taken_for_a_facility_name(nlp):
    found = clusters(nlp, "Kim Says New Missile Factory Opens Near Border\n\nThe plant makes launchers.")
    assert not [c for c in found if c.type is FAC]


def test_dateline_place_is_not_an_entity(nlp):
    found = clusters(nlp, "TEHRAN - Iran unveiled the Kheibar Shekan missile on Tuesday.")
    assert "TEHRAN" not in {m.text for c in found for m in c.mentions}
    find(found, WPN, "Kheibar Shekan")


def test_knowledge_base_entities_carry_kb_id_and_facts(nlp):
    found = clusters(nlp, "Smugglers moved tungsten to the Sohae Satellite Launching Station.")
    assert find(found, FAC, "Sohae Satellite Launching Station").kb_id == "sg:kp:sohae-satellite-launching-station"
    assert find(found, ITM, "tungsten").attributes["hs_codes"] == ["8101"]


def test_mentions_are_in_document_order_and_ids_unique(nlp):
    found = clusters(nlp, "Kim Jong Un met Vladimir Putin. Putin gave Kim a car. Kim thanked Putin.")
    assert len({c.id for c in found}) == len(found)
    for c in found:
        starts = [m.start for m in c.mentions]
        assert starts == sorted(starts)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Police said hackers entered at least 12 Polish arms makers last year.", "at least 12 Polish arms makers"),
        ("Commerce listed more than 30 Chinese firms on Friday.", "more than 30 Chinese firms"),
        ("The broker sold lathes to 30 companies in Russia.", "30 companies in Russia"),
    ],
)
def test_counted_actors_keep_the_count_qualifier(nlp, text, name):
    find(clusters(nlp, text), ORG, name)


@pytest.mark.parametrize(
    ("text", "name", "description"),
    [
        (
            "Kim Jong Un toured the No. 17 Factory in Sinuiju. The plant makes tractor engines.",
            "No. 17 Factory",
            "The plant",
        ),
        (
            "Workers of the Izhora Machine Works said the enterprise had doubled its output.",
            "Izhora Machine Works",
            "the enterprise",
        ),
    ],
)
def test_general_site_word_refers_to_the_named_facility(nlp, text, name, description):
    assert description in {m.text for m in find(clusters(nlp, text), FAC, name).mentions}


def test_numbered_plant_keeps_its_number(nlp):
    find(clusters(nlp, "Lukashenko toured the 558 Aircraft Repair Plant in June."), FAC, "558 Aircraft Repair Plant")
    assert all(c.name != "2023 Machine Factory" for c in clusters(nlp, "In 2023 Machine Factory workers struck."))


def test_family_firm_names_and_list_names(nlp):
    found = clusters(nlp, "Rahim and Sons Private Limited was added to the Specially Designated Nationals list.")
    find(found, ORG, "Rahim and Sons Private Limited")
    assert all("Nationals" not in c.name for c in found)


def test_name_closing_a_fronted_attribution_is_no_apposition(nlp):
    found = clusters(nlp, "According to the Mainichi Shimbun, a Chinese firm sold tungsten to Pyongyang.")
    assert "a Chinese firm" not in {m.text for m in find(found, ORG, "Mainichi Shimbun").mentions}
