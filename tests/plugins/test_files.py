import os

import pytest

from podium.plugins.files import copy_atomic, write_atomic


def test_write_atomic_replaces_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "deep" / "file.bin"
    write_atomic(target, b"one")
    write_atomic(target, "deux é", sync=True)
    assert target.read_text(encoding="utf-8") == "deux é"
    assert os.listdir(target.parent) == ["file.bin"]


def test_a_failed_write_keeps_the_old_file_whole(tmp_path):
    target = tmp_path / "f.txt"
    write_atomic(target, b"old")

    with pytest.raises(TypeError):
        write_atomic(target, 12345)  # not bytes: the write fails half-way
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["f.txt"]


def test_copy_atomic(tmp_path):
    (tmp_path / "a").write_bytes(b"data")
    copy_atomic(tmp_path / "a", tmp_path / "sub" / "b")
    assert (tmp_path / "sub" / "b").read_bytes() == b"data"
    assert os.listdir(tmp_path / "sub") == ["b"]


def test_a_pipe_or_device_is_written_into_never_replaced(tmp_path):
    """-o /dev/null must leave /dev/null a device: a FIFO stands in for it here."""
    import stat
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    write_atomic(fifo, "through the pipe")
    reader.join(timeout=10)
    assert got == [b"through the pipe"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert os.listdir(tmp_path) == ["pipe"]
