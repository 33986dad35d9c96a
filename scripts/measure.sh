#!/usr/bin/env bash
# Measures crossroads as a person feels it: the whole process, in a real
# (tmux) terminal, against a C/ncurses program doing the same job.
#
#   bash scripts/measure.sh            # everything, a few minutes
#   ROUNDS=7 KEYS=41 PARTS="a b c d" bash scripts/measure.sh
#
# (a) `crossroads score FILE --answers A --format json` on generated
#     assessments of 500, 5,000 and 50,000 questions (the generator of
#     benches/engine.rs, run through its CROSSROADS_BENCH_WRITE mode), median
#     of several runs (hyperfine when installed, else a `date +%s%N` loop),
#     peak RSS, and the independent Python scorer (scripts/oracle/score.py)
#     on the 5,000-question file for comparison.
# (b) First frame: in tmux at 80x24, the time from starting
#     `crossroads run career-tracks` to its title on screen, against
#     `dialog --msgbox hello 10 30` to "hello"; ROUNDS paired rounds (order
#     alternating), medians and their ratio. The screen is polled with
#     `tmux capture-pane` as fast as it answers; the poll interval printed is
#     the resolution.
# (c) Peak RSS (`/usr/bin/time -v`) of a whole session: plain mode driven by
#     `yes 1`, and the terminal app walked through in tmux (help, overview,
#     every question, results).
# (d) Keystroke to redrawn screen in tmux at 200x60: send a key, poll until
#     the screen (with colours) changes; median of KEYS presses, next to
#     `cat` (the floor of this method: the terminal's own echo) and
#     `dialog --menu`. Also the bytes the app writes for a key that changes
#     nothing, and its CPU time while idle.
#
# Needs python3 with PyYAML (for the Python scorer); installs tmux, dialog,
# time and hyperfine with apt-get only if they are missing. Not run by CI.
# Everything runs on a private tmux server and in a temporary folder, both
# removed at the end.

set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export ROUNDS=${ROUNDS:-7}
export KEYS=${KEYS:-41}
export PARTS=${PARTS:-a b c d}

have() { command -v "$1" >/dev/null 2>&1; }

