import os
import signal
import sys


def _stopped(signum, frame):
    """Ctrl-C while the command's modules load (before cli.main takes over): said as cli.main says
    it, not as a KeyboardInterrupt traceback; nothing was begun, nothing to clean up."""
    sys.stderr.write("Đã dừng.\n")
    sys.stderr.flush()
    os._exit(130)


signal.signal(signal.SIGINT, _stopped)
from .cli import run  # noqa: E402 (after the handler: this import is most of the start-up)

signal.signal(signal.SIGINT, signal.default_int_handler)  # cli.main installs its own in place of this one
raise SystemExit(run())
