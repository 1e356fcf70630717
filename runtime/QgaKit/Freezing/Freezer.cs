using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using QgaKit.Dispatch;
using QgaKit.Hosting;
using QgaKit.Interop;
using QgaKit.Logging;

namespace QgaKit.Freezing;

/// <summary>
/// FIFREEZE/FITHAW over the mount table, the frozen state and its state file, with qemu-ga 7.2's order and
/// results (qemu-ga's qmp_guest_fsfreeze_freeze_list/thaw), and one deliberate difference: hook pairing. A
/// <c>thaw</c> hook run follows every successful <c>freeze</c> hook run exactly once — in the same call when the
/// freeze froze nothing or failed, at the next thaw otherwise (also after a restart while frozen) — and never
/// without one.
/// </summary>
[AgentService]
public sealed partial class Freezer
{
    private readonly AgentLogger? _logger;
    private readonly IMountTableSource _mounts;

    /// <summary>Whether a freeze hook ran that no thaw hook has answered yet.</summary>
    private bool _thawHookOwed;

    /// <summary>The agent's freezer: mounts from /proc, state file in the configured state directory.</summary>
    public Freezer(FrozenState frozenState, AgentLogger logger, AgentOptions options)
        : this(frozenState, logger, options.StateDir, new ProcMountTable())
    {
    }

    /// <summary>A freezer over <paramref name="mounts"/>; <paramref name="logger"/> may be null (nothing logged).</summary>
    public Freezer(FrozenState frozenState, AgentLogger? logger, string stateDirectory, IMountTableSource mounts)
    {
        ArgumentNullException.ThrowIfNull(frozenState);
        ArgumentNullException.ThrowIfNull(stateDirectory);
        ArgumentNullException.ThrowIfNull(mounts);
        State = frozenState;
        _logger = logger;
        _mounts = mounts;
        StateFile = new FreezeStateFile(stateDirectory);
    }

    public FrozenState State { get; }

    /// <summary>Test seam: sees every FIFREEZE/FITHAW as <c>"FIFREEZE &lt;dir&gt; &lt;errno or 0&gt;"</c> right after the call.</summary>
    internal Action<string>? IoctlObserver { get; set; }

    public FreezeStateFile StateFile { get; }

    /// <summary>True while a <c>thaw</c> hook run is owed to an earlier <c>freeze</c> hook run.</summary>
    public bool ThawHookOwed => _thawHookOwed;

    /// <summary><c>frozen</c> or <c>thawed</c>: the agent's flag, not the kernel's (as guest-fsfreeze-status).</summary>
    public string Status => State.IsFrozen ? "frozen" : "thawed";

    /// <summary>
    /// Call once at start-up, after the logger writes to stderr and before it opens the <c>-l</c> file or the
    /// pidfile is written. When the state file exists the agent comes up frozen: qemu-ga's warning is logged, the
    /// logger holds, <see cref="State"/> is entered and the next thaw runs the thaw hook (the state file is only
    /// ever written after a freeze hook ran). Returns whether the agent is frozen.
    /// </summary>
    public bool RecoverAtStartup()
    {
        if (!StateFile.Exists(out var error))
        {
            return false;
        }

        if (error is not null)
        {
            StartupWarning(error);
        }

        StartupWarning(FreezeTexts.PreviousInstanceFrozen(StateFile.Path));

        _thawHookOwed = true;
        _logger?.Hold();
        State.Enter();
        return true;
    }

    /// <summary>The hook <see cref="CleanupAtExit"/> runs; the fsfreeze commands attach theirs when created.</summary>
    public IFreezeHook? ExitHook { get; set; }

    /// <summary>
    /// Call when the agent exits normally (qemu-ga's cleanup_agent → guest_fsfreeze_cleanup): if still frozen, thaw
    /// and run the owed thaw hook, so a clean exit never leaves filesystems frozen. A failure is only logged, as
    /// <c>failed to clean up frozen filesystems: &lt;error&gt;</c>.
    /// </summary>
    public void CleanupAtExit()
    {
        if (!State.IsFrozen)
        {
            return;
        }

        try
        {
            Thaw(ExitHook);
        }
        catch (QgaException e)
        {
            Log(LogLevel.Warning, FreezeTexts.CleanupFailed(e.Message));
        }
    }

    /// <summary>
    /// guest-fsfreeze-freeze(-list): runs the freeze hook, then FIFREEZE on every mount (or those whose mount point
    /// equals an entry of <paramref name="mountPoints"/>) in reverse table order. Returns how many were frozen.
    /// </summary>
    public int Freeze(IReadOnlyList<string>? mountPoints, IFreezeHook? hook)
    {
        if (State.IsFrozen)
        {
            throw new InvalidOperationException("The filesystems are already frozen; thaw them first.");
        }

        Log(LogLevel.Info, FreezeTexts.FreezeCalled);

        // A failing freeze hook is the whole answer: nothing frozen, nothing owed (qemu-ga: no thaw hook).
        hook?.RunFreeze();
        _thawHookOwed = hook is not null;

        IReadOnlyList<MountEntry> mounts;
        try
        {
            mounts = _mounts.Read();
        }
        catch
        {
            RunOwedThawHook(hook, ignoreFailure: true);
            throw;
        }

        EnterFrozen();
        var count = 0;
        try
        {
            // Children before parents: a parent frozen first would block the open() of a mount below it.
            for (var i = mounts.Count - 1; i >= 0; i--)
            {
                var mount = mounts[i];
                if (mountPoints is not null && !Contains(mountPoints, mount.MountPoint))
                {
                    continue;
                }

                if (FreezeOne(mount.MountPoint))
                {
                    count++;
                }
            }
        }
        catch
        {
            // qemu-ga thaws everything again and runs the thaw hook, ignoring its errors; the original error wins.
            ThawMounts(mounts);
            LeaveFrozen(hook, ignoreHookFailure: true);
            throw;
        }

        if (count == 0)
        {
            // qemu-ga clears the state without the thaw hook here, leaving whatever the freeze hook paused paused.
            LeaveFrozen(hook, ignoreHookFailure: false);
        }

        return count;
    }

