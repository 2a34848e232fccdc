"""Execute notebooks in place, as the book commits them: every cell runs top to bottom, except cells flagged
`slow` or `gpu` (settings.ini's tst_flags), which keep the outputs of the real run that made them.

OMP_NUM_THREADS=1 python .ci/execute.py nbs/05_entropy.ipynb [more notebooks]

Stops at the first exception (the notebook is then not written). Run `nbdev_clean` afterwards.
"""
import re, sys, time
from pathlib import Path

from execnb.nbio import read_nb, write_nb
from execnb.shell import CaptureShell
from nbdev.config import get_config

flags = get_config().get('tst_flags', '').split()

def skipped(cell):
    "True for a code cell that carries one of the test flags (its committed outputs stay)."
    if cell.cell_type != 'code': return True
    return any(re.match(rf'^#\|\s*{f}\s*$', line) for line in cell.source.splitlines() for f in flags)

def execute(path):
    nb, t0 = read_nb(path), time.perf_counter()
    shell = CaptureShell()
    shell.set_path(Path(path).parent.resolve())
    for cell in nb.cells:
        if skipped(cell): continue
        cell['outputs'] = []          # a cell that now prints nothing must not keep an old output
        shell.cell(cell)
        if shell.exc: raise RuntimeError(f"{path}: a cell failed:\n{cell.source}") from shell.exc
    write_nb(nb, path)
    print(f"{path}: executed in {time.perf_counter()-t0:.0f} s")

if __name__ == '__main__':
    for p in sys.argv[1:]: execute(p)
