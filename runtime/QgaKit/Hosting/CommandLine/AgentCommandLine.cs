using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using QgaKit.Hooks;
using QgaKit.Hosting.Config;

namespace QgaKit.Hosting.CommandLine;

/// <summary>
/// qemu-ga's start-up up to the point where it opens its channel (<c>main</c>, <c>config_load</c>, <c>config_parse</c>):
/// read the config file, apply the command line over it, fill in default paths, and handle <c>-h</c>, <c>-V</c>,
/// <c>-D</c> and <c>-b help</c>/<c>-a help</c>. Texts, streams and exit codes are qemu-ga's.
/// </summary>
public static class AgentCommandLine
{
    /// <summary>Parses qemu-ga's command line and config file.</summary>
    /// <param name="args">The arguments after argv[0].</param>
    /// <param name="argv0">The program name for messages (see <see cref="DefaultArgv0"/>).</param>
    /// <param name="hooks">Every hook type: gives <c>--NAME-hook</c>, <c>NAME-hook</c>, their <c>-h</c> and <c>-D</c> lines.</param>
    /// <param name="stdout">Where <c>-h</c>, <c>-V</c>, <c>-D</c>, <c>-b help</c> and "Unknown option" go.</param>
    /// <param name="stderr">Where getopt's and GLib's messages go.</param>
    /// <param name="commandNames">Every command name in registration order, for <c>-b help</c>/<c>-a help</c>.</param>
    public static CommandLineResult Parse(string[] args, string argv0, HookCatalog hooks, TextWriter stdout, TextWriter stderr, Func<IReadOnlyList<string>> commandNames) =>
        Parse(args, argv0, hooks, stdout, stderr, commandNames, Environment.GetEnvironmentVariable, null, SocketActivation.Detect);

    /// <param name="args">The arguments after argv[0].</param>
    /// <param name="argv0">The program name for messages.</param>
    /// <param name="hooks">Every hook type.</param>
    /// <param name="stdout">Standard output.</param>
    /// <param name="stderr">Standard error.</param>
    /// <param name="commandNames">Command names for <c>-b help</c>.</param>
    /// <param name="getEnvironment">Reads <c>QGA_CONF</c> and <c>POSIXLY_CORRECT</c> (tests pass their own).</param>
    /// <param name="version">The version <c>-V</c> and <c>-h</c> print; null for the kit's assembly version.</param>
    /// <param name="detectSocketActivation">systemd socket activation (<see cref="SocketActivation.Detect(out string?)"/>);
    /// null never detects it (tests).</param>
    public static CommandLineResult Parse(
        string[] args,
        string argv0,
        HookCatalog hooks,
        TextWriter stdout,
        TextWriter stderr,
        Func<IReadOnlyList<string>> commandNames,
        Func<string, string?> getEnvironment,
        string? version,
        SocketActivationDetector? detectSocketActivation = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(argv0);
        ArgumentNullException.ThrowIfNull(hooks);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(commandNames);
        ArgumentNullException.ThrowIfNull(getEnvironment);
        version ??= KitVersion;
        detectSocketActivation ??= NoSocketActivation;

        var table = AgentOptionTable.Create(hooks);
        var posixlyCorrect = getEnvironment("POSIXLY_CORRECT") is not null;

        // qemu-ga 10.2 reads the command line twice: once for -c (errors are reported by the second pass), then the
        // config file, then everything else over it. 7.2 reads the config file first too, so a broken file fails -h.
        string? configArgument = null;
        foreach (var item in new GetoptParser(argv0, AgentOptionTable.ShortOptions, table.LongOptions, posixlyCorrect).Parse(args))
        {
            if (item.Id == 'c')
            {
                configArgument = item.Argument;
            }
        }

        var configuration = new AgentConfiguration(hooks);
        var location = ConfigLocation.Resolve(configArgument, getEnvironment);
        try
        {
            ConfigFileLoader.Load(configuration, location, warning => GLibConsoleMessage.Warning(stderr, warning));
        }
        catch (KeyFileException e)
        {
            GLibConsoleMessage.Critical(stderr, CommandLineTexts.ConfigLoadError(location.Path, e.Message));
            return CommandLineResult.Exit(1, configPath: location.Path);
        }

        var options = configuration.Options;
        var dumpConf = false;
        var parser = new GetoptParser(argv0, AgentOptionTable.ShortOptions, table.LongOptions, posixlyCorrect);
        foreach (var item in parser.Parse(args))
        {
            if (item.IsError)
            {
                stderr.Write(item.Error + "\n");
                stderr.Flush();
                stdout.Write(CommandLineTexts.UnknownOption(argv0) + "\n");
                stdout.Flush();
                return CommandLineResult.Exit(1, parser.Operands, location.Path);
            }

            var argument = item.Argument;
            switch (item.Id)
            {
                case 'm':
                    options.Method = argument!;
                    break;
                case 'p':
                    options.Path = argument;
                    break;
                case 'l':
                    options.LogFile = argument;
                    break;
                case 'f':
                    options.PidFile = argument!;
                    break;
                case 'F':
                    options.HookPaths[HookNames.Fsfreeze] = argument ?? configuration.DefaultHookPath(HookNames.Fsfreeze);
                    break;
                case 't':
                    options.StateDir = argument!;
                    break;
                case 'v':
                    options.Verbose = true;
                    break;
                case 'V':
                    return Print(stdout, CommandLineTexts.Version(version) + "\n", parser, location);
                case 'd':
                    options.Daemonize = true;
                    break;
                case 'D':
                    dumpConf = true;
                    break;
                case 'r':
                    options.RetryPath = true;
                    break;
                case 'b':
                    if (IsHelpOption(argument!))
                    {
                        return Print(stdout, CommandList(commandNames()), parser, location);
                    }

                    configuration.AddBlockRpcs(argument!);
                    break;
                case 'a':
                    if (IsHelpOption(argument!))
                    {
                        return Print(stdout, CommandList(commandNames()), parser, location);
                    }

                    configuration.AddAllowRpcs(argument!);
                    break;
                case 'h':
                    return Print(stdout, UsageText.Format(argv0, version, hooks), parser, location);
                case AgentOptionTable.HookTimeoutId:
                    if (!TryParseSeconds(argument!, out var seconds))
                    {
                        GLibConsoleMessage.Critical(stderr, CommandLineTexts.InvalidHookTimeout(argument!));
                        return CommandLineResult.Exit(1, parser.Operands, location.Path);
                    }

                    configuration.SetHookTimeout(seconds);
                    break;
                case AgentOptionTable.HookLogId:
                    configuration.SetHookLog(true);
                    break;
                case AgentOptionTable.HookAllowUntrustedId:
                    configuration.SetHookAllowUntrusted(true);
                    break;
                case >= AgentOptionTable.NamedHookBaseId:
                    var hook = hooks.Hooks[item.Id - AgentOptionTable.NamedHookBaseId];
                    options.HookPaths[hook.Name] = argument ?? hook.DefaultPath;
                    break;
                default:
                    // -c was read by the first pass; -s is qemu-ga's Windows service option, accepted and ignored.
                    break;
            }
        }

        // qemu-ga's main: socket activation overrides -m/-p and needs no path; otherwise the method's default path.
        var activated = detectSocketActivation(out var activationError);
        if (activationError is not null)
        {
            GLibConsoleMessage.Critical(stderr, activationError);
            return CommandLineResult.Exit(1, parser.Operands, location.Path);
        }

        if (activated is not null)
        {
            options.Method = activated;
            options.Path = null;
            options.SocketActivated = true;
        }
        else if (options.Path is null)
        {
            switch (options.Method)
            {
                case "virtio-serial":
                    options.Path = CommandLineTexts.VirtioSerialDefaultPath;
                    break;
                case "isa-serial":
                    options.Path = CommandLineTexts.IsaSerialDefaultPath;
                    break;
                default:
                    GLibConsoleMessage.Critical(stderr, CommandLineTexts.MustSpecifyPath);
                    return CommandLineResult.Exit(1, parser.Operands, location.Path);
            }
        }

        if (dumpConf)
        {
            return Print(stdout, ConfigDump.Format(configuration), parser, location);
        }

        return CommandLineResult.Run(options, parser.Operands.ToArray(), location.Path);
    }

