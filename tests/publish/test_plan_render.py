"""The plan's change in words: the sentence a reviewer reads first, in English and in French."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from podium.plugins.calendar.model import Share
from podium.plugins.calendar.plandiff import BLOCKED, LATER, OUT, PlanDiff, PostChange, PostState, ShareChange
from podium.publish import plan_render

PARIS = ZoneInfo("Europe/Paris")
TUESDAY = datetime(2026, 12, 8, 8, 0, tzinfo=PARIS)


def moved(n: int) -> tuple[ShareChange, ...]:
    s = lambda hour: Share(
        slug="a", network="x", number=1, time=TUESDAY.replace(hour=hour), variant=None, text="", url=""
    )
    return tuple(ShareChange(f"a/x/{i}", s(8), s(9)) for i in range(n))


RELEASED = PostChange(
    "a",
    "A",
    PostState("a", "A", BLOCKED, reason="calendar status is draft, not approved"),
    PostState("a", "A", LATER, TUESDAY),
)


def test_the_example_of_the_issue():
    d = PlanDiff(moved=moved(3), released=(RELEASED,))
    assert (
        plan_render.sentence(d, PARIS)
        == "This change moves 3 shares and releases one post on Tuesday 2026-12-08 08:00."
    )


def test_one_clause_many_clauses_and_none():
    out = PostChange("b", "B", None, PostState("b", "B", OUT, TUESDAY))
    assert plan_render.sentence(PlanDiff(moved=moved(1)), PARIS) == "This change moves one share."
    assert plan_render.sentence(
        PlanDiff(released=(out, RELEASED), withheld=(RELEASED,), unplaced=("c/x/1", "c/x/2")), PARIS
    ) == ("This change releases 2 posts, the first now, withholds one post and leaves 2 shares without a slot.")
    assert not PlanDiff()
    assert plan_render.sentence(PlanDiff(), PARIS).startswith("This change leaves the plan as it was")


def test_in_french(monkeypatch):
    monkeypatch.setenv("PODIUM_UI_LANG", "fr")
    d = PlanDiff(moved=moved(3), released=(RELEASED,))
    assert (
        plan_render.sentence(d, PARIS)
        == "Ce changement déplace 3 partages et publie 1 billet le mardi 2026-12-08 08:00."
    )
    text = plan_render.text(d, PARIS, "main (abc1234)", TUESDAY)
    assert text.splitlines()[:5] == [
        "Plan au 2026-12-08 08:00 (Europe/Paris), main (abc1234) → l'arbre de travail\u00a0:",
        "Ce changement déplace 3 partages et publie 1 billet le mardi 2026-12-08 08:00.",
        "",
        "Billets publiés\u00a0:",
        "  a\u00a0: sort mardi 2026-12-08 08:00 (retenu jusqu'ici\u00a0: calendar status is draft, not approved)",
    ]


def test_markdown_keeps_reasons_as_plain_text():
    held = PostChange(
        "a_b",
        "A",
        PostState("a_b", "A", OUT, TUESDAY),
        PostState("a_b", "A", BLOCKED, reason="held by the quiet period '*Results* <Q4>'"),
    )
    lines = plan_render.markdown(PlanDiff(withheld=(held,)), PARIS, "main (abc1234)", TUESDAY).splitlines()
    assert lines[-1] == "- a\\_b: withheld, held by the quiet period '\\*Results\\* \\<Q4\\>' (was out)"
