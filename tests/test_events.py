"""Dated events: which sentences are events, their dates, places, casualties and groups;
the ACLED-style and TimelineJS exports; the timeline plots."""

from __future__ import annotations

import itertools
import json
import random

import matplotlib
import pandas as pd
import pytest

from analysis_lib.actors import find_article_actors
from analysis_lib.casualties import find_article_casualties
from analysis_lib.dates import find_dates
from analysis_lib.events import (
    ACLED_COLUMNS,
    acled_events,
    casualties_per_period,
    count_event_actors,
    events_frame,
    filter_events,
    find_article_events,
    group_events,
    locate_place,
    sentence_tense,
    timelinejs_events,
    write_acled_csv,
    write_timelinejs_json,
)
from analysis_lib.records import Event
from analysis_lib.schemas import SCHEMAS
from analysis_lib.sentences import split_sentences
from tests.conftest import load_fixture

matplotlib.use("Agg")


def story_events(
    article_id: str,
    text: str,
    reference_date: str | None,
    *,
    dateline_place: str | None = None,
    dateline_country: str | None = None,
    source: str | None = None,
) -> list[Event]:
    """Run the real extractors on one inline story and find its events."""
    sentences = split_sentences(text)
    spans = [(s.start, s.end) for s in sentences]
    mentions = find_article_actors(article_id, text, [s.start for s in sentences])
    casualties = find_article_casualties(
        article_id, text, spans, mentions, reference_date=reference_date,
        dateline_place=dateline_place,
    )  # fmt: skip
    return find_article_events(
        article_id,
        text,
        spans,
        mentions,
        find_dates(text, reference_date=reference_date),
        casualties,
        reference_date=reference_date,
        dateline_place=dateline_place,
        dateline_country=dateline_country,
        source=source,
    )


# --------------------------------------------------------------------------- sample gold


@pytest.fixture(scope="module")
def events_gold():
    return load_fixture("events_gold.json")


@pytest.fixture(scope="module")
def sample_events(sample_tables):
    return sample_tables["events"]


def test_events_table_has_its_schema(sample_events):
    assert list(sample_events.columns) == list(SCHEMAS["events"])
    assert sample_events["event_id"].is_unique


@pytest.mark.parametrize(
    "article_id", list(load_fixture("events_gold.json")["articles"]), ids=lambda a: a[-6:]
)
def test_sample_events_match_the_gold(sample_events, events_gold, article_id):
    gold = events_gold["articles"][article_id]
    got = sample_events[sample_events["article_id"] == article_id].set_index("sentence")
    assert sorted(got.index) == [g["sentence"] for g in gold]
    for g in gold:
        row = got.loc[g["sentence"]]
        where = f"{article_id} sentence {g['sentence']}"
        for field in ("date_start", "date_end", "precision", "date_source", "place"):
            assert row[field] == g[field], (where, field)
        assert row["place_source"] == g["place_source"], where
        assert (None if pd.isna(row["country"]) else row["country"]) == g["country"], where
        ids = [] if pd.isna(row["casualty_ids"]) else row["casualty_ids"].split("; ")
        assert ids == [f"{article_id}/{c}" for c in g["casualties"]], where
        assert (None if pd.isna(row["fatalities"]) else int(row["fatalities"])) == g["fatalities"]
        for field in ("latitude", "longitude"):
            if field in g:
                if g[field] is None:
                    assert pd.isna(row[field]), (where, field)
                else:
                    assert row[field] == pytest.approx(g[field], abs=0.001), (where, field)
        actors = [] if pd.isna(row["actors"]) else row["actors"].split("; ")
        for actor in g.get("actors_include", []):
            assert actor in actors, (where, actor)
        assert row["text"] and row["event_id"].startswith(article_id + "/e")


def test_sample_leads(sample_events, events_gold):
    for article_id, gold in events_gold["leads"].items():
        lead = sample_events[
            (sample_events["article_id"] == article_id) & (sample_events["sentence"] == 0)
        ]
        if gold is None:
            assert lead.empty, article_id
            continue
        assert len(lead) == 1, article_id
        for field, value in gold.items():
            assert lead.iloc[0][field] == value, (article_id, field)


def test_sample_events_keep_evidence_and_source(sample_events, sample_tables):
    sentences = sample_tables["sentences"].set_index(["article_id", "index"])["text"]
    for row in sample_events.itertuples(index=False):
        assert row.text == " ".join(sentences[(row.article_id, row.sentence)].split())
    reuters = sample_events[sample_events["article_id"] == "000_65897b68137db2a4.txt#002"]
    assert set(reuters["source"]) == {"Reuters"}


