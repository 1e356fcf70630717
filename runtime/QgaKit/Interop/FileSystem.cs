using System.Runtime.InteropServices;

namespace QgaKit.Interop;

/// <summary>open/close/unlink/statx, for the freezer and its state file. errno via <see cref="Marshal.GetLastPInvokeError"/>.</summary>
internal static partial class FileSystem
{
    public const int O_RDONLY = 0;
    public const int O_WRONLY = 1;
    public const int O_CREAT = 0x40;
    public const int O_CLOEXEC = 0x80000;

    // errno values only the freezer needs (the shared ones are in Errno).
    public const int EBUSY = 16;
    public const int EOPNOTSUPP = 95;

    private const int AT_FDCWD = -100;
    private const uint STATX_TYPE = 0x1;
    private const uint STATX_MODE = 0x2;
    private const int S_IFMT = 0xF000;

    public const int S_IFDIR = 0x4000;
    public const int S_IFBLK = 0x6000;
    public const int S_IFREG = 0x8000;

    /// <summary>O_NOFOLLOW differs between architectures (asm-generic vs x86).</summary>
    public static int O_NOFOLLOW => RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm
        ? 0x8000
        : 0x20000;

    // open(2) is variadic; the mode travels in the third integer register on every Linux ABI .NET runs on.
    [LibraryImport("libc.so.6", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags, uint mode);

    [LibraryImport("libc.so.6", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc.so.6", EntryPoint = "unlink", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Unlink(string path);

    // statx has one layout on every architecture, unlike struct stat.
    [LibraryImport("libc.so.6", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatxNative(int dirfd, string path, int flags, uint mask, out StatxBuffer buffer);

    /// <summary>stat(2) (following symlinks); returns 0 or -1 with errno set.</summary>
    public static int Stat(string path, out FileStatus status)
    {
        var rc = StatxNative(AT_FDCWD, path, 0, STATX_TYPE | STATX_MODE, out var buffer);
        status = rc == 0 ? new FileStatus(buffer.Mode, buffer.RdevMajor, buffer.RdevMinor) : default;
        return rc;
    }

    /// <summary>The fields of struct statx the freezer needs.</summary>
    internal readonly record struct FileStatus(ushort Mode, uint RdevMajor, uint RdevMinor)
    {
        public int Type => Mode & S_IFMT;
    }

    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(0x1c)]
        public ushort Mode;

        [FieldOffset(0x80)]
        public uint RdevMajor;

        [FieldOffset(0x84)]
        public uint RdevMinor;
    }
}
