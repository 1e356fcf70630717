using System;

namespace QgaKit.Dispatch;

/// <summary>A command as registered: its wire name, flags and handler (what qemu's QmpCommand holds).</summary>
public sealed class CommandDefinition
{
    public CommandDefinition(string name, CommandHandler handler, bool successResponse = true, bool allowedWhileFrozen = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(handler);
        Name = name;
        Handler = handler;
        SuccessResponse = successResponse;
        AllowedWhileFrozen = allowedWhileFrozen;
    }

    public string Name { get; }

    public CommandHandler Handler { get; }

    /// <summary>False: a successful call sends no reply (qemu's QCO_NO_SUCCESS_RESP).</summary>
    public bool SuccessResponse { get; }

    /// <summary>True: the command runs while frozen (qemu-ga's freeze allow-list, extended by the attribute).</summary>
    public bool AllowedWhileFrozen { get; }
}
