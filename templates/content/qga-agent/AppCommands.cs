using QgaKit;

namespace QgaAgent1;

/// <summary>
/// This agent's own commands. Every <c>[QgaCommand]</c> method of a partial class is registered by the generator:
/// it shows up in <c>guest-info</c> and the host can call it, e.g.
/// <c>{"execute": "guest-app-quiesce", "arguments": {"action": "quiesce"}}</c>.
/// Constructor parameters (generated hook classes, the agent's logger, options, freezer) are injected.
/// </summary>
public sealed partial class AppCommands
{
    private readonly AppQuiesceHook _hook;

    public AppCommands(AppQuiesceHook hook) => _hook = hook;

    /// <summary>
    /// <c>guest-app-quiesce</c>: runs the app-quiesce hook with <paramref name="action"/> (<c>quiesce</c>, the
    /// default, or <c>resume</c>) and reports what ran. A failing hook becomes the error reply, e.g.
    /// <c>app-quiesce hook has failed with status 3</c>. Allowed while frozen, so a host can resume the
    /// application before it thaws the filesystems.
    /// </summary>
    [QgaCommand("guest-app-quiesce", AllowedWhileFrozen = true)]
    public async Task<AppQuiesceResult> QuiesceAsync(AppQuiesceHookArg action = AppQuiesceHookArg.Quiesce, CancellationToken cancellationToken = default)
    {
        await _hook.ExecuteAsync(action, cancellationToken);
        return new AppQuiesceResult(AppQuiesceHook.ToArgument(action), _hook.Path);
    }
}

/// <summary>The reply of <c>guest-app-quiesce</c>: <c>{"action": "quiesce", "hook": "/etc/qemu/app-quiesce-hook"}</c>;
/// <c>hook</c> is left out when no hook is configured.</summary>
public sealed record AppQuiesceResult(string Action, string? Hook);
