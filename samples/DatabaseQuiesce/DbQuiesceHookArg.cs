using QgaKit;

namespace DatabaseQuiesce;

/// <summary>
/// The db-quiesce hook: an executable the agent runs as <c>db-quiesce-hook pre-snapshot</c>,
/// <c>db-quiesce-hook post-snapshot</c> or <c>db-quiesce-hook abort</c>.
/// The generator turns this enum into the class <c>DbQuiesceHook</c> (<c>ExecutePreSnapshotAsync(ct)</c>,
/// <c>ExecuteAsync(DbQuiesceHookArg, ct)</c>, …; injected into <see cref="DatabaseCommands"/>) and gives the agent
/// the option <c>--db-quiesce-hook[=PATH]</c> and the config key <c>db-quiesce-hook</c>. Without either the hook
/// is disabled and running it does nothing, as qemu-ga's fsfreeze hook without <c>-F</c>.
/// </summary>
[Hook("db-quiesce", DefaultPath = "/etc/qemu/db-quiesce-hook")]
public enum DbQuiesceHookArg
{
    /// <summary>A snapshot is about to be taken: flush the databases and hold their writes.</summary>
    [HookArgument("pre-snapshot")]
    PreSnapshot,

    /// <summary>The snapshot is taken (and the filesystems thawed): let the databases write again.</summary>
    [HookArgument("post-snapshot")]
    PostSnapshot,

    /// <summary>The snapshot will not happen (or preparing failed half-way): release whatever was held.</summary>
    [HookArgument("abort")]
    Abort,
}
