"""Make sure a Chromium for the browser tests and chart export is on the machine.

Playwright's own browser download does not work offline, so the project uses Debian's Chromium
(/usr/bin/chromium). When it is missing, install it with apt-get if we are root or have
password-less sudo; otherwise say exactly what to install and exit non-zero.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
PACKAGES = ["chromium", "chromium-driver", "fonts-dejavu-core"]


def _apt(prefix: list[str]) -> bool:
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    print(f"installing {' '.join(PACKAGES)} from Debian's packages ...", flush=True)
    update = subprocess.run([*prefix, "apt-get", "update", "-qq"], env=env)
    if update.returncode != 0:
        return False
    return subprocess.run([*prefix, "apt-get", "install", "-y", "-qq", *PACKAGES], env=env).returncode == 0


def main() -> int:
    if os.path.exists(CHROMIUM):
        return 0
    if shutil.which("apt-get"):
        if os.geteuid() == 0 and _apt([]):
            return 0
        if shutil.which("sudo") and subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0:
            if _apt(["sudo", "-n"]):
                return 0
    print(
        f"The browser tests need Chromium at {CHROMIUM}, and it could not be installed automatically.\n"
        f"On Debian/Ubuntu run:  sudo apt-get install {' '.join(PACKAGES)}\n"
        "Elsewhere, install Chromium and set CHROMIUM_PATH to its executable.",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
