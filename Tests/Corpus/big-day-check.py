#!/usr/bin/env python3
"""Check the daemon on a very large day: a burst of files while the day already holds N articles.

Builds one legal JSON file of --records small records (real SaudiNewsNet
titles and openings, each made distinct, all of one day), starts
`marsad run` in a temporary folder, drops that file and waits until it is
recorded and the day's digests are written. Then it drops a burst of
--burst single-record files of the same day, a few at a time, and reports:
  - the longest and median wait of a burst file, from its drop until the
    ledger decided it;
  - the daemon's peak resident memory over the whole run;
  - how long after the burst the day's digests were current again;
  - how long SIGTERM took, sent while the day's first digest was being built
    (the restart then finishes it) and again at the end.
The daemon logs go to DIR/daemon.log when --keep DIR is given.

Run from the repository root, with a release build:
  python3 Tests/Corpus/big-day-check.py --marsad .build/release/marsad [--records 200000] [--burst 200]
The last line is the headline figure.
"""
import argparse
import json
import os
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import day_records  # noqa: E402

DAY = '2015-07-21'


def small_records(corpus, count, offset):
    """`count` distinct small records of DAY, from the corpus's first days."""
    pool = []
    for position in range(3):
        pool += day_records(corpus, position) or []
    if not pool:
        sys.exit(f'no SaudiNewsNet corpus at {corpus}')
    records = []
    for index in range(offset, offset + count):
        source = pool[index % len(pool)]
        # Short enough that 200,000 records stay under the 20 MiB file limit.
        title = ' '.join((source.get('title') or '').split()[:2])
        opening = ' '.join((source.get('content') or '').split()[:3])
        # The number keeps every record distinct, so none is taken for a duplicate.
        records.append({'title': f'{title} {index}', 'text': opening, 'date': DAY})
    return records


