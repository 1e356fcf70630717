using System;
using System.Collections.Generic;

namespace QgaKit.Dispatch;

// CONTRACT (lead): Register/TryGet/Commands are what generated code and the built-ins use. The agent-core helper
// owns this file and adds the enable/disable state (block/allow lists, frozen filter) behind it.

/// <summary>The registered commands in registration order (qemu's QmpCommandList).</summary>
public sealed partial class CommandTable
{
    private readonly List<CommandDefinition> _commands = new();
    private readonly Dictionary<string, CommandDefinition> _byName = new(StringComparer.Ordinal);

    /// <summary>Adds a command; a second command with the same name is a start-up error.</summary>
    public void Register(CommandDefinition command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!_byName.TryAdd(command.Name, command))
        {
            throw new InvalidOperationException($"The command {command.Name} is registered twice.");
        }

        _commands.Add(command);
    }

    public bool TryGet(string name, out CommandDefinition command) => _byName.TryGetValue(name, out command!);

    /// <summary>All commands in registration order.</summary>
    public IReadOnlyList<CommandDefinition> Commands => _commands;
}
