using System;
using QgaKit.Transports;

namespace QgaKit.Hosting;

/// <summary>Creates the transport the agent serves (qemu-ga's socket-activation check and <c>channel_init</c>), with
/// qemu-ga's failure texts.</summary>
internal static class TransportSelection
{
    /// <summary>qemu-ga's texts (checked on 7.2); the one place they live.</summary>
    public const string CreateFailed = "failed to create guest agent channel";
    public const string InitFailed = "failed to initialize guest agent channel";

    public static string Unsupported(string method) => "unsupported channel method/type: " + method;

    /// <summary>Creates the transport, or throws <see cref="TransportSetupException"/> carrying the critical log lines
    /// qemu-ga would print, in order.</summary>
    public static IQgaTransport Create(AgentOptions options)
    {
        // A socket systemd passed wins over -m/-p (the command line checked it and picked the method).
        if (options.SocketActivated)
        {
            return FdListenerTransport.FromActivatedSocket(options.Method);
        }

        var path = options.Path ?? DefaultPath(options.Method);
        try
        {
            return options.Method switch
            {
                "unix-listen" => UnixListenTransport.Listen(path ?? throw new TransportException(PathRequired)),
                "vsock-listen" => FdListenerTransport.ListenVsock(path ?? throw new TransportException(PathRequired)),
                "virtio-serial" => DevicePortTransport.OpenVirtioSerial(path!),
                "isa-serial" => DevicePortTransport.OpenIsaSerial(path!),
                _ => throw new TransportSetupException(Unsupported(options.Method), InitFailed),
            };
        }
        catch (TransportException e)
        {
            throw new TransportSetupException(e.Message, CreateFailed, InitFailed);
        }
    }

    /// <summary>qemu-ga's text when a listening method has no path (the command line normally catches it first).</summary>
    private const string PathRequired = "must specify a path for this channel";

    private static string? DefaultPath(string method) => method switch
    {
        "virtio-serial" => "/dev/virtio-ports/org.qemu.guest_agent.0",
        "isa-serial" => "/dev/ttyS0",
        _ => null,
    };
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
