"""The prepared exports at a year of data: time and peak memory of the job.

Runs on a database already filled by ``flask bench-seed`` (BENCH_EXPORTS_URL,
default postgresql://postgres@127.0.0.1:5432/fc_exports_bench). Each export
runs here as a worker runs it (``jobs.run_task``: its own session, committed
at the end), one process per export like RQ's work-horse, so each peak
resident set is its own; then the file is downloaded through the app and its
rows counted. Prints a Markdown table; removes the exports it made.

    .venv/bin/python bench/bench_exports.py
"""

import multiprocessing
import os
import resource
import secrets
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

URL = os.environ.get("BENCH_EXPORTS_URL", "postgresql://postgres@127.0.0.1:5432/fc_exports_bench")


def _app():
    os.environ.setdefault("DATABASE_URL", URL)
    os.environ.setdefault("SECRET_KEY", "bench-not-secret")
    os.environ.setdefault("FACTCHECK_CONFIG", "development")
    os.environ.pop("REDIS_URL", None)
    from factcheck import create_app

    return create_app()


def run_job(kind: str, filters: dict, out) -> None:
    """One export as a worker's work-horse runs it; sends back the figures."""
    app = _app()
    from factcheck import jobs
    from factcheck.jobs import tasks
    from factcheck.models.base import utcnow
    from factcheck.services import exports as service

    with app.app_context():
        from factcheck.extensions import db

        upto = service.snapshot(kind)
        db.session.remove()
        token = secrets.token_hex(16)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started = time.perf_counter()
        result = jobs.run_task(
            jobs.task_name(tasks.prepare_export),
            [kind, filters, None, upto, utcnow().isoformat(), token],
            {},
        )
        took = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out.send((token, result, took, before, peak))


def download(token: str) -> tuple[float, int, int, float]:
    """(seconds, bytes, data rows, peak MB of this process) for the file."""
    app = _app()
    from factcheck.services import exports as service

    with app.test_request_context(), app.app_context():
        export = service.find(token)
        started = time.perf_counter()
        size = lines = 0
        for part in service.open_file(export):
            size += len(part)
            lines += part.count(b"\r\n")
        took = time.perf_counter() - started
    return took, size, export.rows, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def remove(tokens: list[str]) -> None:
    app = _app()
    import sqlalchemy as sa

    from factcheck import storage
    from factcheck.extensions import db
    from factcheck.models import DataExport

    with app.app_context():
        for token in tokens:
            storage.export_store().delete(token)
            db.session.execute(sa.delete(DataExport).where(DataExport.token == token))
        db.session.commit()


def main() -> None:
    context = multiprocessing.get_context("fork")
    lines = [
        "| export | rows | size | job time | job peak RSS (at start) | read back | reader peak |",
        "|---|---|---|---|---|---|---|",
    ]
    made = []
    for kind, filters in (("activity", {}), ("claims", {})):
        receive, send = context.Pipe(duplex=False)
        worker = context.Process(target=run_job, args=(kind, filters, send))
        worker.start()
        token, result, took, before, peak = receive.recv()
        worker.join()
        made.append(token)
        receive, send = context.Pipe(duplex=False)

        def read(out, token=token):
            out.send(download(token))

        reader = context.Process(target=read, args=(send,))
        reader.start()
        read_took, size, rows, reader_peak = receive.recv()
        reader.join()
        assert size == result["size"] and rows == result["rows"], (size, rows, result)
        lines.append(
            f"| {kind} | {rows:,} | {size / 2**20:.0f} MB | {took:.1f} s | "
            f"{peak:.0f} MB ({before:.0f} MB) | {read_took:.1f} s | {reader_peak:.0f} MB |"
        )
        print(lines[-1], flush=True)
    remove(made)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
