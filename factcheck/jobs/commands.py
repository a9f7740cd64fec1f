"""``flask worker`` and ``flask scheduler``: the background half of `make serve`."""

import logging
import time

import click
from flask import current_app
from flask.cli import with_appcontext

from factcheck import jobs, logs
from factcheck.jobs import tasks

log = logging.getLogger(__name__)

DAILY_BACKUP_CRON = "15 2 * * *"  # 02:15 UTC


def _schedule() -> list[tuple]:
    """(task, seconds between runs, or a cron line) for each scheduled job."""
    config = current_app.config
    entries = [
        (tasks.send_reminders, config["REMINDER_INTERVAL"], None),
        (tasks.send_digests, None, config["DIGEST_CRON"]),
        (tasks.sweep_uploads, 3600, None),
        (tasks.sweep_exports, 3600, None),
    ]
    if config.get("BACKUP_FOLDER"):
        entries.append((tasks.daily_backup, None, DAILY_BACKUP_CRON))
    return entries


def _configure_logs() -> None:
    logs.configure(current_app.config["LOG_FORMAT"], current_app.config["LOG_LEVEL"])


@click.command("worker")
@click.option("--burst", is_flag=True, help="Stop when the queue is empty.")
@with_appcontext
def worker_command(burst: bool) -> None:
    """Run background jobs from the Redis queue (needs REDIS_URL)."""
    from rq import Worker

    if not current_app.config.get("REDIS_URL"):
        raise click.ClickException("Set REDIS_URL: without it jobs run inside the app.")
    _configure_logs()
    from factcheck.extensions import db

    db.engine.dispose()  # each job's process opens its own connections
    worker = Worker([jobs.queue()], connection=jobs.redis_connection())
    worker.work(burst=burst, with_scheduler=True, logging_level=current_app.config["LOG_LEVEL"])


@click.command("scheduler")
@with_appcontext
def scheduler_command() -> None:
    """Start the reminders (every REMINDER_INTERVAL seconds) and, with
    BACKUP_FOLDER set, the daily backup. With REDIS_URL they are put on the
    queue for the workers; several schedulers are harmless (the jobs are
    idempotent). Without it they run here, in this process."""
    _configure_logs()
    if current_app.config.get("REDIS_URL"):
        from rq.cron import CronScheduler

        scheduler = CronScheduler(connection=jobs.redis_connection())
        for func, interval, cron in _schedule():
            scheduler.register(
                jobs.run_task,
                current_app.config["JOB_QUEUE"],
                args=(jobs.task_name(func), [], {}, ""),
                interval=interval,
                cron=cron,
                job_timeout=current_app.config["JOB_TIMEOUT"],
                name=jobs.task_name(func),
            )
        scheduler.start()
        return
    _run_in_process()


def _run_in_process() -> None:
    """Every REMINDER_INTERVAL: the jobs that run on an interval; the others
    when their cron line has come round since the last look."""
    from croniter import croniter

    interval = current_app.config["REMINDER_INTERVAL"]
    last = time.time()
    while True:
        now = time.time()
        for func, _every, cron in _schedule():
            if cron is None or croniter(cron, last).get_next(float) <= now:
                jobs.enqueue(func)
        last = now
        time.sleep(interval)


def init_app(app) -> None:
    app.cli.add_command(worker_command)
    app.cli.add_command(scheduler_command)
