"""The process pool: the same results as the serial path, in order, from other processes when it pays."""

import os
import shutil

from podium.plugins import pool
from podium.publish.build import build
from tests.conftest import SAMPLE_NOW, post
from tests.plugins.images.helpers import phone_jpeg


def square_and_pid(n):
    return n * n, os.getpid()


def test_results_come_back_in_order_from_worker_processes():
    results = pool.run(square_and_pid, list(range(20)), 2)
    assert [r for r, _ in results] == [n * n for n in range(20)]
    assert os.getpid() not in {pid for _, pid in results}


def test_one_worker_or_little_work_stays_in_this_process():
    assert {pid for _, pid in pool.run(square_and_pid, list(range(20)), 1)} == {os.getpid()}
    assert {pid for _, pid in pool.run(square_and_pid, [1, 2], 2)} == {os.getpid()}


def test_started_work_is_collected_in_order_from_worker_processes():
    pending = pool.start(square_and_pid, list(range(20)), 2)
    results = pending.results()
    assert [r for r, _ in results] == [n * n for n in range(20)]
    assert os.getpid() not in {pid for _, pid in results}


CALLS = []


def remember(n):
    CALLS.append(n)
    return n + 1


def test_started_work_without_workers_runs_here_when_collected():
    CALLS.clear()
    pending = pool.start(remember, [1, 2, 3, 4, 5], 1)
    assert CALLS == []
    assert pending.results() == [2, 3, 4, 5, 6]
    assert CALLS == [1, 2, 3, 4, 5]


def test_zero_means_one_worker_per_core():
    assert pool.size(0) == pool.cores() >= 1
    assert pool.size(3) == 3


def tree(root):
    found = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            with open(path, "rb") as handle:
                found[os.path.relpath(path, root)] = handle.read()
    return found


def test_cards_drawn_in_parallel_serially_and_again_after_deleting_the_cache_give_byte_identical_sites(make_site):
    files = {
        f"content/posts/p{i}.md": post(
            f"Billet numéro {i} : une idée de plus, et encore une", slug=f"p{i}", date=f"2026-01-{i + 1:02d} 09:00"
        )
        for i in range(12)
    }
    # a post with its own card_image: drawn at once, while the generated cards are drawn as the build goes on
    files["content/posts/photo.md"] = post("Photo", slug="photo", date="2026-02-01 09:00", card_image="images/w.jpg")
    files["content/images/w.jpg"] = phone_jpeg(1600, 1200)
    site = make_site(files)
    serial = build(site, now=SAMPLE_NOW, output=site / "serial", overrides={"PODIUM_WORKERS": 1})
    shutil.rmtree(site / ".cache")
    parallel = build(site, now=SAMPLE_NOW, output=site / "parallel", overrides={"PODIUM_WORKERS": 2})
    shutil.rmtree(site / ".cache")
    again = build(site, now=SAMPLE_NOW, output=site / "again", overrides={"PODIUM_WORKERS": 2})
    assert serial.ctx.cards.rendered == parallel.ctx.cards.rendered == again.ctx.cards.rendered == 13
    assert tree(site / "serial") == tree(site / "parallel") == tree(site / "again")
    assert sum(p.startswith("cards") for p in tree(site / "parallel")) == 13
    assert tree(site / "parallel")["cards/fr/photo.jpg"][:2] == b"\xff\xd8"
