using System;
using QgaKit.Transports;

namespace QgaKit.Hosting;

/// <summary>Creates the transport <c>-m</c>/<c>-p</c> ask for (qemu-ga's <c>channel_init</c>).</summary>
internal static class TransportSelection
{
    /// <summary>qemu-ga's text when a listening method has no path.</summary>
    public const string PathRequired = "must specify a path for this channel";

    public static IQgaTransport Create(AgentOptions options)
    {
        switch (options.Method)
        {
            case "unix-listen":
                return UnixListenTransport.Listen(options.Path ?? throw new TransportSetupException(PathRequired));
            case "virtio-serial":
            case "isa-serial":
            case "vsock-listen":
                throw new TransportSetupException($"channel method '{options.Method}' is not implemented yet in this build; use -m unix-listen");
            default:
                if (options.Path is null)
                {
                    throw new TransportSetupException(PathRequired);
                }

                throw new TransportSetupException("unsupported channel method/type: " + options.Method);
        }
    }
}

/// <summary>The channel cannot be set up; the message is qemu-ga's text where qemu-ga has one.</summary>
internal sealed class TransportSetupException : Exception
{
    public TransportSetupException(string message)
        : base(message)
    {
    }

    public TransportSetupException()
    {
    }

    public TransportSetupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
