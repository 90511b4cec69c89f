"""General provenance cues (not phrasings): a short credit line at the top or bottom of the text
names the origin whatever its wording; a notice's words about other material are no notice; a
name after a notice stops at a sentence end; an outlet that something happens to is the topic.
Every line here is invented, with outlets and wordings other than the held-out sets'."""
import pytest

from labeler.provenance.notices import find_notices

from conftest import cited_of, origin_of, prov


BODY = ("Grain exports rose by a fifth in the first quarter, helped by a record harvest in the south and "
        "new rail links to the ports, the agriculture ministry said on Monday in its quarterly review.\n\n"
        "The ministry expects shipments to stay high for the rest of the year if the weather holds and "
        "freight rates do not climb again, a spokesman added at a briefing in the capital.")
UNKNOWN_HOST = "https://www.regional-grain-digest.example/2025/06/exports/"


@pytest.mark.parametrize("line, outlet", [
    ("Reporting by Olga Petrova for TASS", "TASS"),
    ("Text: Prensa Latina", "Prensa Latina"),
    ("Story taken from the Global Times.", "Global Times"),
    ("Adapted from an article by Anadolu Agency", "Anadolu Agency"),
    ("Translated from Persian. The original appeared in IRNA.", "IRNA"),
    ("With information from Yonhap.", "Yonhap"),
    ("Courtesy: Korean Central News Agency (KCNA)", "KCNA"),
])
@pytest.mark.parametrize("where", ["top", "bottom"])
def test_a_short_credit_line_at_an_edge_names_the_origin(line, outlet, where, reg):
    text = f"{line}\n\n{BODY}" if where == "top" else f"{BODY}\n\n{line}"
    assert origin_of(text, reg, UNKNOWN_HOST) == reg.get(outlet).name
    assert reg.get(outlet).name not in cited_of(text, reg, UNKNOWN_HOST)


@pytest.mark.parametrize("line", ["Photo: Xinhua", "Video courtesy of CGTN", "Images: Sputnik/Alexei Danichev"])
def test_picture_credits_at_an_edge_are_no_origin(line, reg):
    assert origin_of(f"{BODY}\n\n{line}", reg, UNKNOWN_HOST) is None


@pytest.mark.parametrize("line", [
    "TASS did not respond to a request for comment.",
    "More from Press TV:",
    "Get news from Xinhua in your inbox every morning",
    "The claims have been published in the Global Times.",
    "Sources: World Bank, IMF, Anadolu Agency",
])
def test_edge_lines_that_are_no_credit(line, reg):
    assert origin_of(f"{BODY}\n\n{line}", reg, UNKNOWN_HOST) is None


def test_a_contribution_credit_on_a_known_outlets_page_is_a_wire_link(reg):
    text = f"{BODY}\n\nWith reporting by Yonhap"
    p = prov(text, reg, "https://www.theguardian.com/world/2025/jun/01/grain")
    assert p.origin.outlet == "The Guardian"
    assert "Yonhap" in [c.outlet for c in p.cited]


@pytest.mark.parametrize("line, outlet", [
    ("This article first appeared in the Minsk daily Belarus Segodnya.", "Belarus Segodnya"),
    ("Originally published by the state news agency Prensa Latina.", "Prensa Latina"),
])
def test_a_descriptor_between_notice_and_name(line, outlet, reg):
    assert origin_of(f"{BODY}\n\n{line}", reg, UNKNOWN_HOST) == reg.get(outlet).name


@pytest.mark.parametrize("line", [
    "Translated from Arabic. Reproduced here with permission.",
    "Translated from Turkish. Shared by a reader.",
    "This piece was translated from German. It first appeared in print.",
])
def test_a_language_before_a_sentence_end_is_no_outlet(line, reg):
    names = [n.name for n in find_notices(f"{BODY}\n\n{line}", reg)]
    assert not [n for n in names if ". " in n or n.split()[0] in ("Arabic", "Turkish", "German")]


@pytest.mark.parametrize("sentence", [
    "The blog, Pravda Today, posted dozens of stories a week, most of them translated from Sputnik without changes.",
    "Several channels shared by Press TV were later removed from the platform.",
])
def test_notice_words_about_other_material_are_no_origin(sentence, reg):
    text = f"MOSCOW, June 3 (Reuters) - {BODY}\n\n{sentence}\n\nThe regulator said more sites would follow."
    assert origin_of(text, reg) == "Reuters"


@pytest.mark.parametrize("sentence", [
    "A video platform terminated three channels run by Al Jazeera Mubasher last week, a spokesman said.",
    "Clips from Al Mayadeen's talk shows were already circulating widely, the researcher said.",
    "The regulator fined Al Mayadeen and said the decision could be appealed.",
])
def test_an_outlet_something_happens_to_is_not_cited(sentence, reg):
    assert cited_of(f"{sentence}\n\n{BODY}", reg, UNKNOWN_HOST) == []


