"""`python bench/launch.py PEAK_FILE COMMAND...`: run a command and write its
peak resident set (KiB) to PEAK_FILE; exit with its status.

Linux starts a child's peak at the size of the process that forked it: a
fork counts the parent's pages as the child's until exec, and exec keeps
that mark. The bench holds some 135 MB by the time it builds (the ledger of
3,000 rows, the synthetic sites), more than a build at 1× and 10× the seed
needs, so every build measured straight from it showed 135 MB. Forked from
this small process instead, a command's peak is its own.
"""
import resource
import subprocess
import sys
from pathlib import Path

if __name__ == "__main__":
    peak_file, *command = sys.argv[1:]
    status = subprocess.run(command).returncode
    Path(peak_file).write_text(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss), encoding="utf-8")
    sys.exit(status)
