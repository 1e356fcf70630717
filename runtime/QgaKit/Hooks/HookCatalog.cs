using System;
using System.Collections.Generic;

namespace QgaKit.Hooks;

/// <summary>Every hook type the agent knows, in registration order (fsfreeze first): the source of the
/// <c>--NAME-hook</c> options, <c>NAME-hook</c> config keys, and their lines in <c>-h</c> and <c>-D</c>.</summary>
public sealed class HookCatalog
{
    private readonly List<HookDefinition> _hooks = new();

    public void Add(HookDefinition hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        foreach (var existing in _hooks)
        {
            if (existing.Name == hook.Name)
            {
                throw new InvalidOperationException($"Two hook types are named '{hook.Name}'.");
            }
        }

        _hooks.Add(hook);
    }

    public IReadOnlyList<HookDefinition> Hooks => _hooks;
}
