"""Issue 12: the search's dictionary (jieba) is loaded by the server before it forks its workers, so
no worker's first search waits a second for it; nothing else (tests, commands) loads it unasked."""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.platform import server
from gongkai.platform.registry import expand


def test_the_server_loads_the_dictionary_before_its_workers_start(monkeypatch: pytest.MonkeyPatch) -> None:
    expand._segmenter.cache_clear()
    seen: dict[str, Any] = {}

    def run(self: server.GunicornServer) -> None:  # the fork would happen here
        seen["loaded"] = expand._segmenter.cache_info().currsize
        seen["options"] = self.options

    monkeypatch.setattr(server.GunicornServer, "run", run)
    assert expand._segmenter.cache_info().currsize == 0  # settings and apps loaded: no dictionary yet
    server.run("127.0.0.1", 8161, workers=2)
    assert seen["loaded"] == 1 and seen["options"]["preload_app"] is True  # loaded once, in the master
    calls = expand._segmenter.cache_info()
    assert expand.words("就业补贴") == ["就业", "补贴"] and expand._segmenter.cache_info().misses == calls.misses
