"""GDELT 2.0 event exports: fixtures written by hand after the GDELT 2.0 event codebook."""

from __future__ import annotations

import io
import pathlib
import zipfile

import pytest

from core.errors import ImportFormatError
from store import EventStore
from store.importers.gdelt import COLUMNS, read_gdelt

FIX = pathlib.Path(__file__).parent / "fixtures" / "gdelt"
PLAIN = FIX / "20240326.export.CSV"
ZIPPED = FIX / "20240326.export.CSV.zip"


def test_the_codebook_has_61_columns():
    assert len(COLUMNS) == 61
    assert COLUMNS[0] == "GLOBALEVENTID" and COLUMNS[26] == "EventCode" and COLUMNS[-1] == "SOURCEURL"


def test_rows_become_events_with_plover_types_iso_countries_and_the_cameo_code():
    rows, _ = read_gdelt(PLAIN)
    ev = rows.set_index("event_id")
    strike = ev.loc["gdelt-1160000101"]
    assert strike["date"] == "2024-03-15" and strike["date_precision"] == "day"
    assert strike["event_type"] == "ASSAULT" and strike["quad_class"] == "material_conflict"
    assert strike["cameo_code"] == "190"
    assert (strike["source_actor"], strike["target_actor"]) == ("Russia", "Ukraine")
    assert list(strike["countries"]) == ["RUS", "UKR"]  # CAMEO RUS, UKR and FIPS UP (Ukraine)
    assert strike["mentions"] == 48
    assert list(strike["sources"]) == ["reuters.com"]
    assert strike["location"].startswith("Kharkiv")
    assert strike["latitude"] == pytest.approx(49.9808)
    assert str(strike["published"]) == "2024-03-15 18:15:00+00:00"
    assert strike["origin"] == "gdelt" and strike["origin_ref"] == "20240326.export.CSV:1"
    assert ev.loc["gdelt-1160000102", "event_type"] == "SANCTION"  # 163 embargo, boycott or sanctions
    assert ev.loc["gdelt-1160000105", "event_type"] == "REQUEST"  # 0233 appeal for humanitarian aid
    assert list(ev.loc["gdelt-1160000105", "countries"]) == ["SDN"]  # IGO actor has no country; FIPS SU is Sudan
    assert ev.loc["gdelt-1160000106", "event_type"] == "PROTEST"  # 145 riot
    assert ev.loc["gdelt-1160000111", "event_type"] == "CONSULT"  # 042 make a visit


def test_event_codes_stay_strings_with_their_leading_zeros():
    rows, _ = read_gdelt(PLAIN)
    ev = rows.set_index("event_id")
    assert ev.loc["gdelt-1160000104", "cameo_code"] == "0871"  # declare truce, not 871
    assert ev.loc["gdelt-1160000104", "event_type"] == "RETREAT"
    assert ev.loc["gdelt-1160000107", "cameo_code"] == "036"


def test_a_region_actor_adds_no_country_but_the_action_place_does():
    rows, _ = read_gdelt(PLAIN)
    row = rows.set_index("event_id").loc["gdelt-1160000107"]
    assert list(row["countries"]) == ["CHN", "BEL"]  # EUR is a CAMEO region; FIPS BE is Belgium


def test_bad_rows_are_rejected_one_by_one_with_the_line_and_reason():
    rows, rejected = read_gdelt(PLAIN)
    assert len(rows) == 7
    reasons = dict(rejected)
    assert "no PLOVER event type" in reasons["20240326.export.CSV:3"]  # 010 make statement
    assert "truncated row: 30" in reasons["20240326.export.CSV:6"]
    assert "unknown CAMEO event code '999'" in reasons["20240326.export.CSV:9"]
    assert "unknown CAMEO country code 'XYZ'" in reasons["20240326.export.CSV:10"]
    assert "out of range" in reasons["20240326.export.CSV:11"]
    assert len(rejected) == 5


def test_a_zipped_export_reads_like_the_plain_one():
    plain, _ = read_gdelt(PLAIN)
    zipped, rejected = read_gdelt(ZIPPED)
    assert list(zipped["event_id"]) == list(plain["event_id"])
    assert rejected[0][0].startswith("20240326.export.CSV.zip/20240326.export.CSV:")


def test_an_upload_given_as_name_and_bytes():
    rows, _ = read_gdelt(("upload.CSV", PLAIN.read_bytes()))
    assert len(rows) == 7 and rows.iloc[0]["origin_ref"] == "upload.CSV:1"


def test_a_gdelt_1_file_is_refused_naming_the_column_count():
    with pytest.raises(ImportFormatError, match="57 tab-separated columns, expected 61"):
        read_gdelt(FIX / "gdelt1_57_columns.CSV")


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (b"\n\n  \n", "empty"),
        (b"a,b,c\n1,2,3\n", "1 tab-separated column, expected 61"),
        (b"\x00\x01\x02binary\x00", "binary"),
        (b"PK\x03\x04 broken zip", "damaged or truncated zip"),
    ],
)
def test_files_of_another_shape_are_refused_with_a_clear_message(content, message):
    with pytest.raises(ImportFormatError, match=message):
        read_gdelt(("bad.CSV", content))


def test_a_zip_without_an_export_inside_is_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("readme.md", "nothing here")
    with pytest.raises(ImportFormatError, match="holds no"):
        read_gdelt(("empty.zip", buf.getvalue()))


def test_importing_twice_adds_nothing_and_keeps_what_was_stored(tmp_path):
    store = EventStore(tmp_path)
    first = store.import_file("gdelt", ZIPPED)
    assert (first.added, len(first.rejected)) == (7, 5)
    again = store.import_file("gdelt", PLAIN)
    assert (again.added, again.skipped) == (0, 7)
    ev = store.events()
    assert len(ev) == 7 and ev["event_id"].is_unique
    assert ev["salience"].between(0, 1).all()
    m = store.mentions(["gdelt-1160000101"])
    assert list(m["origin_ref"]) == ["20240326.export.CSV.zip/20240326.export.CSV:1"]


def test_a_missing_file_is_an_error_naming_it(tmp_path):
    with pytest.raises(FileNotFoundError):
        EventStore(tmp_path).import_file("gdelt", tmp_path / "nope.CSV")
    with pytest.raises(ImportFormatError, match="unknown import kind"):
        EventStore(tmp_path).import_file("icews", PLAIN)
