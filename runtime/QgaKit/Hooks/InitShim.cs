using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using QgaKit.Interop;

namespace QgaKit.Hooks;

/// <summary>
/// The pid-1 shim: a minimal init that starts the real agent as its child and does nothing but forward signals and
/// reap. It is the only code in the kit allowed to call waitpid(-1): it never uses Process or Console, so the
/// runtime's own reaper is never installed in this process and cannot steal the agent's status.
/// </summary>
internal static class InitShim
{
    private static readonly int[] Forwarded = [Signals.SIGTERM, Signals.SIGINT, Signals.SIGHUP, Signals.SIGQUIT, Signals.SIGUSR1, Signals.SIGUSR2];

    public static int Run()
    {
        // The agent gets exactly what this process got: executable, argv (from the kernel, so `dotnet app.dll`
        // is re-run as such), environment, stdio, every inherited descriptor (socket activation), signal
        // dispositions and session (so a terminal's Ctrl-C still reaches it).
        var options = new SpawnOptions(Spawn.CurrentExecutable, Spawn.CurrentArgv())
        {
            Stdin = StdioTarget.Inherit,
            Stdout = StdioTarget.Inherit,
            Stderr = StdioTarget.Inherit,
            CloseOtherDescriptors = false,
            ResetSignals = false,
        };

        int errno = Spawn.Start(options, out int child);
        if (errno != 0)
        {
            // No logger exists yet; this is the agent's stderr, like qemu-ga's early g_critical texts.
            var stderr = Console.OpenStandardError();
            byte[] text = System.Text.Encoding.UTF8.GetBytes("failed to start the agent under the pid-1 shim: " + Errno.Describe(errno) + "\n");
            stderr.Write(text);
            return 1;
        }

        var registrations = new List<PosixSignalRegistration>();
        foreach (int signal in Forwarded)
        {
            // A signal the launcher ignored (nohup) stays ignored in the agent through exec: no forwarder for it,
            // whose handler exec would turn into SIG_DFL.
            if (Signals.IsIgnored(signal))
            {
                continue;
            }

            registrations.Add(PosixSignalRegistration.Create((PosixSignal)signal, context =>
            {
                context.Cancel = true; // pid 1 stays up until its child is gone
                _ = Signals.Kill(child, signal);
            }));
        }

        try
        {
            while (true)
            {
                int r = Wait.WaitPid(-1, 0, out var status);
                if (r == child)
                {
                    return status.Exited ? status.ExitCode : 128 + status.Signal;
                }

                if (r == -Errno.ECHILD)
                {
                    return 1; // cannot happen: the child was ours and unreaped
                }
            }
        }
        finally
        {
            foreach (var registration in registrations)
            {
                registration.Dispose();
            }
        }
    }
}
