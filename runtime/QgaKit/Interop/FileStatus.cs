using System.Runtime.InteropServices;

namespace QgaKit.Interop;

/// <summary>The owner and mode of a path (statx: the same layout on every architecture), access(2) and the ids
/// the hook trust check compares against.</summary>
internal static unsafe partial class FileStatus
{
    public const int X_OK = 1;

    public const uint S_IFMT = 0xF000;
    public const uint S_IFREG = 0x8000;
    public const uint S_IFDIR = 0x4000;
    public const uint S_IFLNK = 0xA000;
    public const uint S_ISVTX = 0x200;
    public const uint S_IWGRP = 0x10;
    public const uint S_IWOTH = 0x02;

    private const int AT_FDCWD = -100;
    private const int AT_SYMLINK_NOFOLLOW = 0x100;
    private const uint STATX_BASIC_STATS = 0x7ff;
    private const int StatxBytes = 256;

    /// <summary>What the trust check needs of one path.</summary>
    public readonly record struct Info(uint Mode, uint Uid, uint Gid)
    {
        public uint Type => Mode & S_IFMT;
    }

    /// <summary>stat (follow = true) or lstat of <paramref name="path"/>; returns 0 or the errno.</summary>
    public static int Get(string path, bool follow, out Info info)
    {
        byte* buffer = stackalloc byte[StatxBytes];
        int r;
        fixed (byte* p = Utf8(path))
        {
            r = statx(AT_FDCWD, p, follow ? 0 : AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, buffer);
        }

        if (r != 0)
        {
            info = default;
            return Errno.Last;
        }

        // struct statx: stx_uid at 20, stx_gid at 24, stx_mode (u16) at 28.
        info = new Info(*(ushort*)(buffer + 28), *(uint*)(buffer + 20), *(uint*)(buffer + 24));
        return 0;
    }

    /// <summary>access(path, mode); returns 0 or the errno.</summary>
    public static int Access(string path, int mode)
    {
        fixed (byte* p = Utf8(path))
        {
            return access(p, mode) == 0 ? 0 : Errno.Last;
        }
    }

    /// <summary>realpath(3): the canonical absolute path with every symlink resolved, or null with the errno.</summary>
    public static string? RealPath(string path, out int errno)
    {
        byte* resolved;
        fixed (byte* p = Utf8(path))
        {
            resolved = realpath(p, null);
        }

        if (resolved == null)
        {
            errno = Errno.Last;
            return null;
        }

        errno = 0;
        string result = Marshal.PtrToStringUTF8((nint)resolved)!;
        NativeMemory.Free(resolved); // realpath mallocs; glibc's malloc is NativeMemory's on Linux
        return result;
    }

    private const int AT_EMPTY_PATH = 0x1000;
    private const uint STATX_TYPE = 0x1;
    private const uint STATX_INO = 0x100;

    /// <summary>fstat of an open descriptor: its device (as glibc's dev_t, what <c>JOURNAL_STREAM</c> prints), inode
    /// and whether it is a regular file; false with the errno when statx fails.</summary>
    public static bool TryGet(int fd, out ulong device, out ulong inode, out bool isRegularFile, out int errno)
    {
        byte* buffer = stackalloc byte[StatxBytes];
        int r;
        fixed (byte* empty = "\0"u8)
        {
            r = statx(fd, empty, AT_EMPTY_PATH, STATX_TYPE | STATX_INO, buffer);
        }

        errno = r == 0 ? 0 : Errno.Last;
        // struct statx: stx_mode (u16) at 28, stx_ino at 32, stx_dev_major at 136, stx_dev_minor at 140.
        isRegularFile = r == 0 && (*(ushort*)(buffer + 28) & S_IFMT) == S_IFREG;
        inode = r == 0 ? *(ulong*)(buffer + 32) : 0;
        device = r == 0 ? MakeDev(*(uint*)(buffer + 136), *(uint*)(buffer + 140)) : 0;
        return r == 0;
    }

    public static bool TryGet(Microsoft.Win32.SafeHandles.SafeFileHandle handle, out ulong device, out ulong inode, out bool isRegularFile, out int errno)
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

    [LibraryImport("libc.so.6")]
    public static partial uint geteuid();

    /// <summary>A NUL-terminated UTF-8 copy (paths are bytes on Linux; the kit's paths come from UTF-8 text).</summary>
    internal static byte[] Utf8(string s)
    {
        var bytes = new byte[System.Text.Encoding.UTF8.GetByteCount(s) + 1];
        System.Text.Encoding.UTF8.GetBytes(s, 0, s.Length, bytes, 0);
        return bytes;
    }

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int statx(int dirfd, byte* path, int flags, uint mask, void* buffer);

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int access(byte* path, int mode);

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial byte* realpath(byte* path, byte* resolved);
}
