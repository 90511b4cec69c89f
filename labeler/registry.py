"""Outlet registry: which outlet a domain or a name in the text belongs to, and who controls it.

The rows live in ``data/outlets.csv`` (documented in ``data/OUTLETS.md``), each with the
source of its classification. Lookups are by domain (:meth:`Registry.by_domain`), by name or
alias (:meth:`Registry.get`) and by scanning a text for every outlet mention
(:meth:`Registry.find_mentions`: one Aho-Corasick automaton over every spelling, built once,
so the cost does not grow with the number of outlets).
"""
from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from importlib.resources import files
from typing import Iterator
from urllib.parse import urlsplit

import ahocorasick
import pandas as pd

from .errors import RegistryError
from .schema import AFFILIATIONS

COLUMNS = ("name", "aliases", "domains", "country", "affiliation", "owner", "kind", "ambiguous", "source")
REQUIRED = ("name", "affiliation", "source")
KINDS = ("agency", "broadcaster", "newspaper", "online", "magazine", "other")

# Trailing words a writer may lower-case ("Xinhua news agency", "Anadolu agency"): a variant with
# these lower-cased is matched too. Words that change meaning in lower case ("Times", "Daily",
# "Post") are left out on purpose.
_GENERIC_WORDS = frozenset({"News", "Agency", "Network", "Service", "Television", "Channel", "Radio",
                            "Broadcasting", "Corporation", "Online", "Group", "Company", "Newspaper"})
