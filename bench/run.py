#!/usr/bin/env python3
"""ganbook's benchmark runner (`make bench`).

Each row compares ganbook with a named peer in the same run and prints both
timings and their ratio (ours / peer), with the goal the issue set. Process-level
rows are timed by hyperfine (no shell, warm-up runs, median of many runs).
Later issues add rows: write a function that returns a Row and decorate it
with @row.

    python3 bench/run.py --bin .build/release/ganbook [--only NAME] [--runs N]

Rows that time a fit inside each process (scikit-learn vs ganbook-bench) need
numpy and scikit-learn; make bench installs them with pip when missing.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROWS = []


def row(function):
    ROWS.append(function)
    return function


@dataclass
class Row:
    """One comparison. With a peer, the goal is the largest acceptable ratio
    ours/peer; without one (peer is None), the goal is a time in seconds."""
    name: str
    ours: float  # seconds (median)
    peer: float | None  # seconds (median)
    peer_name: str
    goal: float | None  # None: reported, no goal
    unit: str = "s"  # "s" (shown in ms) or "bytes" (shown in MB)
    time_goal: bool = False  # the goal is a wall time even though a peer is shown

    @property
    def ratio(self):
        return self.ours / self.peer if self.peer else None

    @property
    def met(self):
        if self.goal is None:
            return True
        return self.ratio <= self.goal if self.peer and not self.time_goal else self.ours <= self.goal

    def show(self, value):
        return f"{value / 2**20:.1f} MB" if self.unit == "bytes" else _ms(value)


def hyperfine_medians(commands, runs, warmup=20, env=None, prepare=None):
    """Median wall time in seconds of each command (a list of argv lists);
    `prepare`, a shell command, runs before each timed run."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run(
            ["hyperfine", "-N", "--style", "none", "--warmup", str(warmup), "--runs", str(runs),
             "--export-json", out.name]
            + (["--prepare", prepare] if prepare else [])
            + [" ".join(_quote(a) for a in argv) for argv in commands],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        results = json.load(open(out.name))["results"]
    return [r["median"] for r in results]


def _quote(arg):
    return "'" + arg.replace("'", "'\\''") + "'" if any(c in arg for c in " \"'()") else arg


def longest_note():
    notes = os.path.join(ROOT, "notes")
    paths = [os.path.join(notes, f) for f in os.listdir(notes) if f.endswith(".md")]
    return max(paths, key=os.path.getsize)


@row
def read_longest_note(args):
    path = longest_note()
    note_id = os.path.basename(path)[:-3].split("-", 1)[1]
    ours, peer = hyperfine_medians(
        [[args.bin, "read", note_id, "--no-pager"], ["cmark", path]], args.runs)
    size = os.path.getsize(path) / 1024
    goal, where = wall_goal(0.015)
    return Row(f"read {os.path.basename(path)} ({size:.0f} KB)", ours, peer,
               f"cmark → HTML; goal: wall time, {where}", goal=goal, time_goal=True)


@row
def list_notes(args):
    """list as a learner runs it: every note parsed (issue 23: at most 15 ms on the Intel VM)."""
    with tempfile.TemporaryDirectory() as data:
        (ours,) = hyperfine_medians([[args.bin, "list"]], args.runs, env=dict(os.environ, GANBOOK_DATA=data))
    goal, where = wall_goal(0.015)
    return Row("list", ours, None, f"goal: wall time, {where}", goal=goal)


def wall_goal(intel_seconds):
    """An issue's wall-time budget is for the Intel Xeon 2-core VM unless it says otherwise, and
    on an AMD Zen 5 (family 26) the aim is about half of it (the developers' guide: our GAN demos
    run about 2× slower on the Intel VM). Any other CPU gets the Intel budget. Returns the goal
    in seconds and a note naming the CPU and which budget applies."""
    cpu = cpu_name()
    zen5 = "AMD" in cpu and lscpu().get("CPU family") == "26"
    budget = "half the Intel VM's budget (Zen 5)" if zen5 else "the Intel VM's budget"
    return (intel_seconds / 2 if zen5 else intel_seconds), f"{cpu}, {os.cpu_count()} cores, {budget}"



