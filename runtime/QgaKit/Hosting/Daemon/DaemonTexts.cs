using System.Globalization;

namespace QgaKit.Hosting.Daemon;

// Daemon-mode texts: qemu-ga's (qemu_write_pidfile, become_daemon) where it has them, the kit's own otherwise.
internal static class DaemonTexts
{
    public static string CouldNotCreate(string path, string strerror) => $"Could not create '{path}': {strerror}";

    public static string CannotLock(string strerror) => $"Cannot lock pid file: {strerror}";

    public static string FailedToTruncate(string strerror) => $"Failed to truncate pid file: {strerror}";

    public const string FailedToWrite = "Failed to write pid file";

    public const string FailedToDaemonize = "failed to daemonize";

    public static string SpawnFailed(string strerror) => $"failed to daemonize: {strerror}";

    public static string ChildExited(int code) => string.Create(CultureInfo.InvariantCulture, $"failed to daemonize: the agent exited with status {code} before it was ready");

    public static string ChildKilled(int signal) => string.Create(CultureInfo.InvariantCulture, $"failed to daemonize: the agent was killed by signal {signal} before it was ready");
}
