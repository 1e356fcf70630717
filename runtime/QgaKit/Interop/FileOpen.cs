using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace QgaKit.Interop;

/// <summary>open(2) with flags .NET's file APIs cannot express (O_NOFOLLOW for the pidfile).
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

    public static int O_NOFOLLOW => RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x8000 : 0x20000;

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