@row
def demo_jsd_default(args):
    return _demo_time(args, ["demo", "jsd"], "demo jsd (default run)", 0.3)


@row
def demo_jsd_sweep(args):
    return _demo_time(args, ["demo", "jsd", "--sweep"], "demo jsd --sweep (default)", 0.3)


@row
def demo_optimal_d_default(args):
    return _demo_time(args, ["demo", "optimal-d"], "demo optimal-d (default run)", 0.1)


@row
def demo_optimal_d_sweep(args):
    return _demo_time(args, ["demo", "optimal-d", "--sweep"], "demo optimal-d --sweep (default)", 0.3)


@row
def demo_gen_vs_disc_default(args):
    return _demo_time(args, ["demo", "gen-vs-disc"], "demo gen-vs-disc (default run)", 0.5, runs=5)


@row
def demo_train_default(args):
    """Budget 2 s on a Zen 5, so 4 s on the Intel VM (see wall_goal)."""
    return _gan_demo_time(args, ["demo", "train"], "demo train (default run)", 4.0, runs=3)


@row
def demo_d_steps_default(args):
    """Budget 8 s on a Zen 5, so 16 s on the Intel VM."""
    return _gan_demo_time(args, ["demo", "d-steps"], "demo d-steps (default run)", 16.0, runs=2)


@row
def demo_mode_collapse_default(args):
    """The default run's wall time (ring, every method, 5 seeds, on every core), with the CPU
    named: issue 22's goal is 40 s on an Intel Xeon 2-core VM, about 20 s on an AMD Zen 5 (see
    wall_goal). Then its peak memory at 300 and at the default
    steps: the memory must not grow with the steps."""
    time_row = _gan_demo_time(args, ["demo", "mode-collapse"], "demo mode-collapse (default run)", 40.0, runs=2)
    full, _ = _peak_rss([args.bin, "demo", "mode-collapse"])
    short, _ = _peak_rss([args.bin, "demo", "mode-collapse", "--steps", "300"])
    memory_row = Row("mode-collapse peak RSS, default vs 300 steps", full, short, "the same at 300 steps",
                     goal=1.1, unit="bytes")
    return [time_row, memory_row]


def lscpu():
    """lscpu's fields by name (the first of each), or none when lscpu cannot run."""
    fields = {}
    try:
        for line in subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout.splitlines():
            key, _, value = line.partition(":")
            fields.setdefault(key.strip(), value.strip())
    except (OSError, subprocess.CalledProcessError):
        pass
    return fields


def cpu_name():
    """lscpu's model name, with the family and model numbers when the name alone is vague
    (a VM's "AMD EPYC" does not say which generation: family 25 is Zen 3 or 4, 26 is Zen 5)."""
    fields = lscpu()
    name = fields.get("Model name", "CPU unknown")
    if len(name.split()) <= 2 and "CPU family" in fields:
        name += f" (family {fields['CPU family']}, model {fields.get('Model', '?')})"
    return name


def _gan_demo_time(args, words, name, intel_seconds, runs):
    """A GAN demo's default run against its wall-time budget on this CPU (wall_goal)."""
    goal, where = wall_goal(intel_seconds)
    time_row = _demo_time(args, words, name, goal, runs=runs)
    time_row.peer_name = f"goal: wall time, {where}"
    return time_row