def test_running_totals_are_never_linked(sample_events, sample_tables):
    cumulative = set(
        sample_tables["casualties"].loc[sample_tables["casualties"]["is_cumulative"], "casualty_id"]
    )
    linked = {c for ids in sample_events["casualty_ids"].dropna() for c in ids.split("; ")}
    assert cumulative and not cumulative & linked


# --------------------------------------------------------------------------- rules


REF = "2017-09-07"


def _dates(events):
    return [(e.sentence, e.date_start, e.date_end, e.precision, e.date_source) for e in events]


def test_a_dated_sentence_is_an_event():
    text = "Government troops recaptured the town of Palmyra on Thursday."
    (e,) = story_events("a#001", text, REF)
    assert (e.date_start, e.date_end, e.precision, e.date_text) == (
        "2017-09-07", "2017-09-07", "day", "Thursday",
    )  # fmt: skip
    assert (e.place, e.country, e.place_source) == ("Palmyra", "SYR", "sentence")
    assert e.latitude is not None and e.event_id == e.group_id == "a#001/e01"


def test_when_something_was_said_is_not_the_date_of_an_event():
    text = (
        "The war is in its seventh year. The Russian Defence Ministry on Wednesday said 29 military "
        "policemen had been surrounded. On Friday, it said in a statement it had fired "
        "missiles. The Syrian Observatory said on Thursday that the army had advanced. "
        "A survivor told Reuters last week that the camp was shelled. "
        "In a televised speech last month, Assad said there were signs of victory."
    )
    assert story_events("a#001", text, REF) == []


def test_a_date_before_a_verb_other_than_saying_dates_the_event():
    text = (
        "The war is in its seventh year. On Wednesday, army advances gained control of four villages, "
        "a military media unit reported. Turkish Prime Minister Binali Yildirim on Monday "
        "gave assurances that Ankara would not attack Manbij."
    )
    assert _dates(story_events("a#001", text, REF)) == [
        (1, "2017-09-06", "2017-09-06", "day", "sentence"),
        (2, "2017-09-04", "2017-09-04", "day", "sentence"),
    ]


def test_starts_and_ends_of_states_and_plans_are_not_events():
    text = (
        "The war is in its seventh year. Islamic State has held the city since 2014. "
        "The insurgency has left 20,000 people dead since it began in 2009. "
        "The station had reopened by Saturday morning. "
        "Talks are to take place next week. "
        "The siege lasted for three years."
    )
    assert story_events("a#001", text, REF) == []


def test_a_line_holding_only_a_date_is_not_an_event():
    text = "Steve Jobs resigns as Apple chief\n\nAugust 25, 2011\n\nJobs resigned on Wednesday."
    assert _dates(story_events("a#001", text, "2011-08-25")) == [
        (2, "2011-08-24", "2011-08-24", "day", "sentence"),
    ]


def test_a_range_is_one_span_at_the_coarser_precision():
    text = "The war is in its seventh year. Fighting raged in Raqqa from May to September 3."
    assert _dates(story_events("a#001", text, "2017-10-01")) == [
        (1, "2017-05-01", "2017-09-03", "month", "sentence"),
    ]


def test_the_most_precise_date_of_a_sentence_wins():
    text = (
        "The war is in its seventh year. In the fifth attack in Britain this year, a bomb exploded "
        "on a train in London during the Friday morning rush hour."
    )
    (e,) = story_events("a#001", text, "2017-09-16")
    assert (e.date_start, e.precision, e.date_text, e.place) == (
        "2017-09-15", "day", "Friday morning", "London",
    )  # fmt: skip


def test_seasons_weeks_and_years_have_their_spans():
    text = (
        "The war is in its seventh year. Attacks rose across Britain this summer. "
        "Troops reached Deir al-Zor last week. The deal was signed in 2014."
    )
    assert _dates(story_events("a#001", text, "2017-09-12")) == [
        (1, "2017-06-01", "2017-08-31", "season", "sentence"),
        (2, "2017-09-04", "2017-09-10", "week", "sentence"),
        (3, "2014-01-01", "2014-12-31", "year", "sentence"),
    ]


