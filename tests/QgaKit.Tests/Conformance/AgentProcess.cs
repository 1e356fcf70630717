using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace QgaKit.Tests.Conformance;

/// <summary>Which implementation a conformance run talks to.</summary>
public enum AgentKind
{
    /// <summary>Debian's qemu-ga 7.2 (<c>/usr/sbin/qemu-ga</c>, or <c>$QGAKIT_QEMU_GA</c>).</summary>
    QemuGa,

    /// <summary>samples/FsfreezeAgent (<c>dotnet fsfreeze-agent.dll</c>, or the command in <c>$QGAKIT_AGENT</c>).</summary>
    Ours,
}

/// <summary>
/// One agent process listening on <c>&lt;tempdir&gt;/sock</c> with its state dir in the same temp dir
/// (<c>-m unix-listen -p DIR/sock -t DIR</c>). Killed by pid and its directory removed on dispose.
/// </summary>
public sealed class AgentProcess : IDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private const int OutputCap = 64 * 1024;
    private readonly Process process;
    private readonly StringBuilder output = new();

    private AgentProcess(AgentKind kind, string dir, Process process)
    {
        Kind = kind;
        Directory = dir;
        this.process = process;
    }

    public AgentKind Kind { get; }

    public string Directory { get; }

    public string SocketPath => Path.Combine(Directory, "sock");

    public int Pid => process.Id;

    public static string QemuGaPath => Environment.GetEnvironmentVariable("QGAKIT_QEMU_GA") is { Length: > 0 } p ? p : "/usr/sbin/qemu-ga";

    public static bool QemuGaInstalled => File.Exists(QemuGaPath);

    /// <summary>The command that runs our agent: <c>$QGAKIT_AGENT</c> (split on spaces, e.g. a Native AOT binary)
    /// or <c>dotnet fsfreeze-agent.dll</c> next to this test assembly (copied by the ProjectReference).</summary>
    public static string[] OurAgentCommand()
    {
        if (Environment.GetEnvironmentVariable("QGAKIT_AGENT") is { Length: > 0 } custom)
        {
            return custom.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }

        var dll = Path.Combine(AppContext.BaseDirectory, "fsfreeze-agent.dll");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        return new[] { dotnet, dll };
    }

    public static AgentProcess Start(AgentKind kind, IReadOnlyList<string> extraArgs)
    {
        var dir = Path.Combine(Path.GetTempPath(), "qgakit-conf-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(dir);

        // An empty config file keeps both agents away from /etc/qemu/qemu-ga.conf.
        var conf = Path.Combine(dir, "qemu-ga.conf");
        File.WriteAllText(conf, string.Empty);

        var command = kind == AgentKind.QemuGa ? new[] { QemuGaPath } : OurAgentCommand();
        var psi = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = dir,
        };
        for (var i = 1; i < command.Length; i++)
        {
            psi.ArgumentList.Add(command[i]);
        }

        foreach (var a in new[] { "-m", "unix-listen", "-p", Path.Combine(dir, "sock"), "-t", dir })
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var a in extraArgs)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["QGA_CONF"] = conf;
        var process = new Process { StartInfo = psi };
        var agent = new AgentProcess(kind, dir, process);
        process.OutputDataReceived += (_, e) => agent.Capture(e.Data);
        process.ErrorDataReceived += (_, e) => agent.Capture(e.Data);
        try
        {
            process.Start();
        }
        catch
        {
            System.IO.Directory.Delete(dir, recursive: true);
            throw;
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return agent;
    }

    /// <summary>Connects a new client (waits for the socket while the agent starts).</summary>
    public QgaClient Connect(string name = "A")
    {
        try
        {
            return QgaClient.Connect(SocketPath, StartTimeout, name, () => process.HasExited);
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException)
        {
            throw new InvalidOperationException($"{Kind} did not accept a connection on {SocketPath}: {e.Message}; {Describe()}", e);
        }
    }

    public bool HasExited => process.HasExited;

    /// <summary>Exit state and captured stdout/stderr, for failure messages.</summary>
    public string Describe()
    {
        string state;
        try
        {
            state = process.HasExited ? $"exited with {process.ExitCode}" : $"running as pid {process.Id}";
        }
        catch (InvalidOperationException)
        {
            state = "not started";
        }

        lock (output)
        {
            return $"{Kind} {state}; output: {(output.Length == 0 ? "(none)" : output.ToString())}";
        }
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            if (output.Length < OutputCap)
            {
                output.AppendLine(line);
            }
        }
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                // Only this process, by its pid: qemu-ga and our agent start no children here.
                process.Kill(entireProcessTree: false);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }

        process.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A straggling socket file; the temp dir is unique, leaving it is harmless.
        }
    }
}
