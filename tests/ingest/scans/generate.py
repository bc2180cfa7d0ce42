"""Make scanned-looking reports: every gold report printed, scanned and saved as an image-only PDF.

    PYTHONPATH=src python tests/ingest/scans/generate.py [--out DIR] [--dpi 150 300] [--only STEM…]

Each gold report (``shared/corpus/gold/*.json``) is rendered to PDF by the project's renderer
(DOCX through LibreOffice), rasterised by ``pdftoppm`` in grey, and degraded as a real scan is:
turned by 1–2 degrees, blurred, speckled with noise, on grey paper that is darker at one edge,
then saved as JPEG pages inside a PDF (no text layer). The degradation is seeded by the file
name, so the same command makes the same files.

The committed fixtures (``tests/ingest/scans/*.pdf``, 4 MB in all: about 430 KiB a report at
150 dpi, 1.4 MiB at 300 dpi) are every report at 150 dpi and one at 300 dpi:

    PYTHONPATH=src python tests/ingest/scans/generate.py --dpi 150
    PYTHONPATH=src python tests/ingest/scans/generate.py --dpi 300 --only 000_21925bfca89cb37b

``test_scans.py`` reads them back and scores them against gold. The pixels are the same on every
run; the PDF's creation date is not.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
GOLD = REPO.parent / "shared" / "corpus" / "gold"
QUALITY = 40  # JPEG quality of the pages: a low one, as scanners save to keep files small


def render_pdfs(golds: list[Path], out: Path) -> dict[str, Path]:
    """Every gold report as a PDF, in one LibreOffice run."""
    from gongkai.render.batch import Job, render_files
    from gongkai.report.model import Report

    jobs = [Job(Report.load(path), out / f"{path.stem}.pdf") for path in golds]
    render_files(jobs, "pdf")
    failed = [f"{job.out}: {job.error}" for job in jobs if job.error]
    if failed:
        raise SystemExit("\n".join(failed))
    return {job.out.stem: job.out for job in jobs}


def rasterise(pdf: Path, dpi: int, out: Path) -> list[Path]:
    prefix = out / f"{pdf.stem}-{dpi}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(prefix)], check=True)
    return sorted(out.glob(f"{pdf.stem}-{dpi}-*.png"))


def degrade(page: Image.Image, seed: str, dpi: int) -> Image.Image:
    """The page as a scanner gives it back: turned, blurred, noisy, on grey paper."""
    rng = np.random.default_rng(int(hashlib.sha256(seed.encode()).hexdigest()[:8], 16))
    angle = float(rng.choice([-1, 1]) * rng.uniform(1.0, 2.0))
    paper = int(rng.integers(200, 225))
    turned = page.convert("L").rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    blurred = turned.filter(ImageFilter.GaussianBlur(radius=dpi / 200))
    pixels = np.asarray(blurred, dtype=np.float32) / 255.0
    h, w = pixels.shape
    shade = np.linspace(1.0, 0.9, w, dtype=np.float32)[None, :]  # darker towards one edge
    ink = 25.0
    grey = ink + pixels * (paper - ink) * shade
    grey += rng.normal(0.0, 7.0, size=(h, w)).astype(np.float32)
    return Image.fromarray(np.clip(grey, 0, 255).astype(np.uint8), mode="L")


def scan(pdf: Path, dpi: int, out: Path, work: Path) -> Path:
    pages = [degrade(Image.open(png), f"{pdf.stem}-{dpi}-{n}", dpi) for n, png in enumerate(rasterise(pdf, dpi, work))]
    target = out / f"{pdf.stem}-{dpi}.pdf"
    buffer = io.BytesIO()
    pages[0].save(buffer, "PDF", save_all=True, append_images=pages[1:], resolution=float(dpi), quality=QUALITY)
    target.write_bytes(buffer.getvalue())
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=HERE)
    parser.add_argument("--dpi", type=int, nargs="+", default=[150, 300])
    parser.add_argument("--only", nargs="*", help="gold file stems (default: all)")
    args = parser.parse_args(argv)
    golds = sorted(GOLD.glob("*.json"))
    if args.only:
        golds = [g for g in golds if g.stem in args.only]
    if not golds:
        print(f"no gold reports under {GOLD}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gongkai-scans-") as tmp:
        work = Path(tmp)
        for pdf in render_pdfs(golds, work).values():
            for dpi in args.dpi:
                made = scan(pdf, dpi, args.out, work)
                print(f"{made} {made.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
