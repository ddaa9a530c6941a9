"""Context fixes of the model's entities: person roles, foreign company suffixes, site words, page furniture."""

import pytest

from spyglass.extract.pipeline import build_pipeline
from spyglass.model import EntityType

PER, ORG, FAC = EntityType.PERSON, EntityType.ORGANIZATION, EntityType.FACILITY


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline(prefer_model=True)


def typed(nlp, text: str) -> set[tuple[EntityType, str]]:
    return {(c.type, m.text) for c in nlp(text)._.sg_entities for m in c.mentions}


FOUND = [
    ("Ozkan Kimya's general manager, Baran Yildiz, declined to comment.", PER, "Baran Yildiz"),
    ("The drums were sold by Anadolu Kimya Sanayi to a trader in Baku.", ORG, "Anadolu Kimya Sanayi"),
    ("Satellite photos show new halls at the Karaj Nuclear Research Center.", FAC, "Karaj Nuclear Research Center"),
    # a Korean given name the tokenizer split at its hyphen
    ("Lawmaker Park Sun-won told reporters the data had been stolen.", PER, "Park Sun-won"),
    # but a word after the hyphen ends no name
    ("The Kim Jong Un-led regime sent artillery shells to Russia.", PER, "Kim Jong Un"),
    # an appositive description with a capitalised place word types an unknown name
    ("Voltrakon, a Minsk company that repairs tank engines, bought the lathes.", ORG, "Voltrakon"),
    ("Investigators said Gwangsan Marine, a shipbuilder, had been breached in May.", ORG, "Gwangsan Marine"),
    # a list the model read as one name is several names; a company suffix after a comma is not a list
    ("Analysts said Lazarus, Kimsuky and Andariel had hacked the firms.", ORG, "Kimsuky"),
    ("The valves came from Hexon Trading Co., Ltd. in Dalian.", ORG, "Hexon Trading Co., Ltd."),
    # a place after a plant's name is not part of it
    ("The missiles were produced at the Votkinsk Plant in Udmurtia.", FAC, "Votkinsk Plant"),
]


@pytest.mark.parametrize(("text", "etype", "mention"), FOUND)
def test_typed_by_context(nlp, text, etype, mention):
    assert (etype, mention) in typed(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Read the annual report (PDF, 2 MB). Download it here.",
        "The test took place on May 3, Juche 112 (2023), according to the agency.",
        "Share this article: Email | Print",
        "Treasury targeted suppliers of the Iranian UAV Program on Friday.",
    ],
)
def test_page_words_and_calendar_years_are_not_entities(nlp, text):
    names = {m for _, m in typed(nlp, text)}
    assert not names & {"PDF", "MB", "Download", "Juche 112", "Email", "Print", "UAV Program"}


# Unnamed but specific actors with their descriptive tails (text, type, the whole phrase as one mention).
UNNAMED = [
    ("Police raided a firm in the Syrian city of Aleppo on Friday.", ORG, "a firm in the Syrian city of Aleppo"),
    ("Last year a tribunal in Antwerp fined the broker.", ORG, "a tribunal in Antwerp"),
    ("The parts came from a precision optics manufacturer, officials said.", ORG, "a precision optics manufacturer"),
    ("Prosecutors charged a 41-year-old woman from Gdansk with smuggling.", PER, "a 41-year-old woman from Gdansk"),
    ("An engineer from Tilburg was also arrested.", PER, "An engineer from Tilburg"),
    (
        "The tanker unloaded at a private refinery in China's Hebei province.",
        FAC,
        "a private refinery in China's Hebei province",
    ),
    (
        "The group breached shipping and logistics firms in Greece and Cyprus.",
        ORG,
        "shipping and logistics firms in Greece and Cyprus",
    ),
    (
        "Inspectors were denied access to Syria's suspected reactor site last year.",
        FAC,
        "Syria's suspected reactor site",
    ),
    ("Attackers hit five defense contractors in a week.", ORG, "five defense contractors"),
]


@pytest.mark.parametrize(("text", "etype", "mention"), UNNAMED)
def test_unnamed_actors_keep_their_tails(nlp, text, etype, mention):
    assert (etype, mention) in typed(nlp, text)


def test_unrelated_unnamed_companies_stay_apart(nlp):
    found = nlp("An aircraft leasing company sold jets to a drone parts maker. The jets were old.")._.sg_entities
    names = {c.name for c in found if c.type is ORG}
    assert {"An aircraft leasing company", "a drone parts maker"} <= names


def test_short_forms_of_a_company_join_it(nlp):
    found = nlp(
        "The valves were sold by Ozdemir Vana Dis Ticaret to a trader. Ozdemir Vana's owner declined to comment. "
        "Ozdemir had sold valves before."
    )._.sg_entities
    company = [c for c in found if c.name == "Ozdemir Vana Dis Ticaret"]
    assert company and company[0].type is ORG
    assert not [c for c in found if c.name.startswith("Ozdemir") and c is not company[0]]


def test_unnamed_intermediary_stays_apart_from_the_named_recipient_after_it(nlp):
    found = nlp("The drums went through a logistics firm in Singapore to Zagros Chemical Industries, records show.")
    orgs = {c.name: {m.text for m in c.mentions} for c in found._.sg_entities if c.type is ORG}
    assert "a logistics firm in Singapore" not in orgs.get("Zagros Chemical Industries", set())
    assert "a logistics firm in Singapore" in orgs


def test_name_after_a_flag_is_the_ship(nlp):
    found = nlp("The fleet includes the Comoros-flagged Marigold (IMO 9123456), a crude carrier.")._.sg_entities
    ship = [c for c in found if c.type is EntityType.VESSEL]
    assert [c.name for c in ship] == ["Marigold"]
    assert {m.text for m in ship[0].mentions} == {"Marigold", "IMO 9123456"}


