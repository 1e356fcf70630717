using System;
using System.Globalization;
using System.IO;
using System.Text;
using Microsoft.Win32.SafeHandles;
using QgaKit.Interop;

namespace QgaKit.Hosting.Daemon;

/// <summary>
/// qemu's <c>qemu_write_pidfile</c>: create (mode 0600), lock, truncate, write <c>&lt;pid&gt;\n</c>, and keep the file
/// open and locked for the agent's life so a second agent (or qemu-ga) with the same pidfile fails; removed at exit.
/// The lock is POSIX's: closing any other descriptor of the file in this process would drop it, so nothing else in
/// the agent opens the pidfile. Unlike qemu
/// it refuses to follow a symbolic link (O_NOFOLLOW): the pidfile often lives in a directory others can write to.
/// </summary>
public sealed class PidFile : IDisposable
{
    private readonly SafeFileHandle _handle;

    private PidFile(string path, SafeFileHandle handle)
    {
        Path = path;
        _handle = handle;
    }

    public string Path { get; }

    /// <summary>Writes the pidfile of this process; null with qemu's error text when that fails.</summary>
    public static PidFile? TryCreate(string path, out string? error)
    {
        ArgumentNullException.ThrowIfNull(path);
        var handle = FileOpen.Open(path, FileOpen.O_WRONLY | FileOpen.O_CREAT | FileOpen.O_NOFOLLOW, 0x180, out var errno);
        if (handle.IsInvalid)
        {
            handle.Dispose();
            error = DaemonTexts.CouldNotCreate(path, Errno.Describe(errno));
            return null;
        }

        // qemu's fcntl lock, so qemu-ga and a QgaKit agent with one pidfile exclude each other. (flock would also
        // collide with .NET's FileShare emulation in programs that merely read the pidfile.)
        errno = FileOpen.LockWholeFile(handle);
        if (errno != 0)
        {
            handle.Dispose();
            error = DaemonTexts.CannotLock(Errno.Describe(errno));
            return null;
        }

        if (FileOpen.Ftruncate(handle, 0) != 0)
        {
            errno = Errno.Last;
            handle.Dispose();
            TryUnlink(path);
            error = DaemonTexts.FailedToTruncate(Errno.Describe(errno));
            return null;
        }

        try
        {
            RandomAccess.Write(handle, Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n"), 0);
        }
        catch (IOException)
        {
            handle.Dispose();
            TryUnlink(path);
            error = DaemonTexts.FailedToWrite;
            return null;
        }

        error = null;
        return new PidFile(path, handle);
    }

    /// <summary>Removes the pidfile (qemu-ga's cleanup does) and drops the lock.</summary>
    public void Dispose()
    {
        if (!_handle.IsClosed)
        {
            TryUnlink(Path);
            _handle.Dispose();
        }
    }

    private static void TryUnlink(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
