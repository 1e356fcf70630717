using System.Runtime.InteropServices;

namespace QgaKit.Interop;

/// <summary>libc calls the socket transports need beyond what <see cref="System.Net.Sockets.Socket"/> offers.</summary>
internal static partial class SocketInterop
{
    /// <summary>
    /// fchmod on an unbound AF_UNIX socket sets the mode its file gets at bind() (Linux: the sockfs inode's mode,
    /// masked by the umask), so the socket never exists on disk with a wider mode.
    /// </summary>
    [LibraryImport("libc.so.6", SetLastError = true)]
    internal static partial int fchmod(int fd, uint mode);
}
