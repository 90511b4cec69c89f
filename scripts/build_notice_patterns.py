"""Write data/notice_patterns.csv: the context patterns that make an outlet mention a notice,
dateline, credit, disclaimer or citation (read by labeler/provenance/notices.py).

The CSV is the data the package ships; this script is how it is written, so a pattern can be
reviewed, changed and regenerated in one place. Each row's ``example`` must match its own
pattern (tests/test_notices.py checks every one).

    python scripts/build_notice_patterns.py [OUT.csv]
"""
import csv
import sys
from pathlib import Path

from labeler.provenance.notices import SELF_NOUN  # how a text speaks of itself: one list, read by both
SRC = "labeler notice taxonomy (README 'Provenance'); phrasing as used by feed plugins, wires and syndication partners"

# Named parts of the dateline patterns (each spelled once, combined below).
NOT_BYLINE = r"(?!By\s|BY\s|From\s|FROM\s)"  # "By JOHN DOE, ..." and "From ..." open bylines, not datelines
# "KYIV", "Hanoi", "St. Petersburg", "Rio de Janeiro", "Sharm el-Sheikh", "Castellón de la Plana":
# capitalised words, lowercase only as a name particle (up to two, or an Arabic article glued on
# with a hyphen), so a sentence opening ("According to the News Agency of Nigeria (NAN)") is no city
CITY_WORD = r"(?:(?:al|el|ad|an|as|ash|at|az|ez|ul)-)?[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u024f'.\-]*"
CITY = (rf"{CITY_WORD}(?:[ \t]+(?:(?:de|da|do|dos|das|del|di|la|le|el|es|al|am|an|en|sur|upon|of|on|and|&)[ \t]+){{0,2}}"
        rf"{CITY_WORD}){{0,4}}")
# "Guwahati (Assam) [India]": a city with its region or country in brackets, as Indian and other wires write it
CITY_QUALIFIERS = r"(?:[ \t]*[(\[][A-Z][A-Za-z .'\-]{1,30}[)\]]){0,2}"
CITIES = CITY + CITY_QUALIFIERS + r"(?:/[A-Z][A-Za-z'.\- ]{1,30})*"  # "KYIV/MOSCOW"
CAP_CITY = r"[A-Z\u00c0-\u00de][\w'.\-]*(?:\s+[A-Z\u00c0-\u00de][\w'.\-]*){0,3}"  # capitalised words only
ORD = r"(?:st|nd|rd|th)?"
MONTH = r"[A-Z][a-z]{2,9}\.?"  # "March", "Jan."
DAY_MONTH = rf"(?:{MONTH}\s+\d{{1,2}}{ORD}|\d{{1,2}}{ORD}\s+(?:of\s+)?{MONTH})"  # "March 4", "3rd of June"
NUMERIC_DATE = r"(?:\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{4}-\d{2}-\d{2})"  # "21/11/2025", "2025-11-21"
DATE = rf"(?:{DAY_MONTH}(?:,?\s*\d{{4}})?|{NUMERIC_DATE})"  # with an optional year
DASH = r"[-\u2013\u2014]"
# A republication notice speaks of the text itself, from the start of its sentence or of a clause
# after a semicolon ("Translated from Arabic; originally published by X").
SENTENCE_START = r"(?:^|[.!?:;|][\"'\u201d\u2019)\]]?\s+|[(\[]\s*)"
# "first printed on Thursday in X", "first aired last week on X": when, between the act and the outlet
WHEN = (r"(?:(?:on\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+|"
        r"[A-Z][a-z]+\s+\d{1,2}(?:st|nd|rd|th)?)(?:,?\s+\d{4})?,?\s+|(?:last|this)\s+(?:week|month|year|"
        r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\s+|yesterday\s+|earlier\s+this\s+(?:week|month|year)\s+)?")
# "appeared in Saturday's edition of the X", "ran in the weekend print edition of X"
EDITION_OF = (r"(?:(?:the\s+)?(?:[A-Z][a-z]+(?:'s|\u2019s)?\s+)?(?:(?:print|online|weekend|morning|evening|late|"
              r"early|digital)\s+)?(?:edition|issue)\s+of\s+)?")
