"""dashboard.py as a worker process sees it: multiprocessing's spawn (used by Dask's workers and by a process
pool started while threads run) imports the parent's main script again as __mp_main__. Under Streamlit, and
after AppTest, that main script is dashboard.py: importing it that way must draw nothing and raise nothing."""

from __future__ import annotations

import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def test_the_entry_script_imported_by_a_spawned_worker_does_nothing():
    code = "import runpy; runpy.run_path('dashboard.py', run_name='__mp_main__'); print('imported')"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "imported"
    assert "Traceback" not in done.stderr


def test_a_spawned_pool_works_while_the_main_module_is_the_dashboard():
    code = (
        "import multiprocessing as mp, os, sys, types\n"
        "main = types.ModuleType('__main__'); main.__file__ = os.path.abspath('dashboard.py')\n"
        "sys.modules['__main__'] = main\n"
        "with mp.get_context('spawn').Pool(1) as pool:\n"
        "    print(pool.apply(abs, (-7,)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "7"
