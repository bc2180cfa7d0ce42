"""``gongkai read`` on 200 malformed files and 20 good ones: every good file read, each bad one
refused with its reason or read, none over its limit, and how much memory it took.

    .venv/bin/python bench/read_malformed.py [--timeout 60] [--memory 2G] [--jobs 1] [--keep DIR]

The good files are the corpus reports (``../shared/corpus/raw``) and the gold data rendered by
``gongkai render`` as HTML, DOCX and PDF. The malformed ones (as in §7 of the security review):
truncations and byte flips of the good files, garbage under report extensions, pages nested up to
500,000 deep, zip bombs and forged zips, huge single lines, odd encodings, broken PDFs, HTML
mutants, odd file names. All are made here, into a temporary folder.

Two runs of the same batch. First the readers' own machinery (``ingest.limited.read_files``, what
the command runs) in a child process, for each file's time and the peak memory of the workers
(``RUSAGE_CHILDREN``) and of the process that runs them. Then the command itself, ``gongkai read
DIR --out --table``, for its exit status, its table and its wall time.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(REPO))  # for the file makers in tests/ingest

from tests.environment import GOLD, RAW  # noqa: E402
from tests.ingest import hostile  # noqa: E402
from tests.ingest.make_files import pdf_bytes  # noqa: E402

GONGKAI = [sys.executable, "-c", "from gongkai.cli import main; main()"]


# ---------------------------------------------------------------------------------------------
# The good files
# ---------------------------------------------------------------------------------------------


def make_good(folder: Path, work: Path) -> list[Path]:
    """6 corpus reports, 6 HTML and 6 DOCX renders of the gold data, 2 PDF renders: 20 files."""
    files = [folder / p.name for p in sorted(RAW.iterdir())]
    for source, target in zip(sorted(RAW.iterdir()), files, strict=True):
        target.write_bytes(source.read_bytes())
    gold = sorted(GOLD.glob("*.json"))
    for fmt, inputs in (("html", gold), ("docx", gold), ("pdf", gold[:2])):
        out = work / f"render-{fmt}"
        out.mkdir()
        subprocess.run(
            [*GONGKAI, "render", *map(str, inputs), "--to", fmt, "--out", str(out)],
            check=True,
            capture_output=True,
            env=_env(),
        )
        for made in sorted(out.iterdir()):
            target = folder / f"rendered-{made.name}"
            target.write_bytes(made.read_bytes())
            files.append(target)
    return files


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": f"{REPO / 'src'}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}


# ---------------------------------------------------------------------------------------------
# The malformed files
# ---------------------------------------------------------------------------------------------


def make_bad(folder: Path, good: list[Path]) -> list[Path]:
    rng = random.Random(20261205)
    made: list[Path] = []

    def put(name: str, data: bytes | str) -> None:
        path = folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        made.append(path)

    sources = [p for p in good if p.suffix != ".pdf"][:14] + [p for p in good if p.suffix == ".pdf"][:2]
    # Truncations: 16 files at four points (64), and byte flips (32).
    for path in sources[:16]:
        data = path.read_bytes()
        for share in (0.01, 0.1, 0.5, 0.9):
            put(f"cut{int(share * 1000):03d}-{path.name}", data[: max(1, int(len(data) * share))])
    for index, path in enumerate(sources[:16]):
        for flips in (1 + index, 1000):
            data = bytearray(path.read_bytes())
            for _ in range(min(flips, len(data))):
                data[rng.randrange(len(data))] = rng.randrange(256)
            put(f"flip{flips}-{path.name}", bytes(data))
    # Garbage under report extensions (16).
    for size in (1024, 4 * 1024 * 1024):
        noise = rng.randbytes(size)
        for suffix in (".html", ".txt", ".md", ".htm", ".pdf", ".docx", ".xhtml", ""):
            put(f"garbage{size}{suffix or '-noext'}", noise)
    # Deep and huge HTML (10).
    for depth in (1_000, 10_000, 100_000, 500_000):
        put(f"nested-div-{depth}.html", hostile.nested_html(depth))
    put("nested-tables-5000.html", hostile.nested_tables(5_000))
    put("unclosed-span-200000.html", "<html><body>" + "<span>字" * 200_000 + "</body></html>")
    put("unclosed-font-300000.html", "<html><body>" + "<font>字" * 300_000 + "</body></html>")
    put(
        "rowspan-huge.html",
        "<html><body><table>"
        + ("<tr>" + '<td rowspan="99999999" colspan="99999999">1</td>' * 50 + "</tr>") * 2_000
        + "</table></body></html>",
    )
    put(
        "cells-100000.html",
        "<html><body><table>" + ("<tr>" + "<td>1</td>" * 100 + "</tr>") * 1_000 + "</table></body></html>",
    )
    shuyang = (RAW / "shuyang-fgj-2023.html").read_text(encoding="utf-8")
    put("report-in-100000-divs.html", hostile.wrap_body(shuyang, 100_000))
    # Zip bombs and broken zips (14).
    put("docx-zipbomb-300mb.docx", hostile.docx_bomb(300))
    put("docx-zipbomb-1gb.docx", hostile.docx_bomb(1024))
    put("docx-ratio-30mb.docx", hostile.docx_bomb(30))
    put("docx-6000-entries.docx", hostile.docx_with_entries(6_000))
    put("docx-billion-entries.docx", hostile.docx_declaring_entries(1_000_000_000))
    put("docx-zip-in-zip-in-zip.docx", hostile.docx_nesting(3))
    put("docx-lying-directory.docx", hostile.docx_understating())
    put("docx-billion-laughs.docx", _docx_with_xml(_BILLION_LAUGHS))
    put("docx-xxe.docx", _docx_with_xml(_XXE))
    put("docx-no-document.docx", _zip({"[Content_Types].xml": b"<Types/>"}))
    put("docx-truncated-document.docx", _docx_with_xml(b'<?xml version="1.0"?><w:document xmlns:w="x"><w:body><w:p>'))
    put("zip-not-word.docx", _zip({"readme.txt": b"hello"}))
    put("ole-header.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + rng.randbytes(4096))
    put("docx-20000-rows.docx", _docx_with_xml(_big_table(20_000)))
    # Huge lines (7).
    report = (RAW / "000_21925bfca89cb37b.txt").read_text(encoding="utf-8")
    put("report-x100-one-line.txt", report.replace("\n", " ") * 100)
    put("digits-30mb.txt", "7" * (30 * 1024 * 1024))
    put("cjk-31mb.txt", "公" * (31 * 1024 * 1024 // 3))
    put("over-limit-33mb.txt", "a" * (33 * 1024 * 1024))
    put("tabs-5mb.txt", "\t" * (5 * 1024 * 1024))
    put("number-tab-lines.txt", "\n".join("\t".join(str(i * j) for j in range(40)) for i in range(20_000)))
    put("million-lines.txt", "一\n" * 1_000_000)
    # Lines of pipes (a page's cells run onto one line), in a report's Markdown and text (9).
    markdown = (REPO / "tests/ingest/holdout13/fixtures/pymupdf4llm/p2020-a~pre.md").read_text(encoding="utf-8")
    put("boxes-as-pipes.md", hostile.boxes_as_pipes(markdown))
    for shape in ("pipes", "digits", "rules", "cells"):
        put(f"pipe-line-{shape}.md", hostile.with_long_lines(markdown, hostile.pipe_line(shape, 20_000)))
        put(f"pipe-line-{shape}.txt", hostile.with_long_lines(report, hostile.pipe_line(shape, 20_000)))
    # Encodings (24).
    texts = [p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt"))]
    for index, (encoding, bom) in enumerate(
        [
            ("gbk", b""),
            ("gb18030", b""),
            ("big5", b""),
            ("utf-16", b""),
            ("utf-16-le", b""),
            ("utf-16-be", b""),
            ("utf-32", b""),
            ("utf-8", b"\xef\xbb\xbf"),
            ("shift_jis", b""),
            ("cp1252", b""),
            ("utf-16-le", b"\xff\xfe"),
            ("utf-16-be", b"\xfe\xff"),
        ]
    ):
        text = texts[index % len(texts)]
        put(f"enc-{encoding}-{index}.txt", bom + text.encode(encoding, errors="replace"))
    put("enc-html-mislabelled.html", shuyang.replace("utf-8", "big5", 1).replace("UTF-8", "big5", 1))
    put("enc-html-gbk-as-utf8.html", shuyang.encode("gbk", errors="replace"))
    put("enc-invalid-utf8.txt", texts[0].encode("utf-8")[:3001] + b"\xff\xfe\xc3(" + texts[0].encode("utf-8")[3001:])
    put("enc-mixed.txt", texts[1].encode("utf-8")[:2000] + texts[1].encode("gbk", errors="replace")[2000:])
    put("enc-nul-interleaved.txt", b"\x00".join(bytes([b]) for b in texts[2].encode("utf-8")))
    put("enc-utf7.txt", texts[3].encode("utf-7"))
    put("enc-latin1-html.html", "<html><body>café ñ</body></html>".encode("latin-1"))
    put("enc-utf16-html.html", shuyang.encode("utf-16"))
    put("enc-ebcdic.txt", texts[4].encode("cp500", errors="replace"))
    put("enc-cesu.txt", texts[0].encode("utf-8") + "😀".encode("utf-16-be"))
    put("enc-bom-only.txt", b"\xef\xbb\xbf")
    put("enc-gb2312-html.html", shuyang.encode("gb18030"))
    # Empty or nearly (6).
    for name, data in (
        ("empty.txt", b""),
        ("space.html", b"   "),
        ("newline.md", b"\n"),
        ("nul.pdf", b"\x00"),
        ("pk.docx", b"PK\x03\x04"),
        ("pdf-magic.pdf", b"%PDF"),
    ):
        put(name, data)
    # PDFs (12).
    put("pdf-2000-pages.pdf", _pdf_pages(2_000))
    put("pdf-50000-pages.pdf", _pdf_pages(50_000))
    put("pdf-nested-pages.pdf", _pdf_nested(5_000))
    put(
        "pdf-cyclic-pages.pdf",
        pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"]),
    )
    put("pdf-400k-operators.pdf", _pdf_content(b"0 0 m 1 1 l S\n" * 400_000))
    plain = _pdf_pages(1)
    put("pdf-no-xref.pdf", plain[: plain.index(b"xref")] + b"%%EOF\n")
    put("pdf-bad-startxref.pdf", plain.replace(b"startxref\n", b"startxref\n99999999"))
    put("pdf-header-only.pdf", b"%PDF-1.7\n%%EOF\n")
    put(
        "pdf-encrypt.pdf",
        pdf_bytes(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [] /Count 0 >>",
                b"<< /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>",
            ],
            b"/Encrypt 3 0 R ",
        ),
    )
    put("pdf-30mb-flate.pdf", _pdf_content(b"BT ET\n" * (5 * 1024 * 1024), flate=True))
    good_pdf = next((p for p in good if p.suffix == ".pdf"), None)
    if good_pdf is not None:
        put("pdf-junk-appended.pdf", good_pdf.read_bytes() + rng.randbytes(20_000))
    put("pdf-garbage-stream.pdf", _pdf_content(rng.randbytes(200_000)))
    # HTML mutants (10).
    for name, page in (
        ("html-unclosed-table", "<html><body><table><tr><td>1<td>2<tr><td>3"),
        ("html-td-no-table", "<html><body><td>1</td><td>2</td></body></html>"),
        ("html-colspan-text", '<html><body><table><tr><td colspan="x" rowspan="-5">1</td></tr></table></body></html>'),
        ("html-script-only", "<html><body><script>" + "var a=1;" * 100_000 + "</script></body></html>"),
        ("html-open-comment", "<html><body><!--" + "<div>" * 100_000 + "</body></html>"),
        ("html-plaintext", "<html><body><plaintext>" + "<div>" * 100_000),
        ("html-frameset", "<html><frameset><frame src=a></frameset></html>"),
        ("html-xml-decl", '<?xml version="1.0" encoding="gb2312"?><html><body>一、总体情况</body></html>'),
        ("html-svg", "<html><body><svg>" + "<g>" * 100_000 + "</svg></body></html>"),
        ("html-long-digits-cell", "<html><body><table><tr><td>" + "9" * 1_000_000 + "</td></tr></table></body></html>"),
    ):
        put(f"{name}.html", page)
    # Odd names (5).
    for name in ("new\nline.txt", "-leading-dash.txt", "年" * 80 + ".txt", "spaces  in  name .txt", "emoji😀.html"):
        put(name, texts[0] if name.endswith(".txt") else shuyang)
    return made


_BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10))
    + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
)
_XXE = (
    b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
)


def _big_table(rows: int) -> bytes:
    row = b"<w:tr>" + b"<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>" * 8 + b"</w:tr>"
    return (
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        b"<w:tbl>" + row * rows + b"</w:tbl></w:body></w:document>"
    )


def _zip(parts: dict[str, bytes]) -> bytes:
    path = Path(tempfile.mkstemp(suffix=".zip")[1])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    data = path.read_bytes()
    path.unlink()
    return data


def _docx_with_xml(xml: bytes) -> bytes:
    return _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": xml})


def _pdf_pages(count: int) -> bytes:
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(count))
    pages = [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * count
    return pdf_bytes(
        [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count), *pages]
    )


def _pdf_nested(depth: int) -> bytes:
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(depth):
        number = 2 + level
        objects.append(
            b"<< /Type /Pages /Kids [%d 0 R] /Count 1 %s>>"
            % (number + 1, b"" if level == 0 else b"/Parent %d 0 R " % (number - 1))
        )
    objects.append(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] >>" % (depth + 1))
    return pdf_bytes(objects)


def _pdf_content(content: bytes, flate: bool = False) -> bytes:
    import zlib

    stream = zlib.compress(content, 9) if flate else content
    flt = b"/Filter /FlateDecode " if flate else b""
    return pdf_bytes(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            b"<< %s/Length %d >>\nstream\n%s\nendstream" % (flt, len(stream), stream),
        ]
    )


# ---------------------------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------------------------


def measure(folder: Path, timeout: float, memory: int, jobs: int) -> dict[str, object]:
    """Run in a child process: the batch through ``read_files``, each file's outcome and time."""
    from gongkai.cli.read import expand
    from gongkai.ingest.limited import Limits, read_files

    files = expand([folder])
    outcomes: dict[str, dict[str, object]] = {}
    started = time.perf_counter()
    for index, result in read_files(files, Limits(timeout, memory), jobs):
        outcomes[files[index].name] = {
            "ok": result.ok,
            "seconds": result.seconds,
            "exceeded": result.exceeded,
            "reason": result.error_en,
        }
    return {
        "wall": time.perf_counter() - started,
        "files": outcomes,
        "workers_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "parent_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def reason_of(reason: str) -> str:
    """A refusal's reason, without the file's own particulars (sizes, names, exception text)."""
    short = reason.split(" (")[0].split(":")[0]
    for marker in (
        "zip bomb",
        "truncated",
        "encrypted",
        "damaged",
        "too large",
        "empty",
        "no statutory tables",
        "not a web page",
        "not a PDF",
        "not a valid Word",
        "longer than",
        "memory limit",
        "died",
        "scanned",
        "not text",
        "no text",
        "binary",
    ):
        if marker in reason:
            return marker
    return short[:70]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--memory", default="2G")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="make the files in this folder and keep them")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # the child process's job
    args = parser.parse_args()
    from gongkai.cli.read import parse_memory

    memory = parse_memory(args.memory)
    if args.measure:
        print(json.dumps(measure(args.measure, args.timeout, memory, args.jobs)))
        return 0
    with tempfile.TemporaryDirectory(prefix="gongkai-malformed-") as tmp:
        root = args.keep or Path(tmp)
        batch, work = root / "batch", root / "work"
        batch.mkdir(parents=True)
        work.mkdir()
        started = time.perf_counter()
        good = make_good(batch, work)
        bad = make_bad(batch, good)
        size = sum(p.stat().st_size for p in batch.iterdir()) / 1024**2
        print(
            f"made {len(good)} good and {len(bad)} malformed files ({size:.0f} MB) in "
            f"{time.perf_counter() - started:.0f} s"
        )
        return report(batch, work, good, bad, args)


def report(batch: Path, work: Path, good: list[Path], bad: list[Path], args: argparse.Namespace) -> int:
    limits = ["--timeout", str(args.timeout), "--memory", args.memory, "--jobs", str(args.jobs)]
    child = subprocess.run(
        [sys.executable, __file__, "--measure", str(batch), *limits],
        check=True,
        capture_output=True,
        text=True,
        env=_env(),
    )
    stats = json.loads(child.stdout.splitlines()[-1])
    files: dict[str, dict[str, object]] = stats["files"]
    good_names = {p.name for p in good}
    good_read = sum(1 for n in good_names if files[n]["ok"])
    bad_files = {n: f for n, f in files.items() if n not in good_names}
    over = [n for n, f in files.items() if f["exceeded"]]
    refused = Counter(reason_of(str(f["reason"])) for f in bad_files.values() if not f["ok"])
    slowest = sorted(files.items(), key=lambda item: -float(item[1]["seconds"]))[:5]  # type: ignore[arg-type]
    print(f"\nread_files ({args.jobs} worker(s), limits {args.timeout:g} s, {args.memory}): {stats['wall']:.1f} s")
    print(f"  good files read: {good_read}/{len(good_names)}")
    print(
        f"  malformed: {len(bad_files)}: read {sum(1 for f in bad_files.values() if f['ok'])}, "
        f"refused {sum(refused.values())}"
    )
    for reason, count in refused.most_common():
        print(f"    {count:4d}  {reason}")
    read_bad = sorted(n for n, f in bad_files.items() if f["ok"])
    print("  malformed yet read (still a report):", ", ".join(repr(n) for n in read_bad))
    print(f"  over a limit: {len(over)} {over if over else ''}")
    print(
        f"  max per-file time: {float(slowest[0][1]['seconds']):.2f} s; slowest: "  # type: ignore[arg-type]
        + ", ".join(f"{n!r} {float(f['seconds']):.2f} s" for n, f in slowest)
    )  # type: ignore[arg-type]
    print(f"  peak RSS: workers {stats['workers_peak_mb']:.0f} MB, parent {stats['parent_peak_mb']:.0f} MB")

    out, table = work / "out", work / "all.xlsx"
    started = time.perf_counter()
    command = subprocess.Popen(
        [*GONGKAI, "read", str(batch), "--out", str(out), "--table", str(table.with_suffix(".csv")), *limits],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=_env(),
    )
    _, status, usage = os.wait4(command.pid, 0)
    wall = time.perf_counter() - started
    rows = list(csv.DictReader(table.with_suffix(".csv").read_text(encoding="utf-8-sig").splitlines()))
    print(
        f"\ngongkai read {len(files)} files: exit {os.waitstatus_to_exitcode(status)}, {wall:.1f} s, "
        f"{len(list(out.glob('*.json')))} JSON, table of {len(rows)} rows, peak RSS (command and workers) "
        f"{usage.ru_maxrss / 1024:.0f} MB"
    )
    return 0 if good_read == len(good_names) and not over else 1


if __name__ == "__main__":
    sys.exit(main())
