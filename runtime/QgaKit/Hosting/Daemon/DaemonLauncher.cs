using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using QgaKit.Interop;

namespace QgaKit.Hosting.Daemon;

/// <summary>
/// <c>-d</c> without fork(): re-executes this process's own command line detached (posix_spawn with a new session,
/// stdin and stdout on /dev/null, every other descriptor closed, signals reset), copies the child's stderr to ours
/// until the child says it serves, and returns the exit code for the parent: 0 once the child serves, else the
/// child's status (1 when it was killed). qemu-ga's parent exits 0 at once, even when its child fails next.
/// </summary>
public static class DaemonLauncher
{
    /// <summary>Starts the daemon child and waits until it serves or fails; returns the parent's exit code.</summary>
    public static int Launch(TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        var executable = Environment.ProcessPath;
        var argv = ReadOwnCommandLine();
        if (executable is null || argv.Count == 0)
        {
            Critical(stderr, DaemonTexts.FailedToDaemonize);
            return 1;
        }

        return Launch(executable, argv, stderr, null);
    }

    /// <summary>Starts <paramref name="executable"/> with <paramref name="argv"/> as the daemon child (tests start
    /// other programs that speak the protocol).</summary>
    internal static int Launch(string executable, IReadOnlyList<string> argv, TextWriter stderr, Action<int>? started)
    {
        var error = Spawn.CreatePipe(out var statusRead, out var statusWrite);
        if (error != 0)
        {
            Critical(stderr, DaemonTexts.SpawnFailed(Errno.Describe(error)));
            return 1;
        }

        error = Spawn.CreatePipe(out var errorRead, out var errorWrite);
        if (error != 0)
        {
            Spawn.Close(statusRead);
            Spawn.Close(statusWrite);
            Critical(stderr, DaemonTexts.SpawnFailed(Errno.Describe(error)));
            return 1;
        }

        int pid;
        try
        {
            var options = new SpawnOptions(executable, argv)
            {
                Environment = ChildEnvironment(),
                NewSession = true,
                Stdin = StdioTarget.DevNull,
                Stdout = StdioTarget.DevNull,
                Stderr = StdioTarget.Descriptor(errorWrite),
                PassDescriptors = new[] { statusWrite },
                CloseOtherDescriptors = true,
                ResetSignals = true,

                // The child reads the command line in our directory (relative -c, QGA_CONF, dll paths), then moves
                // to "/" itself, as qemu-ga does after parsing.
                WorkingDirectory = null,
            };
            error = Spawn.Start(options, out pid);
        }
        finally
        {
            Spawn.Close(statusWrite);
            Spawn.Close(errorWrite);
        }

        if (error != 0)
        {
            Spawn.Close(statusRead);
            Spawn.Close(errorRead);
            Critical(stderr, DaemonTexts.SpawnFailed(Errno.Describe(error)));
            return 1;
        }

        started?.Invoke(pid);
        try
        {
            if (WaitUntilReady(statusRead, errorRead, stderr))
            {
                SystemdNotify.Notify("READY=1\nMAINPID=" + pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return 0;
            }
        }
        finally
        {
            Spawn.Close(statusRead);
            Spawn.Close(errorRead);
        }

        // The child closed its status pipe without a word: it is exiting or has exited.
        if (Wait.WaitPid(pid, 0, out var status) != pid)
        {
            Critical(stderr, DaemonTexts.FailedToDaemonize);
            return 1;
        }

        if (status.Exited)
        {
            if (status.ExitCode != 0)
            {
                return status.ExitCode;
            }

            Critical(stderr, DaemonTexts.ChildExited(0));
            return 1;
        }

        Critical(stderr, DaemonTexts.ChildKilled(status.Signal));
        return 1;
    }

    // Copies the child's stderr to ours while waiting for its status: "READY\n" (true) or end of file (false).
    private static unsafe bool WaitUntilReady(int statusRead, int errorRead, TextWriter stderr)
    {
        var status = new List<byte>();
        var buffer = new byte[4096];
        var errorOpen = true;
        bool? ready = null;
        var fds = stackalloc Wait.PollFd[2];
        while (ready is null || errorOpen)
        {
            var count = 0;
            if (ready is null)
            {
                fds[count++] = new Wait.PollFd { Fd = statusRead, Events = Wait.POLLIN };
            }

            if (errorOpen)
            {
                fds[count++] = new Wait.PollFd { Fd = errorRead, Events = Wait.POLLIN };
            }

            // Once the child is ready its stderr is already /dev/null, so the copy ends at once; the timeout only
            // guards against a grandchild that kept the pipe.
            var polled = Wait.Poll(fds, count, ready is null ? -1 : 2000);
            if (polled == -Errno.EINTR)
            {
                continue;
            }

            if (polled <= 0)
            {
                break;
            }

            for (var i = 0; i < count; i++)
            {
                if (fds[i].Revents == 0)
                {
                    continue;
                }

                var n = ReadRetrying(fds[i].Fd, buffer);
                if (fds[i].Fd == errorRead)
                {
                    if (n <= 0)
                    {
                        errorOpen = false;
                    }
                    else
                    {
                        stderr.Write(System.Text.Encoding.UTF8.GetString(buffer, 0, n));
                        stderr.Flush();
                    }
                }
                else if (n <= 0)
                {
                    ready = false;
                }
                else
                {
                    status.AddRange(new ArraySegment<byte>(buffer, 0, n));
                    if (status.Count >= DaemonProtocol.Ready.Length)
                    {
                        ready = status.ToArray().AsSpan().SequenceEqual(DaemonProtocol.Ready);
                    }
                }
            }
        }

        return ready == true;
    }

    private static int ReadRetrying(int fd, byte[] buffer)
    {
        int n;
        do
        {
            n = Spawn.Read(fd, buffer);
        }
        while (n == -Errno.EINTR);
        return n;
    }

    // The process's environment plus the marker naming the status descriptor.
    private static List<string> ChildEnvironment()
    {
        var environment = new List<string>();
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            var key = (string)entry.Key;
            if (key != DaemonProtocol.StatusFdVariable && key != "NOTIFY_SOCKET")
            {
                environment.Add(key + "=" + (string?)entry.Value);
            }
        }

        environment.Add(DaemonProtocol.StatusFdVariable + "=" + DaemonProtocol.StatusFd.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return environment;
    }

    // /proc/self/cmdline is the exact argv this process was started with (host and dll included under `dotnet`).
    private static List<string> ReadOwnCommandLine()
    {
        var words = new List<string>();
        try
        {
            var bytes = File.ReadAllBytes("/proc/self/cmdline");
            var start = 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == 0)
                {
                    words.Add(System.Text.Encoding.UTF8.GetString(bytes, start, i - start));
                    start = i + 1;
                }
            }
        }
        catch (IOException)
        {
        }

        return words;
    }

    private static void Critical(TextWriter stderr, string message) => CommandLine.GLibConsoleMessage.Critical(stderr, message);
}
