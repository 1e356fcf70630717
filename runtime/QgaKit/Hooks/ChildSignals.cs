using QgaKit.Interop;

namespace QgaKit.Hooks;

/// <summary>
/// What an agent that runs hooks must do about SIGCHLD and process 1, before anything else in <c>Main</c>:
/// <code>
/// ChildSignals.ResetIgnoredSigchld();
/// if (ChildSignals.RunInitShimIfPid1(out int exitCode)) return exitCode;
/// </code>
/// </summary>
public static class ChildSignals
{
    /// <summary>
    /// Sets SIGCHLD back to SIG_DFL if the agent was started with it ignored (<c>env --ignore-signal=CHLD</c>,
    /// some service managers). With SIGCHLD ignored the kernel discards every child's exit status: each hook wait
    /// fails with ECHILD and <c>Process.WaitForExit</c> never returns. Call it before any Process or Console use,
    /// which copies the disposition into the runtime. Returns whether it changed anything.
    /// </summary>
    public static bool ResetIgnoredSigchld() => Signals.ResetIfIgnored(Signals.SIGCHLD);

    /// <summary>
    /// When this process is pid 1 (a container's or initramfs's init), the .NET runtime reaps every child with
    /// <c>waitpid(-1)</c> once Process or a terminal Console is used, and hook statuses are lost. This re-executes
    /// the agent (same executable, argv, environment, descriptors) as pid 1's only child; pid 1 then only forwards
    /// SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1 and SIGUSR2 to it and reaps orphans, and returns true with the
    /// agent's exit status (128 + N when it died of signal N), which <c>Main</c> returns. Not pid 1: returns false
    /// at once.
    /// </summary>
    public static bool RunInitShimIfPid1(out int exitCode)
    {
        if (Signals.getpid() != 1)
        {
            exitCode = 0;
            return false;
        }

        exitCode = InitShim.Run();
        return true;
    }

    /// <summary>Before each hook: a status must never be lost or wrong, so SIGCHLD is made waitable if something
    /// ignored it since start-up, and a hook is refused outright as pid 1 without the shim.</summary>
    internal static void EnsureChildStatusesKept(string hookName)
    {
        _ = ResetIgnoredSigchld();
        if (Signals.getpid() == 1)
        {
            throw new QgaException(HookTexts.RefusedAsPid1(hookName));
        }
    }
}
