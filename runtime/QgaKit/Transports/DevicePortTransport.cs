using System;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using QgaKit.Interop;

namespace QgaKit.Transports;

/// <summary>
/// <c>-m virtio-serial</c> (default <c>/dev/virtio-ports/org.qemu.guest_agent.0</c>) and <c>-m isa-serial</c>
/// (default <c>/dev/ttyS0</c>): the port is the one permanent channel, opened once and never closed while the agent
/// runs, whether or not a host is attached (qemu-ga's <c>ga_channel_open</c>).
/// </summary>
public sealed unsafe class DevicePortTransport : IQgaTransport
{
    private readonly FdWaiter _waiter;
    private readonly FdChannel _channel;

    private DevicePortTransport(int fd, FdWaiter waiter)
    {
        _waiter = waiter;
        _channel = new FdChannel(fd, isDevice: true, waiter, ownsFd: false);
    }

    /// <summary>Opens a virtio-serial port as qemu-ga does (<c>O_RDWR|O_NONBLOCK|O_ASYNC</c>, close-on-exec).</summary>
    public static DevicePortTransport OpenVirtioSerial(string path)
    {
        var fd = OpenPort(path, FdIo.O_RDWR | FdIo.O_NONBLOCK | FdIo.O_ASYNC);
        return new DevicePortTransport(fd, new FdWaiter());
    }

    /// <summary>Opens a serial line as qemu-ga does: <c>O_RDWR|O_NOCTTY|O_NONBLOCK</c>, raw mode (no canonical
    /// input, echo, CR/LF translation or XON/XOFF), 38400 baud, VMIN 1 / VTIME 0, pending input flushed.</summary>
    public static DevicePortTransport OpenIsaSerial(string path)
    {
        var fd = OpenPort(path, FdIo.O_RDWR | FdIo.O_NOCTTY | FdIo.O_NONBLOCK);
        MakeRaw(fd);
        return new DevicePortTransport(fd, new FdWaiter());
    }

    public ValueTask<IQgaChannel> AcceptAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<IQgaChannel>(_channel);
    }

    public void Dispose()
    {
        _channel.CloseDescriptor();
        _waiter.Dispose();
    }

    private static int OpenPort(string path, int flags)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var handle = FileOpen.Open(path, flags, 0, out var errno);
        if (handle.IsInvalid)
        {
            throw new TransportException(TransportTexts.OpenFailed(path, FdIo.Describe(errno)));
        }

        // The transport owns the descriptor from here on.
        var fd = (int)handle.DangerousGetHandle();
        handle.SetHandleAsInvalid();
        return fd;
    }

    private static void MakeRaw(int fd)
    {
        // qemu-ga ignores tcgetattr/tcsetattr failures (a non-tty path still opens); so do we.
        Termios.TermiosData termios;
        if (Termios.GetAttributes(fd, &termios) != 0)
        {
            return;
        }

        termios.IFlag &= ~(Termios.IGNBRK | Termios.BRKINT | Termios.IGNPAR | Termios.PARMRK | Termios.INPCK | Termios.ISTRIP
            | Termios.INLCR | Termios.IGNCR | Termios.ICRNL | Termios.IXON | Termios.IXOFF | Termios.IXANY | Termios.IMAXBEL);
        termios.OFlag = 0;
        termios.LFlag = 0;
        _ = Termios.SetInputSpeed(&termios, Termios.B38400);
        _ = Termios.SetOutputSpeed(&termios, Termios.B38400);

        // One byte satisfies a read (the descriptor is non-blocking anyway, so read() never returns 0 for "no data").
        termios.ControlChars[Termios.VMIN] = 1;
        termios.ControlChars[Termios.VTIME] = 0;

        // Whatever is waiting to be read is garbage at this point.
        _ = Termios.Flush(fd, Termios.TCIFLUSH);
        _ = Termios.SetAttributes(fd, Termios.TCSANOW, &termios);
        _ = Marshal.GetLastPInvokeError();
    }
}
