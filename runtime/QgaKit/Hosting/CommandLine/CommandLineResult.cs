using System.Collections.Generic;

namespace QgaKit.Hosting.CommandLine;

/// <summary>What <see cref="AgentCommandLine.Parse(string[], string, Hooks.HookCatalog, System.IO.TextWriter, System.IO.TextWriter, System.Func{IReadOnlyList{string}})"/>
/// decided: run with <see cref="Options"/>, or exit with <see cref="ExitCode"/> (after <c>-h</c>, <c>-V</c>, <c>-D</c>,
/// <c>-b help</c>, or an error already printed).</summary>
public sealed class CommandLineResult
{
    private CommandLineResult(AgentOptions? options, int exitCode, IReadOnlyList<string> operands, string? configPath)
    {
        Options = options;
        ExitCode = exitCode;
        Operands = operands;
        ConfigPath = configPath;
    }

    /// <summary>The merged options to run with; null when the process should exit with <see cref="ExitCode"/>.</summary>
    public AgentOptions? Options { get; }

    public bool ShouldRun => Options is not null;

    /// <summary>0 after <c>-h</c>, <c>-V</c>, <c>-D</c>, <c>-b help</c>; 1 after an error; 0 when <see cref="ShouldRun"/>.</summary>
    public int ExitCode { get; }

    /// <summary>Non-option words (qemu-ga ignores them silently, e.g. the <c>/x</c> of <c>-F /x</c>).</summary>
    public IReadOnlyList<string> Operands { get; }

    /// <summary>The config file that was read (or looked for), for log messages.</summary>
    public string? ConfigPath { get; }

    public static CommandLineResult Run(AgentOptions options, IReadOnlyList<string> operands, string configPath) => new(options, 0, operands, configPath);

    public static CommandLineResult Exit(int exitCode, IReadOnlyList<string>? operands = null, string? configPath = null) =>
        new(null, exitCode, operands ?? System.Array.Empty<string>(), configPath);
}
