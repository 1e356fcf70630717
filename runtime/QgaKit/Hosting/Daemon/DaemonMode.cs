using System;

namespace QgaKit.Hosting.Daemon;

/// <summary>
/// The three calls <c>QgaAgent.Run</c> makes for <c>-d</c> and systemd, in start-up order:
/// <code>
/// if (DaemonMode.ShouldLaunch(options)) return DaemonLauncher.Launch(Console.Error);   // the -d parent
/// using var daemon = DaemonMode.EnterChild();                                          // the -d child, else null
/// … open the log file and the channel …
/// if (!DaemonMode.ReportServing(daemon, frozen ? null : options.PidFile, out var e)) { critical(e); return 1; }
/// </code>
/// </summary>
public static class DaemonMode
{
    /// <summary>True in the process the user started with <c>-d</c> (not in the re-executed child).</summary>
    public static bool ShouldLaunch(AgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Daemonize && !DaemonChild.IsDaemonChild;
    }

    /// <summary>In the re-executed child: umask 077 and cwd <c>/</c> (qemu-ga's become_daemon), and the handle that
    /// reports readiness. Null in any other process.</summary>
    public static DaemonChild? EnterChild()
    {
        var child = DaemonChild.FromEnvironment();
        if (child is not null)
        {
            DaemonChild.EnterDaemonContext();
        }

        return child;
    }

    /// <summary>Once the channel is open: the daemon child writes its pidfile (null while frozen: written after the
    /// thaw with <see cref="DaemonChild.TryWritePidFile"/>), detaches stdio and releases the parent; any other agent
    /// sends <c>READY=1</c> to systemd. False with the message to log as critical (then exit 1).</summary>
    public static bool ReportServing(DaemonChild? daemon, string? pidFile, out string? error)
    {
        if (daemon is not null)
        {
            return daemon.TryReportReady(pidFile, out error);
        }

        _ = SystemdNotify.Ready();
        error = null;
        return true;
    }
}
