using System;
using System.Collections.Generic;

namespace QgaKit.Dispatch;

/// <summary>
/// Works out every command's enabled state from the allow list (<c>-a</c>), the block list (<c>-b</c>) and the
/// frozen state, and re-applies it whenever the frozen state changes (qemu 10.2's <c>ga_apply_command_filters</c>
/// structure, with 7.2's texts and its blocked-stays-blocked rule; see docs/compatibility.md):
/// <list type="number">
/// <item>an allow list denies everything it does not name (10.2 semantics);</item>
/// <item>the block list then denies what it names: <c>Command X has been disabled</c>;</item>
/// <item>while frozen, commands outside the freeze allow-list are denied with
/// <c>: the agent is in frozen state</c>; a blocked command stays blocked even if it is on that list (7.2).</item>
/// </list>
/// After a thaw every command goes back to its unfrozen state, reason included (7.2 kept the frozen reason on
/// blocked commands; we do not copy that).
/// </summary>
public sealed class CommandFilter
{
    private readonly CommandTable _table;
    private readonly FrozenState _frozen;
    private readonly HashSet<string> _blocked;
    private readonly HashSet<string>? _allowed;

    /// <param name="table">The commands whose state this filter owns.</param>
    /// <param name="frozen">The agent's frozen state; the filter re-applies itself when it changes.</param>
    /// <param name="blocked">Names from <c>-b</c>/<c>block-rpcs</c>; unknown names are ignored, as in qemu-ga.</param>
    /// <param name="allowed">Names from <c>-a</c>/<c>allow-rpcs</c>, or null when no allow list was given.</param>
    public CommandFilter(CommandTable table, FrozenState frozen, IEnumerable<string> blocked, IEnumerable<string>? allowed)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(frozen);
        ArgumentNullException.ThrowIfNull(blocked);
        _table = table;
        _frozen = frozen;
        _blocked = new HashSet<string>(blocked, StringComparer.Ordinal);
        _allowed = allowed is null ? null : new HashSet<string>(allowed, StringComparer.Ordinal);
        _frozen.Changed += _ => Apply();
        Apply();
    }

    /// <summary>Recomputes every command's state (also call it after registering more commands).</summary>
    public void Apply()
    {
        var frozen = _frozen.IsFrozen;
        foreach (var entry in _table.Entries)
        {
            var name = entry.Name;
            var denied = (_allowed is not null && !_allowed.Contains(name)) || _blocked.Contains(name);
            if (frozen && !FrozenCommands.IsAllowed(entry.Definition))
            {
                _table.Disable(name, FrozenCommands.DisableReason);
            }
            else if (denied)
            {
                _table.Disable(name);
            }
            else
            {
                _table.Enable(name);
            }
        }
    }
}
