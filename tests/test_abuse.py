"""Nobody can fill the disk through the app: feedback posts are capped, rate-limited and owned by
the session that gave them; Gradio's upload route is capped and its files are deleted. The fast
test works on a temporary upload folder; the slow one drives a real app over HTTP on 127.0.0.1
with gradio_client and httpx."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from ui.staff_actions import discard_upload


def test_an_upload_is_deleted_after_use_and_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    uploads = tmp_path / "gradio"
    monkeypatch.setenv("GRADIO_TEMP_DIR", str(uploads))
    upload = uploads / "0a1b2c" / "notes.md"
    upload.parent.mkdir(parents=True)
    upload.write_text("notes", encoding="utf-8")
    outside = tmp_path / "corpus" / "notes.md"
    outside.parent.mkdir()
    outside.write_text("kept", encoding="utf-8")
    discard_upload(outside)  # not an upload: kept
    discard_upload(None)
    assert outside.exists()
    discard_upload(upload)
    assert not upload.exists() and not upload.parent.exists() and uploads.exists()


def test_a_refused_staff_upload_is_deleted_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pydantic import SecretStr

    from assistant.services import StaffAuth
    from ui.staff_actions import StaffActions

    monkeypatch.setenv("GRADIO_TEMP_DIR", str(tmp_path))
    upload = tmp_path / "f00d" / "page.html"
    upload.parent.mkdir()
    upload.write_text("<p>x</p>", encoding="utf-8")
    tab = StaffActions(corpus=None, auth=StaffAuth("staff", SecretStr("pw")))  # type: ignore[arg-type]
    with pytest.raises(Exception, match="Login required"):
        tab.staff_add_file(str(upload), logged_in=False)
    assert not upload.exists()


def feedback(client: Any, answer: dict[str, Any], user: str = "", comment: str = "") -> str:
    from gradio_client.exceptions import AppError

    try:
        return str(client.predict(1, answer, comment, user, api_name="/feedback"))
    except AppError as exc:
        return f"refused: {exc}"


@pytest.mark.slow
def test_the_app_bounds_feedback_and_uploads(tmp_path: Path) -> None:
    from gradio_client import Client
    from uiserver import ask, start_app

    app = start_app(
        tmp_path,
        feedback_per_session=5,
        feedback_per_address=20,
        max_upload_bytes=100_000,
        upload_keep_s=2,
    )
    try:
        first = Client(app.url, verbose=False)
        _, _, answer = ask(first, "How many hospitals does AP-HP have?")
        size = app.container.feedback.size()
        # 100 posts from one client: 5 taken, 95 refused on one line; the store stays small
        results = [feedback(first, {**answer, "id": f"x{n}"}, "alice") for n in range(100)]
        assert sum("Recorded as helpful" in r for r in results) == 5, results[:7]
        refused = [r for r in results if r.startswith("refused")]
        assert len(refused) == 95 and all("\n" not in r for r in refused)
        assert "too many votes from this client: try again in" in refused[0], refused[0]
        assert len(app.container.feedback.all()) == 5
        assert app.container.feedback.size() - size < 200_000

        # another client naming the same user changes nothing and creates nothing
        second = Client(app.url, verbose=False)
        before = app.container.feedback.all()
        hijack = feedback(second, {**answer, "id": "x0"}, "alice", "overwritten")
        assert "another session: only that session can change it" in hijack, hijack
        assert "another session" in feedback(second, {**answer, "id": "new"}, "alice")
        assert app.container.feedback.all() == before
        huge = {**answer, "sources": [{"n": 1, "title": "t", "text": "x" * 300_000}]}
        assert "the answer record is too large" in feedback(second, huge)
        assert "the comment is too long" in feedback(second, answer, comment="c" * 2001)
        assert "Recorded as helpful" in feedback(second, answer)  # its own vote is taken
        assert app.container.feedback.all()[:5] == before

        # Gradio's upload route: over the cap refused, what it keeps deleted after a while
        upload = f"{app.url}gradio_api/upload"
        big = httpx.post(upload, files={"files": ("big.txt", b"x" * 200_000)}, timeout=30)
        assert big.status_code == 413, big.text
        small = httpx.post(upload, files={"files": ("small.txt", b"x" * 1000)}, timeout=30)
        assert small.status_code == 200, small.text
        kept = Path(small.json()[0])
        assert kept.exists()
        for _ in range(100):  # delete_cache: every 2 s, the files older than 2 s
            if not kept.exists():
                break
            time.sleep(0.1)
        assert not kept.exists()
    finally:
        app.close()
