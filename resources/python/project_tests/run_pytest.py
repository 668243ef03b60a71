"""Runs pytest for `connector-studio test` and the Tests view: the tools environment (where pytest is) goes on
the path behind the connector's environment (tools_path.py), then pytest runs with the given arguments."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # no __pycache__ in the project (the file watcher would loop)
sys.path = [p for p in sys.path if os.path.abspath(p or '.') != HERE]
sys.path.append(os.path.dirname(HERE))
import tools_path  # noqa: E402

tools_path.add_tools_path()
sys.path.remove(os.path.dirname(HERE))

try:
    import pytest  # noqa: E402
except ImportError:
    sys.stderr.write('pytest is not in the tools environment: Connector Studio installs it on first use.\n')
    sys.exit(3)

sys.exit(pytest.main(sys.argv[1:]))
