using QgaKit.Generators.Common;

namespace QgaKit.Generators.Hooks;

/// <summary>A valid [Hook] enum, as plain data (no Roslyn objects): what the hook emitter needs.</summary>
/// <param name="Namespace">The enum's namespace, "" for the global namespace.</param>
/// <param name="EnumType">The enum's fully-qualified name with <c>global::</c>.</param>
/// <param name="HookName">The wire name, e.g. <c>fsfreeze</c>.</param>
/// <param name="ClassName">The generated class, e.g. <c>FsfreezeHook</c>.</param>
/// <param name="DefaultPath">[Hook(DefaultPath = …)], null when not set.</param>
/// <param name="IsPublic">The generated class is public when the enum is visible outside its assembly.</param>
/// <param name="Order">Source order (file, then declaration index) for registration; stable under edits inside files.</param>
internal sealed record HookModel(
    string Namespace,
    string EnumType,
    string HookName,
    string ClassName,
    string? DefaultPath,
    bool IsPublic,
    EquatableArray<HookMemberModel> Members,
    long Order = 0)
{
    /// <summary>The generated class with <c>global::</c>.</summary>
    public string ClassFullName => "global::" + (Namespace.Length == 0 ? ClassName : Namespace + "." + ClassName);

    public string HintName => (Namespace.Length == 0 ? ClassName : Namespace + "." + ClassName) + ".g.cs";
}

/// <summary>One enum member and the argument string the hook executable gets for it.</summary>
/// <param name="IsAlias">A member with the value of an earlier one: no switch arm of its own.</param>
internal sealed record HookMemberModel(string Name, string Argument, bool IsAlias);
