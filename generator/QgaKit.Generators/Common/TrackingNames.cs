namespace QgaKit.Generators.Common;

/// <summary>Names of the generator's pipeline steps, for incrementality tests (<c>TrackedSteps[name]</c>).</summary>
public static class TrackingNames
{
    /// <summary>[Hook] enum → <c>HookModel</c>.</summary>
    public const string HookModels = nameof(HookModels);

    /// <summary>[QgaCommand] method → <c>CommandMethodModel</c>.</summary>
    public const string CommandMethods = nameof(CommandMethods);

    /// <summary>All command methods grouped into one model per command class.</summary>
    public const string CommandClasses = nameof(CommandClasses);

    /// <summary>Referenced assemblies that carry a generated module (their module initializers are run first).</summary>
    public const string ReferencedModules = nameof(ReferencedModules);

    /// <summary>The per-assembly module (hooks + command classes + constructor wiring).</summary>
    public const string Module = nameof(Module);
}
