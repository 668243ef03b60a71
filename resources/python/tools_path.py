"""The IDE's tools environment on the worker's path (docs/ARCHITECTURE.md, "Python environments").

The host names the tools root in CS_TOOLS_ROOT; this worker's Python version picks its folder in it
(``<root>/py3.11``), holding what the IDE needs inside the worker (debugpy, pytest, jinja2). It goes at the END
of sys.path, behind the connector's own packages and the platform's, so a version the connector pins wins.
"""
import os
import sys


def add_tools_path() -> None:
    root = os.environ.get('CS_TOOLS_ROOT')
    if not root:
        return
    folder = os.path.join(root, 'py%d.%d' % sys.version_info[:2])
    if os.path.isdir(folder) and folder not in sys.path:
        sys.path.append(folder)
