"""Load the gazetteer CSV files and compile them once into token tries.

In: the data files under extract/data/gazetteer/ (documented in its README.md).
Out: a `Gazetteer` holding every actor, the alias trie, the role-phrase trie, the cue lists and
the terms of office of persons. `load()` caches the result for the life of the process.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import pathlib
import re
import tomllib
from dataclasses import dataclass, field

from extract.vocabulary import honorifics

DATA_DIR = pathlib.Path(__file__).resolve().parent.parent / "data" / "gazetteer"

# Files whose rows are actors; capitals.csv rows are aliases of their country.
ACTOR_FILES = ("countries.csv", "organizations.csv", "armed_groups.csv", "persons.csv", "regions.csv")
ALIAS_FILES = ("capitals.csv", "cities.csv")

END = ""  # trie key that holds the payload of a complete phrase

# One token: an abbreviation with dots (U.S., U.N.), a run of letters/digits, or one other character.
TOKEN_RE = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+|[^\w\s]|_")
# A token with the white space before it: consecutive pieces rebuild the text exactly.
PIECE_RE = re.compile(r"\s*(?:(?:[A-Za-z]\.){2,}|[^\W_]+|[^\w\s]|_)")
HYPHENS = frozenset("-‐‑")  # dropped from token streams: "al-Qaeda" == "al Qaeda"


@dataclass(frozen=True)
class Actor:
    """One actor of the gazetteer (or learned from an article)."""

    id: str
    name: str
    type: str
    country: str
    org: str = ""


@dataclass(frozen=True)
class Term:
    """One term of office of a person."""

    person: str
    role: str
    country: str
    start: dt.date | None
    end: dt.date | None
    org: str = ""

    def covers(self, on: dt.date) -> bool:
        """True when the term is running on that date (end day excluded, open end = still in office)."""
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass(frozen=True)
class AliasHit:
    """What a complete alias phrase points at: an actor id, how it was named, and whether it is weak."""

    actor_id: str  # "" for blockers (phrases that name no actor)
    via: str  # name, capital, seat, demonym, blocker
    weak: bool = False


@dataclass
class Gazetteer:
    """The compiled gazetteer: actors, tries, terms and cue lists."""

    actors: dict[str, Actor] = field(default_factory=dict)
    trie: dict = field(default_factory=dict)  # token -> ... -> {END: [AliasHit, ...]}
    roles: dict = field(default_factory=dict)  # lower-cased token -> ... -> {END: (role, country)}
    terms: dict[str, list[Term]] = field(default_factory=dict)  # person id -> terms
    terms_by_role: dict[str, list[Term]] = field(default_factory=dict)  # role -> terms
    org_terms: dict[str, list[Term]] = field(default_factory=dict)  # organization id -> terms of its officers
    cues: dict = field(default_factory=dict)
    not_name_words: frozenset[str] = frozenset()
    org_words: frozenset[str] = frozenset()
    given_names: frozenset[str] = frozenset()
    female_names: frozenset[str] = frozenset()  # genders.toml: given names usually of women ("she")
    male_names: frozenset[str] = frozenset()  # and of men ("he")
    not_before_surname: frozenset[str] = frozenset()
    particles: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()
    given_name_aliases: frozenset[str] = frozenset()
    caps_common: frozenset[str] = frozenset()
    not_acronyms: frozenset[str] = frozenset()  # words in capitals that name no body ([learned_orgs].not_acronyms)
    month_context: frozenset[str] = frozenset()
    not_current: frozenset[str] = frozenset()
    ambiguous: dict[str, dict] = field(default_factory=dict)
    first_keys: frozenset[str] = frozenset()  # tokens that can start an alias or a role phrase, in any usual case
    demonyms: dict[str, str] = field(default_factory=dict)  # country id -> adjective ("VEN" -> "Venezuelan")
    organs_after_the: frozenset[str] = frozenset()  # "the junta", "the army": the article's country
    organs_bare: frozenset[str] = frozenset()  # "Police", "prosecutors"
    organs_not_before: frozenset[str] = frozenset()  # "police officer": the organ word only qualifies
    body_heads: frozenset[str] = frozenset()  # "Department", "Agency": a state body named by its function
    firm_countries: dict[str, str] = field(default_factory=dict)  # a company's name or alias -> its home country
    firms: list[tuple[str, ...]] = field(default_factory=list)  # each company's name, then its aliases
    us_states: dict[str, str] = field(default_factory=dict)  # a US state's name -> its actor id ("Louisiana")
    state_abbreviations: dict[str, str] = field(default_factory=dict)  # "La" -> the state's actor id ([towns])
    place_heads: frozenset[str] = frozenset()  # "Beach", "Marina": a place's own head word after a name ([towns])
    feature_heads: frozenset[str] = frozenset()  # "River", "Valley": a place's name before one names a feature
    open_names: frozenset[str] = frozenset()  # actor ids whose name before a capitalized word starts another name


def tokens_of(text: str) -> list[str]:
    """Tokens of a phrase as the recognizer sees them (hyphens dropped, curly apostrophes straightened)."""
    return [norm_token(m.group()) for m in TOKEN_RE.finditer(text) if m.group() not in HYPHENS]


def norm_token(tok: str) -> str:
    """The lookup key of one token: curly apostrophes become straight; abbreviations keep their dots
    (the trie holds both "US" and "U.S." for every short capitalized key)."""
    return "'" if tok == "’" else tok


def _parse_date(text: str, where: str) -> dt.date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise ValueError(f"{where}: bad ISO date {text!r}") from exc


def _insert(trie: dict, toks: list[str], payload) -> None:
    node = trie
    for tok in toks:
        node = node.setdefault(tok, {})
    node.setdefault(END, []).append(payload)


def _variants(alias: str) -> set[str]:
    """An alias and its sentence-start form ("al-Qaeda" -> "Al-Qaeda", "the States" -> "The States")."""
    out = {alias}
    if alias[:1].islower():
        out.add(alias[:1].upper() + alias[1:])
    return out


def _add_alias(gaz: Gazetteer, alias: str, hit: AliasHit) -> None:
    for variant in _variants(alias.strip()):
        toks = tokens_of(variant)
        if not toks:
            continue
        node = gaz.trie
        for tok in toks:
            node = node.setdefault(tok, {})
        hits = node.setdefault(END, [])
        if all(h.actor_id != hit.actor_id for h in hits):
            hits.append(hit)


_ABBREV_RE = re.compile(r"^[A-Z]{2,5}$")


def _add_dotted(node: dict) -> None:
    """Let "U.S." reach the same trie node as "US" (and "D.C." as "DC"), at every depth."""
    for key in list(node):
        if key == END:
            continue
        child = node[key]
        _add_dotted(child)
        if _ABBREV_RE.match(key):
            dotted = ".".join(key) + "."
            if dotted in node and node[dotted] is not child:
                _merge(node[dotted], child)
            node[dotted] = child


def _merge(src: dict, dst: dict) -> None:
    for key, val in src.items():
        if key == END:
            hits = dst.setdefault(END, [])
            hits.extend(h for h in val if h not in hits)
        elif key in dst and dst[key] is not val:
            _merge(val, dst[key])
        else:
            dst[key] = val


def _read_csv(path: pathlib.Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


def _demonym_like(alias: str, name: str) -> bool:
    """Adjectives and demonyms ("Russian", "Britons") rather than the country's own name."""
    if alias == name or " " in alias:
        return False
    return alias.endswith(("an", "ans", "ese", "ish", "i", "is", "ch", "ss", "er", "ers", "ot", "ots", "ns"))


