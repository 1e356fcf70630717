using System.Globalization;
using QgaKit.Interop;

namespace QgaKit.Hooks;

/// <summary>Every text the hook runner produces, in one place. The first five are qemu-ga 7.2's
/// (<c>execute_fsfreeze_hook</c>) with the hook's name; the others belong to the kit's additions.</summary>
internal static class HookTexts
{
    public static string CantAccess(string name, string path, int errno) => $"can't access {name} hook '{path}': {Errno.Describe(errno)}";

    public static string CreateChildFailed(int errno) => "failed to create child process: " + Errno.Describe(errno);

    public static string WaitFailed(int pid, int errno) => $"failed to wait for child (pid: {N(pid)}): {Errno.Describe(errno)}";

    public static string TerminatedAbnormally(string name) => name + " hook has terminated abnormally";

    public static string FailedWithStatus(string name, int status) => $"{name} hook has failed with status {N(status)}";

    public static string Executing(string name, string argument) => $"executing {name} hook with arg '{argument}'";

    // qemu-ga 7.2's child calls _exit(1) after a failed exec and reports "failed with status 1"; posix_spawn
    // tells us the real errno, so it is named.
    public static string ExecFailed(string name, string path, int errno) => $"failed to execute {name} hook '{path}': {Errno.Describe(errno)}";

    public static string TimedOut(string name, int seconds) => $"{name} hook has timed out after {N(seconds)} seconds";

    public static string NotTrusted(string name, string path, string reason) => $"{name} hook '{path}' is not trusted: {reason}";

    public static string RefusedAsPid1(string name) =>
        $"{name} hook not run: the agent is process 1, where the .NET runtime reaps every child and the hook's exit status " +
        "would be lost; start the agent through QgaKit's pid-1 shim (QgaKit.Hooks.ChildSignals.RunInitShimIfPid1) or under an init such as tini";

    public static string Terminating(string name, int pid, string why) => $"{name} hook (pid {N(pid)}) {why}: sending SIGTERM to its process group";

    public static string Killing(string name, int pid) => $"{name} hook (pid {N(pid)}) still running after SIGTERM: sending SIGKILL to its process group";

    public static string NotReaped(string name, int pid) => $"{name} hook (pid {N(pid)}) did not exit after SIGKILL; it will be reaped when it does";

    public static string OutputLine(string name, string line) => $"{name} hook: {line}";

    public static string OutputTruncated(string name, int limit) => $"{name} hook: output beyond {N(limit)} bytes not logged";

    // Trust-check reasons (the part after "is not trusted: ").
    public static string NotRegularFile() => "the file is not a regular file";

    public static string FileOwner(uint uid, uint euid) => "the file is owned by uid " + N(uid) + ", " + AllowedOwners(euid);

    public static string FileWritable(string who) => "the file is writable by " + who;

    public static string NotDirectory(string dir) => $"'{dir}' is not a directory";

    public static string DirectoryOwner(string dir, uint uid, uint euid) => $"directory '{dir}' is owned by uid {N(uid)}, {AllowedOwners(euid)}";

    public static string DirectoryWritable(string dir, string who) => $"directory '{dir}' is writable by {who} and has no sticky bit";

    private static string AllowedOwners(uint euid) => euid == 0 ? "not by root" : $"neither by root nor by the agent's user (uid {N(euid)})";

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