@pytest.mark.parametrize(
    ("lead", "dated"),
    [
        (
            "Hezbollah has declared victory in the Syrian war, a newspaper reported on Tuesday.",
            True,
        ),
        ("Militants stormed a police station in Maiduguri, killing two officers.", True),
        ("Two soldiers were killed in an ambush near Gao, the army said.", True),
        ("The army has not yet reached the besieged airbase, a monitor said.", False),
        (
            "Australia will send troops to help Philippine forces, the minister said on Friday.",
            False,
        ),
        ("Syrian troops are fighting to secure a corridor into the city.", False),
        ("Boko Haram has killed 381 civilians since April, Amnesty said on Tuesday.", False),
        ("The ministry said 29 policemen had been surrounded by jihadis.", True),
    ],
)
def test_the_lead_takes_the_reference_date_only_when_its_tense_says_so(lead, dated):
    events = story_events("a#001", lead + " Residents fled.", "2017-09-12")
    leads = [e for e in events if e.sentence == 0]
    if dated:
        assert _dates(leads) == [(0, "2017-09-12", "2017-09-12", "reference", "reference")]
    else:
        assert leads == []
    assert all(e.sentence == 0 for e in events)  # "Residents fled." has no date of its own


def test_without_a_reference_date_only_absolute_dates_are_events():
    text = "Troops advanced on Friday. The town fell on September 3, 2017. Officials fled."
    assert _dates(story_events("a#001", text, None)) == [
        (1, "2017-09-03", "2017-09-03", "day", "sentence"),
    ]


def test_sentence_tense():
    assert sentence_tense("The U.S.-backed militias advanced.") == "past"
    assert sentence_tense("The ministry had said.") == "past_perfect"
    assert sentence_tense("Talks are to take place.") == "future"
    assert sentence_tense("“We will respond,” the commander said") == "past"  # quote skipped
    assert sentence_tense("“We will respond,” the commander") is None
    assert sentence_tense("") is None


def test_place_prefers_a_locative_specific_place_then_the_dateline():
    text = (
        "The war is in its seventh year. A Russian submarine fired missiles at targets in Syria's Idlib "
        "province on Friday. Troops clashed with militants on Saturday."
    )
    a, b = story_events(
        "a#001", text, "2017-09-23", dateline_place="Moscow", dateline_country="RUS"
    )
    assert (a.place, a.country, a.place_source) == ("Idlib", "SYR", "sentence")
    assert (b.place, b.country, b.place_source) == ("Moscow", "RUS", "dateline")
    assert (b.latitude, b.longitude) == pytest.approx((55.752, 37.616), abs=0.01)


def test_an_unknown_place_has_no_coordinates():
    text = "The war is in its seventh year. Troops retook the Al-Sumood neighborhood on Sunday."
    events = story_events("a#001", text, "2017-03-06")
    assert [(e.latitude, e.longitude) for e in events] == [(None, None)]
    assert locate_place("Sultan Omar Dianalan Boulevard") is None
    assert locate_place("Dover", "USA")[2] == "USA" and locate_place("Dover")[2] == "GBR"


def test_casualties_of_the_sentence_are_linked_and_summed():
    text = (
        "The war is in its seventh year. Gunmen killed 40 people and kidnapped three others in Borno on "
        "Tuesday. A suicide bomber killed 16 people, including 5 children, in Waza in July. "
        "Boko Haram has killed 223 civilians since April. "
        "Police arrested a man in Dover on Saturday in the hunt for the bombers behind an "
        "attack that injured 30 people a day earlier."
    )
    events = story_events("a#001", text, "2017-09-16")
    by_sentence = {e.sentence: e for e in events}
    assert sorted(by_sentence) == [1, 2, 4]
    assert by_sentence[1].fatalities == 40
    assert len(by_sentence[1].casualty_ids.split("; ")) == 2  # killed and kidnapped
    assert by_sentence[2].fatalities == 16  # the 5 children are a subset, not added
    assert by_sentence[4].fatalities is None  # the injured of a day earlier are another event
    assert by_sentence[4].casualty_ids.count("a#001/c") == 1


def test_events_are_a_pure_function_of_the_article():
    text = "The war is in its seventh year. Government troops recaptured Palmyra on Thursday."
    first = story_events("a#001", text, REF)
    story_events("b#001", "Militants attacked Mosul on Tuesday, killing 5 people.", REF)
    assert story_events("a#001", text, REF) == first
    assert find_article_events("a#001", "", [], [], []) == []


# --------------------------------------------------------------------------- grouping

