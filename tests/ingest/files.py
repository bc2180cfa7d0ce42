"""Fixtures over ``make_files``: the generated report files, built once per test session."""

from __future__ import annotations

import pytest

from .make_files import Fixtures, build_fixtures, in_ci


@pytest.fixture(scope="session")
def report_files(tmp_path_factory: pytest.TempPathFactory) -> Fixtures:
    return build_fixtures(tmp_path_factory.mktemp("report-files"))


def need_pdfs(files: Fixtures) -> None:
    """Skip (locally) or fail (CI=true) when LibreOffice could not make the PDFs."""
    if files.pdf_error:
        if in_ci():
            pytest.fail(f"CI=true and the PDF fixtures are missing: {files.pdf_error}")
        pytest.skip(files.pdf_error)