def _demo_time(args, words, name, goal, runs=None):
    """A default demo run, whole process, against a wall-time goal in seconds."""
    runs = runs or max(10, args.runs // 10)
    (ours,) = hyperfine_medians([[args.bin] + words], runs, warmup=min(3, runs))
    return Row(name, ours, None, "goal: wall time", goal=goal)


def _peak_rss(argv, env=None):
    """(peak resident memory in bytes, wall seconds) of one run of argv, by GNU time."""
    import time
    with tempfile.NamedTemporaryFile(suffix=".txt") as out:
        start = time.perf_counter()
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", out.name] + argv, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        seconds = time.perf_counter() - start
        return int(open(out.name).read().split()[-1]) * 1024, seconds


@row
def export_cold(args):
    """export --html of the whole bundled notebook with an empty cache: every demo cell runs,
    on every core at once."""
    import shutil
    data = os.path.join(ROOT, "bench", "out", "cold-cache")
    site = os.path.join(ROOT, "bench", "out", "cold-site")
    shutil.rmtree(data, ignore_errors=True)
    rss, seconds = _peak_rss([args.bin, "export", "--html", site, "--data", data])
    cells = len(os.listdir(os.path.join(data, "demo-cache")))
    return Row(f"export --html, empty cache ({cells} cells, {rss / 2**20:.0f} MB peak)", seconds, None,
               "goal: wall time", goal=60.0)


@row
def fit_models(args):
    """NB and LR fits on 100,000 × 20 rows, timed inside each process."""
    rows, features, repeats = 100_000, 20, 5
    out = os.path.join(ROOT, "bench", "out")
    os.makedirs(out, exist_ok=True)
    x, y = os.path.join(out, "fit-x.f64"), os.path.join(out, "fit-y.u8")
    peer = os.path.join(ROOT, "bench", "fit_peer.py")
    subprocess.run([sys.executable, peer, "write", x, y, str(rows), str(features), "7"], check=True)
    bench_bin = os.path.join(os.path.dirname(args.bin), "ganbook-bench")
    ours = json.loads(subprocess.run([bench_bin, "fit", x, y, str(rows), str(features), str(repeats)],
                                     check=True, capture_output=True, text=True).stdout)
    theirs = json.loads(subprocess.run([sys.executable, peer, "time", x, y, str(rows), str(features), str(repeats)],
                                       check=True, capture_output=True, text=True).stdout)
    version = theirs["sklearn"]
    return [
        Row(f"fit naive Bayes, {rows} × {features}", ours["naive_bayes"], theirs["naive_bayes"],
            f"scikit-learn {version} GaussianNB", goal=1.0),
        Row(f"fit logistic regression, to convergence ({ours['lr_iterations']} it.)", ours["logistic_regression"],
            theirs["logistic_regression"], f"lbfgs tol=1e-10 ({theirs['lr_iterations']} it.)", goal=1.0),
        Row("fit logistic regression, vs sklearn's default", ours["logistic_regression"],
            theirs["logistic_regression_default_tol"], "lbfgs default tol=1e-4", goal=1.0),
    ]


# PyTorch limited to AVX2, for the row where our kernels are too: ATen's own kernels,
# oneDNN's and MKL's.
TORCH_AVX2 = {"ATEN_CPU_CAPABILITY": "avx2", "ONEDNN_MAX_CPU_ISA": "AVX2", "MKL_ENABLE_INSTRUCTIONS": "AVX2"}


@row
def gan_step(args):
    """One D step + one G step, 2×128 MLPs, ring, batch 256: ours (every product on one
    thread) against PyTorch on two (torch.set_num_threads(2)). Then both limited to AVX2
    (our GANBOOK_KERNEL=avx2, what a CPU without AVX-512 runs), and our portable C path
    alone."""
    bench_bin = os.path.join(os.path.dirname(args.bin), "ganbook-bench")
    peer_script = os.path.join(ROOT, "bench", "gan_step_peer.py")

    def ours(kernel, steps="300"):
        env = dict(os.environ, **({"GANBOOK_KERNEL": kernel} if kernel else {}))
        return json.loads(subprocess.run([bench_bin, "gan-step", steps], check=True, capture_output=True,
                                         text=True, env=env).stdout)

    def theirs(extra):
        return subprocess.run([sys.executable, peer_script, "300"], capture_output=True, text=True,
                              env=dict(os.environ, **extra))

    best = ours(None)
    peer = theirs({})
    if peer.returncode == 3:
        print(f"{'GAN training step (2×128, batch 256)':<44} {_ms(best['gan_step']):>10}  skipped: torch is not "
              "installed (pip install /opt/wheels/torch-*+cpu-*.whl, or torch, to compare)", flush=True)
        return []
    peer.check_returncode()
    peer = json.loads(peer.stdout)
    rows = [Row(f"GAN step, {best['kernel']} kernels", best["gan_step"], peer["gan_step"],
                f"PyTorch {peer['torch']} CPU, 2 threads", goal=0.5)]
    if best["kernel"] == "avx512":
        avx2 = ours("avx2")
        peer2 = json.loads(theirs(TORCH_AVX2).stdout)
        rows.append(Row("GAN step, avx2 kernels (forced)", avx2["gan_step"], peer2["gan_step"],
                        "PyTorch, 2 threads, AVX2 forced", goal=0.5))
    portable = ours("portable", "10")
    rows.append(Row("GAN step, portable C (forced)", portable["gan_step"], best["gan_step"],
                    f"ours, {best['kernel']} kernels", goal=None))
    return rows


# The methods of `demo mode-collapse`, as CollapseMethod names them, and the steps timed for each.
REMEDY_METHODS = ["vanilla", "pacgan", "minibatch", "unrolled", "dragan", "ebgan", "mad-gan", "mrgan"]


@row
def remedy_steps(args):
    """One training step of each method of `demo mode-collapse`, in the demo's own setting
    (CollapseSetting: ring, batch 128, Metz et al.'s networks, each remedy's hyperparameters,
    unrolled K = 5): ganbook-bench (one thread) against PyTorch on 2 threads doing the same
    step on the same shapes (bench/remedy_step_peer.py). Ours and the peer alternate method by
    method, so that a busy spell on the machine hits both. PyTorch on one thread
    (torch.set_num_threads(1)) is shown beside, for reference."""
    bench_bin = os.path.join(os.path.dirname(args.bin), "ganbook-bench")
    peer_script = os.path.join(ROOT, "bench", "remedy_step_peer.py")

    def ours(method, steps):
        return json.loads(subprocess.run([bench_bin, "remedy-step", method, str(steps)], check=True,
                                         capture_output=True, text=True).stdout)

    def theirs(method, steps, threads):
        return subprocess.run([sys.executable, peer_script, "--threads", threads, str(steps), method],
                              capture_output=True, text=True)

    rows = []
    for method in REMEDY_METHODS:
        steps = 100 if method in ("unrolled", "minibatch") else 300
        best = ours(method, steps)
        peer = theirs(method, steps, "2")
        if peer.returncode == 3:
            print(f"{'remedy steps':<44} skipped: torch is not installed (pip install "
                  "/opt/wheels/torch-*+cpu-*.whl, or torch, to compare)", flush=True)
            return []
        peer.check_returncode()
        peer = json.loads(peer.stdout)
        peer_alone = json.loads(theirs(method, steps, "1").stdout)
        rows.append(Row(f"{method} step, batch 128", best["step"], peer["step"],
                        f"PyTorch {peer['torch']}, 2 threads (1 thread: {_ms(peer_alone['step'])})", goal=0.5))
    return rows


@row
def digits_step(args):
    """One training step of `demo digits`'s default GAN (DigitsSetting: the bundled digits, batch
    64, z of 16, 2×128 MLPs, Adam): ganbook-bench (one thread) against PyTorch on 2 threads
    doing the same step on the same shapes (bench/digits_step_peer.py). PyTorch on one thread
    is shown beside, for reference."""
    bench_bin = os.path.join(os.path.dirname(args.bin), "ganbook-bench")
    peer_script = os.path.join(ROOT, "bench", "digits_step_peer.py")

    def ours():
        return json.loads(subprocess.run([bench_bin, "digits-step", "300"], check=True, capture_output=True,
                                         text=True).stdout)

    def theirs(threads):
        return subprocess.run([sys.executable, peer_script, "--threads", threads, "300"], capture_output=True, text=True)

    best = ours()
    peer = theirs("2")
    if peer.returncode == 3:
        print(f"{'digits GAN step':<44} {_ms(best['digits_step']):>10}  skipped: torch is not installed "
              "(pip install /opt/wheels/torch-*+cpu-*.whl, or torch, to compare)", flush=True)
        return []
    peer.check_returncode()
    peer = json.loads(peer.stdout)
    peer_alone = json.loads(theirs("1").stdout)
    return [Row(f"digits GAN step, batch 64, {best['kernel']}", best["digits_step"], peer["digits_step"],
                f"PyTorch {peer['torch']}, 2 threads (1 thread: {_ms(peer_alone['digits_step'])})", goal=0.5)]


@row
def demo_digits_default(args):
    """The default `demo digits` run, whole process (issue 24: at most 20 s on the Intel Xeon
    2-core VM, about 10 s on an AMD Zen 5; see wall_goal)."""
    return _gan_demo_time(args, ["demo", "digits"], "demo digits (default run)", 20.0, runs=3)


@row
def quiz_stats(args):
    """`ganbook quiz stats` with 10,000 logged reviews, against the same with none."""
    import sqlite3
    import shutil
    out = os.path.join(ROOT, "bench", "out")
    empty, full = os.path.join(out, "quiz-empty"), os.path.join(out, "quiz-10k")
    for folder in (empty, full):
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run([args.bin, "quiz", "stats", "--data", folder], check=True, capture_output=True)
    notes = os.path.join(ROOT, "notes")
    card_ids = []
    for name in sorted(f for f in os.listdir(notes) if f.endswith(".md")):  # not zh/
        note = name[:-3].split("-", 1)[1]
        for line in open(os.path.join(notes, name)):
            if line.startswith("id: "):
                card_ids.append((line[4:].strip(), note))
    db = sqlite3.connect(os.path.join(full, "progress.sqlite"))
    for i, (card, note) in enumerate(card_ids):
        db.execute("INSERT INTO card VALUES (?, ?, 2, NULL, 10.0, 5.0, ?, ?)", (card, note, 1.8e9 + i * 3600, 1.79e9))
    rows = [(card_ids[i % len(card_ids)][0], card_ids[i % len(card_ids)][1], 1.7e9 + i * 60, 1 + i % 4, "scheduled",
             2, 2, 1.0, 2.0, 5.0, 5.0, 1.7e9, 1.8e9, 3000) for i in range(10_000)]
    db.executemany("INSERT INTO reviewLog (card, note, time, grade, kind, stateBefore, stateAfter, stabilityBefore, "
                   "stabilityAfter, difficultyBefore, difficultyAfter, dueBefore, dueAfter, milliseconds) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    db.commit()
    db.close()
    ours, peer = hyperfine_medians([[args.bin, "quiz", "stats", "--data", full],
                                    [args.bin, "quiz", "stats", "--data", empty]], max(20, args.runs // 5))
    return Row("quiz stats, 10,000 reviews vs none", ours, peer, "the same, no reviews", goal=2.0)


@row
def read_run_warm(args):
    """read --run of a note with demo cells, warm cache, against plain read of it. The cache
    keeps each cell's report, not its rendered text, so a warm run decodes and draws three
    reports; its goal is read's wall time (issue 23), with plain read beside it for scale."""
    data = os.path.join(ROOT, "bench", "out", "run-cache")
    words = [args.bin, "read", "jsd", "--no-pager", "--data", data]
    subprocess.run(words + ["--run"], check=True, capture_output=True)  # warm the cache
    ours, peer = hyperfine_medians([words + ["--run"], words], args.runs)
    goal, where = wall_goal(0.015)
    return Row("read --run jsd (3 cells), warm cache", ours, peer,
               f"plain read of the same note; goal: wall time, as read's, {where}", goal=goal, time_goal=True)


@row
def export_warm(args):
    """export --html of the whole notebook with a warm cache (the first run fills it: minutes)."""
    data = os.path.join(ROOT, "bench", "out", "run-cache")
    site = os.path.join(ROOT, "bench", "out", "site")
    subprocess.run([args.bin, "export", "--html", site, "--data", data], check=True, capture_output=True)
    (ours,) = hyperfine_medians([[args.bin, "export", "--html", site, "--data", data]], 10)
    return Row("export --html, whole notebook, warm cache", ours, None, "report the time", goal=5.0)


def _lab_bench(args, extra, pane):
    """`ganbook lab --bench 5 --size 100x30 EXTRA`: the live loop runs for 5 s from the start and
    prints steps, frames and seconds as JSON on stderr. With `pane` and tmux it draws into a real
    100×30 terminal (a tmux pane, whose parsing of our output is part of the cost); else to
    /dev/null."""
    import shutil
    import time

    argv = [args.bin, "lab", "--bench", "5", "--size", "100x30"] + extra
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        tmux = shutil.which("tmux")
        if tmux and pane:
            socket = f"ganbook-bench-{os.getpid()}"
            command = " ".join(_quote(a) for a in argv) + f" 2> {out.name}; tmux -L {socket} wait-for -S done"
            subprocess.run([tmux, "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "100", "-y", "30",
                            "env", "TERM=xterm-256color", "COLORTERM=truecolor", "sh", "-c", command],
                           check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            subprocess.run([tmux, "-L", socket, "wait-for", "done"], check=True, timeout=60,
                           stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            subprocess.run([tmux, "-L", socket, "kill-server"], stdin=subprocess.DEVNULL,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(0.1)
        else:
            with open(out.name, "w") as err:
                subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=err)
        return json.loads(open(out.name).read().strip().splitlines()[-1])


def _lab_where():
    import shutil
    return "a tmux pane" if shutil.which("tmux") else "/dev/null"


@row
def lab_live(args):
    """`ganbook lab` at 100×30 while training (see `_lab_bench`). Rows: seconds per frame
    (goal ≥ 15 fps), and seconds per training step with drawing against the same loop headless
    (goal: ≥ 70% of its speed)."""
    drawn, headless = _lab_bench(args, [], pane=True), _lab_bench(args, ["--headless"], pane=False)
    per_frame = drawn["seconds"] / drawn["frames"]
    step_drawn, step_headless = drawn["seconds"] / drawn["steps"], headless["seconds"] / headless["steps"]
    return [
        Row(f"lab: a frame at 100×30 while training ({_lab_where()})", per_frame, None,
            f"goal: ≥ 15 fps ({1 / per_frame:.1f} fps)", goal=0.0667),
        Row("lab: a training step, drawing vs headless", step_drawn, step_headless,
            f"the lab headless (drawing keeps {step_headless / step_drawn * 100:.0f}% of its speed)", goal=1 / 0.7),
    ]


@row
def lab_digits(args):
    """`ganbook lab --target digits` at 100×30 while training (issue 24): G's 24 images drawn
    every frame, the Fréchet distance and coverage measured every 100 steps. Goal ≥ 15 fps."""
    drawn = _lab_bench(args, ["--target", "digits"], pane=True)
    per_frame = drawn["seconds"] / drawn["frames"]
    return Row(f"lab --target digits: a frame at 100×30 ({_lab_where()})", per_frame, None,
               f"goal: ≥ 15 fps ({1 / per_frame:.1f} fps, {drawn['steps'] / drawn['seconds']:.0f} steps/s)",
               goal=0.0667)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build/release/ganbook"))
    parser.add_argument("--only", help="run only rows whose function name contains this")
    parser.add_argument("--runs", type=int, default=300)
    args = parser.parse_args()

    print(f"{'comparison':<44} {'ours':>10} {'peer':>10} {'ratio':>7}  {'goal':<9} peer")
    failed = False
    for function in ROWS:
        if args.only and args.only not in function.__name__:
            continue
        result = function(args)
        for r in result if isinstance(result, list) else [result]:
            failed |= not r.met
            mark = "✓" if r.met else "✗"
            if r.goal is None:
                goal, mark = "–", " "
            else:
                goal = f"≤{r.goal:g}×" if r.peer and not r.time_goal else f"≤{r.goal:g} s"
            if r.peer:
                print(f"{r.name:<44} {r.show(r.ours):>10} {r.show(r.peer):>10} {r.ratio:>6.2f}×  "
                      f"{goal:<7} {mark}   {r.peer_name}", flush=True)
            else:
                print(f"{r.name:<44} {r.show(r.ours):>10} {'–':>10} {'–':>7}  "
                      f"{goal:<7} {mark}   {r.peer_name}", flush=True)
    sys.exit(1 if failed else 0)


def _ms(seconds):
    return f"{seconds * 1000:.2f} ms"


if __name__ == "__main__":
    main()
