using System;
using System.Threading;
using System.Threading.Tasks;

namespace QgaKit.Transports;

// Every transport (unix-listen, virtio-serial, isa-serial, vsock-listen, socket activation) implements these two
// interfaces; the agent loop knows nothing else about them.

/// <summary>
/// Where host connections come from. A listening transport yields one client at a time (qemu-ga's backlog-1
/// model); a device transport (virtio-serial, isa-serial) yields its one permanent channel.
/// </summary>
public interface IQgaTransport : IDisposable
{
    /// <summary>Waits for the next channel (the next client, or the device once it is usable).</summary>
    ValueTask<IQgaChannel> AcceptAsync(CancellationToken cancellationToken);
}

/// <summary>One connection's byte stream. The JSON parser's state is not tied to it (it survives reconnects).</summary>
public interface IQgaChannel : IDisposable
{
    /// <summary>Reads available bytes; 0 means the peer went away (a device transport waits instead).</summary>
    ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken);

    /// <summary>Writes all bytes. A peer that left makes it throw <see cref="System.IO.IOException"/>; the agent
    /// drops that reply only and carries on.</summary>
    ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);
}
