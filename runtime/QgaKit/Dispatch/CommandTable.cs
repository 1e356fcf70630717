using System;
using System.Collections.Generic;
using QgaKit.Json;

namespace QgaKit.Dispatch;

// Register/TryGet/Commands are what generated code uses; the enabled state behind them is set by CommandFilter
// (block list, allow list, frozen state).

/// <summary>The registered commands in registration order (qemu's QmpCommandList), with their enabled state.</summary>
[AgentService]
public sealed partial class CommandTable
{
    private readonly List<CommandDefinition> _commands = new();
    private readonly List<CommandEntry> _entries = new();
    private readonly Dictionary<string, CommandEntry> _byName = new(StringComparer.Ordinal);

    /// <summary>Adds a command; a second command with the same name is a start-up error.</summary>
    public void Register(CommandDefinition command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var entry = new CommandEntry(command);
        if (!_byName.TryAdd(command.Name, entry))
        {
            throw new InvalidOperationException($"The command {command.Name} is registered twice.");
        }

        _commands.Add(command);
        _entries.Add(entry);
    }

    public bool TryGet(string name, out CommandDefinition command)
    {
        if (_byName.TryGetValue(name, out var entry))
        {
            command = entry.Definition;
            return true;
        }

        command = null!;
        return false;
    }

    /// <summary>Finds a command and its state by name.</summary>
    public bool TryGetEntry(string name, out CommandEntry entry) => _byName.TryGetValue(name, out entry!);

    /// <summary>
    /// Finds a command by the request's <c>execute</c> string without allocating. Case-sensitive, like
    /// qemu's <c>qmp_find_command</c> (also a linear search: a few dozen commands).
    /// </summary>
    public bool TryFind(JsonValue name, out CommandEntry entry)
    {
        if (name.Kind == JsonKind.String)
        {
            foreach (var candidate in _entries)
            {
                if (name.ValueEquals(candidate.Utf8Name))
                {
                    entry = candidate;
                    return true;
                }
            }
        }

        entry = null!;
        return false;
    }

    /// <summary>All commands in registration order.</summary>
    public IReadOnlyList<CommandDefinition> Commands => _commands;

    /// <summary>All commands with their live state, in registration order.</summary>
    public IReadOnlyList<CommandEntry> Entries => _entries;

    /// <summary>Whether the named command exists and is enabled.</summary>
    public bool IsEnabled(string name) => _byName.TryGetValue(name, out var entry) && entry.IsEnabled;

    /// <summary>Disables a command (qemu's <c>qmp_disable_command</c>); returns false for an unknown name.</summary>
    public bool Disable(string name, string? reason = null)
    {
        if (!_byName.TryGetValue(name, out var entry))
        {
            return false;
        }

        entry.IsEnabled = false;
        entry.DisableReason = reason;
        return true;
    }

    /// <summary>Enables a command and clears its reason (qemu's <c>qmp_enable_command</c>); false for an unknown name.</summary>
    public bool Enable(string name)
    {
        if (!_byName.TryGetValue(name, out var entry))
        {
            return false;
        }

        entry.IsEnabled = true;
        entry.DisableReason = null;
        return true;
    }
}