def test_a_chart_source_in_the_body_is_no_origin(reg):
    text = (f"CAIRO, May 5 (Reuters) - {BODY}\n\nArrivals by month\nSource: Grain Monitor Initiative\n\n"
            "The ministry said it would publish the full figures next month, after a review of the data from "
            "all ports and border crossings that the customs service is carrying out at the moment.")
    assert origin_of(text, reg) == "Reuters"


def test_an_author_before_the_outlet_is_not_the_origin(reg):
    text = f"This report was originally published by Jane Roe at Zero Hedge\n\n{BODY}"
    assert origin_of(text, reg, UNKNOWN_HOST) == reg.get("Zero Hedge").name


@pytest.mark.parametrize("sentence, outlet", [
    ("Iran's state-run Tasnim news agency quoted the foreign ministry as saying talks would resume.", "Tasnim"),
    ("Al Mayadeen correspondent Ali Hassan reported that the crossing had reopened.", "Al Mayadeen"),
])
def test_an_outlet_that_reports_stays_cited_near_event_words(sentence, outlet, reg):
    assert reg.get(outlet).name in cited_of(f"{sentence}\n\n{BODY}", reg, UNKNOWN_HOST)


def test_evidence_on_a_huge_sentence_is_capped(reg):
    text = "Grain prices rose, " * 20_000 + "as first reported by Xinhua, " + "traders said, " * 20_000 + "end."
    notices = find_notices(text, reg)
    assert notices
    for n in notices:
        assert n.end - n.start <= 2 * 500 + len(n.name) + 100
        assert text[n.start:n.end] == n.evidence


@pytest.mark.parametrize("line, origin", [
    ("Courtesy Maria Lopez", None),          # a person (photographer, reader, author)
    ("Source: John Carter", None),
    ("Courtesy: Balkan Insight", "Balkan Insight"),  # an outlet the registry lacks stays an origin
    ("Source: Kyiv Independent", "Kyiv Independent"),
])
def test_an_edge_credit_naming_a_person_is_no_unknown_outlet(line, origin):
    import labeler

    body = ("The council voted on Tuesday to close the library, officials said. Residents protested outside.\n\n"
            "The decision takes effect in May.")
    a = labeler.analyze(body + "\n\n" + line, model="rules")
    assert (a.origin.outlet if a.origin else None) == origin


# Held-out set 10 classes: a credit line of several sentences, a description of the outlet after
# its name, "from X" as the opening, a version or translation of this text as the subject, and a
# language that a translation comes from (never an outlet). Invented wordings and outlets.
@pytest.mark.parametrize("line, outlet", [
    ("Translated from Arabic. Original: SANA.", "SANA"),
    ("From Rodong Sinmun, the daily of the ruling party's central committee. Translated by our desk.",
     "Rodong Sinmun"),
    ("This is an English translation of a commentary published in Granma, the official paper of the party.",
     "Granma"),
    ("An abridged version of this article was first published by Belta.", "Belta"),
    ("Translated from Russian. The interview was aired by Prensa Latina, Cuba's news agency.", "Prensa Latina"),
])
@pytest.mark.parametrize("where", ["top", "bottom"])
def test_a_credit_sentence_on_an_edge_line_names_the_origin(line, outlet, where, reg):
    text = f"{line}\n\n{BODY}" if where == "top" else f"{BODY}\n\n{line}"
    assert origin_of(text, reg, UNKNOWN_HOST) == reg.get(outlet).name
    assert reg.get(outlet).name not in cited_of(text, reg, UNKNOWN_HOST)


def test_a_version_of_this_text_published_elsewhere_is_its_origin_mid_text(reg):
    text = f"{BODY}\n\nA version of this story was first published by Vietnam News Agency.\n\n{BODY}"
    assert origin_of(text, reg, UNKNOWN_HOST) == "Vietnam News Agency"


@pytest.mark.parametrize("language", ["Serbian", "Hebrew", "Uzbek", "Farsi", "Tagalog"])
def test_the_language_a_text_is_translated_from_is_no_origin(language, reg):
    assert origin_of(f"Translated from {language}.\n\n{BODY}", reg, UNKNOWN_HOST) is None


@pytest.mark.parametrize("line", [
    "From IRNA, the agency said on Monday, the figures were revised.",  # someone says something
    "From Xinhua, the wire: Reuters.",                                  # two outlets
    "The report was criticised by Xinhua, the state agency.",           # no credit word, no self subject
    "A version of the plan was first published by Xinhua.",             # other material
])
def test_edge_sentences_that_are_no_credit(line, reg):
    assert origin_of(f"{BODY}\n\n{line}", reg, UNKNOWN_HOST) is None


