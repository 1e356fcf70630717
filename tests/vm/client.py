#!/usr/bin/env python3
"""Boots the VM test guest under QEMU (TCG, q35) and drives its guest agent from the host the way libvirt does.

    client.py run --name NAME --kernel K --initrd I --disk D --workdir W --results R.json
    client.py table R1.json R2.json ...

The agent sits on the virtio-serial port org.qemu.guest_agent.0, which QEMU exposes as a host unix socket.
Every socket operation and every wait has a deadline; QEMU is always quit (QMP) or killed (by pid) on the way out.
"""
import argparse
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time

BOOT_DEADLINE = float(os.environ.get("QGAKIT_VM_BOOT_DEADLINE", "120"))  # busy 2-core CI: about 15 s; idle about 4 s
SYNC_ATTEMPT = 2.0         # libvirt waits 5 s; shorter here because the boot queue is flushed anyway
COMMAND_TIMEOUT = 30.0
FREEZE_TIMEOUT = 60.0
CONSOLE_TIMEOUT = 30.0


class TestFailure(Exception):
    pass


def now():
    return time.monotonic()


def connect_unix(path, deadline):
    """Connects to a socket QEMU serves, waiting for QEMU to create it."""
    while True:
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.settimeout(5)
        try:
            s.connect(path)
            return s
        except OSError:
            s.close()
            if now() > deadline:
                raise TestFailure('QEMU never opened the socket ' + path)
            time.sleep(0.05)


class QgaClient:
    """The host side of the agent channel: 0xFF + guest-sync-delimited with a new id on every attempt,
    accepting only the last attempt's id so that stale replies never leak into the next command."""

    def __init__(self, path, deadline):
        self.buf = b''
        self.sock = connect_unix(path, deadline)

    def close(self):
        if self.sock:
            self.sock.close()

    def _send(self, obj, raw_prefix=b''):
        self.sock.settimeout(5)
        self.sock.sendall(raw_prefix + json.dumps(obj).encode() + b'\n')

    def _read_line(self, deadline):
        """One '\\n'-terminated line, 0xFF bytes removed (0xFF never occurs in UTF-8 JSON), or None at the deadline."""
        while b'\n' not in self.buf:
            left = deadline - now()
            if left <= 0:
                return None
            self.sock.settimeout(max(0.01, left))
            try:
                chunk = self.sock.recv(65536)
            except socket.timeout:
                return None
            if not chunk:
                raise TestFailure('QEMU closed the agent socket')
            self.buf += chunk.replace(b'\xff', b'')
        line, self.buf = self.buf.split(b'\n', 1)
        return line

    def sync(self, deadline, gave_up=lambda: None):
        """Returns the number of attempts. Until the guest opens its port QEMU holds what we write; the agent
        then answers every queued attempt (and each 0xFF with a parse error), so only the newest id counts."""
        attempt = 0
        while now() < deadline:
            reason = gave_up()
            if reason:
                raise TestFailure('no guest-sync-delimited reply: ' + reason)
            attempt += 1
            sid = (int(time.time() * 1000) + attempt) % 2**31
            self._send({'execute': 'guest-sync-delimited', 'arguments': {'id': sid}}, raw_prefix=b'\xff')
            end = min(deadline, now() + SYNC_ATTEMPT)
            while True:
                line = self._read_line(end)
                if line is None:
                    break
                try:
                    reply = json.loads(line)
                except ValueError:
                    continue            # garbage before the sync is tolerated, as libvirt does
                if isinstance(reply, dict) and reply.get('return') == sid:
                    return attempt
        raise TestFailure('no guest-sync-delimited reply before the deadline (%d attempts)' % attempt)

    def execute(self, name, args=None, timeout=COMMAND_TIMEOUT):
        """Sends one command and returns (reply object, seconds)."""
        req = {'execute': name}
        if args is not None:
            req['arguments'] = args
        start = now()
        self._send(req)
        deadline = start + timeout
        while True:
            line = self._read_line(deadline)
            if line is None:
                raise TestFailure('%s: no reply within %.0f s' % (name, timeout))
            if not line.strip():
                continue
            try:
                reply = json.loads(line)
            except ValueError:
                raise TestFailure('%s: reply is not JSON: %r' % (name, line[:300]))
            return reply, now() - start


