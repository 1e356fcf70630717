using System;
using System.Runtime.InteropServices;

namespace QgaKit.Interop;

/// <summary>errno values the kit tests for, and strerror texts exactly as qemu-ga prints them.</summary>
internal static unsafe partial class Errno
{
    public const int EPERM = 1;
    public const int ENOENT = 2;
    public const int ESRCH = 3;
    public const int EINTR = 4;
    public const int ENOEXEC = 8;
    public const int ECHILD = 10;
    public const int EAGAIN = 11;
    public const int ENOMEM = 12;
    public const int EACCES = 13;
    public const int EINVAL = 22;
    public const int ETXTBSY = 26;
    public const int EMFILE = 24;
    public const int ENOSYS = 38;

    private const int LC_ALL_MASK = 0x1fbf; // glibc: every category bit except LC_ALL's own (6)

    // qemu-ga runs in the C locale (it never calls setlocale), so its texts are glibc's untranslated ones.
    // strerror_l with a "C" locale object gives exactly those, whatever LANG the agent inherited.
    private static nint s_cLocale;

    /// <summary>The C-locale strerror text of <paramref name="errno"/>, e.g. <c>No such file or directory</c>.</summary>
    public static string Describe(int errno)
    {
        nint locale = CLocale();
        if (locale != 0)
        {
            byte* text = strerror_l(errno, locale);
            if (text != null)
            {
                return Marshal.PtrToStringUTF8((nint)text) ?? Fallback(errno);
            }
        }

        return Fallback(errno);
    }

    /// <summary>errno of the last LibraryImport call declared with <c>SetLastError = true</c>.</summary>
    public static int Last => Marshal.GetLastPInvokeError();

    private static nint CLocale()
    {
        nint locale = s_cLocale;
        if (locale == 0)
        {
            fixed (byte* c = "C"u8)
            {
                locale = newlocale(LC_ALL_MASK, c, 0);
            }

            // Another thread may have won the race; the loser's object is freed so it does not leak.
            nint previous = System.Threading.Interlocked.CompareExchange(ref s_cLocale, locale, 0);
            if (previous != 0)
            {
                if (locale != 0)
                {
                    freelocale(locale);
                }

                locale = previous;
            }
        }

        return locale;
    }

    // Only reached when newlocale fails (out of memory): glibc's texts for the errors hooks can hit.
    private static string Fallback(int errno) => errno switch
    {
        EPERM => "Operation not permitted",
        ENOENT => "No such file or directory",
        ESRCH => "No such process",
        EINTR => "Interrupted system call",
        ENOEXEC => "Exec format error",
        ECHILD => "No child processes",
        EAGAIN => "Resource temporarily unavailable",
        ENOMEM => "Cannot allocate memory",
        EACCES => "Permission denied",
        EINVAL => "Invalid argument",
        ETXTBSY => "Text file busy",
        EMFILE => "Too many open files",
        ENOSYS => "Function not implemented",
        _ => "Unknown error " + errno.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [LibraryImport("libc.so.6")]
    private static partial byte* strerror_l(int errnum, nint locale);

    [LibraryImport("libc.so.6")]
    private static partial nint newlocale(int categoryMask, byte* locale, nint baseLocale);

    [LibraryImport("libc.so.6")]
    private static partial void freelocale(nint locale);
}
