using QgaKit.Hooks;

namespace QgaKit.Dispatch;

/// <summary>
/// What the generator emits once per assembly that declares commands or hooks, and registers from a
/// <c>[ModuleInitializer]</c> with <see cref="QgaModules.Register"/>. The agent calls the two methods at
/// start-up: hooks first (they become command-line options), then commands (after options are parsed).
/// </summary>
public interface IQgaModule
{
    /// <summary>Adds the assembly's hook types (name and default path), in source order.</summary>
    void RegisterHooks(HookCatalog catalog);

    /// <summary>Creates the assembly's command-class instances (constructor injection from
    /// <paramref name="services"/>) and registers their commands in declaration order.</summary>
    void RegisterCommands(CommandTable table, AgentServices services);
}