class Qmp:
    def __init__(self, path, deadline):
        self.buf = b''
        self.sock = connect_unix(path, deadline)
        self._reply(5)                                  # greeting
        self.execute('qmp_capabilities')

    def _reply(self, timeout):
        deadline = now() + timeout
        while True:
            while b'\n' not in self.buf:
                left = deadline - now()
                if left <= 0:
                    raise TestFailure('QMP: no reply')
                self.sock.settimeout(left)
                chunk = self.sock.recv(65536)
                if not chunk:
                    raise TestFailure('QMP: socket closed')
                self.buf += chunk
            line, self.buf = self.buf.split(b'\n', 1)
            obj = json.loads(line)
            if 'event' in obj:                          # SHUTDOWN may come before the quit reply
                continue
            return obj

    def execute(self, name, timeout=10):
        self.sock.settimeout(5)
        self.sock.sendall(json.dumps({'execute': name}).encode() + b'\n')
        return self._reply(timeout)

    def close(self):
        self.sock.close()


class Console:
    """The guest's serial console (QEMU -serial file:), followed live by a thread that stamps each line with the
    host time it appeared (50 ms granularity): /init and the hook write VMTEST: lines."""

    def __init__(self, path):
        self.path = path
        self.lines = []                 # (host monotonic time, text)
        self.pos = 0                    # index of the next line wait_for looks at
        self._partial = b''
        self._offset = 0
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._follow, daemon=True)
        self._thread.start()

    def _poll(self):
        try:
            with open(self.path, 'rb') as f:
                f.seek(self._offset)
                data = f.read()
        except OSError:
            return
        if not data:
            return
        self._offset += len(data)
        stamp = now()
        parts = (self._partial + data).split(b'\n')
        self._partial = parts.pop()
        with self._lock:
            for p in parts:
                self.lines.append((stamp, p.decode('utf-8', 'replace').rstrip('\r')))

    def _follow(self):
        while not self._stop.is_set():
            self._poll()
            self._stop.wait(0.02)

    def stop(self):
        self._stop.set()
        self._thread.join(timeout=5)
        self._poll()

    def wait_for(self, pattern, timeout=CONSOLE_TIMEOUT):
        """Waits for a regex in a console line after the previous match; returns (match, host time seen)."""
        deadline = now() + timeout
        rx = re.compile(pattern)
        while True:
            with self._lock:
                lines = self.lines[self.pos:]
                base = self.pos
            for i, (stamp, text) in enumerate(lines):
                m = rx.search(text)
                if m:
                    self.pos = base + i + 1
                    return m, stamp
            if now() > deadline:
                raise TestFailure('serial console never showed /%s/ within %.0f s' % (pattern, timeout))
            time.sleep(0.05)

    def seen(self, pattern):
        """Whether any console line so far matches."""
        rx = re.compile(pattern)
        with self._lock:
            return any(rx.search(text) for _, text in self.lines)

    def agent_exited(self):
        """The /init watcher's line for an agent that died on its own (not the kill -9 it does itself)."""
        with self._lock:
            for _, text in self.lines:
                if re.search(r'VMTEST: agent pid \d+ exited', text):
                    return 'the agent exited (%s)' % text.strip()
        return None

    def tail(self, n=60):
        with self._lock:
            return '\n'.join(t for _, t in self.lines[-n:])