_SHORT_FORM = 4  # all-caps forms of at most this many characters are matched case-sensitively only
_TRUE = frozenset({"true", "1", "yes", "y", "t"})
_FALSE = frozenset({"false", "0", "no", "n", "f", ""})
_HOST = re.compile(r"(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


@dataclass(frozen=True)
class Outlet:
    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    country: str | None
    affiliation: str
    owner: str
    kind: str
    ambiguous: bool
    source: str

    @property
    def forms(self) -> tuple[str, ...]:
        """The canonical name first, then the aliases."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Mention:
    """One occurrence of an outlet's name, alias or domain in a text.

    ``ambiguous`` is True when the outlet is flagged ambiguous and the matched form is a
    single word (``RT``, ``Sputnik``, ``AA``, ``The Sun``): a caller should then demand context
    (a notice, a dateline, a credit) before treating it as the outlet. Multi-word forms
    ("Russia Today", "Anadolu Agency") and domains are never ambiguous.
    """

    outlet: Outlet
    start: int
    end: int
    text: str
    ambiguous: bool = False


# ---------------------------------------------------------------------------------------------
# hosts and domains


def host_of(url: str | None) -> str | None:
    """The host of a URL or bare host name, lower-cased, without ``www.``, port or credentials.

    Anything that is not a plausible host name (no dot, spaces, junk) gives None.
    """
    if not isinstance(url, str):
        return None
    s = url.strip()
    if not s or len(s) > 4096 or any(c.isspace() for c in s):
        return None
    if "://" not in s:
        s = "//" + s.lstrip("/")
    try:
        host = urlsplit(s).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.rstrip(".")
    try:
        host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        return None
    host = host.lower()
    if not _HOST.fullmatch(host):
        return None
    return re.sub(r"^www\d*\.", "", host)


# ---------------------------------------------------------------------------------------------
# name keys and text variants


def _norm(s: str) -> str:
    return " ".join(s.translate(_APOSTROPHES).split())


def _is_short_form(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return len(form) <= _SHORT_FORM and bool(letters) and all(c.isupper() for c in letters)


_LONGEST_NAME = 200  # characters: longer than any outlet name, alias or domain in the registry
_QUALIFIED = re.compile(r"(.+?) \(([^()]+)\)")


def _key(form: str) -> str:
    """Lookup key: exact for all-caps short forms (RT, AP, AA, VNA), case-folded otherwise."""
    f = _norm(form)
    return f if _is_short_form(f) else f.casefold()


def _variants(form: str) -> set[str]:
    """The spellings of a name the text scan accepts (case-sensitive matching)."""
    f = _norm(form)
    out = {f}
    if not _is_short_form(f):
        if len(f) > _SHORT_FORM:
            out.add(f.upper())
        words = f.split(" ")
        if len(words) > 1 and words[0] == "The":
            out.add("the " + " ".join(words[1:]))
        if len(words) > 1:
            low = [w.lower() if i and w in _GENERIC_WORDS else w for i, w in enumerate(words)]
            out.add(" ".join(low))
            if words[0] == "The":
                out.add("the " + " ".join(low[1:]))
    for v in list(out):
        if "'" in v:
            out.add(v.replace("'", "\u2019"))
    return {v for v in out if v}


def _domain_variants(d: str) -> set[str]:
    """Spellings of a domain in running text: rt.com, RT.com, Rt.com, RT.COM."""
    first, _, rest = d.partition(".")
    return {d, d.upper(), first.upper() + "." + rest, d.capitalize()}


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _starts_longer_name(text: str, key: str, end: int, n: int) -> bool:
    """An ambiguous one-word form in mixed case followed by a capitalised word is the start of
    another proper name ("the National Security Council", "Sputnik V", "Time Warner"), not the
    outlet. All-caps short forms are exempt ("AP Photo", "RT America" is an alias anyway)."""
    if _is_short_form(key) or end + 1 >= n or text[end] != " ":
        return False
    return text[end + 1].isupper()


def _domain_end_ok(text: str, end: int, n: int) -> bool:
    if end >= n:
        return True
    ch = text[end]
    if _is_word(ch) or ch == "-":
        return False
    return not (ch == "." and end + 1 < n and _is_word(text[end + 1]))


def _extend_subdomains(text: str, start: int, floor: int) -> int:
    """Move ``start`` left over subdomain labels ("de." in "de.rt.com"), never below ``floor``."""
    while start - 1 > floor and text[start - 1] == ".":
        i = start - 1
        while i > floor and (text[i - 1].isascii() and (text[i - 1].isalnum() or text[i - 1] == "-")):
            i -= 1
        if i == start - 1:
            break
        start = i
    return start


def _single_word(form: str) -> bool:
    """True for a one-word form ("RT", "Sputnik", "The Sun"); domain-like forms ("RT.com") are
    specific enough and count as not ambiguous."""
    if "." in form and host_of(form) is not None:
        return False
    words = _norm(form).split(" ")
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    return len(words) == 1


# ---------------------------------------------------------------------------------------------
# the registry


@dataclass(frozen=True)
class Registry:
    outlets: tuple[Outlet, ...]
    _by_key: dict[str, Outlet] = field(init=False, repr=False, compare=False)
    _by_domain: dict[str, Outlet] = field(init=False, repr=False, compare=False)
    _qualified: dict[str, list[Outlet]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        outlets = tuple(self.outlets)
        object.__setattr__(self, "outlets", outlets)
        by_key: dict[str, Outlet] = {}
        by_domain: dict[str, Outlet] = {}
        # canonical names first, so an alias never shadows another outlet's name
        for o in outlets:
            by_key.setdefault(_key(o.name), o)
        for o in outlets:
            for a in o.aliases:
                by_key.setdefault(_key(a), o)
            for d in o.domains:
                by_domain.setdefault(d, o)
        object.__setattr__(self, "_by_key", by_key)
        object.__setattr__(self, "_by_domain", by_domain)
        # "Al-Watan (Syria)": a name the registry qualifies because outlets of several countries share it
        qualified: dict[str, list[Outlet]] = {}
        for o in outlets:
            m = _QUALIFIED.fullmatch(_norm(o.name))
            if m:
                qualified.setdefault(_key(m.group(1)), []).append(o)
        object.__setattr__(self, "_qualified", qualified)

    def __len__(self) -> int:
        return len(self.outlets)

    def __iter__(self) -> Iterator[Outlet]:
        return iter(self.outlets)

    # -- lookups ---------------------------------------------------------------------------

    def get(self, name: str) -> Outlet | None:
        """The outlet with this canonical name or alias (all-caps short forms match case)."""
        if not isinstance(name, str) or not name.strip():
            return None
        n = _norm(name)
        o = self._by_key.get(_key(n))
        if o is None:
            words = n.split(" ")
            if len(words) > 1 and words[0].lower() == "the":
                o = self._by_key.get(_key(" ".join(words[1:])))
            else:
                o = self._by_key.get(_key("The " + n))
        return o

    def qualified(self, name: str, place: str) -> Outlet | None:
        """"Al-Watan" named with "Damascus" -> "Al-Watan (Syria)": the registry qualifies a name that
        outlets of several countries share, so the bare name resolves only with a place of that
        outlet's country (a city of the time-zone database or a country name)."""
        from .places import country_of

        cc = country_of(place)
        if cc is None or not isinstance(name, str):
            return None
        n = _norm(name)
        bare = n[4:] if n.lower().startswith("the ") else n
        found = {o.name: o for form in (bare, "The " + bare) for o in self._qualified.get(_key(form), ())}
        hits = [o for o in found.values() if o.country == cc]
        return hits[0] if len(hits) == 1 else None

    def by_domain(self, host_or_url: str) -> Outlet | None:
        """The outlet owning this host or URL: exact domain, else the longest registered suffix."""
        host = host_of(host_or_url)
        if host is None:
            return None
        labels = host.split(".")
        for i in range(len(labels) - 1):
            o = self._by_domain.get(".".join(labels[i:]))
            if o is not None:
                return o
        return None

    # -- text scan -------------------------------------------------------------------------

    @cached_property
    def _scanner(self) -> tuple[ahocorasick.Automaton | None, dict[str, tuple[Outlet, bool]], frozenset[str]]:
        """One Aho-Corasick automaton over every accepted spelling of every name, alias and domain."""
        names: dict[str, tuple[Outlet, bool]] = {}
        for o in self.outlets:  # canonical names claim their spellings first
            for v in _variants(o.name):
                names.setdefault(v, (o, o.ambiguous and _single_word(o.name)))
        for o in self.outlets:
            for a in o.aliases:
                for v in _variants(a):
                    names.setdefault(v, (o, o.ambiguous and _single_word(a)))
        domains: set[str] = set()
        for d in self._by_domain:
            if len(d) >= 5:
                domains.update(_domain_variants(d))
        domains -= set(names)
        if not names and not domains:
            return None, names, frozenset()
        automaton = ahocorasick.Automaton()
        for key in names:
            automaton.add_word(key, key)
        for key in domains:
            automaton.add_word(key, key)
        automaton.make_automaton()
        return automaton, names, frozenset(domains)

    def _mention_at(self, text: str, key: str, start: int, end: int, n: int, names: dict,
                    domains: frozenset, last_end: int) -> Mention | None:
        if key in domains:
            if start and (_is_word(text[start - 1]) or text[start - 1] == "-"):
                return None
            if not _domain_end_ok(text, end, n):
                return None
            start = _extend_subdomains(text, start, last_end)
            o = self.by_domain(text[start:end])
            return Mention(o, start, end, text[start:end]) if o is not None else None
        if start and _is_word(text[start - 1]):
            return None
        if end < n and _is_word(text[end]):
            # the longest spelling runs into a word ("RT Newsletter"): try shorter spellings
            end = next((k for k in range(end - 1, start, -1)
                        if text[start:k] in names and not _is_word(text[k])), 0)
            if not end:
                return None
            key = text[start:end]
        hit = names[key]
        if hit[1] and _starts_longer_name(text, key, end, n):
            return None
        return Mention(hit[0], start, end, key, hit[1])

    def _mention_inside(self, text: str, lo: int, hi: int, n: int, automaton, names: dict,
                        domains: frozenset, last_end: int) -> Mention | None:
        """The first mention starting in ``lo:hi``, read from a short window (a full rescan from
        there would copy the whole text into the automaton once per rejected spelling)."""
        window = text[lo : min(n, hi + _LONGEST_NAME)]
        for end_idx, key in automaton.iter_long(window):
            start = lo + end_idx + 1 - len(key)
            if start >= hi:
                return None
            m = self._mention_at(text, key, start, start + len(key), n, names, domains, last_end)
            if m is not None:
                return m
        return None

    def find_mentions(self, text: str) -> list[Mention]:
        """Every outlet name, alias or domain in ``text``: word-bounded, longest match first,
        non-overlapping, in text order. A possessive ("RT's") yields the bare name; a domain
        mention covers its subdomains ("de.rt.com", "www.rt.com"). An ambiguous one-word form
        directly followed by a capitalised word ("Sputnik V", "the National Guard") is skipped."""
        if not isinstance(text, str) or not text:
            return []
        automaton, names, domains = self._scanner
        if automaton is None:
            return []
        out: list[Mention] = []
        n = len(text)
        last_end = 0
        for end_idx, key in automaton.iter_long(text):
            start, end = end_idx + 1 - len(key), end_idx + 1
            if start < last_end:
                continue
            m = self._mention_at(text, key, start, end, n, names, domains, last_end)
            if m is None:
                # the longest spelling here is no mention ("the Hindu" in "the Hindustan Times"):
                # a name may still start inside it, which the non-overlapping scan skips
                m = self._mention_inside(text, start + 1, end, n, automaton, names, domains, last_end)
                if m is None:
                    continue
            out.append(m)
            last_end = m.end
        return out

    # -- combination and tables ------------------------------------------------------------

    def merged(self, other: "Registry") -> "Registry":
        """This registry plus ``other``'s outlets; on any conflict this registry's rows win.

        An outlet of ``other`` whose name is already a name or alias here is the same outlet:
        only its new domains are added to this registry's row (``RT Deutsch`` with
        ``rtde.world`` folds into ``RT``). Otherwise it is added without the aliases that clash
        and without domains owned here or under a domain owned here (``de.rt.com`` stays with
        the outlet owning ``rt.com``).
        """
        keys = dict(self._by_key)
        owned = set(self._by_domain)
        out = {o.name: o for o in self.outlets}

        def covered(d: str) -> bool:
            labels = d.split(".")
            return any(".".join(labels[i:]) in owned for i in range(len(labels) - 1))

        for o in other.outlets:
            domains = tuple(d for d in o.domains if not covered(d))
            owned.update(domains)
            mine = keys.get(_key(o.name))
            if mine is not None:
                if domains:
                    cur = out[mine.name]
                    out[mine.name] = replace(cur, domains=cur.domains + domains)
                continue
            aliases = tuple(a for a in o.aliases if _key(a) not in keys)
            o2 = replace(o, aliases=aliases, domains=domains)
            out[o2.name] = o2
            for f in o2.forms:
                keys.setdefault(_key(f), o2)
        return Registry(tuple(out.values()))

    @classmethod
    def from_frame(cls, df: pd.DataFrame, where: str = "table") -> "Registry":
        """Validate a frame in ``outlets.csv`` columns and build the registry.

        Errors name the row (as the CSV line number, header = line 1) and the valid values.
        """
        if not isinstance(df, pd.DataFrame):
            raise RegistryError(f"{where}: expected a pandas DataFrame, got {type(df).__name__}")
        df = df.rename(columns=lambda c: str(c).strip().lower())
        missing = [c for c in REQUIRED if c not in df.columns]
        if missing:
            raise RegistryError(
                f"{where}: missing column(s) {', '.join(missing)}; columns are: "
                f"{', '.join(map(str, df.columns)) or '(none)'}; expected: {', '.join(COLUMNS)}")
        outlets: list[Outlet] = []
        names: dict[str, int] = {}
        forms: dict[str, tuple[str, int]] = {}
        domains: dict[str, tuple[str, int]] = {}
        records = df.astype(object).where(df.notna(), None).to_dict("records")
        for i, row in enumerate(records):
            line = i + 2
            at = f"{where}, line {line}"

            def cell(col: str) -> str:
                v = row.get(col)
                return "" if v is None else str(v).strip()

            name = _norm(cell("name"))
            if not name:
                raise RegistryError(f"{at}: empty name")
            aff = cell("affiliation").lower()
            if aff not in AFFILIATIONS:
                raise RegistryError(f"{at} ({name}): affiliation {cell('affiliation')!r} is not valid; "
                                    f"valid values are: {', '.join(AFFILIATIONS)}")
            country = cell("country").upper()
            if country and not re.fullmatch(r"[A-Z]{2}", country):
                raise RegistryError(f"{at} ({name}): country {cell('country')!r} must be an ISO 3166-1 "
                                    "alpha-2 code (two letters, e.g. RU, CN, US) or empty")
            source = cell("source")
            if not source:
                raise RegistryError(f"{at} ({name}): empty source; every row must cite where its "
                                    "classification comes from")
            kind = cell("kind").lower() or "other"
            if kind not in KINDS:
                raise RegistryError(f"{at} ({name}): kind {cell('kind')!r} is not valid; "
                                    f"valid values are: {', '.join(KINDS)}")
            amb_raw = cell("ambiguous").lower()
            if amb_raw not in _TRUE | _FALSE:
                raise RegistryError(f"{at} ({name}): ambiguous {cell('ambiguous')!r} must be true or false")
            nk = name.casefold()
            if nk in names:
                raise RegistryError(f"{at}: duplicate name {name!r} (first on line {names[nk]})")
            names[nk] = line
            aliases = tuple(dict.fromkeys(_norm(a) for a in cell("aliases").split("|") if _norm(a)))
            aliases = tuple(a for a in aliases if a != name)
            for f in (name, *aliases):
                k = _key(f)
                prev = forms.get(k)
                if prev is not None and prev[0] != name:
                    raise RegistryError(f"{at} ({name}): name or alias {f!r} is already used by "
                                        f"{prev[0]!r} (line {prev[1]})")
                forms[k] = (name, line)
            doms: list[str] = []
            for d in cell("domains").split("|"):
                if not d.strip():
                    continue
                h = host_of(d)
                if h is None:
                    raise RegistryError(f"{at} ({name}): {d.strip()!r} is not a domain name")
                prev = domains.get(h)
                if prev is not None and prev[0] != name:
                    raise RegistryError(f"{at} ({name}): domain {h!r} is already claimed by "
                                        f"{prev[0]!r} (line {prev[1]})")
                domains[h] = (name, line)
                if h not in doms:
                    doms.append(h)
            outlets.append(Outlet(name=name, aliases=aliases, domains=tuple(doms),
                                  country=country or None, affiliation=aff, owner=cell("owner"),
                                  kind=kind, ambiguous=amb_raw in _TRUE, source=source))
        return cls(tuple(outlets))

    def to_frame(self) -> pd.DataFrame:
        """The registry in ``outlets.csv`` columns (inverse of :meth:`from_frame`)."""
        rows = [{
            "name": o.name, "aliases": "|".join(o.aliases), "domains": "|".join(o.domains),
            "country": o.country or "", "affiliation": o.affiliation, "owner": o.owner,
            "kind": o.kind, "ambiguous": "true" if o.ambiguous else "false", "source": o.source,
        } for o in self.outlets]
        return pd.DataFrame(rows, columns=list(COLUMNS))


# ---------------------------------------------------------------------------------------------
# loading


def _read_csv_text(raw: str, where: str) -> pd.DataFrame:
    try:
        return pd.read_csv(io.StringIO(raw), dtype=str, keep_default_na=False, skipinitialspace=True)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error) as e:
        raise RegistryError(f"{where}: not a readable CSV file ({e})") from e


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    """The built-in registry (``data/outlets.csv``), loaded once."""
    raw = files("labeler.data").joinpath("outlets.csv").read_text(encoding="utf-8")
    return Registry.from_frame(_read_csv_text(raw, "outlets.csv"), where="outlets.csv")


def load_registry(path: str | os.PathLike | None = None) -> Registry:
    """The registry in the CSV at ``path`` (alone, not merged), or the built-in one for None."""
    if path is None:
        return default_registry()
    p = os.fspath(path)
    if not os.path.exists(p):
        raise RegistryError(f"registry file {p!r} does not exist")
    if os.path.isdir(p):
        raise RegistryError(f"registry path {p!r} is a folder; give the CSV file")
    try:
        with open(p, encoding="utf-8-sig") as f:
            raw = f.read()
    except (OSError, UnicodeDecodeError) as e:
        raise RegistryError(f"registry file {p!r} cannot be read as UTF-8 text ({e})") from e
    return Registry.from_frame(_read_csv_text(raw, p), where=p)
