"""Real servers for the deploy-target tests, all on 127.0.0.1: OpenSSH's sshd, moto's S3, a bare git repo.

Also small synthetic sites (two versions differing by a few files) and
readers that take whole snapshots of what a target serves.
"""

from __future__ import annotations

import getpass
import io
import os
import shutil
import socket
import subprocess
import tarfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

SSHD = "/usr/sbin/sshd"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass(frozen=True)
class SSHServer:
    port: int
    user: str
    key: Path
    known_hosts: Path

    def options(self, path: Path) -> dict:
        """Settings of an rsync target that deploys to ``path`` on this server."""
        return {
            "type": "rsync",
            "host": "127.0.0.1",
            "port": self.port,
            "user": self.user,
            "path": str(path),
            "identity_file": str(self.key),
            "known_hosts": str(self.known_hosts),
        }


def _keygen(path: Path) -> None:
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "podium-test", "-f", str(path)], check=True)


def _wait_for_banner(port: int, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"sshd exited: {log.read_text()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                if sock.recv(64).startswith(b"SSH-"):
                    return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"sshd did not answer on port {port}: {log.read_text()}")


@contextmanager
def sshd(tmp: Path) -> Iterator[SSHServer]:
    """OpenSSH's sshd in the foreground, with host and user keys made for this test only."""
    tmp.mkdir(parents=True, exist_ok=True)
    host_key, user_key = tmp / "host_ed25519", tmp / "user_ed25519"
    _keygen(host_key)
    _keygen(user_key)
    (tmp / "authorized_keys").write_text(user_key.with_suffix(".pub").read_text())
    port = free_port()
    (tmp / "sshd_config").write_text(
        "\n".join(
            [
                f"Port {port}",
                "ListenAddress 127.0.0.1",
                f"HostKey {host_key}",
                f"AuthorizedKeysFile {tmp / 'authorized_keys'}",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                "StrictModes no",
                "UsePAM no",
                "PidFile none",
                "LogLevel ERROR",
                "MaxStartups 50:30:100",
                "",
            ]
        )
    )
    if os.geteuid() == 0:
        Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)  # sshd's privilege-separation folder
    log = tmp / "sshd.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([SSHD, "-D", "-e", "-f", str(tmp / "sshd_config")], stdout=out, stderr=out)
    try:
        _wait_for_banner(port, proc, log)
        public = host_key.with_suffix(".pub").read_text().split()
        (tmp / "known_hosts").write_text(f"[127.0.0.1]:{port} {public[0]} {public[1]}\n")
        yield SSHServer(port, getpass.getuser(), user_key, tmp / "known_hosts")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@contextmanager
def moto_s3() -> Iterator[str]:
    """moto's standalone S3 server in a thread; yields its endpoint URL."""
    import logging

    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request otherwise
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()


#: credentials for moto (it accepts any); tests also check they never leak
FAKE_AWS = {
    "AWS_ACCESS_KEY_ID": "AKIAPODIUMTESTKEY0001",
    "AWS_SECRET_ACCESS_KEY": "podium-test-secret-0123456789",
    "AWS_REGION": "us-east-1",
}


def s3_client(endpoint: str):
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=FAKE_AWS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=FAKE_AWS["AWS_SECRET_ACCESS_KEY"],
    )


# --- synthetic sites ---------------------------------------------------------------------------

POSTS = 12


def write_site(root: Path, version: int) -> dict[str, bytes]:
    """A small site; version 2 edits one post, adds one, drops one, and so changes the index and feed.

    Every page names its version, so a reader can tell which build it came from.
    """
    files: dict[str, bytes] = {
        "theme/css/style.css": b"body { font-family: serif; }\n",
        "theme/js/menu.js": b"document.documentElement.classList.add('js');\n",
        "images/photo.jpg": bytes(range(256)) * 40,
        "images/logo.a1b2c3d4e5.png": b"\x89PNG\r\n\x1a\n" + b"\0" * 300,
        "robots.txt": b"User-agent: *\n",
    }
    posts = [i for i in range(POSTS) if not (version == 2 and i == 3)] + ([POSTS] if version == 2 else [])
    for i in posts:
        words = "edited " if (version == 2 and i == 5) else ""
        files[f"posts/p{i}/index.html"] = (
            f"<!doctype html><title>Post {i}</title><p>{words}text of post {i}</p><!-- v -->"
        ).encode()
    listing = "".join(f"<li>p{i}</li>" for i in posts)
    files["index.html"] = f"<!doctype html><title>Home</title><ul>{listing}</ul><!-- v{version} -->".encode()
    files["feeds/all.atom.xml"] = f"<feed><!-- v{version} -->{listing}</feed>".encode()
    for path, data in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(data)
    return files


def changes(old: dict[str, bytes], new: dict[str, bytes]) -> tuple[set[str], set[str]]:
    """(files to send, files to delete) between two versions of a site, computed by hand."""
    send = {p for p in new if old.get(p) != new[p]}
    return send, set(old) - set(new)


def read_tree(root: Path) -> dict[str, bytes]:
    found = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            found[path.relative_to(root).as_posix()] = path.read_bytes()
    return found


def git_snapshot(bare: Path, branch: str = "gh-pages") -> dict[str, bytes]:
    """What a clone of the branch holds now: the files of the commit its ref names."""
    data = subprocess.run(
        ["git", "--git-dir", str(bare), "archive", "--format=tar", f"refs/heads/{branch}"],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        return {m.name: tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()}


def git_commits(bare: Path, branch: str = "gh-pages") -> list[str]:
    out = subprocess.run(
        ["git", "--git-dir", str(bare), "rev-list", f"refs/heads/{branch}"], check=True, capture_output=True, text=True
    ).stdout
    return out.split()


def init_bare(path: Path) -> Path:
    subprocess.run(["git", "init", "--quiet", "--bare", str(path)], check=True)
    return path


def copy_site(files: dict[str, bytes], root: Path) -> Path:
    shutil.rmtree(root, ignore_errors=True)
    for path, data in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(data)
    return root


def which_version(snapshot: dict[str, bytes], versions: dict[int, dict[str, bytes]]) -> int | None:
    """The version a snapshot is exactly equal to; None means a mix (or a damaged site)."""
    return next((number for number, files in versions.items() if snapshot == files), None)
