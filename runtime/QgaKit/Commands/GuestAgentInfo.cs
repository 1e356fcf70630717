using System.Collections.Generic;

namespace QgaKit.Commands;

// Members are declared in qemu-ga's reply key order (its QDict hash order), so generated writers that follow
// declaration order give byte-identical replies: {"version", "supported_commands"} and
// {"enabled", "name", "success-response"}.

/// <summary>guest-info's result (QAPI <c>GuestAgentInfo</c>).</summary>
public sealed class GuestAgentInfo
{
    public GuestAgentInfo(string version, IReadOnlyList<GuestAgentCommandInfo> supportedCommands)
    {
        Version = version;
        SupportedCommands = supportedCommands;
    }

    public string Version { get; }

    /// <summary>Spelled with an underscore on the wire (QAPI's member-name exception for this type).</summary>
    [QgaName("supported_commands")]
    public IReadOnlyList<GuestAgentCommandInfo> SupportedCommands { get; }
}

/// <summary>One entry of guest-info's <c>supported_commands</c> (QAPI <c>GuestAgentCommandInfo</c>).</summary>
public sealed class GuestAgentCommandInfo
{
    public GuestAgentCommandInfo(bool enabled, string name, bool successResponse)
    {
        Enabled = enabled;
        Name = name;
        SuccessResponse = successResponse;
    }

    public bool Enabled { get; }

    public string Name { get; }

    public bool SuccessResponse { get; }
}
