namespace QgaKit.Freezing;

/// <summary>qemu-ga 7.2's texts for freezing and frozen state (qga/commands-posix.c, commands-linux.c, main.c), in one place.</summary>
public static class FreezeTexts
{
    public const string StateFileName = "qga.state.isfrozen";

    public const string FreezeCalled = "guest-fsfreeze called";

    public const string ThawCalled = "guest-fsthaw called";

    public const string LoggingDisabled = "disabling logging due to filesystem freeze";

    public const string LoggingReenabled = "logging re-enabled due to filesystem unfreeze";

    public static string CannotOpenMtab(string path) => $"failed to open mtab file: '{path}'";

    public static string FailedToOpen(string dir, string error) => $"failed to open {dir}: {error}";

    public static string FailedToFreeze(string dir, string error) => $"failed to freeze {dir}: {error}";

    public static string UnableToCreate(string path) => $"unable to create {path}, fsfreeze may not function properly";

    public static string UnableToDelete(string path) => $"unable to delete {path}, fsfreeze may not function properly";

    public static string CleanupFailed(string error) => $"failed to clean up frozen filesystems: {error}";

    public static string UnableToAccess(string path, string error) => $"unable to access state file at path {path}: {error}";

    public static string PreviousInstanceFrozen(string path) =>
        "previous instance appears to have exited with frozen filesystems. deferring logging/pidfile creation and "
        + "disabling non-fsfreeze-safe commands until guest-fsfreeze-thaw is issued, or filesystems are manually "
        + $"unfrozen and the file {path} is removed";
}
