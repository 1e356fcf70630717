using System.Runtime.InteropServices;

namespace QgaKit.Interop;

// TEMPORARY (agent core): the hooks team's Interop/Signals.cs has Signals.ResetIfIgnored; switch to it once that
// branch is merged and delete this file.

/// <summary>Undoes an inherited SIGCHLD = SIG_IGN, under which the kernel reaps children and waitpid() fails.</summary>
internal static unsafe partial class ChildSignal
{
    private const int SIGCHLD = 17;
    private const int SigactionBytes = 256; // glibc's struct sigaction is 152 bytes; room to spare
    private static readonly nint SIG_DFL = 0;
    private static readonly nint SIG_IGN = 1;

    /// <summary>Sets SIGCHLD to SIG_DFL when it is SIG_IGN; a handler the .NET runtime installed is left alone.</summary>
    public static void ResetIfIgnored()
    {
        byte* old = stackalloc byte[SigactionBytes];
        if (sigaction(SIGCHLD, null, old) == 0 && *(nint*)old == SIG_IGN)
        {
            _ = signal(SIGCHLD, SIG_DFL);
        }
    }

    [LibraryImport("libc.so.6")]
    private static partial int sigaction(int signal, void* action, void* oldAction);

    [LibraryImport("libc.so.6")]
    private static partial nint signal(int signal, nint handler);
}
