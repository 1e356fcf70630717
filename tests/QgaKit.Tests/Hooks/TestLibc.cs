using System.Runtime.InteropServices;

namespace QgaKit.Tests.Hooks;

/// <summary>libc calls the hook tests need to set up their scenarios (not part of the runtime).</summary>
internal static unsafe partial class TestLibc
{
    [LibraryImport("libc.so.6", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int chown(string path, int owner, int group);

    [LibraryImport("libc.so.6", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int setenv(string name, string value, int overwrite);

    [LibraryImport("libc.so.6", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int unsetenv(string name);

    /// <summary>dup(2): the copy has no O_CLOEXEC, like a descriptor a careless launcher leaks into the agent.</summary>
    [LibraryImport("libc.so.6")]
    public static partial int dup(int fd);

    [LibraryImport("libc.so.6")]
    public static partial int close(int fd);

    [LibraryImport("libc.so.6")]
    public static partial uint geteuid();

    [LibraryImport("libc.so.6")]
    public static partial int getpid();
}
