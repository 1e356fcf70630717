namespace QgaKit.Commands;

/// <summary>The version the agent reports in guest-info's <c>version</c> (qemu-ga reports QEMU_VERSION there).</summary>
public static class AgentVersion
{
    public const string Text = "0.1.0";
}
