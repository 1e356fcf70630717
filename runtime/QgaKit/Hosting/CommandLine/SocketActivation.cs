using System;
using System.Globalization;
using QgaKit.Interop;

namespace QgaKit.Hosting.CommandLine;

/// <summary>
/// qemu-ga's systemd socket activation check (qemu's check_socket_activation, then qemu-ga's main): when
/// <c>LISTEN_PID</c> is this process and <c>LISTEN_FDS</c> is set, the descriptors from 3 on are the listening sockets
/// (made close-on-exec, the variables removed so children never see them); exactly one is supported, and its family
/// picks the method (<c>unix-listen</c> or <c>vsock-listen</c>), overriding <c>-m</c> and <c>-p</c>.
/// </summary>
public static class SocketActivation
{
    /// <summary>The first passed descriptor (SD_LISTEN_FDS_START).</summary>
    public const int FirstFd = 3;

    private static readonly string[] Variables = ["LISTEN_FDS", "LISTEN_PID"];

    /// <summary>Checks this process's environment and descriptors: null when the agent was not socket-activated;
    /// else the method, or null with qemu-ga's error text in <paramref name="error"/>.</summary>
    public static string? Detect(out string? error) =>
        Detect(
            Environment.GetEnvironmentVariable,
            Environment.ProcessId,
            SocketActivationFds.SetCloseOnExec,
            SocketActivationFds.AddressFamily,
            () =>
            {
                foreach (var name in Variables)
                {
                    Environment.SetEnvironmentVariable(name, null);
                    _ = FileOpen.Unsetenv(name);
                }
            },
            out error);

    /// <summary>Null when the agent was not socket-activated; else the method, or null with qemu-ga's error text
    /// in <paramref name="error"/> (more than one socket, or a socket that is neither unix nor vsock).</summary>
    internal static string? Detect(Func<string, string?> getEnvironment, int processId, Func<int, bool> setCloseOnExec, Func<int, int> addressFamily, Action clearEnvironment, out string? error)
    {
        error = null;
        if (!TryParse(getEnvironment("LISTEN_PID"), out var pid) || pid != (ulong)processId
            || !TryParse(getEnvironment("LISTEN_FDS"), out var count) || count == 0 || count > int.MaxValue)
        {
            return null;
        }

        for (var i = 0; i < (int)count; i++)
        {
            if (!setCloseOnExec(FirstFd + i))
            {
                return null;
            }
        }

        clearEnvironment();
        if (count > 1)
        {
            error = CommandLineTexts.OnlyOneSocket;
            return null;
        }

        switch (addressFamily(FirstFd))
        {
            case SocketActivationFds.AF_UNIX:
                return "unix-listen";
            case SocketActivationFds.AF_VSOCK:
                return "vsock-listen";
            default:
                error = CommandLineTexts.UnsupportedListenFd;
                return null;
        }
    }

    // qemu_strtoul base 10: the whole string, digits only.
    private static bool TryParse(string? value, out ulong number)
    {
        number = 0;
        return value is not null && ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }
}
