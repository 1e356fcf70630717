using System;
using System.Net.Sockets;
using QgaKit.Transports;

namespace QgaKit.Hosting;

/// <summary>Creates the transport <c>-m</c>/<c>-p</c> ask for (qemu-ga's <c>channel_init</c>), with qemu-ga's failure texts.</summary>
internal static class TransportSelection
{
    /// <summary>qemu-ga's texts (checked on 7.2); the one place they live.</summary>
    public const string PathRequired = "must specify a path for this channel";
    public const string CreateFailed = "failed to create guest agent channel";
    public const string InitFailed = "failed to initialize guest agent channel";

    public static string Unsupported(string method) => "unsupported channel method/type: " + method;

    public static string BindFailed(string path, string reason) => "Failed to bind socket to " + path + ": " + reason;

    /// <summary>Creates the transport, or throws <see cref="TransportSetupException"/> carrying the log lines qemu-ga
    /// would print (critical level), in order.</summary>
    public static IQgaTransport Create(AgentOptions options)
    {
        switch (options.Method)
        {
            case "unix-listen":
                var path = options.Path ?? throw new TransportSetupException(PathRequired);
                try
                {
                    return UnixListenTransport.Listen(path);
                }
                catch (SocketException e)
                {
                    throw new TransportSetupException(BindFailed(path, e.Message), CreateFailed, InitFailed);
                }

            case "virtio-serial":
            case "isa-serial":
            case "vsock-listen":
                throw new TransportSetupException($"channel method '{options.Method}' is not implemented yet in this build; use -m unix-listen", InitFailed);
            default:
                if (options.Path is null)
                {
                    throw new TransportSetupException(PathRequired);
                }

                throw new TransportSetupException(Unsupported(options.Method), InitFailed);
        }
    }
}

/// <summary>The channel cannot be set up; <see cref="Lines"/> are qemu-ga's critical log lines for the case.</summary>
internal sealed class TransportSetupException : Exception
{
    public TransportSetupException(params string[] lines)
        : base(string.Join("; ", lines))
    {
        Lines = lines;
    }

    public TransportSetupException()
        : this(Array.Empty<string>())
    {
    }

    public TransportSetupException(string message, Exception innerException)
        : base(message, innerException)
    {
        Lines = [message];
    }

    public string[] Lines { get; }
}