REUTERS = (
    "Syrian government forces on Tuesday broke an Islamic State siege of Deir al-Zor, "
    "the army said. Tanks pressed toward the enclave."
)
AFP = (
    "Syrian government forces broke through Islamic State lines into Deir al-Zor on "
    "Tuesday, state media reported. Residents celebrated."
)
OTHER = "Islamic State fighters attacked Raqqa on Tuesday, a monitor said."


def _three_stories() -> list[Event]:
    return [
        *story_events("reuters#001", REUTERS, "2017-09-06", source="Reuters"),
        *story_events("afp#001", AFP, "2017-09-06", source="AFP"),
        *story_events("other#001", OTHER, "2017-09-06", source="Reuters"),
        *story_events("reuters#002", REUTERS, "2017-09-13", source="Reuters"),
    ]


def test_a_story_told_by_two_agencies_is_one_group():
    events = group_events(_three_stories())
    groups = {e.event_id: e.group_id for e in events}
    assert groups["reuters#001/e01"] == groups["afp#001/e01"] == "afp#001/e01"
    assert groups["other#001/e01"] == "other#001/e01"  # another place
    assert groups["reuters#002/e01"] == "reuters#002/e01"  # another Tuesday


def test_grouping_does_not_depend_on_order():
    events = _three_stories()
    expected = {e.event_id: e.group_id for e in group_events(events)}
    for seed in range(20):
        shuffled = events[:]
        random.Random(seed).shuffle(shuffled)
        assert {e.event_id: e.group_id for e in group_events(shuffled)} == expected
    for order in itertools.permutations(events):
        assert {e.event_id: e.group_id for e in group_events(order)} == expected


def test_coarse_events_and_events_without_shared_actors_stay_apart():
    base = Event("a#1", 0, "2017-07-01", "2017-07-31", "month", "sentence", "Boko Haram",
                 "Nigeria", None, None, "NGA", None, None, "x", event_id="a#1/e01")  # fmt: skip
    twin = base._replace(article_id="b#1", event_id="b#1/e01")
    day = base._replace(date_start="2017-07-02", date_end="2017-07-02", precision="day")
    other = day._replace(actors="Nigerian military", event_id="c#1/e01")
    same = day._replace(actors="Boko Haram; civilians", event_id="d#1/e01")
    groups = [e.group_id for e in group_events([base, twin, day, other, same])]
    assert groups == ["a#1/e01", "b#1/e01", "a#1/e01", "c#1/e01", "a#1/e01"]
    assert group_events([]) == []


# --------------------------------------------------------------------------- exports


def _frame(rows: list[dict]) -> pd.DataFrame:
    base = {
        "article_id": "a#1", "sentence": 0, "date_end": None, "precision": "day",
        "date_source": "sentence", "date_text": None, "actors": None, "place": None,
        "place_source": "sentence", "latitude": None, "longitude": None, "country": None,
        "casualty_ids": None, "fatalities": None, "source": "Reuters", "text": "",
    }  # fmt: skip
    full = []
    for row in rows:
        merged = {**base, **row}
        merged["date_end"] = merged["date_end"] or merged["date_start"]
        merged.setdefault("group_id", merged["event_id"])
        full.append(merged)
    return events_frame(Event(**r) for r in full)


INLINE = [
    {"event_id": "r#1/e01", "group_id": "a#1/e01", "date_start": "2017-09-05",
     "actors": "Syrian military; Islamic State; Syrian Observatory for Human Rights",
     "place": "Deir al-Zor", "latitude": 35.336, "longitude": 40.141, "country": "SYR",
     "fatalities": 12, "source": "Reuters",
     "text": "Syrian troops broke the siege & killed 12 <b>militants</b> on Tuesday."},
    {"event_id": "a#1/e01", "date_start": "2017-09-05", "actors": "Islamic State; Syrian military",
     "place": "Deir al-Zor", "latitude": 35.336, "longitude": 40.141, "country": "SYR",
     "fatalities": 10, "source": "AFP", "text": "The army broke the IS siege, killing 10."},
    {"event_id": "b#1/e01", "date_start": "2017-07-01", "date_end": "2017-07-31",
     "precision": "month", "actors": "civilians; Boko Haram", "place": "Waza",
     "country": "CMR", "fatalities": 16, "source": "Reuters",
     "text": "Bombers killed 16 people in Waza in July."},
    {"event_id": "c#1/e01", "date_start": "2014-01-01", "date_end": "2014-12-31",
     "precision": "year", "actors": "government", "place": "Mindanao", "country": "PHL",
     "text": "The government signed an agreement in 2014."},
    {"event_id": "d#1/e01", "date_start": "2017-09-22", "actors": "Russian military",
     "place": "Idlib", "latitude": 35.931, "longitude": 36.634, "country": "SYR",
     "source": "Reuters", "text": "A Russian submarine fired missiles at Idlib for $5 million."},
]  # fmt: skip
ACTORS = pd.DataFrame(
    [
        {"actor": "Syrian military", "entity_type": "ORGANIZATION", "sector": "MIL", "country": "SYR"},
        {"actor": "Russian military", "entity_type": "ORGANIZATION", "sector": "MIL", "country": "RUS"},
        {"actor": "Islamic State", "entity_type": "ORGANIZATION", "sector": "REB", "country": ""},
        {"actor": "Syrian Observatory for Human Rights", "entity_type": "ORGANIZATION",
         "sector": "NGO", "country": "GBR"},
        {"actor": "Boko Haram", "entity_type": "ORGANIZATION", "sector": "REB", "country": "NGA"},
        {"actor": "civilians", "entity_type": "GROUP", "sector": "CVL", "country": ""},
        {"actor": "government", "entity_type": "GROUP", "sector": "GOV", "country": ""},
    ]
)  # fmt: skip