def _adjective(aliases: list[str], name: str) -> str:
    """The country's adjective among its aliases: the first demonym-like one that is not a plural
    ("British", "South Korean", "Swiss"), else one whose plural is also an alias ("Nigerien" beside
    "Nigeriens"); "" if none."""
    own_last = name.split()[-1]
    for alias in aliases:
        last = alias.split()[-1]
        if (
            alias != name
            and last != own_last
            and _demonym_like(last, name)
            and (not last.endswith("s") or last.endswith("ss"))
        ):
            return alias
    known = set(aliases)
    for alias in aliases:
        if alias != name and alias + "s" in known and alias[:1].isupper():
            return alias
    return ""


def build(data_dir: pathlib.Path = DATA_DIR) -> Gazetteer:
    """Read every data file of `data_dir` and compile a Gazetteer. Raises ValueError on a malformed row."""
    gaz = Gazetteer()
    for fname in ACTOR_FILES:
        for lineno, row in enumerate(_read_csv(data_dir / fname), start=2):
            where = f"{fname}:{lineno}"
            aid = row.get("id", "")
            if not aid:
                raise ValueError(f"{where}: empty id")
            if aid not in gaz.actors:
                gaz.actors[aid] = Actor(aid, row["name"], row["type"], row.get("country", ""), row.get("org", ""))
            actor = gaz.actors[aid]
            if actor.type == "country" and aid not in gaz.demonyms:
                adjective = _adjective(list(filter(None, row.get("aliases", "").split("|"))), actor.name)
                if adjective:
                    gaz.demonyms[aid] = adjective
            for alias in filter(None, row.get("aliases", "").split("|")):
                via = "demonym" if actor.type == "country" and _demonym_like(alias, actor.name) else "name"
                _add_alias(gaz, alias, AliasHit(aid, via))
            for alias in filter(None, row.get("weak_aliases", "").split("|")):
                _add_alias(gaz, alias, AliasHit(aid, "name", weak=True))
            if row.get("role"):
                term = Term(
                    aid,
                    row["role"],
                    row.get("country", ""),
                    _parse_date(row.get("start", ""), where),
                    _parse_date(row.get("end", ""), where),
                    row.get("org", ""),
                )
                gaz.terms.setdefault(aid, []).append(term)
                gaz.terms_by_role.setdefault(term.role, []).append(term)
                if term.org:
                    gaz.org_terms.setdefault(term.org, []).append(term)
    for fname in ALIAS_FILES:
        for lineno, row in enumerate(_read_csv(data_dir / fname), start=2):
            country = row.get("country", "")
            if country not in gaz.actors:
                raise ValueError(f"{fname}:{lineno}: country {country!r} is not in countries.csv")
            for alias in filter(None, row.get("aliases", "").split("|")):
                _add_alias(gaz, alias, AliasHit(country, row.get("type", "capital")))
    for lineno, row in enumerate(_read_csv(data_dir / "companies.csv"), start=2):
        if row["country"] not in gaz.actors:
            raise ValueError(f"companies.csv:{lineno}: country {row['country']!r} is not in countries.csv")
        names = (row["name"], *filter(None, row.get("aliases", "").split("|")))
        gaz.firms.append(names)
        for name in names:
            gaz.firm_countries[name] = row["country"]
    for lineno, row in enumerate(_read_csv(data_dir / "roles.csv"), start=2):
        toks = [t.lower() for t in tokens_of(row["phrase"])]
        if not toks:
            raise ValueError(f"roles.csv:{lineno}: empty phrase")
        node = gaz.roles
        for tok in toks:
            node = node.setdefault(tok, {})
        node[END] = (row["role"], row.get("country", ""))
    with (data_dir / "cues.toml").open("rb") as fh:
        gaz.cues = tomllib.load(fh)
    names = gaz.cues.get("names", {})
    gaz.given_names = frozenset(names.get("given_names", []))
    with (data_dir / "genders.toml").open("rb") as fh:
        by_sex = tomllib.load(fh)["given_names"]
    gaz.female_names = frozenset(by_sex["female"])
    gaz.male_names = frozenset(by_sex["male"])
    gaz.org_words = frozenset(names.get("org_words", []))
    gaz.not_name_words = frozenset(names.get("not_name_words", [])) | gaz.org_words
    gaz.particles = frozenset(names.get("particles", []))
    gaz.not_before_surname = frozenset(names.get("not_before_surname", []))
    gaz.honorifics = frozenset(norm_token(h) for h in honorifics().written)  # extract/data/honorifics.toml
    gaz.given_name_aliases = frozenset(gaz.cues.get("given_name_aliases", {}).get("aliases", []))
    gaz.caps_common = frozenset(gaz.cues.get("all_caps", {}).get("common_words", []))
    gaz.not_acronyms = frozenset(gaz.cues.get("learned_orgs", {}).get("not_acronyms", []))
    gaz.not_current = frozenset(gaz.cues.get("roles", {}).get("not_current", []))
    gaz.month_context = frozenset(gaz.cues.get("weak", {}).get("month_context_before", []))
    for phrase in gaz.cues.get("blockers", {}).get("phrases", []):
        _add_alias(gaz, phrase, AliasHit("", "blocker"))
    _add_dotted(gaz.trie)
    role_starts = {v for tok in gaz.roles for v in (tok, tok.capitalize(), tok.upper(), tok.title())}
    organs = gaz.cues.get("organs", {})
    gaz.organs_after_the = frozenset(w.lower() for w in organs.get("after_the", []))
    gaz.organs_bare = frozenset(w.lower() for w in organs.get("bare", []))
    gaz.organs_not_before = frozenset(w.lower() for w in organs.get("not_before", []))
    gaz.body_heads = frozenset(organs.get("body_heads", []))
    organ_starts = {v for w in gaz.organs_after_the | gaz.organs_bare for v in (w, w.capitalize())}
    gaz.first_keys = frozenset(set(gaz.trie) | role_starts | organ_starts)
    gaz.us_states = {a.name: aid for aid, a in gaz.actors.items() if a.type == "region" and a.country == "USA"}
    towns = gaz.cues.get("towns", {})
    gaz.place_heads = frozenset(towns.get("place_heads", []))
    gaz.feature_heads = frozenset(gaz.cues.get("features", {}).get("heads", []))
    gaz.open_names = frozenset(gaz.cues.get("open_names", {}).get("ids", []))
    gaz.state_abbreviations = {
        abbr: gaz.us_states.get(name) or gaz.us_states.get(f"{name} State") or "USA"  # "Ga": Georgia is no region here
        for abbr, name in towns.get("state_abbreviations", {}).items()
    }
    gaz.ambiguous = {}
    for alias, spec in gaz.cues.get("ambiguous", {}).items():
        gaz.ambiguous[alias] = {
            "default": spec.get("default", "none"),
            "cues": {k: list(v) for k, v in spec.get("cues", {}).items()},
            "before": {k: [re.compile(p) for p in v] for k, v in spec.get("before", {}).items()},
            "after": {k: [re.compile(p) for p in v] for k, v in spec.get("after", {}).items()},
        }
    return gaz


@functools.lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer of the package's data directory, compiled once per process."""
    return build(DATA_DIR)


def state_body_name(words: list[str], gaz: Gazetteer | None = None) -> bool:
    """True for the words of a name that says it is an office of a state ("Justice Department", "Department
    of Energy", "Health Protection Agency"; heads in [organs].body_heads of cues.toml)."""
    heads = (gaz or load()).body_heads
    return len(words) >= 2 and (words[-1] in heads or (words[0] in heads and words[1] == "of"))


def office_length(words: list[str], gaz: Gazetteer | None = None) -> int:
    """How many of the lower-case words, from the first, name an office of the gazetteer's roles ("finance
    minister" in ["finance", "minister", "jorge"] -> 2); 0 when they open none."""
    node, best = (gaz or load()).roles, 0
    for k, w in enumerate(words):
        node = node.get(w)
        if node is None:
            break
        if END in node:
            best = k + 1
    return best
