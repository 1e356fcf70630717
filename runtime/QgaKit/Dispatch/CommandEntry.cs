using System.Text;

namespace QgaKit.Dispatch;

/// <summary>A registered command and its live state (qemu's QmpCommand <c>enabled</c>/<c>disable_reason</c>).</summary>
public sealed class CommandEntry
{
    internal CommandEntry(CommandDefinition definition)
    {
        Definition = definition;
        Utf8Name = Encoding.UTF8.GetBytes(definition.Name);
    }

    public CommandDefinition Definition { get; }

    public string Name => Definition.Name;

    /// <summary>False while a filter (block list, allow list, frozen state) disables the command.</summary>
    public bool IsEnabled { get; internal set; } = true;

    /// <summary>The text after <c>has been disabled: </c>; null for qemu-ga's reason-less form.</summary>
    public string? DisableReason { get; internal set; }

    /// <summary>The name as UTF-8, for allocation-free lookup from the request bytes.</summary>
    internal byte[] Utf8Name { get; }
}