def test_acled_export_has_one_row_per_group_in_acled_layout(tmp_path):
    acled = acled_events(_frame(INLINE), actors=ACTORS)
    assert list(acled.columns) == list(ACLED_COLUMNS)
    assert acled["event_date"].tolist() == ["2017-07-01", "2017-09-05", "2017-09-22"]  # no year
    siege = acled.iloc[1]
    # the group's first report names Islamic State first; the monitor (NGO) is no party
    assert (siege["actor1"], int(siege["inter1"]), siege["actor2"], int(siege["inter2"])) == (
        "Islamic State", 2, "Syrian military", 1,
    )  # fmt: skip
    assert (siege["country"], siege["location"], int(siege["fatalities"])) == (
        "Syria", "Deir al-Zor", 10,  # the conservative figure of the two reports
    )  # fmt: skip
    assert siege["source"] == "AFP; Reuters"
    assert siege["notes"] == (
        "The army broke the IS siege, killing 10. | "
        "Syrian troops broke the siege &amp; killed 12 &lt;b&gt;militants&lt;/b&gt; on Tuesday."
    )
    waza = acled.iloc[0]
    assert (waza["actor1"], int(waza["inter1"]), waza["actor2"], int(waza["inter2"])) == (
        "Boko Haram", 2, "civilians", 7,
    )  # fmt: skip
    idlib = acled.iloc[2]
    assert (int(idlib["inter1"]), int(idlib["inter2"]), int(idlib["fatalities"])) == (8, 0, 0)
    assert pd.isna(idlib["actor2"])  # Russian forces in Syria are external forces; no actor2
    path = write_acled_csv(acled, tmp_path / "events_acled.csv")
    again = pd.read_csv(path)
    assert again.columns.tolist() == list(ACLED_COLUMNS) and len(again) == 3
    plain = acled_events(_frame(INLINE), actors=ACTORS, escape=False)
    assert "<b>militants</b>" in plain.iloc[1]["notes"]
    years = acled_events(_frame(INLINE), precisions=("year",))
    assert years["event_date"].tolist() == ["2014-01-01"] and pd.isna(years.iloc[0]["inter1"])


def test_acled_export_of_no_events_is_an_empty_table():
    empty = acled_events(events_frame([]))
    assert empty.empty and list(empty.columns) == list(ACLED_COLUMNS)


def test_timelinejs_export(tmp_path):
    data = timelinejs_events(_frame(INLINE), title="Sample <timeline>")
    assert data["title"]["text"]["headline"] == "Sample &lt;timeline&gt;"
    slides = {s["unique_id"]: s for s in data["events"]}
    assert set(slides) == {"a-1-e01", "b-1-e01", "c-1-e01", "d-1-e01"}
    siege = slides["a-1-e01"]
    assert siege["start_date"] == {"year": "2017", "month": "9", "day": "5"}
    assert "end_date" not in siege and siege["group"] == "Syria"
    assert siege["text"]["headline"] == (
        "Deir al-Zor: Islamic State; Syrian military; Syrian Observatory for Human Rights"
    )
    text = siege["text"]["text"]
    assert "&lt;b&gt;militants&lt;/b&gt;" in text and "<b>" not in text
    assert "<p>Fatalities: 10</p>" in text and "<p>Source: AFP; Reuters</p>" in text
    assert slides["b-1-e01"]["start_date"] == {"year": "2017", "month": "7"}
    assert slides["c-1-e01"]["start_date"] == {"year": "2014"}
    path = write_timelinejs_json(data, tmp_path / "timeline.json")
    assert json.loads(path.read_text(encoding="utf-8")) == data
    assert timelinejs_events(events_frame([])) == {"events": []}


