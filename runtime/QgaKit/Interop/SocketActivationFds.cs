using System.Runtime.InteropServices;

namespace QgaKit.Interop;

/// <summary>What systemd socket activation needs of the passed descriptors (qemu's check_socket_activation and
/// socket_local_address): close-on-exec, and the address family of the socket.</summary>
internal static unsafe partial class SocketActivationFds
{
    public const int AF_UNIX = 1;
    public const int AF_VSOCK = 40;

    private const int F_GETFD = 1;
    private const int F_SETFD = 2;
    private const int FD_CLOEXEC = 1;

    /// <summary>Sets FD_CLOEXEC; false when the descriptor is not open.</summary>
    public static bool SetCloseOnExec(int fd)
    {
        var flags = fcntl(fd, F_GETFD, 0);
        return flags != -1 && fcntl(fd, F_SETFD, flags | FD_CLOEXEC) != -1;
    }

    /// <summary>The socket's address family (sa_family of getsockname), or -1 when it is not a socket.</summary>
    public static int AddressFamily(int fd)
    {
        byte* address = stackalloc byte[128];
        var length = 128u;
        return getsockname(fd, address, &length) == 0 ? *(ushort*)address : -1;
    }

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int fcntl(int fd, int command, int argument);

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int getsockname(int fd, byte* address, uint* length);
}
