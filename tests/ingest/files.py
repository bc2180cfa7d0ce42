"""Fixtures over ``make_files``: the generated report files, built once per test session."""

from __future__ import annotations

import os

import pytest

from tests.environment import missing

from .make_files import Fixtures, build_fixtures


@pytest.fixture(scope="session")
def report_files(tmp_path_factory: pytest.TempPathFactory) -> Fixtures:
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's own folder, shared by its workers: LibreOffice runs once
    return build_fixtures(base / "report-files")


def need_pdfs(files: Fixtures) -> None:
    """Skip (locally) or fail (CI=true) when LibreOffice could not make the PDFs."""
    if files.pdf_error:
        missing(f"the PDF fixtures are missing: {files.pdf_error}")