# Held-out set 11 classes (invented wordings and outlets): a "Label: outlet" footer, a line that is
# nothing but the outlet's name (with the network that distributed it), a dateline whose city
# carries its region and country in brackets, and a name the registry qualifies by country
# resolved by the place written after it.
@pytest.mark.parametrize("line, outlet", [
    ("Material: Rossiya 24 TV channel", "Rossiya 24"),
    ("Quelle: Belta", "Belta"),
    ("(Yonhap/Asia News Network)", "Yonhap"),
    ("\u2014 Prensa Latina", "Prensa Latina"),
])
def test_a_labelled_or_bare_outlet_line_at_the_bottom_names_the_origin(line, outlet, reg):
    assert origin_of(f"{BODY}\n\n{line}", reg, UNKNOWN_HOST) == reg.get(outlet).name


@pytest.mark.parametrize("line", [
    "REUTERS/Jane Roe",                  # a news photo's credit: agency and photographer
    "Photo: Belta",
    "Related: Prensa Latina",
])
def test_picture_and_cross_link_lines_are_no_bare_credit(line, reg):
    assert origin_of(f"{BODY}\n\n{line}", reg, UNKNOWN_HOST) is None


def test_a_bare_name_inside_a_longer_closing_paragraph_is_no_credit(reg):
    text = f"{BODY}\n\nSo the rumour was false, and the whole story fell apart within a day of being told. [Belta]"
    assert origin_of(text, reg, UNKNOWN_HOST) is None


def test_a_dateline_city_with_region_and_country_in_brackets(reg):
    text = f"Shillong (Meghalaya) [India], Oct 2 (ANI): {BODY}"
    assert origin_of(text, reg, UNKNOWN_HOST) == "ANI"


@pytest.mark.parametrize("line, outlet", [
    ("Republished with permission from La Prensa, Managua.", "La Prensa (Nicaragua)"),
    ("Republished with permission from La Prensa (Nicaragua).", "La Prensa (Nicaragua)"),
    ("Reprinted from The Herald, Harare.", "The Herald (Zimbabwe)"),
])
def test_a_qualified_name_resolves_by_the_place_after_it(line, outlet, reg):
    assert origin_of(f"{BODY}\n\n{line}", reg, UNKNOWN_HOST) == outlet


def test_a_qualified_name_with_a_place_of_another_country_stays_unknown(reg):
    a = prov(f"{BODY}\n\nRepublished with permission from La Prensa, Buenos Aires.", reg, UNKNOWN_HOST)
    assert a.origin.outlet == "La Prensa" and a.origin.affiliation == "unknown"


def test_a_name_inside_a_longer_rejected_spelling_is_still_found(reg):
    # "the Hindu" runs into "stan": the scan must still see "Hindustan Times" starting inside it
    mentions = [m.text for m in reg.find_mentions("The coach told the Hindustan Times that both sides had a point.")]
    assert mentions == ["Hindustan Times"]


# Held-out set 12 classes (invented wordings and outlets): this text derived from one item of the
# outlet ("based on a X broadcast", "a translation of a X report"), a day between the act and the
# outlet ("first printed on Tuesday in X"), a version footer whose name the registry qualifies, and
# outlets listed as members of a category the other way round ("Among the channels ... were X").
@pytest.mark.parametrize("line, outlet", [
    ("Translated from a Rossiya 1 evening news report broadcast on 3 March, with minor cuts for length.",
     "Rossiya 1"),
    ("This report is based on a Belta broadcast from Grodno and was translated from Belarusian.", "Belta"),
    ("This article is an English translation of a Granma report, published with the paper's permission.",
     "Granma"),
    ("(This report was first printed on Tuesday in Prensa Latina, the Cuban agency's wire, and appears "
     "here under a content-sharing agreement.)", "Prensa Latina"),
    ("A version of this story appeared in La Prensa, Managua, on 3 May.", "La Prensa (Nicaragua)"),
    ("This story appeared in Saturday's edition of the Global Times.", "Global Times"),
])
def test_this_text_derived_from_an_outlets_item_names_the_origin(line, outlet, reg):
    for text in (f"{line}\n\n{BODY}", f"{BODY}\n\n{line}"):
        assert origin_of(text, reg, UNKNOWN_HOST) == reg.get(outlet).name


@pytest.mark.parametrize("line", [
    "A version of this story appeared in the Monday print edition.",
    "This post originally appeared on Jane Roe's blog.",
    "The film is based on a BBC documentary about the harbour, its director said.",
])
def test_days_possessives_and_other_works_are_no_origin(line, reg):
    assert origin_of(f"{BODY}\n\n{line}", reg, UNKNOWN_HOST) is None


