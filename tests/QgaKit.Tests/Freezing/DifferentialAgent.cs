using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using QgaKit.Tests.Hosting;

namespace QgaKit.Tests.Freezing;

/// <summary>Which agent a differential run talks to.</summary>
public enum AgentKind
{
    /// <summary>The installed qemu-ga 7.2 (<c>/usr/sbin/qemu-ga</c>).</summary>
    QemuGa,

    /// <summary>The kit's sample agent (<c>dotnet fsfreeze-agent.dll</c>).</summary>
    Kit,
}

/// <summary>
/// One agent process with qemu-ga's command line (<c>-m unix-listen -p SOCK -t STATEDIR -FHOOK</c>) and one client
/// connection. Kill sends SIGKILL to this pid only. Every read has a timeout.
/// </summary>
internal sealed class DifferentialAgent : IDisposable
{
    public const string QemuGaPath = "/usr/sbin/qemu-ga";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly List<string> _stderr = new();
    private AgentClient? _client;

    private DifferentialAgent(AgentKind kind, string socketPath, Process process)
    {
        Kind = kind;
        SocketPath = socketPath;
        _process = process;
    }

    public AgentKind Kind { get; }

    public string SocketPath { get; }

    public int Pid => _process.Id;

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

    public static string KitDll => Path.Combine(AppContext.BaseDirectory, "fsfreeze-agent.dll");

    public static DifferentialAgent Start(AgentKind kind, string socketPath, string stateDir, string? hookPath, string workingDirectory, params string[] extraArgs)
    {
        var info = new ProcessStartInfo(kind == AgentKind.QemuGa ? QemuGaPath : "dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        if (kind == AgentKind.Kit)
        {
            info.ArgumentList.Add(KitDll);
        }

        foreach (var arg in (string[])["-m", "unix-listen", "-p", socketPath, "-t", stateDir, .. extraArgs])
        {
            info.ArgumentList.Add(arg);
        }

        if (hookPath is not null)
        {
            // -F takes an attached optional argument in qemu-ga's getopt string ("F::").
            info.ArgumentList.Add("-F" + hookPath);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{kind} did not start");
        var agent = new DifferentialAgent(kind, socketPath, process);
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
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        agent.WaitUntilListening();
        return agent;
    }

    /// <summary>Sends one request and returns its reply line without the newline.</summary>
    public string Request(string json)
    {
        _client ??= new AgentClient(SocketPath);
        _client.Send(json);
        return _client.ReadLines(1, ReplyTimeout).TrimEnd('\n');
    }

    /// <summary>Drops the connection (the agent keeps running and accepts the next one).</summary>
    public void Disconnect()
    {
        _client?.Dispose();
        _client = null;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Sends <paramref name="signal"/> to this agent's pid.</summary>
    public void Signal(System.Runtime.InteropServices.PosixSignal signal)
    {
        var number = signal == System.Runtime.InteropServices.PosixSignal.SIGTERM ? 15 : 2;
        Shell.Check("kill", "-" + number.ToString(System.Globalization.CultureInfo.InvariantCulture), _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Waits for the agent to exit; its exit code, or null when it still runs after <paramref name="timeout"/>.</summary>
    public int? WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout) ? _process.ExitCode : null;

    /// <summary>SIGKILL to this agent's pid, then wait for it.</summary>
    public void Kill()
    {
        Disconnect();
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(TimeSpan.FromSeconds(30));
        }
    }

    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }

    private void WaitUntilListening()
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Kind} exited with {_process.ExitCode}: {StandardError}");
            }

            if (File.Exists(SocketPath) && AcceptsConnections())
            {
                return;
            }

            Thread.Sleep(50);
        }

        throw new TimeoutException($"{Kind} did not listen within {StartTimeout}: {StandardError}");
    }

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
}
