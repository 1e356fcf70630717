using System;

namespace QgaKit.Hosting;

// TEMPORARY (agent core): a minimal parse of -m -p -t -v -F -b (and -a) so the agent runs before the hosting
// branch's getopt-compatible command line and config file land. Delete it then and call their parser.
internal static class TemporaryArgs
{
    /// <summary>Returns the options, or null with <paramref name="exitCode"/> set when the agent must not start.</summary>
    public static AgentOptions? Parse(string[] args, out int exitCode)
    {
        var options = new AgentOptions();
        exitCode = 0;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? value;
            switch (arg)
            {
                case "-v" or "--verbose":
                    options.Verbose = true;
                    continue;
                case "-r" or "--retry-path":
                    options.RetryPath = true;
                    continue;
                case "-F" or "--fsfreeze-hook":
                    options.HookPaths["fsfreeze"] = "/etc/qemu/fsfreeze-hook";
                    continue;
            }

            if (arg.StartsWith("-F", StringComparison.Ordinal) && !arg.StartsWith("--", StringComparison.Ordinal))
            {
                options.HookPaths["fsfreeze"] = arg[2..];
                continue;
            }

            if (arg.StartsWith("--fsfreeze-hook=", StringComparison.Ordinal))
            {
                options.HookPaths["fsfreeze"] = arg["--fsfreeze-hook=".Length..];
                continue;
            }

            var (name, inline) = Split(arg);
            if (name is null)
            {
                Console.WriteLine("Unknown option, try '" + Environment.GetCommandLineArgs()[0] + " --help' for more information.");
                exitCode = 1;
                return null;
            }

            if (inline is not null)
            {
                value = inline;
            }
            else if (i + 1 < args.Length)
            {
                value = args[++i];
            }
            else
            {
                Console.Error.WriteLine("option requires an argument -- '" + name + "'");
                exitCode = 1;
                return null;
            }

            switch (name)
            {
                case "m":
                    options.Method = value;
                    break;
                case "p":
                    options.Path = value;
                    break;
                case "t":
                    options.StateDir = value;
                    break;
                case "l":
                    options.LogFile = value;
                    break;
                case "f":
                    options.PidFile = value;
                    break;
                case "b":
                    options.BlockRpcs.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries));
                    break;
                case "a":
                    options.AllowRpcs ??= new();
                    options.AllowRpcs.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries));
                    break;
            }
        }

        return options;
    }

    private static (string? Name, string? Inline) Split(string arg)
    {
        foreach (var (shortName, longName) in s_valued)
        {
            if (arg == "-" + shortName || arg == "--" + longName)
            {
                return (shortName, null);
            }

            if (arg.StartsWith("--" + longName + "=", StringComparison.Ordinal))
            {
                return (shortName, arg[(longName.Length + 3)..]);
            }

            if (arg.Length > 2 && arg.StartsWith("-" + shortName, StringComparison.Ordinal) && arg[1] != '-')
            {
                return (shortName, arg[2..]);
            }
        }

        return (null, null);
    }

    private static readonly (string Short, string Long)[] s_valued =
    [
        ("m", "method"),
        ("p", "path"),
        ("t", "statedir"),
        ("l", "logfile"),
        ("f", "pidfile"),
        ("b", "block-rpcs"),
        ("a", "allow-rpcs"),
    ];
}
