#!/usr/bin/env python3
"""Re-tries issue 12's list of bad and unusual inputs against ./htsgd, as a new user would type them.

Each case runs the real launcher in a fresh scratch directory (the working directory of the command) and
checks what a user sees: the exit code, that stderr is one line with no stack trace, that nothing is left
behind (no NAME.partial, the scratch directory unchanged unless the case writes a run), and for the three
wrong results the number itself. Prints one line per case and 'N passed, N failed' at the end; writes the
table as JSON with --json FILE (the committed one: docs/results/bad-inputs.json).

Usage: scripts/bad-inputs.py [--only SUBSTRING] [--json FILE]
"""
import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HTSGD = os.path.join(ROOT, "htsgd")
FASHION = "/usr/share/datasets/fashion-mnist"


def run(args, cwd, timeout=600):
    p = subprocess.run([HTSGD] + args, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                       stdin=subprocess.DEVNULL)
    return p.returncode, p.stdout, p.stderr


def listing(d):
    out = set()
    for base, dirs, files in os.walk(d):
        for n in dirs + files:
            out.add(os.path.relpath(os.path.join(base, n), d))
    return out


def one_line(err):
    # the PyTorch native library writes its own warnings ("[W1201 09:08:25.6 LegacyTypeDispatch.h:74] Warning:
    # ...", "[W1201 ... NNPACK.cpp:57] Could not initialize NNPACK!") straight to file descriptor 2 when DJL loads
    # it; they are not htsgd's output and are not counted
    lines = [l for l in err.splitlines() if l.strip() and not l.startswith("htsgd: building")
             and not re.match(r"^\[W\d{4} [^\]]*\] ", l)]
    return len(lines) <= 1 and "Exception" not in err and "\tat " not in err


CASES = []


def case(name, args, code=2, contains=(), absent=(), stdout_empty=None, leaves_nothing=True, check=None, setup=None,
         timeout=600):
    CASES.append(dict(name=name, args=args, code=code, contains=contains, absent=absent, stdout_empty=stdout_empty,
                      leaves_nothing=leaves_nothing, check=check, setup=setup, timeout=timeout))


def make_existing(d):
    os.makedirs(os.path.join(d, "existing"))
    with open(os.path.join(d, "existing", "mine.txt"), "w") as f:
        f.write("keep")


def make_killed_run(d):
    p = os.path.join(d, "killed.partial")
    os.makedirs(p)
    with open(os.path.join(p, "config.yaml"), "w") as f:
        f.write("command: htsgd reproduce b-map\n")
    with open(os.path.join(p, "checkpoint.json"), "w") as f:
        f.write('{"fingerprint": "x", "done": {"a": 1}}')


def make_truncated_checkpoint(d):
    make_killed_run(d)
    with open(os.path.join(d, "killed.partial", "checkpoint.json"), "w") as f:
        f.write('{"fingerprint": "x", "do')


def make_config(text, binary=False):
    def f(d):
        mode = "wb" if binary else "w"
        with open(os.path.join(d, "c.yaml"), mode) as fh:
            fh.write(text)
    return f


