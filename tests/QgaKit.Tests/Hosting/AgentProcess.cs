using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;

namespace QgaKit.Tests.Hosting;

/// <summary>
/// The built sample agent (<c>fsfreeze-agent.dll</c>, copied next to the tests by the project reference) run as a
/// real process with <c>-m unix-listen</c> in a private temp dir. Disposing kills it (by pid) and removes the dir.
/// </summary>
internal sealed partial class AgentProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly List<string> _stderr = new();

    private AgentProcess(string directory, string socketPath, Process process)
    {
        Directory = directory;
        SocketPath = socketPath;
        _process = process;
    }

    public string Directory { get; }

    public string SocketPath { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return string.Join('\n', _stderr);
            }
        }
    }

    public static string AgentDll => Path.Combine(AppContext.BaseDirectory, "fsfreeze-agent.dll");

    public static string NewTempDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "qgakit-core-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>Starts the agent with <c>-m unix-listen</c> and waits until its socket accepts connections.</summary>
    public static AgentProcess Start(string? directory = null, params string[] extraArgs)
    {
        directory ??= NewTempDirectory();
        var socketPath = Path.Combine(directory, "sock");
        var agent = Launch(directory, socketPath, ["-m", "unix-listen", "-p", socketPath, "-t", directory, .. extraArgs]);
        agent.WaitUntilListening();
        return agent;
    }

    /// <summary>Starts the agent with exactly <paramref name="args"/> (plus <c>-t</c>), without waiting for anything.
    /// <paramref name="shellPrefix"/>, when given, is bash code (dash cannot name fds above 9) run before <c>exec dotnet …</c> (fd and environment set-up).</summary>
    public static AgentProcess Launch(string directory, string[] args, string? shellPrefix = null)
        => Launch(directory, Path.Combine(directory, "sock"), [.. args, "-t", directory], shellPrefix);

    private static AgentProcess Launch(string directory, string socketPath, string[] args, string? shellPrefix = null)
    {
        var info = new ProcessStartInfo(shellPrefix is null ? "dotnet" : "/bin/bash")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (shellPrefix is not null)
        {
            // bash -c 'PREFIX; exec dotnet "$@"' sh AGENT ARGS...: the agent keeps the shell's pid and its fds.
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(shellPrefix + "; exec dotnet \"$@\"");
            info.ArgumentList.Add("sh");
        }

        info.ArgumentList.Add(AgentDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("the agent did not start");
        var agent = new AgentProcess(directory, socketPath, process);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (agent._stderr)
                {
                    agent._stderr.Add(e.Data);
                    Monitor.PulseAll(agent._stderr);
                }
            }
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return agent;
    }

    /// <summary>Waits until a stderr line contains <paramref name="text"/>; false after the timeout.</summary>
    public bool WaitForStderr(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        lock (_stderr)
        {
            while (true)
            {
                foreach (var line in _stderr)
                {
                    if (line.Contains(text, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    return false;
                }

                Monitor.Wait(_stderr, left);
            }
        }
    }

    /// <summary>Sends SIGTERM (or another signal) to the agent process.</summary>
    public void Signal(int signal) => _ = kill(_process.Id, signal);

    /// <summary>Waits for the agent to exit; returns its exit code, or null when it is still running after the timeout.</summary>
    public int? WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            return null;
        }

        // Without a timeout, WaitForExit also waits for the redirected output to be read to its end.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void WaitUntilListening()
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the agent exited with {_process.ExitCode}: {StandardError}");
            }

            if (File.Exists(SocketPath) && AcceptsConnections())
            {
                return;
            }

            Thread.Sleep(50);
        }

        throw new TimeoutException("the agent did not listen within " + StartTimeout + ": " + StandardError);
    }

    // The probe is the agent's first client for a moment (it closes at once, and the agent accepts the next);
    // a stale socket file left by a dead process refuses connect(), so this also waits out the unlink.
    private bool AcceptsConnections()
    {
        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(SocketPath));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [LibraryImport("libc.so.6")]
    private static partial int kill(int pid, int signal);
}
