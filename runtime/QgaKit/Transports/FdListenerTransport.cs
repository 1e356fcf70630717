using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using QgaKit.Interop;

namespace QgaKit.Transports;

/// <summary>
/// A listening socket held as a raw descriptor: <c>-m vsock-listen</c> (which .NET's Socket cannot create) and a
/// socket inherited through systemd socket activation. Same one-client model as unix-listen: the next client is
/// accepted only after the current one has gone.
/// </summary>
public sealed unsafe class FdListenerTransport : IQgaTransport
{
    /// <summary>systemd's <c>SD_LISTEN_FDS_START</c>.</summary>
    private const int ActivatedSocketFd = 3;

    private readonly int _fd;
    private readonly FdWaiter _waiter = new();
    private int _closed;

    internal FdListenerTransport(int listeningFd, string method)
    {
        _fd = listeningFd;
        Method = method;
    }

    /// <summary><c>vsock-listen</c> or <c>unix-listen</c> (the method qemu-ga derives from an activated socket's family).</summary>
    public string Method { get; }

    /// <summary><c>-m vsock-listen -p CID:PORT</c>: binds and listens with backlog 1, as qemu-ga's <c>vsock_listen_saddr</c>.</summary>
    public static FdListenerTransport ListenVsock(string address)
    {
        var (cid, port) = VsockAddress.Parse(address);
        var fd = SocketInterop.CreateSocket(SocketInterop.AF_VSOCK, SocketInterop.SOCK_STREAM | SocketInterop.SOCK_CLOEXEC | SocketInterop.SOCK_NONBLOCK, 0);
        if (fd < 0)
        {
            throw new TransportException(TransportTexts.CreateSocketFailed(LastError()));
        }

        var socketAddress = new SocketInterop.SockaddrVm { Family = SocketInterop.AF_VSOCK, Port = port, Cid = cid };
        if (SocketInterop.Bind(fd, &socketAddress, (uint)sizeof(SocketInterop.SockaddrVm)) != 0)
        {
            var error = LastError();
            _ = FdIo.Close(fd);
            throw new TransportException(TransportTexts.BindVsockFailed(error));
        }

        if (SocketInterop.Listen(fd, 1) != 0)
        {
            var error = LastError();
            _ = FdIo.Close(fd);
            throw new TransportException(TransportTexts.ListenFailed(error));
        }

        return new FdListenerTransport(fd, "vsock-listen");
    }

    /// <summary>The listening socket systemd passed as fd 3 (socket activation); <paramref name="method"/> is what its
    /// family selected (<c>unix-listen</c> or <c>vsock-listen</c>, worked out by the command line).</summary>
    public static FdListenerTransport FromActivatedSocket(string method) => new(ActivatedSocketFd, method);

    public ValueTask<IQgaChannel> AcceptAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            // Wait in poll first: the listening socket may be blocking (an inherited one is), and only poll
            // wakes up when the agent stops.
            _ = _waiter.Wait(_fd, Poll.POLLIN, -1, cancellationToken);
            var client = SocketInterop.Accept4(_fd, null, null, SocketInterop.SOCK_CLOEXEC | SocketInterop.SOCK_NONBLOCK);
            if (client >= 0)
            {
                return new ValueTask<IQgaChannel>(new FdChannel(client, isDevice: false, _waiter, ownsFd: true));
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno is not (FdIo.EINTR or FdIo.EAGAIN or FdIo.ECONNRESET or FdIo.ECONNABORTED))
            {
                throw new IOException("accept failed: " + FdIo.Describe(errno));
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            _ = FdIo.Close(_fd);
            _waiter.Dispose();
        }
    }

    private static string LastError() => FdIo.Describe(Marshal.GetLastPInvokeError());
}
