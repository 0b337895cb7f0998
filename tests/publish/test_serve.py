"""podium serve: a real server on loopback that rebuilds when a post changes."""

import os
import socket
import subprocess
import sys
import time
import urllib.request

from tests.conftest import post


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:
            return resp.read().decode("utf-8")
    except OSError:
        return None


def wait_for(predicate, seconds: float = 60.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    return None


def test_serve_previews_drafts_and_rebuilds_on_change(make_site):
    site = make_site(
        {
            "content/posts/a.md": post("Premier titre", slug="a", body="Texte public."),
            "content/posts/d.md": post("Brouillon visible", slug="d", status="draft", body="Texte du brouillon."),
        }
    )
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "podium.publish.cli", "serve", "--port", str(port)],
        cwd=site,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        page = wait_for(lambda: fetch(f"{base}/a.html"))
        assert page and "Premier titre" in page
        draft = wait_for(lambda: fetch(f"{base}/drafts/d.html"))
        assert draft and "Texte du brouillon." in draft
        (site / "content/posts/a.md").write_text(
            post("Titre corrigé", slug="a", body="Texte public."), encoding="utf-8"
        )
        assert wait_for(lambda: "Titre corrigé" in (fetch(f"{base}/a.html") or ""))
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_once_exits_2_on_bad_content(make_site):
    site = make_site({"content/posts/a.md": post("A", slug="a", lang="de")})
    res = subprocess.run(
        [sys.executable, "-m", "podium.publish.cli", "serve", "--once"],
        cwd=site,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert res.returncode == 2
    assert "content/posts/a.md:4: unknown language 'de'" in res.stderr


def _serve(site, port):
    return subprocess.Popen(
        [sys.executable, "-m", "podium.publish.cli", "serve", "--port", str(port)],
        cwd=site,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _lines_until(proc, marker: str) -> list[str]:
    lines = []
    for line in proc.stdout:
        lines.append(line.rstrip("\n"))
        if line.startswith(marker):
            return lines
    return lines


def test_serve_lists_the_leaders_drafts_with_a_banner_and_prints_their_address(make_site):
    site = make_site(
        {
            "content/posts/a.md": post("Premier titre", slug="a", body="Texte public."),
            "content/posts/d.md": post("Brouillon visible", slug="d", status="draft", body="Texte du brouillon."),
        }
    )
    port = free_port()
    proc = _serve(site, port)
    try:
        lines = _lines_until(proc, "Preview at")
        assert f"  draft: http://127.0.0.1:{port}/drafts/d.html" in lines
        assert lines[-1] == f"Preview at http://127.0.0.1:{port}/ (Ctrl-C to stop)"
        home = fetch(f"http://127.0.0.1:{port}/index.html")
        drafts = home.split('<section class="preview-drafts"', 1)[1].split("</section>", 1)[0]
        plain = drafts.replace("\u00a0", " ").replace("\u202f", " ")
        assert "Vos brouillons" in plain and "Aperçu seulement : ces brouillons ne sont pas publiés" in plain
        assert 'href="https://blog.test/drafts/d.html"' in drafts
        assert "Brouillon visible" in drafts and "Premier titre" not in drafts
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_a_build_beside_serve_never_leaves_the_preview_serving_404(make_site):
    site = make_site({"content/posts/a.md": post("Premier titre", slug="a", body="Texte public.")})
    port = free_port()
    proc = _serve(site, port)
    try:
        _lines_until(proc, "Preview at")
        url = f"http://127.0.0.1:{port}/a.html"
        assert "Premier titre" in fetch(url)
        built = subprocess.run(
            [sys.executable, "-m", "podium.publish.cli", "build"], cwd=site, capture_output=True, text=True, timeout=180
        )
        assert built.returncode == 0, built.stderr
        assert (site / "output/a.html").exists()
        assert "Premier titre" in (fetch(url) or "")  # the preview lives beside output/, which the build replaced
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_a_saved_post_is_previewed_first_and_its_open_page_is_told_to_reload(make_site):
    site = make_site(
        {
            "content/posts/a.md": post("Premier titre", slug="a", body="Texte public."),
            "content/posts/b.md": post("Autre billet", slug="b", date="2026-01-11 09:00", body="Autre texte."),
            "content/posts/c.md": post("Loin du premier", slug="c", date="2026-01-12 09:00", body="Encore un texte."),
        }
    )
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "podium.publish.cli", "serve", "--port", str(port)],
        cwd=site,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        page = wait_for(lambda: fetch(f"{base}/a.html"))
        assert '<script src="/__podium/reload.js" defer></script>' in page
        assert "location.reload()" in fetch(f"{base}/__podium/reload.js")
        first = fetch(f"{base}/__podium/version?page=/a.html")
        other = fetch(f"{base}/__podium/version?page=/c.html")
        assert first.isdigit() and other.isdigit()
        assert fetch(f"{base}/__podium/version?page=/../../etc/passwd") == "none"
        (site / "content/posts/a.md").write_text(
            post("Titre corrigé", slug="a", body="Texte public."), encoding="utf-8"
        )
        assert wait_for(lambda: "Titre corrigé" in (fetch(f"{base}/a.html") or ""))
        assert fetch(f"{base}/__podium/version?page=/a.html") != first
        # the full build follows: the home page catches up, and c.html (not a neighbour) is not rewritten
        assert wait_for(lambda: "Titre corrigé" in (fetch(f"{base}/") or ""))
        assert fetch(f"{base}/__podium/version?page=/c.html") == other
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    out = proc.stdout.read()
    assert "Preview of /a.html in " in out and "(that post alone read again)" in out  # read before the save


def test_a_save_that_moves_the_post_falls_back_to_reading_the_whole_site_and_the_site_catches_up(make_site):
    site = make_site(
        {
            "content/posts/a.md": post("Premier titre", slug="a", tags=["vent"], body="Texte public."),
            "content/posts/b.md": post("Autre billet", slug="b", date="2026-01-11 09:00", body="Autre texte."),
        }
    )
    port = free_port()
    proc = _serve(site, port)
    try:
        base = f"http://127.0.0.1:{port}"
        _lines_until(proc, "Preview at")
        (site / "content/posts/a.md").write_text(
            post("Premier titre", slug="a", tags=["vent"], body="Texte revu."), encoding="utf-8"
        )
        assert "(that post alone read again)" in _lines_until(proc, "Preview of /a.html")[-1]
        assert wait_for(lambda: "Texte revu." in (fetch(f"{base}/a.html") or ""))
        _lines_until(proc, "Rebuilt:")  # the full build that followed
        (site / "content/posts/a.md").write_text(
            post("Premier titre", slug="a", tags=["soleil"], body="Texte revu."), encoding="utf-8"
        )
        line = _lines_until(proc, "Preview of /a.html")[-1]
        assert line.endswith("; the rest of the site follows.") and "alone" not in line
        assert wait_for(lambda: "soleil" in (fetch(f"{base}/a.html") or ""))
        assert wait_for(lambda: fetch(f"{base}/tag/soleil.html"))  # the full build brings the new tag's page
        assert fetch(f"{base}/tag/vent.html") is None
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_the_production_build_has_no_reload_script(make_site, run_build):
    site = make_site({"content/posts/a.md": post("Premier titre", slug="a")})
    out = run_build(site)
    assert "__podium" not in (out / "a.html").read_text(encoding="utf-8")


def test_serve_on_a_port_already_taken_says_so_at_once_and_exits_2(make_site):
    site = make_site({"content/posts/a.md": post("A", slug="a")})
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        res = subprocess.run(
            [sys.executable, "-m", "podium.publish.cli", "serve", "--port", str(port)],
            cwd=site,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert res.returncode == 2
    assert res.stderr == (
        f"podium: port {port} is already in use (another preview?); stop that server, or choose "
        f"another port with --port {port + 1}\n"
    )
    assert "Rebuilt" not in res.stdout  # said before building, not after
    assert not (site / "output-preview").exists()


def test_serve_on_a_taken_port_says_so_in_french_too(make_site):
    site = make_site({"content/posts/a.md": post("A", slug="a")})
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        res = subprocess.run(
            [sys.executable, "-m", "podium.publish.cli", "serve", "--port", str(port)],
            cwd=site,
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "PODIUM_UI_LANG": "fr"},
        )
    assert res.returncode == 2
    assert res.stderr.startswith(f"podium: le port {port} est déjà occupé (un autre aperçu\u202f?)\u202f; arrêtez")


def test_serve_shows_the_comms_room_at_comms_beside_the_preview(make_site):
    site = make_site(
        {
            "content/posts/a.md": post("Premier titre", slug="a", body="Texte public."),
            "content/posts/d.md": post("Brouillon du board", slug="d", status="draft", body="Texte du brouillon."),
        }
    )
    port = free_port()
    proc = _serve(site, port)
    try:
        base = f"http://127.0.0.1:{port}"
        board = wait_for(lambda: fetch(f"{base}/comms/"))
        assert board and 'data-podium-room="comms"' in board and "Brouillon du board" in board
        assert "Brouillon du board" in (fetch(f"{base}/comms/review/d.html") or "")
        assert fetch(f"{base}/comms") == board  # redirected to /comms/
        assert "Premier titre" in (fetch(f"{base}/a.html") or "")
        assert (site / "output-preview-comms" / "index.html").is_file()
        assert not (site / "output-preview" / "comms").exists()  # the room is never inside the preview
    finally:
        proc.terminate()
        proc.wait(timeout=10)
