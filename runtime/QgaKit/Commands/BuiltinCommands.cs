using System;
using QgaKit.Dispatch;
using QgaKit.Protocol;

namespace QgaKit.Commands;

/// <summary>
/// The protocol built-ins every agent has, declared in qemu-ga's schema order (guest-info lists commands in
/// reverse registration order, so this order is visible on the wire).
/// </summary>
public sealed partial class BuiltinCommands
{
    private readonly ResponseDelimiter _delimiter;
    private readonly CommandTable _table;

    public BuiltinCommands(ResponseDelimiter delimiter, CommandTable table)
    {
        ArgumentNullException.ThrowIfNull(delimiter);
        ArgumentNullException.ThrowIfNull(table);
        _delimiter = delimiter;
        _table = table;
    }

    /// <summary>Echoes <paramref name="id"/>; its reply is preceded by 0xFF so the host can resynchronise.</summary>
    [QgaCommand("guest-sync-delimited", AllowedWhileFrozen = true)]
    public long SyncDelimited(long id)
    {
        _delimiter.Request();
        return id;
    }

    /// <summary>Echoes <paramref name="id"/>.</summary>
    [QgaCommand("guest-sync", AllowedWhileFrozen = true)]
    public long Sync(long id) => id;

    /// <summary>Does nothing: the reply proves the agent is alive.</summary>
    [QgaCommand("guest-ping", AllowedWhileFrozen = true)]
    public void Ping()
    {
    }

    /// <summary>The agent version and every command with its live enabled state, last registered first (as qemu-ga,
    /// which builds the list by prepending).</summary>
    [QgaCommand("guest-info", AllowedWhileFrozen = true)]
    public GuestAgentInfo Info()
    {
        var entries = _table.Entries;
        var commands = new GuestAgentCommandInfo[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[entries.Count - 1 - i];
            commands[i] = new GuestAgentCommandInfo(entry.IsEnabled, entry.Name, entry.Definition.SuccessResponse);
        }

        return new GuestAgentInfo(AgentVersion.Text, commands);
    }
}
