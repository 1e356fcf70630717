using System;
using System.IO;
using QgaKit.Interop;

namespace QgaKit.Hosting.Config;

/// <summary>qemu-ga's <c>config_load</c>: reads <c>[general]</c> of the config file into the configuration. Unknown
/// groups and keys are ignored. Keys are read in qemu-ga's order (the kit's after them) and only the first error is
/// reported, as qemu-ga reports the first GError.</summary>
public static class ConfigFileLoader
{
    /// <summary>Loads <paramref name="location"/>; a missing file that is not <see cref="ConfigLocation.Required"/> is
    /// fine. Throws <see cref="KeyFileException"/> with GLib's text; <paramref name="warn"/> gets qemu-ga's warnings.</summary>
    public static void Load(AgentConfiguration configuration, ConfigLocation location, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(warn);
        var data = ReadFile(location);
        if (data is not null)
        {
            Apply(configuration, KeyFile.Parse(data), warn);
        }
    }

    /// <summary>Applies an already parsed key file (config_load after g_key_file_load_from_file).</summary>
    public static void Apply(AgentConfiguration configuration, KeyFile file, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(warn);
        const string g = ConfigKeys.Group;
        var options = configuration.Options;
        if (file.HasKey(g, ConfigKeys.Daemon))
        {
            options.Daemonize = file.GetBoolean(g, ConfigKeys.Daemon);
        }

        if (file.HasKey(g, ConfigKeys.Method))
        {
            options.Method = file.GetString(g, ConfigKeys.Method);
        }

        if (file.HasKey(g, ConfigKeys.Path))
        {
            options.Path = file.GetString(g, ConfigKeys.Path);
        }

        if (file.HasKey(g, ConfigKeys.LogFile))
        {
            options.LogFile = file.GetString(g, ConfigKeys.LogFile);
        }

        if (file.HasKey(g, ConfigKeys.PidFile))
        {
            options.PidFile = file.GetString(g, ConfigKeys.PidFile);
        }

        // fsfreeze-hook is used as given: the file has no "use the default" spelling.
        if (file.HasKey(g, ConfigKeys.FsfreezeHook))
        {
            options.HookPaths[HookNames.Fsfreeze] = file.GetString(g, ConfigKeys.FsfreezeHook);
        }

        if (file.HasKey(g, ConfigKeys.StateDir))
        {
            options.StateDir = file.GetString(g, ConfigKeys.StateDir);
        }

        // "verbose=false" does not turn off what is already on (qemu-ga only ever raises the log level here).
        if (file.HasKey(g, ConfigKeys.Verbose) && file.GetBoolean(g, ConfigKeys.Verbose))
        {
            options.Verbose = true;
        }

        if (file.HasKey(g, ConfigKeys.RetryPath))
        {
            options.RetryPath = file.GetBoolean(g, ConfigKeys.RetryPath);
        }

        var blockKey = ConfigKeys.BlockRpcs;
        if (file.HasKey(g, ConfigKeys.Blacklist))
        {
            warn(CommandLine.CommandLineTexts.DeprecatedBlacklistKey);
            blockKey = ConfigKeys.Blacklist;
        }

        if (file.HasKey(g, blockKey))
        {
            configuration.AddBlockRpcs(file.GetString(g, blockKey));
        }

        if (file.HasKey(g, ConfigKeys.AllowRpcs))
        {
            configuration.AddAllowRpcs(file.GetString(g, ConfigKeys.AllowRpcs));
        }

        foreach (var hook in configuration.Hooks.Hooks)
        {
            var key = ConfigKeys.Hook(hook.Name);
            if (hook.Name != HookNames.Fsfreeze && file.HasKey(g, key))
            {
                options.HookPaths[hook.Name] = file.GetString(g, key);
            }
        }

        if (file.HasKey(g, ConfigKeys.HookTimeout))
        {
            var seconds = file.GetInteger(g, ConfigKeys.HookTimeout);
            if (seconds < 0)
            {
                throw new KeyFileException(KeyFileTexts.CannotInterpretInGroup(ConfigKeys.HookTimeout, g));
            }

            configuration.SetHookTimeout(seconds);
        }

        if (file.HasKey(g, ConfigKeys.HookLog))
        {
            configuration.SetHookLog(file.GetBoolean(g, ConfigKeys.HookLog));
        }

        if (file.HasKey(g, ConfigKeys.HookAllowUntrusted))
        {
            configuration.SetHookAllowUntrusted(file.GetBoolean(g, ConfigKeys.HookAllowUntrusted));
        }
    }

    // g_key_file_load_from_file: open, fstat (a regular file only), read. Errors carry strerror's text; a missing
    // optional file is no error (qemu-ga ignores G_FILE_ERROR_NOENT unless the file came from -c).
    private static byte[]? ReadFile(ConfigLocation location)
    {
        var error = ConfigFileReader.TryRead(location.Path, out var data);
        if (error == 0)
        {
            return data;
        }

        if (error == ConfigFileReader.NotRegularFile)
        {
            throw new KeyFileException(KeyFileTexts.NotRegularFile);
        }

        if (error == Errno.ENOENT && !location.Required)
        {
            return null;
        }

        throw new KeyFileException(Errno.Describe(error));
    }
}
