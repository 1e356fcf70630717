using System.Runtime.InteropServices;

namespace QgaKit.Interop;

/// <summary>Signal numbers, dispositions, signal sets and kill(2).</summary>
internal static unsafe partial class Signals
{
    public const int SIGHUP = 1;
    public const int SIGINT = 2;
    public const int SIGQUIT = 3;
    public const int SIGKILL = 9;
    public const int SIGUSR1 = 10;
    public const int SIGUSR2 = 12;
    public const int SIGPIPE = 13;
    public const int SIGTERM = 15;
    public const int SIGCHLD = 17;

    /// <summary>sizeof(sigset_t) in glibc: 1024 bits.</summary>
    public const int SigsetBytes = 128;

    // glibc's struct sigaction is 152 bytes on x86-64 and aarch64 (handler, 128-byte mask, flags, restorer);
    // the buffer is larger so a query can never write past it.
    private const int SigactionBytes = 256;

    private static readonly nint SIG_DFL = 0;
    private static readonly nint SIG_IGN = 1;

    /// <summary>Whether <paramref name="signal"/> is currently SIG_IGN in this process.</summary>
    public static bool IsIgnored(int signal)
    {
        byte* old = stackalloc byte[SigactionBytes];
        return sigaction(signal, null, old) == 0 && *(nint*)old == SIG_IGN;
    }

    /// <summary>Sets <paramref name="signal"/> to SIG_DFL if it is SIG_IGN; returns whether it changed it.
    /// Handlers that are installed (the .NET runtime's) are left alone.</summary>
    public static bool ResetIfIgnored(int signal)
    {
        if (!IsIgnored(signal))
        {
            return false;
        }

        _ = signal_(signal, SIG_DFL);
        return true;
    }

    /// <summary>kill(2); returns 0 or the errno.</summary>
    public static int Kill(int pid, int signal) => kill(pid, signal) == 0 ? 0 : Errno.Last;

    [LibraryImport("libc.so.6")]
    public static partial int getpid();

    [LibraryImport("libc.so.6")]
    public static partial int sigfillset(void* set);

    [LibraryImport("libc.so.6")]
    public static partial int sigemptyset(void* set);

    [LibraryImport("libc.so.6")]
    public static partial int sigdelset(void* set, int signal);

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int kill(int pid, int signal);

    [LibraryImport("libc.so.6")]
    private static partial int sigaction(int signal, void* action, void* oldAction);

    [LibraryImport("libc.so.6", EntryPoint = "signal")]
    private static partial nint signal_(int signal, nint handler);
}
