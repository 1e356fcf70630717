using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace QgaKit.Interop;

/// <summary>statx(2) on an open descriptor: struct statx has one layout on every Linux architecture, unlike struct stat.</summary>
internal static unsafe partial class FileStatus
{
    private const int AT_EMPTY_PATH = 0x1000;
    private const uint STATX_TYPE = 0x1;
    private const uint STATX_INO = 0x100;
    private const ushort S_IFMT = 0xF000;
    private const ushort S_IFREG = 0x8000;

    [StructLayout(LayoutKind.Explicit, Size = 0x100)]
    private struct Statx
    {
        [FieldOffset(0x1C)] public ushort Mode;
        [FieldOffset(0x20)] public ulong Ino;
        [FieldOffset(0x88)] public uint DevMajor;
        [FieldOffset(0x8C)] public uint DevMinor;
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int StatxRaw(int dirfd, string path, int flags, uint mask, Statx* buffer);

    /// <summary>The file's device (as glibc's dev_t, what <c>JOURNAL_STREAM</c> prints), inode and whether it is a
    /// regular file; false with errno when statx fails.</summary>
    public static bool TryGet(int fd, out ulong device, out ulong inode, out bool isRegularFile, out int errno)
    {
        Statx buffer = default;
        var result = StatxRaw(fd, string.Empty, AT_EMPTY_PATH, STATX_TYPE | STATX_INO, &buffer);
        errno = result < 0 ? Marshal.GetLastPInvokeError() : 0;
        device = MakeDev(buffer.DevMajor, buffer.DevMinor);
        inode = buffer.Ino;
        isRegularFile = (buffer.Mode & S_IFMT) == S_IFREG;
        return result == 0;
    }

    public static bool TryGet(SafeFileHandle handle, out ulong device, out ulong inode, out bool isRegularFile, out int errno)
    {
        var added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            return TryGet((int)handle.DangerousGetHandle(), out device, out inode, out isRegularFile, out errno);
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    // glibc's gnu_dev_makedev.
    private static ulong MakeDev(uint major, uint minor) =>
        ((ulong)(major & 0xfffff000u) << 32) | ((ulong)(major & 0xfffu) << 8) | ((ulong)(minor & 0xffffff00u) << 12) | (minor & 0xffu);
}
