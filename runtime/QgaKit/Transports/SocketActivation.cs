using System;
using System.Globalization;
using QgaKit.Interop;

namespace QgaKit.Transports;

/// <summary>
/// systemd socket activation (<c>LISTEN_PID</c>/<c>LISTEN_FDS</c>, first fd 3), as qemu-ga's
/// <c>check_socket_activation</c>: exactly one socket; the method comes from its family (unix → unix-listen,
/// vsock → vsock-listen) and <c>-m</c>/<c>-p</c> are ignored.
/// </summary>
public static unsafe class SocketActivation
{
    private const int FirstFd = 3;

    /// <summary>The activated listening socket, or null when the agent was not socket-activated. Throws
    /// <see cref="TransportException"/> with qemu-ga's text for more than one socket or an unsupported family.</summary>
    public static IQgaTransport? TryCreate(Func<string, string?>? getEnvironment = null)
    {
        getEnvironment ??= Environment.GetEnvironmentVariable;
        var count = ListenFdCount(getEnvironment);
        if (count == 0)
        {
            return null;
        }

        if (count > 1)
        {
            throw new TransportException(TransportTexts.TooManyListenFds);
        }

        var address = stackalloc byte[128];
        uint length = 128;
        if (SocketInterop.GetSockName(FirstFd, address, &length) != 0 || length < 2)
        {
            throw new TransportException(TransportTexts.UnsupportedListenFd);
        }

        return *(ushort*)address switch
        {
            SocketInterop.AF_UNIX => new FdListenerTransport(FirstFd, "unix-listen"),
            SocketInterop.AF_VSOCK => new FdListenerTransport(FirstFd, "vsock-listen"),
            _ => throw new TransportException(TransportTexts.UnsupportedListenFd),
        };
    }

    /// <summary>systemd's rule: the fds are ours only when LISTEN_PID is this process.</summary>
    private static int ListenFdCount(Func<string, string?> getEnvironment)
    {
        if (!int.TryParse(getEnvironment("LISTEN_PID"), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid != SocketInterop.GetPid())
        {
            return 0;
        }

        return int.TryParse(getEnvironment("LISTEN_FDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;
    }
}