def make_truncated_npz(d):
    with zipfile.ZipFile(os.path.join(d, "full.npz"), "w") as z:
        header = b"\x93NUMPY\x01\x00" + b"v\x00" + (b"{'descr': '<f8', 'fortran_order': False, 'shape': (1000,), }"
                                                     .ljust(117) + b"\n")
        z.writestr("x.npy", header + b"\x00" * 8000)
    data = open(os.path.join(d, "full.npz"), "rb").read()
    with open(os.path.join(d, "cut.npz"), "wb") as fh:
        fh.write(data[: len(data) // 2])


def make_binary(d):
    with open(os.path.join(d, "bin.txt"), "wb") as fh:
        fh.write(bytes(range(256)) * 8)


def rate_q30(out):
    q = json.loads(out)["rates"][3][0]
    return abs(q - 0.157) < 0.002, "q(3,0) = %.4f (expected 0.157)" % q


def truncation_zero(out):
    t = json.loads(out)["truncation_fraction"]
    return t == 0, "truncation_fraction = %s (expected 0 for plain SGD)" % t


def no_predicted_slope(out):
    p = json.loads(out).get("predicted_slope")
    return p is None, "predicted_slope = %s (expected none: the theory needs alpha > 1)" % p


def log_not_finished(d):
    logs = [os.path.join(d, n, "log.txt") for n in ("div", "div.partial") if os.path.exists(os.path.join(d, n, "log.txt"))]
    if not logs:
        return True, "no log (nothing written)"
    log = open(logs[0]).read()
    return "finished" not in log.splitlines()[-1] or "diverg" in log, "last log line: " + log.splitlines()[-1][:100]


SIM = ["simulate", "--steps", "1000", "--paths", "1", "--quiet"]
TRAIN = ["train", "--iterations", "2", "--subset", "200", "--corrupt", "0", "--eval-every", "1", "--quiet",
         "--model", "mlp"]

# data loss and wrong results
for out in ["", ".", "..", "/"]:
    case("simulate --out '%s' --force" % out, SIM + ["--out", out, "--force"], contains=["--out"], stdout_empty=True)
case("simulate --out existing-non-run --force", SIM + ["--out", "existing", "--force"], setup=make_existing,
     contains=["not a finished htsgd run"])
case("train --method sb --eta 1e6: no truncation", TRAIN[:1] + TRAIN[3:] + ["--method", "sb", "--eta", "1e6",
     "--format", "json", "--iterations", "1", "--noise-off", "0"], code=0, check=truncation_zero, leaves_nothing=False)
case("analyze iclr1d --clip none: q(3,0)", ["analyze", "--landscape", "iclr1d", "--noise", "pareto", "--alpha", "1.2",
     "--scale", "0.1", "--clip", "none", "--format", "json"], code=0, check=rate_q30)
case("exit-times with a zero-stderr point", ["exit-times", "--samples", "2", "--max-steps", "1000", "--etas",
     "0.1,0.05", "--basin", "0", "--quiet"], code=0)
# refuse before working
for cmd in (SIM, ["exit-times", "--etas", "0.2,0.1", "--samples", "2", "--max-steps", "1000", "--quiet"],
            ["analyze", "--quiet"], ["control", "--quiet"]):
    case("%s --out existing (checked first)" % cmd[0], cmd + ["--out", "existing"], setup=make_existing,
         contains=["exists"], stdout_empty=True)
case("simulate --out /proc/x", SIM + ["--out", "/proc/x"], contains=["/proc"])
case("train --subset 70000 --corrupt 0", ["train", "--subset", "70000", "--corrupt", "0", "--out", "t", "--quiet"],
     contains=["--subset"])
case("train --subset -1", ["train", "--subset", "-1", "--out", "t", "--quiet"], contains=["--subset"])
case("reproduce global-dynamics --steps 0", ["reproduce", "global-dynamics", "--steps", "0", "--out", "r", "--quiet"],
     contains=["--steps"])
case("reproduce global-dynamics --paths -2", ["reproduce", "global-dynamics", "--paths", "-2", "--out", "r",
     "--quiet"], contains=["--paths"])
case("rare-event --etas 1/0", ["rare-event", "--etas", "1/0", "--out", "r", "--quiet"], contains=["--etas"])
case("rare-event --engine simd", ["rare-event", "--engine", "simd", "--out", "r", "--quiet"], contains=["--engine"])
case("reproduce exit-times --engine simd", ["reproduce", "exit-times", "--engine", "simd", "--size", "tiny", "--out", "r",
     "--quiet"], contains=["--engine", "scalar"])
case("reproduce b-map --engine vector", ["reproduce", "b-map", "--engine", "vector", "--size", "tiny", "--out", "r",
     "--quiet"], contains=["--engine is not used by b-map"])
case("rare-event --engine vector on expr:tanh(x)", ["rare-event", "--engine", "vector", "--landscape", "expr:tanh(x)",
     "--out", "r", "--quiet"], contains=["--engine", "tanh"])
case("sweep --engine simd", ["sweep", "--engine", "simd", "--out", "s", "--quiet"], contains=["--engine", "scalar | vector | auto"])
case("sweep --engine vector on a 2-D landscape", ["sweep", "--experiment", "simulate", "--engine", "vector",
     "--landscape", "himmelblau2d", "--steps", "1000", "--out", "s", "--quiet"], contains=["--engine vector", "2-D"])
case("sweep rare-event --engine vector on expr:tanh(x)", ["sweep", "--experiment", "rare-event", "--landscape",
     "expr:x^4/10-x^2+tanh(x)", "--x0", "2.5", "--engine", "vector", "--out", "s", "--quiet"], contains=["--engine", "tanh"])
case("sweep --master bogus://x", ["sweep", "--master", "bogus://x", "--out", "s", "--quiet"], contains=["--master"])
case("train NaN loss", TRAIN + ["--method", "lb", "--eta", "1e12", "--out", "nan"], contains=["--eta"])
case("rerun of a killed run without --resume", ["reproduce", "b-map", "--out", "killed", "--quiet"],
     setup=make_killed_run, contains=["--resume", "--force"], leaves_nothing=False)
# config files
case("--config with a misspelt key", SIM + ["--config", "c.yaml"], setup=make_config("stpes: 1000\n"),
     contains=["stpes", "steps"])
case("--config with a duplicate key", SIM + ["--config", "c.yaml"], setup=make_config("eta: 0.1\neta: 0.2\n"),
     contains=["eta"])
case("--config clip: {a: 1}", SIM + ["--config", "c.yaml"], setup=make_config("clip: {a: 1}\n"), contains=["clip"])
case("--config eta: .nan", SIM + ["--config", "c.yaml"], setup=make_config("eta: .nan\n"), contains=["eta"])
case("--config binary file", SIM + ["--config", "c.yaml"], setup=make_config(bytes(range(256)), binary=True))
# values accepted without a word
case("simulate --epsilon NaN", SIM + ["--epsilon", "NaN"], contains=["--epsilon"])
case("analyze --mc-samples -1", ["analyze", "--mc-samples", "-1"], contains=["--mc-samples"])
case("train --lr-step -1", TRAIN + ["--lr-step", "-1", "--out", "t"], contains=["--lr-step"])
case("train --lr-gamma -1", TRAIN + ["--lr-gamma", "-1", "--out", "t"], contains=["--lr-gamma"])
case("train --passes both", TRAIN + ["--passes", "both", "--out", "t"], contains=["--passes", "per-batch"])
case("train --large-batch 50 --batch 100", TRAIN + ["--large-batch", "50", "--batch", "100", "--out", "t"],
     contains=["--large-batch"])
case("train --data /nonexistent", TRAIN + ["--data", "/nonexistent", "--out", "t"], contains=["--data"])
case("simulate --eta 0.1,-1: a bad value in a list", SIM + ["--eta", "0.1,-1", "--out", "l"], contains=["--eta"])
case("simulate --seeds 1,x: a bad seed in a list", SIM + ["--seeds", "1,x", "--out", "l"], contains=["'x'"])
case("train --record-noise -2", TRAIN + ["--record-noise", "-2", "--out", "rn"],
     contains=["--record-noise"])
case("train: PyTorch's C++ warnings kept off stderr", TRAIN + ["--sharpness-draws", "2", "--out", "w"], code=0,
     absent=["NNPACK", "AutoNonVariableTypeMode", "create_graph=True"], leaves_nothing=False)
case("exit-times --etas 0.1,0.1", ["exit-times", "--etas", "0.1,0.1", "--samples", "2", "--max-steps", "1000"],
     contains=["--etas"])
case("exit-times --etas 0.1,0.05,0.1 (a value twice)", ["exit-times", "--etas", "0.1,0.05,0.1", "--samples", "2"],
     contains=["--etas lists 0.1 twice"])
case("sweep --seeds 1,1 (a value twice)", ["sweep", "--seeds", "1,1", "--out", "s", "--quiet"], contains=["--seeds"])
case("exit-times --noise stable --alpha 0.8", ["exit-times", "--noise", "stable", "--alpha", "0.8", "--etas",
     "0.2,0.1", "--samples", "2", "--max-steps", "1000", "--format", "json", "--quiet"], code=0,
     check=no_predicted_slope, contains=["alpha"])
case("reproduce exit-times --max-steps -1", ["reproduce", "exit-times", "--max-steps", "-1", "--out", "r"],
     contains=["--max-steps"])
case("reproduce b-map --steps 1000", ["reproduce", "b-map", "--steps", "1000", "--out", "r"], contains=["--steps"])
case("tail-index truncated .npz", ["tail-index", "--input", "cut.npz"], setup=make_truncated_npz, contains=["cut.npz"])
case("sharpness --weights truncated .npz", ["sharpness", "--weights", "cut.npz"], setup=make_truncated_npz,
     contains=["cut.npz"])
case("resume from a truncated checkpoint.json", ["reproduce", "b-map", "--out", "killed", "--resume", "--quiet"],
     setup=make_truncated_checkpoint, contains=["checkpoint"], leaves_nothing=False)
# messages
case("analyze --grid 0", ["analyze", "--grid", "0"], contains=["--grid"], absent=["gridPoints"])
case("analyze --window 5,-5", ["analyze", "--landscape", "expr:x^4-x^2", "--window", "5,-5"], contains=["--window"],
     absent=["--domain"])
case("rare-event --etas 5", ["rare-event", "--etas", "5", "--quiet"], contains=["--etas"], absent=["--horizon must"])
case("sharpness --lanczos-iterations 0", ["sharpness", "--weights", "w.npz", "--lanczos-iterations", "0"],
     contains=["--lanczos-iterations"], absent=["maxIterations"])
case("analyze expr:exp(x^4) on -3,3", ["analyze", "--landscape", "expr:exp(x^4)", "--domain", "-3,3"],
     contains=["overflow"], absent=["flat"])
case("tail-index on binary input", ["tail-index", "--input", "bin.txt"], setup=make_binary, contains=["not a text file"])
# d-D landscapes (issue 14)
case("analyze expr:x^2+w^2 (unknown variable)", ["analyze", "--landscape", "expr:x^2+w^2"], contains=["--landscape", "w"])
case("analyze 3-D formula with an interval domain", ["analyze", "--landscape", "expr:x^2+y^2+z^2", "--domain", "-1,1"],
     contains=["--domain", "3-D"])
case("control 2-D with --window", ["control", "--landscape", "wells2d", "--window", "-3,3"], contains=["--window"])
for cmd in ([], ["tail-index"], ["rare-event"]):
    case("htsgd %s --help: no picocli warning" % " ".join(cmd), cmd + ["--help"], code=0,
         absent=["picocli WARN", "Could not format"])
for cmd in ("simulate", "exit-times", "analyze", "control", "sharpness"):
    case("%s --help does not offer --resume" % cmd, [cmd, "--help"], code=0, absent=["--resume"])
case("diverged simulate --out: log does not say finished", ["simulate", "--landscape", "expr:x^4-x^2", "--clip",
     "none", "--eta", "0.5", "--x0", "30", "--steps", "100", "--paths", "1", "--out", "div",
     "--quiet"], code=None, leaves_nothing=False, check=None)
# spark
case("sweep with failing tasks", ["sweep", "--experiment", "reproduce", "--target", "no-such-target", "--out", "s",
     "--quiet"], contains=[], timeout=300)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", default="")
    ap.add_argument("--json")
    a = ap.parse_args()
    rows = []
    passed = failed = 0
    for c in CASES:
        if a.only not in c["name"]:
            continue
        d = tempfile.mkdtemp(prefix="htsgd-bad-")
        try:
            if c["setup"]:
                c["setup"](d)
            before = listing(d)
            code, out, err = run(c["args"], d, c["timeout"])
            why = []
            if c["code"] is not None and code != c["code"]:
                why.append("exit %d, expected %d" % (code, c["code"]))
            if code == 2 and not one_line(err):
                why.append("stderr is not one line: %r" % err[:300])
            if code not in (0, 2):
                why.append("exit %d: %s" % (code, err.strip().splitlines()[-1][:200] if err.strip() else ""))
            for s in c["contains"]:
                if s not in err + out:
                    why.append("message lacks %r" % s)
            for s in c["absent"]:
                if s in err + out:
                    why.append("output has %r" % s)
            if c["stdout_empty"] and out.strip():
                why.append("results printed before the refusal")
            if c["leaves_nothing"] and code != 0 and listing(d) != before:
                why.append("left behind: %s" % sorted(listing(d) - before)[:5])
            if c["check"] and code == 0:
                ok, msg = c["check"](out)
                if not ok:
                    why.append(msg)
            if c["name"].startswith("diverged"):
                ok, msg = log_not_finished(d)
                if not ok:
                    why.append(msg)
            status = "clean" if not why else "NOT CLEAN"
            passed += not why
            failed += bool(why)
            first = (err.strip().splitlines() or [""])[-1][:160]
            rows.append(dict(case=c["name"], exit=code, status=status, why=why, stderr=first))
            print("%-55s exit %d  %-9s %s" % (c["name"][:55], code, status, "; ".join(why) if why else first))
            sys.stdout.flush()
        finally:
            shutil.rmtree(d, ignore_errors=True)
    if a.json:
        with open(a.json, "w") as f:
            json.dump(dict(tried=passed + failed, clean=passed, cases=rows), f, indent=1)
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
