using System;
using System.Threading;
using System.Threading.Tasks;
using QgaKit.Interop;
using QgaKit.Logging;

namespace QgaKit.Hooks;

/// <summary>How one hook run behaves (from <c>--hook-timeout</c>, <c>--hook-log</c>, <c>--hook-allow-untrusted</c>).</summary>
internal sealed class HookRunSettings
{
    /// <summary>Whole seconds; 0 waits for ever, as qemu-ga does.</summary>
    public int TimeoutSeconds { get; init; }

    /// <summary>Hook stdout/stderr into the log instead of /dev/null.</summary>
    public bool CaptureOutput { get; init; }

    public bool AllowUntrusted { get; init; }

    /// <summary>Time between SIGTERM and SIGKILL to the hook's process group (after a timeout or cancellation).</summary>
    public TimeSpan KillGrace { get; init; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Runs one hook executable the way qemu-ga 7.2's <c>execute_fsfreeze_hook</c> does — trust check (kit addition),
/// <c>access(X_OK)</c>, log line, own session, stdio on /dev/null, argv <c>[path, argument]</c>, the real
/// environ, wait, exact status decode — but with posix_spawn (no fork in .NET), every signal default and no
/// descriptor above 2 in the child, and a wait that cannot race the .NET runtime's own reaping
/// (pidfd + poll, then waitpid on that pid only). The sync and async forms share one implementation.
/// </summary>
internal static class HookRunner
{
    // Without a pidfd (Linux before 5.3) the exit is noticed by polling waitpid(WNOHANG) at this interval.
    private const int FallbackPollMs = 20;

    private const int SpawnAttempts = 8;

    public static void Run(string name, string path, string argument, HookRunSettings settings, Action<LogLevel, string> log)
    {
        ValueTask run = RunCoreAsync(name, path, argument, settings, log, async: false, CancellationToken.None);
        if (!run.IsCompleted)
        {
            throw new InvalidOperationException("a synchronous hook run did not complete synchronously");
        }

        run.GetAwaiter().GetResult();
    }

    public static Task RunAsync(string name, string path, string argument, HookRunSettings settings, Action<LogLevel, string> log, CancellationToken cancellationToken)
        => RunCoreAsync(name, path, argument, settings, log, async: true, cancellationToken).AsTask();

    private static async ValueTask RunCoreAsync(
        string name, string path, string argument, HookRunSettings settings, Action<LogLevel, string> log, bool async, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!settings.AllowUntrusted)
        {
            string? reason = HookTrust.Check(path);
            if (reason is not null)
            {
                throw new QgaException(HookTexts.NotTrusted(name, path, reason));
            }
        }

        int errno = FileStatus.Access(path, FileStatus.X_OK);
        if (errno != 0)
        {
            throw new QgaException(HookTexts.CantAccess(name, path, errno));
        }

        ChildSignals.EnsureChildStatusesKept(name);
        log(LogLevel.Info, HookTexts.Executing(name, argument));

        int pipeRead = -1;
        int pipeWrite = -1;
        int pidfd = -1;
        try
        {
            var options = new SpawnOptions(path, new[] { path, argument }) { NewSession = true };
            if (settings.CaptureOutput)
            {
                errno = Spawn.CreatePipe(out pipeRead, out pipeWrite);
                if (errno != 0 || (errno = Spawn.SetNonBlocking(pipeRead)) != 0)
                {
                    throw new QgaException(HookTexts.CreateChildFailed(errno));
                }

                options.Stdout = StdioTarget.Descriptor(pipeWrite);
                options.Stderr = StdioTarget.Descriptor(pipeWrite);
            }

            int pid;
            for (int attempt = 1; ; attempt++)
            {
                errno = Spawn.Start(options, out pid);

                // ETXTBSY: the file was just written and another thread's child (Process, another hook) still held
                // a copy of the writer's descriptor between its clone and exec. qemu-ga, single-threaded, never
                // sees this; it lasts microseconds, so a few short retries make the kit equally reliable.
                if (errno != Errno.ETXTBSY || attempt == SpawnAttempts)
                {
                    break;
                }

                if (async)
                {
                    await Task.Delay(10 * attempt, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    Thread.Sleep(10 * attempt);
                }
            }

            Spawn.Close(pipeWrite);
            pipeWrite = -1;
            if (errno != 0)
            {
                throw new QgaException(IsNoChild(errno) ? HookTexts.CreateChildFailed(errno) : HookTexts.ExecFailed(name, path, errno));
            }

            // The pid cannot be reused before we reap it, so opening the pidfd now is race-free.
            pidfd = Wait.PidfdOpen(pid);
            var run = new Waiting(name, pid, pidfd, pipeRead, settings, log);
            pipeRead = -1; // owned by run now
            try
            {
                await run.UntilExitAsync(async, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                run.CloseOutput();
            }

            Decode(name, run, cancellationToken);
        }
        finally
        {
            Spawn.Close(pidfd);
            Spawn.Close(pipeRead);
            Spawn.Close(pipeWrite);
        }
    }

    // posix_spawn's clone failed: no child was made. Every other error is the exec's (or a file action's).
    private static bool IsNoChild(int errno) => errno is Errno.EAGAIN or Errno.ENOMEM or Errno.ENOSYS;

    private static void Decode(string name, Waiting run, CancellationToken cancellationToken)
    {
        if (run.Stopping == StopReason.Timeout)
        {
            throw new QgaException(HookTexts.TimedOut(name, run.TimeoutSeconds));
        }

        if (run.Stopping == StopReason.Canceled)
        {
            throw new OperationCanceledException(HookTexts.TerminatedAbnormally(name), cancellationToken);
        }

        if (!run.Status.Exited)
        {
            throw new QgaException(HookTexts.TerminatedAbnormally(name));
        }

        if (run.Status.ExitCode != 0)
        {
            throw new QgaException(HookTexts.FailedWithStatus(name, run.Status.ExitCode));
        }
    }

    private enum StopReason
    {
        None,
        Timeout,
        Canceled,
    }

    /// <summary>The wait for one spawned hook: exit, optional output, timeout and cancellation.</summary>
    private sealed class Waiting
    {
        private readonly string _name;
        private readonly int _pid;
        private readonly int _pidfd;
        private readonly HookRunSettings _settings;
        private readonly Action<LogLevel, string> _log;
        private readonly HookOutput? _output;
        private int _pipe;

        public Waiting(string name, int pid, int pidfd, int pipe, HookRunSettings settings, Action<LogLevel, string> log)
        {
            _name = name;
            _pid = pid;
            _pidfd = pidfd;
            _pipe = pipe;
            _settings = settings;
            _log = log;
            _output = pipe >= 0 ? new HookOutput(name, log) : null;
        }

        public StopReason Stopping { get; private set; }

        public WaitStatus Status { get; private set; }

        public int TimeoutSeconds => _settings.TimeoutSeconds;

        public async ValueTask UntilExitAsync(bool async, CancellationToken cancellationToken)
        {
            long deadline = _settings.TimeoutSeconds > 0 ? Environment.TickCount64 + (_settings.TimeoutSeconds * 1000L) : long.MaxValue;
            bool killed = false;
            while (true)
            {
                int timeout = Remaining(deadline);
                if (_pidfd < 0)
                {
                    timeout = timeout < 0 ? FallbackPollMs : Math.Min(timeout, FallbackPollMs);
                }

                var token = Stopping == StopReason.None ? cancellationToken : CancellationToken.None;
                int ready = async
                    ? await FdReactor.Shared.WaitAsync(_pidfd, _pipe, timeout, token).ConfigureAwait(false)
                    : PollOnce(_pidfd, _pipe, timeout);

                if ((ready & FdReactor.Second) != 0 || (ready == 0 && _pipe >= 0))
                {
                    Drain();
                }

                if (ready == FdReactor.Canceled)
                {
                    Stop(StopReason.Canceled, "was canceled");
                    deadline = Environment.TickCount64 + (long)_settings.KillGrace.TotalMilliseconds;
                    continue;
                }

                if ((ready & FdReactor.First) != 0 || _pidfd < 0)
                {
                    if (TryReap(killed))
                    {
                        return;
                    }
                }

                if (Environment.TickCount64 < deadline)
                {
                    continue;
                }

                if (Stopping == StopReason.None)
                {
                    Stop(StopReason.Timeout, "has timed out");
                    deadline = Environment.TickCount64 + (long)_settings.KillGrace.TotalMilliseconds;
                }
                else if (!killed)
                {
                    _log(LogLevel.Warning, HookTexts.Killing(_name, _pid));
                    _ = Signals.Kill(-_pid, Signals.SIGKILL);
                    killed = true;
                    deadline = Environment.TickCount64 + (long)_settings.KillGrace.TotalMilliseconds;
                }
                else
                {
                    // Still alive after SIGKILL: uninterruptible sleep (e.g. writing to a frozen filesystem).
                    // Reply now and reap whenever it exits, so neither the reply nor the pid is lost.
                    _log(LogLevel.Warning, HookTexts.NotReaped(_name, _pid));
                    ReapLater(_pid);
                    return;
                }
            }
        }

        public void CloseOutput()
        {
            if (_pipe >= 0)
            {
                Drain();
            }

            Spawn.Close(_pipe);
            _pipe = -1;
            _output?.Complete();
        }

        private static int Remaining(long deadline)
            => deadline == long.MaxValue ? -1 : (int)Math.Clamp(deadline - Environment.TickCount64, 0, int.MaxValue);

        private static unsafe int PollOnce(int pidfd, int pipe, int timeout)
        {
            Wait.PollFd* fds = stackalloc Wait.PollFd[2];
            int count = 0;
            int pidIndex = -1;
            int pipeIndex = -1;
            if (pidfd >= 0)
            {
                pidIndex = count;
                fds[count++] = new Wait.PollFd { Fd = pidfd, Events = Wait.POLLIN };
            }

            if (pipe >= 0)
            {
                pipeIndex = count;
                fds[count++] = new Wait.PollFd { Fd = pipe, Events = Wait.POLLIN };
            }

            if (Wait.Poll(fds, count, timeout) <= 0)
            {
                return 0; // timeout, or EINTR: the caller re-checks its deadline
            }

            int ready = 0;
            if (pidIndex >= 0 && fds[pidIndex].Revents != 0)
            {
                ready |= FdReactor.First;
            }

            if (pipeIndex >= 0 && fds[pipeIndex].Revents != 0)
            {
                ready |= FdReactor.Second;
            }

            return ready;
        }

        private void Stop(StopReason reason, string why)
        {
            Stopping = reason;
            _log(LogLevel.Warning, HookTexts.Terminating(_name, _pid, why));
            _ = Signals.Kill(-_pid, Signals.SIGTERM);
        }

        /// <summary>Reaps the hook if it has exited. While stopping it, the rest of its process group is killed
        /// first: until the leader is reaped its pid, and so the group id, cannot be reused.</summary>
        private bool TryReap(bool killed)
        {
            if (_pidfd >= 0 && Stopping != StopReason.None && !killed)
            {
                _ = Signals.Kill(-_pid, Signals.SIGKILL);
            }

            int r = Wait.WaitPid(_pid, Wait.WNOHANG, out var status);
            if (r == 0)
            {
                return false;
            }

            if (r < 0)
            {
                throw new QgaException(HookTexts.WaitFailed(_pid, -r));
            }

            Status = status;
            return true;
        }

        private void Drain()
        {
            if (_pipe < 0)
            {
                return;
            }

            // Non-blocking: stop at EAGAIN, so a background grandchild that keeps the pipe open never holds us.
            Span<byte> buffer = stackalloc byte[4096];
            while (true)
            {
                int n = Spawn.Read(_pipe, buffer);
                if (n > 0)
                {
                    _output!.Append(buffer[..n]);
                    continue;
                }

                if (n == 0)
                {
                    Spawn.Close(_pipe);
                    _pipe = -1;
                }
                else if (n == -Errno.EINTR)
                {
                    continue;
                }

                return;
            }
        }

        private static void ReapLater(int pid)
        {
            int fd = Wait.PidfdOpen(pid); // its own pidfd: the run's is closed when the run returns
            _ = Task.Run(async () =>
            {
                try
                {
                    if (fd >= 0)
                    {
                        await FdReactor.Shared.WaitAsync(fd, -1, -1, CancellationToken.None).ConfigureAwait(false);
                    }

                    _ = Wait.WaitPid(pid, 0, out _);
                }
                finally
                {
                    Spawn.Close(fd);
                }
            });
        }
    }
}
