"""Integrity of the gazetteer data files: ids, codes, dates, references between files."""

from __future__ import annotations

import csv
import datetime as dt

import pycountry
import pytest

from extract.actors import country_of, find_actors, load_gazetteer
from extract.actors.gazetteer import DATA_DIR, build
from store.importers import codes
from store.importers.codes import iso3_from_cameo, iso3_from_fips


def rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_every_iso_country_is_an_actor():
    gaz = load_gazetteer()
    for c in pycountry.countries:
        assert gaz.actors[c.alpha_3].type == "country", c.alpha_3


@pytest.mark.parametrize(
    "name", ["countries.csv", "capitals.csv", "organizations.csv", "armed_groups.csv", "persons.csv", "regions.csv"]
)
def test_documented_columns(name):
    data = rows(name)
    assert data, name
    for col in ("id", "name", "type", "country", "aliases"):
        assert col in data[0], (name, col)
    if name == "persons.csv":
        for col in ("role", "start", "end", "weak_aliases", "org"):
            assert col in data[0]


def test_ids_unique_outside_persons():
    seen: set[str] = set()
    for name in ("countries.csv", "capitals.csv", "organizations.csv", "armed_groups.csv", "regions.csv"):
        for row in rows(name):
            assert row["id"] not in seen, row["id"]
            seen.add(row["id"])
            assert row["aliases"].strip(), row["id"]


def test_country_codes_are_known():
    gaz = load_gazetteer()
    for name in ("capitals.csv", "organizations.csv", "armed_groups.csv", "persons.csv", "regions.csv"):
        for row in rows(name):
            if row["country"]:
                assert gaz.actors[row["country"]].type == "country", (name, row["id"], row["country"])


def test_person_terms_are_sane():
    gaz = load_gazetteer()
    roles = {
        "president",
        "vice_president",
        "prime_minister",
        "chancellor",
        "king",
        "emir",
        "crown_prince",
        "supreme_leader",
        "leader",
        "foreign_minister",
        "defence_minister",
        "secretary_general",
        "commander",
        "spokesperson",
        "opposition_leader",
        "minister",
        "official",
        "prosecutor",
        "envoy",
    }
    for row in rows("persons.csv"):
        assert row["id"].startswith("person:"), row["id"]
        assert row["role"] in roles, (row["id"], row["role"])
        start = dt.date.fromisoformat(row["start"]) if row["start"] else None
        end = dt.date.fromisoformat(row["end"]) if row["end"] else None
        if start and end:
            assert start < end, row["id"]
        if row["org"]:
            assert row["org"] in gaz.actors, (row["id"], row["org"])
    # every person id has its aliases on some row
    ids_with_aliases = {r["id"] for r in rows("persons.csv") if r["aliases"]}
    assert {r["id"] for r in rows("persons.csv")} == ids_with_aliases


def test_no_two_holders_of_a_head_office_at_once():
    """For a state, two people never hold president or prime minister on the same day (acting terms excepted)."""
    gaz = load_gazetteer()
    for role in ("president", "prime_minister", "chancellor", "foreign_minister"):
        by_country: dict[str, list] = {}
        for t in gaz.terms_by_role.get(role, []):
            if not t.org and t.start:
                by_country.setdefault(t.country, []).append(t)
        for country, terms in by_country.items():
            terms.sort(key=lambda t: t.start)
            for a, b in zip(terms, terms[1:], strict=False):
                if a.end is None:
                    pytest.fail(f"{role} {country}: {a.person} has no end but {b.person} starts {b.start}")
                assert (a.end - b.start).days <= 31, (role, country, a.person, a.end, b.person, b.start)


def test_g20_and_conflict_states_have_heads_through_2000_2025():
    gaz = load_gazetteer()
    heads = {"president", "prime_minister", "chancellor", "king", "leader", "supreme_leader", "emir"}
    states = [
        "ARG",
        "AUS",
        "BRA",
        "CAN",
        "CHN",
        "FRA",
        "DEU",
        "IND",
        "IDN",
        "ITA",
        "JPN",
        "KOR",
        "MEX",
        "RUS",
        "SAU",
        "ZAF",
        "TUR",
        "GBR",
        "USA",
        "UKR",
        "ISR",
        "PSE",
        "IRN",
        "SYR",
        "EGY",
        "PRK",
        "TWN",
        "PAK",
        "VEN",
        "ETH",
        "SDN",
    ]
    for state in states:
        for year in range(2000, 2026, 5):
            day = dt.date(year, 7, 1)
            holders = [
                t
                for ts in gaz.terms.values()
                for t in ts
                if t.country == state and t.role in heads and not t.org and t.covers(day)
            ]
            assert holders, (state, day)


