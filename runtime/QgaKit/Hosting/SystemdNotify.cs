using System;
using System.Net.Sockets;
using System.Text;

namespace QgaKit.Hosting;

/// <summary>
/// sd_notify(3) in a few lines: one datagram to the unix socket named by <c>$NOTIFY_SOCKET</c> (a leading <c>@</c>
/// means the abstract namespace). <see cref="Ready"/> is sent once the agent serves (Type=notify units); with
/// <c>-d</c> the waiting parent sends <c>READY=1</c> and <c>MAINPID</c> of the child instead.
/// </summary>
public static class SystemdNotify
{
    public const string SocketVariable = "NOTIFY_SOCKET";

    /// <summary>Sends <c>READY=1</c>; false when not under systemd or the send failed (never fatal).</summary>
    public static bool Ready() => Notify("READY=1");

    /// <summary>Sends <paramref name="state"/> (newline-separated <c>KEY=VALUE</c> lines).</summary>
    public static bool Notify(string state) => Notify(state, Environment.GetEnvironmentVariable(SocketVariable));

    internal static bool Notify(string state, string? socketPath)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (string.IsNullOrEmpty(socketPath) || (socketPath[0] != '/' && socketPath[0] != '@'))
        {
            return false;
        }

        var path = socketPath[0] == '@' ? string.Concat("\0", socketPath.AsSpan(1)) : socketPath;
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(path));
            return socket.Send(Encoding.UTF8.GetBytes(state)) > 0;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
