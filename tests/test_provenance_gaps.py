"""Four classes of speaker and cited-outlet wording that reviewers found misread:

1. a person whose family name is an outlet's name ("Michael Bloomberg said") is a speaker, not
   a cited outlet, while the outlet used as an outlet ("Bloomberg News reported", "told
   Bloomberg", "Bloomberg said") stays cited;
2. an outlet's staff member ("a France 24 reporter said") speaks as "<outlet> <role>", the way
   "a Reuters correspondent" always did, and the outlet is cited;
3. a one-party name containing "and" ("Trinidad and Tobago", "Procter and Gamble") is one
   speaker, while two names joined by "and" stay two;
4. a plural role before a list of names ("Economists Jane Roe and Tom Lee said") is dropped,
   as a singular title is.

Invented sentences with several names, outlets and verbs each; no evaluation article is used.
"""
import pytest

from labeler.provenance.quotes import find_quotes

from conftest import cited_of, speakers


# 1. an outlet's name as a person's family name ---------------------------------------------------

@pytest.mark.parametrize("text, person, outlet", [
    ("Michael Bloomberg said the city needed more parks.", "Michael Bloomberg", "Bloomberg"),
    ("Steve Forbes told a rally that taxes were too high.", "Steve Forbes", "Forbes"),
    ("Andrew Breitbart wrote that the coverage was biased.", "Andrew Breitbart", "Breitbart"),
    ("Mayor Bloomberg said the budget was balanced.", "Bloomberg", "Bloomberg"),
    ("Mr. Forbes argued that the flat tax would pass.", "Forbes", "Forbes"),
])
def test_a_person_who_shares_an_outlets_name_is_no_cited_outlet(text, person, outlet, reg):
    assert person in speakers(text)
    assert outlet not in cited_of(text, reg)


@pytest.mark.parametrize("text, outlet", [
    ("Bloomberg News reported that the merger was close.", "Bloomberg"),
    ("The minister told Bloomberg the merger was close.", "Bloomberg"),
    ("Bloomberg said the merger was close, citing people familiar with the talks.", "Bloomberg"),
    ("According to Forbes, the fortune had doubled.", "Forbes"),
    ("Russian Sputnik reported that the strike had hit a depot.", "Sputnik"),
    ("Chinese Xinhua reported that the visit went well.", "Xinhua"),
    ("Pro-Kremlin Sputnik reported that the strike had hit a depot.", "Sputnik"),
    ("Recent Reuters reporting showed the merger was close.", "Reuters"),
    ("Every Politico story said the merger was close.", "Politico"),
    ("While Bloomberg reported the merger, others were silent.", "Bloomberg"),
])
def test_an_outlet_used_as_an_outlet_stays_cited(text, outlet, reg):
    assert outlet in cited_of(text, reg)


# 2. a staff member of an outlet --------------------------------------------------------------------

@pytest.mark.parametrize("text, speaker, outlet", [
    ("A France 24 reporter said the crowd was larger than the police estimate.", "France 24 reporter", "France 24"),
    ("An Al Jazeera journalist said the crossing was closed.", "Al Jazeera journalist", "Al Jazeera"),
    ("A BBC editor said the footage had been verified.", "BBC editor", "BBC"),
    ("A Reuters correspondent said the convoy had turned back.", "Reuters correspondent", "Reuters"),
    ("A CNN anchor said the interview would air later.", "CNN anchor", "CNN"),
    ("A Fox News host said the footage was misleading.", "Fox News host", "Fox News"),
])
def test_an_outlets_staff_member_speaks_and_the_outlet_is_cited(text, speaker, outlet, reg):
    assert speakers(text) == {speaker}
    assert outlet in cited_of(text, reg)


def test_telling_an_outlets_reporter_names_the_outlet_as_intermediary():
    (q,) = find_quotes("The minister told a France 24 reporter that talks had failed.")
    assert q.via == "France 24"


@pytest.mark.parametrize("text", [
    "Investigators are examining a damaged anchor found on the vessel.",
    "The host nation said nothing about the lost anchor.",
])
def test_everyday_senses_of_newsroom_nouns_are_no_staff_speaker(text):
    assert not any("anchor" in s for s in speakers(text))


# 3. "and" inside one party's name ------------------------------------------------------------------

@pytest.mark.parametrize("text, speaker", [
    ("Trinidad and Tobago said it would attend the summit.", "Trinidad and Tobago"),
    ("Antigua and Barbuda has said the loan terms were unfair.", "Antigua and Barbuda"),
    ("Bosnia and Herzegovina said the border would reopen.", "Bosnia and Herzegovina"),
    ("Saint Kitts and Nevis told the conference it backed the levy.", "Saint Kitts and Nevis"),
    ("Sao Tome and Principe said the fishing deal was signed.", "Sao Tome and Principe"),
    ("Procter and Gamble said quarterly sales fell.", "Procter and Gamble"),
    ("Procter & Gamble said quarterly sales fell.", "Procter & Gamble"),
])
def test_a_name_containing_and_is_one_speaker(text, speaker):
    assert speakers(text) == {speaker}


@pytest.mark.parametrize("text, expected", [
    ("Guyana and Trinidad and Tobago said they would attend.", {"Guyana", "Trinidad and Tobago"}),
    ("France and Germany said the deal was dead.", {"France", "Germany"}),
    ("Trinidad and Tobago Prime Minister Keith Rowley said the vote was fair.", {"Keith Rowley"}),
    ("Moscow and Washington both said the talks were useful.", {"Moscow", "Washington"}),
])
def test_names_joined_by_and_stay_separate_unless_they_form_one_name(text, expected):
    assert speakers(text) == expected


# 4. a plural role before a list of names ------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Economists Jane Roe and Tom Lee said inflation would fall.", {"Jane Roe", "Tom Lee"}),
    ("Analysts Mia Chen and Raj Patel said rates would rise.", {"Mia Chen", "Raj Patel"}),
    ("Last week economists Ana Ruiz and Omar Haddad warned that rents would climb.", {"Ana Ruiz", "Omar Haddad"}),
    ("Leaders Xi Jinping and Joe Biden said the talks had gone well.", {"Xi Jinping", "Joe Biden"}),
    ("Economist Jane Roe said inflation would fall.", {"Jane Roe"}),
    ("Analysts Mia Chen, Raj Patel and Olu Ade said rates would rise.", {"Mia Chen", "Raj Patel", "Olu Ade"}),
    ("Later, ministers Ana Ruiz, Tom Lee and Li Wei warned that the talks had failed.",
     {"Ana Ruiz", "Tom Lee", "Li Wei"}),
])
def test_a_plural_role_before_names_is_dropped_like_a_title(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Doctors Without Borders said the clinic had been hit.", {"Doctors Without Borders"}),
    ("Economists at Harvard University said inflation would fall.", {"Economists at Harvard University"}),
])
def test_a_plural_role_that_begins_a_body_or_phrase_is_kept(text, expected):
    assert speakers(text) == expected


def test_a_comma_list_without_a_role_does_not_take_in_a_place_before_it():
    assert speakers("In Paris, Ana Ruiz and Tom Lee said the deal was done.") == {"Ana Ruiz", "Tom Lee"}


@pytest.mark.parametrize("text", [
    "In 2024 officials said the dam was safe.",
    "By 12 experts said the dam was safe.",
])
def test_a_number_joins_a_name_only_after_a_name_word(text):
    assert not any(ch.isdigit() for s in speakers(text) for ch in s)