    /// <summary>The program name qemu-ga would print (its argv[0]): the first word of <c>/proc/self/cmdline</c> for an
    /// apphost, or the entry assembly's path when run as <c>dotnet agent.dll</c>.</summary>
    public static string DefaultArgv0()
    {
        var args = Environment.GetCommandLineArgs();

        // Native AOT: GetCommandLineArgs()[0] is argv[0] itself (there is no host or dll in front of it), so the
        // /proc/self/cmdline read below would only repeat it and cost start-up time.
        if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported && args.Length > 0 && args[0].Length > 0)
        {
            return args[0];
        }

        try
        {
            var cmdline = File.ReadAllBytes("/proc/self/cmdline");
            var end = Array.IndexOf(cmdline, (byte)0);
            var first = System.Text.Encoding.UTF8.GetString(cmdline, 0, end < 0 ? cmdline.Length : end);
            if (first.Length > 0 && !Path.GetFileName(first).StartsWith("dotnet", StringComparison.Ordinal))
            {
                return first;
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return args.Length > 0 ? args[0] : "qemu-ga";
    }

    /// <summary>Detects systemd socket activation: the method, or null (with an error text when activation is broken).</summary>
    public delegate string? SocketActivationDetector(out string? error);

    private static string? NoSocketActivation(out string? error)
    {
        error = null;
        return null;
    }

    /// <summary>The version guest-info reports, printed by <c>-V</c> and <c>-h</c> unless the agent passes its own.</summary>
    public static string KitVersion => Commands.AgentVersion.Text;

    // qemu's is_help_option.
    private static bool IsHelpOption(string value) => value is "help" or "?";

    private static string CommandList(IReadOnlyList<string> names)
    {
        var text = new System.Text.StringBuilder();
        foreach (var name in names)
        {
            text.Append(name).Append('\n');
        }

        return text.ToString();
    }

    private static bool TryParseSeconds(string value, out int seconds) =>
        int.TryParse(value, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seconds)
        && seconds >= 0;

    private static CommandLineResult Print(TextWriter stdout, string text, GetoptParser parser, ConfigLocation location)
    {
        stdout.Write(text);
        stdout.Flush();
        return CommandLineResult.Exit(0, parser.Operands, location.Path);
    }
}
