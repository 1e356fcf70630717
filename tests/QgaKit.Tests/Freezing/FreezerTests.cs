using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using QgaKit.Dispatch;
using QgaKit.Freezing;
using Xunit;

namespace QgaKit.Tests.Freezing;

/// <summary>The freezer on real ext4 loop mounts: real FIFREEZE/FITHAW, a writer that blocks while frozen.</summary>
[Collection("Freezing")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class FreezerTests
{
    private static LoopMounts NewMounts()
    {
        Skip.If(LoopMounts.SkipReason() is { } reason, LoopMounts.SkipReason());
        return new LoopMounts();
    }

    private static Freezer NewFreezer(LoopMounts mounts, IMountTableSource? table = null)
        => new(new FrozenState(), logger: null, mounts.StateDir, table ?? mounts.Table);

    [SkippableFact]
    public void Freeze_list_freezes_the_mount_blocks_a_writer_and_thaw_releases_it()
    {
        using var mounts = NewMounts();
        var mnt = mounts.AddExt4("mnt");
        var freezer = NewFreezer(mounts);
        var hook = new RecordingHook();

        Assert.Equal(1, freezer.Freeze([mnt], hook));
        Assert.Equal("frozen", freezer.Status);
        Assert.True(freezer.State.IsFrozen);
        var writer = mounts.StartWriter(mnt);
        Assert.True(writer.WaitBlocked(), "the writer should block on the frozen filesystem");

        Assert.Equal(1, freezer.Thaw(hook));
        Assert.True(writer.WaitCompleted(), "the writer should complete after thaw");
        Assert.Equal("thawed", freezer.Status);
        Assert.Equal(["freeze", "thaw"], hook.Calls);
    }

    [SkippableFact]
    public void Nested_mounts_and_a_bind_mount_freeze_children_first_and_thaw_in_table_order()
    {
        using var mounts = NewMounts();
        var mnt = mounts.AddExt4("mnt");
        var sub = mounts.AddExt4("mnt/sub");
        var bind = mounts.AddBind(mnt, "bind");
        var freezer = NewFreezer(mounts);
        var ioctls = new List<string>();
        freezer.IoctlObserver = ioctls.Add;

        // qemu-ga's observed sequence: bind frozen, mnt/sub frozen, mnt EBUSY (same superblock as bind).
        Assert.Equal(2, freezer.Freeze([mnt, sub, bind], new RecordingHook()));
        Assert.Equal([$"FIFREEZE {bind} 0", $"FIFREEZE {sub} 0", $"FIFREEZE {mnt} 16"], ioctls);
        var writerMnt = mounts.StartWriter(mnt);
        var writerSub = mounts.StartWriter(sub);
        Assert.True(writerMnt.WaitBlocked());
        Assert.True(writerSub.WaitBlocked());

        ioctls.Clear();
        Assert.Equal(2, freezer.Thaw(new RecordingHook()));
        // Forward order, FITHAW until it fails; the bind mount's superblock is thawed already (EINVAL).
        Assert.Equal([$"FITHAW {mnt} 0", $"FITHAW {mnt} 22", $"FITHAW {sub} 0", $"FITHAW {sub} 22", $"FITHAW {bind} 22"], ioctls);
        Assert.True(writerMnt.WaitCompleted());
        Assert.True(writerSub.WaitCompleted());
    }

    [SkippableFact]
    public void Freeze_all_freezes_every_mount_of_the_injected_table()
    {
        using var mounts = NewMounts();
        var a = mounts.AddExt4("a");
        var b = mounts.AddExt4("b");
        var freezer = NewFreezer(mounts);

        Assert.Equal(2, freezer.Freeze(null, new RecordingHook()));
        var writerA = mounts.StartWriter(a);
        var writerB = mounts.StartWriter(b);
        Assert.True(writerA.WaitBlocked());
        Assert.True(writerB.WaitBlocked());
        Assert.Equal(2, freezer.Thaw(new RecordingHook()));
        Assert.True(writerA.WaitCompleted());
        Assert.True(writerB.WaitCompleted());
    }

    [SkippableFact]
    public void Freeze_list_of_a_path_that_is_not_a_mount_point_freezes_nothing_and_pairs_the_hook_at_once()
    {
        using var mounts = NewMounts();
        var mnt = mounts.AddExt4("mnt");
        Directory.CreateDirectory(Path.Combine(mnt, "dir"));
        var freezer = NewFreezer(mounts);
        var hook = new RecordingHook();

        // Neither a subdirectory nor a trailing slash matches: string equality, as qemu-ga.
        Assert.Equal(0, freezer.Freeze([Path.Combine(mnt, "dir"), mnt + "/"], hook));
        Assert.Equal("thawed", freezer.Status);
        Assert.Equal(["freeze", "thaw"], hook.Calls);
        Assert.False(File.Exists(freezer.StateFile.Path));
        Assert.False(freezer.ThawHookOwed);
        var writer = mounts.StartWriter(mnt);
        Assert.True(writer.WaitCompleted());

        // No freeze hook is owed a thaw hook any more.
        Assert.Equal(0, freezer.Thaw(hook));
        Assert.Equal(["freeze", "thaw"], hook.Calls);
    }

    [SkippableFact]
    public void Freeze_list_with_an_empty_list_freezes_nothing()
    {
        using var mounts = NewMounts();
        mounts.AddExt4("mnt");
        var freezer = NewFreezer(mounts);
        var hook = new RecordingHook();

        Assert.Equal(0, freezer.Freeze([], hook));
        Assert.Equal("thawed", freezer.Status);
        Assert.Equal(["freeze", "thaw"], hook.Calls);
    }

    [SkippableFact]
    public void A_failing_thaw_hook_after_a_freeze_of_nothing_is_the_freezes_reply()
    {
        using var mounts = NewMounts();
        mounts.AddExt4("mnt");
        var freezer = NewFreezer(mounts);
        var hook = new RecordingHook { FailThaw = "fsfreeze hook has failed with status 3" };

        // compatibility.md: qemu-ga would reply 0 and never run the thaw hook at all.
        var error = Assert.Throws<QgaException>(() => freezer.Freeze([], hook));

        Assert.Equal("fsfreeze hook has failed with status 3", error.Message);
        Assert.Equal(["freeze", "thaw"], hook.Calls);
        Assert.Equal("thawed", freezer.Status);
        Assert.False(freezer.ThawHookOwed);
        Assert.False(File.Exists(freezer.StateFile.Path));
    }

    [SkippableFact]
    public void A_filesystem_frozen_beforehand_is_skipped_and_thaw_releases_it()
    {
        using var mounts = NewMounts();
        var mnt = mounts.AddExt4("mnt");
        Shell.Check("fsfreeze", "-f", mnt);
        var writer = mounts.StartWriter(mnt);
        Assert.True(writer.WaitBlocked());
        var freezer = NewFreezer(mounts);
        var hook = new RecordingHook();

        Assert.Equal(0, freezer.Freeze([mnt], hook));
        Assert.Equal("thawed", freezer.Status);
        Assert.Equal(["freeze", "thaw"], hook.Calls);

        // Thaw releases filesystems the agent never froze (qemu-ga); no thaw hook, as no freeze hook is owed one.
        Assert.Equal(1, freezer.Thaw(hook));
        Assert.True(writer.WaitCompleted());
        Assert.Equal(["freeze", "thaw"], hook.Calls);
    }

    [SkippableFact]
    public void A_freeze_error_thaws_everything_again_runs_the_thaw_hook_and_returns_the_error()
    {
        using var mounts = NewMounts();
        var broken = mounts.AddExt4("broken");
        var good = mounts.AddExt4("good");
        Ext4Shutdown.Shutdown(broken);
        var freezer = NewFreezer(mounts);
        var hook = new RecordingHook { FailThaw = "ignored: the freeze error wins" };
        var ioctls = new List<string>();
        freezer.IoctlObserver = ioctls.Add;

        var error = Assert.Throws<QgaException>(() => freezer.Freeze(null, hook));

        Assert.Equal($"failed to freeze {broken}: Input/output error", error.Message);
        Assert.Equal(QgaErrorClass.GenericError, error.ErrorClass);
        Assert.Equal([$"FIFREEZE {good} 0", $"FIFREEZE {broken} 5"], ioctls.Take(2));
        Assert.Contains($"FITHAW {good} 0", ioctls);
        Assert.Equal(["freeze", "thaw"], hook.Calls);
        Assert.Equal("thawed", freezer.Status);
        Assert.False(File.Exists(freezer.StateFile.Path));
        Assert.True(mounts.StartWriter(good).WaitCompleted());
    }

    [SkippableFact]
    public void A_mount_that_cannot_be_opened_fails_the_freeze_and_rolls_back()
    {
        using var mounts = NewMounts();
        var mnt = mounts.AddExt4("mnt");
        var missing = Path.Combine(mounts.Root, "missing");
        var freezer = NewFreezer(mounts, mounts.TableWith(new MountEntry(missing, "ext4", 7, 99)));
        var hook = new RecordingHook();

        var error = Assert.Throws<QgaException>(() => freezer.Freeze(null, hook));

        Assert.Equal($"failed to open {missing}: No such file or directory", error.Message);
        Assert.Equal(["freeze", "thaw"], hook.Calls);
        Assert.Equal("thawed", freezer.Status);
        Assert.True(mounts.StartWriter(mnt).WaitCompleted());
    }

    [SkippableFact]
    public void The_state_file_exists_empty_with_mode_0600_from_before_the_first_fifreeze_until_thaw()
    {
        using var mounts = NewMounts();
        var mnt = mounts.AddExt4("mnt");
        var freezer = NewFreezer(mounts);
        var path = Path.Combine(mounts.StateDir, "qga.state.isfrozen");
        Assert.Equal(path, freezer.StateFile.Path);
        var seen = new List<string>();
        var hook = new RecordingHook { Observe = arg => seen.Add($"{arg} hook: {File.Exists(path)}") };
        freezer.IoctlObserver = call => seen.Add($"{call.Split(' ')[0]}: {File.Exists(path)}");

        freezer.Freeze([mnt], hook);

        Assert.True(File.Exists(path));
        Assert.Equal(0, new FileInfo(path).Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        freezer.Thaw(hook);
        Assert.False(File.Exists(path));
        Assert.Equal(["freeze hook: False", "FIFREEZE: True", "FITHAW: True", "FITHAW: True", "thaw hook: False"], seen);
    }

    [SkippableFact]
    public void A_symlink_in_place_of_the_state_file_is_not_followed()
    {
        using var mounts = NewMounts();
        var mnt = mounts.AddExt4("mnt");
        var target = Path.Combine(mounts.Root, "target");
        var freezer = NewFreezer(mounts);
        File.CreateSymbolicLink(freezer.StateFile.Path, target);

        Assert.Equal(1, freezer.Freeze([mnt], new RecordingHook()));
        Assert.False(File.Exists(target));
        freezer.Thaw(new RecordingHook());
    }

    [SkippableFact]
    public void After_a_restart_while_frozen_the_agent_comes_up_frozen_and_thaw_runs_the_thaw_hook()
    {
        using var mounts = NewMounts();
        var mnt = mounts.AddExt4("mnt");
        var first = NewFreezer(mounts);
        var firstHook = new RecordingHook();
        Assert.Equal(1, first.Freeze([mnt], firstHook));
        var writer = mounts.StartWriter(mnt);
        Assert.True(writer.WaitBlocked());

        // A new agent process: fresh state, same state directory.
        var second = NewFreezer(mounts);
        Assert.True(second.RecoverAtStartup());
        Assert.True(second.State.IsFrozen);
        Assert.True(second.ThawHookOwed);
        var hook = new RecordingHook();

        Assert.Equal(1, second.Thaw(hook));
        Assert.Equal(["thaw"], hook.Calls);
        Assert.True(writer.WaitCompleted());
        Assert.False(File.Exists(second.StateFile.Path));
        Assert.False(second.State.IsFrozen);
        Assert.False(NewFreezer(mounts).RecoverAtStartup());
    }

    [SkippableFact]
    public void Thaw_while_not_frozen_returns_zero_and_runs_no_hook()
    {
        using var mounts = NewMounts();
        mounts.AddExt4("mnt");
        var freezer = NewFreezer(mounts);
        var hook = new RecordingHook();

        Assert.Equal(0, freezer.Thaw(hook));
        Assert.Empty(hook.Calls);
        Assert.Equal("thawed", freezer.Status);
    }

    [SkippableFact]
    public void A_failing_freeze_hook_freezes_nothing_and_owes_no_thaw_hook()
    {
        using var mounts = NewMounts();
        var mnt = mounts.AddExt4("mnt");
        var freezer = NewFreezer(mounts);
        var hook = new RecordingHook { FailFreeze = "fsfreeze hook has failed with status 3" };

        var error = Assert.Throws<QgaException>(() => freezer.Freeze([mnt], hook));

        Assert.Equal("fsfreeze hook has failed with status 3", error.Message);
        Assert.Equal(["freeze"], hook.Calls);
        Assert.False(File.Exists(freezer.StateFile.Path));
        Assert.Equal("thawed", freezer.Status);
        Assert.True(mounts.StartWriter(mnt).WaitCompleted());
        hook.FailFreeze = null;
        Assert.Equal(0, freezer.Thaw(hook));
        Assert.Equal(["freeze"], hook.Calls);
    }

    [SkippableFact]
    public void A_failing_thaw_hook_fails_the_thaw_after_the_filesystems_are_thawed()
    {
        using var mounts = NewMounts();
        var mnt = mounts.AddExt4("mnt");
        var freezer = NewFreezer(mounts);
        var hook = new RecordingHook();
        Assert.Equal(1, freezer.Freeze([mnt], hook));
        var writer = mounts.StartWriter(mnt);
        Assert.True(writer.WaitBlocked());
        hook.FailThaw = "fsfreeze hook has failed with status 3";

        var error = Assert.Throws<QgaException>(() => freezer.Thaw(hook));

        Assert.Equal("fsfreeze hook has failed with status 3", error.Message);
        Assert.True(writer.WaitCompleted());
        Assert.Equal("thawed", freezer.Status);
        Assert.False(File.Exists(freezer.StateFile.Path));
        Assert.False(freezer.ThawHookOwed);
    }

    [SkippableFact]
    public void A_mount_table_failure_after_the_freeze_hook_runs_the_thaw_hook_and_returns_the_error()
    {
        using var mounts = NewMounts();
        var freezer = NewFreezer(mounts, new FailingTable());
        var hook = new RecordingHook();

        var error = Assert.Throws<QgaException>(() => freezer.Freeze(null, hook));

        Assert.Equal("failed to open mtab file: '/proc/self/mounts'", error.Message);
        Assert.Equal(["freeze", "thaw"], hook.Calls);
        Assert.Equal("thawed", freezer.Status);
    }

    [SkippableFact]
    public void Frozen_state_changes_are_announced_once_each_way()
    {
        using var mounts = NewMounts();
        var mnt = mounts.AddExt4("mnt");
        var state = new FrozenState();
        var freezer = new Freezer(state, logger: null, mounts.StateDir, mounts.Table);
        var changes = new List<bool>();
        state.Changed += changes.Add;

        freezer.Freeze([mnt], new RecordingHook());
        freezer.Thaw(new RecordingHook());

        Assert.Equal([true, false], changes);
    }

    [SkippableFact]
    public void The_log_is_held_from_before_the_first_fifreeze_until_after_thaw()
    {
        using var mounts = NewMounts();
        var mnt = mounts.AddExt4("mnt");
        var stderr = new StringWriter();
        using var logger = new QgaKit.Logging.AgentLogger(verbose: true, logFile: null, stderr, utcNow: null, journal: false);
        var freezer = new Freezer(new FrozenState(), logger, mounts.StateDir, mounts.Table);
        var holding = new List<string>();
        freezer.IoctlObserver = call => holding.Add($"{call.Split(' ')[0]} holding={logger.IsHolding}");

        freezer.Freeze([mnt], new RecordingHook());
        logger.Info("a line while frozen");
        var whileFrozen = stderr.ToString();
        freezer.Thaw(new RecordingHook());
        var afterThaw = stderr.ToString();

        Assert.Equal(["FIFREEZE holding=True", "FITHAW holding=True", "FITHAW holding=True"], holding);
        Assert.Contains("info: guest-fsfreeze called", whileFrozen, StringComparison.Ordinal);
        Assert.Contains("warning: disabling logging due to filesystem freeze", whileFrozen, StringComparison.Ordinal);
        Assert.DoesNotContain("a line while frozen", whileFrozen, StringComparison.Ordinal);
        Assert.Contains("a line while frozen", afterThaw, StringComparison.Ordinal);
        Assert.Contains("warning: logging re-enabled due to filesystem unfreeze", afterThaw, StringComparison.Ordinal);
        Assert.False(logger.IsHolding);
    }

    [SkippableFact]
    public void An_exit_while_frozen_thaws_and_runs_the_owed_thaw_hook()
    {
        using var mounts = NewMounts();
        var mnt = mounts.AddExt4("mnt");
        var freezer = NewFreezer(mounts);
        var hook = new RecordingHook();
        freezer.ExitHook = hook;
        Assert.Equal(1, freezer.Freeze([mnt], hook));
        var writer = mounts.StartWriter(mnt);
        Assert.True(writer.WaitBlocked());

        freezer.CleanupAtExit();

        Assert.True(writer.WaitCompleted());
        Assert.Equal(["freeze", "thaw"], hook.Calls);
        Assert.False(File.Exists(freezer.StateFile.Path));
        freezer.CleanupAtExit();
        Assert.Equal(["freeze", "thaw"], hook.Calls);
    }

    [Fact]
    public void A_state_file_that_cannot_be_examined_counts_as_frozen_at_startup()
    {
        // qemu-ga's check_is_frozen returns EXIT_FAILURE (true) when stat fails with anything but ENOENT.
        var root = Directory.CreateTempSubdirectory("qgakit-state-").FullName;
        try
        {
            var notADirectory = Path.Combine(root, "file");
            File.WriteAllText(notADirectory, string.Empty);
            var freezer = new Freezer(new FrozenState(), logger: null, notADirectory, new FailingTable());

            Assert.True(freezer.StateFile.Exists(out var error));
            Assert.Equal($"unable to access state file at path {notADirectory}/qga.state.isfrozen: Not a directory", error);
            Assert.True(freezer.RecoverAtStartup());
            Assert.True(freezer.State.IsFrozen);
            Assert.Equal("frozen", freezer.Status);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void No_state_file_means_thawed_at_startup()
    {
        var root = Directory.CreateTempSubdirectory("qgakit-state-").FullName;
        try
        {
            var freezer = new Freezer(new FrozenState(), logger: null, root, new FailingTable());

            Assert.False(freezer.RecoverAtStartup());
            Assert.False(freezer.State.IsFrozen);
            Assert.False(freezer.ThawHookOwed);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private sealed class FailingTable : IMountTableSource
    {
        public IReadOnlyList<MountEntry> Read() => throw new QgaException(FreezeTexts.CannotOpenMtab(ProcMountTable.MountsPath));
    }
}
