/** Waits for processes to end on the kernel's word instead of polling for them. Node has an 'exit' event only for
 * its own children; the processes these tests watch are mostly grandchildren (a worker's children, a server
 * orphaned by its killed parent), so a small Python waiter asks the kernel: a pidfd on Linux, a kqueue exit
 * note on macOS, a process handle on Windows. Only the Linux branch runs on our machines. */
import { spawn } from 'node:child_process';

const WAITER = String.raw`
import json, os, select, sys, time

pids = json.loads(sys.argv[1])
deadline = time.monotonic() + float(sys.argv[2]) / 1000


def left():
    return max(0.0, deadline - time.monotonic())


def by_pidfd(pid):
    try:
        fd = os.pidfd_open(pid)
    except ProcessLookupError:
        return True
    try:
        return bool(select.select([fd], [], [], left())[0])
    finally:
        os.close(fd)


def by_kqueue(pid):
    kq = select.kqueue()
    try:
        note = select.kevent(pid, filter=select.KQ_FILTER_PROC, flags=select.KQ_EV_ADD | select.KQ_EV_ONESHOT, fflags=select.KQ_NOTE_EXIT)
        return bool(kq.control([note], 1, left()))
    except ProcessLookupError:
        return True
    finally:
        kq.close()


def by_handle(pid):
    import ctypes
    kernel32 = ctypes.windll.kernel32
    handle = kernel32.OpenProcess(0x00100000, False, pid)  # SYNCHRONIZE
    if not handle:
        return True
    try:
        return kernel32.WaitForSingleObject(handle, int(left() * 1000)) == 0
    finally:
        kernel32.CloseHandle(handle)


ended = by_pidfd if hasattr(os, 'pidfd_open') else by_kqueue if hasattr(select, 'kqueue') else by_handle
print(json.dumps([pid for pid in pids if not ended(pid)]))
`;

/** True once every pid has ended (a zombie, ended but not yet reaped, counts as ended), false if one still runs
 * after `timeoutMs`, which is only the failure bound. Rejects when the waiter itself fails. */
export function processesEnded(pids: readonly number[], timeoutMs = 5000): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const waiter = spawn('python3', ['-c', WAITER, JSON.stringify(pids), String(timeoutMs)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    waiter.stdout.on('data', (b: Buffer) => (out += b.toString()));
    waiter.stderr.on('data', (b: Buffer) => (err += b.toString()));
    waiter.on('error', (e) => reject(new Error(`Could not start python3 to wait for processes ${pids.join(', ')}: ${e.message}`)));
    waiter.on('close', (code) => {
      if (code !== 0) return reject(new Error(`The process waiter failed (exit ${code}) for ${pids.join(', ')}: ${err.trim()}`));
      resolve((JSON.parse(out) as number[]).length === 0);
    });
  });
}