class Run:
    def __init__(self, a):
        self.a = a
        self.checks = []
        self.timings = {}
        self.facts = {}
        self.qga = None
        self.control = None

    def check(self, name, ok, detail=''):
        self.checks.append({'name': name, 'ok': bool(ok), 'detail': detail})
        print('  %s  %s%s' % ('PASS' if ok else 'FAIL', name, ('  (' + detail + ')') if detail else ''), flush=True)
        return ok

    def run(self):
        a = self.a
        rundir = a.sockdir
        qga_sock = os.path.join(rundir, 'qga.sock')
        qmp_sock = os.path.join(rundir, 'qmp.sock')
        ctl_sock = os.path.join(rundir, 'ctl.sock')
        console_log = os.path.join(a.workdir, 'console.log')
        for p in (qga_sock, qmp_sock, ctl_sock, console_log):
            if os.path.exists(p):
                os.unlink(p)
        cmd = ['qemu-system-x86_64', '-machine', 'q35', '-accel', 'tcg', '-cpu', 'max', '-smp', '1', '-m', '512',
               '-nographic', '-no-reboot', '-kernel', a.kernel, '-initrd', a.initrd,
               '-append', 'console=ttyS0 quiet panic=-1',
               '-device', 'virtio-serial',
               '-chardev', 'socket,path=%s,server=on,wait=off,id=qga0' % qga_sock,
               '-device', 'virtserialport,chardev=qga0,name=org.qemu.guest_agent.0',
               '-chardev', 'socket,path=%s,server=on,wait=off,id=ctl0' % ctl_sock,
               '-device', 'virtserialport,chardev=ctl0,name=org.qgakit.vmtest.0',
               '-drive', 'file=%s,if=virtio,format=raw' % a.disk,
               '-qmp', 'unix:%s,server=on,wait=off' % qmp_sock,
               '-serial', 'file:%s' % console_log, '-monitor', 'none', '-nic', 'none',
               '-pidfile', os.path.join(rundir, 'qemu.pid')]
        console = Console(console_log)
        qemu = None
        qmp = None
        error = None
        t0 = now()
        stderr = open(os.path.join(a.workdir, 'qemu.stderr'), 'wb')
        try:
            qemu = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=stderr, stderr=stderr)
            self.scenario(qga_sock, ctl_sock, console, t0)
        except TestFailure as e:
            error = str(e)
        except Exception as e:                            # noqa: BLE001 — any surprise must still quit QEMU
            error = '%s: %s' % (type(e).__name__, e)
        finally:
            if self.qga:
                self.qga.close()
            if self.control:
                self.control.close()
            quit_ok = False
            if qemu is not None and qemu.poll() is None:
                try:
                    qmp = Qmp(qmp_sock, now() + 10)
                    status = qmp.execute('query-status')
                    self.facts['qmp_status'] = status.get('return', {}).get('status')
                    qmp.execute('quit')
                    qmp.close()
                    qemu.wait(timeout=10)
                    quit_ok = qemu.returncode == 0
                except Exception as e:                    # noqa: BLE001
                    print('  QMP quit failed: %s' % e, flush=True)
                if qemu.poll() is None:
                    qemu.kill()
                    qemu.wait(timeout=10)
            stderr.close()
            console.stop()
            self.timings['total'] = now() - t0
        if error:
            self.check('scenario completed', False, error)
        self.check('QEMU quit over QMP with rc 0', quit_ok, 'rc=%s' % (qemu.returncode if qemu else None))
        self.check_hook_log()
        ok = all(c['ok'] for c in self.checks)
        if not ok:
            print('---- serial console (last 60 lines) ----\n' + console.tail() + '\n----', flush=True)
        return ok

    def scenario(self, qga_sock, ctl_sock, console, t0):
        t = self.timings
        self.qga = qga = QgaClient(qga_sock, t0 + 10)
        self.control = control = connect_unix(ctl_sock, t0 + 10)
        attempts = qga.sync(t0 + BOOT_DEADLINE, console.agent_exited)
        t_reply = now()
        t['boot_to_reply'] = t_reply - t0
        self.facts['sync_attempts'] = attempts
        _, t_started = console.wait_for(r'VMTEST: agent started', timeout=10)
        t['start_to_reply'] = max(0.0, t_reply - t_started)
        self.check('guest-sync-delimited answered after boot', True, '%d attempts, %.2f s' % (attempts, t['boot_to_reply']))

        r, t['ping'] = qga.execute('guest-ping')
        self.check('guest-ping returns {}', r == {'return': {}}, json.dumps(r))

        r, t['info'] = qga.execute('guest-info')
        info = r.get('return', {})
        cmds = {c.get('name'): c for c in info.get('supported_commands', [])}
        self.facts['version'] = info.get('version')
        self.facts['commands'] = len(cmds)
        freeze_cmd = cmds.get('guest-fsfreeze-freeze', {})
        self.check('guest-info lists guest-fsfreeze-freeze enabled',
                   isinstance(info.get('version'), str) and freeze_cmd.get('enabled') is True,
                   'version %s, %d commands' % (info.get('version'), len(cmds)))

        r, _ = qga.execute('guest-fsfreeze-status')
        self.check('status is thawed before freezing', r == {'return': 'thawed'}, json.dumps(r))

        # Phase 1: freeze everything the guest has (only /mnt/data: rootfs, proc, sysfs and tmpfs have major 0).
        r, t['freeze'] = qga.execute('guest-fsfreeze-freeze', timeout=FREEZE_TIMEOUT)
        self.check('guest-fsfreeze-freeze returns 1 (the data disk)', r == {'return': 1}, json.dumps(r))
        m, _ = console.wait_for(r'VMTEST: frozen #1 .*')
        hwm = re.search(r'VmHWM: (\d+) kB', m.group(0))
        if hwm:
            self.facts['agent_hwm_kb'] = int(hwm.group(1))
        r, _ = qga.execute('guest-fsfreeze-status')
        self.check('status is frozen', r == {'return': 'frozen'}, json.dumps(r))
        r, _ = qga.execute('guest-fsfreeze-freeze', timeout=FREEZE_TIMEOUT)
        err = r.get('error', {})
        self.facts['refusal'] = err.get('desc')
        self.check('second guest-fsfreeze-freeze refused while frozen',
                   err.get('class') == 'CommandNotFound'
                   and str(err.get('desc', '')).startswith('Command guest-fsfreeze-freeze has been disabled'),
                   json.dumps(r))
        r, t['thaw'] = qga.execute('guest-fsfreeze-thaw', timeout=FREEZE_TIMEOUT)
        self.check('guest-fsfreeze-thaw returns 1', r == {'return': 1}, json.dumps(r))
        r, _ = qga.execute('guest-fsfreeze-status')
        self.check('status is thawed after thaw', r == {'return': 'thawed'}, json.dumps(r))
        console.wait_for(r'VMTEST: thawed, state file gone')
        self.check('state file removed on thaw', True)

        # Phase 2: once the freeze is answered, /init (asked over the control port) kill -9s the agent and starts
        # it again; the new agent must find <statedir>/qga.state.isfrozen and come up frozen.
        r, t['freeze2'] = qga.execute('guest-fsfreeze-freeze', timeout=FREEZE_TIMEOUT)
        self.check('second cycle: guest-fsfreeze-freeze returns 1', r == {'return': 1}, json.dumps(r))
        console.wait_for(r'VMTEST: frozen #2')
        r, _ = qga.execute('guest-fsfreeze-status')
        self.check('second cycle: status is frozen', r == {'return': 'frozen'}, json.dumps(r))
        control.settimeout(5)
        control.sendall(b'kill-while-frozen\n')
        m, _ = console.wait_for(r'VMTEST: (killed agent pid \d+ while frozen|refused kill-while-frozen.*)')
        if not m.group(1).startswith('killed'):
            raise TestFailure('/init did not kill the agent: ' + m.group(1))
        _, t_restart = console.wait_for(r'VMTEST: agent started')
        attempts = qga.sync(now() + 60, console.agent_exited)
        t['restart_to_reply'] = max(0.0, now() - t_restart)
        self.check('restarted agent answers guest-sync-delimited', True, '%d attempts' % attempts)
        r, _ = qga.execute('guest-fsfreeze-status')
        self.check('restarted agent comes up frozen', r == {'return': 'frozen'}, json.dumps(r))
        r, _ = qga.execute('guest-ping')
        self.check('guest-ping allowed while frozen', r == {'return': {}}, json.dumps(r))
        r, t['thaw2'] = qga.execute('guest-fsfreeze-thaw', timeout=FREEZE_TIMEOUT)
        self.check('restarted agent thaws (returns 1)', r == {'return': 1}, json.dumps(r))
        r, _ = qga.execute('guest-fsfreeze-status')
        self.check('status is thawed after restart and thaw', r == {'return': 'thawed'}, json.dumps(r))
        console.wait_for(r'VMTEST: thawed, state file gone')
        self.check('state file removed by restarted agent\'s thaw', True)
        # qemu-ga warns on stderr (even without -v) when it starts and finds the state file; reported, not required.
        self.facts['restart_warning'] = console.seen(r'previous instance appears to have exited with frozen')

    def check_hook_log(self):
        """The hook's record on the data disk, read without mounting it."""
        try:
            out = subprocess.run(['debugfs', '-R', 'cat /hook.log', self.a.disk], capture_output=True,
                                 timeout=30, check=False).stdout.decode('utf-8', 'replace')
        except (OSError, subprocess.TimeoutExpired) as e:
            self.check('hook log readable from the disk image', False, str(e))
            return
        verbs = re.findall(r'^HOOK (\S+) ', out, re.M)
        self.facts['hook_log'] = verbs
        self.check('hook ran freeze, thaw, freeze, thaw in order (disk image)',
                   verbs == ['freeze', 'thaw', 'freeze', 'thaw'], ' '.join(verbs) or 'empty')


