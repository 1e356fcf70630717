using System.Runtime.InteropServices;

namespace QgaKit.Interop;

/// <summary>libc socket calls the transports need beyond <see cref="System.Net.Sockets.Socket"/> (AF_VSOCK, file
/// modes, inherited listening sockets).</summary>
internal static unsafe partial class SocketInterop
{
    public const int AF_UNIX = 1;
    public const int AF_VSOCK = 40;
    public const int SOCK_STREAM = 1;
    public const int SOCK_NONBLOCK = 0x800;
    public const int SOCK_CLOEXEC = 0x80000;
    public const int ENOENT = 2;

    /// <summary><c>VMADDR_CID_ANY</c>.</summary>
    public const uint VsockAnyCid = uint.MaxValue;

    /// <summary>Linux's <c>struct sockaddr_vm</c> (16 bytes).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct SockaddrVm
    {
        public ushort Family;
        public ushort Reserved1;
        public uint Port;
        public uint Cid;
        public uint Zero;
    }

    /// <summary>
    /// fchmod on an unbound AF_UNIX socket sets the mode its file gets at bind() (Linux: the sockfs inode's mode,
    /// masked by the umask), so the socket never exists on disk with a wider mode.
    /// </summary>
    [LibraryImport("libc.so.6", SetLastError = true)]
    internal static partial int fchmod(int fd, uint mode);

    [LibraryImport("libc.so.6", EntryPoint = "unlink", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int Unlink(string path);

    [LibraryImport("libc.so.6", EntryPoint = "socket", SetLastError = true)]
    internal static partial int CreateSocket(int domain, int type, int protocol);

    [LibraryImport("libc.so.6", EntryPoint = "bind", SetLastError = true)]
    internal static partial int Bind(int fd, void* address, uint length);

    [LibraryImport("libc.so.6", EntryPoint = "listen", SetLastError = true)]
    internal static partial int Listen(int fd, int backlog);

    [LibraryImport("libc.so.6", EntryPoint = "accept4", SetLastError = true)]
    internal static partial int Accept4(int fd, void* address, uint* length, int flags);

    /// <summary>getsockname(2); the first two bytes of the address are its family.</summary>
    [LibraryImport("libc.so.6", EntryPoint = "getsockname", SetLastError = true)]
    internal static partial int GetSockName(int fd, void* address, uint* length);

    [LibraryImport("libc.so.6", EntryPoint = "getpid")]
    internal static partial int GetPid();
}
