using QgaKit.Generators.Common;

namespace QgaKit.Generators.Commands;

internal enum AsyncKind
{
    None,
    Task,
    ValueTask,
}

/// <summary>One bound parameter of a command method.</summary>
/// <param name="IsCancellationToken">Gets <c>CommandContext.CancellationToken</c>; not a wire parameter.</param>
internal sealed record ParameterModel(string Name, string WireName, TypeRef? Type, bool IsOptional, string? DefaultValue, bool IsCancellationToken);

/// <summary>A valid [QgaCommand] method.</summary>
/// <param name="ReturnType">The (awaited) result type; null for void, Task and ValueTask.</param>
/// <param name="Order">Where the method is declared (partial declaration, then member index) for registration order.</param>
internal sealed record CommandModel(
    string MethodName,
    string WireName,
    bool IsStatic,
    EquatableArray<ParameterModel> Parameters,
    TypeRef? ReturnType,
    AsyncKind Async,
    bool SuccessResponse,
    bool AllowedWhileFrozen,
    int Order)
{
    public string HandlerName => "__QgaInvoke_" + WireName.Replace('-', '_');
}

/// <summary>How a constructor parameter of a command class is supplied.</summary>
internal enum DependencyKind
{
    /// <summary>A type marked [AgentService] (logger, options, freezer, hook host, …).</summary>
    Service,

    /// <summary>A hook class from a referenced assembly.</summary>
    Hook,

    /// <summary>Any other resolved type: a command class when one of this assembly, else looked up at start-up.</summary>
    Other,

    /// <summary>A type the compiler does not know yet: a hook class this generator is about to emit.</summary>
    Unresolved,
}

/// <summary>One constructor parameter of a command class.</summary>
/// <param name="TypeName">The <c>global::</c>-qualified type, or for <see cref="DependencyKind.Unresolved"/> the name as written.</param>
internal sealed record DependencyModel(DependencyKind Kind, string TypeName, string SimpleName, string? NamespaceHint);

/// <summary>A type that encloses the command class (nested classes must be partial all the way out).</summary>
internal sealed record ContainingTypeModel(string Keyword, string Name);

/// <summary>The class-level facts every command method of a class carries.</summary>
internal sealed record ClassInfo(
    string Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string Keyword,
    string Name,
    string FullName,
    bool IsStatic,
    bool HasUsableConstructor,
    EquatableArray<DependencyModel> Dependencies)
{
    /// <summary><c>Acme.Backup.BackupCommands.Commands.g.cs</c>; nested classes join with '+' (as in metadata names),
    /// so that <c>Acme.Outer+Inner</c> and a class <c>Inner</c> in namespace <c>Acme.Outer</c> stay distinct.</summary>
    public string HintName
        => (Namespace.Length == 0 ? string.Empty : Namespace + ".")
            + string.Concat(System.Linq.Enumerable.Select(ContainingTypes, t => t.Name + "+"))
            + Name + ".Commands.g.cs";
}

/// <summary>What the generator extracts from one [QgaCommand] method: the method and the types it uses.</summary>
internal sealed record CommandMethodModel(
    ClassInfo Class,
    CommandModel Command,
    EquatableArray<ObjectModel> Objects,
    EquatableArray<EnumModel> Enums);

/// <summary>A command class with all its commands, in declaration order.</summary>
internal sealed record CommandClassModel(
    ClassInfo Class,
    EquatableArray<CommandModel> Commands,
    EquatableArray<ObjectModel> Objects,
    EquatableArray<EnumModel> Enums)
{
    /// <summary>An instance is created when the class has an instance command.</summary>
    public bool NeedsInstance => !Class.IsStatic && System.Linq.Enumerable.Any(Commands, c => !c.IsStatic);
}
