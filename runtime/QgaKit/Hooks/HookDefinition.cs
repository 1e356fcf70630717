using System;

namespace QgaKit.Hooks;

/// <summary>A hook type as declared by <c>[Hook]</c>: its name and the path <c>--NAME-hook</c> uses without an argument.</summary>
public sealed class HookDefinition : IEquatable<HookDefinition>
{
    public HookDefinition(string name, string? defaultPath = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        DefaultPath = defaultPath ?? "/etc/qemu/" + name + "-hook";
    }

    /// <summary>e.g. <c>fsfreeze</c>; used in option names, config keys and error texts.</summary>
    public string Name { get; }

    public string DefaultPath { get; }

    public bool Equals(HookDefinition? other) => other is not null && other.Name == Name && other.DefaultPath == DefaultPath;

    public override bool Equals(object? obj) => Equals(obj as HookDefinition);

    public override int GetHashCode() => HashCode.Combine(Name, DefaultPath);
}
