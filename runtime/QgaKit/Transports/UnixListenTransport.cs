using System;
using System.IO;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using QgaKit.Interop;

namespace QgaKit.Transports;

/// <summary>
/// <c>-m unix-listen -p PATH</c>: qemu-ga's <c>unix_listen</c> (any file at the path is unlinked first, backlog 1)
/// with one hardening: the socket is created mode 0600 (qemu-ga leaves it to the umask). One client at a time: the
/// agent loop accepts the next only after the current one has gone. The socket file stays on disk at exit, as in qemu-ga.
/// </summary>
public sealed class UnixListenTransport : IQgaTransport
{
    private const uint SocketMode = 0x180; // 0600

    private readonly Socket _listener;

    private UnixListenTransport(Socket listener, string path)
    {
        _listener = listener;
        Path = path;
    }

    public string Path { get; }

    /// <summary>Unlinks whatever is at <paramref name="path"/>, then binds and listens there.</summary>
    public static UnixListenTransport Listen(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // qemu-ga ignores a failed unlink too; bind() then reports the real problem.
        }

        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            if (SocketInterop.fchmod((int)listener.Handle, SocketMode) != 0)
            {
                throw new IOException($"fchmod on the socket for {path} failed: {Marshal.GetLastPInvokeErrorMessage()}");
            }

            listener.Bind(new UnixDomainSocketEndPoint(path));
            listener.Listen(1);
            return new UnixListenTransport(listener, path);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }

    public async ValueTask<IQgaChannel> AcceptAsync(CancellationToken cancellationToken)
    {
        var client = await _listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
        return new SocketChannel(client);
    }

    public void Dispose() => _listener.Dispose();
}
