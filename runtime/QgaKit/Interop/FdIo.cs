using System.Runtime.InteropServices;

namespace QgaKit.Interop;

/// <summary>read/write/close on raw descriptors (device ports and sockets the transports own), and the errno values
/// they tell apart.</summary>
internal static unsafe partial class FdIo
{
    public const int EINTR = 4;
    public const int EIO = 5;
    public const int EAGAIN = 11;
    public const int EPIPE = 32;
    public const int ECONNABORTED = 103;
    public const int ECONNRESET = 104;

    public const int O_RDWR = 2;
    public const int O_NOCTTY = 0x100;
    public const int O_NONBLOCK = 0x800;
    public const int O_ASYNC = 0x2000;

    [LibraryImport("libc.so.6", EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buffer, nuint count);

    [LibraryImport("libc.so.6", EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, byte* buffer, nuint count);

    [LibraryImport("libc.so.6", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    /// <summary>strerror(errno), as qemu-ga prints it.</summary>
    public static string Describe(int errno) => Marshal.GetPInvokeErrorMessage(errno);
}