missing=()
have tmux || missing+=(tmux)
have dialog || missing+=(dialog)
[ -x /usr/bin/time ] || missing+=(time)
have hyperfine || missing+=(hyperfine)
if ((${#missing[@]})); then
    echo "== installing ${missing[*]}"
    SUDO=
    [ "$(id -u)" = 0 ] || SUDO=sudo
    if have apt-get; then
        $SUDO apt-get update -qq || true
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null ||
            echo "   (some packages could not be installed; continuing without them)"
    fi
fi
for tool in tmux dialog /usr/bin/time python3; do
    have "$tool" || { echo "measure.sh needs $tool" >&2; exit 2; }
done
python3 -c 'import yaml' 2>/dev/null || { echo "measure.sh needs PyYAML (python3 -m pip install pyyaml)" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/crossroads-measure.XXXXXX")
export WORK
export SOCK="crossroads-measure-$$"
cleanup() {
    tmux -L "$SOCK" kill-server 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "== building (release)"
cargo build --release --quiet
export BIN=$ROOT/target/release/crossroads
if [[ " $PARTS " == *" a "* ]]; then
    echo "== generating 500 / 5,000 / 50,000-question assessments and answers"
    CROSSROADS_BENCH_WRITE=$WORK/gen cargo bench --quiet --bench engine 2>&1 | grep -v '^$' | sed 's/^/   /'
fi

export ROOT
export HYPERFINE=
have hyperfine && HYPERFINE=$(command -v hyperfine)

python3 - <<'PY'
import fcntl, json, os, re, select, shlex, statistics, struct, subprocess, sys, termios, time

ROOT, WORK, BIN, SOCK = (os.environ[k] for k in ("ROOT", "WORK", "BIN", "SOCK"))
ROUNDS, KEYS = int(os.environ["ROUNDS"]), int(os.environ["KEYS"])
PARTS = os.environ["PARTS"].split()
HYPERFINE = os.environ.get("HYPERFINE")
GEN = os.path.join(WORK, "gen")
rows = []  # (what, value, target, verdict)


def say(*a):
    print(*a, flush=True)


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def median_ms(cmd, runs, warmup=1):
    """Median wall time of a command (a list), in ms."""
    if HYPERFINE:
        out = os.path.join(WORK, "hf.json")
        run([HYPERFINE, "-N", "--style", "none", "--warmup", str(warmup), "--runs", str(runs),
             "--export-json", out, " ".join(shlex.quote(c) for c in cmd)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(out) as f:
            return json.load(f)["results"][0]["median"] * 1000
    # Fallback: the loop with `date +%s%N` in bash.
    script = ('for i in $(seq %d); do "$@" >/dev/null 2>&1; done; '
              'for i in $(seq %d); do s=$(date +%%s%%N); "$@" >/dev/null 2>&1; '
              'e=$(date +%%s%%N); echo $(( (e - s) / 1000 )); done') % (warmup, runs)
    out = run(["bash", "-c", script, "loop"] + cmd, capture_output=True, text=True).stdout
    return statistics.median(int(x) for x in out.split()) / 1000


def peak_rss_kib(cmd, stdin=None):
    """Maximum resident set size of a command, by /usr/bin/time -v."""
    tf = os.path.join(WORK, "time.txt")
    subprocess.run(["/usr/bin/time", "-v", "-o", tf] + cmd, stdin=stdin,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(tf) as f:
        return int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", f.read()).group(1))


# ---------------------------------------------------------------- (a) score
def part_a():
    say("\n== (a) crossroads score --format json (whole process)")
    say(f"   timing with {'hyperfine' if HYPERFINE else 'a date +%s%N loop'}")
    score_ms = {}
    for n, runs in ((500, 20), (5000, 15), (50000, 5)):
        q, a = f"{GEN}/q{n}.yaml", f"{GEN}/a{n}.yaml"
        cmd = [BIN, "score", q, "--answers", a, "--format", "json"]
        ms = median_ms(cmd, runs)
        rss = peak_rss_kib(cmd)
        score_ms[n] = ms
        size = os.path.getsize(q) / 1024
        say(f"   {n:>6} questions ({size:>6.0f} KiB): median {ms:8.1f} ms  "
            f"{ms * 1000 / n:6.1f} µs/question  peak RSS {rss / 1024:6.1f} MiB")
        rows.append((f"score, {n:,} questions (process)", f"{ms:.1f} ms ({ms * 1000 / n:.1f} µs/q)",
                     "< 100 ms" if n == 5000 else "linear",
                     ("met" if ms < 100 else "MISSED") if n == 5000 else ""))
        rows.append((f"score, {n:,} questions, peak RSS", f"{rss / 1024:.1f} MiB", "", ""))
    growth = (score_ms[50000] / 50000) / (score_ms[500] / 500)
    rows.append(("per-question cost, 50,000 vs 500", f"{growth:.2f}x", "about 1x (linear)",
                 "met" if growth < 1.5 else "MISSED"))

    say("   the Python scorer (scripts/oracle/score.py) on 5,000 questions ...")
    py = [sys.executable, f"{ROOT}/scripts/oracle/score.py", f"{GEN}/q5000.yaml", f"{GEN}/a5000.yaml"]
    py_ms = median_ms(py, 3, warmup=0)
    ratio = py_ms / score_ms[5000]
    say(f"   python: median {py_ms:.0f} ms; crossroads is {ratio:.1f}x faster")
    rows.append(("Python scorer, 5,000 questions", f"{py_ms:.0f} ms ({ratio:.0f}x crossroads)",
                 ">= 20x crossroads", "met" if ratio >= 20 else "MISSED"))
    with open(f"{WORK}/py.json", "w") as f:
        run(py, stdout=f)
    with open(f"{WORK}/rs.json", "w") as f:
        run([BIN, "score", f"{GEN}/q5000.yaml", "--answers", f"{GEN}/a5000.yaml", "--format", "json"],
            stdout=f)
    same = subprocess.run([sys.executable, f"{ROOT}/scripts/oracle/compare.py", f"{WORK}/py.json",
                           f"{WORK}/rs.json"], capture_output=True, text=True).returncode == 0
    say(f"   the two agree number by number: {'yes' if same else 'NO'}")


if "a" in PARTS:
    part_a()


# ------------------------------------------------------------------ tmux
def tmux(*args, out=False):
    r = subprocess.run(["tmux", "-L", SOCK, "-f", "/dev/null"] + list(args), capture_output=True, text=True)
    if r.returncode != 0 and not out:
        raise RuntimeError(f"tmux {' '.join(args)}: {r.stderr.strip()}")
    return r.stdout


def screen(target, colours=False):
    return tmux("capture-pane", "-p", *(["-e"] if colours else []), "-t", target, out=True)


def wait_for(target, pred, limit=10.0):
    start = time.perf_counter()
    while True:
        s = screen(target)
        if pred(s):
            return s
        if time.perf_counter() - start > limit:
            raise RuntimeError(f"timed out waiting on {target}; screen:\n{s}")


def new_session(name, w, h, cmd):
    tmux("new-session", "-d", "-s", name, "-x", str(w), "-y", str(h), cmd)
    tmux("set-option", "-t", name, "remain-on-exit", "on")


def press(target, *keys, wait=True):
    """Sends keys and waits (up to 2 s) until the screen changes."""
    before = screen(target, colours=True)
    tmux("send-keys", "-t", target, *keys)
    if wait:
        start = time.perf_counter()
        while screen(target, colours=True) == before and time.perf_counter() - start < 2:
            pass


ANSI = re.compile(rb"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|.)")


def visible_text(raw):
    """The printable text of terminal output, without escapes or blanks (a
    frame may skip unchanged blank cells with a cursor move)."""
    return re.sub(rb"\s+", b"", ANSI.sub(b"", raw))


class Pty:
    """A program on a pseudo-terminal of our own, no terminal emulator in
    between: its output is read the moment it is written, so nothing is
    polled. TERM is tmux's, as in the tmux measurements."""

    TERM = "tmux-256color" if subprocess.run(["infocmp", "tmux-256color"], capture_output=True).returncode == 0 else "screen"

    def __init__(self, argv, w, h):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", h, w, 0, 0))
        env = dict(os.environ, TERM=self.TERM)
        env.pop("TMUX", None)
        self.t0 = time.perf_counter()
        # setsid -c: a session of its own with this terminal as its controlling
        # one (/dev/tty), without the slow fork a Python preexec_fn needs.
        self.p = subprocess.Popen(["setsid", "-c"] + argv, stdin=slave, stdout=slave,
                                  stderr=slave, env=env, cwd=WORK)
        os.close(slave)
        self.fd, self.seen = master, b""

    def output(self, timeout):
        """(time, bytes) of each read until `timeout` s pass without output."""
        while True:
            ready, _, _ = select.select([self.fd], [], [], timeout)
            if not ready:
                return
            try:
                chunk = os.read(self.fd, 1 << 16)
            except OSError:
                return
            if not chunk:
                return
            self.seen += chunk
            yield time.perf_counter(), chunk

    def until(self, text, limit=10):
        """Seconds from the start until `text` has been written."""
        want = visible_text(text.encode())
        for t, _ in self.output(limit):
            if want in visible_text(self.seen):
                return t - self.t0
        raise RuntimeError(f"{self.p.args[0]} never wrote {text!r}")

    def key(self, name):
        # Down and Up as the terminal would send them: SS3 once the program
        # asked for keypad mode (smkx), CSI otherwise.
        app = b"\x1b[?1h" in self.seen
        seq = {"Down": b"\x1bOB" if app else b"\x1b[B", "Up": b"\x1bOA" if app else b"\x1b[A",
               "Enter": b"\r"}.get(name, name.encode())
        os.write(self.fd, seq)

    def close(self):
        if self.p.poll() is None:
            self.p.terminate()
        for _ in self.output(0.2):
            pass
        try:
            self.p.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.p.kill()
            self.p.wait()
        os.close(self.fd)


IDLE = "exec sleep 100000"

# ------------------------------------------------------------ (b) first frame
def part_b():
    say(f"\n== (b) first frame at 80x24: {ROUNDS} paired rounds in tmux, {3 * ROUNDS} on a pty")
    new_session("ff", 80, 24, IDLE)
    title = "Product career crossroads"

    def argv(who, i):
        if who == "crossroads":
            return [BIN, "run", "career-tracks", "--session", f"{WORK}/ff-{i}.yaml"]
        if who == "dialog":
            return ["dialog", "--msgbox", "hello", "10", "30"]
        return ["printf", "hello"]

    def by_polling(who, i):
        """Start to text on the tmux screen, polling capture-pane."""
        text = title if who == "crossroads" else "hello"
        tmux("respawn-pane", "-k", "-t", "ff", IDLE)
        wait_for("ff", lambda s: text not in s)
        polls = 0
        t0 = time.perf_counter()
        tmux("respawn-pane", "-k", "-t", "ff", "exec " + shlex.join(argv(who, i)))
        while True:
            polls += 1
            if text in screen("ff"):
                dt = (time.perf_counter() - t0) * 1000
                per_poll.append(dt / polls)
                return dt
            if time.perf_counter() - t0 > 10:
                raise RuntimeError(f"{who} never showed {text!r}")

    def by_pty(who, i):
        """Start to the text written on a pseudo-terminal, read as it comes."""
        p = Pty(argv(who, i), 80, 24)
        try:
            return p.until(title if who == "crossroads" else "hello") * 1000
        finally:
            p.close()

    def paired(method, label, who, rounds):
        times = {w: [] for w in who}
        for i in range(rounds + 1):  # round 0 warms the caches and is not counted
            for name in (who if i % 2 == 0 else who[::-1]):
                got = method(name, f"{label}-{i}")
                if i > 0:
                    times[name].append(got)
        med = {k: statistics.median(v) for k, v in times.items()}
        for k, v in times.items():
            say(f"   {label:<5} {k:<10} median {med[k]:5.1f} ms  [{' '.join(f'{x:.1f}' for x in v)}]")
        return med

    per_poll = []
    polled = paired(by_polling, "tmux", ("crossroads", "dialog"), ROUNDS)
    say(f"   (one capture-pane poll takes {statistics.median(per_poll):.1f} ms: the resolution of 'tmux')")
    direct = paired(by_pty, "pty", ("crossroads", "dialog", "printf"), 3 * ROUNDS)
    tmux("respawn-pane", "-k", "-t", "ff", IDLE)
    for label, med in (("tmux, capture-pane polling", polled), ("own pty, no polling", direct)):
        r = med["crossroads"] / med["dialog"]
        extra = f"; printf {med['printf']:.1f}" if "printf" in med else ""
        say(f"   ratio crossroads / dialog, {label}: {r:.2f}")
        rows.append((f"first frame vs dialog --msgbox ({label})",
                     f"{med['crossroads']:.1f} / {med['dialog']:.1f} ms = {r:.2f}x{extra}",
                     "<= 1.5x (goal <= 1x)",
                     ("met" if r <= 1.0 else "within 1.5x") if r <= 1.5 else "MISSED"))


if "b" in PARTS:
    part_b()


# ---------------------------------------------------------- (c) peak memory
def part_c():
    say("\n== (c) peak RSS of whole sessions")
    plain_session = f"{WORK}/plain.yaml"
    yes = subprocess.Popen(["yes", "1"], stdout=subprocess.PIPE)
    plain_kib = peak_rss_kib([BIN, "run", "career-tracks", "--plain", "--session", plain_session],
                             stdin=yes.stdout)
    yes.stdout.close()
    yes.kill()
    yes.wait()
    say(f"   plain mode, yes 1 to the end: {plain_kib / 1024:.1f} MiB")

    tui_session, tui_time = f"{WORK}/walk.yaml", f"{WORK}/walk-time.txt"
    new_session("walk", 80, 24, f"exec /usr/bin/time -v -o {tui_time} "
                f"{BIN} run career-tracks --session {tui_session}")
    wait_for("walk", lambda s: "Product career crossroads" in s)
    press("walk", "Enter")
    wait_for("walk", lambda s: "Question 1 of" in s)
    for keys in (["?"], ["Escape"], ["o"], ["Escape"]):
        press("walk", *keys)
    for _ in range(200):
        if "Results" in screen("walk"):
            break
        press("walk", "1", "Enter")
    else:
        raise RuntimeError("the walk never reached the results:\n" + screen("walk"))
    for _ in range(3):
        press("walk", "PageDown")
    press("walk", "q", wait=False)
    start = time.perf_counter()
    while not (os.path.exists(tui_time) and "Maximum resident" in open(tui_time).read()):
        if time.perf_counter() - start > 10:
            raise RuntimeError("the app did not quit")
        time.sleep(0.05)
    tui_kib = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(tui_time).read()).group(1))
    say(f"   terminal app walked through (help, overview, every question, results): {tui_kib / 1024:.1f} MiB")
    rss = max(plain_kib, tui_kib) / 1024
    rows.append(("peak RSS, whole session (plain / TUI)",
                 f"{plain_kib / 1024:.1f} / {tui_kib / 1024:.1f} MiB", "< 20 MiB",
                 "met" if rss < 20 else "MISSED"))


if "c" in PARTS:
    part_c()


# ------------------------------------------------------ (d) keystroke redraw
def part_d():
    say(f"\n== (d) keystroke to redrawn screen at 200x60, median of {KEYS} presses each")
    title = "Product career crossroads"
    cases = [  # label, name, argv, text to wait for, keys, keys to get there
        ("crossroads, Down/Up on a question", "keys",
         [BIN, "run", "career-tracks", "--session", f"{WORK}/keys.yaml"], title, ["Down", "Up"], ["Enter"]),
        ("crossroads, 2/4: an answer, saved each time", "answer",
         [BIN, "run", "career-tracks", "--session", f"{WORK}/answer.yaml"], title, ["2", "4"], ["Enter"]),
        ("dialog --menu, Down/Up", "menu",
         ["dialog", "--menu", "Pick", "20", "60", "10", "1", "one", "2", "two", "3", "three"],
         "Pick", ["Down", "Up"], []),
        ("cat, the terminal's echo (the floor)", "cat", ["cat"], "", ["x"], []),
    ]

    def by_polling(name, argv, ready, keys, setup):
        """Key sent to screen changed (colours included), polling capture-pane."""
        new_session(name, 200, 60, "exec " + shlex.join(argv))
        wait_for(name, lambda s: ready in s)
        for k in setup:
            press(name, k)
        time.sleep(0.2)
        times = []
        for i in range(KEYS + 3):
            before = screen(name, colours=True)
            t0 = time.perf_counter()
            tmux("send-keys", "-t", name, keys[i % len(keys)])
            while screen(name, colours=True) == before:
                if time.perf_counter() - t0 > 2:
                    raise RuntimeError(f"{name}: the screen did not change")
            if i >= 3:  # the first presses warm up
                times.append((time.perf_counter() - t0) * 1000)
            time.sleep(0.02)  # let any rest of the frame arrive
        return statistics.median(times)

    def by_pty(name, argv, ready, keys, setup):
        """Key written to the last byte of the redraw (then 50 ms quiet)."""
        p = Pty(argv, 200, 60)
        try:
            if ready:
                p.until(ready)
            time.sleep(0.1)
            for k in setup:
                p.key(k)
                for _ in p.output(0.2):
                    pass
            times = []
            for i in range(KEYS + 3):
                t0 = time.perf_counter()
                p.key(keys[i % len(keys)])
                last = None
                for t, _ in p.output(0.05):
                    last = t
                if last is None:
                    raise RuntimeError(f"{name}: nothing was drawn")
                if i >= 3:
                    times.append((last - t0) * 1000)
            return statistics.median(times)
        finally:
            p.close()

    res = {}
    for label, name, argv, ready, keys, setup in cases:
        res[name] = (by_polling(name, argv, ready, keys, setup),
                     by_pty(name + "-pty", argv, ready, keys, setup))
        say(f"   {label:<45} tmux polling {res[name][0]:5.1f} ms   own pty {res[name][1]:5.2f} ms")
    for i, label in ((0, "tmux, capture-pane polling"), (1, "own pty, no polling")):
        worst = max(res["keys"][i], res["answer"][i])
        rows.append((f"keystroke to redraw, 200x60 ({label})",
                     f"{res['keys'][i]:.2f} ms; answering {res['answer'][i]:.2f}; "
                     f"dialog {res['menu'][i]:.2f}; cat {res['cat'][i]:.2f}",
                     "< 16 ms", "met" if worst < 16 else "MISSED"))

    # Bytes written for keys that change nothing, counted by tmux pipe-pane.
    pipe = f"{WORK}/keys-out.bin"
    tmux("pipe-pane", "-o", "-t", "keys", f"cat >> {pipe}")
    time.sleep(0.2)

    def bytes_for(*keys):
        before = os.path.getsize(pipe) if os.path.exists(pipe) else 0
        tmux("send-keys", "-t", "keys", *keys)
        time.sleep(0.3)
        return os.path.getsize(pipe) - before if os.path.exists(pipe) else 0

    for _ in range(3):
        bytes_for("Up")  # up to the top row
    noop = bytes_for("Up")
    unmapped = bytes_for("x")
    moved = bytes_for("Down")
    tmux("pipe-pane", "-t", "keys")
    say(f"   bytes written: Down {moved}, Up on the top row (no change) {noop}, unmapped key {unmapped}")
    rows.append(("bytes written for a key that changes nothing",
                 f"{noop} (unmapped key {unmapped}; a real move {moved})", "0 (no frame)",
                 "met" if noop == 0 else "MISSED"))

    def cpu_ticks(pid):
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])

    pane_pid = tmux("display-message", "-p", "-t", "keys", "#{pane_pid}").strip()
    t1 = cpu_ticks(pane_pid)
    time.sleep(3)
    idle = cpu_ticks(pane_pid) - t1
    say(f"   CPU while idle for 3 s: {idle} ticks of 1/{os.sysconf('SC_CLK_TCK')} s")
    rows.append(("CPU while idle, 3 s", f"{idle} ticks", "0", "met" if idle == 0 else "MISSED"))
    for name in ("keys", "answer"):
        tmux("send-keys", "-t", name, "q")


if "d" in PARTS:
    part_d()


# ------------------------------------------------------------------ summary
cpus = os.cpu_count()
model = ""
try:
    with open("/proc/cpuinfo") as f:
        model = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), "")
except OSError:
    pass
load = os.getloadavg()[0]
say(f"\n== summary ({cpus} CPUs, {model}; load average {load:.1f})\n")
w = [max(len(r[i]) for r in rows + [("measure", "result", "target", "")]) for i in range(4)]
line = lambda r: "  ".join(str(c).ljust(w[i]) for i, c in enumerate(r)).rstrip()
say(line(("measure", "result", "target", "")))
say(line(tuple("-" * x for x in w)))
for r in rows:
    say(line(r))
PY
