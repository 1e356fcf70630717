namespace QgaKit.Generators.Tests;

/// <summary>The test sources of the snapshot and behaviour tests.</summary>
internal static class Scenarios
{
    /// <summary>The seed's mapping: thaw = 0, freeze = 1.</summary>
    public const string FsfreezeHook = """
        namespace Acme.Freezing;

        [QgaKit.Hook("fsfreeze", DefaultPath = "/etc/qemu/fsfreeze-hook")]
        public enum FsfreezeHookArg
        {
            [QgaKit.HookArgument("thaw")] Thaw,
            [QgaKit.HookArgument("freeze")] Freeze,
        }
        """;

    public const string BackupCommands = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using QgaKit;

        namespace Acme.Backup;

        [Hook("pre-backup")]
        public enum PreBackupArg
        {
            [HookArgument("prepare")] Prepare,
            [HookArgument("done")] Done,
        }

        public enum Level { Low, High, VeryHigh }

        public sealed record BackupInfo(string Label, long Size, IReadOnlyList<string> Paths, string? Note = null);

        public partial class BackupCommands
        {
            private readonly PreBackupHook _hook;

            public BackupCommands(PreBackupHook hook) => _hook = hook;

            [QgaCommand("guest-backup-prepare")]
            public BackupInfo Prepare(string label, long? sizeHint, IReadOnlyList<string> paths)
            {
                _hook.ExecutePrepare();
                return new BackupInfo(label, sizeHint ?? 0, paths);
            }

            [QgaCommand("guest-backup-quiesce", AllowedWhileFrozen = true)]
            public async Task<int> QuiesceAsync(Level level, CancellationToken cancellationToken)
            {
                await Task.Yield();
                return (int)level;
            }

            [QgaCommand("guest-backup-reboot", SuccessResponse = false)]
            public void Reboot()
            {
            }
        }
        """;
}
