"""Importers for the public outlet registries a researcher may want to load in full.

Each reader turns one public dataset into a frame in ``outlets.csv`` columns, mapping the
dataset's own typology to labeler's four affiliations through a documented constant, and
citing the dataset and the row's category in ``source``. The datasets are not shipped with
labeler; pass the path of your copy (the folder or the file).

- ``smm``: ASD / GMF State Media Matrix, seeded from the State Media Monitor typology.
- ``mbfc``: Media Bias/Fact Check labels as released by Baly et al. (EMNLP 2018, ACL 2020).
- ``perennial``: Wikipedia "Reliable sources/Perennial sources" crawl (Kudusch).
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from .errors import RegistryError
from .registry import COLUMNS, Registry, _key, host_of

# --- State Media Matrix ----------------------------------------------------------------------

#: State Media Monitor typology -> labeler affiliation. Captured media (CaPu, CaPr) count as
#: state-controlled: the state or a state-aligned owner controls the editorial line. The
#: "state-managed" independent models (ISFM, ISM) are state-funded: public money and state
#: influence on governance, with statutory editorial independence. ISF and IP are independent
#: public service media (state money, independent governance and editorial line).
SMM_AFFILIATION: dict[str, str] = {
    "SC": "state-controlled",
    "CaPu": "state-controlled",
    "CaPr": "state-controlled",
    "ISFM": "state-funded",
    "ISFM?": "state-funded",
    "ISM": "state-funded",
    "ISF": "independent",
    "IP": "independent",
}

# Country names in the SMM table that CLDR spells differently (or that are not countries).
_COUNTRY_OVERRIDES: dict[str, str | None] = {
    "uae": "AE", "dr congo": "CD", "congo": "CG", "palestine territories": "PS",
    "united states of america": "US", "europen union": None, "european union": None,
    "the gambia": "GM", "czechia": "CZ", "côte d'ivoire": "CI", "cote d'ivoire": "CI",
    "hong kong": "HK", "macao": "MO", "north korea": "KP", "south korea": "KR", "russia": "RU",
    "vatican city": "VA", "laos": "LA", "syria": "SY", "iran": "IR", "vietnam": "VN",
    "turkey": "TR", "türkiye": "TR", "moldova": "MD", "bolivia": "BO", "tanzania": "TZ",
    "venezuela": "VE", "brunei": "BN", "taiwan": "TW", "myanmar": "MM", "north macedonia": "MK",
    "south sudan": "SS", "bosnia and herzegovina": "BA", "central african republic": "CF",
    "dominican republic": "DO", "united kingdom": "GB", "uk": "GB", "usa": "US",
}

_ASSET_PREFIX = re.compile(
    r"^(?:print(?: media)?|television|tv|radio|online|news agency|news portals?|media)\s*:\s*", re.I)


def _country_code(name: str | None) -> str | None:
    """ISO 3166-1 alpha-2 for an English country name (CLDR names via babel, plus overrides)."""
    if not isinstance(name, str) or not name.strip():
        return None
    key = name.strip().casefold().replace("\u2019", "'")
    if key in _COUNTRY_OVERRIDES:
        return _COUNTRY_OVERRIDES[key]
    return _cldr_countries().get(key)


def _cldr_countries() -> dict[str, str]:
    global _CLDR
    if _CLDR is None:
        try:
            from babel import Locale  # installed with trafilatura (via courlan)

            _CLDR = {v.casefold().replace("\u2019", "'"): k
                     for k, v in Locale("en").territories.items() if re.fullmatch(r"[A-Z]{2}", k)}
        except Exception:  # babel missing or broken: fall back on the overrides only
            _CLDR = {}
    return _CLDR


_CLDR: dict[str, str] | None = None


def _clean_asset(name: str) -> str:
    s = _ASSET_PREFIX.sub("", str(name or "").strip()).strip(" *")
    if s.count("(") != s.count(")"):
        s = s.replace("(", " ").replace(")", " ")
    return " ".join(s.split())


def _guess_kind(name: str) -> str:
    n = name.lower()
    if re.search(r"\bagency\b|\bagence\b|\bagencia\b|\bpress service\b|\bnews service\b", n):
        return "agency"
    if re.search(r"\btv\b|televi|\bradio\b|broadcast|\bchannel\b|\bcanal\b", n):
        return "broadcaster"
    if re.search(r"\bdaily\b|\bgazet|\btimes\b|\bnewspaper\b|\bherald\b|\bpost\b|\bsinmun\b|\bshimbun\b", n):
        return "newspaper"
    if re.search(r"\bmagazine\b|\breview\b|\bjournal\b", n):
        return "magazine"
    return "other"


def _resolve(path: str | os.PathLike, names: tuple[str, ...], what: str) -> list[Path]:
    """The data file(s): ``path`` itself, or the files called ``names`` found under the folder."""
    p = Path(os.fspath(path))
    if not p.exists():
        raise RegistryError(f"{what}: {str(p)!r} does not exist")
    if p.is_file():
        return [p]
    found = [f for n in names for f in sorted(p.rglob(n)) if f.is_file()]
    if not found:
        present = sorted(str(f.relative_to(p)) for f in p.rglob("*") if f.is_file())[:20]
        raise RegistryError(f"{what}: no {' or '.join(names)} under {str(p)!r}; files there: "
                            f"{', '.join(present) or '(none)'}")
    return found


def _need(df: pd.DataFrame, cols: tuple[str, ...], where: Path) -> None:
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise RegistryError(f"{where}: missing column(s) {', '.join(missing)}; columns are: "
                            f"{', '.join(map(str, df.columns))}")


def _finish(rows: list[dict[str, object]]) -> pd.DataFrame:
    """Make names, aliases and domains unique across rows so the frame passes validation:
    clashing names get a qualifier, clashing aliases and domains stay with the first row."""
    by_name: dict[str, list[dict[str, object]]] = {}
    for r in rows:
        by_name.setdefault(_key(str(r["name"])), []).append(r)
    for group in by_name.values():
        if len(group) > 1:
            for r in group:
                qual = r.pop("_qualifier", None) or r.get("country") or ""
                r["name"] = f"{r['name']} ({qual})" if qual else r["name"]
    seen_names: dict[str, int] = {}
    for r in rows:
        r.pop("_qualifier", None)
        k = _key(str(r["name"]))
        seen_names[k] = seen_names.get(k, 0) + 1
        if seen_names[k] > 1:
            r["name"] = f"{r['name']} #{seen_names[k]}"
    used = {_key(str(r["name"])) for r in rows}
    claimed: set[str] = set()
    for r in rows:
        aliases = []
        for a in r.get("aliases", []) or []:
            k = _key(a)
            if a and k not in used and a != r["name"]:
                used.add(k)
                aliases.append(a)
        r["aliases"] = "|".join(aliases)
        doms = []
        for d in r.get("domains", []) or []:
            if d and d not in claimed:
                claimed.add(d)
                doms.append(d)
        r["domains"] = "|".join(doms)
    df = pd.DataFrame(rows)
    for c in COLUMNS:
        if c not in df.columns:
            df[c] = ""
    return df[list(COLUMNS)].fillna("").astype(str)


def read_smm(path: str | os.PathLike) -> pd.DataFrame:
    """The ASD State Media Matrix as outlets: one outlet per (asset, country), its domains merged."""
    (f,) = _resolve(path, ("State_Media_Matrix.csv",), "State Media Matrix")[:1]
    df = pd.read_csv(f, dtype=str, keep_default_na=False)
    _need(df, ("Country", "Media company", "Main assets", "URL", "Typology"), f)
    groups: dict[tuple[str, str], dict[str, object]] = {}
    companies: dict[str, set[tuple[str, str]]] = {}
    for rec in df.to_dict("records"):
        company = _clean_asset(rec["Media company"])
        name = _clean_asset(rec["Main assets"]) or company
        if not name:
            continue
        typ = rec["Typology"].strip()
        country = _country_code(rec["Country"])
        gk = (name.casefold(), country or "")
        g = groups.get(gk)
        if g is None:
            g = groups[gk] = {
                "name": name, "aliases": [], "domains": [], "country": country or "",
                "affiliation": SMM_AFFILIATION.get(typ, "unknown"), "owner": company,
                "kind": _guess_kind(f"{name} {rec['Main assets']}"), "ambiguous": "false",
                "source": f"ASD State Media Matrix (State Media Monitor typology {typ or 'none'}; "
                          f"{rec['Country']}: {company})",
                "_qualifier": rec["Country"].strip(),
            }
        host = host_of(rec["URL"])
        if host and host not in g["domains"]:
            g["domains"].append(host)
        companies.setdefault(company, set()).add(gk)
    for company, members in companies.items():
        if company and len(members) == 1:
            g = groups[next(iter(members))]
            if company.casefold() != str(g["name"]).casefold():
                g["aliases"].append(company)
    return _finish(list(groups.values()))


# --- MBFC (Baly et al.) ----------------------------------------------------------------------

#: MBFC rates factuality and political bias, not ownership: every row is imported with
#: affiliation "unknown" (merge it under labeler's registry, which then supplies affiliation
#: for the outlets it knows). The mapping is kept as a constant so a researcher can override it.
MBFC_AFFILIATION: dict[str, str] = {}
MBFC_DEFAULT_AFFILIATION = "unknown"


def _name_from_slug(ref: str, fallback: str) -> str:
    m = re.search(r"mediabiasfactcheck\.com/([^/?#]+)", ref or "")
    if not m:
        return fallback
    words = [w for w in m.group(1).split("-") if w]
    return " ".join(w.upper() if len(w) <= 3 and w.isalpha() and w not in {"the", "of", "and", "new"}
                    else w.capitalize() for w in words) or fallback


def read_mbfc(path: str | os.PathLike) -> pd.DataFrame:
    """MBFC labels (Baly et al. corpus.tsv; a folder reads every corpus.tsv, first row per domain wins)."""
    files = _resolve(path, ("corpus.tsv",), "MBFC corpus")
    rows: list[dict[str, object]] = []
    seen: set[str] = set()
    for f in files:
        df = pd.read_csv(f, sep="\t", dtype=str, keep_default_na=False)
        _need(df, ("source_url", "ref", "fact", "bias"), f)
        dataset = f.parent.name or f.name
        for rec in df.to_dict("records"):
            host = host_of(rec["source_url"]) or host_of(rec.get("source_url_normalized") or "")
            if not host or host in seen:
                continue
            seen.add(host)
            fact, bias = rec["fact"].strip(), rec["bias"].strip()
            rows.append({
                "name": _name_from_slug(rec["ref"], host), "aliases": [], "domains": [host],
                "country": "", "affiliation": MBFC_AFFILIATION.get(fact, MBFC_DEFAULT_AFFILIATION),
                "owner": "", "kind": "other", "ambiguous": "false",
                "source": f"MBFC via Baly et al. ({dataset}): factuality {fact or '?'}; bias {bias or '?'}; "
                          f"{rec['ref'].strip()}",
                "_qualifier": host,
            })
    return _finish(rows)


# --- Wikipedia perennial sources -------------------------------------------------------------

#: The perennial-sources list rates reliability; state ownership is only stated in the
#: consensus text. Rules tried in order on that text: the first that matches sets the
#: affiliation, otherwise "unknown".
PERENNIAL_AFFILIATION_RULES: tuple[tuple[str, str], ...] = (
    (r"\bstate[- ](?:owned|run|controlled|sponsored|affiliated)\b|\bstate media\b|"
     r"\bgovernment[- ](?:owned|run|controlled)\b|\bmouthpiece\b|\bpropaganda outlet\b", "state-controlled"),
    (r"\b(?:publicly|government)[- ]funded\b|\bfunded by the (?:\w+ )?government\b", "state-funded"),
)

_DEMONYMS: dict[str, str] = {
    "russian": "RU", "kremlin": "RU", "chinese": "CN", "iranian": "IR", "turkish": "TR",
    "venezuelan": "VE", "cuban": "CU", "north korean": "KP", "qatari": "QA", "saudi": "SA",
    "emirati": "AE", "syrian": "SY", "belarusian": "BY", "egyptian": "EG", "vietnamese": "VN",
    "israeli": "IL", "indian": "IN", "pakistani": "PK", "american": "US", "u.s.": "US",
    "united states": "US", "british": "GB", "ukrainian": "UA", "azerbaijani": "AZ",
}

# Hosts in the "urls" column that are platforms or references, not the outlet's own site.
_PLATFORM_HOSTS = frozenset({
    "wikidata.org", "wikipedia.org", "en.wikipedia.org", "wiktionary.org", "en.wiktionary.org",
    "wikisource.org", "en.wikisource.org", "youtube.com", "google.com", "nasdaq.com", "nyse.com",
    "iw.toolforge.org", "toolforge.org", "catalog.loc.gov", "scopus.com", "fubo.tv", "hotstar.com",
    "miar.ub.edu",
})

_QUALIFIER = re.compile(r"\d|\btopics?\b|\bpolitics\b|\bexcluding\b|\bshows?\b|\bsponsored\b|"
                        r"\bnews and reviews\b|^(?:UK|US|general)$", re.I)


def _split_perennial_name(raw: str) -> tuple[str, list[str], str]:
    """'Agence France-Presse (AFP)' -> ('Agence France-Presse', ['AFP'], '');
    'Fox News (talk shows)' -> ('Fox News', [], 'talk shows')."""
    parts = re.findall(r"\(([^()]*)\)", raw)
    base = " ".join(re.sub(r"\([^()]*\)", " ", raw).split())
    aliases: list[str] = []
    quals: list[str] = []
    for p in parts:
        if _QUALIFIER.search(p.strip()):
            quals.append(p.strip())
        else:
            aliases.extend(a.strip() for a in p.split(",") if a.strip())
    return base or raw.strip(), aliases, "; ".join(quals)


def _perennial_affiliation(info: str) -> tuple[str, str | None]:
    for pattern, aff in PERENNIAL_AFFILIATION_RULES:
        m = re.search(pattern, info, re.I)
        if m:
            window = info[max(0, m.start() - 200): m.end() + 200].lower()
            hits = [(window.find(d), c) for d, c in _DEMONYMS.items() if d in window]
            return aff, (min(hits)[1] if hits else None)
    return "unknown", None


def _json_list(s: str) -> list[str]:
    try:
        v = json.loads(s) if s else []
    except ValueError:
        return [x.strip() for x in str(s).split(",") if x.strip()]
    return [str(x) for x in v] if isinstance(v, list) else [str(v)]


def read_perennial(path: str | os.PathLike) -> pd.DataFrame:
    """Wikipedia perennial sources: one outlet per base name, topic-specific rows merged."""
    (f,) = _resolve(path, ("perennial-sources.csv",), "Wikipedia perennial sources")[:1]
    df = pd.read_csv(f, dtype=str, keep_default_na=False)
    _need(df, ("name", "status", "urls", "info"), f)
    groups: dict[str, dict[str, object]] = {}
    for rec in df.to_dict("records"):
        name, aliases, qual = _split_perennial_name(rec["name"])
        if not name:
            continue
        status = ", ".join(_json_list(rec["status"])) or "unrated"
        aff, country = _perennial_affiliation(rec["info"])
        hosts = []
        for u in _json_list(rec["urls"]):
            h = host_of(u)
            if h and h not in _PLATFORM_HOSTS and not any(h.endswith("." + p) for p in _PLATFORM_HOSTS):
                hosts.append(h)
        g = groups.get(name.casefold())
        label = f"{status} ({qual})" if qual else status
        if g is None:
            groups[name.casefold()] = {
                "name": name, "aliases": aliases, "domains": hosts, "country": country or "",
                "affiliation": aff, "owner": "", "kind": "other", "ambiguous": "false",
                "source": f"Wikipedia RSP perennial sources (2021-03-17 crawl): {label}",
            }
            continue
        g["aliases"] = list(dict.fromkeys([*g["aliases"], *aliases]))
        g["domains"] = list(dict.fromkeys([*g["domains"], *hosts]))
        g["source"] = f"{g['source']}; {label}"
        if g["affiliation"] == "unknown" and aff != "unknown":
            g["affiliation"], g["country"] = aff, country or g["country"]
    return _finish(list(groups.values()))


# --- entry points ----------------------------------------------------------------------------

READERS: dict[str, Callable[[str | os.PathLike], pd.DataFrame]] = {
    "smm": read_smm,
    "mbfc": read_mbfc,
    "perennial": read_perennial,
}


def import_registry(path: str | os.PathLike, fmt: str) -> Registry:
    """A registry from a public dataset at ``path`` (folder or file) in format ``fmt``."""
    reader = READERS.get(str(fmt).strip().lower())
    if reader is None:
        # RegistryError is a ValueError that the CLI reports without a traceback
        raise RegistryError(f"unknown registry format {fmt!r}; valid formats are: {', '.join(READERS)}")
    return Registry.from_frame(reader(path), where=f"{fmt} import of {os.fspath(path)}")


def write_registry(reg: Registry, path: str | os.PathLike) -> None:
    """Write ``reg`` as an ``outlets.csv``-style file (UTF-8, header, one outlet per row)."""
    p = Path(os.fspath(path))
    if p.parent and not p.parent.exists():
        raise RegistryError(f"cannot write {str(p)!r}: folder {str(p.parent)!r} does not exist")
    reg.to_frame().to_csv(p, index=False, encoding="utf-8", lineterminator="\n")
