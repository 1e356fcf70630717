using System;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace QgaKit.Tests.Freezing;

/// <summary>
/// A child process doing <c>echo x &gt; FILE; sync</c>: it blocks (D state) while the filesystem is frozen and
/// completes after thaw. Its state is read from /proc, so no test depends on timing.
/// </summary>
internal sealed class Writer : IDisposable
{
    private readonly Process _process;
    private bool _disposed;

    private Writer(Process process, string path)
    {
        _process = process;
        Path = path;
    }

    public string Path { get; }

    public static Writer Start(string path)
    {
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("echo x > \"$1\"; sync");
        info.ArgumentList.Add("writer");
        info.ArgumentList.Add(path);
        return new Writer(Process.Start(info)!, path);
    }

    /// <summary>Waits until the writer is blocked in uninterruptible sleep (true) or has exited (false).</summary>
    public bool WaitBlocked()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                return false;
            }

            if (State() == 'D')
            {
                return true;
            }

            Thread.Sleep(20);
        }

        throw new TimeoutException("the writer neither blocked nor finished");
    }

    /// <summary>Waits for the writer to finish; true when it did and the file holds its line.</summary>
    public bool WaitCompleted()
    {
        if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            return false;
        }

        return _process.ExitCode == 0 && File.ReadAllText(Path) == "x\n";
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            try
            {
                _process.Kill();
                _process.WaitForExit(TimeSpan.FromSeconds(30));
            }
            catch (InvalidOperationException)
            {
            }
        }

        _process.Dispose();
    }

    private char State()
    {
        try
        {
            // /proc/<pid>/stat: "pid (comm) S ..."; comm may hold spaces, so look after the last ')'.
            var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
            return stat[stat.LastIndexOf(')') + 2];
        }
        catch (IOException)
        {
            return 'X';
        }
    }
}
