using System;

namespace QgaKit.Transports;

/// <summary>A channel could not be set up; the message is qemu-ga's text for the failure.</summary>
public sealed class TransportException : Exception
{
    public TransportException(string message)
        : base(message)
    {
    }

    public TransportException()
    {
    }

    public TransportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