def test_described_site_before_its_short_name_is_the_known_site(nlp):
    found = nlp("Inspectors said the Parchin military complex was razed. Officials denied that Parchin hosted tests.")
    sites = [c for c in found._.sg_entities if c.type is FAC]
    assert len(sites) == 1 and sites[0].kb_id


@pytest.mark.parametrize(
    ("text", "etype", "mention"),
    [
        (
            "The plant showed off its 120-horsepower Pyongyang-2021 harvester to visitors.",
            EntityType.ITEM,
            "120-horsepower Pyongyang-2021 harvester",
        ),
        (
            "The rocket splashed down in the West Sea of Korea after a short flight.",
            EntityType.LOCATION,
            "West Sea of Korea",
        ),
    ],
)
def test_names_the_model_cuts(nlp, text, etype, mention):
    assert (etype, mention) in typed(nlp, text)


def test_name_with_a_serial_number_is_not_a_person(nlp):
    found = nlp("The missile struck Cosmos 2251, a defunct satellite, in 2009.")._.sg_entities
    assert not [c for c in found if c.type is PER]


def test_source_after_a_comma_is_no_apposition(nlp):
    found = nlp("The chips were bound for a radar maker in Kazan, the border guard service said.")._.sg_entities
    maker = [c for c in found if "a radar maker in Kazan" in {m.text for m in c.mentions}]
    assert maker and maker[0].name == "a radar maker in Kazan"


@pytest.mark.parametrize(
    ("text", "etype", "mention"),
    [
        ("Analysts at the Oslo Peace Research Institute counted the launches.", ORG, "Oslo Peace Research Institute"),
        ("Engineers at the Sarov Nuclear Weapons Institute built the device.", FAC, "Sarov Nuclear Weapons Institute"),
    ],
)
def test_institutes_are_sites_only_with_site_words(nlp, text, etype, mention):
    assert (etype, mention) in typed(nlp, text)


def test_end_users_and_works(nlp):
    mentions = typed(nlp, "The broker sold sensors to Iranian military end users, officials said.")
    assert (ORG, "Iranian military end users") in mentions
    found = nlp("Kim visited the Sinuiju Textile Factory. Workers at the Sinuiju works cheered.")._.sg_entities
    assert len([c for c in found if c.type is FAC]) == 1


def test_large_cities_of_several_words_are_places(nlp):
    mentions = typed(nlp, "A Cedar Rapids businessman pleaded guilty to shipping valves to Iran.")
    assert (EntityType.LOCATION, "Cedar Rapids") in mentions


def test_name_after_a_vessel_word_is_the_ship(nlp):
    assert (EntityType.VESSEL, "Adeline") in typed(nlp, "The tanker Adeline loaded crude at Kharg Island in May.")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("The ship's manager, Olympus Navigation of Greece, pleaded guilty last week.", "Olympus Navigation"),
        ("Chips were sent to Kuban Aero, the maker of a loitering munition, in 2023.", "Kuban Aero"),
    ],
)
def test_company_words_and_descriptions_make_organisations(nlp, text, mention):
    assert (ORG, mention) in typed(nlp, text)


def test_short_name_of_a_company_is_found_where_the_model_cut_it(nlp):
    found = nlp(
        "Chips were shipped by Nova Ridge Components Ltd to Moscow. Officials said Nova Ridge had no licence."
    )._.sg_entities
    company = [c for c in found if c.name == "Nova Ridge Components Ltd"]
    assert company and "Nova Ridge" in {m.text for m in company[0].mentions}
    assert not [c for c in found if c.type is PER]


def test_acronym_in_parentheses_is_not_part_of_the_name(nlp):
    text = "The Federal Office for Economics and Export Control (BAFA) refused a licence. BAFA declined to comment."
    found = nlp(text)._.sg_entities
    office = [c for c in found if c.name == "Federal Office for Economics and Export Control"]
    assert office and "BAFA" in {m.text for m in office[0].mentions}


def test_described_known_site_joins_it_when_named_differently(nlp):
    found = nlp("Iran fed gas into machines at the Natanz enrichment plant. Work at Natanz continued.")._.sg_entities
    sites = [c for c in found if c.type is FAC]
    assert len(sites) == 1 and sites[0].kb_id
    assert "Natanz enrichment plant" in {m.text for m in sites[0].mentions}


@pytest.mark.parametrize(
    "text, mention",
    [
        ("The lathes were sold by Anadolu Tezgah A.S. to a broker.", "Anadolu Tezgah A.S."),
        ("Chips went to OOO Radiotekhnika in Moscow last year.", "OOO Radiotekhnika"),
        ("Orbit Trade Pte Ltd shipped the goods.", "Orbit Trade Pte Ltd"),
    ],
)
def test_foreign_company_forms(nlp, text, mention):
    assert (ORG, mention) in typed(nlp, text)


def test_launching_vehicles_are_the_launcher_class(nlp):
    found = nlp("The parade showed new launching vehicles. Each mobile launcher carried one missile.")._.sg_entities
    launchers = [c for c in found if c.type is EntityType.WEAPON and "launch" in c.name]
    assert len(launchers) == 1


def test_organisation_on_a_byline_is_kept_people_are_not(nlp):
    text = (
        "By Jane Doe | 4 min read\nReport by the Nuclear Threat Research Group | 6 min read\n\n"
        "Iran enriched more uranium."
    )
    names = {m for _, m in typed(nlp, text)}
    assert "Nuclear Threat Research Group" in names
    assert "Jane Doe" not in names