def cmd_run(a):
    runner = Run(a)
    print('[%s] booting the VM' % a.name, flush=True)

    def on_signal(signum, _frame):
        raise SystemExit('killed by signal %d' % signum)   # unwinds through Run's finally, which kills QEMU
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)
    ok = runner.run()
    for pre in a.pre_check:
        name, _, outcome = pre.rpartition('=')
        runner.checks.insert(0, {'name': name, 'ok': outcome == 'ok', 'detail': ''})
        ok = ok and outcome == 'ok'
    result = {'name': a.name, 'ok': ok, 'checks': runner.checks, 'timings': runner.timings, 'facts': runner.facts}
    if a.binary_size:
        result['facts']['binary_size'] = a.binary_size
    with open(a.results, 'w') as f:
        json.dump(result, f, indent=1)
    print('[%s] %s in %.1f s' % (a.name, 'PASSED' if ok else 'FAILED', runner.timings.get('total', 0)), flush=True)
    return 0 if ok else 1


def cmd_table(a):
    results = []
    for path in a.results:
        try:
            with open(path) as f:
                results.append(json.load(f))
        except (OSError, ValueError):
            results.append({'name': os.path.basename(os.path.dirname(path)) or path, 'ok': False,
                            'timings': {}, 'facts': {}, 'checks': []})

    def secs(v):
        return '%.2f s' % v if isinstance(v, (int, float)) else '-'

    def ms(v):
        return '%.0f ms' % (v * 1000) if isinstance(v, (int, float)) else '-'

    rows = [
        ('result', lambda r: 'PASS' if r['ok'] else 'FAIL (%d of %d checks failed)' % (
            sum(not c['ok'] for c in r['checks']), len(r['checks']))),
        ('boot to first reply', lambda r: secs(r['timings'].get('boot_to_reply'))),
        ('agent start to first reply (in the VM)', lambda r: secs(r['timings'].get('start_to_reply'))),
        ('guest-ping', lambda r: ms(r['timings'].get('ping'))),
        ('guest-fsfreeze-freeze', lambda r: ms(r['timings'].get('freeze'))),
        ('guest-fsfreeze-thaw', lambda r: ms(r['timings'].get('thaw'))),
        ('kill -9 while frozen: restart to first reply', lambda r: secs(r['timings'].get('restart_to_reply'))),
        ('thaw by the restarted agent', lambda r: ms(r['timings'].get('thaw2'))),
        ('restarted agent warns "previous instance ... frozen"', lambda r: {True: 'yes', False: 'no'}.get(
            r['facts'].get('restart_warning'), '-')),
        ('agent peak RSS in the guest (VmHWM)', lambda r: ('%.1f MB' % (r['facts']['agent_hwm_kb'] / 1024))
         if 'agent_hwm_kb' in r['facts'] else '-'),
        ('agent binary size', lambda r: ('%.2f MB' % (r['facts']['binary_size'] / 1048576))
         if r['facts'].get('binary_size') else '-'),
        ('whole VM run', lambda r: secs(r['timings'].get('total'))),
    ]
    w0 = max(len(n) for n, _ in rows)
    cols = [[f(r) for _, f in rows] for r in results]
    widths = [max(len(r['name']), *(len(c) for c in col)) for r, col in zip(results, cols)]
    print('| ' + 'measure'.ljust(w0) + ' | ' + ' | '.join(r['name'].ljust(w) for r, w in zip(results, widths)) + ' |')
    print('|' + '-' * (w0 + 2) + '|' + '|'.join('-' * (w + 2) for w in widths) + '|')
    for i, (n, _) in enumerate(rows):
        print('| ' + n.ljust(w0) + ' | ' + ' | '.join(col[i].ljust(w) for col, w in zip(cols, widths)) + ' |')
    for r in results:
        if r['facts'].get('refusal'):
            print('%s refused the second freeze with: %s' % (r['name'], r['facts']['refusal']))
        for c in r['checks']:
            if not c['ok']:
                print('%s FAILED: %s %s' % (r['name'], c['name'], c.get('detail', '')))
    return 0


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest='cmd', required=True)
    r = sub.add_parser('run')
    r.add_argument('--name', required=True)
    r.add_argument('--kernel', required=True)
    r.add_argument('--initrd', required=True)
    r.add_argument('--disk', required=True)
    r.add_argument('--workdir', required=True, help='console.log and qemu.stderr go here')
    r.add_argument('--sockdir', required=True, help='short directory for the unix sockets (path <= 107 bytes)')
    r.add_argument('--results', required=True)
    r.add_argument('--binary-size', type=int, default=0)
    r.add_argument('--pre-check', action='append', default=[], help='NAME=ok|fail of a step run before the VM')
    t = sub.add_parser('table')
    t.add_argument('results', nargs='+')
    a = p.parse_args()
    return cmd_run(a) if a.cmd == 'run' else cmd_table(a)


if __name__ == '__main__':
    sys.exit(main())
