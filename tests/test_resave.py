"""The page order a build that planned every page saves (generator.speed.resave): pages
both builds make keep their numbers, new ones fit between their neighbours, and an order
that moved is refused (the whole state is then saved anew)."""

from __future__ import annotations

from generator.speed.resave import ordinals


def test_pages_kept_keep_their_numbers_and_a_new_one_fits_between() -> None:
    before = {"index.html": 0, "b/index.html": 1, "c/index.html": 2}
    order = ["index.html", "a/index.html", "b/index.html", "c/index.html"]
    assert ordinals(order, before) == {**before, "a/index.html": 0.5}


def test_new_pages_at_either_end_are_numbered_beyond_the_others() -> None:
    got = ordinals(["new-1", "new-2", "kept", "new-3"], {"kept": 5, "gone": 6})
    assert got == {"new-1": 3, "new-2": 4, "kept": 5, "new-3": 6}


def test_a_page_deleted_leaves_the_others_as_they_were() -> None:
    assert ordinals(["a", "c"], {"a": 0, "b": 1, "c": 2}) == {"a": 0, "c": 2}


def test_pages_in_another_order_are_refused() -> None:
    assert ordinals(["b", "a"], {"a": 0, "b": 1}) is None


def test_a_new_page_at_the_same_place_each_time_is_numbered_until_none_fits() -> None:
    """The newest story's page goes after the home page at each build: halving the gap
    there goes on for a thousand builds, then the order is saved anew."""
    before: dict[str, int | float] = {"index.html": 0, "old": 1}
    for n in range(2000):
        order = ["index.html", f"new-{n}", *sorted(before, key=before.__getitem__)[1:]]
        got = ordinals(order, before)
        if got is None:
            break
        assert sorted(got, key=got.__getitem__) == order
        before = got
    assert 1000 < n < 2000
