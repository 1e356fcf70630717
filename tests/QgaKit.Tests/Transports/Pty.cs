using System;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;

namespace QgaKit.Tests.Transports;

/// <summary>
/// A pseudo-terminal whose slave stands in for a device port (/dev/ttyS0 or a virtio port): the test is the host on
/// the master side. Every read has a timeout.
/// </summary>
internal sealed unsafe partial class Pty : IDisposable
{
    private const int O_RDWR = 2;
    private const int O_NOCTTY = 0x100;
    private const short POLLIN = 1;
    private int _master;
    private readonly StringBuilder _pending = new();

    public Pty()
    {
        _master = posix_openpt(O_RDWR | O_NOCTTY);
        if (_master < 0 || grantpt(_master) != 0 || unlockpt(_master) != 0)
        {
            throw new InvalidOperationException("no pseudo-terminal: " + Marshal.GetLastPInvokeErrorMessage());
        }

        var name = stackalloc byte[128];
        if (ptsname_r(_master, name, 128) != 0)
        {
            throw new InvalidOperationException("ptsname_r failed");
        }

        SlavePath = Marshal.PtrToStringUTF8((nint)name)!;
    }

    public string SlavePath { get; }

    /// <summary>Raw mode on the pair (as a virtio port is: no echo, no CR/LF translation).</summary>
    public void MakeRaw()
    {
        var termios = stackalloc byte[60];
        if (tcgetattr(_master, termios) != 0)
        {
            throw new InvalidOperationException("tcgetattr failed");
        }

        cfmakeraw(termios);
        if (tcsetattr(_master, 0, termios) != 0)
        {
            throw new InvalidOperationException("tcsetattr failed");
        }
    }

    public void Write(byte[] bytes)
    {
        fixed (byte* pointer = bytes)
        {
            if (write(_master, pointer, (nuint)bytes.Length) != bytes.Length)
            {
                throw new InvalidOperationException("write to the pty failed: " + Marshal.GetLastPInvokeErrorMessage());
            }
        }
    }

    public void Write(string text) => Write(Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// The host's resynchronisation: send 0xFF + guest-sync-delimited until the reply arrives (the agent may not have
    /// opened the port yet, and opening flushes pending input). Returns everything read after that reply is gone.
    /// </summary>
    public void Synchronise(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var id = 1000;
        while (DateTime.UtcNow < deadline)
        {
            id++;
            Write([0xFF, .. Encoding.UTF8.GetBytes("{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":" + id + "}}")]);
            var expected = "\u00FF{\"return\": " + id + "}\n";
            var until = DateTime.UtcNow + TimeSpan.FromMilliseconds(500);
            while (DateTime.UtcNow < until)
            {
                ReadAvailable(TimeSpan.FromMilliseconds(100));
                var text = _pending.ToString();
                var at = text.IndexOf(expected, StringComparison.Ordinal);
                if (at >= 0)
                {
                    _pending.Remove(0, at + expected.Length);
                    return;
                }
            }
        }

        throw new TimeoutException("the agent never answered guest-sync-delimited; got '" + _pending + "'");
    }

    /// <summary>Reads until a line containing <paramref name="marker"/> arrived; returns that line with its '\n'.</summary>
    public string ReadLineContaining(string marker, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var text = _pending.ToString();
            var at = text.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                var start = text.LastIndexOf('\n', at) + 1;
                var end = text.IndexOf('\n', at);
                if (end >= 0)
                {
                    _pending.Remove(0, end + 1);
                    return text[start..(end + 1)];
                }
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException("no line with '" + marker + "'; got '" + text + "'");
            }

            ReadAvailable(TimeSpan.FromMilliseconds(100));
        }
    }

    public void CloseMaster()
    {
        if (_master >= 0)
        {
            _ = close(_master);
            _master = -1;
        }
    }

    public void Dispose() => CloseMaster();

    private void ReadAvailable(TimeSpan wait)
    {
        var fds = stackalloc int[2];
        fds[0] = _master;
        fds[1] = POLLIN;
        if (poll(fds, 1, (int)wait.TotalMilliseconds) <= 0)
        {
            return;
        }

        var buffer = stackalloc byte[4096];
        var count = read(_master, buffer, 4096);
        if (count > 0)
        {
            _pending.Append(Encoding.Latin1.GetString(buffer, (int)count));
        }
        else
        {
            Thread.Sleep(wait);
        }
    }

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int posix_openpt(int flags);

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int grantpt(int fd);

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int unlockpt(int fd);

    [LibraryImport("libc.so.6")]
    private static partial int ptsname_r(int fd, byte* buffer, nuint length);

    [LibraryImport("libc.so.6")]
    private static partial int tcgetattr(int fd, byte* termios);

    [LibraryImport("libc.so.6")]
    private static partial int tcsetattr(int fd, int actions, byte* termios);

    [LibraryImport("libc.so.6")]
    private static partial void cfmakeraw(byte* termios);

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial nint write(int fd, byte* buffer, nuint count);

    [LibraryImport("libc.so.6")]
    private static partial nint read(int fd, byte* buffer, nuint count);

    [LibraryImport("libc.so.6")]
    private static partial int poll(int* fds, nuint count, int timeout);

    [LibraryImport("libc.so.6")]
    private static partial int close(int fd);
}