    /// <summary>
    /// guest-fsfreeze-thaw: FITHAW (repeated until it fails) on every mount of a fresh table in table order, then
    /// leaves frozen state and runs the thaw hook if a freeze hook run is owed one. Returns how many mounts thawed.
    /// </summary>
    public int Thaw(IFreezeHook? hook)
    {
        // A failure here keeps the frozen state and runs no hook (qemu-ga).
        var mounts = _mounts.Read();
        var count = ThawMounts(mounts);
        LeaveFrozen(hook, ignoreHookFailure: false);
        return count;
    }

    private static bool Contains(IReadOnlyList<string> mountPoints, string mountPoint)
    {
        // String equality, as qemu-ga: no normalisation of trailing slashes or symlinks.
        for (var i = 0; i < mountPoints.Count; i++)
        {
            if (string.Equals(mountPoints[i], mountPoint, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns true when frozen, false when skipped (EOPNOTSUPP: not freezable; EBUSY: frozen already).</summary>
    private bool FreezeOne(string mountPoint)
    {
        var fd = FileSystem.Open(mountPoint, FileSystem.O_RDONLY | FileSystem.O_CLOEXEC, 0);
        if (fd < 0)
        {
            throw new QgaException(FreezeTexts.FailedToOpen(mountPoint, Errno.Describe(Marshal.GetLastPInvokeError())));
        }

        try
        {
            var rc = Ioctl.IoctlInt(fd, Ioctl.FIFREEZE, 0);
            var errno = rc == 0 ? 0 : Marshal.GetLastPInvokeError();
            IoctlObserver?.Invoke($"FIFREEZE {mountPoint} {errno}");
            if (rc == 0)
            {
                return true;
            }

            if (errno is FileSystem.EOPNOTSUPP or FileSystem.EBUSY)
            {
                return false;
            }

            throw new QgaException(FreezeTexts.FailedToFreeze(mountPoint, Errno.Describe(errno)));
        }
        finally
        {
            FileSystem.Close(fd);
        }
    }

    private int ThawMounts(IReadOnlyList<MountEntry> mounts)
    {
        var count = 0;
        foreach (var mount in mounts)
        {
            var fd = FileSystem.Open(mount.MountPoint, FileSystem.O_RDONLY | FileSystem.O_CLOEXEC, 0);
            if (fd < 0)
            {
                continue;
            }

            // Freezes nest (a second mount of one superblock, an external fsfreeze): thaw until the kernel says no.
            var thawed = false;
            while (true)
            {
                var rc = Ioctl.IoctlInt(fd, Ioctl.FITHAW, 0);
                IoctlObserver?.Invoke($"FITHAW {mount.MountPoint} {(rc == 0 ? 0 : Marshal.GetLastPInvokeError())}");
                if (rc != 0)
                {
                    break;
                }

                thawed = true;
            }

            FileSystem.Close(fd);
            if (thawed)
            {
                count++;
            }
        }

        return count;
    }

    private void EnterFrozen()
    {
        // The state file comes first: after the first FIFREEZE this write could block for ever.
        if (!StateFile.Create())
        {
            Log(LogLevel.Warning, FreezeTexts.UnableToCreate(StateFile.Path));
        }

        Log(LogLevel.Warning, FreezeTexts.LoggingDisabled);
        _logger?.Hold();
        State.Enter();
    }

    /// <summary>qemu-ga's ga_unset_frozen followed by the (owed) thaw hook. <see cref="State"/> is left last, so a
    /// shutdown deferred until thaw does not cut the thaw hook short.</summary>
    private void LeaveFrozen(IFreezeHook? hook, bool ignoreHookFailure)
    {
        try
        {
            if (State.IsFrozen)
            {
                _logger?.Release();
                Log(LogLevel.Warning, FreezeTexts.LoggingReenabled);
                if (!StateFile.Delete())
                {
                    Log(LogLevel.Warning, FreezeTexts.UnableToDelete(StateFile.Path));
                }
            }

            RunOwedThawHook(hook, ignoreHookFailure);
        }
        finally
        {
            State.Leave();
        }
    }

    private void RunOwedThawHook(IFreezeHook? hook, bool ignoreFailure)
    {
        if (!_thawHookOwed || hook is null)
        {
            return;
        }

        // Owed once: a failing thaw hook is reported, not retried at the next thaw.
        _thawHookOwed = false;
        try
        {
            hook.RunThaw();
        }
        catch (QgaException e) when (ignoreFailure)
        {
            Log(LogLevel.Warning, e.Message);
        }
    }

    private void Log(LogLevel level, string message) => _logger?.Log(level, message);

    // qemu-ga warns at start-up before its own log handler is installed, so GLib's default handler prints these to
    // stderr in GLib's format, and only with -v (the level filter is already set).
    // qemu-ga checks the state file before it installs its log handler, so GLib's default handler prints this
    // warning on stderr whatever the verbosity (checked on 7.2 without -v). Only an agent without a logger
    // (tests, tools) stays quiet.
    private void StartupWarning(string message)
    {
        if (_logger is not null)
        {
            Hosting.CommandLine.GLibConsoleMessage.Warning(Console.Error, message);
        }
    }
}
