#!/usr/bin/env python3
"""Runs the commands the docs show, so the docs cannot drift from what albsim does.

  check_docs.py ALBSIM SOURCE_DIR

In README.md, docs/*.md and scenarios/README.md:
- every ```sh block runs as a bash script (set -euo pipefail) and must exit 0; the quick start
  (a block that starts with tools/setup.sh) is left to .ci/run, which runs those two lines;
- in any other block, a line "$ COMMAND" runs and must exit 0, unless the next line shows an
  error ("albsim: ..."): then it must exit 2 and print that line first on stderr.
Each runs in a fresh scratch folder that holds the repository's scenarios/, data/, tests/ and
docs/ and build/albsim (also `albsim` on the PATH). Prints one line per command; exit 1 when
any fails.
"""
import glob
import os
import shutil
import subprocess
import sys
import tempfile

TIMEOUT_S = 300


def blocks(path):
    """(first line number, language, lines) of every fenced block."""
    lines = open(path, encoding="utf-8").read().split("\n")
    found, inside = [], None
    for number, line in enumerate(lines, 1):
        if line.startswith("```"):
            if inside is None:
                inside = (number + 1, line[3:].strip(), [])
            else:
                found.append(inside)
                inside = None
        elif inside is not None:
            inside[2].append(line)
    return found


def scratch(albsim, source):
    folder = tempfile.mkdtemp(prefix="albsim-docs-")
    for name in ("scenarios", "data", "tests", "docs"):
        os.symlink(os.path.join(source, name), os.path.join(folder, name))
    os.makedirs(os.path.join(folder, "build"))
    os.symlink(albsim, os.path.join(folder, "build", "albsim"))
    return folder


def run(script, albsim, source):
    folder = scratch(albsim, source)
    env = dict(os.environ, PATH=os.path.join(folder, "build") + os.pathsep + os.environ["PATH"])
    try:
        return subprocess.run(["bash", "-c", "set -euo pipefail\n" + script], cwd=folder,
                              env=env, capture_output=True, text=True, timeout=TIMEOUT_S)
    finally:
        shutil.rmtree(folder)


def checks(source):
    """(where, script, expected exit, expected first stderr line or None) for every command."""
    files = [os.path.join(source, "README.md")] + sorted(
        glob.glob(os.path.join(source, "docs", "*.md"))) + [
            os.path.join(source, "scenarios", "README.md")]
    for path in files:
        name = os.path.relpath(path, source)
        for line, language, body in blocks(path):
            text = [l for l in body if l.strip()]
            if language == "sh":
                if text and not text[0].startswith("tools/setup.sh"):
                    yield f"{name}:{line}", "\n".join(body), 0, None
                continue
            for i, l in enumerate(body):
                if l.startswith("$ "):
                    shown = body[i + 1] if i + 1 < len(body) else ""
                    error = shown if shown.startswith("albsim:") else None
                    yield f"{name}:{line + i}", l[2:], 2 if error else 0, error


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    albsim, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    failed = 0
    count = 0
    for where, script, code, error in checks(source):
        count += 1
        result = run(script, albsim, source)
        first = result.stderr.split("\n")[0] if result.stderr else ""
        ok = result.returncode == code and (error is None or first == error)
        print(f"{'ok' if ok else 'FAILED'}: {where}: {script.splitlines()[0]}")
        if not ok:
            failed += 1
            print(f"  exit {result.returncode} (expected {code})")
            if error is not None:
                print(f"  stderr: {first}\n  shown:  {error}")
            print("  " + result.stderr.strip().replace("\n", "\n  ")[-2000:])
    print(f"{count - failed} passed, {failed} failed")
    sys.exit(1 if failed or count == 0 else 0)


if __name__ == "__main__":
    main()
