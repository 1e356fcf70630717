using System.Runtime.InteropServices;

namespace QgaKit.Interop;

/// <summary>The termios calls isa-serial needs (glibc x86-64/arm64 layout; flag values are Linux's).</summary>
internal static unsafe partial class Termios
{
    // c_iflag bits qemu-ga clears for "non-canonical, dumb byte streaming".
    public const uint IGNBRK = 0x1;
    public const uint BRKINT = 0x2;
    public const uint IGNPAR = 0x4;
    public const uint PARMRK = 0x8;
    public const uint INPCK = 0x10;
    public const uint ISTRIP = 0x20;
    public const uint INLCR = 0x40;
    public const uint IGNCR = 0x80;
    public const uint ICRNL = 0x100;
    public const uint IXON = 0x400;
    public const uint IXANY = 0x800;
    public const uint IXOFF = 0x1000;
    public const uint IMAXBEL = 0x2000;

    /// <summary><c>B38400</c>, qemu-ga's <c>GA_CHANNEL_BAUDRATE_DEFAULT</c>.</summary>
    public const uint B38400 = 0xF;

    public const int VTIME = 5;
    public const int VMIN = 6;
    public const int TCSANOW = 0;
    public const int TCIFLUSH = 0;

    /// <summary>glibc's <c>struct termios</c> (60 bytes).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct TermiosData
    {
        public uint IFlag;
        public uint OFlag;
        public uint CFlag;
        public uint LFlag;
        public byte Line;
        public fixed byte ControlChars[32];
        public uint ISpeed;
        public uint OSpeed;
    }

    [LibraryImport("libc.so.6", EntryPoint = "tcgetattr", SetLastError = true)]
    public static partial int GetAttributes(int fd, TermiosData* termios);

    [LibraryImport("libc.so.6", EntryPoint = "tcsetattr", SetLastError = true)]
    public static partial int SetAttributes(int fd, int optionalActions, TermiosData* termios);

    [LibraryImport("libc.so.6", EntryPoint = "tcflush", SetLastError = true)]
    public static partial int Flush(int fd, int queueSelector);

    [LibraryImport("libc.so.6", EntryPoint = "cfsetispeed", SetLastError = true)]
    public static partial int SetInputSpeed(TermiosData* termios, uint speed);

    [LibraryImport("libc.so.6", EntryPoint = "cfsetospeed", SetLastError = true)]
    public static partial int SetOutputSpeed(TermiosData* termios, uint speed);
}