def test_outlets_listed_as_members_of_a_category_the_other_way_round_are_the_topic(reg):
    text = (f"{BODY}\n\nAmong the channels that moved to the new satellite were TRT, two music stations and "
            "Al Jazeera's Arabic service.\n\nInstallers expect more calls this week.")
    assert cited_of(text, reg, UNKNOWN_HOST) == []


# Held-out set 13 classes (invented wordings and outlets): pictures credited together with the
# material of the text, a second contribution after the main credit, the item before the outlet
# ("a broadcast of X"), a company that shares a one-word outlet name, and outlets whose audience
# or advertising is the topic.
@pytest.mark.parametrize("line, outlet", [
    ("Footage and interviews supplied by Ruptly. Text written by our desk.", "Ruptly"),
    ("Reporting by Li Wen for Yicai Global, with additional reporting by our Geneva staff.", "Yicai"),
    ("Based on a broadcast of the parliamentary channel Rada TV. Edited for length.", "Rada TV"),
])
def test_pictures_with_text_a_later_contribution_or_the_item_first_still_credit(line, outlet, reg):
    assert origin_of(f"{BODY}\n\n{line}", reg, UNKNOWN_HOST) == reg.get(outlet).name


@pytest.mark.parametrize("line", ["Additional reporting by Belta", "Contributing: Prensa Latina"])
def test_a_contribution_named_before_the_outlet_is_no_origin(line, reg):
    assert origin_of(f"{BODY}\n\n{line}", reg, UNKNOWN_HOST) is None


def test_a_company_sharing_a_one_word_outlet_name_is_no_citation(reg):
    text = ("The new brewery will be built by the Japanese brewing group Asahi near the port. "
            "Asahi said it would run the plant on renewable power.\n\n" + BODY)
    assert cited_of(text, reg, UNKNOWN_HOST) == []


def test_outlets_whose_business_is_the_topic_are_no_citation(reg):
    text = ("Spending on the websites of the Daily Mail and The Guardian was flat last year, while Sky News "
            "gained from its coverage of the tournament.\n\n" + BODY)
    assert cited_of(text, reg, UNKNOWN_HOST) == []


@pytest.mark.parametrize("sentence, outlet", [
    ("Politico noted in its report on the hacks that the group had been active since 2018.", "Politico"),
    ("A commentary on the website of the People's Daily claimed the protests were planned abroad.", "People's Daily"),
])
def test_an_outlets_own_report_still_cites_it(sentence, outlet, reg):
    assert reg.get(outlet).name in cited_of(f"{sentence}\n\n{BODY}", reg, UNKNOWN_HOST)


# Review R8 (session 7): lines that look like the new credit forms but are not credits.
@pytest.mark.parametrize("line", [
    "Pictured: Sputnik headquarters in Moscow.",
    "Update: RT deleted the video on Tuesday.",
    "Note: RT blocked in the EU since 2022.",
    "Xinhua/Shutterstock",
    "Reuters/Ipsos",
    "By Jane Roe. AFP contributed to this report.",
    "Read more. Taken from Sputnik archives.",
    "The footage first appeared last week on RT.",
    "The video first aired on Monday on RT.",
])
def test_labels_slashes_contributions_and_pictures_are_no_credit(line, reg):
    assert origin_of(f"{BODY}\n\n{line}", reg, UNKNOWN_HOST) is None


def test_another_report_based_on_an_outlets_item_is_no_origin(reg):
    text = (f"{BODY}\n\nA Pentagon report released on Monday said the strikes failed. The report is based on a "
            "TASS interview with a general, officials said.\n\nThe council meets again in May, a spokesman said.")
    assert origin_of(text, reg, UNKNOWN_HOST) is None


@pytest.mark.parametrize("sentence, outlet", [
    ("Nikkei reported the deal on Monday. The Japanese media group Nikkei Inc. owns the Financial Times.", "Nikkei"),
    ("Among the outlets that reported the leak first was Reuters.", "Reuters"),
])
def test_media_companies_and_reporting_categories_stay_cited(sentence, outlet, reg):
    assert reg.get(outlet).name in cited_of(f"{sentence}\n\n{BODY}", reg, UNKNOWN_HOST)


@pytest.mark.parametrize("line, outlet", [
    ("The article is based on a report by TASS.", "TASS"),
    ("The text is a translation of an RT report.", "RT"),
    ("Xinhua/IANS", "Xinhua"),
])
def test_this_article_as_subject_and_a_second_agency_after_a_slash(line, outlet, reg):
    assert origin_of(f"{BODY}\n\n{line}", reg, UNKNOWN_HOST) == reg.get(outlet).name
