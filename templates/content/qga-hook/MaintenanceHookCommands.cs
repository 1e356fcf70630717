using QgaKit;

namespace QgaAgent1;

/// <summary>Lets the host run the maintenance hook.</summary>
public sealed partial class MaintenanceHookCommands
{
    private readonly MaintenanceHook _hook;

    public MaintenanceHookCommands(MaintenanceHook hook) => _hook = hook;

    /// <summary>
    /// <c>guest-maintenance-hook</c>: runs the maintenance hook with <paramref name="action"/>
    /// (<c>{"execute": "guest-maintenance-hook", "arguments": {"action": "start"}}</c>). Replies <c>{}</c> when the
    /// hook succeeded or is not configured; a failing hook becomes the error reply.
    /// </summary>
    [QgaCommand("guest-maintenance-hook")]
    public Task RunAsync(MaintenanceHookArg action, CancellationToken cancellationToken)
        => _hook.ExecuteAsync(action, cancellationToken);
}
