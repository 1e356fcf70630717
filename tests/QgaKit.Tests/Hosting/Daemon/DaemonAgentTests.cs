using System;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Text;
using QgaKit.Interop;
using Xunit;

namespace QgaKit.Tests.Hosting.Daemon;

/// <summary>samples/FsfreezeAgent with <c>-d</c>, end to end: the parent exits 0 only once the re-executed child
/// serves, the child is a session leader with umask 077, cwd / and stdio on /dev/null, the pidfile names it, and it
/// is removed when the child exits.</summary>
public sealed class DaemonAgentTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("qgakit-daemon-agent-").FullName;
    private int _daemon;

    private (int ExitCode, string Stderr, bool Exited) RunAgent(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "fsfreeze-agent.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["QGA_CONF"] = Path.Combine(_directory, "none.conf");
        start.Environment.Remove("NOTIFY_SOCKET");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();

        // A daemonizing agent returns within seconds; one that ignores -d serves in the foreground until killed.
        if (!process.WaitForExit(20_000))
        {
            process.Kill(true);
            process.WaitForExit();
            return (-1, stderr.Result, false);
        }

        process.WaitForExit();
        return (process.ExitCode, stderr.Result, true);
    }

    [SkippableFact]
    public void Parent_returns_once_the_child_serves_and_the_child_is_a_daemon()
    {
        var socket = Path.Combine(_directory, "qga.sock");
        var pidFile = Path.Combine(_directory, "qga.pid");
        var (code, stderr, exited) = RunAgent("-d", "-m", "unix-listen", "-p", socket, "-f", pidFile, "-t", _directory);
        Skip.IfNot(exited, "QgaAgent.Run does not call DaemonMode yet: the agent served in the foreground with -d");
        Assert.True(code == 0, stderr);

        _daemon = int.Parse(File.ReadAllText(pidFile).TrimEnd('\n'), System.Globalization.CultureInfo.InvariantCulture);
        var stat = File.ReadAllText($"/proc/{_daemon}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        Assert.Equal(_daemon.ToString(System.Globalization.CultureInfo.InvariantCulture), fields[3]); // session id
        Assert.Contains("Umask:\t0077", File.ReadAllText($"/proc/{_daemon}/status"), StringComparison.Ordinal);
        Assert.Equal("/", new DirectoryInfo($"/proc/{_daemon}/cwd").LinkTarget);
        for (var fd = 0; fd <= 2; fd++)
        {
            Assert.Equal("/dev/null", new FileInfo($"/proc/{_daemon}/fd/{fd}").LinkTarget);
        }

        using (var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            client.ReceiveTimeout = 10_000;
            client.Connect(new UnixDomainSocketEndPoint(socket));
            client.Send("{\"execute\":\"guest-ping\"}"u8);
            var buffer = new byte[64];
            Assert.Equal("{\"return\": {}}\n", Encoding.UTF8.GetString(buffer, 0, client.Receive(buffer)));
        }

        Assert.Equal(0, Signals.Kill(_daemon, Signals.SIGTERM));
        for (var i = 0; i < 200 && Directory.Exists($"/proc/{_daemon}"); i++)
        {
            System.Threading.Thread.Sleep(50);
        }

        Assert.False(File.Exists(pidFile));
        _daemon = 0;
    }

    [SkippableFact]
    public void A_child_that_cannot_start_makes_the_parent_fail_with_its_message()
    {
        var pidFile = Path.Combine(_directory, "missing", "qga.pid");
        var (code, stderr, exited) = RunAgent("-d", "-m", "unix-listen", "-p", Path.Combine(_directory, "b.sock"), "-f", pidFile, "-t", _directory);
        Skip.IfNot(exited, "QgaAgent.Run does not call DaemonMode yet: the agent served in the foreground with -d");
        Assert.Equal(1, code);
        Assert.Contains($"critical: Could not create '{pidFile}': No such file or directory", stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (_daemon > 0)
        {
            _ = Signals.Kill(_daemon, Signals.SIGKILL);
        }

        Directory.Delete(_directory, true);
    }
}