# "A version of this story", "An English translation of this article" speak of the text too
VERSION_OF = r"(?:(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:version|translation|copy|edition)\s+of\s+)?"
# with "the" the noun must be a written text: "The video first aired on Monday on RT" is about
# footage shown in the article, not the article
WRITTEN = SELF_NOUN.replace("video|", "").replace("|podcast|episode", "")
SELF_SUBJECT = (r"(?:" + VERSION_OF + r"(?:(?:(?:this|that|our)\s+(?:[\w-]+\s+){0,3}?)?" + SELF_NOUN
                + r"|the\s+(?:[\w-]+\s+){0,3}?" + WRITTEN + r")\s+|this\s+|it\s+)?"
                r"(?:(?:was|is|has\s+been|were)\s+)?")
# "This report is based on ...": only this text (or no subject, at a sentence start) may be derived
# from an outlet's item; "The report is based on a X interview" mid-article is about another report
STRICT_SELF_SUBJECT = (r"(?:(?:this|our)\s+(?:[\w-]+\s+){0,3}?" + SELF_NOUN
                       + r"\s+|the\s+(?:article|text|story|piece|post|column|commentary|essay)\s+|this\s+|it\s+)?"
                       r"(?:(?:was|is|has\s+been|were)\s+)?")
STATE_DESC = (r"(?:(?:Russia|China|Iran|Turkey|Cuba|Venezuela|Belarus|Ukraine|Vietnam|North Korea)(?:'s|\u2019s)\s+)?"
    r"(?:(?:the|a)\s+)?(?:[A-Z][a-z]+\s+)?(?:state|state-run|state-owned|state-controlled|state-affiliated|state-backed|state-funded|government-run|government-owned|official|semi-official|Kremlin-controlled|Kremlin-backed|Kremlin-funded|pro-Kremlin|Communist Party-run|Communist Party-owned|party-run|Beijing-backed|Tehran-based|Moscow-based|Chinese|Russian|Iranian|Turkish|news|wire|weekly|daily|public|private|independent|German|British|French|American|US)"
    r"(?:\s+(?:[a-z-]+\s+){0,2})?(?:news\s+agency|agency|broadcaster|media\s+outlet|media|television|TV|channel|outlet|newspaper|tabloid|daily|weekly|magazine|network|wire|wire\s+service|website|radio|paper|news\s+site)\s+(?:the\s+)?$")
