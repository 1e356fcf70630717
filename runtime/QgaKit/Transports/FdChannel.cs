using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using QgaKit.Interop;

namespace QgaKit.Transports;

/// <summary>
/// A byte stream on a raw descriptor: a client socket of vsock-listen or socket activation, or a device port.
/// A device never reports "peer gone": with no host attached a virtio-serial port reads EOF (and a serial line
/// whose other side went away, EIO); like qemu-ga we then wait 100 ms (<c>QGA_SLEEP_TIME</c>) and try again, in
/// poll, without spinning and without closing the port.
/// </summary>
internal sealed unsafe class FdChannel : IQgaChannel
{
    /// <summary>qemu-ga's pause when a device port has no host attached.</summary>
    private const int DeviceRetryMilliseconds = 100;

    private readonly int _fd;
    private readonly bool _isDevice;
    private readonly FdWaiter _waiter;
    private readonly bool _ownsFd;
    private int _closed;

    public FdChannel(int fd, bool isDevice, FdWaiter waiter, bool ownsFd)
    {
        _fd = fd;
        _isDevice = isDevice;
        _waiter = waiter;
        _ownsFd = ownsFd;
    }

    public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var span = buffer.Span;
        while (true)
        {
            nint count;
            fixed (byte* pointer = span)
            {
                count = FdIo.Read(_fd, pointer, (nuint)span.Length);
            }

            if (count > 0)
            {
                return new ValueTask<int>((int)count);
            }

            var errno = count == 0 ? 0 : Marshal.GetLastPInvokeError();
            if (errno == FdIo.EINTR)
            {
                continue;
            }

            if (errno == FdIo.EAGAIN)
            {
                var events = _waiter.Wait(_fd, Poll.POLLIN, -1, cancellationToken);
                if (_isDevice && (events & Poll.POLLIN) == 0 && (events & Poll.POLLHUP) != 0)
                {
                    // No host on the other side: poll reports HUP at once, so pause instead of spinning.
                    _waiter.Sleep(DeviceRetryMilliseconds, cancellationToken);
                }

                continue;
            }

            if (count == 0 || errno == FdIo.EIO)
            {
                if (!_isDevice)
                {
                    return new ValueTask<int>(0);
                }

                _waiter.Sleep(DeviceRetryMilliseconds, cancellationToken);
                continue;
            }

            if (errno == FdIo.ECONNRESET && !_isDevice)
            {
                return new ValueTask<int>(0);
            }

            throw new IOException(FdIo.Describe(errno));
        }
    }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var span = data.Span;
        while (!span.IsEmpty)
        {
            nint count;
            fixed (byte* pointer = span)
            {
                count = FdIo.Write(_fd, pointer, (nuint)span.Length);
            }

            if (count >= 0)
            {
                span = span[(int)count..];
                continue;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno == FdIo.EINTR)
            {
                continue;
            }

            if (errno != FdIo.EAGAIN)
            {
                throw new IOException(FdIo.Describe(errno));
            }

            // qemu-ga loops until everything is written; a peer that is gone cannot take the rest.
            var events = _waiter.Wait(_fd, Poll.POLLOUT, -1, cancellationToken);
            if ((events & Poll.POLLOUT) == 0 && (events & (Poll.POLLHUP | Poll.POLLERR | Poll.POLLNVAL)) != 0)
            {
                throw new IOException(FdIo.Describe(FdIo.EPIPE));
            }
        }

        return default;
    }

    /// <summary>Closes a client socket; a device port stays open for the agent's lifetime (its transport closes it).</summary>
    public void Dispose()
    {
        if (_ownsFd && Interlocked.Exchange(ref _closed, 1) == 0)
        {
            _ = FdIo.Close(_fd);
        }
    }

    /// <summary>Closes the descriptor whatever <c>ownsFd</c> says (the device transport's own disposal).</summary>
    internal void CloseDescriptor()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            _ = FdIo.Close(_fd);
        }
    }
}
