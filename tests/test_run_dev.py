"""`make run` (scripts/run-dev.sh) starts the task worker and the scheduler beside the web
server, and stopping it stops all three, autoreloaders included."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.servers import _wait_for_port, free_port

ROOT = Path(__file__).resolve().parent.parent


def descendants(pid: int) -> dict[int, str]:
    """Every process below `pid`, with its command line, read from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = {}, [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            try:
                found[child] = (
                    (Path("/proc") / str(child) / "cmdline")
                    .read_bytes()
                    .replace(b"\0", b" ")
                    .decode()
                )
            except OSError:
                continue
            todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process tree from /proc")
def test_run_starts_the_worker_and_scheduler_and_stops_them_with_the_server(tmp_path):
    env = {
        **os.environ,
        "DJANGO_DEBUG": "true",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "CERTGUIDE_CONTENT_CACHE_DIR": str(tmp_path / "cache"),
        "DJANGO_SETTINGS_MODULE": "certguide.settings",
    }
    env.pop("DJANGO_SECRET_KEY", None)
    env.pop("DJANGO_EMAIL_BACKEND", None)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput"],
        cwd=ROOT, env=env, check=True, capture_output=True,
    )  # fmt: skip
    port = free_port()
    script = subprocess.Popen(
        ["scripts/run-dev.sh", sys.executable, "127.0.0.1", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        _wait_for_port(port, seconds=60)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            commands = descendants(script.pid)
            running = " ".join(commands.values())
            if "db_worker" in running and "crontask" in running:
                break
            time.sleep(0.2)
        assert "runserver" in running
        assert "db_worker" in running
        assert "crontask" in running
    finally:
        script.send_signal(signal.SIGTERM)
        try:
            script.wait(timeout=30)
        except subprocess.TimeoutExpired:
            for pid in descendants(script.pid):
                os.kill(pid, signal.SIGKILL)
            script.kill()
            raise

    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(alive(pid) for pid in commands):
        time.sleep(0.2)
    assert [cmd for pid, cmd in commands.items() if alive(pid)] == []
