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

    /// <summary>Starts the agent and waits until its socket accepts connections.</summary>
    public static AgentProcess Start(string? directory = null, params string[] extraArgs)
    {
        directory ??= NewTempDirectory();
        var socketPath = Path.Combine(directory, "sock");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(AgentDll);
        foreach (var arg in (string[])["-m", "unix-listen", "-p", socketPath, "-t", directory, .. extraArgs])
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var agent = new AgentProcess(directory, socketPath, process);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (agent._stderr)
                {
                    agent._stderr.Add(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        agent.WaitUntilListening();
        return agent;
    }

    /// <summary>Sends SIGTERM (or another signal) to the agent process.</summary>
    public void Signal(int signal) => _ = kill(_process.Id, signal);

    /// <summary>Waits for the agent to exit; returns its exit code, or null when it is still running after the timeout.</summary>
    public int? WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout) ? _process.ExitCode : null;

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
