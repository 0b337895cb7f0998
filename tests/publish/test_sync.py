"""sync: a finished build brought into the output folder, file by file, keeping what did not change."""

import os

from podium.publish.sync import sync


def tree(root):
    return {
        os.path.relpath(os.path.join(d, n), root): open(os.path.join(d, n), "rb").read()
        for d, _, names in os.walk(root)
        for n in names
    }


def make(root, files):
    root.mkdir(parents=True, exist_ok=True)
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


def test_unchanged_files_keep_their_inode_and_mtime_changed_ones_are_replaced(tmp_path):
    target = make(tmp_path / "out", {"a.html": b"same", "b.html": b"old", "img/c.png": b"png"})
    os.utime(target / "a.html", ns=(1_000_000_000, 1_000_000_000))
    before = os.stat(target / "a.html")
    built = make(tmp_path / "new", {"a.html": b"same", "b.html": b"new", "img/c.png": b"png"})
    done = sync(built, target)
    after = os.stat(target / "a.html")
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, 1_000_000_000)
    assert tree(target) == {"a.html": b"same", "b.html": b"new", os.path.join("img", "c.png"): b"png"}
    assert (done.kept, done.replaced, done.removed) == (2, 1, 0)
    assert not built.exists()


def test_files_the_new_build_lacks_are_removed_and_empty_folders_too(tmp_path):
    target = make(tmp_path / "out", {"a.html": b"a", "old/gone.html": b"x", "tag/t.html": b"t"})
    built = make(tmp_path / "new", {"a.html": b"a", "tag/u.html": b"u"})
    done = sync(built, target)
    assert tree(target) == {"a.html": b"a", os.path.join("tag", "u.html"): b"u"}
    assert not (target / "old").exists()
    assert done.removed == 2


def test_a_file_that_became_a_folder_and_back(tmp_path):
    target = make(tmp_path / "out", {"x": b"file", "y/inside.html": b"i"})
    built = make(tmp_path / "new", {"x/inside.html": b"now a folder", "y": b"now a file"})
    sync(built, target)
    assert tree(target) == {os.path.join("x", "inside.html"): b"now a folder", "y": b"now a file"}


def test_a_symlink_in_the_output_is_replaced_not_followed(tmp_path):
    outside = make(tmp_path / "elsewhere", {"keep.html": b"keep"})
    target = make(tmp_path / "out", {})
    os.symlink(outside / "keep.html", target / "a.html")
    built = make(tmp_path / "new", {"a.html": b"keep"})
    sync(built, target)
    assert not (target / "a.html").is_symlink()
    assert (outside / "keep.html").read_bytes() == b"keep"


def test_no_output_yet_is_a_rename(tmp_path):
    built = make(tmp_path / "new", {"a.html": b"a"})
    inode = os.stat(built / "a.html").st_ino
    done = sync(built, tmp_path / "out")
    assert os.stat(tmp_path / "out" / "a.html").st_ino == inode
    assert done.replaced == 1


def test_assets_are_moved_before_the_pages_that_name_them(tmp_path, monkeypatch):
    import podium.publish.sync as sync_mod

    order = []
    real = os.replace
    monkeypatch.setattr(sync_mod.os, "replace", lambda a, b: (order.append(os.path.basename(b)), real(a, b)))
    target = make(tmp_path / "out", {"keep": b""})
    built = make(tmp_path / "new", {"a.html": b"<img src=z.png>", "z.png": b"z", "feed.xml": b"x", "b.css": b"c"})
    sync(built, target)
    assert order == ["b.css", "z.png", "a.html", "feed.xml"]


def test_a_file_the_render_memo_linked_from_the_output_is_kept_without_being_read(tmp_path, monkeypatch):
    target = make(tmp_path / "out", {"a.html": b"published", "b.html": b"old"})
    before = os.stat(target / "a.html")
    built = make(tmp_path / "new", {"b.html": b"new"})
    os.link(target / "a.html", built / "a.html")
    opened = []
    real_open = open

    def spying(path, *args, **kwargs):
        opened.append(os.path.basename(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", spying)
    done = sync(built, target)
    monkeypatch.undo()
    assert "a.html" not in opened and (done.kept, done.replaced) == (1, 1)
    after = os.stat(target / "a.html")
    assert (after.st_ino, after.st_mtime_ns, after.st_nlink) == (before.st_ino, before.st_mtime_ns, 1)
    assert tree(target) == {"a.html": b"published", "b.html": b"new"}
