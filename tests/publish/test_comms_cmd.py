"""`podium comms [-o DIR]`: the comms room alone, from a real build whose site is thrown away."""

from __future__ import annotations

from podium.publish.cli import main
from tests.plugins.comms.test_board_build import FILES, NOW


def every_file(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_comms_writes_the_room_into_the_folder_given_and_no_site(make_site, capsys, tmp_path):
    site = make_site(FILES)
    room = tmp_path / "for-legal"
    assert main(["comms", "-C", str(site), "-o", str(room), "--now", NOW]) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == [
        f"Wrote the comms room (private, never published) into {room}",
        f"Open {room / 'index.html'}",
    ]
    names = every_file(room)
    assert {"index.html", "calendar.html", "review/review.html", "data/schedule.ics"} <= set(names)
    assert "SECRET review" in (room / "index.html").read_text(encoding="utf-8")
    assert not (site / "output").exists() and not (site / "comms").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no scratch folder left beside it


def test_comms_goes_to_podium_comms_path_by_default(make_site, capsys):
    site = make_site(FILES, {"PODIUM_COMMS_PATH": "private/room"})
    assert main(["comms", "-C", str(site), "--now", NOW]) == 0
    assert (site / "private" / "room" / "index.html").is_file()
    assert not (site / "output").exists()


def test_a_calendar_with_an_error_exits_2_and_leaves_the_room_as_it_was(make_site, capsys):
    site = make_site(
        {**FILES, "content/calendar.yaml": FILES["content/calendar.yaml"].replace("in_review", "in-review")}
    )
    (site / "comms").mkdir()
    (site / "comms" / "index.html").write_text("the last good room", encoding="utf-8")
    assert main(["comms", "-C", str(site), "--now", NOW]) == 2
    err = capsys.readouterr().err
    assert "content/calendar.yaml:" in err and "in-review" in err
    assert every_file(site / "comms") == ["index.html"]
    assert (site / "comms" / "index.html").read_text(encoding="utf-8") == "the last good room"
    assert [p.name for p in site.iterdir() if p.name.startswith(".comms")] == []


def test_a_folder_inside_the_sites_output_is_refused_before_anything_is_built(make_site, capsys):
    site = make_site(FILES)
    assert main(["comms", "-C", str(site), "-o", str(site / "output" / "comms"), "--now", NOW]) == 2
    assert capsys.readouterr().err == (
        "podium: the comms folder output/comms and the site's output output share a folder, so the comms room would "
        "be published with the site; keep it outside, e.g. PODIUM_COMMS_PATH = 'comms'\n"
    )
    assert not (site / "output").exists()
