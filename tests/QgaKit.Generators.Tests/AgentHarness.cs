using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using System.Text;
using System.Threading;
using QgaKit.Dispatch;
using QgaKit.Json;
using QgaKit.Protocol;

namespace QgaKit.Generators.Tests;

/// <summary>
/// Compiles a source with the generator, loads the assembly, lets its generated module register its commands
/// (as the agent does) and serves request bytes through the real parser and dispatcher.
/// </summary>
internal sealed class AgentHarness
{
    private readonly JsonStreamParser _parser = new();
    private readonly Dispatcher _dispatcher;

    private AgentHarness(Assembly assembly)
    {
        // Module initializers run on first access to the module; the agent's process triggers it by using the
        // assembly, the test by asking the runtime directly.
        RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
        var module = QgaModules.All.Single(m => m.GetType().Assembly == assembly);
        Services.Add(Table);
        Services.Add(Delimiter);
        module.RegisterCommands(Table, Services);
        _dispatcher = new Dispatcher(Table, Delimiter);
    }

    public CommandTable Table { get; } = new();

    public ResponseDelimiter Delimiter { get; } = new();

    public AgentServices Services { get; } = new();

    public static AgentHarness Create(string source, string assemblyName)
    {
        var (output, _) = GeneratorHarness.Run(GeneratorHarness.Compile(new[] { source }, assemblyName));
        var problems = GeneratorHarness.CompilerProblems(output);
        if (problems.Length > 0)
        {
            throw new InvalidOperationException(string.Join("\n", problems.Select(Snapshot.Describe)));
        }

        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        if (!emit.Success)
        {
            throw new InvalidOperationException(string.Join("\n", emit.Diagnostics));
        }

        stream.Position = 0;
        return new AgentHarness(AssemblyLoadContext.Default.LoadFromStream(stream));
    }

    /// <summary>Sends <paramref name="request"/> and returns every reply it produced, as text.</summary>
    public string Send(string request)
    {
        _parser.Append(Encoding.UTF8.GetBytes(request));
        var output = new StringBuilder();
        while (_parser.TryRead(out var result))
        {
            var reply = _dispatcher.DispatchAsync(result, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            output.Append(Encoding.UTF8.GetString(reply.Span));
        }

        return output.ToString();
    }

    public static string Error(string desc) => "{\"error\": {\"class\": \"GenericError\", \"desc\": \"" + desc.Replace("'", "'", StringComparison.Ordinal) + "\"}}\n";

    public static string Return(string value) => "{\"return\": " + value + "}\n";

    public IEnumerable<string> CommandNames => Table.Commands.Select(c => c.Name);
}
