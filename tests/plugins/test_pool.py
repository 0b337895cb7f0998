"""The process pool: the same results as the serial path, in order, from other processes when it pays."""

import os
import shutil

from podium.plugins import pool
from podium.publish.build import build
from tests.conftest import SAMPLE_NOW, post


def square_and_pid(n):
    return n * n, os.getpid()


def test_results_come_back_in_order_from_worker_processes():
    results = pool.run(square_and_pid, list(range(20)), 2)
    assert [r for r, _ in results] == [n * n for n in range(20)]
    assert os.getpid() not in {pid for _, pid in results}


def test_one_worker_or_little_work_stays_in_this_process():
    assert {pid for _, pid in pool.run(square_and_pid, list(range(20)), 1)} == {os.getpid()}
    assert {pid for _, pid in pool.run(square_and_pid, [1, 2], 2)} == {os.getpid()}


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


def test_cards_drawn_in_parallel_and_serially_give_byte_identical_sites(make_site):
    files = {
        f"content/posts/p{i}.md": post(
            f"Billet numéro {i} : une idée de plus, et encore une", slug=f"p{i}", date=f"2026-01-{i + 1:02d} 09:00"
        )
        for i in range(12)
    }
    site = make_site(files)
    serial = build(site, now=SAMPLE_NOW, output=site / "serial", overrides={"PODIUM_WORKERS": 1})
    shutil.rmtree(site / ".cache")
    parallel = build(site, now=SAMPLE_NOW, output=site / "parallel", overrides={"PODIUM_WORKERS": 2})
    assert serial.ctx.cards.rendered == parallel.ctx.cards.rendered == 12
    assert tree(site / "serial") == tree(site / "parallel")
    assert sum(p.startswith("cards") for p in tree(site / "parallel")) == 12
