"""Open-vocabulary goods and weapons found from the parse (`spyglass.extract.goods`), on hand-written sentences."""

import pytest

from spyglass.extract.pipeline import build_pipeline
from spyglass.model import EntityType

ITM, WPN = EntityType.ITEM, EntityType.WEAPON


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline(prefer_model=True)


def found(nlp, text: str) -> dict[str, tuple[EntityType, set[str]]]:
    return {c.name: (c.type, {m.text for m in c.mentions}) for c in nlp(text)._.sg_entities}


# (text, type, a mention the entity must have, other mentions of that same entity)
FOUND = [
    ("A Belgian broker sold 300 hydraulic servo valves to a buyer in Minsk.", ITM, "hydraulic servo valves", set()),
    ("Agents seized ammonium perchlorate and nitric acid at the border.", ITM, "nitric acid", set()),
    ("The firm exported vacuum-brazed heat exchangers and rotary vane pumps.", ITM, "rotary vane pumps", set()),
    (
        "The broker shipped piezoelectric pressure transducers to Tehran. The transducers were seized in Oman.",
        ITM,
        "piezoelectric pressure transducers",
        {"The transducers"},
    ),
    ("Hackers stole classified information from the shipyard.", ITM, "classified information", set()),
    ("The army paraded the Tor air-defense missile near the border.", WPN, "Tor air-defense missile", set()),
    ("A Zircon interceptor was fired from a frigate.", WPN, "Zircon interceptor", set()),
    (
        "It unveiled a ship-based anti-missile laser system last week.",
        WPN,
        "ship-based anti-missile laser system",
        set(),
    ),
]


@pytest.mark.parametrize(("text", "etype", "mention", "others"), FOUND)
def test_goods_found(nlp, text, etype, mention, others):
    hits = [(t, ms) for t, ms in found(nlp, text).values() if mention in ms]
    assert hits, f"{mention!r} not found in {found(nlp, text)}"
    assert hits[0][0] is etype
    assert others <= hits[0][1]


# Generic uses of goods words that name no good.
NOT_FOUND = [
    ("Officials unveiled expansion plans for the port.", "expansion plans"),
    ("Sanctions are part of a wider campaign.", "part"),
    ("The company said its parts were sold legally.", "parts"),
    ("Officials discussed launch vehicles in general terms.", "launch vehicles"),
    ("The missile program grew quickly.", "missile"),
]


@pytest.mark.parametrize(("text", "text_absent"), NOT_FOUND)
def test_generic_goods_words_are_not_entities(nlp, text, text_absent):
    mentions = {m for _, ms in found(nlp, text).values() for m in ms}
    assert text_absent not in mentions


def test_blank_pipeline_finds_no_parse_goods():
    blank = build_pipeline(prefer_model=False)
    doc = blank("A Belgian broker sold 300 hydraulic servo valves to a buyer in Minsk.")
    assert all("valves" not in c.name for c in doc._.sg_entities)


def test_fewer_modifiers_name_the_same_good(nlp):
    found = nlp(
        "The broker bought brushless servo motors in Ohio. The servo motors reached Minsk in May."
    )._.sg_entities
    motors = [c for c in found if c.type is ITM and "motors" in c.name]
    assert len(motors) == 1
    assert {m.text for m in motors[0].mentions} >= {"brushless servo motors", "servo motors"}


def test_brand_and_model_number_stay_with_the_good(nlp):
    mentions = {m for _, ms in found(nlp, "He exported 40 Kestrel 320 compressors to Iran.").values() for m in ms}
    assert "Kestrel 320 compressors" in mentions


def test_designator_before_a_weapon_class_names_the_weapon(nlp):
    found = nlp(
        "Russia launched a Burevestnik cruise missile on Monday. The Burevestnik missile flew far."
    )._.sg_entities
    named = [c for c in found if c.type is WPN and "Burevestnik" in c.name]
    assert len(named) == 1
    assert {m.text for m in named[0].mentions} == {"Burevestnik cruise missile", "Burevestnik missile"}


def test_verb_read_as_adjective_is_not_part_of_the_good(nlp):
    mentions = {m for _, ms in found(nlp, "Syria imported armoured limousines via Beirut.").values() for m in ms}
    assert "armoured limousines" in mentions