def test_a_week_spans_several_days_in_timelinejs():
    week = _frame([{"event_id": "w#1/e01", "date_start": "2017-09-04", "date_end": "2017-09-10",
                    "precision": "week", "text": "Forces reached the city last week."}])  # fmt: skip
    (slide,) = timelinejs_events(week)["events"]
    assert slide["end_date"] == {"year": "2017", "month": "9", "day": "10"}


# --------------------------------------------------------------------------- tables


def test_filter_events_by_dates_actors_and_precision():
    frame = _frame(INLINE)
    assert filter_events(frame, date_from="2017-09", date_to="2017-09-21")["event_id"].tolist() == [
        "r#1/e01", "a#1/e01",
    ]  # fmt: skip
    assert filter_events(frame, actors=["Boko Haram"])["event_id"].tolist() == ["b#1/e01"]
    assert len(filter_events(frame, precisions=["year"])) == 1
    assert len(filter_events(frame)) == 5
    with pytest.raises(ValueError, match="date_from"):
        filter_events(frame, date_from="Sept 2017")
    with pytest.raises(ValueError, match="precision"):
        filter_events(frame, precisions=["hour"])


def test_count_event_actors_counts_groups_and_can_leave_generic_agents_out():
    counts = count_event_actors(_frame(INLINE), actors=ACTORS)
    assert counts["actor"].tolist() == [
        "Boko Haram", "Islamic State", "Russian military",
        "Syrian Observatory for Human Rights", "Syrian military",
    ]  # fmt: skip
    assert counts["events"].tolist() == [1] * 5  # two reports of the siege count once
    assert counts.iloc[1].to_dict() == {
        "actor": "Islamic State", "events": 1, "entity_type": "ORGANIZATION", "sector": "REB",
    }  # fmt: skip
    assert "civilians" in set(count_event_actors(_frame(INLINE), named_only=False)["actor"])


def test_casualties_per_period_from_events_only():
    frame = _frame(INLINE)
    monthly = casualties_per_period(frame, granularity="month")
    assert monthly[["period", "fatalities", "cumulative"]].to_dict("records") == [
        {"period": "2017-07", "fatalities": 16, "cumulative": 16},
        {"period": "2017-08", "fatalities": 0, "cumulative": 16},
        {"period": "2017-09", "fatalities": 10, "cumulative": 26},
    ]
    weekly = casualties_per_period(frame, granularity="week")
    assert weekly["period"].tolist() == ["2017-W36"] and weekly.attrs["skipped"] == 1
    assert casualties_per_period(events_frame([])).empty
    with pytest.raises(ValueError, match="granularity"):
        casualties_per_period(frame, granularity="day")


# --------------------------------------------------------------------------- plots


def test_timeline_plots_draw_data_and_cope_with_nothing():
    from analysis_lib import plots

    frame = _frame(INLINE)
    lanes = plots.plot_event_swimlane(frame, actors=["Islamic State", "Boko Haram"])
    labels = [t.get_text() for t in lanes.axes[0].get_yticklabels()]
    assert labels[::-1] == ["Islamic State", "Boko Haram"]  # lanes from the top
    bars = plots.plot_casualties_per_period(casualties_per_period(frame), granularity="month")
    assert len(bars.axes) == 2  # bars and the cumulative line's axis
    world = plots.plot_event_map(frame)
    texts = [t.get_text() for t in world.axes[0].texts]
    assert "Deir al-Zor" in texts and "Idlib" in texts
    assert len(world.axes[0].collections) >= 2  # outlines and points
    dollars = _frame([{**INLINE[4], "actors": "$ Gang", "place": "Idlib"}])
    lane = plots.plot_event_swimlane(dollars, top_n=3)
    assert [t.get_text() for t in lane.axes[0].get_yticklabels()] == [r"\$ Gang"]
    for fig in (
        plots.plot_event_swimlane(events_frame([])),
        plots.plot_casualties_per_period(casualties_per_period(events_frame([]))),
        plots.plot_event_map(events_frame([])),
    ):
        assert "no " in fig.axes[0].texts[0].get_text().lower()
