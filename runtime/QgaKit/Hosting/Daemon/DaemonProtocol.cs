namespace QgaKit.Hosting.Daemon;

/// <summary>How the <c>-d</c> parent and its re-executed child talk: the child gets the write end of a status pipe
/// as fd 3 (named in <see cref="StatusFdVariable"/>) and its stderr on a second pipe that the parent copies to its
/// own stderr until the child is ready.</summary>
internal static class DaemonProtocol
{
    public const string StatusFdVariable = "QGAKIT_DAEMON_STATUS_FD";

    public const int StatusFd = 3;

    /// <summary>Written once by the child when it serves; anything else (end of file) means it failed.</summary>
    public static readonly byte[] Ready = "READY\n"u8.ToArray();
}
