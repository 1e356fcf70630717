using System;
using System.Collections.Generic;
using QgaKit.Freezing;

namespace QgaKit.Commands;

/// <summary>
/// The guest-fsfreeze-* commands, in qemu-ga's schema order. The work is the <see cref="Freezer"/>'s; this class
/// only binds it to the wire and to the fsfreeze hook.
/// </summary>
public sealed partial class FsfreezeCommands
{
    private readonly Freezer _freezer;
    private readonly IFreezeHook _hook;

    public FsfreezeCommands(Freezer freezer, FsfreezeHook hook)
    {
        ArgumentNullException.ThrowIfNull(freezer);
        ArgumentNullException.ThrowIfNull(hook);
        _freezer = freezer;
        _hook = new HookAdapter(hook);
        _freezer.ExitHook ??= _hook;
    }

    /// <summary>The agent's frozen flag (not the kernel's: a filesystem frozen by someone else reads <c>thawed</c>).</summary>
    [QgaCommand("guest-fsfreeze-status", AllowedWhileFrozen = true)]
    public GuestFsfreezeStatus Status() => _freezer.State.IsFrozen ? GuestFsfreezeStatus.Frozen : GuestFsfreezeStatus.Thawed;

    /// <summary>Runs the freeze hook and freezes every freezable mount; returns how many were frozen.</summary>
    [QgaCommand("guest-fsfreeze-freeze")]
    public long Freeze() => _freezer.Freeze(null, _hook);

    /// <summary>As guest-fsfreeze-freeze, limited to the mounts whose mount point equals an entry of
    /// <paramref name="mountpoints"/> (all mounts when absent).</summary>
    [QgaCommand("guest-fsfreeze-freeze-list")]
    public long FreezeList(IReadOnlyList<string>? mountpoints = null) => _freezer.Freeze(mountpoints, _hook);

    /// <summary>Thaws every mount and runs the thaw hook a freeze hook run is owed; returns how many mounts thawed.</summary>
    [QgaCommand("guest-fsfreeze-thaw", AllowedWhileFrozen = true)]
    public long Thaw() => _freezer.Thaw(_hook);

    private sealed class HookAdapter(FsfreezeHook hook) : IFreezeHook
    {
        public void RunFreeze() => hook.ExecuteFreeze();

        public void RunThaw() => hook.ExecuteThaw();
    }
}