def test_designated_weapon_is_named_by_its_designator_not_its_class(nlp):
    found = nlp("Kestrel Works makes military drones. It sold Skylark loitering munitions to the army.")._.sg_entities
    named = [c for c in found if c.type is WPN and "Skylark" in {t.text for m in c.mentions for t in m}]
    assert [(c.name, [m.text for m in c.mentions]) for c in named] == [("Skylark", ["Skylark loitering munitions"])]


def test_quantity_words_are_not_part_of_the_good(nlp):
    mentions = {m for _, ms in found(nlp, "Police found a dozen such rotary pumps in Gdansk.").values() for m in ms}
    assert "rotary pumps" in mentions


def test_named_air_defence_system_and_guns_are_weapons(nlp):
    text = "Germany sent Skyguard air defense systems and Oerlikon anti-aircraft guns to Kyiv."
    weapons = {m for t, ms in found(nlp, text).values() if t is WPN for m in ms}
    assert {"Skyguard air defense systems", "Oerlikon anti-aircraft guns"} <= weapons


# Goods no head list knows, named by what the text does with them: traded or made.
TRADED = [
    ("Court papers say the broker sold 12 tonnes of dichloromethane to a buyer in Aleppo.", "dichloromethane"),
    ("Investigators said he tried to arrange the sale of a hot isostatic press to the buyer.", "hot isostatic press"),
    ("The trading house shipped maraging steel billets to Karachi in May.", "maraging steel billets"),
]


@pytest.mark.parametrize(("text", "mention"), TRADED)
def test_traded_goods_are_items(nlp, text, mention):
    hits = [t for t, ms in found(nlp, text).values() if mention in ms]
    assert hits == [ITM], found(nlp, text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The envoy made progress on the deal and sold equipment.", {"progress", "deal", "equipment"}),
        ("The firm supplied the military and shipped products abroad.", {"military", "products"}),
    ],
)
def test_traded_parties_and_generic_words_are_not_items(nlp, text, absent):
    mentions = {m for _, ms in found(nlp, text).values() for m in ms}
    assert not absent & mentions, mentions


@pytest.mark.parametrize(
    ("text", "name", "mention"),
    [
        # a designator, then lowercase words, then the class: one weapon, named by its designator
        (
            "Pyongyang fired a new-type Hwasong-11 tactical ballistic missile.",
            "Hwasong-11",
            "Hwasong-11 tactical ballistic missile",
        ),
        (
            "Russia tested the Burevestnik nuclear-powered cruise missile.",
            "Burevestnik",
            "Burevestnik nuclear-powered cruise missile",
        ),
    ],
)
def test_designator_names_its_weapon_past_lowercase_words(nlp, text, name, mention):
    weapons = [c for c in nlp(text)._.sg_entities if c.type is WPN]
    assert [(c.name, [m.text for m in c.mentions]) for c in weapons] == [(name, [mention])]


@pytest.mark.parametrize(
    "text",
    ["North Korea fired a Hwasong-11 and two cruise missiles.", "Russia fired Kinzhal and other ballistic missiles."],
)
def test_function_words_keep_a_designator_apart_from_a_class(nlp, text):
    weapons = [m.text for c in nlp(text)._.sg_entities if c.type is WPN for m in c.mentions]
    assert not [m for m in weapons if " and " in m], weapons


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kim watched a test-firing of the new-type 240mm guided rockets.", "new-type 240mm guided rockets"),
        ("The factory makes 122mm artillery rockets.", "122mm artillery rockets"),
    ],
)
def test_calibre_and_guidance_words_name_the_weapon(nlp, text, name):
    assert [c.name for c in nlp(text)._.sg_entities if c.type is WPN] == [name]


def test_trade_verb_the_parser_made_a_modifier_is_not_part_of_the_good(nlp):
    # en_core_web_sm tags "firm" ADJ and "shipped" a modifier of "valves" here
    mentions = {m for _, ms in found(nlp, "The firm shipped valves to Iran.").values() for m in ms}
    assert "valves" in mentions and not any("shipped" in m for m in mentions)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "The shipment of valves reached Bandar Abbas in May.",
            "valves",
        ),  # a known good, bare, in a trade noun's phrase
        ("The company did not ship any lathes to Iran.", "lathes"),  # "any" makes no anaphor of an object
    ],
)
def test_bare_traded_goods(nlp, text, mention):
    assert mention in {m for _, ms in found(nlp, text).values() for m in ms}
