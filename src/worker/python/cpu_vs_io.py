"""ProcLab's cpu-vs-io lesson on real CPython threads (cpu-vs-io with lang=python).

ProcLab starts this script as a lab process (proclab-worker --role python execs python3 on it). It starts
--threads threads that compute in pure Python (--work cpu: they need the GIL all the time) or wait like IO
(--work io: time.sleep releases the GIL), names each thread for the kernel (cpu-1, io-2 …) and tells the
supervisor about it on the control socket, in the lab's control protocol (ControlMessage):

    thread-start 0 tid=T role=R name=N

Then it runs until ProcLab ends it (SIGTERM). It prints nothing: what it does is read from outside — the kernel's
counters for each thread, and the GIL's holder read from this process's memory by ProcLab's GIL sampler.
"""

import argparse
import ctypes
import os
import threading
import time

PR_SET_NAME = 15


def name_this_thread(name):
    # Python 3.11 does not give its threads' names to the kernel: ProcLab's lanes and rows show the kernel's.
    try:
        ctypes.CDLL(None).prctl(PR_SET_NAME, name.encode()[:15], 0, 0, 0)
    except (OSError, AttributeError):
        pass


def announce(fd, role, name):
    if fd < 0:
        return
    try:
        os.write(fd, f"thread-start 0 tid={threading.get_native_id()} role={role} name={name}".encode())
    except OSError:
        pass  # the supervisor is gone: the death signal ends this process


def compute(stop):
    n = 0
    while not stop.is_set():
        for _ in range(20000):  # pure Python: the thread holds the GIL for every step
            n += 1


def wait_like_io(stop, seconds):
    while not stop.is_set():
        time.sleep(seconds)  # releases the GIL while it sleeps
        sum(range(200))      # a little work per item, with the GIL


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--work", choices=("cpu", "io"), default="cpu")
    parser.add_argument("--io-ms", type=int, default=20)
    parser.add_argument("--first", type=int, default=1, help="the number of the first thread's name")
    parser.add_argument("--control-fd", type=int, default=-1)
    args = parser.parse_args()

    stop = threading.Event()

    def body(number):
        name = f"{args.work}-{number}"
        name_this_thread(name)
        announce(args.control_fd, args.work, name)
        if args.work == "cpu":
            compute(stop)
        else:
            wait_like_io(stop, args.io_ms / 1000.0)

    threads = [threading.Thread(target=body, args=(args.first + i,), daemon=True)
               for i in range(max(1, args.threads))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()  # waits in a lock with the GIL released; SIGTERM ends the process


if __name__ == "__main__":
    main()