def test_build_reports_a_bad_date(tmp_path):
    for f in DATA_DIR.iterdir():
        (tmp_path / f.name).write_bytes(f.read_bytes())
    with (tmp_path / "persons.csv").open("a", encoding="utf-8") as fh:
        fh.write("person:x,X,person,USA,X Y,president,2020-13-45,,,\n")
    with pytest.raises(ValueError, match="persons.csv:.*bad ISO date"):
        build(tmp_path)


def test_build_reports_unknown_capital_country(tmp_path):
    for f in DATA_DIR.iterdir():
        (tmp_path / f.name).write_bytes(f.read_bytes())
    with (tmp_path / "capitals.csv").open("a", encoding="utf-8") as fh:
        fh.write("capital:atlantis,Atlantis,capital,ATL,Atlantis\n")
    with pytest.raises(ValueError, match="capitals.csv:.*ATL"):
        build(tmp_path)


@pytest.mark.parametrize(
    "fips, iso3",
    [
        ("UP", "UKR"),
        ("RS", "RUS"),
        ("US", "USA"),
        ("UK", "GBR"),
        ("GM", "DEU"),
        ("CH", "CHN"),
        ("IS", "ISR"),
        ("GZ", "PSE"),
        ("WE", "PSE"),
        ("IZ", "IRQ"),
        ("CG", "COD"),
        ("CF", "COG"),
        ("NI", "NGA"),
        ("NG", "NER"),
        ("KN", "PRK"),
        ("KS", "KOR"),
        ("SU", "SDN"),
        ("OD", "SSD"),
        ("TU", "TUR"),
        ("EI", "IRL"),
    ],
)
def test_fips(fips, iso3):
    assert iso3_from_fips(fips) == iso3


def test_fips_codes_map_to_iso():
    known = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
    with (codes.DATA_DIR / "fips_to_iso3.csv").open(encoding="utf-8", newline="") as fh:
        table = list(csv.DictReader(fh))
    assert len(table) > 200
    for row in table:
        assert row["iso3"] in known, row


def test_cameo_codes():
    assert iso3_from_cameo("USA") == "USA"
    assert iso3_from_cameo("usa") == "USA"
    assert iso3_from_cameo("PSE") == "PSE"
    assert iso3_from_cameo("ROM") == "ROU"
    assert iso3_from_cameo("MEA") == ""
    assert iso3_from_cameo("XYZ") == ""


def test_country_of_org_officer_by_date():
    assert country_of("person:antonio-guterres") == "PRT"
    assert country_of("person:antonio-guterres", dt.date(2020, 1, 1)) == ""
    assert country_of("person:antonio-guterres", dt.date(2000, 1, 1)) == "PRT"


def test_the_states_of_the_united_states_are_actors_of_their_own():
    regions = rows("regions.csv")
    assert {row["type"] for row in regions} == {"region"}
    states = {row["name"] for row in regions if row["country"] == "USA"}
    assert len(states) == 48  # the 50 states but Georgia and New York, named elsewhere
    assert "Washington State" in states and "Texas" in states
    # no region's name is another entry's alias: each names one actor
    gaz = load_gazetteer()
    for row in regions:
        for alias in row["aliases"].split("|"):
            assert [m.actor_id for m in find_actors(f"{alias} said.")] == [row["id"]], alias
    assert gaz.actors["region:can-british-columbia"].country == "CAN"
    found = [(m.name, m.type, m.country) for m in find_actors("Alabama and Louisiana sued BP on Monday.")]
    assert found[:2] == [("Alabama", "region", "USA"), ("Louisiana", "region", "USA")]
    # the country and the capital keep their own entries
    assert [m.actor_id for m in find_actors("Georgia and Washington spoke.")] == ["GEO", "USA"]
