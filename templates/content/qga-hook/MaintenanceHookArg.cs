using QgaKit;

namespace QgaAgent1;

/// <summary>
/// The maintenance hook: an executable the agent runs as <c>&lt;path&gt; start</c> or <c>&lt;path&gt; stop</c>.
/// The generator makes the class <c>MaintenanceHook</c> from this enum, and the agent gets the option
/// <c>--maintenance-hook[=PATH]</c> (default path <c>/etc/qemu/maintenance-hook</c>) and the config key
/// <c>maintenance-hook</c>. Each member's <c>[HookArgument]</c> is the argument the executable receives.
/// </summary>
[Hook("maintenance")]
public enum MaintenanceHookArg
{
    /// <summary>Enter maintenance.</summary>
    [HookArgument("start")]
    Start,

    /// <summary>Leave maintenance.</summary>
    [HookArgument("stop")]
    Stop,
}
