namespace QgaKit.Hosting.Config;

/// <summary>qemu-ga's config keys (group <c>[general]</c>) and the kit's additions.</summary>
public static class ConfigKeys
{
    public const string Group = "general";
    public const string Daemon = "daemon";
    public const string Method = "method";
    public const string Path = "path";
    public const string LogFile = "logfile";
    public const string PidFile = "pidfile";
    public const string FsfreezeHook = "fsfreeze-hook";
    public const string StateDir = "statedir";
    public const string Verbose = "verbose";
    public const string RetryPath = "retry-path";
    public const string BlockRpcs = "block-rpcs";

    /// <summary>qemu-ga 7.2's deprecated spelling; when present it is read instead of <see cref="BlockRpcs"/>.</summary>
    public const string Blacklist = "blacklist";

    /// <summary>qemu-ga 10.2.</summary>
    public const string AllowRpcs = "allow-rpcs";

    public const string HookTimeout = "hook-timeout";
    public const string HookLog = "hook-log";
    public const string HookAllowUntrusted = "hook-allow-untrusted";

    /// <summary><c>NAME-hook</c>, the key of every hook type (<c>fsfreeze-hook</c> included).</summary>
    public static string Hook(string hookName) => hookName + "-hook";
}