class Sampler(threading.Thread):
    """Peak VmRSS of a process, sampled every 0.2 s."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.peak, self.running = pid, 0, True

    def run(self):
        while self.running:
            try:
                with open(f'/proc/{self.pid}/status') as status:
                    rss = next(int(line.split()[1]) for line in status if line.startswith('VmRSS'))
                self.peak = max(self.peak, rss)
            except (OSError, StopIteration):
                pass
            time.sleep(0.2)


def ledger(folder):
    """The names the ledger decided, and the number of days whose digests are due (None if unknown)."""
    names, due = set(), None
    try:
        connection = sqlite3.connect(f'file:{folder}/var/marsad.sqlite?mode=ro', uri=True, timeout=5)
    except sqlite3.Error:
        return names, due
    try:
        names = {name for (name,) in connection.execute('SELECT name FROM file')}
        due = connection.execute('SELECT count(*) FROM digestDue').fetchone()[0]
    except sqlite3.Error:
        pass
    finally:
        connection.close()
    return names, due


def wait_for(predicate, timeout, step=0.2):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return False


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--marsad', required=True)
    parser.add_argument('--corpus', default=os.path.join('..', 'shared', 'corpora', 'saudinewsnet'))
    parser.add_argument('--records', type=int, default=200_000)
    parser.add_argument('--burst', type=int, default=200)
    parser.add_argument('--keep')
    args = parser.parse_args()
    marsad = os.path.abspath(args.marsad)

    folder = args.keep or tempfile.mkdtemp(prefix='marsad-big-day-')
    os.makedirs(f'{folder}/inbox', exist_ok=True)
    staging = f'{folder}/staging'
    os.makedirs(staging, exist_ok=True)
    big = f'{staging}/day.json'
    with open(big, 'w') as out:
        json.dump(small_records(args.corpus, args.records, 0), out, ensure_ascii=False, separators=(',', ':'))
    print(f'day file: {args.records} records, {os.path.getsize(big) / 1_048_576:.1f} MiB')
    burst = small_records(args.corpus, args.burst, args.records)
    for index, record in enumerate(burst):
        with open(f'{staging}/burst-{index:04d}.json', 'w') as out:
            json.dump(record, out, ensure_ascii=False)

    log = open(f'{folder}/daemon.log', 'w')

    def start():
        process = subprocess.Popen([marsad, 'run'], cwd=folder, stdout=log, stderr=subprocess.STDOUT)
        sampler = Sampler(process.pid)
        sampler.start()
        return process, sampler

    def stop(process):
        asked = time.time()
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
        return time.time() - asked

    daemon, sampler = start()
    try:
        if not wait_for(lambda: os.path.exists(f'{folder}/var/marsad.sqlite'), 60):
            sys.exit('the daemon did not start')
        started = time.time()
        os.rename(big, f'{folder}/inbox/day.json')
        if not wait_for(lambda: 'day.json' in ledger(folder)[0], 3600, 1):
            sys.exit('the day file was not decided within an hour')
        recorded = time.time() - started
        reading_peak = sampler.peak
        print(f'day file decided in {recorded:.1f}s, peak RSS {reading_peak / 1024:.0f} MB')
        # Into the day's first digest (due after the digest delay), then SIGTERM.
        time.sleep(8)
        digesting = ledger(folder)[1] != 0
        stopped_in_digest = stop(daemon)
        sampler.running = False
        first_peak = sampler.peak
        print(f'SIGTERM {"during" if digesting else "after"} the day\'s digest work: exit in {stopped_in_digest:.1f}s'
              f' (status {daemon.returncode})')
        restarted = time.time()
        daemon, second = start()
        if not wait_for(lambda: ledger(folder)[1] == 0, 3600, 1):
            sys.exit('the restarted daemon did not write the due digests within an hour')
        print(f'restarted: the due digests written {time.time() - restarted:.1f}s after the start,'
              f' peak RSS {second.peak / 1024:.0f} MB')
        sampler = second

        # The ledger is watched from a thread of its own while the burst is dropped.
        dropped, decided = {}, {}

        def watch_ledger():
            deadline = time.time() + 600
            while len(decided) < args.burst and time.time() < deadline:
                names, _ = ledger(folder)
                now = time.time()
                for name, at in list(dropped.items()):
                    if name in names and name not in decided:
                        decided[name] = now - at
                time.sleep(0.1)

        watcher = threading.Thread(target=watch_ledger, daemon=True)
        watcher.start()
        for index in range(args.burst):
            name = f'burst-{index:04d}.json'
            dropped[name] = time.time()
            os.rename(f'{staging}/{name}', f'{folder}/inbox/{name}')
            if index % 10 == 9:
                time.sleep(0.5)
        watcher.join()
        last_decided = time.time()
        waits = sorted(decided.values())
        current = wait_for(lambda: ledger(folder)[1] == 0, 600, 0.1)
        caught_up = time.time() - last_decided
        # A last file of the day starts one more digest update; SIGTERM goes in while it runs.
        with open(f'{folder}/inbox/last.json', 'w') as out:
            json.dump(small_records(args.corpus, 1, args.records + args.burst)[0], out, ensure_ascii=False)
        wait_for(lambda: 'last.json' in ledger(folder)[0], 60, 0.05)
        stopped = stop(daemon)
    finally:
        sampler.running = False
        if daemon.poll() is None:
            daemon.kill()
        log.close()

    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    if len(waits) < args.burst:
        print(f'{args.burst - len(waits)} burst files undecided after 600 s')
    if not waits:
        sys.exit('no burst file was decided')
    print(f'burst of {args.burst}: longest wait {waits[-1]:.2f}s, median {statistics.median(waits):.2f}s;'
          f' digests {"current" if current else "NOT current"} {caught_up:.1f}s after the last was decided')
    peak = max(reading_peak, first_peak, sampler.peak)
    print(f'big day: {args.records} articles, burst longest wait {waits[-1]:.1f}s, peak RSS {peak / 1024:.0f} MB,'
          f' SIGTERM exit in {max(stopped, stopped_in_digest):.1f}s at most (status {daemon.returncode})')


if __name__ == '__main__':
    main()
