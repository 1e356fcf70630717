using System;

namespace QgaKit.Dispatch.Binding;

/// <summary>Lists the commands an assembly's generated module registers, so that the analyzer of an assembly that
/// references it can report duplicate command names (QGA0002) across assemblies, built-ins included.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class GeneratedCommandsAttribute : Attribute
{
    public GeneratedCommandsAttribute(params string[] names) => Names = names;

    public string[] Names { get; }
}

/// <summary>Lists the hooks an assembly declares, for QGA0014 (two hooks with one name) across assemblies.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class GeneratedHooksAttribute : Attribute
{
    public GeneratedHooksAttribute(params string[] names) => Names = names;

    public string[] Names { get; }
}
