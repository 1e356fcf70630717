using System;
using System.IO;
using QgaKit.Hosting.Daemon;
using Xunit;

namespace QgaKit.Tests.Hosting.Daemon;

public sealed class PidFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("qgakit-pid-").FullName;

    [SkippableFact]
    public void Writes_the_pid_over_a_stale_file_keeps_it_locked_and_removes_it()
    {
        var path = Path.Combine(_directory, "qga.pid");
        File.WriteAllText(path, "stale contents that are longer\n");
        using (var pidFile = PidFile.TryCreate(path, out var error))
        {
            Assert.NotNull(pidFile);
            Assert.Null(error);

            // qemu's lock is an fcntl (POSIX) lock, held per process: another process must be refused.
            Skip.IfNot(File.Exists("/usr/bin/python3"), "python3 is needed to take an fcntl lock from another process");
            Assert.Equal("locked", OtherProcessTriesLock(path));

            // Read last: closing any descriptor of the file drops this process's fcntl lock (POSIX).
            Assert.Equal(Environment.ProcessId + "\n", File.ReadAllText(path));
        }

        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_new_pidfile_gets_mode_0600()
    {
        var path = Path.Combine(_directory, "new.pid");
        using var pidFile = PidFile.TryCreate(path, out _);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void A_symbolic_link_is_refused()
    {
        var target = Path.Combine(_directory, "target");
        var link = Path.Combine(_directory, "link.pid");
        File.CreateSymbolicLink(link, target);
        Assert.Null(PidFile.TryCreate(link, out var error));
        Assert.Equal($"Could not create '{link}': Too many levels of symbolic links", error);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void A_missing_directory_gives_qemus_text()
    {
        var path = Path.Combine(_directory, "missing", "qga.pid");
        Assert.Null(PidFile.TryCreate(path, out var error));
        Assert.Equal($"Could not create '{path}': No such file or directory", error);
    }

    private static string OtherProcessTriesLock(string path)
    {
        var start = new System.Diagnostics.ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("import fcntl,sys\nf=open(sys.argv[1],'r+')\ntry:\n fcntl.lockf(f,fcntl.LOCK_EX|fcntl.LOCK_NB)\n print('free')\nexcept OSError:\n print('locked')");
        start.ArgumentList.Add(path);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        Assert.True(process.WaitForExit(20_000));
        return output.Result.Trim();
    }

    public void Dispose() => Directory.Delete(_directory, true);
}
