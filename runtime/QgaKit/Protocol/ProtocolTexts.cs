using System;

namespace QgaKit.Protocol;

/// <summary>
/// qemu-ga's exact request-validation texts (<c>qmp_dispatch</c>/<c>qmp_dispatch_check_obj</c> in
/// <c>qapi/qmp-dispatch.c</c>, identical in 7.2 and 10.2). The one place these strings live.
/// </summary>
internal static class ProtocolTexts
{
    public const string NotAnObject = "QMP input must be a JSON object";

    public const string ExecuteNotString = "QMP input member 'execute' must be a string";

    public const string ArgumentsNotObject = "QMP input member 'arguments' must be an object";

    public const string LacksExecute = "QMP input lacks member 'execute'";

    /// <summary>The class names on the wire (qemu-ga only ever sends these two).</summary>
    public static ReadOnlySpan<byte> GenericError => "GenericError"u8;

    public static ReadOnlySpan<byte> CommandNotFound => "CommandNotFound"u8;

    public static string UnexpectedMember(string name) => "QMP input member '" + name + "' is unexpected";

    /// <summary>Lookup failure; an empty name gives qemu-ga's double space.</summary>
    public static string CommandNotFoundText(string name) => "The command " + name + " has not been found";

    /// <summary>A disabled command, with <c>: reason</c> when the command was disabled with one.</summary>
    public static string CommandDisabled(string name, string? reason)
        => reason is null ? "Command " + name + " has been disabled" : "Command " + name + " has been disabled: " + reason;
}
