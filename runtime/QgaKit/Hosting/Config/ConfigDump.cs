using System;
using System.Collections.Generic;
using System.Text;

namespace QgaKit.Hosting.Config;

/// <summary>
/// qemu-ga's <c>config_dump</c> (<c>-D</c>): the merged configuration as a key file, keys in qemu-ga's order —
/// daemon, method, path (if set), logfile (if set), pidfile, fsfreeze-hook (if set), then the kit's keys when set
/// (other hooks in catalog order, hook-timeout, hook-log, hook-allow-untrusted), statedir, verbose, retry-path,
/// block-rpcs (always, maybe empty) and allow-rpcs (when set; 10.2 always prints it). Each source's RPC list comes
/// out reversed, sources in order (qemu-ga prepends while splitting and appends sources).
/// </summary>
public static class ConfigDump
{
    public static string Format(AgentConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.Options;
        var file = new KeyFileWriter(ConfigKeys.Group);
        file.SetBoolean(ConfigKeys.Daemon, options.Daemonize);
        file.SetString(ConfigKeys.Method, options.Method);
        if (options.Path is not null)
        {
            file.SetString(ConfigKeys.Path, options.Path);
        }

        if (options.LogFile is not null)
        {
            file.SetString(ConfigKeys.LogFile, options.LogFile);
        }

        file.SetString(ConfigKeys.PidFile, options.PidFile);
        if (options.HookPaths.TryGetValue(HookNames.Fsfreeze, out var fsfreeze))
        {
            file.SetString(ConfigKeys.FsfreezeHook, fsfreeze);
        }

        foreach (var hook in configuration.Hooks.Hooks)
        {
            if (hook.Name != HookNames.Fsfreeze && options.HookPaths.TryGetValue(hook.Name, out var path))
            {
                file.SetString(ConfigKeys.Hook(hook.Name), path);
            }
        }

        if (configuration.IsKitKeySet(ConfigKeys.HookTimeout))
        {
            file.SetInteger(ConfigKeys.HookTimeout, options.HookTimeoutSeconds);
        }

        if (configuration.IsKitKeySet(ConfigKeys.HookLog))
        {
            file.SetBoolean(ConfigKeys.HookLog, options.HookLog);
        }

        if (configuration.IsKitKeySet(ConfigKeys.HookAllowUntrusted))
        {
            file.SetBoolean(ConfigKeys.HookAllowUntrusted, options.HookAllowUntrusted);
        }

        file.SetString(ConfigKeys.StateDir, options.StateDir);
        file.SetBoolean(ConfigKeys.Verbose, options.Verbose);
        file.SetBoolean(ConfigKeys.RetryPath, options.RetryPath);
        file.SetString(ConfigKeys.BlockRpcs, JoinReversed(configuration.BlockSources));
        if (configuration.AllowSources.Count > 0)
        {
            file.SetString(ConfigKeys.AllowRpcs, JoinReversed(configuration.AllowSources));
        }

        return file.ToString();
    }

    private static string JoinReversed(IReadOnlyList<string[]> sources)
    {
        var text = new StringBuilder();
        var first = true;
        foreach (var source in sources)
        {
            for (var i = source.Length - 1; i >= 0; i--)
            {
                if (!first)
                {
                    text.Append(',');
                }

                text.Append(source[i]);
                first = false;
            }
        }

        return text.ToString();
    }
}
