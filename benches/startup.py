#!/usr/bin/env python3
"""Start-to-first-frame of liuzhou-tui beside a minimal ratatui program, each run in
a pseudo-terminal: the time from exec until the frame's last text has been written.
Median of 20 runs each.

    cargo build --release --bins --examples && python3 benches/startup.py
"""
import fcntl, os, pty, select, statistics, struct, sys, termios, time

RUNS = 20
PROGRAMS = [
    ("minimal ratatui (one bordered paragraph)", ["target/release/examples/minimal"], b"minimal"),
    ("liuzhou-tui (embedded data, first frame)", ["target/release/liuzhou-tui", "--lang", "en"], b"q quit"),
]


def first_frame(argv, marker):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        # A real terminal's size, 100×30, before the program asks for it.
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        os.environ["TERM"] = "xterm-256color"
        os.execv(argv[0], argv)
    seen = b""
    elapsed = None
    deadline = start + 10
    while time.perf_counter() < deadline:
        r, _, _ = select.select([fd], [], [], 0.5)
        if not r:
            continue
        try:
            seen += os.read(fd, 65536)
        except OSError:
            break
        if marker in seen:
            elapsed = time.perf_counter() - start
            break
    os.write(fd, b"q")
    os.waitpid(pid, 0)
    os.close(fd)
    return elapsed


for _, argv, _ in PROGRAMS:
    if not os.path.exists(argv[0]):
        sys.exit(f"{argv[0]} is missing: cargo build --release --bins --examples")
# Interleaved, so that a noisy moment on the machine falls on both programs alike.
times = [[] for _ in PROGRAMS]
for _ in range(RUNS):
    for i, (_, argv, marker) in enumerate(PROGRAMS):
        times[i].append(first_frame(argv, marker))
medians = []
for (name, _, _), runs in zip(PROGRAMS, times):
    ok = [t for t in runs if t is not None]
    medians.append(statistics.median(ok))
    print(f"{name}: median {medians[-1] * 1000:.2f} ms, min {min(ok) * 1000:.2f} ms, "
          f"max {max(ok) * 1000:.2f} ms ({len(ok)}/{RUNS} runs)")
print(f"ratio of medians: {medians[1] / medians[0]:.2f}")
