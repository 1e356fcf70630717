using System;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace QgaKit.Transports;

/// <summary>One accepted client of a listening transport (unix-listen, vsock-listen, socket activation).</summary>
internal sealed class SocketChannel : IQgaChannel
{
    private readonly Socket _socket;

    public SocketChannel(Socket socket) => _socket = socket;

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e) when (IsPeerGone(e.SocketErrorCode))
        {
            // A client that resets the connection has simply gone, like an orderly EOF.
            return 0;
        }
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        try
        {
            // qemu-ga loops until everything is written.
            while (!data.IsEmpty)
            {
                var sent = await _socket.SendAsync(data, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                data = data[sent..];
            }
        }
        catch (SocketException e)
        {
            throw new IOException(e.Message, e);
        }
    }

    public void Dispose() => _socket.Dispose();

    private static bool IsPeerGone(SocketError error)
        => error is SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown;
}
