"""The production server's settings (gunicorn.conf.py) do what they say."""

import gc
import runpy
from pathlib import Path

import pytest

CONFIG = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"


@pytest.fixture
def settings(monkeypatch, tmp_path):
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    return runpy.run_path(str(CONFIG))


def test_a_worker_freezes_what_it_loaded_and_collects_young_objects_less_often(settings):
    before = gc.get_threshold()
    try:
        settings["post_worker_init"](None)
        assert gc.get_freeze_count() > 0  # the loaded app is out of every collection
        assert gc.get_threshold() == (50_000, 20, 20)
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def test_the_collection_threshold_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    monkeypatch.setenv("GUNICORN_GC_THRESHOLD", "700,10,10")
    assert runpy.run_path(str(CONFIG))["GC_THRESHOLD"] == (700, 10, 10)


def test_two_servers_on_one_machine_do_not_share_a_control_socket(settings):
    assert settings["control_socket_disable"] is True
