using System;

namespace QgaKit.Hosting.Config;

/// <summary>Which config file qemu-ga reads: <c>-c PATH</c> (10.2; must exist), else <c>$QGA_CONF</c> (even when
/// empty), else <c>/etc/qemu/qemu-ga.conf</c>; a missing file is fine unless it came from <c>-c</c>.</summary>
public readonly record struct ConfigLocation(string Path, bool Required)
{
    public const string DefaultPath = "/etc/qemu/qemu-ga.conf";

    public const string EnvironmentVariable = "QGA_CONF";

    public static ConfigLocation Resolve(string? commandLinePath, Func<string, string?> getEnvironment)
    {
        ArgumentNullException.ThrowIfNull(getEnvironment);
        if (commandLinePath is not null)
        {
            return new ConfigLocation(commandLinePath, true);
        }

        return new ConfigLocation(getEnvironment(EnvironmentVariable) ?? DefaultPath, false);
    }
}
