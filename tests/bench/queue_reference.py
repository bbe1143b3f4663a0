#!/usr/bin/env python3
"""The reference for `proclab bench queue`: items per second through Python's multiprocessing.Queue between two
processes, with the same 64-byte items and the same bounded capacity as the SharedQueue measurement.

A producer process puts bytes objects as fast as it can; this process gets them for SECONDS and counts. The first
item marks the producer's start, so process start-up is not timed. Prints one JSON line:
{"reference": "multiprocessing.Queue", "rounds": [items/s, ...], "median": items/s, ...}
"""
import argparse
import json
import multiprocessing
import statistics
import sys
import time


def produce(queue, stop, item_bytes):
    n = 0
    while not stop.is_set():
        queue.put(n.to_bytes(8, "little") + bytes(item_bytes - 8))
        n += 1


def one_round(seconds, item_bytes, capacity):
    queue = multiprocessing.Queue(maxsize=capacity)
    stop = multiprocessing.Event()
    producer = multiprocessing.Process(target=produce, args=(queue, stop, item_bytes), daemon=True)
    producer.start()
    queue.get()  # the producer is running
    got = 0
    start = time.monotonic()
    while True:
        elapsed = time.monotonic() - start
        if elapsed >= seconds:
            break
        for _ in range(256):
            queue.get()
        got += 256
    stop.set()
    # Drain so that the producer's put (blocked on a full queue) returns and it sees the stop.
    while producer.is_alive():
        try:
            while True:
                queue.get_nowait()
        except Exception:
            pass
        producer.join(0.05)
    queue.close()
    queue.join_thread()
    return got / elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=1.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--item-bytes", type=int, default=64)
    parser.add_argument("--capacity", type=int, default=1024)
    args = parser.parse_args()
    if not (0 < args.seconds <= 60 and 1 <= args.rounds <= 9 and 8 <= args.item_bytes <= 4096 and args.capacity >= 1):
        print("queue_reference.py: --seconds 0…60, --rounds 1…9, --item-bytes 8…4096, --capacity ≥ 1", file=sys.stderr)
        return 2
    rounds = [one_round(args.seconds, args.item_bytes, args.capacity) for _ in range(args.rounds)]
    print(json.dumps({
        "reference": "multiprocessing.Queue",
        "python": sys.version.split()[0],
        "item_bytes": args.item_bytes,
        "capacity": args.capacity,
        "seconds_per_round": args.seconds,
        "rounds": [round(r) for r in rounds],
        "median": round(statistics.median(rounds)),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
