using QgaKit;

namespace QgaAgent1;

/// <summary>
/// The app-quiesce hook: an executable the agent runs as <c>&lt;path&gt; quiesce</c> or <c>&lt;path&gt; resume</c>.
/// The QgaKit generator turns this enum into the class <c>AppQuiesceHook</c> (inject it into command classes) and
/// gives the agent the option <c>--app-quiesce-hook[=PATH]</c> and the config key <c>app-quiesce-hook</c>; without
/// either the hook is disabled and running it does nothing. The script <c>hooks/app-quiesce-hook</c> is an example.
/// </summary>
[Hook("app-quiesce", DefaultPath = "/etc/qemu/app-quiesce-hook")]
public enum AppQuiesceHookArg
{
    /// <summary>Ask the application to reach a consistent state and hold it.</summary>
    [HookArgument("quiesce")]
    Quiesce,

    /// <summary>Let the application continue.</summary>
    [HookArgument("resume")]
    Resume,
}
