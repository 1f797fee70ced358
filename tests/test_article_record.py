"""An article kept in the build cache comes back whole: every field of model.Article
survives the record a rebuild reads instead of the file (generator.speed.records), so a
rebuild publishes what a clean build does. A field added to Article and not to the record
fails here (the record is written field by field, for speed)."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from generator.model import Article, Author, Correction, Country, Image, Picture, Tag
from generator.speed.cache import BadEntry
from generator.speed.records import Shared, article_record, parsed
from generator.speed.store import dumps

KOLKATA = ZoneInfo("Asia/Kolkata")
PHOTO = Picture(400, 300, "PNG", 80)

# Every field of Article, none at its default (the Markdown body apart: the record leaves
# it out and the article's file gives it back).
EVERY_FIELD: dict[str, Any] = {
    "source": "2025/06/harbour.md",
    "slug": "harbour-reopens",
    "title": "Harbour reopens",
    "date": datetime(2025, 6, 25, 9, 30, tzinfo=KOLKATA),
    "updated": datetime(2025, 6, 26, 8, 0, tzinfo=timezone(timedelta(hours=5, minutes=30))),
    "country": Country("IN", "India"),
    "authors": ("Asha Rao", "Desk"),
    "image_credit": "Photo: Port Trust",
    "sources": ("Port Trust", "Reuters"),
    "tags": (Tag("ports", "Ports"), Tag("weather", "Weather")),
    "summary": "The harbour reopened after the storm.",
    "image": Image("media/harbour.png", "The harbour", "At dawn", PHOTO, 400, 300, (0.3, 0.6)),
    "body": "",
    "body_line": 14,
    "guid": "tag:example.org,2025:2025-06-25/harbour-reopens",
    "draft": True,
    "body_html": "<p>The harbour reopened.</p>",
    "date_has_time": False,
    "updated_has_time": False,
    "corrections": (Correction(datetime(2025, 6, 27, 10, 0, tzinfo=KOLKATA), "Fixed.", False),),
    "aliases": ("2025/06/24/harbour/",),
    "aliases_line": 9,
    "featured": True,
    "translation_key": "harbour",
    "language": "pt-BR",
    "lines": (("slug", 3), ("tag:ports", 7)),
    "bylines": (
        Author(
            "asha",
            "Asha Rao",
            "Reports on ports.",
            "https://asha.example/",
            "@asha@example.social",
            "asha.png",
            PHOTO,
            "Organization",
            "people",
            "https://example.social/@asha",
        ),
    ),
}


def test_every_field_of_an_article_is_listed_here_and_none_at_its_default() -> None:
    declared = {f.name: f for f in dataclasses.fields(Article)}
    assert sorted(EVERY_FIELD) == sorted(declared)  # a new field: give it a value above
    at_default = [
        name
        for name, f in declared.items()
        if f.default is not dataclasses.MISSING and EVERY_FIELD[name] == f.default
    ]
    assert at_default == []


def test_an_article_with_every_field_set_comes_back_equal_from_its_record() -> None:
    article = Article(**EVERY_FIELD)
    decoded = Shared().article(parsed(dumps(article_record(article))))
    for name in EVERY_FIELD:
        assert getattr(decoded, name) == getattr(article, name), name
    assert decoded == article
    assert decoded.date.tzinfo is KOLKATA and decoded.updated == article.updated


def test_a_record_whose_topic_or_field_line_is_cut_short_is_refused_not_misread() -> None:
    """A damaged record (a topic without its name, a field's line without its name) is a
    BadEntry, which the cache reads as a miss (the file read again), never an Article."""
    record = parsed(dumps(article_record(Article(**EVERY_FIELD))))
    no_name = [*record[:9], [*record[9][:-1], record[9][-1][:1]], *record[10:]]
    cut_line = [*record[:24], record[24][:-1], *record[25:]]
    for damaged in (no_name, cut_line):
        with pytest.raises(BadEntry):
            Shared().article(damaged)
