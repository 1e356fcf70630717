using System;

namespace QgaKit.Dispatch;

/// <summary>qemu-ga's freeze allow-list (<c>ga_freeze_allowlist</c>, same in 7.2 and 10.2) and its 7.2 reason text.</summary>
public static class FrozenCommands
{
    /// <summary>The reason in <c>Command X has been disabled: the agent is in frozen state</c> (7.2's text).</summary>
    public const string DisableReason = "the agent is in frozen state";

    private static readonly string[] s_allowList =
    [
        "guest-ping",
        "guest-info",
        "guest-sync",
        "guest-sync-delimited",
        "guest-fsfreeze-status",
        "guest-fsfreeze-thaw",
    ];

    /// <summary>The commands that run while frozen, whatever their <see cref="CommandDefinition.AllowedWhileFrozen"/>.</summary>
    public static ReadOnlySpan<string> AllowList => s_allowList;

    /// <summary>Whether <paramref name="command"/> may run while the agent is frozen.</summary>
    public static bool IsAllowed(CommandDefinition command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.AllowedWhileFrozen || Array.IndexOf(s_allowList, command.Name) >= 0;
    }
}
