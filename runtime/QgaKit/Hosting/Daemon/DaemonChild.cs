using System;
using System.Globalization;
using QgaKit.Interop;

namespace QgaKit.Hosting.Daemon;

/// <summary>
/// The agent re-executed by <c>-d</c> (<see cref="DaemonLauncher"/>). It behaves as qemu-ga after its fork: umask
/// 077 and working directory <c>/</c> right after the command line is read (so relative paths in options are
/// relative to <c>/</c>, as in qemu-ga 7.2), then, once it serves, the pidfile, stdio on <c>/dev/null</c>, and the
/// word to the waiting parent.
/// </summary>
public sealed class DaemonChild : IDisposable
{
    private readonly bool _detachStdio;
    private int _statusFd;
    private PidFile? _pidFile;

    /// <param name="statusFd">The write end of the parent's status pipe.</param>
    /// <param name="detachStdio">False only in tests, whose stdio must survive.</param>
    internal DaemonChild(int statusFd, bool detachStdio = true)
    {
        _statusFd = statusFd;
        _detachStdio = detachStdio;
    }

    /// <summary>True in a process started by <see cref="DaemonLauncher"/> (it must not daemonize again).</summary>
    public static bool IsDaemonChild => Environment.GetEnvironmentVariable(DaemonProtocol.StatusFdVariable) is not null;

    /// <summary>The child's end of the protocol, or null when this process was not started by <c>-d</c>. Removes the
    /// marker from the environment, so hooks and their children never see it.</summary>
    public static DaemonChild? FromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(DaemonProtocol.StatusFdVariable);
        if (value is null)
        {
            return null;
        }

        Environment.SetEnvironmentVariable(DaemonProtocol.StatusFdVariable, null);
        _ = FileOpen.Unsetenv(DaemonProtocol.StatusFdVariable);
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var fd) ? new DaemonChild(fd) : null;
    }

    /// <summary>The pidfile written by <see cref="TryReportReady"/> or <see cref="TryWritePidFile"/>, if any.</summary>
    public string? PidFilePath => _pidFile?.Path;

    /// <summary>qemu-ga's become_daemon, minus the fork: umask 077, cwd <c>/</c> (the new session was made by posix_spawn).</summary>
    public static void EnterDaemonContext()
    {
        _ = FileOpen.Umask(0x3F);
        Environment.CurrentDirectory = "/";
    }

    /// <summary>Called once the agent serves: writes the pidfile (null when deferred because the agent came up frozen),
    /// puts stdin, stdout and stderr on /dev/null and tells the parent, which then exits 0. On a pidfile error nothing
    /// is detached and the message is returned: print it (stderr still reaches the parent) and exit 1.</summary>
    public bool TryReportReady(string? pidFile, out string? error)
    {
        if (pidFile is not null && !TryWritePidFile(pidFile, out error))
        {
            return false;
        }

        if (_detachStdio)
        {
            DetachStdio();
        }

        if (_statusFd >= 0)
        {
            var ready = DaemonProtocol.Ready;
            int written;
            do
            {
                written = Spawn.Write(_statusFd, ready);
            }
            while (written == -Errno.EINTR);
            Spawn.Close(_statusFd);
            _statusFd = -1;
        }

        error = null;
        return true;
    }

    /// <summary>Writes the pidfile (also after a thaw, when it was deferred at start-up).</summary>
    public bool TryWritePidFile(string pidFile, out string? error)
    {
        _pidFile?.Dispose();
        _pidFile = PidFile.TryCreate(pidFile, out error);
        return _pidFile is not null;
    }

    /// <summary>Removes the pidfile.</summary>
    public void Dispose()
    {
        _pidFile?.Dispose();
        _pidFile = null;
        if (_statusFd >= 0)
        {
            Spawn.Close(_statusFd);
            _statusFd = -1;
        }
    }

    // qemu-ga's reopen_fd_to_null for 0, 1 and 2: the stderr pipe to the parent closes here, which ends its copy.
    private static void DetachStdio()
    {
        using var devNull = FileOpen.Open("/dev/null", FileOpen.O_RDWR, 0, out _);
        if (devNull.IsInvalid)
        {
            return;
        }

        var fd = (int)devNull.DangerousGetHandle();
        for (var target = 0; target <= 2; target++)
        {
            _ = FileOpen.Dup2(fd, target);
        }
    }
}
