using System;
using System.IO;
using System.Linq;
using QgaKit.Hosting.Daemon;
using QgaKit.Interop;
using Xunit;

namespace QgaKit.Tests.Hosting.Daemon;

/// <summary>The -d parent against real child processes (shell scripts that speak the child's side of the protocol).</summary>
public sealed class DaemonLauncherTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("qgakit-daemon-").FullName;
    private int _child;

    private int Launch(string script, StringWriter stderr)
    {
        var path = Path.Combine(_directory, "child.sh");
        File.WriteAllText(path, "#!/bin/sh\n" + script + "\n");
        File.SetUnixFileMode(path, (UnixFileMode)0x1C0);
        return DaemonLauncher.Launch(path, new[] { path }, stderr, pid => _child = pid);
    }

    [Fact]
    public void Parent_exits_0_once_the_child_is_ready_and_forwards_what_it_said_before()
    {
        var info = Path.Combine(_directory, "info");
        var stderr = new StringWriter();
        var code = Launch(
            $"echo starting >&2\n" +
            $"echo \"marker=$QGAKIT_DAEMON_STATUS_FD cwd=$(pwd) sid=$(cut -d' ' -f6 /proc/$$/stat) pid=$$\" > {info}\n" +
            $"ls /proc/$$/fd | sort -n | tr '\\n' ' ' >> {info}\n" +
            "exec 0</dev/null 1>/dev/null 2>/dev/null\nprintf 'READY\\n' >&3\nexec 3>&-\nexec sleep 60",
            stderr);
        Assert.Equal(0, code);
        Assert.Contains("starting\n", stderr.ToString(), StringComparison.Ordinal);
        var lines = File.ReadAllLines(info);
        Assert.Equal($"marker=3 cwd={Environment.CurrentDirectory} sid={_child} pid={_child}", lines[0]);
        // stdio, the status pipe and the script's own descriptor for reading itself: nothing of the test host.
        Assert.True(lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).All(fd => fd <= 10), lines[1]);
        Assert.Equal(0, Wait.WaitPid(_child, Wait.WNOHANG, out _));
    }

    [Fact]
    public void Parent_returns_the_childs_status_and_error_when_it_fails_before_ready()
    {
        var stderr = new StringWriter();
        Assert.Equal(3, Launch("echo 'Could not create /x: Permission denied' >&2\nexit 3", stderr));
        Assert.Equal("Could not create /x: Permission denied\n", stderr.ToString());
        _child = 0;
    }

    [Fact]
    public void A_child_that_exits_0_without_being_ready_is_a_failure()
    {
        var stderr = new StringWriter();
        Assert.Equal(1, Launch("exit 0", stderr));
        Assert.EndsWith("failed to daemonize: the agent exited with status 0 before it was ready\n", stderr.ToString(), StringComparison.Ordinal);
        _child = 0;
    }

    [Fact]
    public void A_killed_child_is_a_failure()
    {
        var stderr = new StringWriter();
        Assert.Equal(1, Launch("kill -9 $$", stderr));
        Assert.EndsWith("failed to daemonize: the agent was killed by signal 9 before it was ready\n", stderr.ToString(), StringComparison.Ordinal);
        _child = 0;
    }

    [Fact]
    public void A_child_that_writes_garbage_on_the_status_pipe_is_not_ready()
    {
        var stderr = new StringWriter();
        Assert.Equal(4, Launch("printf 'NOPE!!\\n' >&3\nexit 4", stderr));
        _child = 0;
    }

    [Fact]
    public void Daemon_child_writes_the_pidfile_and_tells_the_parent()
    {
        Assert.Equal(0, Spawn.CreatePipe(out var read, out var write));
        try
        {
            var pidPath = Path.Combine(_directory, "agent.pid");
            using (var child = new DaemonChild(write, detachStdio: false))
            {
                Assert.True(child.TryReportReady(pidPath, out var error), error);
                Assert.Equal(Environment.ProcessId + "\n", File.ReadAllText(pidPath));
                var buffer = new byte[16];
                Assert.Equal("READY\n", System.Text.Encoding.ASCII.GetString(buffer, 0, Spawn.Read(read, buffer)));
                Assert.Equal(0, Spawn.Read(read, buffer));
            }

            Assert.False(File.Exists(pidPath));
        }
        finally
        {
            Spawn.Close(read);
        }
    }

    [Fact]
    public void Daemon_child_reports_a_pidfile_error_and_stays_attached()
    {
        Assert.Equal(0, Spawn.CreatePipe(out var read, out var write));
        try
        {
            using var child = new DaemonChild(write, detachStdio: false);
            var pidPath = Path.Combine(_directory, "missing", "agent.pid");
            Assert.False(child.TryReportReady(pidPath, out var error));
            Assert.Equal($"Could not create '{pidPath}': No such file or directory", error);
        }
        finally
        {
            Spawn.Close(read);
        }
    }

    public void Dispose()
    {
        if (_child > 0)
        {
            _ = Signals.Kill(_child, Signals.SIGKILL);
            _ = Wait.WaitPid(_child, 0, out _);
        }

        Directory.Delete(_directory, true);
    }
}
