"""An article kept in the build cache comes back whole: every field of model.Article
survives the record a rebuild reads instead of the file (generator.speed.records), so a
rebuild publishes what a clean build does. A field added to Article and not to the record
fails here (the record is written field by field, for speed)."""

from __future__ import annotations

import dataclasses
import pickle
from datetime import datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from generator.model import (
    Article,
    Author,
    Correction,
    Country,
    Image,
    Picture,
    Tag,
    with_values,
)
from generator.speed.cache import BadEntry
from generator.speed.deps import Recorder
from generator.speed.fingerprint import Fingerprinter
from generator.speed.records import (
    TAIL,
    LazyArticle,
    Shared,
    article_record,
    article_tail,
    head_of,
    parsed,
    record_text,
)
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


def _decoded(article: Article, shared: Shared | None = None) -> Article:
    head, tail = head_of(record_text({"a": article_record(article)}, article_tail(article)))
    return (shared or Shared()).article(head["a"], tail)


def test_an_article_with_every_field_set_comes_back_equal_from_its_record() -> None:
    article = Article(**EVERY_FIELD)
    decoded = _decoded(article)
    for name in EVERY_FIELD:
        assert getattr(decoded, name) == getattr(article, name), name
    assert decoded == article
    assert decoded.date.tzinfo is KOLKATA and decoded.updated == article.updated


def test_a_stored_article_decodes_its_tail_once_on_first_use_and_keeps_it_through_changes() -> None:
    """The tail (`TAIL`: the title, GUID...) stays JSON until a field of it is read; an
    Article made from the stored one with other head values (a summary, a body) keeps it
    undecoded; each record whose tail was decoded is counted once (`completed`, which a
    rebuild's summary shows)."""
    article, shared = Article(**EVERY_FIELD), Shared()
    decoded = _decoded(article, shared)
    assert isinstance(decoded, LazyArticle) and shared.completed == 0
    assert decoded.summary == article.summary and decoded.sort_key == article.sort_key
    changed = with_values(decoded, summary="Another summary.", body="The body.")
    assert isinstance(changed, LazyArticle) and shared.completed == 0
    assert changed.title == article.title and shared.completed == 1
    assert changed == with_values(article, summary="Another summary.", body="The body.")
    assert decoded.guid == article.guid and shared.completed == 2
    assert [getattr(decoded, name) for name in TAIL] == [getattr(article, name) for name in TAIL]
    assert shared.completed == 2
    renamed = with_values(_decoded(article, shared), title="Retitled")  # a tail field
    assert renamed == with_values(article, title="Retitled") and shared.completed == 3
    pickled = pickle.loads(pickle.dumps(_decoded(article)))
    assert pickled == article and pickled.title == article.title
    with pytest.raises(AttributeError):
        _ = decoded.no_such_field  # type: ignore[attr-defined]


def test_a_stored_article_fingerprints_as_the_article_it_stands_for() -> None:
    """A page's fingerprint (generator.speed.fingerprint) is the same whether its story
    came from its file or from its record, tail decoded or not."""
    article = Article(**EVERY_FIELD)
    assert Fingerprinter().of(_decoded(article)) == Fingerprinter().of(article)
    assert Recorder().reads(("page", _decoded(article))) == Recorder().reads(("page", article))


def test_a_record_whose_topic_or_field_line_is_cut_short_is_refused_not_misread() -> None:
    """A damaged record (a topic without its name, a field's line without its name) is a
    BadEntry, which the cache reads as a miss (the file read again), never an Article."""
    record = parsed(dumps(article_record(Article(**EVERY_FIELD))))
    tail = dumps(article_tail(Article(**EVERY_FIELD)))
    no_name = [*record[:6], [*record[6][:-1], record[6][-1][:1]], *record[7:]]
    cut_line = [*record[:17], record[17][:-1], *record[18:]]
    for damaged in (no_name, cut_line):
        with pytest.raises(BadEntry):
            Shared().article(damaged, tail)


def test_a_record_without_its_tail_is_refused() -> None:
    text = record_text({"a": article_record(Article(**EVERY_FIELD))}, [])
    for damaged in (text[: text.rindex("[")], text + " {}", text[:-1]):
        with pytest.raises(ValueError):
            head_of(damaged)
