using System;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace QgaKit.Interop;

/// <summary>open(2) with flags .NET's file APIs cannot express (O_NOFOLLOW for the pidfile), and the other
/// descriptor and process-attribute calls of start-up and daemon mode (umask, fcntl lock, ftruncate, dup2, unsetenv).
/// Flag values are Linux's; O_NOFOLLOW differs between x86-64 and arm64.</summary>
internal static partial class FileOpen
{
    public const int O_RDONLY = 0;
    public const int O_WRONLY = 1;
    public const int O_RDWR = 2;
    public const int O_CREAT = 0x40;
    public const int O_EXCL = 0x80;
    public const int O_TRUNC = 0x200;
    public const int O_APPEND = 0x400;
    public const int O_CLOEXEC = 0x80000;

    private const int F_SETLK = 6;
    private const short F_WRLCK = 1;

    public static int O_NOFOLLOW => RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x8000 : 0x20000;

    /// <summary>umask(2); returns the previous mask.</summary>
    [LibraryImport("libc.so.6", EntryPoint = "umask")]
    public static partial int Umask(int mask);

    /// <summary>fcntl(F_SETLK) of a write lock on the whole file, as qemu's pidfile lock; 0 or the errno.
    /// struct flock on LP64 Linux: l_type, l_whence (shorts), l_start, l_len (off_t at 8 and 16), l_pid at 24.</summary>
    public static unsafe int LockWholeFile(SafeFileHandle fd)
    {
        byte* flock = stackalloc byte[32];
        new Span<byte>(flock, 32).Clear();
        *(short*)flock = F_WRLCK;
        return FcntlLock(fd, F_SETLK, flock) == 0 ? 0 : Errno.Last;
    }

    [LibraryImport("libc.so.6", EntryPoint = "fcntl", SetLastError = true)]
    private static unsafe partial int FcntlLock(SafeFileHandle fd, int command, byte* flock);

    /// <summary>ftruncate(2); 0 or -1 with errno.</summary>
    [LibraryImport("libc.so.6", EntryPoint = "ftruncate", SetLastError = true)]
    public static partial int Ftruncate(SafeFileHandle fd, long length);

    /// <summary>dup2(2); the new fd or -1 with errno.</summary>
    [LibraryImport("libc.so.6", EntryPoint = "dup2", SetLastError = true)]
    public static partial int Dup2(int oldFd, int newFd);

    /// <summary>unsetenv(3): removes a variable from the C environ that spawned children inherit.</summary>
    [LibraryImport("libc.so.6", EntryPoint = "unsetenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Unsetenv(string name);

    [LibraryImport("libc.so.6", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int OpenRaw(string path, int flags, int mode);

    /// <summary>Opens <paramref name="path"/>; on failure returns an invalid handle and the errno in <paramref name="errno"/>.</summary>
    public static SafeFileHandle Open(string path, int flags, int mode, out int errno)
    {
        int fd;
        do
        {
            fd = OpenRaw(path, flags | O_CLOEXEC, mode);
            errno = fd < 0 ? Errno.Last : 0;
        }
        while (fd < 0 && errno == Errno.EINTR);

        return new SafeFileHandle(fd, ownsHandle: true);
    }
}
