using System;
using System.IO;
using System.Runtime.Versioning;
using QgaKit.Interop;
using Xunit;

namespace QgaKit.Tests.Hooks;

/// <summary>The reusable posix_spawn wrapper (also used for daemon mode): exec errors, stdio targets, passed fds.</summary>
[SupportedOSPlatform("linux")]
public sealed class SpawnTests : IDisposable
{
    private readonly HookScratch _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Exit_status_is_exact()
    {
        int rc = Spawn.Start(new SpawnOptions("/bin/sh", new[] { "sh", "-c", "exit 3" }), out int pid);
        Assert.Equal(0, rc);
        Assert.Equal(pid, Wait.WaitPid(pid, 0, out var status));
        Assert.True(status.Exited);
        Assert.Equal(3, status.ExitCode);
    }

    [Fact]
    public void Signal_death_is_decoded()
    {
        int rc = Spawn.Start(new SpawnOptions("/bin/sh", new[] { "sh", "-c", "kill -9 $$" }), out int pid);
        Assert.Equal(0, rc);
        Assert.Equal(pid, Wait.WaitPid(pid, 0, out var status));
        Assert.True(status.Signaled);
        Assert.Equal(9, status.Signal);
    }

    [Fact]
    public void Exec_errors_come_back_as_errno()
    {
        Assert.Equal(Errno.ENOENT, Spawn.Start(new SpawnOptions(_dir.PathOf("missing"), new[] { "x" }), out _));
        string noShebang = _dir.Write("noshebang", "exit 4\n", "755");
        int rc;
        for (int i = 0; (rc = Spawn.Start(new SpawnOptions(noShebang, new[] { noShebang }), out _)) == Errno.ETXTBSY && i < 50; i++)
        {
            System.Threading.Thread.Sleep(10); // another test's child briefly held our write descriptor (see HookRunner)
        }

        Assert.Equal(Errno.ENOEXEC, rc);
        Assert.Equal("Exec format error", Errno.Describe(Errno.ENOEXEC));
    }

    [Fact]
    public void Stdout_to_pipe_and_passed_descriptor_arrive()
    {
        Assert.Equal(0, Spawn.CreatePipe(out int r1, out int w1));
        Assert.Equal(0, Spawn.CreatePipe(out int r2, out int w2));
        try
        {
            var options = new SpawnOptions("/bin/sh", new[] { "sh", "-c", "echo out; echo ready >&3" })
            {
                Stdout = StdioTarget.Descriptor(w1),
                PassDescriptors = new[] { w2 },
            };
            Assert.Equal(0, Spawn.Start(options, out int pid));
            Spawn.Close(w1);
            Spawn.Close(w2);
            w1 = w2 = -1;
            Assert.Equal(pid, Wait.WaitPid(pid, 0, out var status));
            Assert.Equal(0, status.Raw);
            Assert.Equal("out\n", ReadAll(r1));
            Assert.Equal("ready\n", ReadAll(r2));
        }
        finally
        {
            Spawn.Close(r1);
            Spawn.Close(r2);
            Spawn.Close(w1);
            Spawn.Close(w2);
        }
    }

    [Fact]
    public void Working_directory_and_explicit_environment_are_used()
    {
        string output = _dir.PathOf("env.txt");
        var options = new SpawnOptions("/bin/sh", new[] { "sh", "-c", "pwd > \"$OUT\"; echo \"$MARK\" >> \"$OUT\"" })
        {
            Environment = new[] { "OUT=" + output, "MARK=hello" },
            WorkingDirectory = "/",
        };
        Assert.Equal(0, Spawn.Start(options, out int pid));
        Assert.Equal(pid, Wait.WaitPid(pid, 0, out var status));
        Assert.Equal(0, status.Raw);
        Assert.Equal("/\nhello\n", File.ReadAllText(output));
    }

    [Theory]
    [InlineData(Errno.ENOENT, "No such file or directory")]
    [InlineData(Errno.EACCES, "Permission denied")]
    [InlineData(Errno.ENOEXEC, "Exec format error")]
    [InlineData(Errno.ECHILD, "No child processes")]
    [InlineData(Errno.ETXTBSY, "Text file busy")]
    [InlineData(Errno.EAGAIN, "Resource temporarily unavailable")]
    [InlineData(9999, "Unknown error 9999")]
    public void Strerror_texts_are_the_C_locales(int errno, string text) => Assert.Equal(text, Errno.Describe(errno));

    [Fact]
    public void Current_environment_and_argv_are_the_processes_own()
    {
        Assert.Equal(0, TestLibc.setenv("QGAKIT_SPAWN_TEST_MARK", "x=1", 1));
        try
        {
            Assert.Contains("QGAKIT_SPAWN_TEST_MARK=x=1", Spawn.CurrentEnvironment());
        }
        finally
        {
            _ = TestLibc.unsetenv("QGAKIT_SPAWN_TEST_MARK");
        }

        Assert.NotEmpty(Spawn.CurrentArgv());
        Assert.True(File.Exists(Spawn.CurrentExecutable));
    }

    private static string ReadAll(int fd)
    {
        var buffer = new byte[4096];
        int total = 0;
        int n;
        while ((n = Spawn.Read(fd, buffer.AsSpan(total))) > 0)
        {
            total += n;
        }

        return System.Text.Encoding.UTF8.GetString(buffer, 0, total);
    }
}
