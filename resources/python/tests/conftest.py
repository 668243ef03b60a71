"""The runtime's modules are imported as runner.py imports them: its own folder for runner_support, cassette and
secret_forms, and the shims first on sys.path, so ``connectors``, ``django`` or ``uwsgi`` are ours even where a
real package of that name is installed. Each test gets its own data, attachments and temp folders."""
import http.server
import json
import os
import subprocess
import sys
import threading

import pytest

RUNTIME = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHIMS = os.path.join(RUNTIME, 'shims')
for folder in (RUNTIME, SHIMS):  # SHIMS ends up first
    if folder not in sys.path:
        sys.path.insert(0, folder)

import _studio_host  # noqa: E402


@pytest.fixture(scope='session')
def platform_server(tmp_path_factory):
    """The simulated platform the runtime gives its workers (src/main/services/platform), bundled with esbuild and
    run with node: no stand-in, the shims meet the real endpoint and store. Call it for a new, empty store's
    {"url", "token"}."""
    repo = os.path.dirname(os.path.dirname(RUNTIME))
    bundle = str(tmp_path_factory.mktemp('platform') / 'platform-serve.mjs')
    esbuild = os.path.join(repo, 'node_modules', '.bin', 'esbuild')
    subprocess.run([esbuild, os.path.join(repo, 'tests', 'helpers', 'platform-serve.ts'), '--bundle',
                    '--platform=node', '--format=esm', '--log-level=warning', '--outfile=' + bundle], check=True)
    served = subprocess.Popen(['node', bundle], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def connect():
        served.stdin.write('\n')
        served.stdin.flush()
        return json.loads(served.stdout.readline())
    yield connect
    served.stdin.close()
    served.wait(timeout=30)


@pytest.fixture
def host(tmp_path, monkeypatch, platform_server):
    """The host folders the shims write to, inside this test's tmp_path, and an empty store of the simulated
    platform; ``effects`` collects like during a call."""
    data, attachments, tmp = tmp_path / 'data', tmp_path / 'attachments', tmp_path / 'tmp'
    for folder in (data, attachments, tmp):
        folder.mkdir()
    platform = platform_server()
    monkeypatch.setattr(_studio_host, 'PLATFORM_URL', platform['url'])
    monkeypatch.setattr(_studio_host, 'PLATFORM_TOKEN', platform['token'])
    monkeypatch.setattr(_studio_host, 'DATA_DIR', str(data))
    monkeypatch.setattr(_studio_host, 'ATTACHMENTS_DIR', str(attachments))
    monkeypatch.setattr(_studio_host, 'TMP_ROOT', os.path.join(str(tmp), ''))
    monkeypatch.setattr(_studio_host, 'effects', {})
    yield _studio_host
    _studio_host.cleanup()


class Handler(http.server.BaseHTTPRequestHandler):
    """Answers from the server's ``routes``: {(method, path): (status, headers, body)}; records every request."""

    def _answer(self):
        length = int(self.headers.get('Content-Length') or 0)
        body = self.rfile.read(length) if length else b''
        self.server.seen.append({'method': self.command, 'path': self.path, 'headers': dict(self.headers),
                                 'body': body})
        route = self.server.routes.get((self.command, self.path.split('?', 1)[0]))
        status, headers, payload = route(self.path, body) if callable(route) else route or (404, {}, b'no route')
        if not isinstance(payload, bytes):
            payload = json.dumps(payload).encode('utf-8')
            headers = dict({'Content-Type': 'application/json'}, **headers)
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header('Content-Length', str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _answer

    def log_message(self, *args):
        pass  # the test output is the report; the request list is in server.seen


@pytest.fixture
def server():
    """A real HTTP server on 127.0.0.1; set ``server.routes`` and read ``server.seen``."""
    httpd = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
    httpd.routes, httpd.seen = {}, []
    httpd.url = 'http://127.0.0.1:%d' % httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    thread.join()