rows = [
 # id, family, role, method, before, after, evidence, priority, example
 # only where the text speaks of itself: at a sentence start ("Originally published on X",
 # "This post first appeared on X", "It was first published by X"); "material that had first aired
 # on X" or "the book first appeared on the X list" is narrative about something else
 ("notice_originally", "notice", "origin", "notice",
  SENTENCE_START + SELF_SUBJECT + r"(?:originally|first)\s+(?:published|appeared|posted|ran|printed|aired|broadcast)\s+" + WHEN
  + r"(?:in\s+[A-Z][a-z]+\s+)?(?:online\s+)?(?:on|by|in|at|with|from)\s+" + EDITION_OF + r"(?:the\s+)?$", "", "sentence", 100,
  "This post was originally published on RT"),
 # the same words about some other material ("clips that had first aired on X", "the novel first
 # appeared in X"): where that material appeared, neither this text's origin nor a source of its news
 ("topic_first_published", "topic", "topic", "topic",
  r"\b(?:originally|first)\s+(?:published|appeared|posted|ran|printed|aired|broadcast)\s+(?:in\s+[A-Z][a-z]+\s+)?(?:online\s+)?(?:on|by|in|at|with|from)\s+(?:the\s+)?(?:[\w'\u2019.-]+(?:\s+[\w'\u2019.-]+){0,2}\s*(?:,|\band\b|\bor\b)\s+(?:the\s+)?){0,3}$", "", "match", 99,
  "clips that had first aired on RT"),
 # a person's career ("spent forty years writing for X", "who worked for X as a cameraman"):
 # the outlet is part of a biography, neither this text's origin nor a source of its news
 ("topic_career", "topic", "topic", "topic",
  r"\b(?:(?:years?|decades?|months?|career|stint|spell)\s+(?:as\s+an?\s+[\w-]+\s+)?(?:writing|working|reporting|filing|broadcasting)|(?:worked|works|working)(?:\s+as\s+an?\s+(?:[\w-]+\s+){1,2}?)?)\s+(?:for|at|with)\s+(?:the\s+)?$",
  "", "match", 98,
  "she spent forty years writing for TASS"),
 # "..., as first reported by X": a repost's lead names the outlet that broke it; the origin only
 # when nothing stronger names one (a dateline, a credit, the host's own domain), else a citation
 ("lead_as_first_reported", "notice", "lead", "notice",
  r"\bas\s+(?:first|originally|initially)\s+reported\s+(?:by|in|on)\s+(?:the\s+)?$", "", "sentence", 45,
  "The port will reopen on Monday, as first reported by Xinhua."),
 ("notice_republished", "notice", "origin", "notice",
  r"\b(?:re-?published|reprinted|reposted|re-?posted|syndicated|reproduced|shared|translated|adapted)\s+(?:here\s+)?(?:with\s+(?:the\s+)?(?:kind\s+)?permission\s+(?:from|of)|by\s+arrangement\s+with|under\s+(?:a\s+)?(?:licen[cs]e|agreement)\s+(?:from|with)|courtesy\s+of|from|by)\s+(?:the\s+)?$", "", "sentence", 100,
  "Republished with permission from Global Times."),
 ("notice_partnership", "notice", "origin", "notice",
  r"\b(?:published|produced|appears|distributed|republished|carried|shared|reproduced)\s+(?:here\s+)?(?:in\s+(?:partnership|collaboration|cooperation)\s+with|as\s+part\s+of\s+(?:a|an|the|our)\s+(?:[\w-]+\s+){0,3}?(?:partnership|agreement|arrangement|deal|exchange|programme|program)\s+with|under\s+(?:a|an|the|our)\s+(?:[\w-]+\s+){0,3}?(?:agreement|arrangement|partnership|deal|licen[cs]e)\s+with)\s+(?:the\s+)?$", "", "sentence", 95,
  "This story is published in partnership with Xinhua."),
 ("notice_self_published_by", "notice", "origin", "notice",
  r"\b(?:this|the\s+following|the\s+above|the\s+original)\s+(?:[\w-]+\s+){0,3}?(?:article|story|post|piece|commentary|column|op-?ed|editorial|report|interview|analysis|feature|video|text|content|version|dispatch|essay|opinion|item|transcript)\s+(?:of\s+this\s+[\w-]+\s+)?(?:was|is|has\s+been|had\s+been)\s+(?:originally\s+|first\s+)?(?:published|carried|produced|written|issued|released|distributed|aired|broadcast|posted|prepared|commissioned|provided|supplied)\s+(?:by|in|on|for)\s+(?:the\s+)?$", "", "sentence", 95,
  "This commentary was carried by Global Times on Monday."),
 # an op-ed's footer: "An earlier version of this commentary appeared in X", "This essay also ran in
 # X": the text itself (or a version of it) was published there first
 ("notice_version_appeared", "notice", "origin", "notice",
  r"\b(?:(?:an?|the)\s+(?:[\w-]+\s+){0,2}?version\s+of\s+)?this\s+(?:[\w-]+\s+){0,2}?" + SELF_NOUN
  + r"\s+(?:has\s+)?(?:also\s+|previously\s+|earlier\s+)?(?:appeared|ran|appears|runs)\s+" + WHEN + r"(?:on|in|at)\s+"
  + EDITION_OF + r"(?:the\s+)?$",
  "", "sentence", 95,
  "An earlier version of this commentary appeared in Guangming Daily."),
 # this text derives from one item of the outlet: "This report is based on a X broadcast", "This
 # article is an English translation of a X report", "Translated from a X evening news report": the
 # name stands before the item noun, so the item noun after it is required
 ("notice_derived_from", "notice", "origin", "notice",
  SENTENCE_START + STRICT_SELF_SUBJECT + r"(?:based\s+on|an?\s+(?:[\w-]+\s+){0,2}?(?:translation|adaptation|version|"
  r"summary|excerpt|transcript)\s+of|(?:translated|adapted|taken|drawn|excerpted|condensed)\s+from)\s+(?:an?|the)\s+$",
  r"(?:'s|\u2019s)?\s+(?:[\w-]+\s+){0,3}?(?:report|broadcast|article|story|interview|programme|program|bulletin|"
  r"feature|dispatch|documentary|segment|editorial|commentary|newscast|piece|investigation)\b", "sentence", 95,
  "This report is based on a Rossiya 1 broadcast from Kursk."),
 # the same with the item first: "Based on a broadcast of the parliamentary channel X", "This is a
 # translation of a report by X"
 ("notice_derived_from_item", "notice", "origin", "notice",
  SENTENCE_START + STRICT_SELF_SUBJECT + r"(?:based\s+on|an?\s+(?:[\w-]+\s+){0,2}?(?:translation|adaptation|version|"
  r"summary|excerpt|transcript)\s+of|(?:translated|adapted|taken|drawn|excerpted|condensed)\s+from)\s+(?:an?|the)\s+"
  r"(?:[\w-]+\s+){0,2}?(?:report|broadcast|article|story|interview|programme|program|bulletin|feature|dispatch|"
  r"documentary|segment|editorial|commentary|newscast|piece|investigation)\s+(?:of|by|from|on|in)\s+(?:the\s+)?$",
  "", "sentence", 95,
  "Based on a broadcast of Rossiya 1."),
 ("notice_provided_by", "notice", "origin", "notice",
  r"\b(?:content|story|article|report|text|copy|material)\s+(?:was\s+|is\s+)?(?:provided|supplied|contributed|sourced)\s+(?:by|from)\s+(?:the\s+)?$", "", "sentence", 95,
  "Content provided by Sputnik."),
 # a footer may go on with more "Label: value" fields ("Source: X | Editor: Y")
 ("notice_source_line", "notice", "origin", "notice",
  r"^\s*[(\[]?\s*(?:Source|Sources|Quelle|Fuente|Originally from|Original source|Story source)\s*[:\-\u2013\u2014]\s*(?:the\s+)?$", r"\s*(?:News\s+Agency)?[.)\]]?\s*(?:[|\u2022\u00b7;,/]\s*[A-Z][\w ]{0,25}?\s*:.*)?$", "line", 90,
  "Source: Xinhua"),
 ("notice_via_line", "notice", "origin", "notice",
  r"(?:^|[\s(\[])[Vv]ia\s*:?\s+(?:the\s+)?$", r"\s*[.)\]]?\s*$", "match", 85,
  "via CGTN"),
 ("notice_courtesy", "notice", "origin", "notice",
  r"(?:^|\b)(?:[Cc]ourtesy(?:\s+of)?|[Hh]/[Tt]|[Hh]at\s+tip(?:\s+to)?)\s*:?\s+(?:the\s+)?$", r"\s*[.)\]]?\s*$", "line", 75,
  "h/t Sputnik"),
 ("notice_read_original", "notice", "origin", "notice",
  r"\b(?:[Rr]ead|[Ss]ee|[Vv]iew)\s+(?:the\s+)?(?:original|full)\s+(?:article|story|post|report|version)?\s*(?:at|on|in)\s+(?:the\s+)?$", "", "sentence", 80,
  "Read the original article on Sputnik."),
 ("disclaimer_views_of", "disclaimer", "origin", "disclaimer",
  r"\b(?:do\s+not|don't|don\u2019t|does\s+not|doesn't|doesn\u2019t)\s+necessarily\s+(?:reflect|represent)\s+(?:those|the\s+(?:views?|positions?|opinions?|editorial\s+(?:policy|position|views?)))\s+of\s+(?:the\s+)?$", "", "sentence", 60,
  "The views don't necessarily reflect those of China Daily."),
 ("dateline_parenthesised", "dateline", "origin", "dateline",
  rf"^\s*(?:{CITIES}(?:,\s*(?:{DATE})?)?\s*)?\(\s*$",
  r"\s*\)\s*(?:[-\u2013\u2014]{1,2}|:)?", "match", 80,
  "KYIV, March 4 (Reuters) -"),
 ("dateline_bare_agency", "dateline", "origin", "dateline",
  rf"^\s*{NOT_BYLINE}{CITIES},\s*(?:{DATE}\s*,\s*)$",
  r"\s*(?:[-\u2013\u2014:|]|\.?\s*$)", "match", 75,
  "ANKARA, June 9, Anadolu Agency -"),
 ("dateline_slashed", "dateline", "origin", "dateline",
  rf"^\s*{CITY},\s*{DAY_MONTH}\.?\s*/\s*$",
  r"\s*/\s*\.?", "match", 80,
  "MOSCOW, March 12. /TASS/."),
 # "MOSCOW, 14 May - RIA Novosti." : the agency after the dash, closed by a stop, colon or dash
 ("dateline_dash_agency", "dateline", "origin", "dateline",
  rf"^\s*{NOT_BYLINE}{CITIES},\s*{DATE}\.?\s*{DASH}{{1,2}}\s*$",
  rf"\s*(?:[.:|]|{DASH})", "match", 75,
  "MINSK, 2 June \u2013 BelTA."),
 # "Damascus, SANA-" : city, agency and a dash, no date; capitalised city words only
 ("dateline_glued_agency", "dateline", "origin", "dateline",
  rf"^\s*{NOT_BYLINE}{CAP_CITY},\s*$",
  rf"{DASH}{{1,2}}(?=\s)", "match", 75,
  "Tehran, IRNA- "),
 # "VOV.VN - Viet Nam on Thursday ...", "VNA \u2013 The government ...": the outlet (or its domain)
 # opens the article's first line as a dateline without a city; notices.py reads it on the first
 # line only (further down, "X - ..." is a list item or a headline, not this text's dateline)
 ("dateline_lead_outlet", "dateline", "origin", "dateline",
  r"^\s*$", rf"[ \t]+{DASH}{{1,2}}[ \t]+(?=[A-Z\u00c0-\u00de\"\u201c])", "match", 75,
  "VNA - The government on Friday"),
 ("credit_dash_line", "credit", "credit", "credit",
  r"^\s*[-\u2013\u2014]{1,2}\s*(?:the\s+)?$", r"\s*\.?\s*$", "match", 70,
  "\u2014 Ukrinform"),
 ("credit_label_line", "credit", "credit", "credit",
  r"^\s*[(\[]?\s*(?:Credit|Credits|Text\s+credit|Story\s+credit|Article\s+credit)\s*[:\-\u2013\u2014]\s*(?:the\s+)?$", r"\s*[.)\]]?\s*$", "match", 70,
  "Credit: Radio Free Asia"),
 ("credit_copyright", "credit", "credit", "credit",
  # "Image copyright X" is a picture's credit (cited_photo), not the text's
  r"(?<!mage\s)(?<!mages\s)(?<!hoto\s)(?<!hotos\s)(?<!ideo\s)(?<!ootage\s)"
  r"(?:\u00a9|\([cC]\)|[Cc]opyright(?:\s+\u00a9)?)\s*(?:\d{4}(?:[-\u2013]\d{4})?\s*,?\s*)?(?:the\s+)?$", "", "match", 70,
  "\u00a9 Agence France-Presse"),
 ("credit_byline", "credit", "credit", "credit",
  r"^\s*By\s+[A-Z\u00c0-\u00de][^\W\d_.'\- ]*(?:[.'\- ]+[^\W\d_]+){0,6}?\.?\s*(?:,|\||/|\u2013|\u2014|-|\bof\b|\bfor\b)?\s*(?:the\s+)?$", r"\s*$", "line", 70,
  "By JOHN DOE, Associated Press"),
 ("credit_agency_list", "credit", "wire", "credit",
  r"^\s*(?:[a-z]{1,4}(?:/[a-z]{1,4})+\s*)?[(\[](?:[^()\[\]\n]*(?:,|/|\band\b)\s*)?$", r"\s*(?:(?:,|/|\band\b)[^()\[\]\n]*)?[)\]]\s*\.?\s*$", "line", 65,
  "ss/wd (Reuters, AFP, dpa)"),
 ("credit_contributed", "credit", "wire", "credit",
  "", r"\s+(?:contributed|also\s+contributed)(?:\s+reporting)?\s+to\s+this\s+(?:report|story|article)", "sentence", 65,
  "The Associated Press contributed to this report."),
 ("credit_with_agencies", "credit", "wire", "credit",
  r"(?:^|\s)(?:[Ww]ith\s+(?:reporting\s+(?:from|by)\s+)?|[Aa]dditional\s+reporting\s+(?:by|from)\s+|[Ii]nformation\s+from\s+)(?:the\s+)?$", r"\s*(?:(?:,|and)\s*[^.\n]*)?\.?\s*$", "line", 60,
  "With AFP and Reuters"),
 ("cited_photo", "photo", "cited", "photo-credit",
  r"(?:^|[\s(\[])(?:[Pp]hoto(?:graph)?s?|[Ii]mages?|[Pp]ictures?|[Vv]ideo|[Ff]ile\s+photo|[Ff]ootage)\s*(?:by|:|/|courtesy\s+of|credit\s*:|copyright(?:\s+\u00a9)?|\u00a9)\s*(?:the\s+)?$", "", "match", 40,
  "(Photo: Xinhua)"),
 ("cited_reported", "citation", "cited", "citation",
  "", r"(?:(?:'s|\u2019s)\s+[A-Z][a-z]+\s+service)?\s+(?:has\s+|had\s+|also\s+)?(?:reported|reports|said|says|wrote|writes|quoted|quotes|cited|cites|announced|published|aired|broadcast|broadcasts|carried|carries|claimed|claims|showed|shows|posted|stated|alleged|revealed|released|confirmed|added|ran\s+(?:a|an|the)\b)", "match", 30,
  "TASS reported that"),
 ("cited_according_to", "citation", "cited", "citation",
  r"\b(?:[Aa]ccording\s+to|[Rr]eported\s+by|[Cc]ited\s+by|[Qq]uoted\s+by|[Tt]old|[Tt]elling|[Ii]nterview(?:ed)?\s+(?:with|by|to)|[Ss]peaking\s+(?:to|with|on)|[Ss]aid\s+to|[Cc]arried\s+by|[Pp]ublished\s+by|[Pp]icked\s+up\s+by|[Aa]ired\s+(?:on|by)|[Bb]roadcast\s+(?:on|by)|[Rr]eports?\s+(?:by|from|in|on)|[Ww]rit(?:ing|es|ten|e)\s+(?:in|for)|(?:appeared|published|posted)\s+(?:on|in)|[Ss]tatement\s+(?:to|carried\s+by|published\s+by)|[Ss]ources?\s+(?:told|cited\s+by))\s+(?:(?:the|a|an)\s+)?(?:[\w'\u2019-]+\s+){0,3}?$", "", "match", 30,
  "according to RT"),
 # "first reported by/in X" names a source of the news, not where this text was published
 ("cited_first_reported", "citation", "cited", "citation",
  r"\b(?:first|originally|initially)\s+reported\s+(?:by|in|on)\s+(?:the\s+)?$", "", "match", 30,
  "The plan was first reported in Politico."),
 ("cited_possessive", "citation", "cited", "citation",
  "", r"(?:'s|\u2019s)\s+(?:[\w-]+\s+){0,2}?(?:website|site|report|reporting|reporter|correspondent|headline|broadcast|editor|editor-in-chief|channel|host|anchor|presenter|service|article|story|interview|program|programme|show|journalist|account|page|feed|footage|video|coverage|newsroom|bureau|chief|commentator|columnist|op-ed|editorial)\b", "match", 30,
  "RT's Arabic service"),
 # "A Bloomberg report in January said ...": the outlet's report as the subject of a reporting verb
 # (an ambiguous name too: the report and its verb make it the outlet)
 ("cited_report_noun", "citation", "cited", "citation",
  r"\b(?:a|an|the)\s+(?:new\s+|recent\s+|separate\s+|earlier\s+|later\s+)?$",
  r"\s+(?:report|article|story|investigation|analysis|survey|editorial|documentary|exclusive)\s+(?:[\w,-]+\s+){0,6}?(?:said|says|found|finds|showed|shows|revealed|reveals|claimed|suggested|estimated|quoted|cited)\b", "match", 30,
  "A Bloomberg report in January said"),
 ("cited_descriptor", "citation", "cited", "citation",
  STATE_DESC, "", "match", 30,
  "Russia's state news agency TASS"),
 ("cited_the_channel", "citation", "cited", "citation",
  r"\bthe\s+$", r"\s+(?:channel|network|broadcaster|newspaper|daily|weekly|agency|news\s+agency|website|TV|television|radio|tabloid|magazine|programme|program|show)\b", "match", 30,
  "on the Rossiya 1 channel"),
]
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "data" / "notice_patterns.csv"
with open(OUT, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, quoting=csv.QUOTE_MINIMAL)
    w.writerow(["id", "family", "role", "method", "before", "after", "evidence", "priority", "flags", "example", "source"])
    for r in rows:
        r = list(r)
        flags = "" if r[1] in ("dateline",) or r[0] in ("credit_byline", "credit_agency_list", "cited_the_channel") else "i"
        w.writerow(r[:8] + [flags] + r[8:] + [SRC])
print(len(rows))
