using System;
using System.Runtime.InteropServices;
using System.Text;
using QgaKit.Interop;

namespace QgaKit.Transports;

/// <summary>
/// <c>-m unix-listen -p PATH</c>: qemu-ga's <c>unix_listen</c> (any file at the path is unlinked first, backlog 1)
/// with one hardening: the socket is created mode 0600 (qemu-ga leaves it to the umask). One client at a time: the
/// agent loop accepts the next only after the current one has gone. The socket file stays on disk at exit, as in qemu-ga.
/// </summary>
public static unsafe class UnixListenTransport
{
    private const uint SocketMode = 0x180; // 0600

    /// <summary>sizeof(sockaddr_un.sun_path): a path must fit with its terminating NUL.</summary>
    private const int MaxPathBytes = 108;

    /// <summary>Unlinks whatever is at <paramref name="path"/>, then binds and listens there. Failures throw
    /// <see cref="TransportException"/> with qemu-ga's texts.</summary>
    public static FdListenerTransport Listen(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var pathBytes = Encoding.UTF8.GetBytes(path);
        if (pathBytes.Length >= MaxPathBytes)
        {
            throw new TransportException(TransportTexts.PathTooLong(path));
        }

        if (SocketInterop.Unlink(path) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno != SocketInterop.ENOENT)
            {
                throw new TransportException(TransportTexts.UnlinkFailed(path, FdIo.Describe(errno)));
            }
        }

        var fd = SocketInterop.CreateSocket(SocketInterop.AF_UNIX, SocketInterop.SOCK_STREAM | SocketInterop.SOCK_CLOEXEC | SocketInterop.SOCK_NONBLOCK, 0);
        if (fd < 0)
        {
            throw new TransportException(TransportTexts.CreateUnixSocketFailed(LastError()));
        }

        // The mode is set on the socket before bind(): the file never exists with a wider mode.
        if (SocketInterop.fchmod(fd, SocketMode) != 0)
        {
            var error = LastError();
            _ = FdIo.Close(fd);
            throw new TransportException(TransportTexts.BindFailed(path, error));
        }

        var address = stackalloc byte[2 + MaxPathBytes];
        new Span<byte>(address, 2 + MaxPathBytes).Clear();
        *(ushort*)address = SocketInterop.AF_UNIX;
        pathBytes.CopyTo(new Span<byte>(address + 2, MaxPathBytes));
        if (SocketInterop.Bind(fd, address, (uint)(2 + pathBytes.Length + 1)) != 0)
        {
            var error = LastError();
            _ = FdIo.Close(fd);
            throw new TransportException(TransportTexts.BindFailed(path, error));
        }

        if (SocketInterop.Listen(fd, 1) != 0)
        {
            var error = LastError();
            _ = FdIo.Close(fd);
            throw new TransportException(TransportTexts.ListenFailed(error));
        }

        return new FdListenerTransport(fd, "unix-listen");
    }

    private static string LastError() => FdIo.Describe(Marshal.GetLastPInvokeError());
}
