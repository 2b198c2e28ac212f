"""Imported first in the server that worker processes fork from (``forkserver``): Ctrl-C is
ignored there, so that every worker it forks ignores it from its first instruction.

The terminal's Ctrl-C reaches the whole process group. The server ignores SIGINT itself, but
hands its children the disposition it had before (Python's, which raises KeyboardInterrupt):
a worker caught between its fork and its own set-up printed a traceback. The server records
its "before" after importing its preload modules, so this module, preloaded first, makes that
disposition "ignore". The caller stops its workers itself. Nothing else imports this module.
"""

from __future__ import annotations

import signal

signal.signal(signal.SIGINT, signal.SIG_IGN)
